//===--- EagainEwouldblockCheck.cpp - nbio-eagain-ewouldblock ------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "EagainEwouldblockCheck.h"
#include "SourceText.h"
#include "StmtSearch.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::nbio {

/// A condition the fix makes longer than this is broken onto the next line
/// (the width most C style guides keep to).
constexpr unsigned FixLineWidth = 80;

void EagainEwouldblockCheck::registerPPCallbacks(const SourceManager &,
                                                 Preprocessor *PP,
                                                 Preprocessor *) {
  PlatformMacros.registerPreprocessor(PP);
}

void EagainEwouldblockCheck::registerMatchers(MatchFinder *Finder) {
  // Only functions that make an I/O call can compare its errno: start from
  // those calls (cheap to match) and read the tests in their bodies.
  // `read(fd, buf, N)` in a template, N a template parameter, too.
  matchCallsTo(Finder, {IoFamily::Plain}, /*AlsoDependent=*/true);
}

bool EagainEwouldblockCheck::textMentions(const Stmt *S, StringRef Name) {
  // The statement's text as raw tokens: identifiers count, comments and
  // strings do not, and code in an `#if` branch the preprocessor skipped
  // does. Each file is lexed once; then each question is a binary search.
  const SourceManager &SM = Ctx->getSourceManager();
  CharSourceRange R = SM.getExpansionRange(S->getSourceRange());
  auto [FID, Begin] = SM.getDecomposedLoc(R.getBegin());
  unsigned End = SM.getDecomposedLoc(R.getEnd()).second;
  if (End < Begin)
    return false;
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return false;
  // Most statements asked about do not hold the name at all, which the
  // places of the name's text in the file say without lexing (the last
  // token's own text runs past End, its start). Found once per file: a
  // search of each statement's text was quadratic in a long function whose
  // every line asks about its whole body.
  const std::vector<unsigned> &Text = textOffsets(FID, Buf, Name);
  auto InText = llvm::lower_bound(Text, Begin);
  if (InText == Text.end() || *InText > End)
    return false;
  auto [It, New] = NameOffsets.try_emplace({FID, Name.str()});
  if (New) {
    Lexer L(SM.getLocForStartOfFile(FID), Ctx->getLangOpts(), Buf.begin(),
            Buf.begin(), Buf.end());
    Token T;
    while (!L.LexFromRawLexer(T))
      if (T.is(tok::raw_identifier) && T.getRawIdentifier() == Name)
        It->second.push_back(SM.getDecomposedLoc(T.getLocation()).second);
  }
  const std::vector<unsigned> &Offsets = It->second; // in file order
  auto First = llvm::lower_bound(Offsets, Begin);
  return First != Offsets.end() && *First <= End;
}

bool EagainEwouldblockCheck::callsOnlyLinuxOnlyIo(const FunctionDecl *Fn) {
  const SourceManager &SM = Ctx->getSourceManager();
  SourceRange Range = Fn->getSourceRange();
  if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
    return false;
  auto [FID, Begin] = SM.getDecomposedLoc(Range.getBegin());
  auto [EndFID, End] = SM.getDecomposedLoc(Range.getEnd());
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid || EndFID != FID || End < Begin || End >= Buf.size())
    return false;
  // The raw text, so that a branch the preprocessor skipped counts too.
  Lexer L(SM.getLocForStartOfFile(FID), Ctx->getLangOpts(), Buf.begin(),
          Buf.begin() + Begin, Buf.begin() + End + 1);
  Token T;
  bool AtEnd = L.LexFromRawLexer(T);
  while (!AtEnd) {
    if (!T.is(tok::raw_identifier)) {
      AtEnd = L.LexFromRawLexer(T);
      continue;
    }
    StringRef Name = T.getRawIdentifier();
    AtEnd = L.LexFromRawLexer(T);
    if (AtEnd || !T.is(tok::l_paren) || !ioCallNamed(Name))
      continue;
    if (Name == "splice")
      continue;
    if (Name != "sendfile" && Name != "sendfile64")
      return false; // a portable call, or a TLS library's
    // Linux's and Solaris's four arguments, or FreeBSD's and DragonFly's
    // seven; not six (macOS, and HP-UX, where the two names differ).
    unsigned Depth = 1, Args = 1; // inside the call's `(`
    while (!(AtEnd = L.LexFromRawLexer(T))) {
      if (T.isOneOf(tok::l_paren, tok::l_square, tok::l_brace))
        ++Depth;
      else if (T.isOneOf(tok::r_paren, tok::r_square, tok::r_brace)) {
        if (--Depth == 0)
          break;
      } else if (T.is(tok::comma) && Depth == 1)
        ++Args;
    }
    if (Args != 4 && Args != 7)
      return false;
  }
  return true;
}

const std::vector<unsigned> &
EagainEwouldblockCheck::textOffsets(FileID FID, StringRef Buf, StringRef Name) {
  auto [It, New] = TextOffsets.try_emplace({FID, Name.str()});
  if (New)
    for (size_t At = Buf.find(Name); At != StringRef::npos;
         At = Buf.find(Name, At + 1))
      It->second.push_back(unsigned(At));
  return It->second;
}

/// Whether \p Line, a logical line's text, begins a directive: `#` after
/// blanks and comments closed on the line (`/* ... */ #if`).
static bool beginsDirective(llvm::StringRef Line) {
  Line = Line.ltrim(" \t\f\v");
  while (Line.starts_with("/*")) {
    size_t Close = Line.find("*/", 2);
    if (Close == llvm::StringRef::npos)
      return false;
    Line = Line.drop_front(Close + 2).ltrim(" \t\f\v");
  }
  return Line.starts_with("#");
}

/// Whether one of \p Places (where a name's text stands in \p Buf) is on a
/// logical line (backslash continuations joined) that a preprocessor
/// directive begins, also after a comment closed there that opened on an
/// earlier line. A cheap text search that may say yes where the lexer then
/// finds no directive (a `#` inside a comment), never no where there is
/// one: a file whose directives do not name EWOULDBLOCK (most files that
/// test errno) is not lexed.
static bool onDirectiveLine(llvm::StringRef Buf,
                            llvm::ArrayRef<unsigned> Places) {
  for (size_t At : Places) {
    size_t Start = At;
    while (true) {
      size_t NL = Buf.rfind('\n', Start);
      if (NL == llvm::StringRef::npos) {
        Start = 0;
        break;
      }
      Start = NL + 1;
      // The line before ends in a backslash: the same logical line.
      size_t End = NL;
      if (End > 0 && Buf[End - 1] == '\r')
        --End;
      if (End == 0 || Buf[End - 1] != '\\')
        break;
      Start = End - 1;
    }
    llvm::StringRef Line = Buf.slice(Start, At);
    size_t Closed = Line.find("*/");
    if (beginsDirective(Line) ||
        (Closed != llvm::StringRef::npos &&
         beginsDirective(Line.drop_front(Closed + 2))))
      return true;
  }
  return false;
}

