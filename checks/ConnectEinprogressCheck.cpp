//===--- ConnectEinprogressCheck.cpp - nbio-connect-einprogress ----------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "ConnectEinprogressCheck.h"
#include "StmtSearch.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"

namespace clang::tidy::nbio {

ConnectEinprogressCheck::ConnectEinprogressCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : NbioCheckBase(Name, Context),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()),
      CheckSoErrorReadback(Options.get("CheckSoErrorReadback", true)),
      StrictPropagation(Options.get("StrictPropagation", false)),
      TimeoutMs(Options.get("TimeoutMs", 5000)) {}

void ConnectEinprogressCheck::registerPPCallbacks(const SourceManager &,
                                                  Preprocessor *PP,
                                                  Preprocessor *) {
  Inserter.registerPreprocessor(PP);
  this->PP = PP;
}

void ConnectEinprogressCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  NbioCheckBase::storeOptions(Opts);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
  Options.store(Opts, "TimeoutMs", TimeoutMs);
  Options.store(Opts, "CheckSoErrorReadback", CheckSoErrorReadback);
  Options.store(Opts, "StrictPropagation", StrictPropagation);
}

void ConnectEinprogressCheck::registerMatchers(ast_matchers::MatchFinder *F) {
  matchCallsTo(F, {IoFamily::Connect});
}

/// connect(fd, (struct sockaddr *)&un, ...) with a sockaddr_un.
static bool isUnixDomainAddress(const CallExpr *Call) {
  if (Call->getNumArgs() < 2)
    return false;
  const Expr *A = Call->getArg(1)->IgnoreParenCasts();
  // glibc's __CONST_SOCKADDR_ARG is a transparent union in GNU C.
  if (const auto *CL = dyn_cast<CompoundLiteralExpr>(A))
    if (const auto *IL = dyn_cast<InitListExpr>(CL->getInitializer());
        IL && IL->getNumInits() == 1)
      A = IL->getInit(0)->IgnoreParenCasts();
  QualType T = A->getType();
  if (!T->isPointerType())
    return false;
  const auto *RD = T->getPointeeType()->getAsRecordDecl();
  return RD && RD->getName() == "sockaddr_un";
}

/// What the fix-it inserts once per file: C and C++ alike, warning-free
/// under -Wall -Wextra, guarded so that a copy in a header and one in the
/// file that includes it do not clash. The declaration comes first so that
/// the guard never starts the file's preamble (the leading directives,
/// which clangd patches after an edit without its #if blocks). It returns what connect() returns: 0
/// once connected, else -1 with errno set to why (ETIMEDOUT when the socket
/// did not become writable in time).
static constexpr llvm::StringLiteral HelperText =
    "/* Added by nbio-connect-einprogress: a non-blocking connect() that\n"
    "   answered EINPROGRESS is waited for; 0 once connected, else -1 with\n"
    "   errno set to the real error. */\n"
    "static int nbio_connect_wait(int rc, int fd, int timeout_ms);\n"
    "#ifndef NBIO_CONNECT_WAIT_DEFINED\n"
    "#define NBIO_CONNECT_WAIT_DEFINED\n"
    "static int nbio_connect_wait(int rc, int fd, int timeout_ms) {\n"
    "  struct pollfd pfd;\n"
    "  int ready;\n"
    "  int err = 0;\n"
    "  socklen_t len = sizeof err;\n"
    "  if (rc == 0 || errno != EINPROGRESS)\n"
    "    return rc;\n"
    "  pfd.fd = fd;\n"
    "  pfd.events = POLLOUT;\n"
    "  pfd.revents = 0;\n"
    "  do\n"
    "    ready = poll(&pfd, 1, timeout_ms);\n"
    "  while (ready < 0 && errno == EINTR);\n"
    "  if (ready == 0)\n"
    "    errno = ETIMEDOUT;\n"
    "  if (ready <= 0)\n"
    "    return -1;\n"
    "  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)\n"
    "    return -1;\n"
    "  if (err != 0) {\n"
    "    errno = err;\n"
    "    return -1;\n"
    "  }\n"
    "  return 0;\n"
    "}\n"
    "#endif\n"
    "\n";

