//===--- ErrnoFacts.cpp - Recognising errno, EAGAIN and their tests -------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "ErrnoFacts.h"
#include "IoCalls.h"
#include "StmtSearch.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/Hashing.h"
#include <functional>

namespace clang::tidy::nbio {

static std::optional<ErrnoConst> classifyName(llvm::StringRef N) {
  if (N == "EAGAIN" || N == "UV_EAGAIN" || N == "UV__EAGAIN")
    return ErrnoConst::EAgain;
  if (N == "EWOULDBLOCK" || N == "WSAEWOULDBLOCK")
    return ErrnoConst::EWouldBlock;
  if (N == "EINPROGRESS" || N == "WSAEINPROGRESS" || N == "UV_EINPROGRESS" ||
      N == "UV__EINPROGRESS")
    return ErrnoConst::EInProgress;
  if (N == "EALREADY" || N == "WSAEALREADY" || N == "UV_EALREADY")
    return ErrnoConst::EAlready;
  if (N == "EINTR" || N == "UV_EINTR" || N == "WSAEINTR")
    return ErrnoConst::EIntr;
  if (N == "SSL_ERROR_WANT_READ" || N == "WOLFSSL_ERROR_WANT_READ")
    return ErrnoConst::SslWantRead;
  if (N == "SSL_ERROR_WANT_WRITE" || N == "WOLFSSL_ERROR_WANT_WRITE")
    return ErrnoConst::SslWantWrite;
  if (N == "GNUTLS_E_AGAIN" || N == "LIBSSH2_ERROR_EAGAIN")
    return ErrnoConst::TlsAgain;
  if (N == "MBEDTLS_ERR_SSL_WANT_READ" || N == "TLS_WANT_POLLIN")
    return ErrnoConst::TlsWantRead;
  if (N == "MBEDTLS_ERR_SSL_WANT_WRITE" || N == "TLS_WANT_POLLOUT")
    return ErrnoConst::TlsWantWrite;
  // Any other E<UPPER>... or SSL_ERROR_... name is some other error code.
  // (errno names have no underscore: ECONNRESET, E2BIG; a macro such as
  // ERR_IS_AGAIN(e) is a test, not a constant).
  if ((N.size() > 2 && N[0] == 'E' &&
       N.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") ==
           llvm::StringRef::npos) ||
      N.starts_with("SSL_ERROR_") || N.starts_with("WSAE") ||
      N.starts_with("UV_E") || N.starts_with("WOLFSSL_ERROR_") ||
      N.starts_with("GNUTLS_E_") || N.starts_with("LIBSSH2_ERROR_") ||
      N.starts_with("MBEDTLS_ERR_"))
    return ErrnoConst::OtherNamed;
  return std::nullopt;
}

namespace {
/// FileIDs are consecutive numbers, and DenseMapInfo<FileID> hashes a
/// FileID to its number: in a map of hundreds of thousands of them, the
/// buckets fill in long runs and every lookup of a new one probed through
/// a run. Mixed, they spread.
struct MixedFileIDInfo : llvm::DenseMapInfo<FileID> {
  static unsigned getHashValue(FileID F) {
    return static_cast<unsigned>(llvm::hash_value(F.getHashValue()));
  }
};

/// The chains already asked for in this translation unit, on this thread,
/// and the macro name of each expansion met on the way. The names point
/// into the TU's buffers: the cache is dropped at the end of each TU
/// (forgetMacroChains) and whenever another TU's source manager asks.
struct MacroChainCache {
  const SourceManager *SM = nullptr;
  const char *MainBuffer = nullptr;
  llvm::DenseMap<unsigned, llvm::SmallVector<llvm::StringRef, 4>> Chains;
  llvm::DenseMap<FileID, llvm::StringRef, MixedFileIDInfo> NameOf;
};
thread_local MacroChainCache ChainCache;

/// Lexer::getImmediateMacroName, remembered per expansion. That function
/// depends only on the FileID of its location; for a token of a macro
/// argument that came from an inner macro's argument it follows the
/// argument up, level by level, to the macro whose argument the token was
/// written in: under N nested function-like macros that is N steps, and
/// macroChain asks again at each caller level, for every node of a
/// condition (the benchmark's macros row: loops x depth x 32 steps).
/// Every expansion passed on the way has the same answer, so the walk
/// below stops at the first one already known and remembers the first
/// levels it passed. A node's location is always its token's innermost
/// one (the start of a chain), and macroChain climbs at most 32 levels
/// from there: the levels beyond are never asked about directly, and
/// remembering them too took as much memory again as the whole TU.
constexpr unsigned MacroChainSteps = 32;
constexpr unsigned RememberedLevels = 2 * MacroChainSteps;

llvm::StringRef immediateMacroName(SourceLocation Loc, const SourceManager &SM,
                                   const LangOptions &LO) {
  llvm::SmallVector<FileID, 8> Passed;
  llvm::StringRef Name;
  bool Known = false;
  // The same steps as getImmediateMacroName's loop (clang/lib/Lex/Lexer.cpp)
  // over the argument levels; the name itself is read by that function
  // from the last level, where its loop stops at once.
  while (true) {
    FileID F = SM.getFileID(Loc);
    if (auto It = ChainCache.NameOf.find(F); It != ChainCache.NameOf.end()) {
      Name = It->second;
      Known = true;
      break;
    }
    if (Passed.size() < RememberedLevels)
      Passed.push_back(F);
    const SrcMgr::ExpansionInfo &X = SM.getSLocEntry(F).getExpansion();
    if (!X.isMacroArgExpansion())
      break;
    SourceLocation Caller =
        SM.getImmediateExpansionRange(X.getExpansionLocStart()).getBegin();
    SourceLocation Spelled = X.getSpellingLoc();
    if (Spelled.isFileID() || SM.isInFileID(Spelled, SM.getFileID(Caller)))
      break; // written in this argument, not in an inner macro's
    Loc = Spelled;
  }
  if (!Known)
    Name = Lexer::getImmediateMacroName(Loc, SM, LO);
  for (FileID F : Passed)
    ChainCache.NameOf[F] = Name;
  return Name;
}
} // namespace

void forgetMacroChains() { ChainCache = MacroChainCache(); }

llvm::SmallVector<llvm::StringRef, 4> macroChain(SourceLocation Loc,
                                                 const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const char *Main = SM.getBufferData(SM.getMainFileID()).data();
  if (ChainCache.SM != &SM || ChainCache.MainBuffer != Main) {
    forgetMacroChains();
    ChainCache.SM = &SM;
    ChainCache.MainBuffer = Main;
  }
  const unsigned Key = Loc.getRawEncoding();
  if (auto It = ChainCache.Chains.find(Key); It != ChainCache.Chains.end())
    return It->second;
  llvm::SmallVector<llvm::StringRef, 4> Chain;
  for (unsigned Guard = 0; Loc.isMacroID() && Guard < MacroChainSteps;
       ++Guard) {
    llvm::StringRef Name = immediateMacroName(Loc, SM, Ctx.getLangOpts());
    if (!Name.empty() && (Chain.empty() || Chain.back() != Name))
      Chain.push_back(Name);
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  ChainCache.Chains[Key] = Chain;
  return Chain;
}

static const Expr *stripToConstant(const Expr *E) {
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && (U->getOpcode() == UO_Minus || U->getOpcode() == UO_Plus)) {
      E = U->getSubExpr();
      continue;
    }
    return E;
  }
  return nullptr;
}