/// `#if EAGAIN == EWOULDBLOCK` (or `!=`, or any condition that names
/// both): the project handles the difference right there, and the branch
/// the preprocessor took on this platform is where the two are one value
/// (keepalived's `check_EAGAIN(xx)` compares with EAGAIN alone under
/// `#if EAGAIN == EWOULDBLOCK` and with both names under `#else`). The
/// blocks are found on the file's raw tokens, which also works where the
/// preprocessor's callbacks never saw the header (clangd's preamble).
bool EagainEwouldblockCheck::underDifferenceGuard(SourceLocation Loc) {
  const SourceManager &SM = Ctx->getSourceManager();
  std::pair<FileID, unsigned> Spelled =
      SM.getDecomposedLoc(SM.getSpellingLoc(Loc));
  FileID FID = Spelled.first;
  unsigned Offset = Spelled.second;
  if (FID.isInvalid())
    return false;
  auto [It, New] = GuardRanges.try_emplace(FID);
  if (New) {
    bool Invalid = false;
    StringRef Buf = SM.getBufferData(FID, &Invalid);
    // A file whose directives name EWOULDBLOCK nowhere has no such block.
    if (!Invalid && Buf.contains("EAGAIN") &&
        onDirectiveLine(Buf, textOffsets(FID, Buf, "EWOULDBLOCK"))) {
      // Open conditionals: where each began and whether a condition of it
      // names both.
      llvm::SmallVector<std::pair<unsigned, bool>, 8> Open;
      std::vector<std::pair<unsigned, unsigned>> &Blocks = It->second;
      forEachDirective(
          SM, FID, Buf, Ctx->getLangOpts(),
          [&](StringRef D, unsigned HashAt, llvm::ArrayRef<Token> Rest) {
            bool Opens = D == "if" || D == "ifdef" || D == "ifndef";
            auto Names = [&](StringRef N) {
              return llvm::any_of(Rest, [&](const Token &T) {
                return T.is(tok::raw_identifier) && T.getRawIdentifier() == N;
              });
            };
            bool Both = (Opens || D == "elif") && Names("EAGAIN") &&
                        Names("EWOULDBLOCK");
            if (Opens)
              Open.push_back({HashAt, Both});
            else if (D == "elif" && !Open.empty())
              Open.back().second |= Both;
            else if (D == "endif" && !Open.empty()) {
              if (Open.back().second)
                Blocks.push_back({Open.back().first, HashAt});
              Open.pop_back();
            }
            return true;
          });
    }
  }
  return llvm::any_of(It->second, [&](const auto &R) {
    return R.first <= Offset && Offset < R.second;
  });
}

bool EagainEwouldblockCheck::inLinuxOnlyBranch(SourceLocation Loc) {
  const SourceManager &SM = Ctx->getSourceManager();
  // Where the code is built: a macro defined in a Linux branch and used
  // outside one is built everywhere.
  std::pair<FileID, unsigned> Spelled =
      SM.getDecomposedLoc(SM.getExpansionLoc(Loc));
  FileID FID = Spelled.first;
  if (FID.isInvalid())
    return false;
  auto [It, New] = LinuxBranches.try_emplace(FID);
  if (New) {
    bool Invalid = false;
    StringRef Buf = SM.getBufferData(FID, &Invalid);
    // The compiler's own Linux macros, or one of the socket macros that
    // only Linux's C libraries define (LinuxOnlyMacros) where the project
    // takes it from the platform as it is. A project that defines such a
    // flag as 0 where it is missing (`#ifndef MSG_MORE` / `#define MSG_MORE
    // 0`) builds the branch everywhere: a directive of the file that names
    // the flag otherwise than as the branch's one condition, or any
    // directive of the project's headers that names it, rules it out.
    auto BranchMacro = [](const Token &T) -> std::optional<StringRef> {
      if (!T.is(tok::raw_identifier))
        return std::nullopt;
      StringRef N = T.getRawIdentifier();
      if (N == "__linux__" || N == "__linux")
        return StringRef();
      if (LinuxOnlyMacros::listed(N))
        return N;
      return std::nullopt;
    };
    if (!Invalid &&
        (Buf.contains("linux") || LinuxOnlyMacros::mayNameOne(Buf))) {
      // Open conditionals: where the branch began and on which macro
      // (empty: the compiler's), if it is such a one.
      llvm::SmallVector<std::optional<std::pair<unsigned, StringRef>>, 8> Open;
      // The branches found, with their macro; the flags named otherwise.
      llvm::SmallVector<std::pair<std::pair<unsigned, unsigned>, StringRef>, 4>
          Found;
      llvm::SmallVector<StringRef, 4> NamedOtherwise;
      forEachDirective(
          SM, FID, Buf, Ctx->getLangOpts(),
          [&](StringRef D, unsigned HashAt, llvm::ArrayRef<Token> Rest) {
            // `#ifdef X`, `#if defined(X)`, `#if defined X`: X alone.
            std::optional<StringRef> Macro;
            if (D == "ifdef" && Rest.size() == 1)
              Macro = BranchMacro(Rest[0]);
            else if (D == "if" && !Rest.empty() &&
                     Rest[0].is(tok::raw_identifier) &&
                     Rest[0].getRawIdentifier() == "defined") {
              if (Rest.size() == 2)
                Macro = BranchMacro(Rest[1]);
              else if (Rest.size() == 4 && Rest[1].is(tok::l_paren) &&
                       Rest[3].is(tok::r_paren))
                Macro = BranchMacro(Rest[2]);
            }
            if (!Macro)
              for (const Token &T : Rest)
                if (T.is(tok::raw_identifier) &&
                    LinuxOnlyMacros::listed(T.getRawIdentifier()))
                  NamedOtherwise.push_back(T.getRawIdentifier());
            if (D == "if" || D == "ifdef" || D == "ifndef") {
              Open.push_back(Macro ? std::optional(std::pair(HashAt, *Macro))
                                   : std::nullopt);
            } else if ((D == "else" || D == "elif" || D == "elifdef" ||
                        D == "elifndef" || D == "endif") &&
                       !Open.empty()) {
              // The branch ends at the next branch of its block.
              if (Open.back())
                Found.push_back(
                    {{Open.back()->first, HashAt}, Open.back()->second});
              Open.back().reset();
              if (D == "endif")
                Open.pop_back();
            }
            return true;
          });
      for (const auto &[Range, Macro] : Found)
        if (Macro.empty() || (!llvm::is_contained(NamedOtherwise, Macro) &&
                              PlatformMacros.fromPlatformAlone(Macro)))
          It->second.push_back(Range);
    }
  }
  unsigned Offset = Spelled.second;
  return llvm::any_of(It->second, [&](const auto &R) {
    return R.first <= Offset && Offset < R.second;
  });
}

