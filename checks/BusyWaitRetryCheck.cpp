//===--- BusyWaitRetryCheck.cpp - nbio-busy-wait-retry -------------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "BusyWaitRetryCheck.h"
#include "SourceText.h"
#include "StmtSearch.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"

namespace clang::tidy::nbio {

BusyWaitRetryCheck::BusyWaitRetryCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : NbioCheckBase(Name, Context),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()),
      WaitForm(Options.get("WaitForm", Form::Poll)),
      WaitTemplate(Options.get("WaitTemplate", "").str()),
      WaitHeader(Options.get("WaitHeader", "").str()),
      TimeoutMs(Options.get("TimeoutMs", -1)) {
  switch (WaitForm) {
  case Form::Poll:
    Header = "<poll.h>";
    break;
  case Form::Select:
    Header = "<sys/select.h>";
    break;
  case Form::Custom: {
    // `<x.h>` or `"x.h"`; IncludeInserter takes `<x.h>` for angle brackets
    // and a bare `x.h` for quotes.
    StringRef H = StringRef(WaitHeader).trim();
    bool Angled = H.size() > 2 && H.front() == '<' && H.back() == '>';
    bool Quoted = H.size() > 2 && H.front() == '"' && H.back() == '"';
    StringRef Inside = H.size() > 2 ? H.drop_front().drop_back() : "";
    bool Clean = !Inside.trim().empty() &&
                 Inside.find_first_of("<>\"\n") == StringRef::npos;
    if (H.empty()) {
      // The template's {events} are poll's POLLIN/POLLOUT.
      if (StringRef(WaitTemplate).contains("{events}"))
        Header = "<poll.h>";
    } else if ((Angled || Quoted) && Clean) {
      Header = Angled ? H.str() : Inside.str();
    } else {
      configurationDiag("invalid configuration value '%0' for option "
                        "'%1.WaitHeader': expected a header as <name.h> or "
                        "\"name.h\"; the fix includes nothing")
          << WaitHeader << getID();
    }
    if (WaitTemplate.empty())
      configurationDiag("option '%0.WaitForm' is 'custom' but "
                        "'%0.WaitTemplate' is empty: no fix-its")
          << getID();
    break;
  }
  }
}

void BusyWaitRetryCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  NbioCheckBase::storeOptions(Opts);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
  Options.store(Opts, "WaitForm", WaitForm);
  Options.store(Opts, "WaitTemplate", WaitTemplate);
  Options.store(Opts, "WaitHeader", WaitHeader);
  Options.store(Opts, "TimeoutMs", TimeoutMs);
}

void BusyWaitRetryCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *PP, Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

void BusyWaitRetryCheck::registerMatchers(ast_matchers::MatchFinder *F) {
  matchCallsTo(F, {IoFamily::Plain, IoFamily::Connect, IoFamily::Ssl,
                   IoFamily::Code});
}

std::vector<std::string>
BusyWaitRetryCheck::waitLines(const std::string &Fd, bool Readable,
                              const std::string &ReadIf) const {
  std::string Timeout = std::to_string(TimeoutMs);
  // `SSL_want_read(ssl) ? POLLIN : POLLOUT` when either can be asked for.
  std::string Events = pollEventsText(Readable, ReadIf, Ctx->getLangOpts());
  switch (WaitForm) {
  case Form::Poll:
    return {"struct pollfd wait_pfd = {" + Fd + ", " + Events + ", 0};",
            "(void)poll(&wait_pfd, 1, " + Timeout + ");"};
  case Form::Select: {
    std::vector<std::string> L = {"fd_set wait_set;", "FD_ZERO(&wait_set);",
                                  "FD_SET(" + Fd + ", &wait_set);"};
    std::string Tv = "0";
    if (TimeoutMs >= 0) {
      L.push_back("struct timeval wait_tv = {" +
                  std::to_string(TimeoutMs / 1000) + ", " +
                  std::to_string((TimeoutMs % 1000) * 1000) + "};");
      Tv = "&wait_tv";
    }
    std::string Sets = !ReadIf.empty() ? ReadIf + " ? &wait_set : 0, " +
                                             ReadIf + " ? 0 : &wait_set"
                       : Readable ? "&wait_set, 0"
                                  : "0, &wait_set";
    L.push_back("(void)select(" + Fd + " + 1, " + Sets + ", 0, " + Tv + ");");
    return L;
  }
  case Form::Custom: {
    std::string T = WaitTemplate;
    auto Replace = [&](StringRef Key, StringRef With) {
      size_t Pos;
      while ((Pos = T.find(Key.str())) != std::string::npos)
        T.replace(Pos, Key.size(), With.str());
    };
    Replace("{fd}", Fd);
    Replace("{events}", Events);
    Replace("{timeout}", Timeout);
    StringRef TS = StringRef(T).trim();
    if (!TS.ends_with(";") && !TS.ends_with("}"))
      T = TS.str() + ";";
    return {T};
  }
  }
  return {};
}