/// The outermost name in the spelling of \p E that names an error
/// constant, and which constant that is.
static std::optional<std::pair<llvm::StringRef, ErrnoConst>>
spelledConst(const Expr *E, const ASTContext &Ctx) {
  const Expr *Core = stripToConstant(E);
  if (!Core)
    return std::nullopt;
  // Macros first: `EWOULDBLOCK` expands to `EAGAIN`, so the outermost
  // classifying name in the chain is the one the user wrote.
  for (const Expr *At : {E, Core}) {
    if (!At->getBeginLoc().isMacroID())
      continue;
    auto Chain = macroChain(At->getBeginLoc(), Ctx);
    for (auto It = Chain.rbegin(); It != Chain.rend(); ++It)
      if (auto C = classifyName(*It))
        return std::make_pair(*It, *C);
  }
  // Enumerators: SOCK_* style enums in libuv (UV_EAGAIN) and elsewhere.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Core))
    if (const auto *ECD = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      if (auto C = classifyName(ECD->getName()))
        return std::make_pair(ECD->getName(), *C);
  return std::nullopt;
}

std::optional<ErrnoConst> spelledErrnoConst(const Expr *E,
                                            const ASTContext &Ctx) {
  if (auto P = spelledConst(E, Ctx))
    return P->second;
  return std::nullopt;
}

llvm::StringRef spelledWouldBlockName(const Expr *E, const ASTContext &Ctx) {
  if (auto P = spelledConst(E, Ctx))
    if (P->second == ErrnoConst::EAgain || P->second == ErrnoConst::EWouldBlock)
      return P->first;
  return {};
}

/// The last word of the identifier \p N, words being split at
/// underscores (`_dbus_save_socket_errno`: "errno").
static llvm::StringRef lastNameWord(llvm::StringRef N) {
  N = N.rtrim('_');
  return N.substr(N.rfind('_') + 1);
}

/// \p N, split at underscores, has \p Word as one of its words.
static bool hasNameWord(llvm::StringRef N, llvm::StringRef Word) {
  llvm::SmallVector<llvm::StringRef, 8> Words;
  N.split(Words, '_', -1, /*KeepEmpty=*/false);
  return llvm::any_of(
      Words, [&](llvm::StringRef W) { return W.equals_insensitive(Word); });
}

/// What \p Def returns when its body is that one `return` (`{ return
/// errno; }`), or null.
static const Expr *onlyReturnedValue(const FunctionDecl *Def) {
  const auto *Body =
      Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
  const auto *Ret = Body && Body->size() == 1
                        ? dyn_cast<ReturnStmt>(Body->body_front())
                        : nullptr;
  return Ret ? Ret->getRetValue() : nullptr;
}

bool isErrnoExpr(const Expr *E) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_Deref) {
    if (const auto *C = dyn_cast<CallExpr>(U->getSubExpr()->IgnoreParenCasts()))
      if (const FunctionDecl *FD = C->getDirectCallee();
          FD && FD->getIdentifier()) {
        llvm::StringRef N = FD->getName();
        return N == "__errno_location" || N == "__error" || N == "_errno" ||
               N == "___errno" || N == "__errno";
      }
    return false;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return VD->getName() == "errno";
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    llvm::StringRef N = globalCalleeName(C);
    if (N == "WSAGetLastError")
      return true;
    // The project's accessor of the last error code: a call with no
    // arguments and an integer result whose name ends in "errno" (dbus's
    // `saved_errno = _dbus_save_socket_errno ();`, defined in another
    // file; not a predicate such as `errno_is_fatal()`), or one of the
    // file's whose body is `return errno;`.
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD || C->getNumArgs() != 0 || !FD->getReturnType()->isIntegerType())
      return false;
    if (lastNameWord(N).equals_insensitive("errno"))
      return true;
    const FunctionDecl *Def = nullptr;
    const Expr *V = FD->hasBody(Def) ? onlyReturnedValue(Def) : nullptr;
    // Not another call: an accessor of an accessor is not followed.
    return V && !isa<CallExpr>(V->IgnoreParenImpCasts()) && isErrnoExpr(V);
  }
  return false;
}