/// What the note's fix-it for a wait that never reads the outcome back
/// inserts once per file, in the same way.
static constexpr llvm::StringLiteral FailedHelperText =
    "/* Added by nbio-connect-einprogress: once the socket of a non-blocking\n"
    "   connect() is writable, 1 (with errno set to why) when the connection\n"
    "   failed, else 0. */\n"
    "static int nbio_connect_failed(int fd);\n"
    "#ifndef NBIO_CONNECT_FAILED_DEFINED\n"
    "#define NBIO_CONNECT_FAILED_DEFINED\n"
    "static int nbio_connect_failed(int fd) {\n"
    "  int err = 0;\n"
    "  socklen_t len = sizeof err;\n"
    "  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)\n"
    "    return 1;\n"
    "  if (err != 0) {\n"
    "    errno = err;\n"
    "    return 1;\n"
    "  }\n"
    "  return 0;\n"
    "}\n"
    "#endif\n"
    "\n";

/// The declaration at file scope that holds \p Fn (itself, its template,
/// the class or namespace around it, the function around a lambda).
static const Decl *outermostDecl(const FunctionDecl *Fn) {
  const Decl *D = Fn;
  for (;;) {
    if (const auto *F = dyn_cast<FunctionDecl>(D))
      if (const FunctionTemplateDecl *T = F->getDescribedFunctionTemplate())
        D = T;
    if (const auto *R = dyn_cast<CXXRecordDecl>(D))
      if (const ClassTemplateDecl *T = R->getDescribedClassTemplate())
        D = T;
    const DeclContext *DC = D->getLexicalDeclContext();
    if (!DC || DC->isTranslationUnit())
      return D;
    D = cast<Decl>(DC);
  }
}

/// The start of the line of \p Loc, moved up over the comment lines just
/// above it (the comment stays with what it describes).
static SourceLocation startOfCommentedLine(SourceLocation Loc,
                                           const SourceManager &SM) {
  auto [File, Off] = SM.getDecomposedLoc(Loc);
  StringRef Buf = SM.getBufferData(File);
  auto LineStart = [&](size_t At) { // rfind looks before At
    size_t NL = Buf.rfind('\n', At);
    return NL == StringRef::npos ? size_t(0) : NL + 1;
  };
  size_t Start = LineStart(Off);
  while (Start > 0) {
    size_t Prev = LineStart(Start - 1);
    StringRef Line = Buf.slice(Prev, Start - 1).trim();
    if (Line.starts_with("//")) {
      Start = Prev;
      continue;
    }
    if (Line.ends_with("*/")) {
      size_t Open = Buf.take_front(Start - 1).rfind("/*");
      if (Open == StringRef::npos)
        break;
      size_t OpenLine = LineStart(Open);
      if (!Buf.slice(OpenLine, Open).trim().empty())
        break;
      Start = OpenLine;
      continue;
    }
    break;
  }
  return SM.getComposedLoc(File, Start);
}

/// Between \p After and \p Next, two places of one file: a comma outside
/// parentheses. The raw lexer's tokens leave comments out and keep each
/// string or character literal whole.
static bool topLevelComma(SourceLocation After, SourceLocation Next,
                          const SourceManager &SM, const LangOptions &LO) {
  auto [File, Begin] = SM.getDecomposedLoc(After);
  auto [NextFile, End] = SM.getDecomposedLoc(Next);
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(File, &Invalid);
  if (Invalid || File != NextFile || End < Begin)
    return false;
  Lexer L(SM.getLocForStartOfFile(File), LO, Buf.begin(), Buf.begin() + Begin,
          Buf.end());
  int Depth = 0;
  Token T;
  for (bool AtEnd = false; !AtEnd;) {
    AtEnd = L.LexFromRawLexer(T);
    if (T.is(tok::eof) || SM.getFileOffset(T.getLocation()) >= End)
      return false;
    if (T.is(tok::l_paren))
      ++Depth;
    else if (T.is(tok::r_paren))
      --Depth;
    else if (T.is(tok::comma) && Depth == 0)
      return true;
  }
  return false;
}

