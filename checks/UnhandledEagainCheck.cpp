//===--- UnhandledEagainCheck.cpp - nbio-unhandled-eagain ----------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "UnhandledEagainCheck.h"
#include "FreshConnections.h"
#include "ObjectFdStores.h"
#include "SourceText.h"
#include "StmtSearch.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::nbio {

UnhandledEagainCheck::UnhandledEagainCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : NbioCheckBase(Name, Context),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()),
      FlagDiscardedResults(Options.get("FlagDiscardedResults", true)),
      StrictPropagation(Options.get("StrictPropagation", false)),
      OfferWaitFix(Options.get("OfferWaitFix", true)),
      OfferReturnFix(Options.get("OfferReturnFix", true)),
      TimeoutMs(Options.get("TimeoutMs", 5000)) {}

void UnhandledEagainCheck::registerPPCallbacks(const SourceManager &,
                                               Preprocessor *PP,
                                               Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

void UnhandledEagainCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  NbioCheckBase::storeOptions(Opts);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
  Options.store(Opts, "OfferWaitFix", OfferWaitFix);
  Options.store(Opts, "OfferReturnFix", OfferReturnFix);
  Options.store(Opts, "TimeoutMs", TimeoutMs);
  Options.store(Opts, "FlagDiscardedResults", FlagDiscardedResults);
  Options.store(Opts, "StrictPropagation", StrictPropagation);
}

void UnhandledEagainCheck::registerMatchers(ast_matchers::MatchFinder *F) {
  matchCallsTo(F, {IoFamily::Plain, IoFamily::Ssl, IoFamily::Code});
}

/// `send(fd, msg, len, MSG_DONTWAIT)` whose result is thrown away: the call
/// itself asks not to wait, so dropping the data when the buffer is full is
/// the intent (a best-effort log line from a signal handler).
static bool asksNotToWait(const CallExpr *Call, const IoCallInfo &Info,
                          const ASTContext &Ctx) {
  return Info.FlagsArg >= 0 && unsigned(Info.FlagsArg) < Call->getNumArgs() &&
         NonBlockingFdAnalysis::mentionsName(Call->getArg(Info.FlagsArg),
                                             "MSG_DONTWAIT", Ctx);
}

/// The largest constant a wake-up may add to an eventfd's counter and
/// still be taken for one that cannot fill it: the counter stops at
/// 0xfffffffffffffffe, and 255 at a time needs 2^56 writes with no read in
/// between, over two centuries at ten million write() calls a second.
constexpr uint64_t MaxEventCounterAdd = 255;

/// The variable `v` of \p Call, `write(fd, &v, ...)`, when it is a 64-bit
/// integer that holds a constant no larger than MaxEventCounterAdd there:
/// its initialiser, run on every path to the call, and the variable const
/// or a local of \p Fn whose every other use reads its value. Null
/// otherwise: a value the function does not fix may be anything.
static const VarDecl *fixedCounterStep(const CallExpr *Call,
                                       const IoCallInfo &Info,
                                       const FunctionDecl *Fn,
                                       NonBlockingFdAnalysis &A,
                                       const ASTContext &Ctx) {
  constexpr unsigned BufArg = 1;
  if (Info.Name != "write" || Call->getNumArgs() <= BufArg || !Fn->hasBody())
    return nullptr;
  const auto *Addr =
      dyn_cast<UnaryOperator>(Call->getArg(BufArg)->IgnoreParenImpCasts());
  if (!Addr || Addr->getOpcode() != UO_AddrOf)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(Addr->getSubExpr()->IgnoreParens());
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  // A parameter's "initialiser" is its default argument, which a caller
  // may override; a __block variable may be changed by a block.
  if (!V || isa<ParmVarDecl>(V) || V->hasAttr<BlocksAttr>() ||
      !V->getType()->isIntegerType() || Ctx.getTypeSize(V->getType()) != 64 ||
      !V->getInit() || V->getInit()->isValueDependent())
    return nullptr;
  Expr::EvalResult R;
  if (!V->getInit()->EvaluateAsInt(R, Ctx) || R.Val.getInt().isNegative() ||
      R.Val.getInt().getZExtValue() > MaxEventCounterAdd)
    return nullptr;
  if (V->hasLocalStorage()) {
    if (V->getDeclContext() != Fn)
      return nullptr;
    // A jump past the declaration (a goto, a case label) leaves the
    // variable uninitialised: its initialiser must run on every path.
    const Stmt *Decl = findStmt(Fn->getBody(), [&](const Stmt *S) {
      const auto *D = dyn_cast<DeclStmt>(S);
      return D && llvm::is_contained(D->decls(), V);
    });
    if (!Decl || !A.functionCfgs().dominates(Fn, Decl, Call))
      return nullptr;
    // Every other use reads the value where it stands. Stricter than
    // ExprMutationAnalyzer on purpose: a pointer to const or a const
    // reference may be cast back and written through, an asm output is
    // no mutation to it, and it takes any `&v` handed to write() for one.
    const FunctionParents::Map &PM = A.functionParents().of(Fn);
    auto ChangesOrEscapes = [&](const Stmt *S) {
      const auto *Use = dyn_cast<DeclRefExpr>(S);
      if (!Use || Use->getDecl() != V)
        return false;
      const Stmt *Up = PM.getParentIgnoreParens(Use);
      if (const auto *Read = dyn_cast_or_null<ImplicitCastExpr>(Up))
        return Read->getCastKind() != CK_LValueToRValue;
      if (isa_and_nonnull<UnaryExprOrTypeTraitExpr>(Up))
        return false; // sizeof(v): not evaluated
      const auto *Amp = dyn_cast_or_null<UnaryOperator>(Up);
      if (!Amp || Amp->getOpcode() != UO_AddrOf)
        return true;
      // ParentMap only reads; this look-up takes its argument non-const.
      const auto *C = dyn_cast_or_null<CallExpr>(
          PM.getParentIgnoreParenImpCasts(const_cast<UnaryOperator *>(Amp)));
      const IoCallInfo *I = C ? lookupIoCall(C) : nullptr;
      return !I || I->Name != "write" || C->getNumArgs() <= BufArg ||
             C->getArg(BufArg)->IgnoreParenImpCasts() != Amp;
    };
    if (!V->getType().isConstQualified() &&
        findStmt(Fn->getBody(), ChangesOrEscapes))
      return nullptr;
  } else if (!V->getType().isConstQualified()) {
    return nullptr; // a global or a static local: any function may change it
  }
  return V;
}

/// \p Call adds a fixed small step (fixedCounterStep) to an eventfd's
/// counter (every value of its descriptor comes from the C library's
/// eventfd(): \p Kinds). The counter cannot come near its limit one small
/// step at a time, so the write does not fail with EAGAIN (nng's poller
/// wakes its thread that way). A value the function does not fix may be
/// the limit itself, and is still reported.
static bool wakesEventCounter(const CallExpr *Call, const IoCallInfo &Info,
                              const NonBlockingFdAnalysis::CreatorKinds &Kinds,
                              const FunctionDecl *Fn, NonBlockingFdAnalysis &A,
                              const ASTContext &Ctx) {
  return Kinds.AllEventCounter && fixedCounterStep(Call, Info, Fn, A, Ctx);
}

/// The creators of the descriptor of the call being judged, searched for
/// on the first question and kept for the next.
using KindsOfFd =
    llvm::function_ref<const NonBlockingFdAnalysis::CreatorKinds &()>;

/// The largest wake-up token of any value wakesThroughPipe takes: a byte,
/// a signal number. Not 8: a pointer handed to a worker thread through a
/// pipe (a job) is 8 bytes, and losing it loses the job.
constexpr uint64_t MaxWakeupToken = 4;