bool EagainEwouldblockCheck::inLinuxOnlyFile(SourceLocation Loc) {
  const SourceManager &SM = Ctx->getSourceManager();
  // A header's code may be built elsewhere too, whatever includes it here.
  if (!SM.isInMainFile(SM.getExpansionLoc(Loc)))
    return false;
  if (LinuxOnlyMain)
    return *LinuxOnlyMain;
  LinuxOnlyMain = false;
  FileID Main = SM.getMainFileID();
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(Main, &Invalid);
  if (Invalid || (!Buf.contains("linux/") && !LinuxOnlyMacros::mayNameOne(Buf)))
    return false;
  // The kernel's headers exist only on Linux: a file that includes one
  // whatever the configuration does not build anywhere else. So does a
  // file whose code, outside any #if, needs a socket macro that only
  // Linux's C libraries define (mdns-scan's query.c reads SOL_IP control
  // messages), where the project takes it from the platform as it is: no
  // directive of the file names it (`#ifndef SOL_IP` / `#define SOL_IP
  // IPPROTO_IP`), nor any of the project's headers (LinuxOnlyMacros). One
  // included or used under `#ifdef __linux__` (or any other condition)
  // says nothing. The conditionals are counted on raw tokens, as the
  // compiler saw them and as clangd's preamble does not replay them.
  unsigned Depth = 0;
  llvm::SmallVector<StringRef, 4> Needed, OnDirectives;
  forEachDirective(
      SM, Main, Buf, Ctx->getLangOpts(),
      [&](StringRef D, unsigned, llvm::ArrayRef<Token> Rest) {
        for (const Token &T : Rest)
          if (T.is(tok::raw_identifier) &&
              LinuxOnlyMacros::listed(T.getRawIdentifier()))
            OnDirectives.push_back(T.getRawIdentifier());
        if (D == "if" || D == "ifdef" || D == "ifndef")
          ++Depth;
        else if (D == "endif" && Depth > 0)
          --Depth;
        else if (D == "include" && Depth == 0 && !Rest.empty() &&
                 Rest.front().is(tok::less) &&
                 Buf.substr(SM.getFileOffset(Rest.front().getLocation()) + 1)
                     .starts_with("linux/"))
          LinuxOnlyMain = true;
        return !*LinuxOnlyMain;
      },
      [&](const Token &T) {
        // Not inside a call of the project's function-like macro, which
        // may drop it where the macro is missing (`LINUX_ONLY(...)`).
        if (Depth == 0 && T.is(tok::raw_identifier) &&
            LinuxOnlyMacros::listed(T.getRawIdentifier()) &&
            !PlatformMacros.inProjectMacroCall(
                SM.getFileOffset(T.getLocation())))
          Needed.push_back(T.getRawIdentifier());
      });
  if (!*LinuxOnlyMain)
    LinuxOnlyMain = llvm::any_of(Needed, [&](StringRef N) {
      return !llvm::is_contained(OnDirectives, N) &&
             PlatformMacros.fromPlatformAlone(N);
    });
  return *LinuxOnlyMain;
}

bool EagainEwouldblockCheck::testsAnotherCall(const FunctionDecl *Fn,
                                              const Stmt *At,
                                              const Setters &S) {
  // The variables the test is under: those of its own condition and of the
  // conditions of the if statements around it (`if (nwritten == -1) { if
  // (errno != EAGAIN) ...`).
  // Not a variable passed to one of the errno setters inside the
  // condition (`write(s, ...) == -1 && errno == EAGAIN`): that is the
  // call's descriptor or buffer, not a result the test is about.
  llvm::SmallPtrSet<const VarDecl *, 4> Guards;
  auto Collect = [&](const Stmt *Cond) {
    findStmt(Cond, [&](const Stmt *X) {
      const auto *DRE = dyn_cast<DeclRefExpr>(X);
      const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      if (!V || !V->isLocalVarDecl())
        return false;
      for (const Stmt *Up = Paths->parentOf(DRE, Fn); Up && Up != Cond;
           Up = Paths->parentOf(Up, Fn))
        if (const auto *C = dyn_cast<CallExpr>(Up);
            C && llvm::is_contained(S.Calls, C))
          return false;
      Guards.insert(V);
      return false;
    });
  };
  for (const Stmt *P = Paths->parentOf(At, Fn); P; P = Paths->parentOf(P, Fn)) {
    if (const auto *If = dyn_cast<IfStmt>(P))
      Collect(If->getCond());
    else if (isa<Expr>(P) && !isa<Expr>(Paths->parentOf(P, Fn)))
      Collect(P); // the whole condition the test is part of
  }
  // A guard whose every value in the function (constants aside) comes from
  // a call of the project that is not one of the errno setters (`nwritten
  // = cli_write_conn(...)`): the test is about that call's failure, whose
  // errno the setters before it say nothing about.
  for (const VarDecl *V : Guards) {
    auto [It, New] = CallResultOnly.try_emplace(V, false);
    if (New) {
      bool Any = false, AllProject = true;
      auto Value = [&](const Expr *E) {
        // A constant (`nwritten = 0` once handled) is no call's result.
        const Expr *Bare = E->IgnoreParenCasts();
        if (const auto *U = dyn_cast<UnaryOperator>(Bare);
            U && U->getOpcode() == UO_Minus)
          Bare = U->getSubExpr()->IgnoreParenCasts();
        if (isa<IntegerLiteral>(Bare))
          return;
        Any = true;
        const auto *C = dyn_cast<CallExpr>(E->IgnoreParenCasts());
        const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
        const SourceManager &SM = Ctx->getSourceManager();
        if (!Callee || llvm::is_contained(S.Calls, C) ||
            SM.isInSystemHeader(SM.getExpansionLoc(
                Callee->getCanonicalDecl()->getLocation())))
          AllProject = false;
      };
      if (const Expr *Init = V->getInit())
        Value(Init);
      findStmt(Fn->getBody(), [&](const Stmt *X) {
        if (const auto *B = dyn_cast<BinaryOperator>(X);
            B && B->isAssignmentOp()) {
          const auto *L = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts());
          if (L && L->getDecl() == V)
            Value(B->getOpcode() == BO_Assign ? B->getRHS() : B);
        }
        return false;
      });
      It->second = Any && AllProject;
    }
    if (It->second)
      return true;
  }
  return false;
}