std::vector<FixItHint>
ConnectEinprogressCheck::makeFix(const CallExpr *Call, const FunctionDecl *Fn,
                                 const std::string &FdCopy,
                                 std::string &WhyNot) {
  const SourceManager &SM = Ctx->getSourceManager();
  const LangOptions &LO = Ctx->getLangOpts();
  SourceLocation End =
      Lexer::getLocForEndOfToken(Call->getRParenLoc(), 0, SM, LO);
  if (End.isInvalid()) {
    WhyNot = "no fix-it: the call's end is written by a macro";
    return {};
  }
  std::vector<FixItHint> Hints = {
      FixItHint::CreateInsertion(Call->getBeginLoc(), (HelperName + "(").str()),
      FixItHint::CreateInsertion(End, ", " + FdCopy + ", " +
                                          std::to_string(TimeoutMs) + ")")};
  if (Call->getBeginLoc().isMacroID() ||
      outermostDecl(Fn)->getBeginLoc().isMacroID()) {
    WhyNot = "no fix-it: the function is written by a macro, so the helper "
             "has no place to go";
    return {};
  }
  // Each comma between the arguments written in the file: one a macro
  // supplies (`&sa) SEP(,) sizeof sa`) looks to clang-tidy's clean-up
  // around the fix like an empty list element, and it removes it.
  for (unsigned I = 1; I < Call->getNumArgs(); ++I) {
    SourceLocation Prev = Call->getArg(I - 1)->getEndLoc();
    SourceLocation Next = Call->getArg(I)->getBeginLoc();
    bool Comma = false;
    if (Prev.isFileID() && Next.isFileID()) {
      // A comma between them, outside any parentheses (`SEP(,)`'s is
      // inside the macro's), comments and literals.
      SourceLocation After = Lexer::getLocForEndOfToken(Prev, 0, SM, LO);
      Comma = After.isValid() && topLevelComma(After, Next, SM, LO);
    }
    if (!Comma) {
      WhyNot = "no fix-it: a macro writes the call's arguments or the commas "
               "between them";
      return {};
    }
  }
  for (FixItHint &H : helperHints(Fn, /*Failed=*/false))
    Hints.push_back(std::move(H));
  return Hints;
}

/// The helper (nbio_connect_wait, or nbio_connect_failed with \p Failed)
/// and the headers it needs, once per file, before the first function that
/// needs it; nothing where the file has it already (an earlier run of the
/// fix).
std::vector<FixItHint>
ConnectEinprogressCheck::helperHints(const FunctionDecl *Fn, bool Failed) {
  const SourceManager &SM = Ctx->getSourceManager();
  SourceLocation TopLoc = outermostDecl(Fn)->getBeginLoc();
  FileID File = SM.getFileID(TopLoc);
  // In clangd each fix is applied alone: each carries the helper.
  if (!(Failed ? FilesWithFailed : FilesWithWait).insert(File).second &&
      !areDiagsSelfContained())
    return {};
  StringRef Text = Failed ? FailedHelperText : HelperText;
  StringRef Guard =
      Failed ? "NBIO_CONNECT_FAILED_DEFINED" : "NBIO_CONNECT_WAIT_DEFINED";
  // The helper is there already (an earlier run, a header that has it):
  // its guard is a defined macro. Asked of the preprocessor, not of the
  // text, where a comment may name it.
  if (PP && PP->isMacroDefined(Guard))
    return {};
  std::vector<FixItHint> Hints = {
      FixItHint::CreateInsertion(startOfCommentedLine(TopLoc, SM), Text.str())};
  for (StringRef H : {"<errno.h>", "<poll.h>", "<sys/socket.h>"})
    if (!(Failed && H == "<poll.h>"))
      if (auto Inc = includeFix(Inserter, TopLoc, Fn, H))
        Hints.push_back(*Inc);
  return Hints;
}