/// \p Call, whose result is discarded, writes a token of at most
/// MaxWakeupToken bytes to a pipe's write end (the self-pipe trick: a
/// signal handler's or another thread's wake-up of a poll loop). A write
/// that small to a pipe is atomic: it fails with EAGAIN only when the pipe
/// is full, and then the reader has bytes waiting, so a wake-up is pending
/// already; dropping the failure loses nothing. The descriptor may also be
/// an eventfd that the code chose over the pipe (libev's evpipe), where a
/// write shorter than the 8-byte counter fails with EINVAL. On such a
/// channel (an eventfd among its values) a fixed small step
/// (fixedCounterStep) written alone goes too: it cannot fill the counter,
/// and it is a wake-up, not a record, on the pipe. On a pipe alone eight
/// bytes may be a record (a job's pointer, a quit message), and are
/// reported, as are a message (a longer write, or one whose length is not
/// a constant) and any write to a socket. A failure that is tested is
/// judged as usual: a full pipe does fail.
static bool wakesThroughPipe(const CallExpr *Call, const IoCallInfo &Info,
                             const Expr *Fd, const FunctionDecl *Fn,
                             NonBlockingFdAnalysis &A, const ASTContext &Ctx,
                             KindsOfFd Kinds) {
  // write(fd, buf, len); send() on a pipe fails with ENOTSOCK.
  constexpr unsigned LenArg = 2;
  if (Info.Name != "write" || Call->getNumArgs() <= LenArg)
    return false;
  const Expr *Len = Call->getArg(LenArg);
  Expr::EvalResult R;
  if (Len->isValueDependent() || !Len->EvaluateAsInt(R, Ctx))
    return false;
  uint64_t Bytes = R.Val.getInt().getLimitedValue();
  if (Bytes > MaxWakeupToken) {
    const VarDecl *Step = fixedCounterStep(Call, Info, Fn, A, Ctx);
    return Step &&
           Bytes <=
               uint64_t(
                   Ctx.getTypeSizeInChars(Step->getType()).getQuantity()) &&
           Kinds().SomeEventCounter;
  }
  return A.isPipeEnd(Fd) || Kinds().AllPipeOrEventCounter;
}

/// How many times a function's body names each variable, the operands of
/// sizeof and alignof aside; a block that captures a variable names it
/// (its body is not among the block's children).
using MentionCounts = llvm::DenseMap<const VarDecl *, unsigned>;

static MentionCounts countMentions(const FunctionDecl *Fn,
                                   NonBlockingFdAnalysis &A) {
  MentionCounts N;
  const FunctionParents::Map &PM = A.functionParents().of(Fn);
  findStmt(Fn->getBody(), [&](const Stmt *S) {
    if (const auto *B = dyn_cast<BlockExpr>(S)) {
      for (const BlockDecl::Capture &C : B->getBlockDecl()->captures())
        ++N[C.getVariable()];
    } else if (const auto *Use = dyn_cast<DeclRefExpr>(S)) {
      const auto *V = dyn_cast<VarDecl>(Use->getDecl());
      if (V && !isa_and_nonnull<UnaryExprOrTypeTraitExpr>(
                   PM.getParentIgnoreParens(Use)))
        ++N[V];
    }
    return false;
  });
  return N;
}

/// The mentions in the function of the call being judged, counted on the
/// first question and kept for the function's other calls.
using MentionsOfFn = llvm::function_ref<const MentionCounts &()>;

/// The size of an eventfd's counter: a read of fewer bytes fails with
/// EINVAL, every time, and drains nothing.
constexpr uint64_t EventCounterBytes = 8;

/// The variable \p Call, `read(fd, &v, n)`, `read(fd, arr, n)` or
/// `read(fd, &arr, n)`, reads into when the bytes read are never looked
/// at: a local of \p Fn, a scalar or an array of scalars (a C++ object's
/// destructor may read it, its constructor let it out), that \p Fn names
/// nowhere else (sizeof aside) and no cleanup function is given; n a
/// constant from \p MinBytes to the variable's size. Null otherwise.
static const VarDecl *
bufferNeverRead(const CallExpr *Call, const IoCallInfo &Info,
                const FunctionDecl *Fn, NonBlockingFdAnalysis &A,
                const ASTContext &Ctx, MentionsOfFn Mentions,
                uint64_t MinBytes) {
  constexpr unsigned BufArg = 1, LenArg = 2;
  if (Info.Name != "read" || Call->getNumArgs() <= LenArg || !Fn->hasBody())
    return nullptr;
  // `&v`, or an array `arr` that decays to its first element's address; a
  // pointer variable may point at anyone's buffer.
  const Expr *Buf = Call->getArg(BufArg)->IgnoreParenCasts();
  bool TakesAddress = false;
  if (const auto *Addr = dyn_cast<UnaryOperator>(Buf);
      Addr && Addr->getOpcode() == UO_AddrOf) {
    Buf = Addr->getSubExpr()->IgnoreParens();
    TakesAddress = true;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Buf);
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  // A reference names another object; a __block variable may be read by a
  // block, a static one by the next call.
  if (!V || isa<ParmVarDecl>(V) || !V->hasLocalStorage() ||
      V->getDeclContext() != Fn || V->hasAttr<BlocksAttr>() ||
      V->hasAttr<CleanupAttr>())
    return nullptr;
  // `&arr` is the array's address, the same bytes as `arr` (libev's
  // `read(fd, &dummy, sizeof(dummy))` into `char dummy[4]`).
  QualType T = V->getType();
  bool ScalarArray =
      T->isConstantArrayType() && T->getBaseElementTypeUnsafe()->isScalarType();
  if (T->isDependentType() || T->isIncompleteType() ||
      !(ScalarArray || (TakesAddress && T->isScalarType())))
    return nullptr;
  const Expr *Len = Call->getArg(LenArg);
  Expr::EvalResult R;
  if (Len->isValueDependent() || !Len->EvaluateAsInt(R, Ctx) ||
      R.Val.getInt().isNegative())
    return nullptr;
  uint64_t Bytes = R.Val.getInt().getLimitedValue();
  if (Bytes < MinBytes ||
      Bytes > uint64_t(Ctx.getTypeSizeInChars(T).getQuantity()))
    return nullptr;
  return Mentions().lookup(V) == 1 ? V : nullptr;
}

/// \p Call, whose result is discarded, drains a loop's wake-up channel:
/// it reads into a buffer nothing looks at (bufferNeverRead), and either
/// - from a descriptor whose every value comes from the C library's
///   eventfd(), pipe() or pipe2(), an eventfd among them (\p Kinds:
///   libev's evpipe reads the counter that way once the loop says it is
///   readable), at least the counter's 8 bytes; or
/// - from a pipe made as an eventfd's fallback
///   (NonBlockingFdAnalysis::pipeStandsInForEventCounter: libev's pipecb
///   drains its fallback pipe into `char dummy[4]`), any number of bytes.
/// The read only empties the channel; it fails with EAGAIN when there was
/// nothing to empty (an eventfd whose counter is 0, an empty pipe), and
/// dropping that loses nothing. A channel that is an eventfd on some path
/// carries no stream of records, so the read skips no header. Still
/// reported: the same read from a pipe alone (its bytes may be a record's
/// start), from a socket, into a buffer the function looks at, or of
/// fewer than 8 bytes from a descriptor that may be the eventfd itself
/// (which fails them with EINVAL and drains nothing).
static bool drainsWakeupChannel(const CallExpr *Call, const IoCallInfo &Info,
                                const Expr *Fd, const FunctionDecl *Fn,
                                NonBlockingFdAnalysis &A, const ASTContext &Ctx,
                                MentionsOfFn Mentions, KindsOfFd Kinds) {
  if (Kinds().SomeEventCounter)
    return bufferNeverRead(Call, Info, Fn, A, Ctx, Mentions, EventCounterBytes);
  return Kinds().AllPipeOrEventCounter &&
         bufferNeverRead(Call, Info, Fn, A, Ctx, Mentions, /*MinBytes=*/1) &&
         A.pipeStandsInForEventCounter(Fd, Call, Fn);
}

