//===--- PartialWriteCheck.cpp - nbio-partial-write -----------------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "PartialWriteCheck.h"
#include "FreshConnections.h"
#include "ShortWriteFlow.h"
#include "StmtSearch.h"
#include "clang/AST/ParentMap.h"

namespace clang::tidy::nbio {

/// POSIX's least PIPE_BUF (_POSIX_PIPE_BUF): a write of at most this many
/// bytes to a pipe is atomic on every system, so it is never short.
constexpr uint64_t PosixPipeBuf = 512;

PartialWriteCheck::PartialWriteCheck(StringRef Name, ClangTidyContext *Context)
    : NbioCheckBase(Name, Context),
      AllDescriptors(Options.get("AllDescriptors", false)),
      MinimumLength(Options.get("MinimumLength", DefaultMinimumLength)) {}

void PartialWriteCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  NbioCheckBase::storeOptions(Opts);
  Options.store(Opts, "AllDescriptors", AllDescriptors);
  Options.store(Opts, "MinimumLength", MinimumLength);
}

void PartialWriteCheck::registerMatchers(ast_matchers::MatchFinder *F) {
  matchCallsTo(F, {IoFamily::Plain, IoFamily::Ssl, IoFamily::Code});
}

namespace {
/// The calls that can write part of what they were given, and where their
/// buffer and byte count are. -1: none (writev's and sendmsg's lengths are
/// in the iovecs).
struct WriteShape {
  llvm::StringLiteral Name;
  int Buf, Len;
};
constexpr WriteShape Writes[] = {{"write", 1, 2},
                                 {"send", 1, 2},
                                 {"sendto", 1, 2},
                                 {"writev", 1, 2},
                                 {"sendmsg", 1, -1}};
/// The TLS writes that return a short count in partial-write mode, the
/// count as their value (SSL_write_ex puts it in an out-parameter, which
/// the flow does not follow).
constexpr WriteShape TlsWrites[] = {{"SSL_write", 1, 2},
                                    {"wolfSSL_write", 1, 2}};
/// The most plaintext one TLS record carries (SSL3_RT_MAX_PLAIN_LENGTH). In
/// partial-write mode SSL_write returns a short count only once at least
/// one whole record has gone out and the next was refused: a buffer that
/// fits in one record is written whole or not at all.
constexpr int64_t TlsRecordPlaintext = 16384;

/// The writes that send at most one record (or packet) per call, whatever
/// the mode, and return that count: GnuTLS's record layer
/// (gnutls_record_send(3): "the number of bytes sent might be less than
/// data_size"), mbed TLS's (mbedtls_ssl_write: a buffer longer than the
/// maximum fragment length is written in part, and the caller must call
/// again with the rest), libssh2's channel and SFTP writes (one packet,
/// no more than the peer's window allows). Whole: the longest buffer that
/// goes out whole (0: any may come back short); Why: the note; What: what
/// the first argument is.
struct RecordShape {
  WriteShape W;
  int64_t Whole;
  llvm::StringLiteral Why;
  llvm::StringLiteral What = "session";
};
constexpr llvm::StringLiteral OneTlsRecord =
    "'%0' sends at most one TLS record per call (16,384 bytes, fewer if the "
    "peer asks for smaller records): the rest of a longer buffer needs "
    "another call";
constexpr llvm::StringLiteral OneMbedTlsRecord =
    "'%0' sends at most one TLS record per call (16,384 bytes by default, "
    "fewer where the build or the peer sets a smaller maximum fragment "
    "length): the rest of a longer buffer needs another call";
constexpr llvm::StringLiteral OneSshPacket =
    "'%0' sends at most one SSH packet per call, and no more than the "
    "peer's window allows: the rest of the buffer needs another call";
constexpr RecordShape RecordWrites[] = {
    {{"gnutls_record_send", 1, 2}, TlsRecordPlaintext, OneTlsRecord},
    {{"gnutls_record_send2", 1, 2}, TlsRecordPlaintext, OneTlsRecord},
    {{"mbedtls_ssl_write", 1, 2}, TlsRecordPlaintext, OneMbedTlsRecord},
    {{"libssh2_channel_write_ex", 2, 3}, 0, OneSshPacket, "channel"},
    {{"libssh2_sftp_write", 1, 2}, 0, OneSshPacket, "SFTP handle"}};
} // namespace

