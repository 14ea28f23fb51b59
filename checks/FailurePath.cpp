//===--- FailurePath.cpp - Where a failed I/O call's path leads -----------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "FailurePath.h"
#include "NonBlockingFdAnalysis.h"
#include "StmtSearch.h"
#include "clang-tidy/utils/ASTUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::nbio {

//===----------------------------------------------------------------------===//
// Waits
//===----------------------------------------------------------------------===//

/// How deep into the TU's own functions a wait is looked for: a helper
/// that calls one that polls (`wait_writable` -> `poll_fd` -> `poll`); a
/// wait buried deeper is not what the reader of the loop sees either.
constexpr unsigned WaitHelperDepth = 2;

bool WaitFunctions::isWait(const FunctionDecl *FD, unsigned Depth) const {
  if (!FD || !FD->getIdentifier())
    return false;
  auto Known = Memo.find({FD, Depth});
  if (Known != Memo.end())
    return Known->second;
  bool Result = false;
  llvm::StringRef Name = FD->getName();
  if (isYieldFunction(Name)) {
    Result = false;
  } else if (isBuiltinWaitFunction(Name) || User.contains(Name) ||
             (!User.empty() && User.contains(FD->getQualifiedNameAsString())) ||
             (!Project.empty() && !FD->hasBody() &&
              Project.contains(FD->getQualifiedNameAsString())) ||
             // condition_variable::wait, wait_for, wait_until; and helpers
             // named so.
             Name.contains_insensitive("wait") ||
             Name.contains_insensitive("poll") ||
             Name.contains_insensitive("select") ||
             Name.contains_insensitive("sleep")) {
    Result = true;
  } else if (const FunctionDecl *Def = nullptr;
             Depth < WaitHelperDepth && FD->hasBody(Def) && Def) {
    // A function of the TU that waits.
    Memo[{FD, Depth}] = false; // recursion
    Result = findStmt(Def->getBody(), [&](const Stmt *S) {
      const auto *C = dyn_cast<CallExpr>(S);
      const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
      return Callee && Callee != FD && isWait(Callee, Depth + 1);
    });
  }
  Memo[{FD, Depth}] = Result;
  return Result;
}

bool WaitFunctions::suspendsScript(const CallExpr *C) {
  llvm::StringRef Name = globalCalleeName(C);
  const FunctionDecl *FD = C->getDirectCallee();
  // Lua's own: the first parameter is a `lua_State *` (a project's
  // function of the same name is not).
  if (!FD || FD->getNumParams() == 0)
    return false;
  QualType First = FD->getParamDecl(0)->getType();
  const RecordDecl *RD = First->isPointerType()
                             ? First->getPointeeType()->getAsRecordDecl()
                             : nullptr;
  if (!RD || !RD->getIdentifier() || RD->getName() != "lua_State")
    return false;
  if (Name == "lua_yieldk")
    return true;
  // The continuation's place: lua_callk(L, nargs, nresults, ctx, k),
  // lua_pcallk(L, nargs, nresults, errfunc, ctx, k).
  unsigned K = Name == "lua_callk" ? 4 : Name == "lua_pcallk" ? 5 : 0;
  if (!K || C->getNumArgs() <= K)
    return false;
  const Expr *Cont = C->getArg(K);
  ASTContext &Ctx = FD->getASTContext();
  if (Cont->isValueDependent() ||
      Cont->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNull))
    return false;
  // A constant that is null (`static const lua_KFunction none = 0;`).
  Expr::EvalResult R;
  return !(Cont->EvaluateAsRValue(R, Ctx) && R.Val.isLValue() &&
           R.Val.isNullPointer());
}

bool WaitFunctions::isWaitCall(const CallExpr *C) const {
  return C && (isWait(C->getDirectCallee()) || suspendsScript(C));
}

llvm::ArrayRef<std::pair<SourceLocation, const CallExpr *>>
FailurePathFinder::waitLocs(const FunctionDecl *Fn) {
  auto [It, New] = WaitLocs.try_emplace(Fn);
  if (!New)
    return It->second;
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<std::pair<SourceLocation, const CallExpr *>> Out;
  findStmt(Fn->getBody(), [&](const Stmt *S) {
    if (const auto *C = dyn_cast<CallExpr>(S); C && Waits.isWaitCall(C))
      Out.push_back({SM.getExpansionLoc(C->getBeginLoc()), C});
    return false;
  });
  llvm::sort(Out, [&](const auto &A, const auto &B) {
    return SM.isBeforeInTranslationUnit(A.first, B.first);
  });
  return WaitLocs[Fn] = std::move(Out);
}

/// A wait of \p Fn's block \p B other than \p Except that runs after
/// \p After (if set) and before \p Before (if set).
bool FailurePathFinder::waitIn(const FunctionDecl *Fn,
                               const FunctionCfgs::Cfg &G, unsigned B,
                               const FunctionCfgs::Cfg::Place *After,
                               const FunctionCfgs::Cfg::Place *Before,
                               const CallExpr *Except) {
  FlowInfo &Flow = flow(Fn, G);
  if (!Flow.WaitsByBlock) {
    Flow.WaitsByBlock.emplace();
    for (const auto &[Loc, C] : waitLocs(Fn))
      if (auto P = G.place(C); P && !P->Label)
        (*Flow.WaitsByBlock)[P->Block].push_back({P->Index, C});
  }
  auto It = Flow.WaitsByBlock->find(B);
  if (It == Flow.WaitsByBlock->end())
    return false;
  return llvm::any_of(It->second, [&](const auto &W) {
    FunctionCfgs::Cfg::Place WP{B, W.first, false};
    return W.second != Except && (!After || After->before(WP)) &&
           (!Before || WP.before(*Before));
  });
}

/// How many of the TU's functions a "took queued input" value may come
/// back through (libnice's stun_err_dequeue() returns its recvmsg()'s
/// success): one helper, whose body is in view.
constexpr unsigned MaxQueuedInputDepth = 1;

/// \p E is true only when a receive took something that was queued: a
/// read tested for a positive count (`recv(fd, b, n, 0) > 0`; zero is an
/// end of file, which a loop can meet again and again), a receive from
/// the socket's error queue or an accept tested for success (neither
/// reports an end of file: each success takes one queued error or one
/// pending connection), itself or as the value every return of a function
/// of the TU gives (a constant 0 aside); a negation is not looked through,
/// and the walk reads `!test` the other way round. A loop that
/// goes round only then consumes something with each round: it may run
/// many times, but it cannot spin on a descriptor that is not ready.
static bool takesQueuedInput(const Expr *E, ASTContext &Ctx,
                             unsigned Depth = 0) {
  E = E->IgnoreParenImpCasts();
  if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isComparisonOp()) {
    BinaryOperatorKind Op = B->getOpcode();
    const Expr *L = B->getLHS()->IgnoreParenImpCasts();
    const Expr *R = B->getRHS()->IgnoreParenImpCasts();
    if (!isa<CallExpr>(L)) {
      std::swap(L, R);
      Op = BinaryOperator::reverseComparisonOp(Op);
    }
    const auto *C = dyn_cast<CallExpr>(L);
    const IoCallInfo *Info = C ? lookupIoCall(C) : nullptr;
    std::optional<llvm::APSInt> K =
        R->isValueDependent() ? std::nullopt : R->getIntegerConstantExpr(Ctx);
    // Compared as signed numbers: against an unsigned count (`>= sizeof
    // h`), a failure's -1 is the largest value there is.
    if (!Info || !K || Info->Family != IoFamily::Plain ||
        Info->Dir != Direction::Read ||
        !B->getLHS()->getType()->isSignedIntegerType())
      return false;
    // A peek leaves what it saw queued: it succeeds again the next round.
    if (llvm::any_of(C->arguments(), [&](const Expr *A) {
          return NonBlockingFdAnalysis::mentionsName(A, "MSG_PEEK", Ctx);
        }))
      return false;
    int64_t V = K->getExtValue();
    // The smallest count the test lets through.
    std::optional<int64_t> Least;
    if (Op == BO_GT)
      Least = V + 1;
    else if (Op == BO_GE)
      Least = V;
    else if (Op == BO_NE && V == -1)
      Least = 0;
    if (!Least)
      return false;
    if (*Least >= 1)
      return true;
    // The error queue's flag in effect: the flags are MSG_ERRQUEUE, or
    // constants or'ed with it (`MSG_ERRQUEUE | MSG_DONTWAIT`); a flag
    // masked off or chosen at run time is not known to be set.
    std::function<bool(const Expr *)> SetsErrQueue = [&](const Expr *F) {
      F = F->IgnoreParenImpCasts();
      if (const auto *Or = dyn_cast<BinaryOperator>(F);
          Or && Or->getOpcode() == BO_Or) {
        const Expr *Sides[2] = {Or->getLHS(), Or->getRHS()};
        for (unsigned I = 0; I < 2; ++I)
          if (SetsErrQueue(Sides[I]))
            return !Sides[1 - I]->isValueDependent() &&
                   Sides[1 - I]->isIntegerConstantExpr(Ctx);
        return false;
      }
      const auto *DRE = dyn_cast<DeclRefExpr>(F);
      return (DRE || isa<IntegerLiteral>(F)) &&
             NonBlockingFdAnalysis::mentionsName(F, "MSG_ERRQUEUE", Ctx);
    };
    bool NoEndOfFile =
        Info->Name.starts_with("accept") ||
        (Info->FlagsArg >= 0 && unsigned(Info->FlagsArg) < C->getNumArgs() &&
         SetsErrQueue(C->getArg(Info->FlagsArg)));
    return *Least == 0 && NoEndOfFile;
  }
  const auto *C = dyn_cast<CallExpr>(E);
  const FunctionDecl *FD = C ? C->getDirectCallee() : nullptr;
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def || !Def->hasBody() || Depth >= MaxQueuedInputDepth)
    return false;
  // A virtual method's call may run an override, whose returns are others.
  if (const auto *M = dyn_cast<CXXMethodDecl>(Def);
      M && M->isVirtual() && !M->hasAttr<FinalAttr>() &&
      !M->getParent()->hasAttr<FinalAttr>())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation())))
    return false;
  // A value every return gives: the test itself, or a local that only
  // ever holds such a test.
  auto Holds = [&](const Expr *V) {
    V = V->IgnoreParenImpCasts();
    if (std::optional<llvm::APSInt> Z = V->isValueDependent()
                                            ? std::nullopt
                                            : V->getIntegerConstantExpr(Ctx))
      return Z->isZero();
    if (takesQueuedInput(V, Ctx, Depth + 1))
      return true;
    const auto *DRE = dyn_cast<DeclRefExpr>(V);
    const auto *Local = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!Local || !Local->isLocalVarDecl() || Local->isStaticLocal())
      return false;
    if (Local->getInit() && !takesQueuedInput(Local->getInit(), Ctx, Depth + 1))
      return false;
    // Every mention of the local only reads it, or is a plain assignment
    // of such a test to it: no counter, no pointer or reference to it
    // (through which it could change unseen).
    bool Stored = Local->getInit() != nullptr, Other = false;
    llvm::SmallVector<std::pair<const Stmt *, const Stmt *>, 32> Work{
        {Def->getBody(), nullptr}};
    while (!Work.empty() && !Other) {
      auto [S, Parent] = Work.pop_back_val();
      if (!S)
        continue;
      if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
          Ref && Ref->getDecl() == Local) {
        const auto *Read = dyn_cast_or_null<ImplicitCastExpr>(Parent);
        const auto *A = dyn_cast_or_null<BinaryOperator>(Parent);
        if (Read && Read->getCastKind() == CK_LValueToRValue)
          continue;
        if (A && A->getOpcode() == BO_Assign && A->getLHS() == Ref &&
            takesQueuedInput(A->getRHS(), Ctx, Depth + 1)) {
          Stored = true;
          continue;
        }
        Other = true;
        continue;
      }
      for (const Stmt *Ch : S->children())
        Work.push_back({Ch, S});
    }
    return Stored && !Other;
  };
  bool Any = false, All = true;
  findStmt(
      Def->getBody(),
      [&](const Stmt *S) {
        const auto *Ret = dyn_cast<ReturnStmt>(S);
        if (!Ret)
          return false;
        const Expr *V = Ret->getRetValue();
        if (!V || !Holds(V)) {
          All = false;
          return true;
        }
        // A return of the test itself, not only of zero.
        if (!V->IgnoreParenImpCasts()->getIntegerConstantExpr(Ctx))
          Any = true;
        return false;
      },
      Lambdas::Skip);
  return Any && All;
}