/// A recv() or recvfrom() on \p Fd whose flags, a constant, include
/// MSG_PEEK (`p ? MSG_PEEK : 0` names it without always asking for it).
static const CallExpr *peekOf(const Expr *E, const Expr *Fd,
                              NonBlockingFdAnalysis &A, const ASTContext &Ctx) {
  const auto *C = dyn_cast<CallExpr>(E->IgnoreParenCasts());
  if (!C)
    return nullptr;
  llvm::StringRef N = globalCalleeName(C);
  if ((N != "recv" && N != "recvfrom") || C->getNumArgs() < 4 ||
      !C->getArg(3)->getIntegerConstantExpr(Ctx) ||
      !NonBlockingFdAnalysis::mentionsName(C->getArg(3), "MSG_PEEK", Ctx) ||
      !A.sameDescriptor(C->getArg(0), Fd))
    return nullptr;
  return C;
}

/// \p Call, a recv() or recvfrom() of a constant length, takes bytes that
/// a MSG_PEEK receive on the same descriptor showed were queued: it runs
/// inside an `if` that found the peek's count equal to at least that
/// length (`n = recv(fd, &ack, 4, MSG_PEEK); if (n == 4) recv(fd, &ack, 4,
/// 0);`, weechat's DCC sender reading the acknowledgement it peeked), and
/// every value the count's variable can hold there comes from such a peek.
/// Queued data is there to take: the call cannot fail with EAGAIN,
/// whatever the mode, and takes the whole length. Only where nothing can
/// have taken the bytes first or take them twice: no other call is handed
/// the descriptor (nor is it stored to) between the peek and the call, no
/// loop or label runs the test or the call again without the peek, and a
/// `>=` test is not made in an unsigned type (a failed peek's -1 would
/// pass it). (A second reader of the descriptor, another thread, is out of
/// the function's view.)
static bool takesPeekedBytes(const CallExpr *Call, const FunctionDecl *Fn,
                             NonBlockingFdAnalysis &A, const ASTContext &Ctx) {
  llvm::StringRef N = globalCalleeName(Call);
  if ((N != "recv" && N != "recvfrom") || Call->getNumArgs() < 4)
    return false;
  std::optional<llvm::APSInt> Len =
      Call->getArg(2)->getIntegerConstantExpr(Ctx);
  if (!Len)
    return false;
  const Expr *Fd = Call->getArg(0);
  const FunctionParents::Map &PM = A.functionParents().of(Fn);
  // The `if` whose then-branch holds the call, with no loop in between.
  const IfStmt *If = nullptr;
  for (const Stmt *Child = Call, *P = PM.getParent(Call); P && !If;
       Child = P, P = PM.getParent(P)) {
    if (isLoop(P))
      return false;
    if (const auto *I = dyn_cast<IfStmt>(P); I && I->getThen() == Child)
      If = I;
  }
  if (!If ||
      findStmt(If->getThen(), [](const Stmt *S) { return isa<LabelStmt>(S); }))
    return false;
  // `n == K`, `n >= K`, `K == n`, `K <= n`, with K at least the length.
  const auto *B =
      dyn_cast<BinaryOperator>(If->getCond()->IgnoreParenImpCasts());
  if (!B)
    return false;
  const Expr *Var = B->getLHS(), *K = B->getRHS();
  BinaryOperatorKind Op = B->getOpcode();
  if (Op == BO_LE) {
    std::swap(Var, K);
    Op = BO_GE;
  }
  if (Op != BO_EQ &&
      (Op != BO_GE || B->getLHS()->getType()->isUnsignedIntegerType()))
    return false;
  std::optional<llvm::APSInt> Min = K->getIntegerConstantExpr(Ctx);
  if (!Min && Op == BO_EQ) {
    std::swap(Var, K);
    Min = K->getIntegerConstantExpr(Ctx);
  }
  const auto *D = dyn_cast<DeclRefExpr>(Var->IgnoreParenImpCasts());
  const auto *V = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
  if (!Min || !V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) ||
      llvm::APSInt::compareValues(*Min, *Len) < 0)
    return false;
  // A failed peek's -1, kept in an unsigned count (`unsigned char n`),
  // passes `>=` too.
  if (Op == BO_GE && V->getType()->isUnsignedIntegerType())
    return false;
  // Every value of the count at the test comes from a peek of Fd (weechat
  // reuses the variable for the file's reads further down).
  llvm::SmallVector<const Stmt *, 4> Defs;
  if (V->getInit())
    Defs.push_back(V->getInit());
  bool Other = false;
  findStmt(Fn->getBody(), [&](const Stmt *S) {
    auto Names = [&](const Expr *E) {
      const auto *R = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      return R && R->getDecl() == V;
    };
    if (const auto *Asg = dyn_cast<BinaryOperator>(S);
        Asg && Asg->isAssignmentOp() && Names(Asg->getLHS())) {
      if (Asg->getOpcode() == BO_Assign)
        Defs.push_back(Asg);
      else
        Other = true;
    } else if (const auto *U = dyn_cast<UnaryOperator>(S);
               U &&
               (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf) &&
               Names(U->getSubExpr())) {
      Other = true;
    }
    return Other;
  });
  if (Other || Defs.empty())
    return false;
  FunctionCfgs::LastOnPaths Last(A.functionCfgs(), Fn, Defs);
  llvm::SmallVector<unsigned, 4> Reaching;
  bool FromEntry = false;
  if (!Last.valid() || !Last.at(If->getCond(), Reaching, FromEntry) ||
      FromEntry || Reaching.empty())
    return false;
  llvm::SmallVector<const CallExpr *, 2> Peeks;
  for (unsigned I : Reaching) {
    const auto *Assign = dyn_cast<BinaryOperator>(Defs[I]);
    const CallExpr *Peek =
        peekOf(Assign ? Assign->getRHS() : cast<Expr>(Defs[I]), Fd, A, Ctx);
    if (!Peek)
      return false;
    Peeks.push_back(Peek);
  }
  // A loop around the test runs it again on the same count unless the
  // peek is in that loop too.
  for (const Stmt *P = PM.getParent(If); P; P = PM.getParent(P))
    if (isLoop(P))
      for (const CallExpr *Peek : Peeks) {
        const Stmt *Up = Peek;
        while (Up && Up != P)
          Up = PM.getParent(Up);
        if (!Up)
          return false;
      }
  // Between the first peek and the call, nothing else is handed the
  // descriptor (a read takes the bytes; the project's function may read)
  // and nothing stores to it.
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation From = Peeks.front()->getBeginLoc();
  for (const CallExpr *Peek : Peeks)
    if (SM.isBeforeInTranslationUnit(Peek->getBeginLoc(), From))
      From = Peek->getBeginLoc();
  auto Between = [&](const Stmt *S) {
    return SM.isBeforeInTranslationUnit(From, S->getBeginLoc()) &&
           SM.isBeforeInTranslationUnit(S->getBeginLoc(), Call->getBeginLoc());
  };
  return !findStmt(Fn->getBody(), [&](const Stmt *S) {
    if (const auto *C = dyn_cast<CallExpr>(S)) {
      if (C == Call || llvm::is_contained(Peeks, C) || !Between(C))
        return false;
      return llvm::any_of(C->arguments(), [&](const Expr *Arg) {
        return A.sameDescriptor(Arg, Fd);
      });
    }
    if (const auto *Store = dyn_cast<BinaryOperator>(S))
      return Store->isAssignmentOp() && Between(Store) &&
             A.sameDescriptor(Store->getLHS(), Fd);
    return false;
  });
}

/// The statement that holds \p Call and stands in a block of its own: a
/// declaration, an expression statement, a `return`, or an `if` with the
/// call in its condition. Null for anything else (a loop's condition runs
/// again; an unbraced branch cannot take a statement before it).
static const Stmt *statementBefore(const CallExpr *Call,
                                   const FunctionParents::Map &PM) {
  const Stmt *Child = Call;
  for (const Stmt *P = PM.getParent(Call); P; Child = P, P = PM.getParent(P)) {
    if (!isa<CompoundStmt>(P))
      continue;
    if (isa<DeclStmt>(Child) || isa<Expr>(Child) || isa<ReturnStmt>(Child))
      return Child;
    if (const auto *If = dyn_cast<IfStmt>(Child)) {
      // The call must be in the condition, not in a branch.
      for (const Stmt *S = Call; S; S = PM.getParent(S))
        if (S == If->getCond())
          return If;
    }
    return nullptr;
  }
  return nullptr;
}

