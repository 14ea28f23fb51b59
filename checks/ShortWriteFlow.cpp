//===--- ShortWriteFlow.cpp - Where a short write's count goes -------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "ShortWriteFlow.h"
#include "EventHandlers.h"
#include "StmtSearch.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::nbio {

ShortWriteFlow::ShortWriteFlow(ASTContext &Ctx, FunctionCfgs &Cfgs)
    : Ctx(Ctx), Cfgs(Cfgs) {}

namespace {

enum class UseKind {
  Progress, ///< the count goes somewhere: arithmetic, a store, a return...
  Test,     ///< a branch tests it
  Logged,   ///< formatted into a message (a variadic call's argument), or
            ///< tested for failure with only the verdict handed on
  Assigned, ///< the variable is assigned here (the left of `n = ...`)
  Returned, ///< handed back to the caller
  Ignored,  ///< the value is thrown away (a statement of its own, or a
            ///< test that does nothing either way)
};

struct Use {
  UseKind Kind = UseKind::Progress;
  /// For Test: the element whose value decides the branch, which way a
  /// short count goes (0: the CFG's "true" successor), whether the test
  /// compares with a length, and the test itself.
  const Stmt *Branch = nullptr;
  unsigned Succ = 0;
  bool Length = false;
  const Expr *Test = nullptr;
  /// For Test: the branch is a `switch` on what SSL_get_error() makes of
  /// the count; a short count takes the `case 0:` (SSL_ERROR_NONE) arm.
  bool Switch = false;
};

/// A short write's count n (0 < n < length) against a comparison `n Op k`.
/// Against a constant k <= 0, the comparison is a test for failure and n
/// is above k; against anything else (the length, `sizeof hdr`), n is
/// below it.
bool shortCountSatisfies(BinaryOperatorKind Op, bool AgainstLength) {
  switch (Op) {
  case BO_EQ:
    return false;
  case BO_NE:
    return true;
  case BO_LT:
  case BO_LE:
    return AgainstLength;
  case BO_GT:
  case BO_GE:
    return !AgainstLength;
  default:
    return false;
  }
}

BinaryOperatorKind reversed(BinaryOperatorKind Op) {
  switch (Op) {
  case BO_LT:
    return BO_GT;
  case BO_GT:
    return BO_LT;
  case BO_LE:
    return BO_GE;
  case BO_GE:
    return BO_LE;
  default:
    return Op;
  }
}

/// The calls that take a TLS call's result only to say what kind of
/// failure it was (SSL_get_error(3)): they do not account for the bytes.
constexpr llvm::StringLiteral ResultClassifiers[] = {"SSL_get_error",
                                                     "wolfSSL_get_error"};

} // namespace

namespace {
/// One walk: the count's uses classified, the branches that test it.
struct CountWalk {
  ASTContext &Ctx;
  const ParentMap &PM;
  const llvm::DenseMap<const Stmt *, std::pair<unsigned, unsigned>> &Pos;
  const std::vector<const CFGBlock *> &Blocks;

  /// \p Node's value decides a branch: climb through parentheses, casts and
  /// `!` to the element a block branches on. \p Value is what a short
  /// count makes \p Node. A test whose value is not a branch (`ok = n ==
  /// len`, `return n == len`) hands the outcome on: progress.
  Use branchOn(const Stmt *Node, bool Value, bool Length, const Expr *Test) {
    const Stmt *X = Node;
    for (;;) {
      auto It = Pos.find(X);
      if (It != Pos.end()) {
        const CFGBlock *B = Blocks[It->second.first];
        if (B && B->getTerminatorStmt() && B->succ_size() == 2 &&
            It->second.second + 1 == B->size())
          return {UseKind::Test, X, Value ? 0u : 1u, Length, Test};
      }
      const Stmt *P = PM.getParent(X);
      if (!P)
        break;
      if (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P)) {
        X = P;
        continue;
      }
      if (const auto *U = dyn_cast<UnaryOperator>(P);
          U && U->getOpcode() == UO_LNot) {
        Value = !Value;
        X = P;
        continue;
      }
      break;
    }
    return {UseKind::Progress};
  }