/// After a TLS library's "data is buffered" test (`SSL_pending(ssl)`,
/// `gnutls_record_check_pending(s)`) comes out non-zero, block \p B's
/// successor \p Succ: the next read returns that data without waiting, as
/// after a wait.
static bool bufferedOnEdge(const CFGBlock &B, unsigned Succ) {
  const auto *Cond = dyn_cast_or_null<Expr>(B.getTerminatorCondition());
  if (!Cond)
    return false;
  bool WhenTrue = Succ == 0;
  const Expr *E = Cond->IgnoreParenImpCasts();
  while (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_LNot)
      return false;
    WhenTrue = !WhenTrue;
    E = U->getSubExpr()->IgnoreParenImpCasts();
  }
  if (const auto *Bin = dyn_cast<BinaryOperator>(E)) {
    // `pending(x) > 0`, `pending(x) != 0`; `pending(x) == 0` the other way.
    const auto *Zero =
        dyn_cast<IntegerLiteral>(Bin->getRHS()->IgnoreParenImpCasts());
    if (!Zero || Zero->getValue() != 0)
      return false;
    if (Bin->getOpcode() == BO_EQ)
      WhenTrue = !WhenTrue;
    else if (Bin->getOpcode() != BO_NE && Bin->getOpcode() != BO_GT)
      return false;
    E = Bin->getLHS()->IgnoreParenImpCasts();
  }
  const auto *C = dyn_cast<CallExpr>(E);
  llvm::StringRef N = C ? globalCalleeName(C) : "";
  return WhenTrue &&
         llvm::is_contained({"SSL_pending", "SSL_has_pending",
                             "wolfSSL_pending", "gnutls_record_check_pending",
                             "mbedtls_ssl_get_bytes_avail"},
                            N);
}

/// Every path of \p Fn's CFG from block \p FromBlock (after \p FromAt if
/// set, else from its start) to \p To runs a wait other than \p Except,
/// or leaves the TLS library's buffered-data test the way that says data
/// is there. The paths are followed through the blocks FromBlock
/// dominates: one that leaves them comes back only through an enclosing
/// loop, which is that loop's round, not this one.
bool FailurePathFinder::waitOnEveryPathFrom(
    const FunctionDecl *Fn, const FunctionCfgs::Cfg &G, unsigned FromBlock,
    const FunctionCfgs::Cfg::Place *FromAt, const FunctionCfgs::Cfg::Place &To,
    const CallExpr *Except) {
  if (FromBlock == To.Block && (!FromAt || FromAt->before(To)))
    return waitIn(Fn, G, To.Block, FromAt, &To, Except);
  if (waitIn(Fn, G, FromBlock, FromAt, nullptr, Except))
    return true;
  CFGDomTree &Dom = FunctionCfgs::domTree(G);
  const CFGBlock *Start = G.Blocks[FromBlock];
  llvm::BitVector Seen(G.Blocks.size());
  Seen.set(FromBlock);
  llvm::SmallVector<const CFGBlock *, 16> Work;
  auto Push = [&](const CFGBlock &B) {
    unsigned I = 0;
    for (const CFGBlock *S : B.succs()) {
      unsigned Succ = I++;
      if (!S || Seen.test(S->getBlockID()) || bufferedOnEdge(B, Succ))
        continue;
      Seen.set(S->getBlockID());
      Work.push_back(S);
    }
  };
  Push(*Start);
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    unsigned Id = B->getBlockID();
    if (Id == To.Block) {
      if (!waitIn(Fn, G, Id, nullptr, &To, Except))
        return false;
      continue;
    }
    if (!Dom.dominates(Start, B) || waitIn(Fn, G, Id, nullptr, nullptr, Except))
      continue;
    Push(*B);
  }
  return true;
}

bool FailurePathFinder::waitsOnEveryPath(const FunctionDecl *Fn,
                                         const Stmt *From, const Stmt *To,
                                         const CallExpr *Except) {
  const FunctionCfgs::Cfg *G = Cfgs.of(Fn);
  if (!G)
    return false;
  std::optional<FunctionCfgs::Cfg::Place> PF = G->place(From),
                                          PT = G->place(To);
  if (!PF || !PT)
    return false;
  if (PF->Block == PT->Block)
    return PF->before(*PT) && waitIn(Fn, *G, PT->Block, &*PF, &*PT, Except);
  if (!Cfgs.dominates(Fn, From, To))
    return false;
  return waitOnEveryPathFrom(Fn, *G, PF->Block, &*PF, *PT, Except);
}

std::optional<bool> FailurePathFinder::waitsEveryRound(const FunctionDecl *Fn,
                                                       const Stmt *Loop,
                                                       const CallExpr *Call) {
  const FunctionCfgs::Cfg *G = Cfgs.of(Fn);
  if (!G)
    return std::nullopt;
  // The loop's head: where its back edge goes (clang marks the block the
  // edge leaves with the loop): a while's or for's condition, a do's body,
  // the body of a loop without a condition.
  std::optional<FunctionCfgs::Cfg::Place> PT = G->place(Call);
  if (!PT)
    return std::nullopt;
  const CFGBlock *HeadB = nullptr;
  for (const CFGBlock *B : G->Blocks)
    if (B && B->getLoopTarget() == Loop && B->succ_size() == 1 &&
        *B->succ_begin()) {
      HeadB = *B->succ_begin();
      break;
    }
  if (!HeadB)
    return std::nullopt;
  unsigned Head = HeadB->getBlockID();
  return waitOnEveryPathFrom(Fn, *G, Head, nullptr, *PT, Call);
}

const Stmt *FailurePathFinder::parentOf(const Stmt *S, const FunctionDecl *Fn) {
  return parents(Fn).getParent(S);
}

FailurePathFinder::FailurePathFinder(ASTContext &Ctx,
                                     WouldBlockClassifiers &Classifiers,
                                     FunctionParents &Parents,
                                     FunctionCfgs &Cfgs,
                                     const WaitFunctions &Waits,
                                     const llvm::StringSet<> &UserTerminal)
    : Ctx(Ctx), Classifiers(Classifiers), Waits(Waits),
      UserTerminal(UserTerminal), Parents(Parents), Cfgs(Cfgs) {}

FailurePathFinder::FlowInfo &
FailurePathFinder::flow(const FunctionDecl *Fn, const FunctionCfgs::Cfg &G) {
  std::unique_ptr<FlowInfo> &Slot = Flows[Fn];
  if (!Slot) {
    Slot = std::make_unique<FlowInfo>();
    for (const CFGBlock *B : *G.G)
      if (const Stmt *T = B->getTerminatorStmt())
        Slot->ByTerminator.try_emplace(T, B);
  }
  return *Slot;
}

CFGPostDomTree &FailurePathFinder::postDominators(FlowInfo &Flow,
                                                  const FunctionCfgs::Cfg &G) {
  if (!Flow.PostDom)
    Flow.PostDom = std::make_unique<CFGPostDomTree>(G.G.get());
  return *Flow.PostDom;
}

FailurePathFinder::~FailurePathFinder() = default;

const std::vector<unsigned> &
FailurePathFinder::closedParams(const FunctionDecl *FD) {
  auto It = Closers.find(FD);
  if (It != Closers.end())
    return It->second;
  std::vector<unsigned> &Out = Closers[FD];
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->hasBody(Def) || !Def)
    return Out;
  llvm::SmallVector<const Stmt *, 32> Work{Def->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *C = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = C->getDirectCallee();
          Callee && Callee->getIdentifier() &&
          (Callee->getName() == "close" || Callee->getName() == "closesocket" ||
           Callee->getName() == "SSL_free"))
        for (const Expr *A : C->arguments()) {
          // close(p), close(p->fd), close(*p): p a parameter of FD.
          const Expr *E = A->IgnoreParenCasts();
          while (true) {
            if (const auto *ME = dyn_cast<MemberExpr>(E))
              E = ME->getBase()->IgnoreParenCasts();
            else if (const auto *U = dyn_cast<UnaryOperator>(E))
              E = U->getSubExpr()->IgnoreParenCasts();
            else
              break;
          }
          if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
            if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
              if (P->getDeclContext() == Def)
                Out.push_back(P->getFunctionScopeIndex());
        }
    for (const Stmt *Ch : S->children())
      Work.push_back(Ch);
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// The walk
//===----------------------------------------------------------------------===//

namespace {
/// True if \p S or any statement below it satisfies \p Pred.
template <typename Pred> bool anyNode(const Stmt *S, Pred P) {
  return findStmt(S, P) != nullptr;
}

enum class Tri { False, True, Unknown };
Tri notT(Tri T) {
  return T == Tri::Unknown ? T : T == Tri::True ? Tri::False : Tri::True;
}

struct Val {
  enum Kind {
    Unknown, ///< depends on the failure in a way we cannot evaluate
    Opaque,  ///< does not depend on the failure; value not known
    Int,
    Errno,  ///< errno (or a copy of it)
    SslErr, ///< SSL_get_error() (or a copy of it)
  } K = Unknown;
  int64_t V = 0;
  bool FromResult = false; ///< Int derived from the call's result
  bool Unsigned = false;   ///< compare as unsigned (the usual conversions)
};
} // namespace

struct FailurePathFinder::Walk {
  FailurePathFinder &F;
  ASTContext &Ctx;
  const FunctionParents::Map &PM;
  const CallExpr *Call;
  const FunctionDecl *Fn;
  Hypothesis H;
  const VarDecl *ResultVar = nullptr;
  int64_t ResultValue = -1;
  IoFamily Family = IoFamily::Plain;
  llvm::SmallPtrSet<const VarDecl *, 4> ErrnoVars, SslErrVars;
  /// The statements the path ran (whole statements, conditions, the
  /// branches and loops passed over): where progress is looked for.
  llvm::SmallVector<const Stmt *, 16> PathStmts;
  // The descriptor, to recognise close(fd) / conn_free(c).
  const VarDecl *FdRoot = nullptr;
  const FieldDecl *FdField = nullptr;
  llvm::ArrayRef<const Decl *> FdOwners;
  FailurePath R;
  bool Optimistic = false;
  bool InCondition = false;