/// Fix on a note: poll for the call's direction before the statement that
/// holds it, for at most TimeoutMs: the readiness a blocking-style function
/// assumed.
std::vector<FixItHint>
UnhandledEagainCheck::waitFix(const CallExpr *Call, const IoCallInfo &Info,
                              const FunctionDecl *Fn,
                              NonBlockingFdAnalysis &A) {
  std::optional<std::string> FdCopy;
  if (!OfferWaitFix || !whyFdCannotBeCopied(Call, Info.FdArg < Call->getNumArgs()
                                                      ? fdOf(Call, Info)
                                                      : Call,
                                            FdCopy)
                            .empty())
    return {};
  const Stmt *S = statementBefore(Call, A.functionParents().of(Fn));
  if (!S || inMacro(S) || S->getBeginLoc().isMacroID())
    return {};
  const SourceManager &SM = Ctx->getSourceManager();
  std::string I = indentAt(S->getBeginLoc(), SM);
  // A function pointer that reads at some calls and writes at others waits
  // the way it goes (`f == read ? POLLIN : POLLOUT`).
  std::string Events = pollEventsText(Info.Dir == Direction::Read,
                                      Info.ReadIf, Ctx->getLangOpts());
  std::vector<FixItHint> Hints = {FixItHint::CreateInsertion(
      S->getBeginLoc(),
      "{\n" + I + "  struct pollfd wait_pfd = {" + *FdCopy + ", " + Events +
          ", 0};\n" + I + "  (void)poll(&wait_pfd, 1, " +
          std::to_string(TimeoutMs) + ");\n" + I + "}\n" + I)};
  return Hints;
}

/// Fix on a note: at the top of the failure branch that ends the
/// connection, return on EAGAIN/EWOULDBLOCK as the branch itself returns
/// (`return;` in a void function), keeping the connection for the next
/// readiness event. Only where the branch is the call's failure alone: an
/// `if` on `n < 0` / `== -1` (a variable set from the call, or the call
/// itself), or on anything else with `n < 0 &&` added to the test, so that
/// EOF (0) still ends the connection.
std::vector<FixItHint>
UnhandledEagainCheck::returnFix(const CallExpr *Call, const FunctionDecl *Fn,
                                const FailurePath &P,
                                NonBlockingFdAnalysis &A) {
  if (!OfferReturnFix || !P.At || inMacro(P.At))
    return {};
  const FunctionParents::Map &PM = A.functionParents().of(Fn);
  const auto *Branch = dyn_cast_or_null<CompoundStmt>(PM.getParent(P.At));
  const auto *If = Branch ? dyn_cast_or_null<IfStmt>(PM.getParent(Branch))
                          : nullptr;
  if (!If || If->getThen() != Branch || Branch->body_empty() ||
      Branch->getLBracLoc().isMacroID())
    return {};
  // The condition must be about this call: its result, or the call itself.
  const Stmt *Up = PM.getParent(Call);
  while (Up && (isa<ParenExpr>(Up) || isa<ImplicitCastExpr>(Up)))
    Up = PM.getParent(Up);
  std::string Result;
  const ValueDecl *Var = nullptr;
  if (const auto *B = dyn_cast_or_null<BinaryOperator>(Up);
      B && B->getOpcode() == BO_Assign)
    if (const auto *D = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParens()))
      Var = D->getDecl();
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(Up); DS && DS->isSingleDecl())
    Var = dyn_cast<VarDecl>(DS->getSingleDecl());
  bool CondIsCall = false;
  for (const Stmt *S = Call; S; S = PM.getParent(S))
    if (S == If->getCond())
      CondIsCall = true;
  if (Var)
    Result = Var->getName().str();
  else if (!CondIsCall)
    return {};
  bool MentionsVar = false;
  if (Var)
    findStmt(If->getCond(), [&](const Stmt *S) {
      if (const auto *D = dyn_cast<DeclRefExpr>(S); D && D->getDecl() == Var)
        MentionsVar = true;
      return false;
    });
  if (Var && !MentionsVar)
    return {};
  // How the branch hands the failure back: its `return`, copied.
  std::string Ret;
  bool After = false;
  for (const Stmt *S : Branch->body()) {
    if (S == P.At)
      After = true;
    const auto *R = dyn_cast<ReturnStmt>(S);
    if (!After || !R)
      continue;
    if (!R->getRetValue()) {
      Ret = "return;";
    } else if (std::optional<std::string> V = fixTextOf(R->getRetValue())) {
      Ret = "return " + *V + ";";
    }
    break;
  }
  if (Ret.empty() && Fn->getReturnType()->isVoidType())
    Ret = "return;"; // a handler that falls off its end after closing
  if (Ret.empty())
    return {};
  const SourceManager &SM = Ctx->getSourceManager();
  std::string I = indentAt(Branch->body_front()->getBeginLoc(), SM);
  std::string Test = "errno == EAGAIN || errno == EWOULDBLOCK";
  if (Var)
    Test = Result + " < 0 && (" + Test + ")";
  std::vector<FixItHint> Hints = {FixItHint::CreateInsertion(
      Branch->getLBracLoc().getLocWithOffset(1),
      "\n" + I + "if (" + Test + ")\n" + I + "  " + Ret)};
  return Hints;
}