/// The room a descriptor reported writable has for one write, at least:
/// a TCP socket is reported writable only with send-buffer memory free,
/// and then accepts a whole segment (the smallest MSS is 536 bytes); a
/// Unix stream socket only with three quarters of its buffer free (at
/// least 4,608 bytes); a pipe with a page free; the BSDs' default send
/// low-water mark is 2,048 bytes. A write no larger than this, made once
/// the descriptor was reported writable, is not cut short.
constexpr unsigned ReadyWriteRoom = 512;

/// \p Fn gives \p Fd a destination address: a sendto() with one, or a
/// sendmsg() whose message's msg_name is set in \p Fn. Only a datagram
/// socket takes an address with each send (a connected stream socket
/// ignores it or fails with EISCONN), so its sends are whole.
static bool
addressedIn(NonBlockingFdAnalysis &A, const FunctionDecl *Fn, const Expr *Fd,
            ASTContext &Ctx,
            llvm::DenseMap<const FunctionDecl *, std::vector<const CallExpr *>>
                &Sends) {
  // The function's sendto and sendmsg calls, picked out once: asking every
  // call of the function at each write was quadratic in a long function.
  auto [It, New] = Sends.try_emplace(Fn);
  if (New)
    for (const CallExpr *C : A.callsIn(Fn)) {
      llvm::StringRef N = globalCalleeName(C);
      if (N == "sendto" || N == "sendmsg")
        It->second.push_back(C);
    }
  for (const CallExpr *C : It->second) {
    llvm::StringRef N = globalCalleeName(C);
    if (int Addr = destinationArg(N);
        Addr >= 0 && C->getNumArgs() > unsigned(Addr) &&
        NonBlockingFdAnalysis::sameDescriptor(C->getArg(0), Fd) &&
        !isNullPointer(C->getArg(Addr), Ctx))
      return true;
    if (N != "sendmsg" || C->getNumArgs() < 2 ||
        !NonBlockingFdAnalysis::sameDescriptor(C->getArg(0), Fd))
      continue;
    // The message passed (`&msg`), and an assignment of a non-null
    // address to its msg_name in the function.
    const auto *Msg = dyn_cast<DeclRefExpr>(C->getArg(1)->IgnoreParenImpCasts());
    if (const auto *U =
            dyn_cast<UnaryOperator>(C->getArg(1)->IgnoreParenImpCasts());
        U && U->getOpcode() == UO_AddrOf)
      Msg = dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParenImpCasts());
    if (!Msg)
      continue;
    if (findStmt(Fn->getBody(), [&](const Stmt *S) {
          const auto *B = dyn_cast<BinaryOperator>(S);
          if (!B || B->getOpcode() != BO_Assign)
            return false;
          const auto *M = dyn_cast<MemberExpr>(B->getLHS()->IgnoreParens());
          if (!M || M->getMemberDecl()->getName() != "msg_name")
            return false;
          const auto *Base =
              dyn_cast<DeclRefExpr>(M->getBase()->IgnoreParenImpCasts());
          return Base && Base->getDecl() == Msg->getDecl() &&
                 !isNullPointer(B->getRHS(), Ctx);
        }))
      return true;
  }
  return false;
}

/// The longest string \p E can be, in bytes: a string literal, or a choice
/// between literals (`ok ? "OK\r\n" : "NO\r\n"`); none for anything else.
static std::optional<uint64_t> literalLength(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *S = dyn_cast<StringLiteral>(E))
    return S->getByteLength();
  if (const auto *C = dyn_cast<ConditionalOperator>(E)) {
    std::optional<uint64_t> T = literalLength(C->getTrueExpr());
    std::optional<uint64_t> F = literalLength(C->getFalseExpr());
    if (T && F)
      return std::max(*T, *F);
  }
  return std::nullopt;
}