const CallExpr *EagainEwouldblockCheck::ioCallBefore(NonBlockingFdAnalysis &A,
                                                     const FunctionDecl *Fn,
                                                     const Stmt *At) {
  // The calls that set errno of interest, picked out of the function's
  // calls, and which of them ran last on the paths to each point, found
  // once per function (errno itself is a call, `*__errno_location()`:
  // walking back over every call at each comparison was quadratic).
  auto [It, New] = ErrnoSetters.try_emplace(Fn);
  Setters &S = It->second;
  if (New) {
    for (const CallExpr *C : A.callsIn(Fn)) {
      StringRef N = globalOrDependentCalleeName(C);
      // A project's thin wrapper (`acceptn(s, ...)`) hands the library
      // call's errno back: its call sets errno as that one does.
      const IoCallInfo *Info = ioCallInfo(C);
      if ((Info && Info->Family == IoFamily::Plain) ||
          (!N.empty() && isNonIoEagainFunction(N)))
        S.Calls.push_back(C);
    }
    std::vector<const Stmt *> Defs(S.Calls.begin(), S.Calls.end());
    S.Last = std::make_unique<FunctionCfgs::LastOnPaths>(A.functionCfgs(),
                                                         Fn, Defs);
  }
  // The errno the comparison reads was set by the setter that ran last on
  // the path to it. Where paths bring different ones (`if (x) n = read(a,
  // ...); else n = write(b, ...);`), they must be I/O calls on the same
  // descriptor (a send in one branch, a sendto in the other), and the
  // first of them stands for all; otherwise the test names no one call
  // and is left alone, as is one that is about another call's failure
  // (testsAnotherCall). A path with no setter at all (errno from before the
  // function, or from a branch that does not test it) says nothing.
  llvm::SmallVector<unsigned, 2> Reach;
  bool FromEntry = false;
  if (!S.Last->at(At, Reach, FromEntry) || Reach.empty())
    return nullptr;
  if (testsAnotherCall(Fn, At, S))
    return nullptr;
  const CallExpr *Best = S.Calls[Reach.front()];
  for (unsigned I : llvm::drop_begin(Reach)) {
    const CallExpr *Other = S.Calls[I];
    const IoCallInfo *BI = ioCallInfo(Best), *OI = ioCallInfo(Other);
    if (!BI || !OI || BI->Family != IoFamily::Plain ||
        OI->Family != IoFamily::Plain || BI->FdArg >= Best->getNumArgs() ||
        OI->FdArg >= Other->getNumArgs() ||
        !NonBlockingFdAnalysis::sameDescriptor(fdOf(Best, *BI),
                                               fdOf(Other, *OI)))
      return nullptr;
  }
  const IoCallInfo *Info = ioCallInfo(Best);
  if (!Info || Info->Family != IoFamily::Plain)
    return nullptr;
  // eventfd, timerfd, signalfd, inotify, netlink sockets: Linux-only,
  // where the two are one.
  if (auto O = A.ioCallIsNonBlocking(Best, *Info, Fn); O && O->LinuxOnly)
    return nullptr;
  if (Info->FdArg < Best->getNumArgs() &&
      A.isLinuxOnlySocket(fdOf(Best, *Info), Best, Fn))
    return nullptr;
  // So are splice() and the four-argument sendfile() of <sys/sendfile.h>
  // (Linux, and Solaris where the two are equal too; the BSDs' and macOS's
  // sendfile take six or seven arguments): code that calls them is built
  // only where EAGAIN == EWOULDBLOCK. The same through the project's
  // wrapper of one (mini-httpd's my_sendfile()), when no layer's text, the
  // branches the preprocessor skipped included, calls any other I/O
  // function: an `#else` with FreeBSD's seven-argument sendfile is built
  // where the two are one value too, one with a portable write() is not.
  llvm::SmallVector<const FunctionDecl *, 2> Layers;
  if (const CallExpr *Lib = libraryCallOf(Best, &Layers)) {
    StringRef LibName = globalCalleeName(Lib);
    if ((LibName == "splice" ||
         ((LibName == "sendfile" || LibName == "sendfile64") &&
          Lib->getNumArgs() == 4)) &&
        llvm::all_of(Layers, [&](const FunctionDecl *W) {
          return callsOnlyLinuxOnlyIo(W);
        }))
      return nullptr;
  }
  // A send with MSG_FASTOPEN (TCP Fast Open's connect-and-send): the flag
  // is Linux's alone (FreeBSD turns Fast Open on with setsockopt, macOS
  // with connectx()), so the call is built only where the two are one.
  if (Info->FlagsArg >= 0 && unsigned(Info->FlagsArg) < Best->getNumArgs() &&
      NonBlockingFdAnalysis::mentionsName(Best->getArg(Info->FlagsArg),
                                          "MSG_FASTOPEN", *Ctx))
    return nullptr;
  // A descriptor the code shows to be blocking (a file opened without
  // O_NONBLOCK, a plain pipe()) fails with neither name: a test of one of
  // them is dead code rather than a portability bug. So does a socket made
  // blocking on every path to the call. Unless it may be a socket and the
  // file sets a send or receive timeout for the call's direction: then a
  // blocking socket's EAGAIN means "timed out", and POSIX lets that be
  // EWOULDBLOCK too. A file or a pipe has no such timeout. (The file's own
  // setsockopt, or a call of another file's function that sets one, as
  // the facts say: one project-wide answer would revive dead tests on
  // every blocking socket of a project where one file sets a timeout on
  // some other socket.)
  // The cheaper questions first: most descriptors are neither.
  const Expr *Fd = fdOf(Best, *Info);
  if ((A.shownBlocking(Fd) || A.madeBlockingAt(Fd, Best, Fn)) &&
      !A.ioCallIsNonBlocking(Best, *Info, Fn) &&
      (!A.setsSocketTimeout(Info->Dir) || A.isPipeEnd(Fd) ||
       A.isNeverSocket(Fd, Best, Fn)))
    return nullptr;
  std::string FnName = Fn->getNameAsString();
  for (const char *Linux : {"eventfd", "timerfd", "signalfd", "inotify"})
    if (StringRef(FnName).contains(Linux))
      return nullptr;
  return Best;
}

const Stmt *EagainEwouldblockCheck::enclosingBlock(const Stmt *S) {
  for (const Stmt *Child = S, *P = Paths->parentOf(S, CurFn); P;
       Child = P, P = Paths->parentOf(P, CurFn)) {
    // A loop's condition belongs to the loop's scope, as its body does:
    // the same test reads the same in both places (a fix that copies the
    // condition into the body must not change the answer).
    if (const auto *D = dyn_cast<DoStmt>(P); D && Child != D->getBody())
      return P;
    if (const auto *W = dyn_cast<WhileStmt>(P); W && Child != W->getBody())
      return P;
    if (const auto *F = dyn_cast<ForStmt>(P); F && Child != F->getBody())
      return P;
    if (isa<CompoundStmt>(P)) {
      // A loop body: the loop's own condition belongs to the scope too
      // (`do { if (n < 0 && errno == EAGAIN) wait(); } while (... ||
      // errno == EWOULDBLOCK)`).
      const Stmt *Loop = Paths->parentOf(P, CurFn);
      if (isa_and_nonnull<DoStmt>(Loop) || isa_and_nonnull<WhileStmt>(Loop) ||
          isa_and_nonnull<ForStmt>(Loop))
        return Loop;
      return P;
    }
  }
  return nullptr;
}

bool EagainEwouldblockCheck::decidesNothing(const Stmt *Cond) {
  const auto *If = dyn_cast_or_null<IfStmt>(Paths->parentOf(Cond, CurFn));
  const auto *E = dyn_cast<Expr>(Cond);
  if (!If || If->getCond() != Cond || If->getInit() ||
      If->getConditionVariable() || !E ||
      E->HasSideEffects(*Ctx, /*IncludePossibleEffects=*/false))
    return false;
  // The branches differ only by a debug line (dante's channel reads: `if
  // (n == -1 && errno == EAGAIN) ; else slog(LOG_DEBUG, ...);`, then both
  // return -1): whichever name the test spells, the program goes on the
  // same way.
  if (onlyDebugLinesDiffer(If))
    return true;
  if (If->getElse())
    return false;
  // The branch is `continue;` (or `{ continue; }`) ...
  const Stmt *Then = If->getThen();
  if (const auto *CS = dyn_cast<CompoundStmt>(Then); CS && CS->size() == 1)
    Then = CS->body_front();
  if (!isa<ContinueStmt>(Then))
    return false;
  // ... and the `if` is the last statement of a loop's body: taken or not,
  // the next thing to run is the loop's condition (or increment).
  const Stmt *Body = If;
  const Stmt *P = Paths->parentOf(If, CurFn);
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(P)) {
    if (CS->body_back() != If)
      return false;
    Body = CS;
    P = Paths->parentOf(CS, CurFn);
  }
  if (const auto *D = dyn_cast_or_null<DoStmt>(P))
    return D->getBody() == Body;
  if (const auto *W = dyn_cast_or_null<WhileStmt>(P))
    return W->getBody() == Body;
  if (const auto *F = dyn_cast_or_null<ForStmt>(P))
    return F->getBody() == Body;
  return false;
}

/// Names that say a function or macro writes debug output (`log_debug`,
/// `DEBUG(...)`, `dbg_printf`), matched without regard to case.
static bool namedForDebugging(StringRef Name) {
  return Name.contains_insensitive("debug") || Name.contains_insensitive("dbg");
}