/// \p End, a call in \p Fn of a function of the file's, gives up the
/// descriptor \p Fd, a field of the object a pointer variable of \p Fn
/// names (`peer->wbuf.fd`), which \p Fn never points elsewhere: the call
/// is handed that pointer, and the function's body, which never points
/// its parameter elsewhere either, does this at its top level, with no
/// `return`, `goto`, label or `throw` before:
/// - closes a descriptor field of the object (`close(peer->fd)`), also
///   under an `if` that tests that field (`if (peer->fd != -1)`);
/// - stores -1 into \p Fd's field, and writes that field (or a struct that
///   holds it) no more after (`peer->fd = peer->wbuf.fd = -1;`).
/// So does openbgpd's session_close_connection(). After it the queue
/// written to that descriptor is never flushed to it again, whatever the
/// flush before returned.
static bool dropsDescriptorField(const CallExpr *End, const Expr *Fd,
                                 const FunctionDecl *Fn, ASTContext &Ctx) {
  const FunctionDecl *Callee = End->getDirectCallee();
  const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
  const auto *Body = Def && !Def->isVariadic()
                         ? dyn_cast_or_null<CompoundStmt>(Def->getBody())
                         : nullptr;
  // The descriptor as a field path from a pointer variable of \p Fn: not
  // through a pointer field (`c->wp->fd`, another object).
  std::optional<RootedPath> Flushed = rootedPath(Fd);
  if (!Body || !Fn->getBody() || !Flushed || Flushed->Path.empty() ||
      !Flushed->Root->getType()->isPointerType())
    return false;
  const VarDecl *Root = Flushed->Root;
  // The parameter the caller's object is handed to, as it is.
  const ParmVarDecl *Param = nullptr;
  for (unsigned I = 0; I < End->getNumArgs() && I < Def->getNumParams(); ++I) {
    const auto *R =
        dyn_cast<DeclRefExpr>(End->getArg(I)->IgnoreParenImpCasts());
    if (R && R->getDecl()->getCanonicalDecl() == Root &&
        Ctx.hasSameType(Def->getParamDecl(I)->getType(), Root->getType()))
      Param = Def->getParamDecl(I);
  }
  if (!Param || ExprMutationAnalyzer(*Fn->getBody(), Ctx).isMutated(Root) ||
      ExprMutationAnalyzer(*Body, Ctx).isMutated(Param))
    return false;
  auto SameField = [](const FieldDecl *A, const FieldDecl *B) {
    return A->getCanonicalDecl() == B->getCanonicalDecl();
  };
  // The path \p E names from the parameter.
  auto FromParam = [&](const Expr *E) -> std::optional<RootedPath> {
    std::optional<RootedPath> P = rootedPath(E);
    if (P && P->Root == Param->getCanonicalDecl())
      return P;
    return std::nullopt;
  };
  // \p E names, from the parameter, the flushed field (\p Whole) or a
  // part of the object that holds it (a prefix of its path: `c->w`).
  auto OnParam = [&](const Expr *E, bool Whole) {
    std::optional<RootedPath> P = FromParam(E);
    if (!P || P->Path.size() > Flushed->Path.size() ||
        (Whole && P->Path.size() != Flushed->Path.size()))
      return false;
    return std::equal(P->Path.begin(), P->Path.end(), Flushed->Path.begin(),
                      SameField);
  };
  // One of the object's own fields (`param->f`), or null.
  auto OwnField = [&](const Expr *E) -> const FieldDecl * {
    std::optional<RootedPath> P = FromParam(E);
    return P && P->Path.size() == 1 ? P->Path.front() : nullptr;
  };
  // `close(param->f)`, one of the object's own descriptor fields.
  auto ClosesField = [&](const Stmt *S, const FieldDecl *&Closed) {
    const auto *C = dyn_cast_or_null<CallExpr>(S);
    Closed = C && globalCalleeName(C) == "close" && C->getNumArgs() == 1
                 ? OwnField(C->getArg(0))
                 : nullptr;
    return Closed != nullptr;
  };
  // A way out of the body, or into the middle of it.
  auto IsWayOut = [](const Stmt *S) {
    return isa<ReturnStmt>(S) || isa<GotoStmt>(S) || isa<LabelStmt>(S) ||
           isa<IndirectGotoStmt>(S) || isa<CXXThrowExpr>(S);
  };
  // A top-level close, or one under an `if` (no else) testing that field.
  auto Closes = [&](const Stmt *Top) {
    const FieldDecl *Closed = nullptr;
    if (ClosesField(Top, Closed))
      return true;
    const auto *If = dyn_cast<IfStmt>(Top);
    if (!If || If->getElse() || If->getInit() || If->getConditionVariable())
      return false;
    // The close is the branch, or a statement of its block with no way
    // out before it (`{ close(peer->fd); pauseaccept = 0; }`).
    bool InThen = ClosesField(If->getThen(), Closed);
    if (const auto *CS = dyn_cast<CompoundStmt>(If->getThen()))
      for (const Stmt *S : CS->body()) {
        if ((InThen = ClosesField(S, Closed)) || findStmt(S, IsWayOut))
          break;
      }
    return InThen && findStmt(If->getCond(), [&](const Stmt *S) {
             const FieldDecl *F =
                 isa<MemberExpr>(S) ? OwnField(cast<Expr>(S)) : nullptr;
             return F && SameField(F, Closed);
           });
  };
  // The statement is the store, or a chain of stores that holds it
  // (`peer->fd = peer->wbuf.fd = -1;`): not one under `&&` or `?:`.
  auto StoresMinusOne = [&](const Stmt *Top) {
    const auto *E = dyn_cast<Expr>(Top);
    for (const auto *B = E ? dyn_cast<BinaryOperator>(E->IgnoreParens())
                           : nullptr;
         B && B->getOpcode() == BO_Assign;
         B = dyn_cast<BinaryOperator>(B->getRHS()->IgnoreParenImpCasts())) {
      Expr::EvalResult V;
      if (OnParam(B->getLHS(), /*Whole=*/true) &&
          !B->getRHS()->isValueDependent() &&
          B->getRHS()->EvaluateAsInt(V, Ctx) && V.Val.getInt().isAllOnes())
        return true;
    }
    return false;
  };
  // A write of the field or of a struct that holds it: a store, `++`,
  // its address taken.
  auto WritesField = [&](const Stmt *Top) {
    return findStmt(Top, [&](const Stmt *S) {
             if (const auto *B = dyn_cast<BinaryOperator>(S);
                 B && B->isAssignmentOp())
               return OnParam(B->getLHS(), /*Whole=*/false);
             if (const auto *U = dyn_cast<UnaryOperator>(S);
                 U &&
                 (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf))
               return OnParam(U->getSubExpr(), /*Whole=*/false);
             return false;
           }) != nullptr;
  };
  bool Closed = false, Stored = false;
  for (const Stmt *Top : Body->body()) {
    if (Stored) {
      if (WritesField(Top))
        return false;
      continue;
    }
    Closed |= Closes(Top);
    if (StoresMinusOne(Top)) {
      Stored = true;
      continue;
    }
    // A way out, or into the rest, before the store.
    if (findStmt(Top, IsWayOut))
      return false;
  }
  return Closed && Stored;
}

bool UnhandledEagainCheck::endsConnectionNext(const CallExpr *Call,
                                              const Expr *Fd,
                                              const FunctionDecl *Fn,
                                              NonBlockingFdAnalysis &A) {
  FailurePath P = paths(A).follow(Call, Fd, Fn, Hypothesis::WouldBlock);
  if (P.End != PathEnd::Terminal || P.Branched || P.Tested)
    return false;
  // Only the C library's own ends, a narrower set than the failure walk's
  // (isBuiltinTerminalFunction, the teardown-sounding names, the TU's
  // closing helpers): a project helper named for closing may close on some
  // paths only, a predicate (`chan_closing(c)`) in a condition ends
  // nothing, and an abort or an error exit is no orderly shutdown.
  const auto *End = dyn_cast_or_null<CallExpr>(P.At);
  llvm::StringRef N = End ? globalCalleeName(End) : "";
  if (N == "close" || N == "free" || N == "exit" || N == "_exit" ||
      N == "_Exit")
    return true;
  // Or a helper of the file's whose body shows that it closes the
  // connection and gives up the queue's descriptor on every path.
  return End && dropsDescriptorField(End, Fd, Fn, *Ctx);
}