static std::string joinLines(const std::vector<std::string> &Lines,
                             const std::string &Indent) {
  std::string Out;
  for (const std::string &L : Lines)
    Out += Indent + L + "\n";
  return Out;
}

/// A condition that may be evaluated once more: no assignments or counters,
/// and calls only to functions that cannot change state (errno's
/// __errno_location is `const`), "would block" tests, or OpenSSL's queries.
bool BusyWaitRetryCheck::repeatable(const Expr *Cond,
                                    NonBlockingFdAnalysis &A) {
  if (!Cond->HasSideEffects(*Ctx))
    return true;
  llvm::SmallVector<const Stmt *, 16> Work{Cond};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *U = dyn_cast<UnaryOperator>(S);
        U && U->isIncrementDecrementOp())
      return false;
    if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isAssignmentOp())
      return false;
    if (const auto *C = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *FD = C->getDirectCallee();
      if (!FD || !FD->getIdentifier())
        return false;
      StringRef N = FD->getName();
      bool Pure = FD->hasAttr<ConstAttr>() || FD->hasAttr<PureAttr>() ||
                  isSslErrorGetter(N) || N.starts_with("SSL_want") ||
                  N.starts_with("wolfSSL_want") ||
                  N == "gnutls_record_get_direction" ||
                  N == "gnutls_error_is_fatal" ||
                  A.classifiers().classifierMask(C, *Ctx);
      if (!Pure)
        return false;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (DRE->getType().isVolatileQualified())
        continue; // reading a flag again is what the loop does anyway
    for (const Stmt *Ch : S->children())
      Work.push_back(Ch);
  }
  return true;
}