  /// \p E is tested only by an `if` that does nothing either way: `if
  /// (write(fd, line, n) == -1) { /* empty */ }`, the idiom that quiets
  /// glibc's warn_unused_result where a cast to void does not. The test
  /// decides nothing, so the value is thrown away as `(void)write(...)`
  /// throws it away. The climb goes through the operators a condition is
  /// made of; any statement in either branch makes it a real test.
  bool testedByEmptyIf(const Expr *E) {
    const Stmt *X = E;
    for (const Stmt *P = PM.getParent(X); P; X = P, P = PM.getParent(X)) {
      if (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P))
        continue;
      if (const auto *U = dyn_cast<UnaryOperator>(P);
          U && U->getOpcode() == UO_LNot)
        continue;
      if (const auto *B = dyn_cast<BinaryOperator>(P);
          B && (B->isComparisonOp() || B->isLogicalOp()))
        continue;
      const auto *If = dyn_cast<IfStmt>(P);
      if (!If || If->getCond() != X || If->getInit() ||
          If->getConditionVariable())
        return false;
      auto Empty = [](const Stmt *S) {
        if (!S || isa<NullStmt>(S))
          return true;
        const auto *CS = dyn_cast<CompoundStmt>(S);
        return CS && CS->body_empty();
      };
      return Empty(If->getThen()) && Empty(If->getElse());
    }
    return false;
  }

  /// \p Kind, a classifier's call on the count (`SSL_get_error(ssl, n)`),
  /// gives a short count the kind 0 (SSL_ERROR_NONE): a comparison of the
  /// call with a constant, or a `switch` on it, is a test of the count
  /// decided so. Kept in a variable or compared with one, the kind decides
  /// nothing here.
  Use classified(const Expr *Kind) {
    const Stmt *X = Kind;
    const Stmt *P = PM.getParent(X);
    while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P))) {
      X = P;
      P = PM.getParent(X);
    }
    if (const auto *B = dyn_cast_or_null<BinaryOperator>(P);
        B && (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE)) {
      const Expr *Other = B->getLHS() == X ? B->getRHS() : B->getLHS();
      Expr::EvalResult R;
      if (!Other->isValueDependent() && Other->EvaluateAsInt(R, Ctx)) {
        bool Equal = R.Val.getInt() == 0;
        Use U = branchOn(B, B->getOpcode() == BO_EQ ? Equal : !Equal,
                         /*Length=*/false, B);
        if (U.Kind == UseKind::Test)
          return U;
      }
    }
    if (const auto *Sw = dyn_cast_or_null<SwitchStmt>(P);
        Sw && Sw->getCond() == X) {
      for (const Stmt *Y = Kind;; Y = PM.getParent(Y)) {
        auto It = Pos.find(Y);
        if (It != Pos.end()) {
          const CFGBlock *B = Blocks[It->second.first];
          if (B && B->getTerminatorStmt() == Sw &&
              It->second.second + 1 == B->size()) {
            Use U{UseKind::Test, Y, 0, false, nullptr};
            U.Switch = true;
            return U;
          }
        }
        if (Y == X)
          break;
      }
    }
    return {UseKind::Logged};
  }

  /// What the code does with the count's value \p E.
  Use classify(const Expr *E) {
    if (testedByEmptyIf(E))
      return {UseKind::Ignored};
    const Stmt *P = PM.getParentIgnoreParenCasts(E);
    if (!P || isa<CompoundStmt>(P))
      return {UseKind::Ignored};
    auto Same = [&](const Expr *Op) { return Op->IgnoreParenCasts() == E; };
    if (const auto *B = dyn_cast<BinaryOperator>(P)) {
      if (B->isAssignmentOp() && Same(B->getLHS()))
        return {B->getOpcode() == BO_Assign ? UseKind::Assigned
                                             : UseKind::Progress};
      if (B->isComparisonOp()) {
        bool Left = Same(B->getLHS());
        const Expr *Other = Left ? B->getRHS() : B->getLHS();
        BinaryOperatorKind Op = Left ? B->getOpcode() : reversed(B->getOpcode());
        Expr::EvalResult R;
        bool Length = true;
        if (!Other->isValueDependent() && Other->EvaluateAsInt(R, Ctx))
          Length = R.Val.getInt().getExtValue() > 0;
        Use U = branchOn(B, shortCountSatisfies(Op, Length), Length, B);
        // `return n >= 0;`: only success or failure goes on, not the count.
        // A comparison with the length handed on (`ok = n == len`) may be
        // how the caller learns of a short write: progress.
        if (U.Kind == UseKind::Progress && !Length)
          return {UseKind::Logged};
        return U;
      }
      if (B->isLogicalOp())
        return branchOn(E, true, false, E); // nonzero
      if (B->getOpcode() == BO_Comma && Same(B->getLHS()))
        return {UseKind::Ignored};
      return {UseKind::Progress};
    }
    if (const auto *U = dyn_cast<UnaryOperator>(P);
        U && U->getOpcode() == UO_LNot)
      return branchOn(U, false, false, U);
    if ((isa<IfStmt>(P) && cast<IfStmt>(P)->getCond() &&
         Same(cast<IfStmt>(P)->getCond())) ||
        (isa<WhileStmt>(P) && Same(cast<WhileStmt>(P)->getCond())) ||
        (isa<DoStmt>(P) && Same(cast<DoStmt>(P)->getCond())) ||
        (isa<ForStmt>(P) && cast<ForStmt>(P)->getCond() &&
         Same(cast<ForStmt>(P)->getCond())) ||
        (isa<ConditionalOperator>(P) &&
         Same(cast<ConditionalOperator>(P)->getCond())))
      return branchOn(E, true, false, E);
    if (isa<ReturnStmt>(P))
      return {UseKind::Returned};
    if (const auto *C = dyn_cast<CallExpr>(P)) {
      // An argument past a variadic function's named parameters is
      // formatted into a message (printf, syslog, a project's log or abort
      // helper): it does not account for the bytes written.
      const FunctionDecl *Callee = C->getDirectCallee();
      // SSL_get_error(ssl, n) only sorts the result into its kind, and a
      // short count's kind is SSL_ERROR_NONE (0): tests of the kind are
      // decided so, and the count itself goes on unused.
      if (Callee && Callee->getIdentifier() &&
          llvm::is_contained(ResultClassifiers, Callee->getName()))
        return classified(C);
      if (Callee && Callee->isVariadic())
        for (unsigned I = Callee->getNumParams(); I < C->getNumArgs(); ++I)
          if (Same(C->getArg(I)))
            return {UseKind::Logged};
      return {UseKind::Progress};
    }
    if (const auto *CE = dyn_cast<CStyleCastExpr>(E->IgnoreParens());
        CE && CE->getType()->isVoidType())
      return {UseKind::Ignored};
    return {UseKind::Progress};
  }
};
} // namespace