void UnhandledEagainCheck::decide(NonBlockingFdAnalysis &A,
                                  llvm::ArrayRef<const Stmt *> Candidates) {
  // Each function's body walked once for its variables' mentions.
  llvm::DenseMap<const FunctionDecl *, MentionCounts> Mentions;
  auto MentionsIn = [&](const FunctionDecl *Fn) -> const MentionCounts & {
    auto [It, New] = Mentions.try_emplace(Fn);
    if (New)
      It->second = countMentions(Fn, A);
    return It->second;
  };
  for (const Stmt *S : Candidates) {
    const auto *Call = cast<CallExpr>(S);
    const IoCallInfo *Info = ioCallInfo(Call);
    if (!Info || (Info->Family != IoFamily::Plain && !Info->Api))
      continue;
    const FunctionDecl *Fn = A.enclosingFunction(Call);
    if (!Fn)
      continue;
    if (Info->Family != IoFamily::Plain) {
      decideSession(A, Call, *Info, Fn);
      continue;
    }
    const Expr *Fd = fdOf(Call, *Info);
    std::optional<NonBlockingOrigin> Origin =
        A.ioCallIsNonBlocking(Call, *Info, Fn, Fd);
    if (!Origin)
      continue;
    // What made the descriptor: asked last, once the call would be
    // reported, since following the descriptor to its creators costs more
    // than the other tests, and searched for once.
    std::optional<NonBlockingFdAnalysis::CreatorKinds> Kinds;
    auto KindsOf = [&]() -> const NonBlockingFdAnalysis::CreatorKinds & {
      if (!Kinds)
        Kinds = A.creatorKinds(Fd, Call, Fn);
      return *Kinds;
    };
    auto MentionsOfCaller = [&]() -> const MentionCounts & {
      return MentionsIn(Fn);
    };
    // A request to the kernel on a netlink socket is taken at once. Nor
    // does a wake-up that adds a small constant to an eventfd's counter.
    auto CannotFailWithEagain = [&] {
      return Info->Dir == Direction::Write &&
             (KindsOf().AllKernelNetlink ||
              wakesEventCounter(Call, *Info, KindsOf(), Fn, A, *Ctx));
    };
    // Nor does a receive of bytes a peek showed were there wait.
    if (takesPeekedBytes(Call, Fn, A, *Ctx))
      continue;
    std::string FdText = textOf(Fd);

    if (isDiscarded(Call, Fn, A)) {
      if (!FlagDiscardedResults || asksNotToWait(Call, *Info, *Ctx))
        continue;
      // The same request spelled with fcntl: the function sets O_NONBLOCK
      // for this call alone and puts the flags back right after (nuttcp's
      // urgent abort notice, sent so that the error path cannot block).
      // Its would-block is the outcome it asked for. A descriptor left
      // non-blocking after the call, or used by another call inside the
      // window, is still reported.
      if (A.nonBlockingForCallAlone(Call, Fd, Fn))
        continue;
      if (!wrapperCalled(Call) &&
          (wakesThroughPipe(Call, *Info, Fd, Fn, A, *Ctx, KindsOf) ||
           drainsWakeupChannel(Call, *Info, Fd, Fn, A, *Ctx, MentionsOfCaller,
                               KindsOf)))
        continue;
      // A last flush of the project's output queue on the way down
      // (openbgpd's session engine at exit: `msgbuf_write(&ibuf->w);
      // msgbuf_clear(&ibuf->w); close(ibuf->fd); free(ibuf);`): a write
      // wrapper handed nothing but the object that holds the queue and the
      // descriptor, after which every path closes the descriptor, frees
      // that object or exits, whatever the call returned. A write of the
      // caller's own buffer before a close (a reply) is still reported: a
      // would-block there loses it.
      if (wrapperCalled(Call) && Call->getNumArgs() == 1 &&
          Info->Dir == Direction::Write && endsConnectionNext(Call, Fd, Fn, A))
        continue;
      if (CannotFailWithEagain())
        continue;
      diag(reportLoc(Call), "'%0' on non-blocking fd '%1' discards its "
                            "result, so a failure with EAGAIN goes unnoticed")
          << Info->Name << FdText;
      noteOrigin(*Origin, Call);
      diag(reportLoc(Call),
           "cast the result to 'void' if ignoring the failure is intended",
           DiagnosticIDs::Note);
      continue;
    }

    // poll()/select() on the way here: the call is made once the fd is
    // ready, where EAGAIN is no longer the expected outcome.
    if (A.readiness().runsWhenReady(Fn, Call, Fd, Info->Dir))
      continue;
    // An event handler's descriptor parameter belongs to the object the
    // registration passes with it (`b_input_add(df->fd, ..., df)`).
    llvm::ArrayRef<const Decl *> Owners;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Fd->IgnoreParenCasts()))
      if (const auto *Param = dyn_cast<ParmVarDecl>(DRE->getDecl()))
        Owners = A.eventHandlers().ownersOfFdParam(Param, Fn);
    FailurePath P = paths(A).follow(Call, Fd, Fn, Hypothesis::WouldBlock,
                                    /*Optimistic=*/false, Owners);
    if (P.Tested)
      continue;
    // The first small writes of a connection accepted here go into its
    // empty send buffer: taken whole, never EAGAIN (a greeting).
    if ((P.End == PathEnd::Terminal || P.End == PathEnd::UsedAsCount ||
         P.End == PathEnd::Returns) &&
        writesIntoFreshConnection(A, Call, *Info, Fd, Fn))
      continue;
    if (CannotFailWithEagain())
      continue;
    switch (P.End) {
    case PathEnd::Terminal:
      if (!P.Branched)
        break; // success ends there too: the connection's end of life
      Fatal.push_back({Call, Info, Fn, P, *Origin, FdText,
                       waitFix(Call, *Info, Fn, A), returnFix(Call, Fn, P, A)});
      break;
    case PathEnd::UsedAsCount:
      diag(reportLoc(Call),
           "'%0' on non-blocking fd '%1' can fail with EAGAIN, but its "
           "result is used as a byte count without a check")
          << Info->Name << FdText;
      diag(reportLoc(P.At), "the result is used here; on EAGAIN it is -1",
           DiagnosticIDs::Note);
      noteOrigin(*Origin, Call);
      break;
    case PathEnd::Returns:
      if (!StrictPropagation || !P.At || !isa<ReturnStmt>(P.At))
        break;
      diag(reportLoc(Call), "'%0' on non-blocking fd '%1' returns a failure "
                            "to the caller without testing for EAGAIN")
          << Info->Name << FdText;
      diag(reportLoc(P.At), "the failure is returned here",
           DiagnosticIDs::Note);
      noteOrigin(*Origin, Call);
      break;
    default:
      break;
    }
  }
  reportFatal();
}

/// The variable whose field \p M names directly (`c` in `c->fd`), null
/// for `this`; none for a field of a field, an array element, a call's
/// result.
static std::optional<const Decl *> directRoot(const MemberExpr *M) {
  const Expr *Base = M->getBase()->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(Base))
    return nullptr;
  if (const auto *D = dyn_cast<DeclRefExpr>(Base))
    return D->getDecl()->getCanonicalDecl();
  return std::nullopt;
}

/// The descriptor \p Binding gives its session, when the call binds one
/// descriptor for both directions (`SSL_set_fd(ssl, fd)`,
/// `gnutls_transport_set_int(s, fd)`, which GnuTLS's header makes
/// `gnutls_transport_set_int2(s, fd, fd)`); null otherwise (`SSL_set_rfd`
/// and `SSL_set_wfd` bind two).
static const Expr *boundDescriptor(const CallExpr *Binding) {
  llvm::StringRef N = Binding ? globalCalleeName(Binding) : "";
  const Expr *Fd = nullptr;
  if ((N == "SSL_set_fd" || N == "wolfSSL_set_fd" ||
       N == "gnutls_transport_set_int") &&
      Binding->getNumArgs() == 2)
    Fd = Binding->getArg(1)->IgnoreParenImpCasts();
  else if (N == "gnutls_transport_set_int2" && Binding->getNumArgs() == 3 &&
           NonBlockingFdAnalysis::sameDescriptor(Binding->getArg(1),
                                                 Binding->getArg(2)))
    Fd = Binding->getArg(1)->IgnoreParenImpCasts();
  if (!Fd)
    return nullptr;
  // Two variables, or two fields of one object named directly (`c->ssl`
  // and `c->fd`): the session and its descriptor are one connection.
  const auto *SM =
      dyn_cast<MemberExpr>(Binding->getArg(0)->IgnoreParenImpCasts());
  const auto *FM = dyn_cast<MemberExpr>(Fd);
  if (!SM && !FM)
    return Fd;
  if (!SM || !FM)
    return nullptr;
  std::optional<const Decl *> Root = directRoot(SM);
  return Root && Root == directRoot(FM) ? Fd : nullptr;
}

/// The calls that end a TLS session: after them the session carries no
/// more data, only the close_notify exchange.
static bool isSessionTeardown(llvm::StringRef N) {
  return N == "SSL_shutdown" || N == "wolfSSL_shutdown" || N == "gnutls_bye" ||
         N == "mbedtls_ssl_close_notify" || N == "tls_close";
}

/// What a teardown's path may call before the descriptor is closed: the
/// TLS libraries' frees and shutdown flags, the socket's half-close. None
/// does I/O on the descriptor, copies it, or calls back into the program.
static bool isTeardownStep(llvm::StringRef N) {
  return N == "SSL_free" || N == "SSL_set_shutdown" ||
         N == "SSL_get_shutdown" || N == "ERR_clear_error" ||
         N == "wolfSSL_free" || N == "gnutls_deinit" ||
         N == "mbedtls_ssl_free" || N == "tls_free" || N == "shutdown";
}

namespace {

/// One connection as a teardown's function names it: a session and the
/// descriptor bound to it, either two fields of one object named directly
/// (`c->ssl` and `c->fd`, or `ssl_` and `fd_` of `this`), or two
/// variables (`ssl` and `fd`).
class ConnectionNames {
public:
  ConnectionNames(const Expr *Session, const Expr *BoundFd) {
    Session = Session->IgnoreParenImpCasts();
    BoundFd = BoundFd ? BoundFd->IgnoreParenImpCasts() : nullptr;
    const auto *SM = dyn_cast<MemberExpr>(Session);
    const auto *FM = dyn_cast_or_null<MemberExpr>(BoundFd);
    if (SM && FM) {
      Root = directRoot(SM);
      Field = FM->getMemberDecl();
      Valid = Root.has_value() && directRoot(FM).has_value();
      return;
    }
    const auto *SD = dyn_cast<DeclRefExpr>(Session);
    const auto *FD = dyn_cast_or_null<DeclRefExpr>(BoundFd);
    if (SD && FD && isa<VarDecl>(FD->getDecl()))
      FdVar = FD->getDecl()->getCanonicalDecl(), Valid = true;
  }
  bool valid() const { return Valid; }