  Walk(FailurePathFinder &F, const CallExpr *Call, const Expr *Fd,
       const FunctionDecl *Fn, Hypothesis H)
      : F(F), Ctx(F.Ctx), PM(F.parents(Fn)), Call(Call), Fn(Fn), H(H) {
    rootOf(Fd, FdRoot, FdField);
    llvm::StringRef N = globalCalleeName(Call);
    const IoCallInfo *Info = lookupIoCall(Call);
    Family = Info ? Info->Family : IoFamily::Plain;
    if (Family == IoFamily::Code && Info->Api)
      // GnuTLS & co. return the "would block" code itself.
      ResultValue = H == Hypothesis::WantWrite ? Info->Api->CodeWrite
                                               : Info->Api->CodeRead;
    else if (N.ends_with("_ex") || N == "SSL_read_early_data" ||
             N == "SSL_write_early_data")
      ResultValue = 0; // these report failure as 0
  }

  static void rootOf(const Expr *E, const VarDecl *&Root,
                     const FieldDecl *&Field) {
    while (E) {
      E = E->IgnoreParenCasts();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
        Root = dyn_cast<VarDecl>(DRE->getDecl());
        return;
      }
      if (const auto *ME = dyn_cast<MemberExpr>(E)) {
        if (!Field)
          Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
        if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
          return;
        E = ME->getBase();
        continue;
      }
      if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
        E = AS->getBase();
        continue;
      }
      if (const auto *U = dyn_cast<UnaryOperator>(E)) {
        E = U->getSubExpr();
        continue;
      }
      return;
    }
  }

  /// \p E is the descriptor itself (`c->fd`, `fd`, `fds[0]`) or the object
  /// that owns it (`c` for `c->fd`): not some other member of that object.
  bool relatedToFd(const Expr *E) const {
    if (!E)
      return false;
    E = E->IgnoreParenCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref))
      return relatedToFd(U->getSubExpr());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return (FdRoot && DRE->getDecl() == FdRoot) ||
             llvm::is_contained(FdOwners, DRE->getDecl()->getCanonicalDecl());
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (FdField && ME->getMemberDecl() == FdField)
        return true;
      // A TLS session's owner (`c` for `c->ssl`): its descriptor
      // (`close(c->fd)`) ends the session too.
      if (FdRoot && FdField && (H == Hypothesis::WantRead ||
                                H == Hypothesis::WantWrite)) {
        const VarDecl *Root = nullptr;
        const FieldDecl *Unused = nullptr;
        rootOf(ME, Root, Unused);
        return Root == FdRoot;
      }
      return false;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      return relatedToFd(AS->getBase());
    return false;
  }

  /// The object a member function is called on owns the descriptor.
  bool objectOwnsFd(const Expr *Obj) const {
    if (!Obj)
      return false;
    Obj = Obj->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Obj))
      return !FdRoot && FdField; // fd_ is this object's member
    return relatedToFd(Obj);
  }

  unsigned hypothesisMask() const {
    switch (H) {
    case Hypothesis::WouldBlock:
      return WouldBlockMask;
    case Hypothesis::InProgress:
      return InProgressMask;
    case Hypothesis::WantRead:
    case Hypothesis::WantWrite:
      return Family == IoFamily::Code ? TlsAgainMask : SslWantMask;
    }
    return 0;
  }

  /// The path compared the failure with the constants of \p Mask: it
  /// tested the hypothesis if any is one of the hypothesis' own.
  void tested(unsigned Mask) {
    if (!(Mask & hypothesisMask()))
      return;
    R.Tested = true;
    R.TestedConsts |= Mask & hypothesisMask();
  }

  bool matchesHypothesis(ErrnoConst C) const {
    switch (H) {
    case Hypothesis::WouldBlock:
      return C == ErrnoConst::EAgain || C == ErrnoConst::EWouldBlock;
    case Hypothesis::InProgress:
      return C == ErrnoConst::EInProgress || C == ErrnoConst::EAlready;
    case Hypothesis::WantRead:
      return Family == IoFamily::Code
                 ? C == ErrnoConst::TlsAgain || C == ErrnoConst::TlsWantRead
                 : C == ErrnoConst::SslWantRead;
    case Hypothesis::WantWrite:
      return Family == IoFamily::Code
                 ? C == ErrnoConst::TlsAgain || C == ErrnoConst::TlsWantWrite
                 : C == ErrnoConst::SslWantWrite;
    }
    return false;
  }

  const Stmt *parent(const Stmt *S) const { return PM.getParent(S); }

  bool contains(const Stmt *Outer, const Stmt *Inner) const {
    for (const Stmt *S = Inner; S; S = parent(S))
      if (S == Outer)
        return true;
    return false;
  }

  /// `__builtin_expect(x, c)` (the `likely()`/`unlikely()` of many
  /// projects) and its kin are \p x to the program: only the compiler's
  /// block layout changes. Null for any other expression.
  static const Expr *branchHintOperand(const Expr *E) {
    const auto *C = dyn_cast<CallExpr>(E);
    if (!C || C->getNumArgs() == 0)
      return nullptr;
    switch (C->getBuiltinCallee()) {
    case Builtin::BI__builtin_expect:
    case Builtin::BI__builtin_expect_with_probability:
    case Builtin::BI__builtin_unpredictable:
      return C->getArg(0);
    default:
      return nullptr;
    }
  }

  /// \p E is the call's value (`(int)gnutls_record_recv(...)` included).
  bool isCall(const Expr *E) const {
    return E && E->IgnoreParenCasts() == Call;
  }

  /// Does \p E depend on the failure (the result, errno, SSL error)?
  /// Answers are kept per statement until the variables that carry the
  /// failure change (forgetDependence).
  bool dependsOnFailure(const Stmt *S) {
    return unionOver(S, DependsMemo, [&](const Stmt *N) {
      const auto *E = dyn_cast<Expr>(N);
      if (!E)
        return std::make_pair(0u, true);
      if (isCall(E) || isErrnoExpr(E))
        return std::make_pair(1u, false);
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
          if (V == ResultVar || ErrnoVars.count(V) || SslErrVars.count(V))
            return std::make_pair(1u, false);
      if (const auto *C = dyn_cast<CallExpr>(E->IgnoreParenImpCasts()))
        if (isSslErrorGetter(globalCalleeName(C)) ||
            (globalCalleeName(C) == "BIO_test_flags" &&
             (H == Hypothesis::WantRead || H == Hypothesis::WantWrite)))
          return std::make_pair(1u, false);
      return std::make_pair(0u, true);
    }) != 0;
  }
  llvm::DenseMap<const Stmt *, unsigned> DependsMemo;
  void forgetDependence() {
    DependsMemo.clear();
    RootValues.clear();
  }

  //===--- Values and conditions -----------------------------------------===//

  Val eval(const Expr *E) {
    // Casts and assignments pass their operand's value on: a loop, so that
    // a long chain of them cannot exhaust the stack.
    bool ToUnsigned = false; // -1 turned into SIZE_MAX on the way
    while (E) {
      E = E->IgnoreParens();
      if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
        ToUnsigned |= ICE->getType()->isUnsignedIntegerType();
        E = ICE->getSubExpr();
      } else if (const auto *CE = dyn_cast<CStyleCastExpr>(E)) {
        E = CE->getSubExpr();
      } else if (const Expr *Hinted = branchHintOperand(E)) {
        E = Hinted;
      } else if (const auto *B = dyn_cast<BinaryOperator>(E);
                 B && B->getOpcode() == BO_Assign) {
        E = B->getRHS();
      } else if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
        // `n < 0 ? SSL_get_error(ssl, n) : SSL_ERROR_NONE` (ncat): the arm
        // the failure takes, when its condition can be told for certain
        // (no term assumed true for the loop's sake).
        bool Assumed = AssumeIndependentTrue;
        AssumeIndependentTrue = false;
        Tri T = condImpl(CO->getCond());
        AssumeIndependentTrue = Assumed;
        if (T == Tri::Unknown)
          break;
        E = T == Tri::True ? CO->getTrueExpr() : CO->getFalseExpr();
      } else {
        break;
      }
    }
    Val V = evalOperand(E);
    if (V.K == Val::Int && ToUnsigned)
      V.Unsigned = true;
    return V;
  }

  Val evalOperand(const Expr *E) {
    if (!E)
      return {};
    if (isCall(E))
      return {Val::Int, ResultValue, true};
    if (isErrnoExpr(E))
      return {Val::Errno};
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
        if (V == ResultVar)
          return {Val::Int, ResultValue, true};
        if (ErrnoVars.count(V))
          return {Val::Errno};
        if (SslErrVars.count(V))
          return {Val::SslErr};
      }
    if (const auto *C = dyn_cast<CallExpr>(E))
      if (isSslErrorGetter(globalCalleeName(C)))
        return {Val::SslErr};
    if (!E->isValueDependent() && !E->isTypeDependent()) {
      Expr::EvalResult ER;
      if (E->EvaluateAsInt(ER, Ctx) && !ER.HasSideEffects)
        return {Val::Int, ER.Val.getInt().getSExtValue()};
    }
    if (dependsOnFailure(E))
      return {};
    return {Val::Opaque};
  }

  static std::optional<bool> compare(BinaryOperatorKind Op, int64_t L,
                                     int64_t R) {
    switch (Op) {
    case BO_LT:
      return L < R;
    case BO_GT:
      return L > R;
    case BO_LE:
      return L <= R;
    case BO_GE:
      return L >= R;
    case BO_EQ:
      return L == R;
    case BO_NE:
      return L != R;
    default:
      return std::nullopt;
    }
  }

  Tri fromBool(bool B) { return B ? Tri::True : Tri::False; }

  Tri cond(const Expr *E) {
    if (!E)
      return Tri::True;
    tested(Classifiers.mentionedMask(E, Ctx));
    Tri T = condImpl(E);
    if (T != Tri::Unknown && dependsOnFailure(E))
      R.Branched = true;
    return T;
  }

  WouldBlockClassifiers &Classifiers = F.Classifiers;

  /// With Optimistic set (the busy-wait question), a term that does not
  /// depend on the failure counts as true where that keeps the loop going:
  /// in loop conditions (`while (!stop)`), and beside a failure test in an
  /// if (`errno == EAGAIN && running`). A condition of its own
  /// (`if (stop) break;`) stays unknown.
  bool AssumeIndependentTrue = false;

  unsigned CondDepth = 0;

  Tri condImpl(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    while (const Expr *Hinted = branchHintOperand(E))
      E = Hinted->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<CallExpr>(E))
      if (std::optional<Tri> T = bioShouldRetry(C))
        return *T;
    // A constant says what it says (`do { ... } while (0)`, the macro
    // idiom, leaves its body once), whatever is assumed of the rest.
    if (!E->isValueDependent() && !E->isTypeDependent())
      if (std::optional<llvm::APSInt> V = E->getIntegerConstantExpr(Ctx))
        return fromBool(V->getBoolValue());
    // A term true only when a receive took queued input does not keep the
    // loop going by itself: each round it is true consumes something.
    if (AssumeIndependentTrue && takesQueuedInput(E, Ctx))
      return Tri::False;
    if (AssumeIndependentTrue && !dependsOnFailure(E) && !counts(E) &&
        !(Classifiers.mentionedMask(E, Ctx) & hypothesisMask()))
      return Tri::True;
    if (CondDepth >= MaxEvalDepth)
      return Tri::Unknown;
    DepthGuard Guard(CondDepth);
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_LNot)
      return notT(condImpl(U->getSubExpr()));
    if (const auto *CE = dyn_cast<ExplicitCastExpr>(E))
      return condImpl(CE->getSubExpr());
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      BinaryOperatorKind Op = B->getOpcode();
      if (Op == BO_LAnd || Op == BO_LOr) {
        // `a && b && c` is ((a && b) && c): taken as one list of terms,
        // left to right, so a long chain costs no stack.
        llvm::SmallVector<const Expr *, 8> Terms;
        const Expr *X = B;
        while (const auto *XB = dyn_cast<BinaryOperator>(X)) {
          if (XB->getOpcode() != Op)
            break;
          Terms.push_back(XB->getRHS());
          X = XB->getLHS()->IgnoreParenImpCasts();
        }
        Terms.push_back(X);
        std::reverse(Terms.begin(), Terms.end());
        Tri Acc = condImpl(Terms.front());
        for (const Expr *Term : llvm::ArrayRef(Terms).drop_front()) {
          if (Op == BO_LAnd && Acc == Tri::False)
            return Tri::False;
          if (Op == BO_LOr && Acc == Tri::True)
            return Tri::True;
          Tri Rt = condImpl(Term);
          if (Op == BO_LAnd)
            Acc = (Acc == Tri::True)   ? Rt
                  : Rt == Tri::False ? Tri::False
                                     : Tri::Unknown;
          else
            Acc = (Acc == Tri::False) ? Rt
                  : Rt == Tri::True  ? Tri::True
                                     : Tri::Unknown;
        }
        return Acc;
      }
      if (Op == BO_Comma)
        return condImpl(B->getRHS());
      if (B->isComparisonOp())
        return comparison(B);
      if (Op == BO_Assign)
        return truth(eval(B->getRHS()));
    }
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      unsigned M = Classifiers.classifierMask(C, Ctx);
      bool PassesFailure = false;
      for (const Expr *A : C->arguments())
        PassesFailure |= dependsOnFailure(A);
      if (M && PassesFailure && (M & hypothesisMask()))
        return Tri::True;
      // An EINTR test of the failure's code is false for every hypothesis
      // (none of them is EINTR).
      if (!M && PassesFailure && Classifiers.interruptOnlyHelper(C, Ctx))
        return Tri::False;
    }
    return truth(eval(E));
  }

  /// OpenSSL: after a failed BIO_read/BIO_write, BIO_should_retry(b) is
  /// the "would block", BIO_should_read(b) / BIO_should_write(b) its
  /// direction. They are macros for BIO_test_flags(b, BIO_FLAGS_...).
  std::optional<Tri> bioShouldRetry(const CallExpr *C) {
    if ((H != Hypothesis::WantRead && H != Hypothesis::WantWrite) ||
        globalCalleeName(C) != "BIO_test_flags" || C->getNumArgs() != 2 ||
        !relatedToFd(C->getArg(0)))
      return std::nullopt;
    Expr::EvalResult ER;
    const Expr *Mask = C->getArg(1);
    if (Mask->isValueDependent() || !Mask->EvaluateAsInt(ER, Ctx))
      return std::nullopt;
    constexpr int64_t FlagsRead = 0x01, FlagsWrite = 0x02, ShouldRetry = 0x08;
    int64_t M = ER.Val.getInt().getSExtValue();
    // BIO_should_retry() answers for both directions at once.
    tested(hypothesisMask());
    if (M & ShouldRetry)
      return Tri::True;
    if (M == FlagsRead)
      return fromBool(H == Hypothesis::WantRead);
    if (M == FlagsWrite)
      return fromBool(H == Hypothesis::WantWrite);
    return Tri::False; // BIO_should_io_special
  }

  Tri truth(Val V) {
    switch (V.K) {
    case Val::Int:
      return fromBool(V.V != 0);
    case Val::Errno:
    case Val::SslErr:
      return Tri::True;
    default:
      return Tri::Unknown;
    }
  }

  /// ++, --, compound assignment: a counter or a bound.
  static bool counts(const Stmt *S) {
    return anyNode(S, [](const Stmt *N) {
      if (const auto *U = dyn_cast<UnaryOperator>(N))
        return U->isIncrementDecrementOp();
      if (const auto *B = dyn_cast<BinaryOperator>(N))
        return B->isCompoundAssignmentOp();
      return false;
    });
  }

  Tri comparison(const BinaryOperator *B) {
    BinaryOperatorKind Op = B->getOpcode();
    const Expr *LE = B->getLHS(), *RE = B->getRHS();
    Val L = eval(LE), Rv = eval(RE);
    // errno == EAGAIN, e != EINTR, SSL_get_error(...) == SSL_ERROR_WANT_READ
    auto Named = [&](const Val &Side, const Expr *Other) -> std::optional<Tri> {
      if (Side.K != Val::Errno && Side.K != Val::SslErr)
        return std::nullopt;
      if (Op != BO_EQ && Op != BO_NE)
        return Tri::Unknown;
      auto C = spelledErrnoConst(Other, Ctx);
      if (!C)
        return Tri::Unknown;
      tested(bit(*C));
      bool Equal = matchesHypothesis(*C);
      return fromBool(Op == BO_EQ ? Equal : !Equal);
    };
    if (auto T = Named(L, RE))
      return *T;
    if (auto T = Named(Rv, LE))
      return *T;
    if (L.K == Val::Int && Rv.K == Val::Int) {
      if (L.Unsigned || Rv.Unsigned) {
        uint64_t A = uint64_t(L.V), B = uint64_t(Rv.V);
        switch (Op) {
        case BO_EQ:
          return fromBool(A == B);
        case BO_NE:
          return fromBool(A != B);
        case BO_LT:
          return fromBool(A < B);
        case BO_GT:
          return fromBool(A > B);
        case BO_LE:
          return fromBool(A <= B);
        case BO_GE:
          return fromBool(A >= B);
        default:
          return Tri::Unknown;
        }
      }
      if (auto Res = compare(Op, L.V, Rv.V))
        return fromBool(*Res);
    }
    // The failed result against a length: lengths are not negative.
    auto Against = [&](const Val &Res, const Val &Other,
                       BinaryOperatorKind O) -> std::optional<Tri> {
      if (Res.K != Val::Int || !Res.FromResult || Other.K != Val::Opaque ||
          Res.V >= 0)
        return std::nullopt;
      if (Res.Unsigned) {
        // SIZE_MAX against a length: only (in)equality is certain.
        if (O == BO_EQ)
          return Tri::False;
        if (O == BO_NE)
          return Tri::True;
        return std::nullopt;
      }
      if (auto C = compare(O, Res.V, 0))
        return fromBool(*C);
      return std::nullopt;
    };
    if (auto T = Against(L, Rv, Op))
      return *T;
    BinaryOperatorKind Rev = Op;
    switch (Op) {
    case BO_LT:
      Rev = BO_GT;
      break;
    case BO_GT:
      Rev = BO_LT;
      break;
    case BO_LE:
      Rev = BO_GE;
      break;
    case BO_GE:
      Rev = BO_LE;
      break;
    default:
      break;
    }
    if (auto T = Against(Rv, L, Rev))
      return *T;
    return Tri::Unknown;
  }

  //===--- Statements
  //------------------------------------------------------===//

  /// Nothing in \p S matters to the path: no jumps, no calls that end,
  /// wait or handle, no mention of the failure.
  bool inert(const Stmt *S) {
    if (!S)
      return true;
    if (dependsOnFailure(S) && !failureOnlyReported(S))
      return false;
    return !findStmt(S, [&](const Stmt *N) {
      if (isa<ReturnStmt>(N) || isa<BreakStmt>(N) || isa<ContinueStmt>(N) ||
          isa<GotoStmt>(N) || isa<CXXThrowExpr>(N))
        return true;
      if (const auto *C = dyn_cast<CallExpr>(N)) {
        const FunctionDecl *FD = C->getDirectCallee();
        return !FD || FD->isNoReturn() || F.Waits.isWaitCall(C) ||
               terminalName(FD->getName());
      }
      return false;
    });
  }

  /// Every mention of the failure in \p S (errno, the result, the SSL
  /// error) is read inside the arguments of a call that does not test it
  /// for the hypothesis: a message (`log_noise("...", strerror(errno))`
  /// under a verbosity test), which leaves the failure as it was. Not so
  /// when the statement writes a carrier of the failure (`errno = EINTR`,
  /// `n = 0`) or hands its address on.
  bool failureOnlyReported(const Stmt *S) {
    auto Carrier = [&](const Expr *E) {
      E = E->IgnoreParenCasts();
      if (isCall(E) || isErrnoExpr(E) || isResultRef(E))
        return true;
      const auto *DRE = dyn_cast<DeclRefExpr>(E);
      const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      return V && (ErrnoVars.count(V) || SslErrVars.count(V));
    };
    // A stack, not recursion: an arm may nest deeply.
    llvm::SmallVector<std::pair<const Stmt *, bool>, 16> Work{{S, false}};
    while (!Work.empty()) {
      auto [N, InArg] = Work.pop_back_val();
      if (!N)
        continue;
      if (const auto *E = dyn_cast<Expr>(N); E && !dependsOnFailure(E))
        continue;
      if (const auto *B = dyn_cast<BinaryOperator>(N);
          B && B->isAssignmentOp() && Carrier(B->getLHS()))
        return false;
      if (const auto *U = dyn_cast<UnaryOperator>(N);
          U && (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf) &&
          Carrier(U->getSubExpr()))
        return false;
      if (const auto *E = dyn_cast<Expr>(N); E && Carrier(E)) {
        if (!InArg)
          return false;
        continue;
      }
      if (const auto *C = dyn_cast<CallExpr>(N)) {
        if (Classifiers.classifierMask(C, Ctx) & hypothesisMask())
          return false;
        Work.push_back({C->getCallee(), InArg});
        for (const Expr *A : C->arguments())
          Work.push_back({A, true});
        continue;
      }
      for (const Stmt *Child : N->children())
        Work.push_back({Child, InArg});
    }
    return true;
  }

  bool terminalName(llvm::StringRef N) const {
    return isBuiltinTerminalFunction(N) || nameSoundsLikeTeardown(N) ||
           F.UserTerminal.contains(N);
  }

  bool stop(PathEnd E, const Stmt *At, std::string What = {}) {
    R.End = E;
    R.At = At;
    R.What = std::move(What);
    return true;
  }

  /// Is \p Ref (a use of the result) a byte count or an index?
  bool usedAsCount(const Expr *Ref) {
    const Stmt *P = parent(Ref);
    while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P) ||
                 isa<CStyleCastExpr>(P))) {
      if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P))
        if (ICE->getType()->isUnsignedIntegerType() &&
            isa_and_nonnull<CallExpr>(parent(P)))
          return true; // write(out, buf, n): -1 becomes SIZE_MAX
      Ref = cast<Expr>(P);
      P = parent(P);
    }
    if (!P)
      return false;
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(P))
      return AS->getIdx()->IgnoreParenImpCasts() == Ref->IgnoreParenImpCasts();
    if (const auto *B = dyn_cast<BinaryOperator>(P)) {
      switch (B->getOpcode()) {
      case BO_Add:
      case BO_Sub:
      case BO_AddAssign:
      case BO_SubAssign:
        return true;
      default:
        return false;
      }
    }
    return false;
  }

  /// What one element of the CFG does to the path (its operands are
  /// elements of their own, run before it). Returns true when the path
  /// ends here.
  /// A declaration or an assignment: what it stores tells the conditions
  /// after it (a copy of errno or of the SSL error, the result
  /// overwritten). True when \p S is one; it ends nothing.
  bool noteStore(const Stmt *S) {
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit())
          noteAlias(V, V->getInit());
      return true;
    }
    const auto *B = dyn_cast<BinaryOperator>(S);
    if (!B || !B->isAssignmentOp())
      return false;
    const Expr *L = B->getLHS()->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(L)) {
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
        if (V == ResultVar && B->getOpcode() == BO_Assign &&
            !isCall(B->getRHS()))
          ResultVar = nullptr, forgetDependence(); // overwritten
        if (B->getOpcode() == BO_Assign)
          noteAlias(V, B->getRHS());
      }
    }
    return true;
  }

  bool node(const Stmt *S) {
    if (const auto *RS = dyn_cast<ReturnStmt>(S))
      return stop(PathEnd::Returns, RS);
    if (noteStore(S))
      return false;
    const auto *E = dyn_cast<Expr>(S);
    if (!E)
      return false;
    if (isa<CXXThrowExpr>(E))
      return stop(PathEnd::Returns, E); // the caller gets the failure
    if (isa<DeclRefExpr>(E) && isResultRef(E) && !isAssigned(E) &&
        usedAsCount(E))
      return stop(PathEnd::UsedAsCount, E);
    if (const auto *C = dyn_cast<CallExpr>(E); C && C != Call) {
      InCondition = inIfCondition(C);
      bool Ended = call(C);
      InCondition = false;
      return Ended;
    }
    return false;
  }

  /// \p E is the left side of an assignment (`n = 0`, `n += 1`): written,
  /// not used.
  bool isAssigned(const Expr *E) const {
    const Stmt *P = parent(E);
    while (P && isa<ParenExpr>(P)) {
      E = cast<Expr>(P);
      P = parent(P);
    }
    const auto *B = dyn_cast_or_null<BinaryOperator>(P);
    return B && B->isAssignmentOp() && B->getLHS() == E;
  }

  /// \p E is part of an if statement's condition (a classifier called
  /// there decides a branch; it does not handle the failure itself).
  llvm::DenseMap<const Stmt *, bool> InIfCond;
  bool inIfCondition(const Expr *E) {
    llvm::SmallVector<const Stmt *, 8> Seen;
    const Stmt *S = E;
    bool Result = false;
    while (true) {
      auto It = InIfCond.find(S);
      if (It != InIfCond.end()) {
        Result = It->second;
        break;
      }
      Seen.push_back(S);
      const Stmt *P = parent(S);
      if (!P || !isa<Expr>(P)) {
        const auto *If = dyn_cast_or_null<IfStmt>(P);
        Result = If && If->getCond() == S;
        break;
      }
      S = P;
    }
    for (const Stmt *X : Seen)
      InIfCond[X] = Result;
    return Result;
  }

  bool isResultRef(const Expr *E) const {
    if (!ResultVar)
      return false;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      return DRE->getDecl() == ResultVar;
    return false;
  }

  void noteAlias(const VarDecl *V, const Expr *RHS) {
    Val X = eval(RHS);
    if (X.K == Val::Errno && ErrnoVars.insert(V).second)
      forgetDependence();
    else if (X.K == Val::SslErr && SslErrVars.insert(V).second)
      forgetDependence();
  }

  bool call(const CallExpr *C) {
    const FunctionDecl *FD = C->getDirectCallee();
    // A branch hint neither waits, nor ends, nor tests the failure (nor is
    // it a project's function that might).
    if (!FD || !FD->getIdentifier() || branchHintOperand(C))
      return false;
    llvm::StringRef N = FD->getName();
    if (F.Waits.isWaitCall(C))
      return stop(PathEnd::Waits, C);
    bool AnyFdArg = false, AnyFailureArg = false;
    for (const Expr *A : C->arguments()) {
      AnyFdArg |= relatedToFd(A);
      AnyFailureArg |= dependsOnFailure(A);
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
      AnyFdArg |= objectOwnsFd(MC->getImplicitObjectArgument());
    // A helper of the TU that closes the descriptor it is given
    // (`console_down(c)` whose body calls close(c->fd)).
    for (unsigned I : F.closedParams(FD))
      if (I < C->getNumArgs() && relatedToFd(C->getArg(I)))
        return stop(PathEnd::Terminal, C,
                    "'" + N.str() + "' ends the connection");
    if (N == "exit" || N == "_exit" || N == "_Exit" || N == "quick_exit" ||
        N == "abort" || N == "err" || N == "errx" || N == "verr" ||
        N == "verrx")
      return stop(PathEnd::Terminal, C, "'" + N.str() + "' ends the process");
    if (N.starts_with("__assert"))
      return stop(PathEnd::Terminal, C, "the assertion fails");
    if (FD->isNoReturn())
      return stop(PathEnd::Terminal, C,
                  "'" + N.str() + "' (which does not return) is called");
    if (terminalName(N) && AnyFdArg)
      return stop(PathEnd::Terminal, C,
                  "'" + N.str() + "' ends the connection");
    if (!InCondition && AnyFailureArg && FD->hasBody() &&
        (Classifiers.classifierMask(C, Ctx) & hypothesisMask())) {
      tested(Classifiers.classifierMask(C, Ctx));
      return stop(PathEnd::Handled, C);
    }
    // A function of the project's, declared only, that takes the fd might
    // wait; the C library and OpenSSL (system headers) are known.
    const SourceManager &SM = Ctx.getSourceManager();
    if (AnyFdArg && !FD->hasBody() && !isBuiltinTerminalFunction(N) &&
        !isKnownLibraryFunction(N) && !SM.isInSystemHeader(FD->getLocation()))
      R.UnknownCallOnFd = true;
    return false;
  }

  //===--- Control flow, on the function's CFG ---------------------------===//
  //
  // The path is one walk through \p Fn's CFG (FunctionCfgs: every
  // expression an element). Each element runs through node(); at a block's
  // end, the terminator's condition is evaluated under the hypothesis and
  // one successor is taken. A block reached twice ends the walk (unknown);
  // the back edge of a loop that holds the call is judged on arrival at the
  // loop's head (backEdge): a retry, a wait, progress, or the loop's exit.

  const FunctionCfgs::Cfg *G = nullptr;
  FailurePathFinder::FlowInfo *Flow = nullptr;
  /// The statement that holds the call: its other parts (the assignment of
  /// the result, the rest of the condition) are not effects on the path.
  llvm::DenseSet<const Stmt *> CallStmt;
  llvm::BitVector Visited;
  unsigned CallBlock = ~0u; ///< the block that holds the call
  llvm::SmallPtrSet<const Stmt *, 4> LoopsSeen;
  const Stmt *Last = nullptr;                 ///< the last element run
  const ContinueStmt *PendingContinue = nullptr; ///< on the way back up

  const CFGBlock *succ(const CFGBlock *B, unsigned I) const {
    if (I >= B->succ_size())
      return nullptr;
    const CFGBlock::AdjacentBlock &A = *(B->succ_begin() + I);
    return A.getReachableBlock() ? A.getReachableBlock()
                                 : A.getPossiblyUnreachableBlock();
  }

  /// Continue in \p Next, or end the walk (unknown) at \p At.
  const CFGBlock *to(const CFGBlock *Next, const Stmt *At) {
    if (!Next)
      stop(PathEnd::Unknown, At);
    return Next;
  }

  /// Where both ways of a branch meet again (its immediate post-dominator).
  const CFGBlock *joinAfter(const CFGBlock *B, const Stmt *At) {
    CFGPostDomTree &PD = F.postDominators(*Flow, *G);
    const auto *N = PD.getBase().getNode(const_cast<CFGBlock *>(B));
    const auto *I = N ? N->getIDom() : nullptr;
    return to(I ? I->getBlock() : nullptr, At);
  }

  /// The whole condition that \p Term is part of: up through parentheses,
  /// casts, `!`, `&&` and `||` (remembered, so that a long chain of terms
  /// is climbed once).
  llvm::DenseMap<const Stmt *, const Expr *> Roots;
  const Expr *conditionRoot(const Expr *Term) {
    llvm::SmallVector<const Stmt *, 8> Seen;
    const Stmt *S = Term;
    const Expr *Root = nullptr;
    while (!Root) {
      if (const Expr *Known = Roots.lookup(S)) {
        Root = Known;
        break;
      }
      Seen.push_back(S);
      const Stmt *P = parent(S);
      const auto *U = dyn_cast_or_null<UnaryOperator>(P);
      const auto *B = dyn_cast_or_null<BinaryOperator>(P);
      if (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P) ||
                isa<ExprWithCleanups>(P) || (U && U->getOpcode() == UO_LNot) ||
                (B && B->isLogicalOp())))
        S = P;
      else
        Root = cast<Expr>(S);
    }
    for (const Stmt *X : Seen)
      Roots[X] = Root;
    return Root;
  }

  /// A terminator that goes one of two ways on a condition: an if, a
  /// loop's condition, `?:`, or one term of `&&`/`||`.
  static bool isTwoWay(const Stmt *T) {
    const auto *Op = dyn_cast_or_null<BinaryOperator>(T);
    return isa_and_nonnull<IfStmt, AbstractConditionalOperator>(T) ||
           isLoop(T) || (Op && Op->isLogicalOp());
  }

  /// The statement whose condition \p Root is (if, loop, ?:), or null.
  const Stmt *ownerOf(const Expr *Root) const {
    const Stmt *P = parent(Root);
    return conditionOf(P) == Root ? P : nullptr;
  }

  /// The condition's value, read as the statement it belongs to asks:
  /// see AssumeIndependentTrue.
  Tri evalCond(const Expr *E, const Expr *Root, const Stmt *Owner) {
    if (isa_and_nonnull<IfStmt>(Owner))
      AssumeIndependentTrue = Optimistic && dependsOnFailure(Root);
    else if (isLoop(Owner))
      AssumeIndependentTrue = Optimistic;
    Tri T = cond(E);
    AssumeIndependentTrue = false;
    return T;
  }

  /// Whole conditions, evaluated once at their first term.
  llvm::DenseMap<const Expr *, Tri> RootValues;

  /// The loop whose head \p B is (the block that tests its condition, or
  /// one term of it), or null.
  const Stmt *loopHeadOf(const CFGBlock *B) {
    const Stmt *T = B->getTerminatorStmt();
    if (isLoop(T))
      return T;
    const auto *Op = dyn_cast_or_null<BinaryOperator>(T);
    if (!Op || !Op->isLogicalOp())
      return nullptr;
    const Expr *Term = B->getLastCondition();
    if (!Term)
      return nullptr;
    const Stmt *Owner = ownerOf(conditionRoot(Term));
    return isLoop(Owner) ? Owner : nullptr;
  }

  const Stmt *loopBody(const Stmt *L) const {
    if (const auto *W = dyn_cast<WhileStmt>(L))
      return W->getBody();
    if (const auto *D = dyn_cast<DoStmt>(L))
      return D->getBody();
    if (const auto *Fo = dyn_cast<ForStmt>(L))
      return Fo->getBody();
    return cast<CXXForRangeStmt>(L)->getBody();
  }

  /// The block control goes to when \p Loop's condition is false.
  const CFGBlock *exitOf(const Stmt *Loop) {
    const CFGBlock *Head = Flow->ByTerminator.lookup(Loop);
    return to(Head ? succ(Head, 1) : nullptr, Loop);
  }

  /// A loop met on the path that does not hold the call: one that only
  /// does local work (a cleanup loop that frees buffers before the close)
  /// may run or not, and the path goes on after it either way. One that
  /// returns, jumps out, waits, does not return, or tests the failure
  /// decides the path itself: unknown.
  const CFGBlock *passLoop(const Stmt *L) {
    if (inert(L))
      return exitOf(L);
    if (!dependsOnFailure(L) && !findStmt(L, [&](const Stmt *N) {
          if (isa<ReturnStmt>(N) || isa<GotoStmt>(N) || isa<CXXThrowExpr>(N) ||
              isa<IndirectGotoStmt>(N))
            return true;
          const auto *C = dyn_cast<CallExpr>(N);
          const FunctionDecl *FD = C ? C->getDirectCallee() : nullptr;
          return C && (!FD || FD->isNoReturn() || F.Waits.isWaitCall(C));
        })) {
      ranOnPath(L);
      return exitOf(L);
    }
    return stop(PathEnd::Unknown, L), nullptr;
  }

  /// Arriving in \p B: the function's end, the head of a loop, or a block
  /// already on the path. Returns the block to run, or null when the path
  /// ended.
  const CFGBlock *enter(const CFGBlock *B) {
    while (B) {
      if (B == &G->G->getExit())
        return stop(PathEnd::Returns, Fn->getBody()), nullptr; // fell off
      if (const Stmt *L = loopHeadOf(B);
          L && !(LeftRoot && blockRoot(B) == LeftRoot) &&
          LoopsSeen.insert(L).second) {
        if (contains(L, Call)) {
          // Back at the head of a loop that holds the call.
          const Stmt *From = PendingContinue ? PendingContinue : loopBody(L);
          RetryVia Via =
              PendingContinue ? RetryVia::Continue : RetryVia::LoopEnd;
          PendingContinue = nullptr;
          B = backEdge(L, From, Via);
          continue;
        }
        if (!isa<DoStmt>(L)) { // a do loop's body has run already
          B = passLoop(L);
          continue;
        }
      }
      if (Visited.test(B->getBlockID()))
        return stop(PathEnd::Unknown, Last ? Last : Call), nullptr;
      Visited.set(B->getBlockID());
      return B;
    }
    return nullptr;
  }

  /// Runs \p B's elements from \p From on; true when the path ended.
  bool elements(const CFGBlock *B, unsigned From) {
    for (unsigned I = From, E = B->size(); I < E; ++I)
      if (auto CS = (*B)[I].getAs<CFGStmt>()) {
        const Stmt *S = CS->getStmt();
        if (CallStmt.count(S))
          continue;
        Last = S;
        // A whole statement, a condition, or one term of a condition (the
        // CFG runs each `&&`/`||` term in a block of its own).
        const Stmt *Up = parent(S);
        while (isa_and_nonnull<ParenExpr>(Up))
          Up = parent(Up);
        const auto *Op = dyn_cast_or_null<BinaryOperator>(Up);
        if (!isa_and_nonnull<Expr>(Up) || (Op && Op->isLogicalOp()) ||
            isa_and_nonnull<AbstractConditionalOperator>(Up))
          PathStmts.push_back(S);
        if (node(S))
          return true;
      }
    return false;
  }

  /// The whole condition \p B tests one term of, or null.
  const Expr *blockRoot(const CFGBlock *B) {
    const Expr *Term = B->getLastCondition();
    return Term ? conditionRoot(Term) : nullptr;
  }

  /// The condition whose last term \p B, a block that does not branch,
  /// computes, or null: a do loop's condition `a && b` (or a longer `&&`
  /// chain), which the CFG joins after its terms in a block of its own
  /// that branches on the whole. b's block flows into it without a
  /// terminator, and coming there is still the same test, not a new
  /// arrival at the loop's head. Only for `&&` chains: reaching the last
  /// term then means every other term held, which is what the join block
  /// asks again; with `||` or `!` above a term, its value on the way there
  /// is not the one the whole condition is read with.
  const Expr *lastTermRoot(const CFGBlock *B) {
    if (B->empty())
      return nullptr;
    std::optional<CFGStmt> CS = B->back().getAs<CFGStmt>();
    const Expr *E = CS ? dyn_cast<Expr>(CS->getStmt()) : nullptr;
    if (!E)
      return nullptr;
    bool InChain = false;
    for (const Stmt *P = parent(E); P; P = parent(E)) {
      if (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P)) {
        E = cast<Expr>(P);
        continue;
      }
      const auto *And = dyn_cast<BinaryOperator>(P);
      if (!And || And->getOpcode() != BO_LAnd || And->getRHS() != E)
        break;
      E = And;
      InChain = true;
    }
    return InChain && isa_and_nonnull<DoStmt>(ownerOf(E)) ? E : nullptr;
  }

  /// The condition the block just left tested a term of: the next block
  /// may test another term of the same condition, which is not a new
  /// arrival at the loop's head.
  const Expr *LeftRoot = nullptr;

  /// Leaving \p B through its terminator: the successor taken, or null
  /// when the path ended.
  const CFGBlock *leave(const CFGBlock *B) {
    const Stmt *T = B->getTerminatorStmt();
    LeftRoot = T ? blockRoot(B) : lastTermRoot(B);
    if (!T || isa<BreakStmt>(T))
      return to(B->succ_size() == 1 ? succ(B, 0) : nullptr, T ? T : Last);
    if (const auto *CS = dyn_cast<ContinueStmt>(T)) {
      PendingContinue = CS;
      return to(succ(B, 0), CS);
    }
    PendingContinue = nullptr;
    if (const auto *GS = dyn_cast<GotoStmt>(T))
      return gotoStmt(B, GS);
    if (const auto *Sw = dyn_cast<SwitchStmt>(T))
      return switchStmt(B, Sw);
    if (isTwoWay(T))
      return branch(B, T);
    return to(B->succ_size() == 1 ? succ(B, 0) : nullptr, T);
  }

  const CFGBlock *gotoStmt(const CFGBlock *B, const GotoStmt *GS) {
    const LabelStmt *L = GS->getLabel()->getStmt();
    if (!L)
      return stop(PathEnd::Unknown, GS), nullptr;
    if (F.Cfgs.dominates(Fn, L, Call)) {
      // A goto back to a label on every path to the call: the call runs
      // again, unless a wait runs on every path from the label to it.
      if (F.waitsOnEveryPath(Fn, L, Call, Call))
        return stop(PathEnd::Waits, L), nullptr;
      R.Via = RetryVia::Goto;
      R.Loop = nullptr;
      return stop(PathEnd::Retries, GS), nullptr;
    }
    return to(succ(B, 0), GS);
  }

  /// A two-way branch: an if, a loop's condition, `?:`, or one term of
  /// `&&`/`||`. The first successor is the condition's (or term's) true
  /// side.
  const CFGBlock *branch(const CFGBlock *B, const Stmt *T) {
    const Expr *Term = B->getLastCondition();
    const Expr *Root = nullptr;
    const Stmt *Owner = nullptr;
    Tri V = Tri::True; // `for (;;)`
    if (Term) {
      Root = conditionRoot(Term);
      Owner = ownerOf(Root);
      auto Known = RootValues.find(Root);
      Tri RV = Known != RootValues.end()
                   ? Known->second
                   : (RootValues[Root] = evalCond(Root, Root, Owner));
      V = Term == Root ? RV : evalCond(Term, Root, Owner);
      // Whatever this term is, the rest of the condition leads where the
      // whole condition says.
      if (V == Tri::Unknown && RV != Tri::Unknown)
        V = Tri::True;
    }
    if (const auto *D = dyn_cast<DoStmt>(T);
        D && V == Tri::True && contains(D->getCond(), Call)) {
      // `do { ... } while ((n = read(...)) < 0 && errno == EAGAIN)`.
      R.Loop = D;
      R.Via = RetryVia::Condition;
      std::optional<bool> Waits = F.waitsEveryRound(Fn, D, Call);
      if (!Waits)
        return stop(PathEnd::Unknown, D), nullptr;
      if (*Waits)
        return stop(PathEnd::Waits, D), nullptr;
      return stop(PathEnd::Retries, D->getCond()), nullptr;
    }
    if (V == Tri::True)
      return to(succ(B, 0), T);
    if (V == Tri::False)
      return to(succ(B, 1), T);
    // A do loop met on the path whose body has run once: as for the other
    // loops met on the path (passLoop), local work lets the path go on.
    if (const auto *D = dyn_cast_or_null<DoStmt>(Owner);
        D && !contains(D, Call))
      return passLoop(D);
    // Either way may be taken: if neither matters (no jump, no call that
    // ends, waits or handles, no mention of the failure), the path goes on
    // where they meet, with what they change counted as changed (a loop
    // that moves on, `if (st) st = st->next;`, makes progress).
    if (Root && !isLoop(Owner) && !dependsOnFailure(Root) && inert(Root)) {
      const Stmt *Arms[2] = {nullptr, nullptr};
      if (const auto *If = dyn_cast_or_null<IfStmt>(Owner))
        Arms[0] = If->getThen(), Arms[1] = If->getElse();
      else if (const auto *C =
                   dyn_cast_or_null<AbstractConditionalOperator>(Owner))
        Arms[0] = C->getTrueExpr(), Arms[1] = C->getFalseExpr();
      if (inert(Arms[0]) && inert(Arms[1])) {
        ranOnPath(Arms[0]);
        ranOnPath(Arms[1]);
        return joinAfter(B, T);
      }
    }
    return stop(PathEnd::Unknown, Owner ? Owner : T), nullptr;
  }

  const CFGBlock *switchStmt(const CFGBlock *B, const SwitchStmt *Sw) {
    Val V = eval(Sw->getCond());
    if (V.K == Val::Int) {
      // A value the hypothesis fixes (the call's result, -1): the case
      // whose constant (or GNU range) holds it. A label that is not a
      // constant leaves the path unknown.
      if (V.FromResult)
        R.Branched = true;
      return switchTo(B, Sw, [&](const CaseStmt *CS) -> std::optional<bool> {
        Expr::EvalResult Lo, Hi;
        if (CS->getLHS()->isValueDependent() ||
            !CS->getLHS()->EvaluateAsInt(Lo, Ctx) ||
            (CS->getRHS() && (CS->getRHS()->isValueDependent() ||
                              !CS->getRHS()->EvaluateAsInt(Hi, Ctx))))
          return std::nullopt;
        int64_t L = Lo.Val.getInt().getExtValue();
        int64_t U = CS->getRHS() ? Hi.Val.getInt().getExtValue() : L;
        return L <= V.V && V.V <= U;
      });
    }
    if (V.K != Val::Errno && V.K != Val::SslErr) {
      if (inert(Sw))
        return joinAfter(B, Sw);
      return stop(PathEnd::Unknown, Sw), nullptr;
    }
    R.Branched = true;
    return switchTo(B, Sw, [&](const CaseStmt *CS) -> std::optional<bool> {
      auto C = spelledErrnoConst(CS->getLHS(), Ctx);
      if (C)
        tested(bit(*C));
      return C && matchesHypothesis(*C);
    });
  }

  /// The successor of switch block \p B whose case \p Matches (none:
  /// unknown), the first that does; else the default, or what follows the
  /// switch when it has none (the last successor).
  const CFGBlock *
  switchTo(const CFGBlock *B, const SwitchStmt *Sw,
           llvm::function_ref<std::optional<bool>(const CaseStmt *)> Matches) {
    const CFGBlock *Match = nullptr;
    for (unsigned I = 0, E = B->succ_size(); I < E; ++I) {
      const CFGBlock *S = succ(B, I);
      const auto *CS = S ? dyn_cast_or_null<CaseStmt>(S->getLabel()) : nullptr;
      if (!CS)
        continue;
      std::optional<bool> M = Matches(CS);
      if (!M)
        return stop(PathEnd::Unknown, Sw), nullptr;
      if (*M && !Match)
        Match = S;
    }
    if (!Match && B->succ_size())
      Match = succ(B, B->succ_size() - 1);
    return to(Match, Sw);
  }

  /// A wait other than the call inside \p E (a loop's condition: it runs
  /// each time the condition is evaluated, but for a short-circuit that
  /// skips it, which is not looked at).
  bool waitInside(const Expr *E) {
    return llvm::any_of(F.waitLocs(Fn), [&](const auto &W) {
      return W.second != Call && contains(E, W.second);
    });
  }

  /// Control came back to the head of \p Loop, which holds the call (from
  /// the end of its body or a continue, \p From): a retry, a wait, a loop
  /// that makes progress (unknown), or the loop's exit.
  const CFGBlock *backEdge(const Stmt *Loop, const Stmt *From, RetryVia Via) {
    // A wait on every path from the loop's head to the call, or in its
    // condition.
    std::optional<bool> Waits = F.waitsEveryRound(Fn, Loop, Call);
    if (!Waits)
      return stop(PathEnd::Unknown, Loop), nullptr;
    if (*Waits)
      return stop(PathEnd::Waits, Loop), nullptr;
    const Stmt *CondS = conditionOf(Loop);
    const auto *Cond = dyn_cast_or_null<Expr>(CondS);
    if (Cond && waitInside(Cond))
      return stop(PathEnd::Waits, Cond), nullptr;
    if (isa<CXXForRangeStmt>(Loop))
      return stop(PathEnd::Unknown, Loop), nullptr;
    if (Cond && contains(Cond, Call)) {
      Via = RetryVia::Condition;
    } else if (Cond) {
      // A loop that makes progress on this path (a counter, a bound) is
      // not a spin on the same call.
      if (changedOnPath(Cond))
        return stop(PathEnd::Unknown, Loop), nullptr;
      if (counts(Cond))
        return stop(PathEnd::Unknown, Loop), nullptr;
      Tri T = evalCond(Cond, Cond, Loop);
      if (T == Tri::False)
        return exitOf(Loop);
      if (T == Tri::Unknown && dependsOnFailure(Cond))
        return stop(PathEnd::Unknown, Loop), nullptr;
      // `do { ... } while (errno == EAGAIN)`: the condition retries. Not
      // when a `continue` brought the path here: a wait at the end of the
      // body would not be on that path (the fix goes before the continue).
      if (T == Tri::True && dependsOnFailure(Cond) &&
          Via != RetryVia::Continue) {
        Via = RetryVia::Condition;
        From = Cond;
      }
    }
    // Back at the head, the call runs again only if the next round comes
    // to it: not when it sits under a test the failure rules out
    // (proftpd's `while (n < 0) { int e = errno; if (e == EINTR) { n =
    // recv(...); continue; } return 0; }`: after EAGAIN the next round
    // leaves). A call in the loop's condition runs at the head.
    if (!(Cond && contains(Cond, Call)) && !nextRoundReachesCall(Loop, Cond))
      return stop(PathEnd::Unknown, Loop), nullptr;
    R.Loop = Loop;
    R.Via = Via;
    return stop(PathEnd::Retries, From), nullptr;
  }

  /// Some path of \p Loop's next round, from its body's first block, comes
  /// to the call's block, the failure still in errno and in the result.
  /// Each branch goes the way its condition says under the hypothesis, or
  /// both ways when it cannot be told (a flag, a counter): only a call the
  /// failure itself keeps out is not reached. Nor is one that every path
  /// of the round reaches only after changing a variable or field of the
  /// loop's condition \p Cond: the loop moves on before it calls again
  /// (dhcpcd's control_recvdata takes the next command off its buffer,
  /// `len -= e - p`, before each call, and after EAGAIN goes on to the
  /// next one), the progress the way back is asked for (changedOnPath),
  /// met later in the same round. A search over the CFG's blocks, each
  /// looked at once.
  bool nextRoundReachesCall(const Stmt *Loop, const Expr *Cond) {
    llvm::SmallPtrSet<const Decl *, 4> Changing = condVariables(Cond);
    // Asked only when a condition of the round is the loop's own: it scans
    // the function's body.
    std::optional<bool> Stable;
    const CFGBlock *Head = Flow->ByTerminator.lookup(Loop);
    const CFGBlock *Body = Head ? succ(Head, 0) : nullptr;
    if (!Body)
      return true;
    // The conditions are asked here only to find the way: whether the
    // path tested the failure is the walk's to say.
    bool WasTested = R.Tested;
    unsigned WasTestedConsts = R.TestedConsts;
    llvm::BitVector Seen(G->Blocks.size());
    llvm::SmallVector<const CFGBlock *, 16> Work{Body};
    bool Reached = false;
    while (!Work.empty() && !Reached) {
      const CFGBlock *B = Work.pop_back_val();
      if (!B || Seen.test(B->getBlockID()))
        continue;
      Seen.set(B->getBlockID());
      if (B->getBlockID() == CallBlock) {
        Reached = true;
        break;
      }
      // The stores of the round (`int e = errno;`), as node() notes them;
      // the walk stops at the back edge whatever the answer. A block that
      // changes the condition's state ends this path: the round moved on.
      bool MovesOn = false;
      for (const CFGElement &E : *B)
        if (auto CS = E.getAs<CFGStmt>()) {
          noteStore(CS->getStmt());
          MovesOn = MovesOn || changesAny(CS->getStmt(), Changing);
        }
      if (MovesOn)
        continue;
      Tri V = Tri::Unknown;
      if (const Expr *Term = B->getLastCondition();
          Term && B->succ_size() == 2 && isTwoWay(B->getTerminatorStmt())) {
        V = condImpl(Term);
        // The loop's own condition asked again (an inner `while (len !=
        // 0)` under the outer one) still holds: it held at the head, and
        // no path here changed what it reads.
        if (V == Tri::Unknown && Cond &&
            utils::areStatementsIdentical(Term->IgnoreParenImpCasts(),
                                          Cond->IgnoreParenImpCasts(), Ctx)) {
          if (!Stable)
            Stable = stableCondition(Cond);
          if (*Stable)
            V = Tri::True;
        }
      }
      for (unsigned I = 0; I < B->succ_size(); ++I)
        if (!(V == Tri::True && I == 1) && !(V == Tri::False && I == 0))
          Work.push_back(succ(B, I));
    }
    R.Tested = WasTested;
    R.TestedConsts = WasTestedConsts;
    return Reached;
  }

  /// \p Cond reads only locals of the function, none volatile and none
  /// whose address the function takes, and calls nothing: between two
  /// points where none of them is assigned it keeps its value.
  bool stableCondition(const Expr *Cond) const {
    if (!Cond)
      return false;
    llvm::SmallPtrSet<const VarDecl *, 4> Vars;
    bool Plain = !findStmt(Cond, [&](const Stmt *N) {
      if (isa<CallExpr, MemberExpr, ArraySubscriptExpr>(N))
        return true;
      if (const auto *U = dyn_cast<UnaryOperator>(N);
          U && (U->getOpcode() == UO_Deref || U->isIncrementDecrementOp()))
        return true;
      if (const auto *Bin = dyn_cast<BinaryOperator>(N);
          Bin && Bin->isAssignmentOp())
        return true;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(N)) {
        const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
        if (!V)
          return !isa<EnumConstantDecl>(DRE->getDecl());
        if (!V->isLocalVarDeclOrParm() || V->getType().isVolatileQualified())
          return true;
        Vars.insert(V);
      }
      return false;
    });
    if (!Plain || Vars.empty() || !Fn->getBody())
      return false;
    return !findStmt(Fn->getBody(), [&](const Stmt *N) {
      const auto *U = dyn_cast<UnaryOperator>(N);
      const auto *DRE =
          U && U->getOpcode() == UO_AddrOf
              ? dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParenImpCasts())
              : nullptr;
      const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      return V && Vars.contains(V);
    });
  }

  /// \p S ran on the path (the call's own statement, `recv(fds[i++],
  /// ...)`, or a branch or loop passed over): what it changes counts as
  /// changed when a loop comes round (changedOnPath).
  void ranOnPath(const Stmt *S) {
    if (S)
      PathStmts.push_back(S);
  }

  /// The use \p Ref of a variable or field may change it: it is assigned,
  /// incremented, has its address taken (`bump(&tries)`), is bound to a
  /// non-const reference parameter, or has a non-const member function
  /// called on it (`budget.spend()`). The cases ExprMutationAnalyzer
  /// looks for first, asked of the AST around the use: the analyzer itself
  /// climbs through every ancestor with AST matchers, which builds the
  /// parent map of the whole TU, headers included (+18% instructions on
  /// memcached.c, measured).
  bool mayChange(const Expr *Ref) const {
    const Expr *E = Ref;
    const Stmt *P = parent(E);
    while (P && (isa<ParenExpr>(P) ||
                 (isa<ImplicitCastExpr>(P) &&
                  cast<ImplicitCastExpr>(P)->getCastKind() == CK_NoOp))) {
      E = cast<Expr>(P);
      P = parent(P);
    }
    if (!P)
      return false;
    if (const auto *B = dyn_cast<BinaryOperator>(P))
      return B->isAssignmentOp() && B->getLHS() == E;
    if (const auto *U = dyn_cast<UnaryOperator>(P))
      return U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(P))
      if (MC->getImplicitObjectArgument() &&
          MC->getImplicitObjectArgument()->IgnoreParens() == E)
        if (const auto *M = MC->getMethodDecl())
          return !M->isConst();
    if (const auto *ME = dyn_cast<MemberExpr>(P);
        ME && !ME->isArrow() && ME->getBase()->IgnoreParens() == E)
      if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(parent(ME)))
        if (const auto *M = MC->getMethodDecl())
          return !M->isConst();
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P))
      return OC->getNumArgs() > 0 && OC->getArg(0)->IgnoreParens() == E &&
             (OC->isAssignmentOp() || OC->getOperator() == OO_PlusPlus ||
              OC->getOperator() == OO_MinusMinus);
    if (const auto *C = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *FD = C->getDirectCallee();
      for (unsigned I = 0; FD && I < C->getNumArgs() && I < FD->getNumParams();
           ++I)
        if (C->getArg(I)->IgnoreParens() == E) {
          QualType T = FD->getParamDecl(I)->getType();
          return T->isReferenceType() &&
                 !T.getNonReferenceType().isConstQualified();
        }
    }
    return false;
  }

  /// A variable or field of the loop's condition \p Cond (other than the
  /// call's result) is changed by a statement the path ran: the loop makes
  /// progress (a counter, a bound, `bump(&tries)`, `budget.spend()`), as
  /// bugprone-infinite-loop asks of a loop's body (mayChange says how).
  bool changedOnPath(const Expr *Cond) {
    llvm::SmallPtrSet<const Decl *, 4> Changing = condVariables(Cond);
    return llvm::any_of(PathStmts,
                        [&](const Stmt *S) { return changesAny(S, Changing); });
  }

  /// The variables (but the call's result) and fields \p Cond reads.
  llvm::SmallPtrSet<const Decl *, 4> condVariables(const Expr *Cond) const {
    llvm::SmallPtrSet<const Decl *, 4> Changing;
    if (!Cond)
      return Changing;
    findStmt(Cond, [&](const Stmt *N) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(N)) {
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
            V && V != ResultVar)
          Changing.insert(V);
      } else if (const auto *ME = dyn_cast<MemberExpr>(N)) {
        if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
          Changing.insert(FD);
      }
      return false;
    });
    return Changing;
  }

  /// \p S may change one of \p Changing (mayChange), other than by
  /// storing the failure's own code (storesFailureCode).
  bool changesAny(const Stmt *S,
                  const llvm::SmallPtrSetImpl<const Decl *> &Changing) {
    if (Changing.empty())
      return false;
    return findStmt(S, [&](const Stmt *N) {
             const Decl *D = nullptr;
             if (const auto *DRE = dyn_cast<DeclRefExpr>(N))
               D = DRE->getDecl();
             else if (const auto *ME = dyn_cast<MemberExpr>(N))
               D = ME->getMemberDecl();
             return D && Changing.contains(D) && mayChange(cast<Expr>(N)) &&
                    !storesFailureCode(cast<Expr>(N));
           }) != nullptr;
  }

  /// \p Ref is the left side of `=` given errno or the library's error
  /// code for the failure (`e = errno`, `err = SSL_get_error(ssl, n)` of the
  /// call's own session), and names a local that nothing else can change
  /// behind the loop's back (onlyPlainUses): the variable then holds the
  /// failure itself, which every round that fails so stores again. That is
  /// no progress towards leaving the loop.
  bool storesFailureCode(const Expr *Ref) {
    const auto *DRE = dyn_cast<DeclRefExpr>(Ref);
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!V)
      return false;
    const Expr *E = Ref;
    const Stmt *P = parent(E);
    while (isa_and_nonnull<ParenExpr>(P)) {
      E = cast<Expr>(P);
      P = parent(P);
    }
    // The store's shape first: onlyPlainUses scans the whole body.
    const auto *B = dyn_cast_or_null<BinaryOperator>(P);
    if (!B || B->getOpcode() != BO_Assign || B->getLHS() != E ||
        !onlyPlainUses(V))
      return false;
    // Another session's error code (`SSL_get_error(other, n)`) is not this
    // failure's.
    if (findStmt(B->getRHS(), [&](const Stmt *N) {
          const auto *C = dyn_cast<CallExpr>(N);
          return C && isSslErrorGetter(globalCalleeName(C)) &&
                 (C->getNumArgs() == 0 || !relatedToFd(C->getArg(0)));
        }))
      return false;
    Val X = eval(B->getRHS());
    return X.K == Val::Errno || X.K == Val::SslErr;
  }

  /// \p V is a local of the function (not `static`) whose every use reads
  /// it or stores into it by name: no address taken, no reference bound to
  /// it, no capture by reference. Only such a local's stores are all on the
  /// path for the walk to see; a global, a field or an escaped local may
  /// be changed by any call.
  bool onlyPlainUses(const VarDecl *V) {
    // Kept by the finder: the answer depends on the function and the
    // local, not on which of the function's calls the walk follows.
    auto [It, New] = F.PlainLocals.try_emplace({Fn, V}, false);
    if (!New)
      return It->second;
    if (!V->isLocalVarDecl() || V->isStaticLocal() || !Fn->getBody() ||
        V->getType()->isReferenceType())
      return false;
    bool Plain = !findStmt(Fn->getBody(), [&](const Stmt *N) {
      if (const auto *L = dyn_cast<LambdaExpr>(N))
        return llvm::any_of(L->captures(), [&](const LambdaCapture &C) {
          return C.capturesVariable() && C.getCapturedVar() == V &&
                 C.getCaptureKind() == LCK_ByRef;
        });
      const auto *D = dyn_cast<DeclRefExpr>(N);
      if (!D || D->getDecl() != V)
        return false;
      const Expr *E = D;
      const Stmt *P = parent(E);
      while (isa_and_nonnull<ParenExpr>(P)) {
        E = cast<Expr>(P);
        P = parent(P);
      }
      if (const auto *ICE = dyn_cast_or_null<ImplicitCastExpr>(P))
        return ICE->getCastKind() != CK_LValueToRValue;
      if (const auto *B = dyn_cast_or_null<BinaryOperator>(P))
        return !B->isAssignmentOp() || B->getLHS() != E;
      const auto *U = dyn_cast_or_null<UnaryOperator>(P);
      return !U || !U->isIncrementDecrementOp();
    });
    F.PlainLocals[{Fn, V}] = Plain;
    return Plain;
  }

  /// Before the walk: the statement that holds the call, the variable its
  /// result goes to, and what the statement itself decides. False when
  /// the path ended there.
  bool begin() {
    const Stmt *S = Call;
    const Stmt *P = parent(S);
    while (P && isa<Expr>(P)) {
      S = P;
      P = parent(P);
    }
    if (!P)
      return !stop(PathEnd::Unknown, Call);
    // `n = read(...)` / `ssize_t n = read(...)`: remember n, also where the
    // assignment sits inside a condition (`while ((r = f(s)) != 0)`).
    for (const Stmt *U = parent(Call); U; U = U == S ? nullptr : parent(U))
      if (const auto *B = dyn_cast<BinaryOperator>(U);
          B && B->getOpcode() == BO_Assign && isCall(B->getRHS())) {
        if (const auto *DRE =
                dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts()))
          ResultVar = dyn_cast<VarDecl>(DRE->getDecl());
        break;
      }
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D); V && isCall(V->getInit()))
          ResultVar = V;
      S = DS;
      P = parent(DS);
    }
    ranOnPath(S);
    // Uses in the same expression (`off += read(...)`).
    for (const Stmt *U = Call; U != S; U = parent(U))
      if (const auto *E = dyn_cast<Expr>(U); E && usedAsCount(E))
        return !stop(PathEnd::UsedAsCount, E);
    if (isa_and_nonnull<ReturnStmt>(P))
      return !stop(PathEnd::Returns, P);
    if (isa_and_nonnull<SwitchStmt>(P))
      return !stop(PathEnd::Unknown, P);
    findStmt(S, [&](const Stmt *N) {
      CallStmt.insert(N);
      return false;
    });
    return true;
  }

  FailurePath run() {
    G = F.Cfgs.of(Fn);
    auto Pos = G ? G->Pos.find(Call) : decltype(G->Pos)::const_iterator();
    if (!G || Pos == G->Pos.end()) {
      stop(PathEnd::Unknown, Call);
      return R;
    }
    Flow = &F.flow(Fn, *G);
    if (!begin())
      return R;
    Visited.resize(G->Blocks.size());
    const CFGBlock *B = G->Blocks[Pos->second.first];
    Visited.set(B->getBlockID());
    CallBlock = B->getBlockID();
    unsigned From = Pos->second.second + 1;
    while (B && !elements(B, From)) {
      From = 0;
      B = enter(leave(B));
    }
    return R;
  }
};