BusyWaitRetryCheck::Fix
BusyWaitRetryCheck::makeFix(NonBlockingFdAnalysis &A, const FunctionDecl *Fn,
                            const FailurePath &P, const std::string &FdText,
                            bool Readable, const std::string &ReadIf) {
  const SourceManager &SM = Ctx->getSourceManager();
  const LangOptions &LO = Ctx->getLangOpts();
  if (WaitForm == Form::Custom && WaitTemplate.empty())
    return {{}, "no fix-it: WaitForm is 'custom' but WaitTemplate is empty"};
  const Stmt *At = P.At;
  const Stmt *Loop = P.Loop;
  if ((At && inMacro(At)) || (Loop && inMacro(Loop)))
    return {{}, "no fix-it: the retry is inside a macro expansion"};
  std::vector<std::string> Lines = waitLines(FdText, Readable, ReadIf);
  Fix F;
  FailurePathFinder &Paths = paths(A);

  auto Unit = [&](const std::string &Inner, const std::string &Outer) {
    if (Inner.size() > Outer.size() && StringRef(Inner).starts_with(Outer))
      return Inner.substr(Outer.size());
    return std::string("  ");
  };

  // What lies between two places of a fix: blanks only (which the fix may
  // replace), or comments and line splices too (which it must keep: it
  // only inserts there), or a preprocessor line (no fix: a brace on one
  // side of an `#if` and its partner on the other does not compile, or
  // means something else in another configuration).
  enum class Gap { Blank, Text, Directive };
  auto GapBetween = [&](SourceLocation B, SourceLocation E) {
    if (B.isMacroID() || E.isMacroID())
      return Gap::Directive;
    bool Invalid = false;
    StringRef T = Lexer::getSourceText(CharSourceRange::getCharRange(B, E),
                                       SM, LO, &Invalid);
    if (Invalid)
      return Gap::Directive;
    if (T.find_first_not_of(" \t\r\n\f\v") == StringRef::npos)
      return Gap::Blank;
    return holdsPreprocessorLine(T) ? Gap::Directive : Gap::Text;
  };

  // Before a `continue` or a backward `goto`.
  auto BeforeStmt = [&](const Stmt *S) -> bool {
    const Stmt *Parent = Paths.parentOf(S, Fn);
    SourceLocation Begin = S->getBeginLoc();
    std::string Indent = indentAt(Begin, SM);
    if (isa_and_nonnull<CompoundStmt>(Parent) ||
        isa_and_nonnull<LabelStmt>(Parent)) {
      std::string U = Unit(Indent, indentAt(Parent->getBeginLoc(), SM));
      std::string Text =
          "{\n" + joinLines(Lines, Indent + U) + Indent + "}\n" + Indent;
      F.Hints.push_back(FixItHint::CreateInsertion(Begin, Text));
      return true;
    }
    // An unbraced branch: `if (errno == EAGAIN) continue;` -> a block
    // opened after the `)` (or `else`) that owns the branch.
    SourceLocation Semi = Lexer::findLocationAfterToken(
        S->getEndLoc(), tok::semi, SM, LO, /*SkipTrailingWhitespaceAndNewLine=*/
        false);
    if (Semi.isInvalid() || !Parent)
      return false;
    SourceLocation Open;
    if (const auto *If = dyn_cast<IfStmt>(Parent))
      Open = S == If->getThen() ? If->getRParenLoc() : If->getElseLoc();
    else if (const auto *W = dyn_cast<WhileStmt>(Parent))
      Open = W->getRParenLoc();
    else if (const auto *Fo = dyn_cast<ForStmt>(Parent))
      Open = Fo->getRParenLoc();
    else if (const auto *CS = dyn_cast<CaseStmt>(Parent))
      Open = CS->getColonLoc(); // `case EAGAIN: {` (C allows no declaration
    else if (const auto *DS = dyn_cast<DefaultStmt>(Parent))
      Open = DS->getColonLoc(); // right after a label)
    if (Open.isInvalid() || Open.isMacroID())
      return false;
    Open = Lexer::getLocForEndOfToken(Open, 0, SM, LO);
    // The block opens after the `)` and closes after the `;`.
    if (GapBetween(Open, Semi) == Gap::Directive)
      return false;
    std::string Outer = indentAt(Parent->getBeginLoc(), SM);
    bool OwnLine =
        SM.getSpellingLineNumber(Begin) != SM.getSpellingLineNumber(Open);
    std::string Inner = OwnLine ? Indent : Outer + Unit(Indent, Outer);
    if (!OwnLine)
      Inner = Outer + "  ";
    std::string Text;
    for (const std::string &L : Lines) {
      Text += L;
      Text += "\n";
      Text += Inner;
    }
    if (OwnLine) {
      F.Hints.push_back(FixItHint::CreateInsertion(Open, " {"));
      F.Hints.push_back(FixItHint::CreateInsertion(Begin, Text));
    } else if (GapBetween(Open, Begin) == Gap::Blank) {
      // `) continue;` on one line: the blank between them becomes the
      // block's opening.
      F.Hints.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getCharRange(Open, Begin), " {\n" + Inner + Text));
    } else {
      // `) /* again */ continue;`: the comment stays where it is, the
      // block opens before it and the statement moves to a line of its own.
      StringRef Between = Lexer::getSourceText(
          CharSourceRange::getCharRange(Open, Begin), SM, LO);
      int Blanks = int(Between.size() - Between.rtrim(" \t").size());
      F.Hints.push_back(FixItHint::CreateInsertion(Open, " {"));
      F.Hints.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getCharRange(Begin.getLocWithOffset(-Blanks), Begin),
          "\n" + Inner + Text));
    }
    F.Hints.push_back(FixItHint::CreateInsertion(Semi, "\n" + Outer + "}"));
    return true;
  };

  bool Done = false;
  // A `continue` or `goto` retries: wait just before it, on that path alone
  // (also where the call is in the loop's condition, so that the other
  // failures the body handles do not wait first).
  if (P.Via == RetryVia::Continue || P.Via == RetryVia::Goto ||
      isa_and_nonnull<ContinueStmt>(At) || isa_and_nonnull<GotoStmt>(At)) {
    Done = At && BeforeStmt(At);
  } else if (P.Via == RetryVia::Condition && Loop) {
    const Stmt *Body = nullptr;
    if (const auto *W = dyn_cast<WhileStmt>(Loop))
      Body = W->getBody();
    else if (const auto *Fo = dyn_cast<ForStmt>(Loop))
      Body = Fo->getBody();
    std::string Outer = indentAt(Loop->getBeginLoc(), SM);
    // A body that can leave the loop (another failure breaks out) would
    // wait before leaving too: an error on a quiet socket would then wait
    // for data. Only a body that always goes round again gets the wait at
    // its top.
    bool BodyLeaves = Body && findStmt(Body, [](const Stmt *S) {
                        return isa<BreakStmt>(S) || isa<ReturnStmt>(S) ||
                               isa<GotoStmt>(S) || isa<CXXThrowExpr>(S);
                      }, Lambdas::Skip);
    if (BodyLeaves)
      return {{},
              "no fix-it: the loop body also leaves the loop; wait for "
              "readiness where it goes round again on this failure"};
    if (Body) {
      // The body runs only when the condition asks for a retry: wait first.
      if (const auto *CS = dyn_cast<CompoundStmt>(Body)) {
        std::string Inner = CS->body_empty()
                                ? Outer + "  "
                                : indentAt(CS->body_front()->getBeginLoc(), SM);
        std::string Text = "\n" + joinLines(Lines, Inner);
        Text.pop_back(); // keep what followed the brace on its line
        F.Hints.push_back(FixItHint::CreateInsertion(
            CS->getLBracLoc().getLocWithOffset(1), Text));
        Done = true;
      } else if (const auto *NS = dyn_cast<NullStmt>(Body)) {
        // `while (...);` or `while (...)\n  ;`: the empty body, and the
        // blank before it, become a block.
        SourceLocation RParen;
        if (const auto *W = dyn_cast<WhileStmt>(Loop))
          RParen = W->getRParenLoc();
        else
          RParen = cast<ForStmt>(Loop)->getRParenLoc();
        std::string Text =
            " {\n" + joinLines(Lines, Outer + "  ") + Outer + "}";
        SourceLocation Semi = NS->getSemiLoc();
        Gap Between = Gap::Text;
        if (RParen.isValid() && !RParen.isMacroID())
          Between = GapBetween(Lexer::getLocForEndOfToken(RParen, 0, SM, LO),
                               Semi);
        if (Between == Gap::Directive)
          return {{},
                  "no fix-it: a preprocessor line stands between the loop "
                  "and its empty body"};
        if (Between == Gap::Blank) {
          F.Hints.push_back(FixItHint::CreateReplacement(
              CharSourceRange::getCharRange(
                  Lexer::getLocForEndOfToken(RParen, 0, SM, LO),
                  Semi.getLocWithOffset(1)),
              Text));
        } else {
          // A comment or a line splice before the `;` (`) // spin` then
          // `;`): kept; the `;` alone becomes the block, its opening brace
          // where the `;` stood.
          if (std::string Ind = indentAt(Semi, SM);
              !Semi.isMacroID() &&
              Ind.size() == SM.getSpellingColumnNumber(Semi) - 1)
            Text = "{\n" + joinLines(Lines, Ind + "  ") + Ind + "}";
          F.Hints.push_back(FixItHint::CreateReplacement(
              CharSourceRange::getTokenRange(Semi, Semi), Text));
        }
        Done = true;
      } else {
        Done = BeforeStmt(Body);
      }
    } else if (const auto *D = dyn_cast<DoStmt>(Loop)) {
      // do { ... } while (cond): wait at the end of the body, when the
      // condition is about to ask for the retry.
      const auto *CS = dyn_cast<CompoundStmt>(D->getBody());
      const Expr *Cond = D->getCond();
      // The condition is copied as written, comments, line splices and
      // preprocessor lines included.
      std::optional<std::string> CondText = fixTextOf(Cond);
      if (!CondText && repeatable(Cond, A))
        return {{},
                "no fix-it: the loop condition cannot be copied: it comes "
                "from a macro, or holds a preprocessor line"};
      if (CS && repeatable(Cond, A)) {
        std::string Inner = CS->body_empty()
                                ? Outer + "  "
                                : indentAt(CS->body_back()->getBeginLoc(), SM);
        std::string U = Unit(Inner, Outer);
        std::string Text = Inner + "if (" + *CondText + ") {\n" +
                           joinLines(Lines, Inner + U) + Inner + "}\n";
        SourceLocation R = CS->getRBracLoc();
        std::string RIndent = indentAt(R, SM);
        if (StringRef(RIndent).size() == SM.getSpellingColumnNumber(R) - 1) {
          F.Hints.push_back(FixItHint::CreateInsertion(
              R.getLocWithOffset(-int(RIndent.size())), Text));
        } else {
          // `do { ... } while (c);` on one line: stay on it.
          std::string Inline = "if (" + *CondText + ") {";
          for (const std::string &L : Lines)
            Inline += " " + L;
          F.Hints.push_back(FixItHint::CreateInsertion(R, Inline + " } "));
        }
        Done = true;
      } else if (!CS && repeatable(Cond, A)) {
        // `do stmt; while (c);`: brace the body and wait at its end.
        const Stmt *Body = D->getBody();
        SourceLocation Semi = Lexer::findLocationAfterToken(
            Body->getEndLoc(), tok::semi, SM, LO, false);
        if (Semi.isValid() && !Body->getBeginLoc().isMacroID()) {
          std::string Inline = " if (" + *CondText + ") {";
          for (const std::string &L : Lines)
            Inline += " " + L;
          F.Hints.push_back(
              FixItHint::CreateInsertion(Body->getBeginLoc(), "{ "));
          F.Hints.push_back(FixItHint::CreateInsertion(Semi, Inline + " } }"));
          Done = true;
        }
      } else if (Cond->HasSideEffects(*Ctx)) {
        return {{},
                "no fix-it: the loop condition has side effects and "
                "cannot be repeated before the wait"};
      }
    }
  } else if (P.Via == RetryVia::LoopEnd) {
    return {{},
            "no fix-it: the retry falls off the end of the loop body; "
            "wait for readiness on that path"};
  }
  if (!Done)
    return {{},
            "no fix-it: the retry is not a statement a wait can be "
            "inserted before"};
  if (!Header.empty())
    if (auto Inc = includeFix(Inserter, At ? At->getBeginLoc()
                                           : Loop->getBeginLoc(),
                              Fn, Header))
      F.Hints.push_back(*Inc);
  return F;
}