  /// \p E is the connection's descriptor.
  bool isFd(const Expr *E) const {
    E = E->IgnoreParenImpCasts();
    if (FdVar) {
      const auto *D = dyn_cast<DeclRefExpr>(E);
      return D && D->getDecl()->getCanonicalDecl() == FdVar;
    }
    const auto *M = dyn_cast<MemberExpr>(E);
    return M && M->getMemberDecl() == Field && directRoot(M) == Root;
  }

private:
  bool Valid = false;
  std::optional<const Decl *> Root;
  const ValueDecl *Field = nullptr;
  const Decl *FdVar = nullptr;
};

} // namespace

/// \p Cond tests that the connection's descriptor holds one (`fd != -1`,
/// `fd >= 0`, `fd > -1`: true on the valid side) or that it holds none
/// (`fd == -1`, `fd < 0`: false on the valid side). The valid side's
/// successor index, or none.
static std::optional<unsigned> validSideOf(const Expr *Cond,
                                           const ConnectionNames &Conn,
                                           const ASTContext &Ctx) {
  const auto *B =
      Cond ? dyn_cast<BinaryOperator>(Cond->IgnoreParenImpCasts()) : nullptr;
  if (!B || !B->isComparisonOp())
    return std::nullopt;
  BinaryOperatorKind Op = B->getOpcode();
  const Expr *L = B->getLHS(), *R = B->getRHS();
  if (!Conn.isFd(L)) {
    std::swap(L, R);
    Op = BinaryOperator::reverseComparisonOp(Op);
  }
  Expr::EvalResult K;
  if (!Conn.isFd(L) || R->isValueDependent() || !R->EvaluateAsInt(K, Ctx))
    return std::nullopt;
  int64_t C = K.Val.getInt().getExtValue();
  if ((Op == BO_NE && C == -1) || (Op == BO_GE && C == 0) ||
      (Op == BO_GT && C == -1))
    return 0u;
  if ((Op == BO_EQ && C == -1) || (Op == BO_LT && C == 0) ||
      (Op == BO_LE && C == -1))
    return 1u;
  return std::nullopt;
}

/// \p E is a plain place: a variable, or fields of one reached by `.`
/// and `->` (`c->ssl`, `this->n`), not through `*p` or `a[i]`.
static bool isPlainPlace(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      E = M->getBase();
      continue;
    }
    return isa<DeclRefExpr, CXXThisExpr>(E);
  }
}