/// clang builds no CFG for a template body it cannot lay out before
/// instantiation (a range-for over a dependent range). A call in such a
/// function template is followed in its first instantiation that has a
/// CFG, at the same place: the path is the same in every instantiation
/// unless the template's parameters change which calls are known.
bool FailurePathFinder::inInstantiation(const CallExpr *&Call, const Expr *&Fd,
                                        const FunctionDecl *&Fn) {
  const FunctionTemplateDecl *FT = Fn->getDescribedFunctionTemplate();
  if (!FT)
    return false;
  std::optional<unsigned> FdArg;
  for (unsigned I = 0; I < Call->getNumArgs(); ++I)
    if (Call->getArg(I)->IgnoreParenImpCasts() == Fd->IgnoreParenImpCasts())
      FdArg = I;
  for (const FunctionDecl *Spec : FT->specializations()) {
    const FunctionCfgs::Cfg *G = Spec->getBody() ? Cfgs.of(Spec) : nullptr;
    if (!G)
      continue;
    for (const auto &[S, Pos] : G->Pos) {
      const auto *C = dyn_cast<CallExpr>(S);
      if (!C || C->getBeginLoc() != Call->getBeginLoc() ||
          C->getEndLoc() != Call->getEndLoc() ||
          C->getNumArgs() != Call->getNumArgs())
        continue;
      Call = C;
      if (FdArg)
        Fd = C->getArg(*FdArg);
      Fn = Spec;
      return true;
    }
  }
  return false;
}

FailurePath FailurePathFinder::follow(const CallExpr *Call, const Expr *Fd,
                                      const FunctionDecl *Fn, Hypothesis H,
                                      bool Optimistic,
                                      llvm::ArrayRef<const Decl *> FdOwners) {
  if (!Fn || !Fn->getBody())
    return {};
  auto [It, New] = Followed.try_emplace(
      {Call, Fd, Fn, int(H), Optimistic,
       std::vector<const Decl *>(FdOwners.begin(), FdOwners.end())});
  if (!New)
    return It->second;
  if (const FunctionCfgs::Cfg *G = Cfgs.of(Fn); !G || !G->Pos.count(Call))
    inInstantiation(Call, Fd, Fn);
  Walk W(*this, Call, Fd, Fn, H);
  W.Optimistic = Optimistic;
  W.FdOwners = FdOwners;
  return It->second = W.run();
}

} // namespace clang::tidy::nbio