// Helpers and macros from real projects that test an errno for "try
// again later"; they count as testing EAGAIN/EWOULDBLOCK/EINPROGRESS.
static const llvm::StringRef BuiltinClassifiers[] = {
    "EVUTIL_ERR_RW_RETRIABLE",
    "EVUTIL_ERR_IS_EAGAIN",
    "EVUTIL_ERR_CONNECT_RETRIABLE",
    "EVUTIL_ERR_ACCEPT_RETRIABLE",
    "EVUTIL_ERR_CONNECT_REFUSED",
    "ERRNO_IS_TRANSIENT",
    "ERRNO_IS_NEG_TRANSIENT",
    "ERRNO_IS_ACCEPT_AGAIN",
    "ERRNO_IS_NEG_ACCEPT_AGAIN",
    "ERRNO_IS_DISCONNECT",
    "ignoreErrno",
    "SOCKET_ERRNO_IS_EAGAIN",
    "sock_errno_is_eagain",
    "uv__is_eagain",
    "g_socket_would_block",
};

WouldBlockClassifiers::WouldBlockClassifiers(
    llvm::ArrayRef<std::string> UserNames) {
  for (llvm::StringRef N : BuiltinClassifiers)
    Names.insert(N);
  for (const std::string &N : UserNames)
    Names.insert(N);
}

bool WouldBlockClassifiers::isListedName(llvm::StringRef Name) const {
  if (Names.contains(Name))
    return true;
  std::string L = Name.lower();
  llvm::StringRef Low(L);
  // is_eagain(), errno_is_transient(), sock_would_block(), and a word
  // "again" (`sock_eintr_or_again(e)`)...
  return Low.contains("eagain") || hasNameWord(Low, "again") ||
         Low.contains("would_block") || Low.contains("wouldblock") ||
         Low.contains("retriable") || Low.contains("retryable") ||
         Low.contains("is_transient");
}

static constexpr unsigned AllTryAgain = WouldBlockMask | InProgressMask;