/// A bound on \p Len when it is `strlen(s)` of a string literal, or of a
/// local pointer whose every value in \p Fn is one (bitlbee's `resp =
/// "TAKEOVER NO\r\n"; ... write(fd, resp, strlen(resp))`): strlen() stops
/// at the first NUL, so it is at most the longest literal's length. The
/// local may only be read, or assigned a literal: any other use (its
/// address taken, a reference bound to it, an increment) gives up.
static std::optional<uint64_t>
strlenBound(const Expr *Len, const FunctionDecl *Fn, FunctionParents &Parents) {
  const auto *C = dyn_cast<CallExpr>(Len->IgnoreParenImpCasts());
  if (!C || C->getNumArgs() != 1 || globalCalleeName(C) != "strlen")
    return std::nullopt;
  const Expr *Arg = C->getArg(0)->IgnoreParenImpCasts();
  if (std::optional<uint64_t> L = literalLength(Arg))
    return L;
  const auto *DRE = dyn_cast<DeclRefExpr>(Arg);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->isLocalVarDecl() || VD->isStaticLocal() ||
      !VD->getType()->isPointerType() || !Fn->getBody())
    return std::nullopt;
  std::optional<uint64_t> Max;
  if (const Expr *Init = VD->getInit()) {
    Max = literalLength(Init);
    if (!Max)
      return std::nullopt;
  }
  const ParentMap &PM = Parents.of(Fn);
  bool Bad = false;
  findStmt(Fn->getBody(), [&](const Stmt *S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(S);
    if (!Ref || Ref->getDecl() != VD)
      return false;
    const Stmt *P = PM.getParentIgnoreParens(Ref);
    if (const auto *IC = dyn_cast_or_null<ImplicitCastExpr>(P);
        IC && IC->getCastKind() == CK_LValueToRValue)
      return false; // read
    const auto *B = dyn_cast_or_null<BinaryOperator>(P);
    std::optional<uint64_t> L;
    if (B && B->getOpcode() == BO_Assign && B->getLHS()->IgnoreParens() == Ref)
      L = literalLength(B->getRHS());
    if (!L) {
      Bad = true;
      return true;
    }
    Max = std::max(Max.value_or(0), *L);
    return false;
  });
  if (Bad)
    return std::nullopt;
  return Max;
}

/// The length \p Len, or a bound on it (`strlen` of literals), if known.
static std::optional<int64_t>
lengthBound(const Expr *Len, const FunctionDecl *Fn, NonBlockingFdAnalysis &A) {
  Expr::EvalResult R;
  if (!Len->isValueDependent() && Len->EvaluateAsInt(R, A.context()))
    return R.Val.getInt().getExtValue();
  if (std::optional<uint64_t> B = strlenBound(Len, Fn, A.functionParents()))
    return int64_t(*B);
  return std::nullopt;
}

bool PartialWriteCheck::report(const CallExpr *Call, const IoCallInfo &Info,
                               const ShortWriteOutcome &O,
                               llvm::StringRef Subject) {
  switch (O.End) {
  case ShortWriteEnd::Dropped:
    diag(reportLoc(Call),
         "'%0' on %1 can write fewer bytes than asked, but only a failure is "
         "tested: the rest of the buffer is never sent")
        << Info.Name << Subject;
    if (O.Test)
      diag(reportLoc(O.Test),
           "the count is only tested for a failure here; a short count "
           "passes",
           DiagnosticIDs::Note);
    if (O.Where)
      diag(reportLoc(O.Where),
           "after a short write the function returns here as if every "
           "byte was written",
           DiagnosticIDs::Note);
    return true;
  case ShortWriteEnd::Failed:
    diag(reportLoc(Call), "'%0' on %1 treats a short write as a failure; "
                          "under load it writes only what fits in the buffer")
        << Info.Name << Subject;
    diag(reportLoc(O.Test), "a short count is taken for a failure here",
         DiagnosticIDs::Note);
    if (O.Where)
      diag(reportLoc(O.Where),
           "a short write ends here, and the bytes not yet written are lost",
           DiagnosticIDs::Note);
    return true;
  case ShortWriteEnd::Restarted:
    diag(reportLoc(Call),
         "'%0' on %1 retries a short write from the start of the buffer: "
         "the bytes already written go out again")
        << Info.Name << Subject;
    if (O.LengthOnly)
      diag(reportLoc(O.Test),
           "the count shortens the length here, but the buffer does not "
           "move past the bytes written",
           DiagnosticIDs::Note);
    else
      diag(reportLoc(O.Test),
           "a short count goes back to the call here with the same buffer "
           "and length",
           DiagnosticIDs::Note);
    return true;
  case ShortWriteEnd::NotKept:
  case ShortWriteEnd::Advances:
  case ShortWriteEnd::Returned:
    return false;
  }
  return false;
}