/// The wait for writability after \p Call in the same function, as the
/// condition of an `if` that tests poll's or select's result: the read-back
/// joins that test (`poll(...) != 1 || nbio_connect_failed(fd)`), so the
/// branch the code takes when the wait fails is also taken when the
/// connection failed.
std::optional<std::vector<FixItHint>> ConnectEinprogressCheck::readBackFix(
    const CallExpr *Call, const FunctionDecl *Fn, NonBlockingFdAnalysis &A,
    const std::string &FdCopy) {
  const SourceManager &SM = Ctx->getSourceManager();
  // The wait that follows the connect: one that runs after it on every
  // path (the connect dominates it) and before every other such wait.
  FunctionCfgs &Cfgs = A.functionCfgs();
  std::vector<const CallExpr *> After;
  for (const CallExpr *C : A.callsIn(Fn)) {
    StringRef N = globalCalleeName(C);
    if ((N == "poll" || N == "ppoll" || N == "select" || N == "pselect") &&
        Cfgs.dominates(Fn, Call, C))
      After.push_back(C);
  }
  const CallExpr *Wait = nullptr;
  for (const CallExpr *C : After)
    if (llvm::all_of(After, [&](const CallExpr *O) {
          return O == C || Cfgs.dominates(Fn, C, O);
        })) {
      Wait = C;
      break;
    }
  if (!Wait || inMacro(Wait))
    return std::nullopt;
  const FunctionParents::Map &PM = A.functionParents().of(Fn);
  auto Up = [&](const Stmt *S) {
    const Stmt *P = PM.getParent(S);
    while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P)))
      P = PM.getParent(P);
    return P;
  };
  // Which way the test reads: true when the wait failed (`!= 1`, `<= 0`,
  // `< 1`, `== 0`, `!poll(...)`) or when it succeeded (`== 1`, `> 0`,
  // `>= 1`, `!= 0`, `if (poll(...))`).
  const Stmt *Test = Wait;
  bool TrueWhenFailed = false;
  const Stmt *P = Up(Wait);
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(P);
      U && U->getOpcode() == UO_LNot) {
    Test = U;
    TrueWhenFailed = true;
  } else if (const auto *B = dyn_cast_or_null<BinaryOperator>(P);
             B && B->isComparisonOp()) {
    const Expr *Other =
        B->getLHS()->IgnoreParenImpCasts() == Wait ? B->getRHS() : B->getLHS();
    std::optional<llvm::APSInt> V = Other->getIntegerConstantExpr(*Ctx);
    if (!V || B->getLHS()->IgnoreParenImpCasts() != Wait)
      return std::nullopt;
    int64_t K = V->getExtValue();
    switch (B->getOpcode()) {
    case BO_NE:
      if (K != 0 && K != 1)
        return std::nullopt;
      TrueWhenFailed = K == 1;
      break;
    case BO_EQ:
      if (K != 0 && K != 1)
        return std::nullopt;
      TrueWhenFailed = K == 0;
      break;
    case BO_LT:
    case BO_GE:
      if (K != 1)
        return std::nullopt;
      TrueWhenFailed = B->getOpcode() == BO_LT;
      break;
    case BO_LE:
    case BO_GT:
      if (K != 0)
        return std::nullopt;
      TrueWhenFailed = B->getOpcode() == BO_LE;
      break;
    default:
      return std::nullopt;
    }
    Test = B;
  }
  const auto *If = dyn_cast_or_null<IfStmt>(Test == Wait ? P : Up(Test));
  if (!If || If->getCond()->IgnoreParenImpCasts() != Test ||
      inMacro(If->getCond()))
    return std::nullopt;
  SourceLocation End = Lexer::getLocForEndOfToken(If->getCond()->getEndLoc(), 0,
                                                  SM, Ctx->getLangOpts());
  if (End.isInvalid() || outermostDecl(Fn)->getBeginLoc().isMacroID())
    return std::nullopt;
  std::vector<FixItHint> Hints = {FixItHint::CreateInsertion(
      End, (TrueWhenFailed ? " || nbio_connect_failed("
                           : " && !nbio_connect_failed(") +
               FdCopy + ")")};
  for (FixItHint &H : helperHints(Fn, /*Failed=*/true))
    Hints.push_back(std::move(H));
  return Hints;
}