bool WouldBlockClassifiers::interruptOnlyHelper(const CallExpr *Call,
                                                const ASTContext &Ctx) {
  const FunctionDecl *FD = Call->getDirectCallee();
  // Named for EINTR: its last word (`_dbus_get_is_errno_eintr`,
  // `is_eintr`), and no word that turns it round or adds another code
  // (`not_eintr`, `eintr_or_again`), with the one code to test.
  if (!FD || !FD->getIdentifier() || isListedName(FD->getName()) ||
      Call->getNumArgs() != 1)
    return false;
  llvm::StringRef N = FD->getName();
  if (!lastNameWord(N).equals_insensitive("eintr") || hasNameWord(N, "not") ||
      hasNameWord(N, "no") || hasNameWord(N, "non") || hasNameWord(N, "or"))
    return false;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def)
    return true;
  // In sight: `{ return e == EINTR; }` (or an `||` of such tests), with
  // `e` its only parameter.
  const Expr *V = onlyReturnedValue(Def);
  if (!V || Def->getNumParams() != 1)
    return false;
  const ParmVarDecl *P = Def->getParamDecl(0);
  // The same test a few times at most (`e == EINTR || e == EINTR`); a
  // longer chain is not followed (the stack).
  constexpr unsigned MaxEintrTerms = 8;
  std::function<bool(const Expr *, unsigned)> OnlyEintr = [&](const Expr *E,
                                                              unsigned Depth) {
    const auto *B = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
    if (!B || Depth > MaxEintrTerms)
      return false;
    if (B->getOpcode() == BO_LOr)
      return OnlyEintr(B->getLHS(), Depth + 1) &&
             OnlyEintr(B->getRHS(), Depth + 1);
    if (B->getOpcode() != BO_EQ)
      return false;
    const auto *R = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts());
    std::optional<ErrnoConst> C = spelledErrnoConst(B->getRHS(), Ctx);
    return R && R->getDecl() == P && C && *C == ErrnoConst::EIntr;
  };
  return OnlyEintr(V, 0);
}

unsigned WouldBlockClassifiers::classifierMask(const CallExpr *Call,
                                               const ASTContext &Ctx) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return 0;
  if (isListedName(FD->getName()))
    return AllTryAgain;
  return bodyMask(FD, Ctx, 0);
}

/// How many helpers deep a classifier's body is read (`is_again(e)` calling
/// `is_transient(e)`...): project classifiers are thin; the bound keeps
/// mutual recursion and long chains cheap.
constexpr unsigned ClassifierDepth = 2;

unsigned WouldBlockClassifiers::bodyMask(const FunctionDecl *FD,
                                         const ASTContext &Ctx,
                                         unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def || Depth > ClassifierDepth)
    return 0;
  // A classifier takes the error code as a parameter: `int is_again(int e)`.
  bool TakesInt = false;
  for (const ParmVarDecl *P : Def->parameters())
    TakesInt |= P->getType()->isIntegerType();
  if (!TakesInt)
    return 0;
  auto It = Inferred.find(Def);
  if (It != Inferred.end())
    return It->second;
  Inferred[Def] = 0; // cycles
  unsigned M = mentionedMask(Def->getBody(), Ctx, Depth + 1) & AllTryAgain;
  Inferred[Def] = M;
  return M;
}

unsigned WouldBlockClassifiers::mentionedMask(const Stmt *S,
                                              const ASTContext &Ctx) {
  return mentionedMask(S, Ctx, 0);
}

unsigned WouldBlockClassifiers::mentionedMask(const Stmt *S,
                                              const ASTContext &Ctx,
                                              unsigned Depth) {
  auto Own = [&](const Stmt *N) -> std::pair<unsigned, bool> {
    unsigned M = 0;
    if (const auto *E = dyn_cast<Expr>(N)) {
      if (const Expr *Bare = E->IgnoreParenCasts();
          isa<IntegerLiteral, DeclRefExpr>(Bare))
        if (auto C = spelledErrnoConst(E, Ctx))
          return {bit(*C), false};
      // An implicit cast begins where its operand does, and the operand is
      // asked next: one look at the macro names is enough.
      if (!isa<ImplicitCastExpr>(E) && E->getBeginLoc().isMacroID()) {
        for (llvm::StringRef Name : macroChain(E->getBeginLoc(), Ctx))
          if (Names.contains(Name))
            M |= AllTryAgain;
      }
      if (const auto *C = dyn_cast<CallExpr>(E)) {
        const FunctionDecl *FD = C->getDirectCallee();
        if (FD && FD->getIdentifier()) {
          if (isListedName(FD->getName()))
            M |= AllTryAgain;
          else
            M |= bodyMask(FD, Ctx, Depth);
        }
      }
    }
    if (const auto *CS = dyn_cast<CaseStmt>(N))
      if (auto C = spelledErrnoConst(CS->getLHS(), Ctx))
        M |= bit(*C);
    return {M, true};
  };
  // The user's statements are asked about again and again (each level of a
  // condition): their answers are kept for the TU. A classifier's body
  // (Depth > 0) is read once, through bodyMask's own memo: no answer under
  // it is asked for again, so its nodes' bits are just gathered.
  if (Depth == 0)
    return unionOver(S, MentionedMemo, Own);
  unsigned M = 0;
  llvm::SmallVector<const Stmt *, 32> Work{S};
  while (!Work.empty()) {
    const Stmt *N = Work.pop_back_val();
    if (!N)
      continue;
    auto [Bits, Descend] = Own(N);
    M |= Bits;
    if (Descend)
      llvm::append_range(Work, N->children());
  }
  return M;
}

} // namespace clang::tidy::nbio