/// How deep the statements of a branch that only writes a debug line may
/// nest: a logging macro's `do { if (verbose) ...; } while (0)` in a block
/// of the branch is four; deeper is more than a debug line.
constexpr unsigned MaxDebugLineNesting = 6;

bool EagainEwouldblockCheck::onlyDebugLinesDiffer(const IfStmt *If) {
  auto InMacro = [&](SourceLocation Loc,
                     llvm::function_ref<bool(StringRef)> Pred) {
    return Loc.isMacroID() && llvm::any_of(macroChain(Loc, *Ctx), Pred);
  };
  auto IsLogDebug = [](StringRef Name) { return Name == "LOG_DEBUG"; };
  // A logging macro's level gate: `LOG_DEBUG <= level()`, the debug level
  // (or a side-effect-free expression) compared with what a function that
  // takes nothing returns, or an `&&` chain of such terms and plain tests.
  std::function<bool(const Expr *)> LevelGate = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (!E->HasSideEffects(*Ctx, /*IncludePossibleEffects=*/true))
      return true;
    const auto *B = dyn_cast<BinaryOperator>(E);
    if (!B)
      return false;
    if (B->getOpcode() == BO_LAnd)
      return LevelGate(B->getLHS()) && LevelGate(B->getRHS());
    if (!B->isComparisonOp())
      return false;
    auto NamesDebug = [&](const Expr *X) {
      return findStmt(X, [&](const Stmt *N) {
               return InMacro(N->getBeginLoc(), IsLogDebug);
             }) != nullptr;
    };
    const Expr *Level = B->getLHS(), *Current = B->getRHS();
    if (!NamesDebug(Level))
      std::swap(Level, Current);
    const auto *Get = dyn_cast<CallExpr>(Current->IgnoreParenCasts());
    // A getter whose body is in view only reads: no calls, no stores.
    const FunctionDecl *GetDef = Get && Get->getDirectCallee()
                                     ? Get->getDirectCallee()->getDefinition()
                                     : nullptr;
    if (GetDef && GetDef->getBody() &&
        findStmt(GetDef->getBody(), [](const Stmt *X) {
          const auto *U = dyn_cast<UnaryOperator>(X);
          const auto *B = dyn_cast<BinaryOperator>(X);
          return isa<CallExpr>(X) || (U && U->isIncrementDecrementOp()) ||
                 (B && B->isAssignmentOp());
        }))
      return false;
    return NamesDebug(Level) &&
           !Level->HasSideEffects(*Ctx, /*IncludePossibleEffects=*/true) &&
           Get && Get->getNumArgs() == 0 && Get->getDirectCallee();
  };
  // An assignment or a counter in \p E. (HasSideEffects without possible
  // effects would not do: it takes whatever a macro expands to, a macro's
  // arguments included, for free of them.)
  auto Changes = [](const Expr *E) {
    return findStmt(E, [](const Stmt *X) {
             const auto *U = dyn_cast<UnaryOperator>(X);
             const auto *B = dyn_cast<BinaryOperator>(X);
             // C++: an overloaded `++` or `+=` (a std::atomic counter), or
             // a method that may change its object (`fetch_add`).
             const auto *Op = dyn_cast<CXXOperatorCallExpr>(X);
             const auto *MC = dyn_cast<CXXMemberCallExpr>(X);
             const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
             return (U && U->isIncrementDecrementOp()) ||
                    (B && B->isAssignmentOp()) ||
                    (Op && (Op->isAssignmentOp() ||
                            Op->getOperator() == OO_PlusPlus ||
                            Op->getOperator() == OO_MinusMinus)) ||
                    (M && !M->isConst() && !M->isStatic());
           }) != nullptr;
  };
  // A call that writes a debug line: to a function named for debugging, or
  // with syslog's LOG_DEBUG priority among its arguments (`slog(LOG_DEBUG,
  // ...)`), or written by a macro named for debugging. It must return (a
  // logger that ends the process is no line), and its arguments may not
  // change anything but through calls (`strerror(errno)`).
  auto DebugCall = [&](const CallExpr *C) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD || FD->isNoReturn())
      return false;
    if (llvm::any_of(C->arguments(), Changes))
      return false;
    if ((FD->getIdentifier() && namedForDebugging(FD->getName())) ||
        InMacro(C->getBeginLoc(), namedForDebugging))
      return true;
    return llvm::any_of(C->arguments(), [&](const Expr *A) {
      return findStmt(A, [&](const Stmt *X) {
               return InMacro(X->getBeginLoc(), IsLogDebug);
             }) != nullptr;
    });
  };
  // Each branch: nothing, or statements that each write a debug line (a
  // `(void)` cast, a macro's `do { ... } while (0)` and a side-effect-free
  // `if` around it allowed).
  std::function<bool(const Stmt *, unsigned)> DebugOnly =
      [&](const Stmt *S, unsigned Depth) -> bool {
    if (!S || isa<NullStmt>(S))
      return true;
    if (Depth > MaxDebugLineNesting)
      return false;
    if (const auto *CS = dyn_cast<CompoundStmt>(S))
      return llvm::all_of(
          CS->body(), [&](const Stmt *X) { return DebugOnly(X, Depth + 1); });
    if (const auto *D = dyn_cast<DoStmt>(S)) {
      const auto *Zero = dyn_cast<Expr>(D->getCond());
      std::optional<llvm::APSInt> V =
          Zero ? Zero->getIntegerConstantExpr(*Ctx) : std::nullopt;
      return V && V->isZero() && DebugOnly(D->getBody(), Depth + 1);
    }
    if (const auto *I = dyn_cast<IfStmt>(S)) {
      // The `if` may also be a logging macro's level gate, which compares
      // the debug level with the logger's current one, read through a
      // call (libcoap's coap_log(LOG_DEBUG, ...) expands to `if (LOG_DEBUG
      // <= coap_get_log_level()) coap_log_impl(...)`): calls there only
      // read, as long as nothing is assigned or counted.
      return !I->getInit() && !I->getConditionVariable() &&
             LevelGate(I->getCond()) && DebugOnly(I->getThen(), Depth + 1) &&
             DebugOnly(I->getElse(), Depth + 1);
    }
    const auto *E = dyn_cast<Expr>(S);
    const auto *C = E ? dyn_cast<CallExpr>(E->IgnoreParenCasts()) : nullptr;
    return C && DebugCall(C);
  };
  // At least one branch writes something: an `if` with two empty branches
  // is another matter.
  auto Writes = [](const Stmt *S) { return S && !isa<NullStmt>(S); };
  return (Writes(If->getThen()) || Writes(If->getElse())) &&
         DebugOnly(If->getThen(), 0) && DebugOnly(If->getElse(), 0);
}

const Stmt *EagainEwouldblockCheck::conditionRoot(const Expr *E) {
  // Up through `&&`, `||`, `!`, parentheses and implicit casts. Every node
  // passed on the way shares the answer: remembered, so that each
  // comparison of a long `&&` chain does not climb the whole chain again.
  llvm::SmallVector<const Stmt *, 16> Passed;
  const Stmt *Top = E;
  for (const Stmt *P = Paths->parentOf(E, CurFn); P;
       P = Paths->parentOf(P, CurFn)) {
    if (auto Known = RootOf.find(P); Known != RootOf.end()) {
      Top = Known->second;
      break;
    }
    if (!(isa<BinaryOperator>(P) || isa<ParenExpr>(P) ||
          isa<UnaryOperator>(P) || isa<ImplicitCastExpr>(P)))
      break;
    if (const auto *B = dyn_cast<BinaryOperator>(P); B && !B->isLogicalOp())
      break;
    Top = P;
    Passed.push_back(P);
  }
  for (const Stmt *P : Passed)
    RootOf[P] = Top;
  return Top;
}