/// The statement that holds the expression \p S (`return -2;` for its
/// `2`), for a note that points where a reader looks.
static const Stmt *statementOf(const Stmt *S, const ParentMap &PM) {
  while (const Stmt *P = PM.getParent(S)) {
    if (isa<Expr>(P)) {
      S = P;
      continue;
    }
    if (isa<ReturnStmt>(P) || isa<DeclStmt>(P))
      S = P;
    break;
  }
  return S;
}

/// The local variables an expression reads (`buf + off`: buf and off).
static llvm::SmallVector<const VarDecl *, 4> varsIn(const Expr *E) {
  llvm::SmallVector<const VarDecl *, 4> Out;
  llvm::SmallVector<const Stmt *, 16> Work{E};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Out.push_back(VD);
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return Out;
}

/// The variable or field an expression names as a descriptor (`fd`,
/// `c->fd`, `fds[1]`: fds), not through `*` or `&` (`*p` names nothing, so
/// a `close(*p)` is never taken for the close of a write's descriptor).
static const Decl *descriptorOf(const Expr *E) {
  return fdIdentity(E, /*ThroughPointers=*/false);
}

/// \p C closes or shuts down the descriptor \p Fd names.
static bool closesDescriptor(const CallExpr *C, const Expr *Fd) {
  const FunctionDecl *Callee = C->getDirectCallee();
  if (!Fd || !Callee || !Callee->getIdentifier() || C->getNumArgs() < 1)
    return false;
  StringRef N = Callee->getName();
  if (N != "close" && N != "closesocket" && N != "shutdown")
    return false;
  const Decl *D = descriptorOf(Fd);
  return D && D == descriptorOf(C->getArg(0));
}