/// Some function of the main file reads a connection's outcome from the
/// errno of a read or write instead of SO_ERROR: after a non-blocking
/// connect fails, the socket's next read or write fails with the reason.
/// The function calls no connect() itself (a test there may be of
/// connect's own immediate failure), makes a stream read or write (`read`,
/// `recv`, `write`, `send` and their vector forms, or hands `read` or
/// `write` to a helper, `atomicio(read, s, ...)`) on a descriptor not
/// known to be a datagram socket (a UDP socket's ICMP errors say
/// ECONNREFUSED too), and after it tests `errno` against ECONNREFUSED,
/// spelled so (`errno == ECONNREFUSED`, or `case ECONNREFUSED:` of a
/// `switch (errno)`): ssh-keyscan's congreet() reads the server's banner
/// through atomicio(read, ...) and reports a refused connection apart.
/// Known limit: the read need not be on the descriptor the connect
/// opened.
static bool readsOutcomeFromIo(NonBlockingFdAnalysis &A) {
  ASTContext &Ctx = A.context();
  const SourceManager &SM = Ctx.getSourceManager();
  // ECONNREFUSED itself, not a project's name for it.
  auto IsRefused = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (!E->getBeginLoc().isMacroID())
      return false;
    llvm::SmallVector<llvm::StringRef, 4> Chain =
        macroChain(E->getBeginLoc(), Ctx);
    return !Chain.empty() && Chain.back() == "ECONNREFUSED";
  };
  auto IsStreamIo = [](llvm::StringRef Name) {
    return llvm::is_contained(
        {"read", "readv", "recv", "write", "writev", "send"}, Name);
  };
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *Fn = dyn_cast<FunctionDecl>(D);
    if (!Fn || !Fn->doesThisDeclarationHaveABody() ||
        !SM.isInMainFile(SM.getExpansionLoc(Fn->getLocation())))
      continue;
    bool Connects = false;
    SourceLocation FirstIo; // the first stream read or write
    llvm::SmallVector<SourceLocation, 2> Tests;
    findStmt(Fn->getBody(), [&](const Stmt *S) {
      if (const auto *C = dyn_cast<CallExpr>(S)) {
        const IoCallInfo *I = lookupIoCall(C);
        Connects |= I && I->Family == IoFamily::Connect;
        bool Io = I && IsStreamIo(I->Name) && I->FdArg < C->getNumArgs() &&
                  !A.isDatagramSocket(C->getArg(I->FdArg), C, Fn);
        for (const Expr *Arg : C->arguments())
          if (const FunctionDecl *Passed = functionNamedBy(Arg);
              Passed && Passed->getIdentifier() &&
              (Passed->getName() == "read" || Passed->getName() == "write"))
            Io = true;
        if (Io && (FirstIo.isInvalid() ||
                   SM.isBeforeInTranslationUnit(C->getBeginLoc(), FirstIo)))
          FirstIo = C->getBeginLoc();
      } else if (const auto *Sw = dyn_cast<SwitchStmt>(S);
                 Sw && Sw->getCond() && isErrnoExpr(Sw->getCond())) {
        for (const SwitchCase *SC = Sw->getSwitchCaseList(); SC;
             SC = SC->getNextSwitchCase())
          if (const auto *Case = dyn_cast<CaseStmt>(SC);
              Case && IsRefused(Case->getLHS()))
            Tests.push_back(Case->getBeginLoc());
      } else if (const auto *B = dyn_cast<BinaryOperator>(S);
                 B && B->isEqualityOp() &&
                 ((isErrnoExpr(B->getLHS()) && IsRefused(B->getRHS())) ||
                  (isErrnoExpr(B->getRHS()) && IsRefused(B->getLHS())))) {
        Tests.push_back(B->getBeginLoc());
      }
      return false;
    });
    if (Connects || FirstIo.isInvalid())
      continue;
    if (llvm::any_of(Tests, [&](SourceLocation T) {
          return SM.isBeforeInTranslationUnit(FirstIo, T);
        }))
      return true;
  }
  return false;
}

/// `nbio_connect_wait(connect(...), fd, ms)`: the fix-it's own shape.
bool ConnectEinprogressCheck::wrappedByHelper(const CallExpr *Call,
                                              const FunctionDecl *Fn,
                                              NonBlockingFdAnalysis &A) const {
  const FunctionParents::Map &PM = A.functionParents().of(Fn);
  const Stmt *Child = Call;
  const Stmt *P = PM.getParent(Call);
  while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P))) {
    Child = P;
    P = PM.getParent(P);
  }
  const auto *Outer = dyn_cast_or_null<CallExpr>(P);
  const FunctionDecl *FD = Outer ? Outer->getDirectCallee() : nullptr;
  return FD && FD->getIdentifier() && FD->getName() == HelperName &&
         Outer->getNumArgs() > 0 && Outer->getArg(0) == Child;
}