/// Macros followed from a constant back to where it is written: aliases
/// of aliases passed through helper macros nest a few deep
/// (libmicrohttpd: three); a guard, not a limit real code reaches.
constexpr unsigned MaxMacroChain = 16;

/// `NGX_EAGAIN`, `SOCKEWOULDBLOCK`: the project's own name for "would
/// block", which it defines per platform; the difference is handled there.
/// Written at the comparison, or met on the way from it through macros:
/// libmicrohttpd's `MHD_SCKT_ERR_IS_EAGAIN_(err)` passes its own
/// `MHD_SCKT_EAGAIN_` to a comparing macro, and tests both names in an
/// #if branch where they differ.
bool EagainEwouldblockCheck::isProjectAlias(const Expr *Constant,
                                            SourceLocation OpLoc) const {
  auto IsAliasName = [](StringRef Name) {
    if (Name.empty() || !isAsciiIdentifierStart(Name[0]))
      return false;
    for (char C : Name)
      if (!isAsciiIdentifierContinue(C))
        return false;
    return Name != "EAGAIN" && Name != "EWOULDBLOCK";
  };
  // As written where the comparison is: unless the comparison itself comes
  // from the macro written there (`#define AGAIN (errno == EAGAIN)`), whose
  // name is then no alias of the constant.
  const SourceManager &SM = Ctx->getSourceManager();
  SourceLocation At = Constant->getBeginLoc();
  bool OneExpansion = At.isMacroID() && OpLoc.isValid() &&
                      SM.getExpansionLoc(At) == SM.getExpansionLoc(OpLoc);
  std::string T = textOf(Constant);
  if (!OneExpansion && IsAliasName(StringRef(T).ltrim("-( ").rtrim(") ")))
    return true;
  // An object-like macro of another name (a one-token invocation) that
  // gives the constant alone, on the chain of expansions: not one that
  // also gives the comparison's operator.
  llvm::SmallDenseSet<FileID, 8> OpExpansions;
  for (SourceLocation O = OpLoc;
       O.isMacroID() && OpExpansions.size() < MaxMacroChain;
       O = SM.getImmediateMacroCallerLoc(O))
    OpExpansions.insert(SM.getFileID(O));
  SourceLocation L = Constant->IgnoreParenImpCasts()->getBeginLoc();
  for (unsigned I = 0; L.isMacroID() && I < MaxMacroChain; ++I) {
    if (!SM.isMacroArgExpansion(L)) {
      CharSourceRange R = SM.getImmediateExpansionRange(L);
      if (R.getBegin() == R.getEnd() &&
          !OpExpansions.contains(SM.getFileID(L)) &&
          IsAliasName(Lexer::getImmediateMacroName(L, SM, Ctx->getLangOpts())))
        return true;
    }
    L = SM.getImmediateMacroCallerLoc(L);
  }
  return false;
}

/// errno, or a variable that holds a copy of it (asked once per variable).
bool EagainEwouldblockCheck::isErrnoLike(const Expr *E,
                                         const FunctionDecl *Fn) {
  if (isErrnoExpr(E))
    return true;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V)
    return false;
  if (V->getInit() && isErrnoExpr(V->getInit()))
    return true;
  auto [It, New] = ErrnoCopies.try_emplace(V, false);
  if (!New)
    return It->second;
  // `e = errno;` somewhere in the function.
  bool Copy = findStmt(Fn->getBody(), [&](const Stmt *S) {
    const auto *B = dyn_cast<BinaryOperator>(S);
    if (!B || B->getOpcode() != BO_Assign)
      return false;
    const auto *L = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParens());
    return L && L->getDecl() == V && isErrnoExpr(B->getRHS());
  });
  return ErrnoCopies[V] = Copy;
}

void EagainEwouldblockCheck::decide(NonBlockingFdAnalysis &A,
                                    llvm::ArrayRef<const Stmt *> Candidates) {
  Paths = &paths(A);
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  for (const Stmt *S : Candidates) {
    const FunctionDecl *Fn = A.enclosingFunction(cast<CallExpr>(S));
    if (!Fn || !Seen.insert(Fn).second)
      continue;
    CurFn = Fn;
    // Comparisons and case labels in the body, with the switch they
    // belong to.
    llvm::SmallVector<std::pair<const Stmt *, const SwitchStmt *>, 32> Work{
        {Fn->getBody(), nullptr}};
    while (!Work.empty()) {
      auto [Cur, Sw] = Work.pop_back_val();
      if (!Cur || isa<LambdaExpr>(Cur))
        continue;
      if (const auto *B = dyn_cast<BinaryOperator>(Cur);
          B && (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE))
        checkComparison(A, B);
      if (const auto *C = dyn_cast<CallExpr>(Cur))
        checkClassifierCall(A, C);
      if (const auto *CS = dyn_cast<CaseStmt>(Cur); CS && Sw)
        if (auto C = spelledErrnoConst(CS->getLHS(), *Ctx);
            C && (*C == ErrnoConst::EAgain || *C == ErrnoConst::EWouldBlock))
          checkSwitch(A, Sw, CS);
      const auto *Inner = dyn_cast<SwitchStmt>(Cur);
      for (const Stmt *Ch : Cur->children())
        Work.push_back({Ch, Inner ? Inner : Sw});
    }
  }
}

/// POSIX gives EWOULDBLOCK to sockets alone: a pipe, a FIFO, a file or a
/// device opened by path, a terminal, an eventfd... fail with EAGAIN, so
/// testing EAGAIN alone on \p Io's descriptor, when it is one of those, is
/// right everywhere (rsyslog's ompipe writes to a FIFO it opened
/// O_NONBLOCK; tmux writes to the client's terminal). Testing EWOULDBLOCK
/// alone there is still the bug.
static bool neverSocket(NonBlockingFdAnalysis &A, const CallExpr *Io,
                        const Expr *Fd, const FunctionDecl *Fn) {
  return A.isPipeEnd(Fd) || A.isNeverSocket(Fd, Io, Fn) ||
         A.isTerminal(Fd, Io, Fn);
}

bool EagainEwouldblockCheck::eagainIsWrappers(NonBlockingFdAnalysis &A,
                                              const CallExpr *Io,
                                              const IoCallInfo &Info,
                                              const FunctionDecl *Fn) {
  const IoWrapper *W = wrapperCalled(Io);
  return W && W->OwnEagain && Info.FdArg < Io->getNumArgs() &&
         !A.ioCallIsNonBlocking(Io, Info, Fn, fdOf(Io, Info));
}