/// The TLS writes that can return a short count. SSL_write in
/// partial-write mode: once the program turns SSL_MODE_ENABLE_PARTIAL_WRITE
/// on, a write longer than one record can return after the first records,
/// whatever the descriptor's mode (SSL_CTX_set_mode(3)); without it a TLS
/// write is whole or fails, and a retry must repeat the same arguments, so
/// nothing is reported. gnutls_record_send, mbedtls_ssl_write and
/// libssh2's writes (RecordWrites): one record or packet per call, so a
/// longer buffer comes back short on any descriptor, blocking or not.
void PartialWriteCheck::decideTls(NonBlockingFdAnalysis &A,
                                  ShortWriteFlow &Flow, const CallExpr *Call,
                                  const IoCallInfo &Info) {
  auto Named = [&](const WriteShape &W) { return W.Name == Info.Name; };
  const WriteShape *Shape = llvm::find_if(TlsWrites, Named);
  const bool PerRecord = Shape == std::end(TlsWrites);
  const RecordShape *Record = nullptr;
  if (PerRecord) {
    Record = llvm::find_if(RecordWrites,
                           [&](const RecordShape &R) { return Named(R.W); });
    if (Record == std::end(RecordWrites))
      return;
    Shape = &Record->W;
  }
  if (Call->getNumArgs() <= unsigned(std::max(Shape->Buf, Shape->Len)))
    return;
  const FunctionDecl *Fn = A.enclosingFunction(Call);
  if (!Fn)
    return;
  const Expr *Session = fdOf(Call, Info);
  const TlsSessions::ModeSwitch *Mode =
      PerRecord ? nullptr : A.tlsSessions().partialWrites(Session, Call, Fn);
  if (!PerRecord && !Mode)
    return;
  // A buffer that fits in one record goes out whole (for GnuTLS and mbed
  // TLS, one of the default size: a peer may ask for smaller records,
  // rarely); an SSH channel's window has no such floor.
  const int64_t Whole = Record ? Record->Whole : TlsRecordPlaintext;
  if (std::optional<int64_t> N = lengthBound(Call->getArg(Shape->Len), Fn, A);
      N && *N <= Whole)
    return;
  ShortWriteOutcome O = Flow.follow(
      Call, Fn, Session, {Call->getArg(Shape->Buf), Call->getArg(Shape->Len)});
  // RecordWrites: only a retry that does not move on. The loop shows
  // the code expects short counts, and each one sends the head of the
  // buffer again. A count dropped, or taken for a failure, is wrong only
  // for a buffer longer than a record, and most such writes are small
  // messages whose length the check cannot bound (openconnect's EAP
  // packets): not reported.
  if (PerRecord && O.End != ShortWriteEnd::Restarted)
    return;
  std::string Subject =
      (Info.Api->Library + " " + (Record ? Record->What : "session") + " '" +
       textOf(Session) + (PerRecord ? "'" : "' in partial-write mode"))
          .str();
  if (!report(Call, Info, O, Subject))
    return;
  if (Mode)
    diag(reportLoc(Mode->Call),
         "partial-write mode is turned on here "
         "(SSL_MODE_ENABLE_PARTIAL_WRITE): a write longer than one record "
         "can return once part of the buffer is sent",
         DiagnosticIDs::Note);
  else
    diag(reportLoc(Call), Record->Why, DiagnosticIDs::Note) << Info.Name;
}