void ConnectEinprogressCheck::decide(NonBlockingFdAnalysis &A,
                                     llvm::ArrayRef<const Stmt *> Candidates) {
  FilesWithWait.clear();
  FilesWithFailed.clear();
  std::optional<bool> OutcomeFromIo; // asked once, where it matters
  for (const Stmt *S : Candidates) {
    const auto *Call = cast<CallExpr>(S);
    const IoCallInfo *Info = lookupIoCall(Call);
    if (!Info || Info->Family != IoFamily::Connect)
      continue;
    const FunctionDecl *Fn = A.enclosingFunction(Call);
    if (!Fn)
      continue;
    const Expr *Fd = Call->getArg(Info->FdArg);
    if (isUnixDomainAddress(Call))
      continue; // AF_UNIX connects at once or fails with EAGAIN
    // A UDP (or other datagram) socket's connect() sets its peer at once.
    if (A.isDatagramSocket(Fd, Call, Fn))
      continue;
    std::optional<NonBlockingOrigin> Origin = A.nonBlockingAt(Fd, Call, Fn);
    if (!Origin)
      continue;
    if (wrappedByHelper(Call, Fn, A))
      continue; // this check's own fix-it
    std::string FdText = textOf(Fd);
    FailurePath P = paths(A).follow(Call, Fd, Fn, Hypothesis::InProgress);
    if (P.Tested) {
      // Only where this TU also waits for the socket, with poll() and the
      // like or with a handler of its own that the event loop calls when
      // this socket is writable: the read-back often lives next to the
      // event loop, in another file. Or where no file of the project reads
      // it back and the wait is in another file (the project's facts: an
      // event loop's file).
      if (!CheckSoErrorReadback || A.readsSoError())
        continue;
      // Or reads it from the errno of the socket's first read or write.
      if (!OutcomeFromIo)
        OutcomeFromIo = readsOutcomeFromIo(A);
      if (*OutcomeFromIo)
        continue;
      const HandlerRegistration *Writable =
          A.eventHandlers().writableRegistrationOf(Fd, Fn);
      bool WaitsElsewhere = !A.waitsForReadiness() && !Writable &&
                            !A.projectReadsSoError() &&
                            A.projectWaitsForReadiness();
      if (A.waitsForReadiness() || Writable || WaitsElsewhere) {
        diag(reportLoc(Call),
             "the outcome of non-blocking 'connect' on fd '%0' is never read "
             "back with getsockopt(SO_ERROR)")
            << FdText;
        if (Writable)
          diag(reportLoc(Writable->Call),
               "the writable handler '%0' registered here for '%1' does not "
               "read it either",
               DiagnosticIDs::Note)
              << Writable->Handler->getName() << textOf(Writable->Fd);
        if (WaitsElsewhere)
          diag(reportLoc(Call),
               "the wait for readiness is in another file, and no file of the "
               "project reads SO_ERROR (from the project's facts)",
               DiagnosticIDs::Note);
        // Where this function waits for writability itself, a fix on the
        // note joins the read-back to the wait's test.
        std::optional<std::string> FdCopy;
        std::optional<std::vector<FixItHint>> Fix;
        if (whyFdCannotBeCopied(Call, Fd, FdCopy).empty())
          Fix = readBackFix(Call, Fn, A, *FdCopy);
        auto D = diag(reportLoc(Call),
                      "once the socket is writable, getsockopt(fd, SOL_SOCKET, "
                      "SO_ERROR, ...) tells whether the connection succeeded",
                      DiagnosticIDs::Note);
        if (Fix)
          for (const FixItHint &H : *Fix)
            D << H;
      }
      continue;
    }
    bool StrictReturn = StrictPropagation && P.End == PathEnd::Returns &&
                        P.At && isa<ReturnStmt>(P.At);
    if ((P.End != PathEnd::Terminal || !P.Branched) && !StrictReturn)
      continue;
    std::optional<std::string> FdCopy;
    std::string WhyNot = whyFdCannotBeCopied(Call, Fd, FdCopy);
    std::vector<FixItHint> Fix;
    if (WhyNot.empty()) {
      Fix = makeFix(Call, Fn, *FdCopy, WhyNot);
    }
    {
      auto D = diag(reportLoc(Call), "'connect' on non-blocking fd '%0' "
                                     "treats EINPROGRESS as a failure")
               << FdText;
      for (const FixItHint &H : Fix)
        D << H;
    }
    if (StrictReturn)
      diag(reportLoc(P.At),
           "when it fails with EINPROGRESS, the failure is returned here",
           DiagnosticIDs::Note);
    else
      diag(reportLoc(P.At),
           "when it fails with EINPROGRESS, %0 here without testing for "
           "EINPROGRESS",
           DiagnosticIDs::Note)
          << P.What;
    noteOrigin(*Origin);
    if (!WhyNot.empty())
      diag(reportLoc(Call), WhyNot, DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::nbio