ShortWriteOutcome ShortWriteFlow::follow(const CallExpr *Call,
                                         const FunctionDecl *Fn,
                                         const Expr *Fd,
                                         llvm::ArrayRef<const Expr *> DataArgs) {
  ShortWriteOutcome Out;
  const FunctionCfgs::Cfg *F = Cfgs.of(Fn);
  if (!F)
    return Out;
  const ParentMap &PM = F->parents();
  CountWalk W{Ctx, PM, F->Pos, F->Blocks};

  // Where the count is kept: a local assigned from the call, or the value.
  const VarDecl *V = nullptr;
  const Stmt *Def = Call;
  const Expr *Value = Call;
  const Stmt *P = PM.getParentIgnoreParenCasts(Call);
  if (const auto *B = dyn_cast_or_null<BinaryOperator>(P);
      B && B->getOpcode() == BO_Assign &&
      B->getRHS()->IgnoreParenCasts() == Call) {
    const auto *DRE = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenCasts());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType())
      return {ShortWriteEnd::Advances}; // stored where others can see it
    V = VD;
    Def = Value = B;
  } else if (const auto *DS = dyn_cast_or_null<DeclStmt>(P)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D);
          VD && VD->getInit() && VD->getInit()->IgnoreParenCasts() == Call) {
        if (!VD->hasLocalStorage() || VD->getType()->isReferenceType())
          return {ShortWriteEnd::Advances};
        V = VD;
      }
    if (!V)
      return Out;
    Def = DS;
    Value = nullptr;
  }

  // Tests of the count, by the element each branches on.
  llvm::DenseMap<const Stmt *, Use> Tests;
  if (Value) {
    Use U = W.classify(Value);
    if (U.Kind == UseKind::Ignored && !V)
      return Out; // discarded: not this analysis' question
    if (U.Kind == UseKind::Progress)
      return {ShortWriteEnd::Advances};
    if (U.Kind == UseKind::Returned)
      return {ShortWriteEnd::Returned, nullptr, P};
    if (U.Kind == UseKind::Test)
      Tests[U.Branch] = U;
  }
  auto Start = F->Pos.find(Def);
  if (Start == F->Pos.end())
    return Out;

  struct Item {
    unsigned Block, From;
    const Expr *LengthTest = nullptr, *FailTest = nullptr;
    const Stmt *Branch = nullptr; ///< first statement after the length test
    const Stmt *Return = nullptr; ///< the last return on the path
  };
  llvm::SmallVector<Item, 16> Work{{Start->second.first, Start->second.second + 1}};
  // A block is walked once with and once without a length test behind.
  llvm::DenseSet<std::pair<unsigned, unsigned>> Seen;
  bool Restart = false, Failed = false, Dropped = false;
  ShortWriteOutcome RestartOut, FailedOut, DroppedOut, ReturnedOut;

  // The innermost loop around the call, and whether a retry there moves
  // on: the buffer or length arguments change in it.
  std::optional<std::pair<bool, const Stmt *>> MovesOnMemo;
  auto MovesOn = [&]() {
    if (MovesOnMemo)
      return *MovesOnMemo;
    const Stmt *Loop = nullptr;
    for (const Stmt *S = PM.getParent(Call); S; S = PM.getParent(S))
      if (isLoop(S)) {
        Loop = S;
        break;
      }
    const Stmt *Region = Loop ? Loop : Fn->getBody();
    ExprMutationAnalyzer MA(*Region, Ctx);
    // An array's address never changes, and ExprMutationAnalyzer takes its
    // decay to a pointer for a mutation (the write's own argument): its
    // bytes change only where the loop names it outside the call.
    auto NamedElsewhere = [&](const VarDecl *VD) {
      return findStmt(Region, [&](const Stmt *S) {
        const auto *DRE = dyn_cast<DeclRefExpr>(S);
        return DRE && DRE->getDecl() == VD &&
               !findStmt(Call, [&](const Stmt *X) { return X == DRE; });
      });
    };
    bool Moved = llvm::any_of(DataArgs, [&](const Expr *A) {
      return llvm::any_of(varsIn(A), [&](const VarDecl *VD) {
        return VD->getType()->isArrayType() ? NamedElsewhere(VD) != nullptr
                                            : MA.isMutated(VD);
      });
    });
    MovesOnMemo = std::make_pair(Moved, Loop);
    return *MovesOnMemo;
  };

  // `len -= n` in the loop around the call, where the call's length is
  // `len` and its buffer a variable the loop names nowhere else: the next
  // call sends the start of the buffer again, shorter (openconnect's TLS
  // write loop). A buffer the loop moves, refills or shifts (`memmove(buf,
  // buf + n, len)`) is another case: progress.
  auto LengthOnlyShrink = [&](const DeclRefExpr *Count) -> const Expr * {
    const auto *Sub =
        dyn_cast_or_null<BinaryOperator>(PM.getParentIgnoreParenCasts(Count));
    if (!Sub || Sub->getOpcode() != BO_SubAssign ||
        Sub->getRHS()->IgnoreParenCasts() != Count || DataArgs.size() < 2)
      return nullptr;
    auto VarOf = [](const Expr *E) -> const VarDecl * {
      const auto *R = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
      return R ? dyn_cast<VarDecl>(R->getDecl()) : nullptr;
    };
    const VarDecl *Len = VarOf(Sub->getLHS());
    const VarDecl *Buf = VarOf(DataArgs[0]);
    if (!Len || !Buf || Len != VarOf(DataArgs[1]) || Len == Buf)
      return nullptr;
    const Stmt *Loop = MovesOn().second;
    if (!Loop || !findStmt(Loop, [&](const Stmt *S) { return S == Sub; }))
      return nullptr;
    const Stmt *Elsewhere = findStmt(Loop, [&](const Stmt *S) {
      const auto *R = dyn_cast<DeclRefExpr>(S);
      return R && R->getDecl() == Buf &&
             !findStmt(DataArgs[0], [&](const Stmt *X) { return X == R; });
    });
    return Elsewhere ? nullptr : Sub;
  };

  auto EndPath = [&](const Item &I) {
    if (I.LengthTest) {
      if (!Failed)
        FailedOut = {ShortWriteEnd::Failed, I.LengthTest, I.Branch};
      Failed = true;
    } else {
      if (!Dropped)
        DroppedOut = {ShortWriteEnd::Dropped, I.FailTest, I.Return};
      Dropped = true;
    }
  };

  bool First = true;
  while (!Work.empty()) {
    Item I = Work.pop_back_val();
    if (!First && !Seen.insert({I.Block, unsigned(I.LengthTest != nullptr)}).second)
      continue;
    First = false;
    const CFGBlock *B = F->Blocks[I.Block];
    if (!B)
      continue;
    bool Ended = false;
    const Stmt *Last = nullptr;
    for (unsigned Idx = I.From; Idx < B->size() && !Ended; ++Idx) {
      auto CS = (*B)[Idx].getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *S = CS->getStmt();
      Last = S;
      if (S == Call) {
        // Back at the call: the count is written over. A short count sent
        // back here by a comparison with the length is a retry.
        auto [Moved, Loop] = MovesOn();
        if (I.LengthTest && !Moved) {
          if (!Restart)
            RestartOut = {ShortWriteEnd::Restarted, I.LengthTest,
                          Loop ? Loop : Call};
          Restart = true;
        } else if (I.LengthTest || Moved) {
          EndPath(I);
        }
        // Else the same bytes go out again whatever was written, and the
        // count is never looked at: the loop fills the buffer with filler
        // (a test stuffing a socket until EAGAIN), not a message.
        Ended = true;
        break;
      }
      if (isa<ReturnStmt>(S))
        I.Return = S;
      // The descriptor closed on a path that never looked at the length:
      // a last message before the end of the connection (an error line to
      // a rejected client), sent on a best-effort basis.
      if (const auto *CE = dyn_cast<CallExpr>(S);
          CE && !I.LengthTest && closesDescriptor(CE, Fd)) {
        Ended = true;
        break;
      }
      if (!V)
        continue;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S);
          DRE && DRE->getDecl() == V) {
        Use U = W.classify(DRE);
        if (U.Kind == UseKind::Progress) {
          if (const Expr *Shrink = LengthOnlyShrink(DRE))
            return {ShortWriteEnd::Restarted, Shrink, MovesOn().second,
                    /*LengthOnly=*/true};
          return {ShortWriteEnd::Advances};
        }
        if (U.Kind == UseKind::Returned) {
          // The rest of the path is the caller's; other paths may still
          // use the count here.
          ReturnedOut = {ShortWriteEnd::Returned, I.FailTest,
                         PM.getParentIgnoreParenCasts(DRE)};
          Ended = true;
          break;
        }
        if (U.Kind == UseKind::Test)
          Tests[U.Branch] = U;
        continue;
      }
      // Another value written over the count: the path's count is gone.
      const auto *BO = dyn_cast<BinaryOperator>(S);
      const auto *DRE =
          BO && BO->getOpcode() == BO_Assign
              ? dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenCasts())
              : nullptr;
      const auto *DS = dyn_cast<DeclStmt>(S);
      if ((DRE && DRE->getDecl() == V && S != Def) ||
          (DS && S != Def && llvm::is_contained(DS->decls(), V))) {
        EndPath(I);
        Ended = true;
      }
    }
    if (Ended)
      continue;
    if (B == &F->G->getExit() || B->succ_empty()) {
      EndPath(I);
      continue;
    }
    auto T = Last ? Tests.find(Last) : Tests.end();
    // A switch on the kind of a short count: the `case 0:` arms, or else
    // the default (or past the switch).
    auto CaseZero = [&](const CFGBlock *SB) {
      const auto *C = dyn_cast_or_null<CaseStmt>(SB ? SB->getLabel() : nullptr);
      Expr::EvalResult R;
      return C && !C->getRHS() && !C->getLHS()->isValueDependent() &&
             C->getLHS()->EvaluateAsInt(R, Ctx) && R.Val.getInt() == 0;
    };
    bool SwitchTest = T != Tests.end() && T->second.Switch;
    bool HasCaseZero =
        SwitchTest && llvm::any_of(B->succs(), [&](const auto &Succ) {
          return CaseZero(Succ.getReachableBlock());
        });
    unsigned K = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      const CFGBlock *SB = Succ.getReachableBlock();
      unsigned This = K++;
      if (!SB)
        continue;
      Item Next = I;
      Next.Block = SB->getBlockID();
      Next.From = 0;
      if (SwitchTest) {
        bool Zero = CaseZero(SB);
        if (HasCaseZero ? !Zero : isa_and_nonnull<CaseStmt>(SB->getLabel()))
          continue;
      } else if (T != Tests.end()) {
        if (This != T->second.Succ)
          continue;
        if (T->second.Length) {
          Next.LengthTest = T->second.Test;
          Next.Branch = nullptr;
          for (const CFGElement &E : *SB)
            if (auto CS = E.getAs<CFGStmt>()) {
              Next.Branch = statementOf(CS->getStmt(), PM);
              break;
            }
          if (!Next.Branch)
            Next.Branch = SB->getTerminatorStmt();
        } else if (!Next.FailTest) {
          Next.FailTest = T->second.Test;
        }
      }
      Work.push_back(Next);
    }
  }
  if (ReturnedOut.End == ShortWriteEnd::Returned)
    return ReturnedOut;
  if (Restart)
    return RestartOut;
  if (Failed)
    return FailedOut;
  if (Dropped)
    return DroppedOut;
  return {ShortWriteEnd::Advances}; // no path found its end: say nothing
}

} // namespace clang::tidy::nbio