void EagainEwouldblockCheck::checkComparison(NonBlockingFdAnalysis &A,
                                             const BinaryOperator *B,
                                             const ClassifierUse *Via) {
  const Expr *L = B->getLHS(), *R = B->getRHS();
  StringRef Name = spelledWouldBlockName(R, *Ctx);
  const Expr *ErrSide = L;
  if (Name.empty()) {
    Name = spelledWouldBlockName(L, *Ctx);
    ErrSide = R;
  }
  if (Name.empty())
    return;
  // Only values compared with errno (not an API's own codes such as
  // libuv's negated UV_EAGAIN results).
  const FunctionDecl *Fn = CurFn;
  if (!Fn)
    return;
  if (Via) {
    // In a classifier's body: the parameter that receives errno.
    const auto *DRE = dyn_cast<DeclRefExpr>(ErrSide->IgnoreParenImpCasts());
    if (!DRE || DRE->getDecl() != Via->Param)
      return;
  } else if (!isErrnoLike(ErrSide, Fn)) {
    return;
  }
  auto Which = spelledErrnoConst(ErrSide == L ? R : L, *Ctx);
  if (!Which)
    return;
  if (isProjectAlias(ErrSide == L ? R : L, B->getOperatorLoc()) ||
      underDifferenceGuard(B->getOperatorLoc()))
    return;
  bool HasAgain = *Which == ErrnoConst::EAgain;
  StringRef Other = HasAgain ? "EWOULDBLOCK" : "EAGAIN";
  // The whole condition this comparison is part of.
  const Stmt *Top = conditionRoot(B);
  if (Reported.count(Top) || decidesNothing(Top))
    return;
  unsigned M = A.classifiers().mentionedMask(Top, *Ctx);
  if ((M & bit(ErrnoConst::EAgain)) && (M & bit(ErrnoConst::EWouldBlock)))
    return;
  if (textMentions(Top, Other))
    return;
  // A neighbouring test for the other name (`if (e == EAGAIN) ...; if (e ==
  // EWOULDBLOCK) ...`) in the same block also counts.
  if (const Stmt *Block = enclosingBlock(B);
      Block && textMentions(Block, Other))
    return;
  const CallExpr *Io = Via ? Via->Io : ioCallBefore(A, Fn, B);
  if (!Io)
    return;
  const IoCallInfo *Info = ioCallInfo(Io);
  if (HasAgain && Info->FdArg < Io->getNumArgs() &&
      neverSocket(A, Io, fdOf(Io, *Info), Fn))
    return;
  // EAGAIN alone after a wrapper that sets it itself, on a descriptor not
  // known non-blocking: the test is about the wrapper's own code. A test
  // of EWOULDBLOCK alone there misses that code, and is still reported. A
  // classifier's test stands for all its callers and is judged once, with
  // the first: it is not left alone for that one's sake.
  if (HasAgain && !Via && eagainIsWrappers(A, Io, *Info, Fn))
    return;
  if (inLinuxOnlyFile(B->getOperatorLoc()) ||
      inLinuxOnlyBranch(B->getOperatorLoc()))
    return;
  Reported.insert(Top);
  // A classifier's test is reported once, in the classifier, where one
  // edit fixes every caller; a note shows the call that passes errno.
  auto NoteUse = [&] {
    if (Via)
      diag(reportLoc(Via->Site),
           "'%0' is called here with errno from '%1'", DiagnosticIDs::Note)
          << Via->Site->getDirectCallee()->getName() << Info->Name;
  };
  // A test written in a macro's body is one mistake however many times the
  // macro is used: reported once, with the fix in the definition.
  std::optional<MacroBodyText> InBody = macroBodyText(B, ErrSide);
  if (InBody && !ReportedMacros.insert(InBody->Macro).second)
    return;
  auto Report = [&] {
    return diag(reportLoc(B), "errno from '%0' on '%1' is compared with %2 "
                              "but not with %3, which differs from it on "
                              "some platforms")
           << Info->Name << textOf(fdOf(Io, *Info)) << Name << Other;
  };
  if (InBody) {
    std::string N = Name.str(), O = Other.str();
    std::string Guard =
        B->getOpcode() == BO_EQ
            ? "(" + O + " != " + N + " && " + InBody->Err + " == " + O + ")"
            : "(" + O + " == " + N + " || " + InBody->Err + " != " + O + ")";
    std::string Text = InBody->Orig +
                       (B->getOpcode() == BO_EQ ? " || " : " && ") + Guard;
    if (!isWholeCondition(B))
      Text = "(" + Text + ")";
    Report() << FixItHint::CreateReplacement(InBody->Range, Text);
    NoteUse();
    diag(InBody->Range.getBegin(),
         "the comparison is written in the macro '%0': fixed there once for "
         "every use",
         DiagnosticIDs::Note)
        << InBody->Macro;
    return;
  }
  std::optional<DiagnosticBuilder> D(Report());
  auto Done = [&] {
    D.reset(); // the warning goes out before its note
    NoteUse();
  };
  if (inMacro(B))
    return Done(); // in a macro's argument, or a macro of a macro: no fix
  // `e == EAGAIN || e == EWOULDBLOCK` trips GCC's -Wlogical-op where the
  // two are equal; a constant guard keeps the fixed code warning-free.
  // Both copied exactly as written (comments, line splices, strings).
  std::optional<std::string> ErrCopy = fixTextOf(ErrSide);
  std::optional<std::string> OrigCopy = fixTextOf(B);
  if (!ErrCopy || !OrigCopy)
    return Done();
  const std::string &E = *ErrCopy, &Orig = *OrigCopy;
  std::string N = Name.str(), O = Other.str();
  bool Whole = isWholeCondition(B);
  std::string Guard = B->getOpcode() == BO_EQ
                          ? "(" + O + " != " + N + " && " + E + " == " + O + ")"
                          : "(" + O + " == " + N + " || " + E + " != " + O + ")";
  std::string Join = B->getOpcode() == BO_EQ ? " ||" : " &&";
  // A line that would pass 80 columns breaks after the operator, the guard
  // aligned under the comparison (--format-style=file reflows it further).
  const SourceManager &SM = Ctx->getSourceManager();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(B->getSourceRange()), SM,
      Ctx->getLangOpts());
  unsigned Column = SM.getSpellingColumnNumber(Range.getBegin());
  unsigned Open = Whole ? 0 : 1;
  std::string Sep = " ";
  if (Column + Open + Orig.size() + Join.size() + 1 + Guard.size() + Open >
          FixLineWidth &&
      Orig.find('\n') == std::string::npos)
    Sep = "\n" + std::string(Column - 1 + Open, ' ');
  std::string Text = Orig + Join + Sep + Guard;
  if (!Whole)
    Text = "(" + Text + ")";
  *D << FixItHint::CreateReplacement(Range, Text);
  Done();
}

/// `is_again(errno)` after an I/O call, `is_again` defined in the TU: its
/// own tests of the parameter are read once, as the errno of that call.
void EagainEwouldblockCheck::checkClassifierCall(NonBlockingFdAnalysis &A,
                                                 const CallExpr *C) {
  const FunctionDecl *Callee = C->getDirectCallee();
  const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
  if (!Def || Def == CurFn || !Def->getBody() || Def->hasSkippedBody() ||
      Ctx->getSourceManager().isInSystemHeader(Def->getLocation()))
    return;
  for (unsigned I = 0; I < C->getNumArgs() && I < Def->getNumParams(); ++I) {
    if (!isErrnoLike(C->getArg(I), CurFn) ||
        !ClassifiersRead.insert({Def, I}).second)
      continue;
    const CallExpr *Io = ioCallBefore(A, CurFn, C);
    if (!Io)
      continue;
    ClassifierUse Via{Def->getParamDecl(I), Io, C};
    const FunctionDecl *Saved = CurFn;
    CurFn = Def;
    findStmt(Def->getBody(), [&](const Stmt *S) {
      if (const auto *B = dyn_cast<BinaryOperator>(S);
          B && (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE))
        checkComparison(A, B, &Via);
      return false;
    }, Lambdas::Skip);
    CurFn = Saved;
  }
}