bool UnhandledEagainCheck::endsOnEveryPath(const CallExpr *Call,
                                           const Expr *Session,
                                           const Expr *BoundFd,
                                           const FunctionDecl *Fn,
                                           NonBlockingFdAnalysis &A) {
  ConnectionNames Conn(Session, BoundFd);
  const FunctionCfgs::Cfg *Cfg = A.functionCfgs().of(Fn);
  std::optional<FunctionCfgs::Cfg::Place> At =
      Cfg && Conn.valid() ? Cfg->place(Call) : std::nullopt;
  if (!At || At->Label)
    return false;
  const SourceManager &SM = Ctx->getSourceManager();
  // A constant, or the teardown's own result (`int r = SSL_shutdown(s);`).
  auto IsConstant = [&](const Expr *E) {
    if (E->IgnoreParenImpCasts() == Call)
      return true;
    return !E->isValueDependent() &&
           (E->isEvaluatable(*Ctx, Expr::SE_NoSideEffects) ||
            isNullPointer(E, *Ctx));
  };
  enum class Step { Goes, Ends, Fails };
  // What one element of the path does. What the path may do between the
  // teardown and the close is a short list, so that nothing on it can
  // reach the connection unseen (an alias, a global, a callback): the
  // library calls of isTeardownStep, constants stored into plain places,
  // tests. Every subexpression is an element of its own (FunctionCfgs adds
  // them all): a call, a store, a declaration is judged once, as a whole.
  auto StepOf = [&](const Stmt *S) {
    if (const auto *C = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *FD = C->getDirectCallee();
      llvm::StringRef N = globalCalleeName(C);
      if (!FD || N.empty() ||
          !SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
        return Step::Fails; // the program's own code, a pointer, a member
      // The C library's ends of the process (not any noreturn function:
      // longjmp, or a C++ function that throws, leaves it up).
      if (N == "exit" || N == "_exit" || N == "_Exit" || N == "quick_exit" ||
          N == "abort")
        return Step::Ends;
      if ((N == "close" || N == "closesocket") && C->getNumArgs() == 1 &&
          Conn.isFd(C->getArg(0)))
        return Step::Ends;
      return isTeardownStep(N) ? Step::Goes : Step::Fails;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isAssignmentOp())
      return isPlainPlace(B->getLHS()) && !Conn.isFd(B->getLHS()) &&
                     IsConstant(B->getRHS())
                 ? Step::Goes
                 : Step::Fails;
    if (const auto *D = dyn_cast<DeclStmt>(S)) {
      for (const Decl *X : D->decls())
        if (const auto *V = dyn_cast<VarDecl>(X);
            V && V->getInit() && !IsConstant(V->getInit()))
          return Step::Fails;
      return Step::Goes;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(S);
        U && U->isIncrementDecrementOp())
      return isPlainPlace(U->getSubExpr()) && !Conn.isFd(U->getSubExpr())
                 ? Step::Goes
                 : Step::Fails;
    // Anything else with an effect of its own: C++'s new and delete,
    // constructors, a lambda's creation, an inline asm.
    if (isa<CXXNewExpr, CXXDeleteExpr, CXXConstructExpr, LambdaExpr, GCCAsmStmt,
            MSAsmStmt, CXXThrowExpr>(S))
      return Step::Fails;
    return Step::Goes; // a read, a test, a constant, a return
  };
  // A path that cannot come back to the function's end (`for (;;)
  // pause();`) keeps the connection up as long as it runs.
  const CFGBlock *Exit = &Cfg->G->getExit();
  llvm::BitVector Seen(Cfg->Blocks.size());
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 8> Work = {
      {Cfg->Blocks[At->Block], At->Index + 1}};
  while (!Work.empty()) {
    auto [B, From] = Work.pop_back_val();
    if (B == Exit || !Cfg->reaches(B, Exit))
      return false; // returns, or never does, with the connection up
    bool Ended = false;
    for (unsigned I = From, E = B->size(); I < E && !Ended; ++I) {
      // C++'s implicit destructors and member initializers run code the
      // path does not show.
      auto CS = (*B)[I].getAs<CFGStmt>();
      if (!CS)
        return false;
      Step X = StepOf(CS->getStmt());
      if (X == Step::Fails)
        return false;
      Ended = X == Step::Ends;
    }
    if (Ended)
      continue;
    std::optional<unsigned> Only;
    if (B->succ_size() == 2)
      Only = validSideOf(B->getLastCondition(), Conn, *Ctx);
    unsigned K = 0;
    for (const CFGBlock::AdjacentBlock &S : B->succs()) {
      const CFGBlock *Next = S.getReachableBlock();
      if (Next && (!Only || *Only == K) && !Seen.test(Next->getBlockID())) {
        Seen.set(Next->getBlockID());
        Work.push_back({Next, 0});
      }
      ++K;
    }
  }
  return true;
}

/// A TLS or SSH library's call (SSL_read, gnutls_record_recv,
/// libssh2_channel_read...) on a session over a non-blocking descriptor:
/// its "would block" (SSL_ERROR_WANT_READ, GNUTLS_E_AGAIN...) taken for a
/// failure that ends the connection. No fix: the wait belongs to the
/// session's descriptor and direction, which the docs show how to get.
void UnhandledEagainCheck::decideSession(NonBlockingFdAnalysis &A,
                                         const CallExpr *Call,
                                         const IoCallInfo &Info,
                                         const FunctionDecl *Fn) {
  const Expr *Session = fdOf(Call, Info);
  std::optional<TlsSessions::Origin> O =
      A.tlsSessions().nonBlocking(Session, Call, Fn);
  if (!O || isDiscarded(Call, Fn, A))
    return;
  bool Write = Info.Dir == Direction::Write;
  Hypothesis Own = Write ? Hypothesis::WantWrite : Hypothesis::WantRead;
  // A BIO or channel made from a session held in an object (`b =
  // SSL_get_rbio(ps->ssl)`): tearing that object down (`shutdown_proxy(ps)`)
  // ends the connection.
  llvm::SmallVector<const Decl *, 1> Owners;
  if (const Expr *From = A.tlsSessions().madeFrom(Session)) {
    const Expr *Base = From->IgnoreParenImpCasts();
    while (const auto *M = dyn_cast<MemberExpr>(Base))
      Base = M->getBase()->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Base))
      Owners.push_back(DRE->getDecl());
  }
  FailurePath P =
      paths(A).follow(Call, Session, Fn, Own, /*Optimistic=*/false, Owners);
  llvm::StringRef Again = Write ? Info.Api->AgainWrite : Info.Api->AgainRead;
  if (P.Tested) {
    // A TLS library's calls can want the other direction too: SSL_write
    // wants to read during a renegotiation, SSL_read to write a TLS 1.3 key
    // update's reply (SSL_get_error(3)); so with mbed TLS's and libtls's
    // two codes. A path that tests only the call's own value and ends the
    // connection on the other treats that would-block as a failure. Not
    // for GnuTLS and libssh2: one "again" code for both directions.
    ErrnoConst OwnRead = ErrnoConst::SslWantRead,
               OwnWrite = ErrnoConst::SslWantWrite;
    if (Info.Family == IoFamily::Code) {
      if (Info.Api->CodeRead == Info.Api->CodeWrite)
        return;
      OwnRead = ErrnoConst::TlsWantRead;
      OwnWrite = ErrnoConst::TlsWantWrite;
    }
    Hypothesis Other = Write ? Hypothesis::WantRead : Hypothesis::WantWrite;
    unsigned OwnBit = bit(Write ? OwnWrite : OwnRead);
    unsigned OtherBit = bit(Write ? OwnRead : OwnWrite);
    if (P.End == PathEnd::Terminal || !(P.TestedConsts & OwnBit))
      return;
    P = paths(A).follow(Call, Session, Fn, Other, /*Optimistic=*/false, Owners);
    if (P.End != PathEnd::Terminal || !P.Branched ||
        (P.TestedConsts & OtherBit))
      return;
    llvm::StringRef OtherAgain =
        Write ? Info.Api->AgainRead : Info.Api->AgainWrite;
    diag(reportLoc(Call), "'%0' on %1 session '%2' over a non-blocking "
                          "descriptor handles %3 but treats %4 as a fatal "
                          "error")
        << Info.Name << Info.Api->Library << textOf(Session) << Again
        << OtherAgain;
    diag(reportLoc(P.At),
         "'%0' can also want to %select{write|read}1 (a renegotiation, a "
         "TLS 1.3 key update); when it fails with %2, %3 here",
         DiagnosticIDs::Note)
        << Info.Name << Write << OtherAgain << P.What;
  } else {
    if (P.End != PathEnd::Terminal || !P.Branched)
      return;
    // A teardown whose every path, success included, ends the connection
    // (h2load frees the session when SSL_shutdown does not finish at once
    // and closes the socket either way): a one-way shutdown, which OpenSSL
    // allows; a would-block only leaves the close_notify exchange
    // unfinished on a connection that ends anyway. A connection that goes
    // on after the shutdown (plain text after FTP's CCC) is still reported.
    if (isSessionTeardown(Info.Name)) {
      // Every binding of the session in view must give it the same one
      // descriptor (two places that bind one field to different sockets
      // leave the teardown unsure which it closes).
      llvm::SmallVector<const CallExpr *, 2> Bs =
          A.tlsSessions().bindingsOf(Session);
      const Expr *Fd = Bs.empty() ? nullptr : boundDescriptor(Bs.front());
      if (Fd &&
          llvm::all_of(Bs,
                       [&](const CallExpr *B) {
                         const Expr *Other = boundDescriptor(B);
                         return Other && NonBlockingFdAnalysis::sameDescriptor(
                                             Other, Fd);
                       }) &&
          endsOnEveryPath(Call, Session, Fd, Fn, A))
        return;
    }
    diag(reportLoc(Call), "'%0' on %1 session '%2' over a non-blocking "
                          "descriptor treats %3 as a fatal error")
        << Info.Name << Info.Api->Library << textOf(Session) << Again;
    diag(reportLoc(P.At),
         "when it fails with %0, %1 here without testing for it",
         DiagnosticIDs::Note)
        << Again << P.What;
  }
  noteOrigin(NonBlockingOrigin{O->Loc, O->note(), O->LinuxOnly}, Call);
  if (O->Binding)
    diag(reportLoc(O->Binding), "the session takes that descriptor here",
         DiagnosticIDs::Note);
}

/// The findings that treat EAGAIN as fatal, with their fixes on notes. A
/// header a fix needs is inserted by one fix per file (in clangd, by each):
/// the first that --fix-notes applies, that is the first offered alone for
/// its finding, else the first.
void UnhandledEagainCheck::reportFatal() {
  const SourceManager &SM = Ctx->getSourceManager();
  auto AddInclude = [&](bool Wait) {
    StringRef Header = Wait ? "<poll.h>" : "<errno.h>";
    llvm::DenseSet<FileID> Done;
    for (bool AloneOnly : {true, false})
      for (FatalFinding &F : Fatal) {
        std::vector<FixItHint> &Mine = Wait ? F.WaitFix : F.ReturnFix;
        const std::vector<FixItHint> &Other = Wait ? F.ReturnFix : F.WaitFix;
        if (Mine.empty() || (AloneOnly && !Other.empty()))
          continue;
        FileID File = SM.getFileID(SM.getExpansionLoc(F.Call->getBeginLoc()));
        if (!areDiagsSelfContained() && !Done.insert(File).second)
          continue;
        if (auto Inc = includeFix(Inserter, F.Call->getBeginLoc(), F.Fn, Header))
          Mine.push_back(*Inc);
      }
  };
  AddInclude(/*Wait=*/true);
  AddInclude(/*Wait=*/false);
  for (const FatalFinding &F : Fatal) {
    diag(reportLoc(F.Call),
         "'%0' on non-blocking fd '%1' treats EAGAIN as a fatal error")
        << F.Info->Name << F.FdText;
    diag(reportLoc(F.P.At),
         "when it fails with EAGAIN, %0 here without testing for "
         "EAGAIN or EWOULDBLOCK",
         DiagnosticIDs::Note)
        << F.P.What;
    noteOrigin(F.Origin, F.Call);
    // The fixes are on notes: which one is right depends on the program.
    if (!F.WaitFix.empty()) {
      auto D = diag(reportLoc(F.Call),
                    "fix: wait up to %0 ms for '%1' to become "
                    "%select{writable|readable|ready}2 before the call",
                    DiagnosticIDs::Note)
               << TimeoutMs << F.FdText
               << (!F.Info->ReadIf.empty() ? 2
                   : F.Info->Dir == Direction::Read ? 1
                                                    : 0);
      for (const FixItHint &H : F.WaitFix)
        D << H;
    }
    if (!F.ReturnFix.empty()) {
      auto D = diag(reportLoc(F.P.At),
                    "fix: return here on EAGAIN or EWOULDBLOCK, keeping the "
                    "connection for the next readiness event",
                    DiagnosticIDs::Note);
      for (const FixItHint &H : F.ReturnFix)
        D << H;
    }
  }
  Fatal.clear();
}

} // namespace clang::tidy::nbio