void PartialWriteCheck::decide(NonBlockingFdAnalysis &A,
                               llvm::ArrayRef<const Stmt *> Candidates) {
  ShortWriteFlow Flow(A.context(), A.functionCfgs());
  llvm::DenseMap<const FunctionDecl *, std::vector<const CallExpr *>> Sends;
  for (const Stmt *S : Candidates) {
    const auto *Call = cast<CallExpr>(S);
    const IoCallInfo *Info = ioCallInfo(Call);
    if (Info &&
        (Info->Family == IoFamily::Ssl || Info->Family == IoFamily::Code)) {
      decideTls(A, Flow, Call, *Info);
      continue;
    }
    if (!Info || Info->Family != IoFamily::Plain)
      continue;
    // A project's wrapper is the library call it wraps, with the
    // wrapper's own parameters as buffer and length, when it hands the
    // count back (its caller then decides what a short write does).
    const IoWrapper *Wrapper = wrapperCalled(Call);
    StringRef Library = Wrapper ? StringRef(Wrapper->Library) : Info->Name;
    const WriteShape *Shape = llvm::find_if(
        Writes, [&](const WriteShape &W) { return W.Name == Library; });
    if (Shape == std::end(Writes))
      continue;
    int BufArg = Wrapper ? Wrapper->BufArg : Shape->Buf;
    int LenArg = Wrapper ? Wrapper->LenArg : Shape->Len;
    if (Call->getNumArgs() <= unsigned(std::max({BufArg, LenArg, 0})))
      continue;
    const FunctionDecl *Fn = A.enclosingFunction(Call);
    if (!Fn)
      continue;
    if (Wrapper && !wrapperReturnsCount(*Wrapper, Flow))
      continue; // the wrapper's own write is judged where it is
    const Expr *Fd = fdOf(Call, *Info);
    std::optional<NonBlockingOrigin> Origin =
        A.ioCallIsNonBlocking(Call, *Info, Fn, Fd);
    if (!Origin && !AllDescriptors)
      continue;
    // eventfd, timerfd...: a write is one whole 8-byte value or a failure.
    if (Origin && Origin->LinuxOnly)
      continue;
    // A datagram is sent whole or not at all; so is a packet written to a
    // TUN/TAP device.
    if (A.isDatagramSocket(Fd, Call, Fn) || A.isTunDevice(Fd))
      continue;
    // A wrapper's sendto() given an address, its own or the one this call
    // passes (fping's socket_sendto_ping_ipv4(s, addr, ...)): a datagram
    // socket's send, as below.
    if (Wrapper && Wrapper->AddrArg != -1 &&
        (Wrapper->AddrArg == AlwaysAddressed ||
         (unsigned(Wrapper->AddrArg) < Call->getNumArgs() &&
          !isNullPointer(Call->getArg(Wrapper->AddrArg), *Ctx))))
      continue;
    // Sent to an address, here or by another send on the same descriptor
    // in this function (`if (addr) sendto(fd, ..., addr, len); else
    // send(fd, ...);`): a datagram socket's calls.
    if (addressedIn(A, Fn, Fd, *Ctx, Sends))
      continue;
    if (LenArg >= 0 && Library != "writev") {
      // The length, or a bound on it: each rule below asks "at most".
      if (std::optional<int64_t> N = lengthBound(Call->getArg(LenArg), Fn, A)) {
        // One byte (the self-pipe's wake-up) is all or nothing; so is a
        // write of at most PIPE_BUF bytes to a pipe; a write shorter than
        // MinimumLength is in practice (DefaultMinimumLength says why).
        if (*N <= 1 || *N < int64_t(MinimumLength) ||
            (*N <= int64_t(PosixPipeBuf) && A.isPipeEnd(Fd)))
          continue;
        // So is a small write once the descriptor was reported writable:
        // readiness promises room for at least ReadyWriteRoom bytes.
        if (*N <= int64_t(ReadyWriteRoom) &&
            A.readiness().runsWhenReady(Fn, Call, Fd, Direction::Write))
          continue;
        // So is one of the first writes of a connection this function
        // accepted: its send buffer is still empty (FreshConnections).
        if (writesIntoFreshConnection(A, Call, *Info, Fd, Fn))
          continue;
      }
    }
    llvm::SmallVector<const Expr *, 2> Data;
    for (int Arg : {BufArg, LenArg})
      if (Arg >= 0)
        Data.push_back(Call->getArg(Arg));
    ShortWriteOutcome O = Flow.follow(Call, Fn, Fd, Data);
    std::string Subject =
        std::string(Origin ? "non-blocking " : "") + "fd '" + textOf(Fd) + "'";
    if (!report(Call, *Info, O, Subject))
      continue;
    if (Origin)
      noteOrigin(*Origin, Call);
  }
}

} // namespace clang::tidy::nbio