/// Parentheses are needed only where the comparison sits inside a larger
/// expression: not as the whole condition of an if/while/for/do, nor
/// inside parentheses of its own.
bool EagainEwouldblockCheck::isWholeCondition(const BinaryOperator *B) {
  const Stmt *Parent = Paths->parentOf(B, CurFn);
  while (isa_and_nonnull<ImplicitCastExpr>(Parent))
    Parent = Paths->parentOf(Parent, CurFn);
  if (isa_and_nonnull<ParenExpr>(Parent))
    return true;
  if (const auto *If = dyn_cast_or_null<IfStmt>(Parent))
    return If->getCond()->IgnoreImpCasts() == B;
  if (const auto *W = dyn_cast_or_null<WhileStmt>(Parent))
    return W->getCond()->IgnoreImpCasts() == B;
  if (const auto *Do = dyn_cast_or_null<DoStmt>(Parent))
    return Do->getCond()->IgnoreImpCasts() == B;
  if (const auto *For = dyn_cast_or_null<ForStmt>(Parent))
    return For->getCond() && For->getCond()->IgnoreImpCasts() == B;
  return false;
}

/// \p Loc, a token of \p Expansion (or of a macro used in it, `errno`),
/// as spelled in the body of the macro that \p Expansion expands.
static SourceLocation spelledInBody(SourceLocation Loc, FileID Expansion,
                                    bool End, const SourceManager &SM) {
  while (Loc.isMacroID() && SM.getFileID(Loc) != Expansion) {
    CharSourceRange R = SM.getImmediateExpansionRange(Loc);
    Loc = End ? R.getEnd() : R.getBegin();
  }
  if (!Loc.isMacroID() || SM.getFileID(Loc) != Expansion ||
      SM.isMacroArgExpansion(Loc))
    return {};
  return SM.getSpellingLoc(Loc);
}

std::optional<EagainEwouldblockCheck::MacroBodyText>
EagainEwouldblockCheck::macroBodyText(const BinaryOperator *B,
                                      const Expr *ErrSide) {
  const SourceManager &SM = Ctx->getSourceManager();
  const LangOptions &LO = Ctx->getLangOpts();
  SourceLocation Op = B->getOperatorLoc();
  if (!Op.isMacroID() || SM.isMacroArgExpansion(Op))
    return std::nullopt;
  FileID Expansion = SM.getFileID(Op);
  SourceLocation Begin = spelledInBody(B->getBeginLoc(), Expansion, false, SM);
  SourceLocation End = spelledInBody(B->getEndLoc(), Expansion, true, SM);
  SourceLocation ErrBegin =
      spelledInBody(ErrSide->getBeginLoc(), Expansion, false, SM);
  SourceLocation ErrEnd = spelledInBody(ErrSide->getEndLoc(), Expansion, true, SM);
  if (Begin.isInvalid() || End.isInvalid() || ErrBegin.isInvalid() ||
      ErrEnd.isInvalid() || SM.getFileID(Begin) != SM.getFileID(End) ||
      SM.isBeforeInTranslationUnit(End, Begin) ||
      SM.isBeforeInTranslationUnit(ErrEnd, ErrBegin))
    return std::nullopt;
  MacroBodyText T;
  T.Macro = Lexer::getImmediateMacroName(Op, SM, LO).str();
  T.Range = CharSourceRange::getTokenRange(Begin, End);
  T.Orig = Lexer::getSourceText(T.Range, SM, LO).str();
  T.Err = Lexer::getSourceText(CharSourceRange::getTokenRange(ErrBegin, ErrEnd),
                               SM, LO)
              .str();
  if (T.Macro.empty() || T.Orig.empty() || T.Err.empty() ||
      T.Orig.find('\n') != std::string::npos)
    return std::nullopt; // a body spread over lines: left alone
  return T;
}

void EagainEwouldblockCheck::checkSwitch(NonBlockingFdAnalysis &A,
                                         const SwitchStmt *Sw,
                                         const CaseStmt *First) {
  if (Reported.count(Sw))
    return;
  const FunctionDecl *Fn = CurFn;
  if (!Fn || !Sw->getCond() || !isErrnoLike(Sw->getCond(), Fn))
    return;
  unsigned M = 0;
  const CaseStmt *Label = nullptr;
  for (const SwitchCase *SC = Sw->getSwitchCaseList(); SC;
       SC = SC->getNextSwitchCase())
    if (const auto *CS = dyn_cast<CaseStmt>(SC))
      if (auto C = spelledErrnoConst(CS->getLHS(), *Ctx)) {
        M |= bit(*C);
        if (*C == ErrnoConst::EAgain || *C == ErrnoConst::EWouldBlock)
          Label = CS;
      }
  bool HasAgain = M & bit(ErrnoConst::EAgain);
  bool HasWould = M & bit(ErrnoConst::EWouldBlock);
  if (HasAgain == HasWould || !Label || isProjectAlias(Label->getLHS()) ||
      underDifferenceGuard(Label->getLHS()->getBeginLoc()))
    return;
  StringRef Name = HasAgain ? "EAGAIN" : "EWOULDBLOCK";
  StringRef Other = HasAgain ? "EWOULDBLOCK" : "EAGAIN";
  if (textMentions(Sw->getBody(), Other))
    return;
  const CallExpr *Io = ioCallBefore(A, Fn, Sw);
  if (!Io)
    return;
  (void)First;
  const IoCallInfo *Info = ioCallInfo(Io);
  // The same rule as for a comparison: `case EAGAIN:` alone is right on a
  // descriptor that is never a socket (lighttpd's request body to a CGI,
  // written to a pipe's end).
  if (HasAgain && Info->FdArg < Io->getNumArgs() &&
      neverSocket(A, Io, fdOf(Io, *Info), Fn))
    return;
  if (HasAgain && eagainIsWrappers(A, Io, *Info, Fn))
    return;
  if (inLinuxOnlyFile(Label->getBeginLoc()) ||
      inLinuxOnlyBranch(Label->getBeginLoc()))
    return;
  Reported.insert(Sw);
  auto D = diag(reportLoc(Label),
                "errno from '%0' on '%1' is handled for %2 but not for %3, "
                "which differs from it on some platforms")
           << Info->Name << textOf(fdOf(Io, *Info)) << Name << Other;
  if (inMacro(Label))
    return;
  // A second case label for the same value would not compile where the two
  // are equal: guard it with the preprocessor.
  const SourceManager &SM = Ctx->getSourceManager();
  SourceLocation CaseLoc = Label->getBeginLoc();
  std::pair<FileID, unsigned> Pos = SM.getDecomposedLoc(CaseLoc);
  StringRef Buf = SM.getBufferData(Pos.first);
  size_t LineStart = Buf.rfind('\n', Pos.second ? Pos.second - 1 : 0);
  LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
  StringRef Before = Buf.slice(LineStart, Pos.second);
  if (!Before.trim().empty())
    return; // something else precedes the label on its line
  std::string Text = "#if EWOULDBLOCK != EAGAIN\n" + Before.str() + "case " +
                     Other.str() + ":\n#endif\n";
  D << FixItHint::CreateInsertion(CaseLoc.getLocWithOffset(-int(Before.size())),
                                  Text);
}

} // namespace clang::tidy::nbio