/// The call can run again in the same activation of \p Fn: its place in
/// the function's CFG lies on a cycle (a loop's back edge, or a goto back to
/// before it). The others cannot spin, and need no path to be followed. The
/// CFG is the one the failure path is followed on (built for the candidate
/// calls anyway); where it cannot be built, the call is taken to repeat and
/// the path decides.
bool BusyWaitRetryCheck::mayRepeat(const CallExpr *Call, const FunctionDecl *Fn,
                                   NonBlockingFdAnalysis &A) {
  return A.functionCfgs().onCycle(Fn, Call);
}

void BusyWaitRetryCheck::decide(NonBlockingFdAnalysis &A,
                                llvm::ArrayRef<const Stmt *> Candidates) {
  for (const Stmt *S : Candidates) {
    const auto *Call = cast<CallExpr>(S);
    const IoCallInfo *Info = ioCallInfo(Call);
    if (!Info)
      continue;
    const FunctionDecl *Fn = A.enclosingFunction(Call);
    if (!Fn || !mayRepeat(Call, Fn, A))
      continue;
    const Expr *Fd = fdOf(Call, *Info);
    FailurePath P;
    bool Readable = Info->Dir == Direction::Read;
    StringRef Cause = "EAGAIN";
    bool BothSslDirections = false;
    std::optional<NonBlockingOrigin> Origin;
    const TlsApi *Api = Info->Api;
    if (Api) {
      FailurePath PR = paths(A).follow(Call, Fd, Fn, Hypothesis::WantRead,
                                       /*Optimistic=*/true);
      FailurePath PW = paths(A).follow(Call, Fd, Fn, Hypothesis::WantWrite,
                                       /*Optimistic=*/true);
      bool RetriesR = PR.End == PathEnd::Retries && PR.Tested;
      bool RetriesW = PW.End == PathEnd::Retries && PW.Tested;
      if (!RetriesR && !RetriesW)
        continue;
      // A session over a socket the code shows to be blocking waits in the
      // socket: "want read" there is a renegotiation's, and the next call
      // waits (unbound-control's handshake loop runs after contact_server()
      // made its socket blocking again). Not so with a socket timeout.
      if (A.tlsSessions().shownBlocking(Fd) &&
          !A.setsSocketTimeout(Direction::Read) &&
          !A.setsSocketTimeout(Direction::Write))
        continue;
      // A session over the program's own in-memory transport (GnuTLS's own
      // test harness drives a client and a server session in turn over two
      // buffers): "again" means a buffer of the program's is empty or
      // full, which only the program's own code changes. There is no
      // descriptor whose readiness a wait could ask for, so this check's
      // question does not arise; whether the loop ends is the program's
      // logic. A transport function that does any I/O is not in memory.
      if (A.tlsSessions().memoryTransport(Fd))
        continue;
      // libtls says TLS_WANT_POLLIN/POLLOUT on blocking descriptors too,
      // and asks for the same call again at once there (tls_read(3): "In
      // the case of blocking file descriptors, the same function call
      // should be repeated immediately"): only a context over a socket
      // known non-blocking (tls_connect_socket, tls_accept_socket...)
      // spins. tls_connect() makes a blocking socket of its own.
      if (Api->Library == "libtls" &&
          !A.tlsSessions().nonBlocking(Fd, Call, Fn))
        continue;
      P = RetriesR ? PR : PW;
      Readable = RetriesR;
      // One code for both ways (GnuTLS, libssh2, a BIO's should_retry): the
      // call's own direction.
      // So where the library cannot be asked which way it waits (mbed TLS).
      if (RetriesR && RetriesW &&
          (Api->AgainRead == Api->AgainWrite || Api->WantsRead.empty()))
        Readable = Info->Dir == Direction::Read;
      Cause = Readable ? Api->AgainRead : Api->AgainWrite;
      // Both retried the same way: wait in the direction the library asks
      // for (GnuTLS's one code stands for both).
      BothSslDirections = RetriesR && RetriesW && PR.At == PW.At;
    } else {
      bool Connect = Info->Family == IoFamily::Connect;
      P = paths(A).follow(Call, Fd, Fn,
                          Connect ? Hypothesis::InProgress
                                  : Hypothesis::WouldBlock,
                          /*Optimistic=*/true);
      if (P.End != PathEnd::Retries)
        continue;
      Origin = Connect ? A.nonBlockingAt(Fd, Call, Fn)
                       : A.ioCallIsNonBlocking(Call, *Info, Fn, Fd);
      if (Connect)
        Cause = "EINPROGRESS";
      // Retrying on every error of a descriptor we cannot show to be
      // non-blocking is not provably a spin.
      if (!P.Tested && !Origin)
        continue;
      // With SO_RCVTIMEO/SO_SNDTIMEO, EAGAIN also means "timed out".
      if (!Origin && A.setsSocketTimeout(Info->Dir))
        continue;
      // A descriptor the code shows to be blocking (a pipe() between
      // threads) never fails with EAGAIN: the retry is dead code.
      if (!Origin && A.shownBlocking(Fd))
        continue;
      // So does one made blocking on every path to the call (unbound's
      // tube_write_msg calls fd_set_block(fd) before its loop).
      if (!Origin && A.madeBlockingAt(Fd, Call, Fn))
        continue;
    }
    if (P.UnknownCallOnFd)
      continue; // an unknown function took the fd: it may well wait
    // Writing to an eventfd fails with EAGAIN only when its 64-bit counter
    // would overflow: such a retry does not spin in practice.
    if (Info->Dir == Direction::Write && Info->Family == IoFamily::Plain &&
        ((Origin && Origin->CreatedBy == "eventfd") ||
         StringRef(Fn->getNameAsString()).contains("eventfd")))
      continue;

    Fix F;
    // The wait names the descriptor as the call does, copied as written.
    std::optional<std::string> FdCopy;
    F.WhyNot = whyFdCannotBeCopied(Call, Fd, FdCopy);
    if (F.WhyNot.empty() && Api && Api->FdGetter.empty())
      F.WhyNot = ("no fix-it: " + Api->Library +
                  " gives no descriptor for the session; wait for the socket "
                  "under it to become ready before the retry")
                     .str();
    // gnutls_transport_get_int() gives what the session was given, which
    // is the program's own pointer when its own functions do the I/O.
    else if (F.WhyNot.empty() && Api && Api->Library == "GnuTLS" &&
             A.tlsSessions().hasOwnTransport(Fd))
      F.WhyNot = "no fix-it: the session does its I/O through the program's "
                 "own transport functions; wait for the descriptor they use "
                 "before the retry";
    else if (F.WhyNot.empty()) {
      // The session's descriptor and, where one code stands for both
      // directions, the way the library waits: SSL_want_read(ssl),
      // !gnutls_record_get_direction(session).
      std::string ReadIf = Info->ReadIf.str();
      if (Api && BothSslDirections && !Api->WantsRead.empty())
        ReadIf = (Api->WantsReadNegated ? "!" : "") + Api->WantsRead.str() +
                 "(" + *FdCopy + ")";
      F = makeFix(A, Fn, P,
                  Api ? Api->FdGetter.str() + "(" + *FdCopy +
                            Api->FdGetterMoreArgs.str() + ")"
                      : *FdCopy,
                  Readable, ReadIf);
    }
    {
      auto D = diag(reportLoc(Call), "'%0' on %select{fd|the socket of}1 "
                                     "'%2' is retried on %3 without waiting "
                                     "for it to become "
                                     "%select{writable|readable|ready}4")
               << Info->Name << (Api ? 1 : 0) << textOf(Fd) << Cause
               << (!Info->ReadIf.empty() ? 2
                   : Readable            ? 1
                                         : 0);
      for (const FixItHint &H : F.Hints)
        D << H;
    }
    const Stmt *RetryAt = P.At ? P.At : P.Loop;
    if (RetryAt)
      diag(reportLoc(RetryAt), "the call is retried from here",
           DiagnosticIDs::Note);
    if (Origin)
      noteOrigin(*Origin, Call);
    else
      noteWrapper(Call);
    if (!F.WhyNot.empty())
      diag(reportLoc(Call), F.WhyNot, DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::nbio
