//===--- FailurePath.cpp - Where a failed I/O call's path leads -----------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "FailurePath.h"
#include "StmtSearch.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::nbio {

//===----------------------------------------------------------------------===//
// Waits
//===----------------------------------------------------------------------===//

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
             // condition_variable::wait, wait_for, wait_until; and helpers
             // named so.
             Name.contains_insensitive("wait") ||
             Name.contains_insensitive("poll") ||
             Name.contains_insensitive("select") ||
             Name.contains_insensitive("sleep")) {
    Result = true;
  } else if (const FunctionDecl *Def = nullptr;
             Depth < 2 && FD->hasBody(Def) && Def) {
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

llvm::ArrayRef<SourceLocation>
FailurePathFinder::waitLocs(const FunctionDecl *Fn) {
  auto [It, New] = WaitLocs.try_emplace(Fn);
  if (!New)
    return It->second;
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<SourceLocation> Out;
  findStmt(Fn->getBody(), [&](const Stmt *S) {
    if (const auto *C = dyn_cast<CallExpr>(S);
        C && Waits.isWait(C->getDirectCallee()))
      Out.push_back(SM.getExpansionLoc(C->getBeginLoc()));
    return false;
  });
  llvm::sort(Out, [&](SourceLocation A, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(A, B);
  });
  return WaitLocs[Fn] = std::move(Out);
}

const Stmt *FailurePathFinder::parentOf(const Stmt *S, const FunctionDecl *Fn) {
  return parents(Fn).lookup(S);
}

FailurePathFinder::FailurePathFinder(ASTContext &Ctx,
                                     WouldBlockClassifiers &Classifiers,
                                     FunctionParents &Parents,
                                     const WaitFunctions &Waits,
                                     const llvm::StringSet<> &UserTerminal)
    : Ctx(Ctx), Classifiers(Classifiers), Waits(Waits),
      UserTerminal(UserTerminal), Parents(Parents) {}

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
  const llvm::DenseMap<const Stmt *, const Stmt *> &PM;
  const CallExpr *Call;
  const FunctionDecl *Fn;
  Hypothesis H;
  const VarDecl *ResultVar = nullptr;
  int64_t ResultValue = -1;
  IoFamily Family = IoFamily::Plain;
  llvm::SmallPtrSet<const VarDecl *, 4> ErrnoVars, SslErrVars, Modified;
  llvm::SmallPtrSet<const FieldDecl *, 4> ModifiedFields;
  // The descriptor, to recognise close(fd) / conn_free(c).
  const VarDecl *FdRoot = nullptr;
  const FieldDecl *FdField = nullptr;
  llvm::ArrayRef<const Decl *> FdOwners;
  FailurePath R;
  unsigned Budget = 400;
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
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return FdField && ME->getMemberDecl() == FdField;
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

  bool matchesHypothesis(ErrnoConst C) const {
    switch (H) {
    case Hypothesis::WouldBlock:
      return C == ErrnoConst::EAgain || C == ErrnoConst::EWouldBlock;
    case Hypothesis::InProgress:
      return C == ErrnoConst::EInProgress || C == ErrnoConst::EAlready;
    case Hypothesis::WantRead:
      return Family == IoFamily::Code ? C == ErrnoConst::TlsAgain
                                      : C == ErrnoConst::SslWantRead;
    case Hypothesis::WantWrite:
      return Family == IoFamily::Code ? C == ErrnoConst::TlsAgain
                                      : C == ErrnoConst::SslWantWrite;
    }
    return false;
  }

  const Stmt *parent(const Stmt *S) const { return PM.lookup(S); }

  bool contains(const Stmt *Outer, const Stmt *Inner) const {
    for (const Stmt *S = Inner; S; S = parent(S))
      if (S == Outer)
        return true;
    return false;
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
        if (isSslErrorGetter(globalCalleeName(C)))
          return std::make_pair(1u, false);
      return std::make_pair(0u, true);
    }) != 0;
  }
  llvm::DenseMap<const Stmt *, unsigned> DependsMemo;
  void forgetDependence() { DependsMemo.clear(); }

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
      } else if (const auto *B = dyn_cast<BinaryOperator>(E);
                 B && B->getOpcode() == BO_Assign) {
        E = B->getRHS();
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
    if (Classifiers.mentionedMask(E, Ctx) & hypothesisMask())
      R.Tested = true;
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

  Tri loopCond(const Expr *E) {
    AssumeIndependentTrue = Optimistic;
    Tri T = cond(E);
    AssumeIndependentTrue = false;
    return T;
  }

  Tri ifCond(const Expr *E) {
    AssumeIndependentTrue = Optimistic && dependsOnFailure(E);
    Tri T = cond(E);
    AssumeIndependentTrue = false;
    return T;
  }

  unsigned CondDepth = 0;

  Tri condImpl(const Expr *E) {
    E = E->IgnoreParenImpCasts();
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
    }
    return truth(eval(E));
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
      if (bit(*C) & hypothesisMask())
        R.Tested = true;
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
    if (dependsOnFailure(S))
      return false;
    return !findStmt(S, [&](const Stmt *N) {
      if (isa<ReturnStmt>(N) || isa<BreakStmt>(N) || isa<ContinueStmt>(N) ||
          isa<GotoStmt>(N) || isa<CXXThrowExpr>(N))
        return true;
      if (const auto *C = dyn_cast<CallExpr>(N)) {
        const FunctionDecl *FD = C->getDirectCallee();
        return !FD || FD->isNoReturn() || F.Waits.isWait(FD) ||
               terminalName(FD->getName());
      }
      return false;
    });
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

  /// Executes an expression for its effects on the path. Returns true when
  /// the path ends inside it.
  unsigned ExprDepth = 0;

  bool expr(const Expr *E) {
    if (!E)
      return false;
    if (ExprDepth >= MaxEvalDepth)
      return stop(PathEnd::Unknown, E); // too deep to follow; see MaxEvalDepth
    DepthGuard Guard(ExprDepth);
    E = E->IgnoreParens();
    if (isa<UnaryExprOrTypeTraitExpr>(E))
      return false; // sizeof: not evaluated
    if (const auto *T = dyn_cast<CXXThrowExpr>(E)) {
      if (expr(T->getSubExpr()))
        return true;
      return stop(PathEnd::Returns, T); // the caller gets the failure
    }
    if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
      if (expr(CO->getCond()))
        return true;
      Tri T = cond(CO->getCond());
      if (T == Tri::True)
        return expr(CO->getTrueExpr());
      if (T == Tri::False)
        return expr(CO->getFalseExpr());
      if (inert(CO->getTrueExpr()) && inert(CO->getFalseExpr()))
        return false;
      return stop(PathEnd::Unknown, CO);
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      if (B->getOpcode() == BO_LAnd || B->getOpcode() == BO_LOr) {
        if (expr(B->getLHS()))
          return true;
        Tri T = cond(B->getLHS());
        bool RunRhs =
            B->getOpcode() == BO_LAnd ? T == Tri::True : T == Tri::False;
        if (RunRhs)
          return expr(B->getRHS());
        if (T == Tri::Unknown && !inert(B->getRHS()))
          return stop(PathEnd::Unknown, B);
        return false;
      }
      if (B->isAssignmentOp()) {
        if (expr(B->getRHS()))
          return true;
        const Expr *L = B->getLHS()->IgnoreParenImpCasts();
        if (const auto *DRE = dyn_cast<DeclRefExpr>(L)) {
          if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
            Modified.insert(V);
            if (V == ResultVar && B->getOpcode() == BO_Assign &&
                !isCall(B->getRHS()))
              ResultVar = nullptr, forgetDependence(); // overwritten
            if (B->getOpcode() == BO_Assign)
              noteAlias(V, B->getRHS());
          }
          if (B->isCompoundAssignmentOp() && usedAsCount(B->getRHS()) &&
              isResultRef(B->getRHS()))
            return stop(PathEnd::UsedAsCount, B);
          return false;
        }
        if (const auto *ME = dyn_cast<MemberExpr>(L))
          if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
            ModifiedFields.insert(FD);
        return expr(B->getLHS());
      }
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->isIncrementDecrementOp())
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParenImpCasts()))
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
          Modified.insert(V);
    if (const auto *SE = dyn_cast<StmtExpr>(E))
      return simple(SE->getSubStmt());
    if (isa<LambdaExpr>(E) || isa<BlockExpr>(E))
      return false;
    if (isResultRef(E)) {
      if (usedAsCount(E->IgnoreParenImpCasts()))
        return stop(PathEnd::UsedAsCount, E);
      return false;
    }
    if (E != Call)
      for (const Stmt *C : E->children())
        if (const auto *CE = dyn_cast_or_null<Expr>(C))
          if (expr(CE))
            return true;
    if (const auto *C = dyn_cast<CallExpr>(E); C && C != Call)
      return call(C);
    return false;
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
    noteModifiedThrough(C);
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD || !FD->getIdentifier())
      return false;
    llvm::StringRef N = FD->getName();
    if (F.Waits.isWait(FD))
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
      R.Tested = true;
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

  /// A statement expression's body (glibc's assert in C): no jumps.
  bool simple(const Stmt *S) {
    if (!S || --Budget == 0)
      return S ? stop(PathEnd::Unknown, S) : false;
    if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
      for (const Stmt *C : CS->body())
        if (simple(C))
          return true;
      return false;
    }
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      if (expr(If->getCond()))
        return true;
      Tri T = cond(If->getCond());
      if (T == Tri::True)
        return simple(If->getThen());
      if (T == Tri::False)
        return simple(If->getElse());
      if (inert(If->getThen()) && inert(If->getElse()))
        return false;
      return stop(PathEnd::Unknown, If);
    }
    if (isa<NullStmt>(S))
      return false;
    if (const auto *E = dyn_cast<Expr>(S))
      return expr(E);
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      return declStmt(DS);
    return stop(PathEnd::Unknown, S);
  }

  bool declStmt(const DeclStmt *DS) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit()) {
        if (expr(V->getInit()))
          return true;
        noteAlias(V, V->getInit());
      }
    return false;
  }

  //===--- Control flow
  //----------------------------------------------------===//

  /// The statement to run after \p S completes normally, or null when the
  /// path ended (R is set).
  const Stmt *next(const Stmt *S) {
    while (true) {
      const Stmt *P = parent(S);
      if (!P)
        return stop(PathEnd::Returns, S), nullptr; // fell off the function
      if (const auto *CS = dyn_cast<CompoundStmt>(P)) {
        bool Found = false;
        for (const Stmt *C : CS->body()) {
          if (Found)
            return C;
          Found = C == S;
        }
        S = P;
        continue;
      }
      if (const auto *If = dyn_cast<IfStmt>(P)) {
        if (S == If->getThen() || S == If->getElse()) {
          S = P;
          continue;
        }
        return stop(PathEnd::Unknown, P), nullptr;
      }
      if (isa<WhileStmt>(P) || isa<DoStmt>(P) || isa<ForStmt>(P) ||
          isa<CXXForRangeStmt>(P))
        return backEdge(P, S, RetryVia::LoopEnd);
      if (isa<SwitchCase>(P) || isa<LabelStmt>(P) || isa<AttributedStmt>(P) ||
          isa<SwitchStmt>(P)) {
        S = P;
        continue;
      }
      return stop(PathEnd::Unknown, P), nullptr;
    }
  }

  const Stmt *loopCond(const Stmt *Loop) const {
    if (const auto *W = dyn_cast<WhileStmt>(Loop))
      return W->getCond();
    if (const auto *D = dyn_cast<DoStmt>(Loop))
      return D->getCond();
    if (const auto *Fo = dyn_cast<ForStmt>(Loop))
      return Fo->getCond();
    return nullptr;
  }

  /// A wait in \p Fn's body from \p From up to \p To (a stretch of a loop,
  /// a condition, or from a label to the call): a binary
  /// search in the function's waits, found once (a function with ten
  /// thousand backward gotos asks ten thousand times).
  bool hasWaitBetween(SourceLocation From, SourceLocation To) {
    const SourceManager &SM = Ctx.getSourceManager();
    llvm::ArrayRef<SourceLocation> Waits = F.waitLocs(Fn);
    SourceLocation FromL = SM.getExpansionLoc(From);
    SourceLocation ToL = SM.getExpansionLoc(To);
    const SourceLocation *First =
        std::partition_point(Waits.begin(), Waits.end(), [&](SourceLocation L) {
          return SM.isBeforeInTranslationUnit(L, FromL);
        });
    return First != Waits.end() && SM.isBeforeInTranslationUnit(*First, ToL);
  }

  /// Control reaches the end of \p Loop's body (or a continue in it).
  const Stmt *backEdge(const Stmt *Loop, const Stmt *From, RetryVia Via) {
    if (!contains(Loop, Call)) {
      // A loop entered on the path: only `do { } while (0)` is followed.
      if (const auto *D = dyn_cast<DoStmt>(Loop))
        if (cond(D->getCond()) == Tri::False)
          return next(Loop);
      return stop(PathEnd::Unknown, Loop), nullptr;
    }
    if (const auto *Fo = dyn_cast<ForStmt>(Loop))
      if (Fo->getInc() && expr(Fo->getInc()))
        return nullptr;
    // A wait before the call in the loop, or in its condition.
    if (hasWaitBetween(Loop->getBeginLoc(), Call->getBeginLoc()))
      return stop(PathEnd::Waits, Loop), nullptr;
    const Stmt *CondS = loopCond(Loop);
    const auto *Cond = dyn_cast_or_null<Expr>(CondS);
    if (Cond && hasWaitBetween(Cond->getBeginLoc(),
                               Cond->getEndLoc().getLocWithOffset(1)))
      return stop(PathEnd::Waits, Cond), nullptr;
    if (isa<CXXForRangeStmt>(Loop))
      return stop(PathEnd::Unknown, Loop), nullptr;
    bool Retry = false;
    if (!Cond) {
      Retry = true;
    } else if (contains(Cond, Call)) {
      Retry = true;
      Via = RetryVia::Condition;
    } else {
      // A loop that makes progress on this path (a counter, a bound) is
      // not a spin on the same call.
      for (const VarDecl *V : Modified)
        if (mentionsVar(Cond, V))
          return stop(PathEnd::Unknown, Loop), nullptr;
      for (const FieldDecl *FD : ModifiedFields)
        if (mentionsField(Cond, FD))
          return stop(PathEnd::Unknown, Loop), nullptr;
      if (counts(Cond))
        return stop(PathEnd::Unknown, Loop), nullptr;
      Tri T = loopCond(Cond);
      if (T == Tri::False)
        return next(Loop);
      if (T == Tri::Unknown && dependsOnFailure(Cond))
        return stop(PathEnd::Unknown, Loop), nullptr;
      if (T == Tri::True && dependsOnFailure(Cond)) {
        Via = RetryVia::Condition; // `do { ... } while (errno == EAGAIN)`
        From = Cond;
      }
      Retry = true;
    }
    if (Retry) {
      R.Loop = Loop;
      R.Via = Via;
      stop(PathEnd::Retries, From);
    }
    return nullptr;
  }

  static bool mentionsField(const Stmt *S, const FieldDecl *F) {
    return anyNode(S, [F](const Stmt *N) {
      const auto *ME = dyn_cast<MemberExpr>(N);
      return ME && ME->getMemberDecl() == F;
    });
  }

  /// Records what \p S assigns or counts (before the walk: the call's own
  /// statement, `recv(fds[i++], ...)`).
  void noteModified(const Stmt *S) {
    findStmt(S, [&](const Stmt *N) {
      const Expr *Target = nullptr;
      if (const auto *U = dyn_cast<UnaryOperator>(N);
          U && U->isIncrementDecrementOp())
        Target = U->getSubExpr();
      if (const auto *B = dyn_cast<BinaryOperator>(N);
          B && B->isAssignmentOp())
        Target = B->getLHS();
      if (const auto *C = dyn_cast<CallExpr>(N))
        noteModifiedThrough(C);
      if (Target)
        noteTarget(Target);
      return false; // every statement under S
    });
  }

  void noteTarget(const Expr *Target) {
    Target = Target->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Target)) {
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()); V && V != ResultVar)
        Modified.insert(V);
    } else if (const auto *ME = dyn_cast<MemberExpr>(Target)) {
      if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        ModifiedFields.insert(F);
    }
  }

  /// A call may change what it is given the address of (`bump(&tries)`),
  /// or a variable bound to a non-const reference parameter.
  void noteModifiedThrough(const CallExpr *C) {
    const FunctionDecl *FD = C->getDirectCallee();
    for (unsigned I = 0; I < C->getNumArgs(); ++I) {
      const Expr *A = C->getArg(I)->IgnoreParenCasts();
      if (const auto *U = dyn_cast<UnaryOperator>(A);
          U && U->getOpcode() == UO_AddrOf) {
        noteTarget(U->getSubExpr());
        continue;
      }
      if (FD && I < FD->getNumParams()) {
        QualType T = FD->getParamDecl(I)->getType();
        if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
          noteTarget(A);
      }
    }
  }

  static bool mentionsVar(const Stmt *S, const VarDecl *V) {
    return anyNode(S, [V](const Stmt *N) {
      const auto *DRE = dyn_cast<DeclRefExpr>(N);
      return DRE && DRE->getDecl() == V;
    });
  }

  const Stmt *innermost(const Stmt *S, bool Switches) const {
    for (const Stmt *P = parent(S); P; P = parent(P))
      if (isa<WhileStmt>(P) || isa<DoStmt>(P) || isa<ForStmt>(P) ||
          isa<CXXForRangeStmt>(P) || (Switches && isa<SwitchStmt>(P)))
        return P;
    return nullptr;
  }

  /// Runs \p S; returns the next statement, or null when the path ended.
  const Stmt *step(const Stmt *S) {
    if (--Budget == 0)
      return stop(PathEnd::Unknown, S), nullptr;
    if (const auto *CS = dyn_cast<CompoundStmt>(S))
      return CS->body_empty() ? next(S) : CS->body_front();
    if (isa<NullStmt>(S))
      return next(S);
    if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
      if (expr(RS->getRetValue()))
        return nullptr;
      return stop(PathEnd::Returns, RS), nullptr;
    }
    if (const auto *BS = dyn_cast<BreakStmt>(S)) {
      const Stmt *Target = innermost(BS, true);
      return Target ? next(Target) : (stop(PathEnd::Unknown, BS), nullptr);
    }
    if (const auto *CS = dyn_cast<ContinueStmt>(S)) {
      const Stmt *Loop = innermost(CS, false);
      return Loop ? backEdge(Loop, CS, RetryVia::Continue)
                  : (stop(PathEnd::Unknown, CS), nullptr);
    }
    if (const auto *GS = dyn_cast<GotoStmt>(S)) {
      const LabelStmt *L = GS->getLabel()->getStmt();
      if (!L)
        return stop(PathEnd::Unknown, GS), nullptr;
      const SourceManager &SM = Ctx.getSourceManager();
      if (SM.isBeforeInTranslationUnit(
              SM.getExpansionLoc(L->getBeginLoc()),
              SM.getExpansionLoc(Call->getBeginLoc()))) {
        if (hasWaitBetween(L->getBeginLoc(),
                           Call->getBeginLoc()))
          return stop(PathEnd::Waits, L), nullptr;
        R.Via = RetryVia::Goto;
        R.Loop = nullptr;
        return stop(PathEnd::Retries, GS), nullptr;
      }
      return L;
    }
    if (const auto *LS = dyn_cast<LabelStmt>(S))
      return LS->getSubStmt();
    if (const auto *SC = dyn_cast<SwitchCase>(S))
      return SC->getSubStmt();
    if (const auto *AS = dyn_cast<AttributedStmt>(S))
      return AS->getSubStmt();
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      if (If->getInit() && simple(If->getInit()))
        return nullptr;
      if (const DeclStmt *DS = If->getConditionVariableDeclStmt())
        if (declStmt(DS))
          return nullptr;
      InCondition = true;
      bool Ended = expr(If->getCond());
      InCondition = false;
      if (Ended)
        return nullptr;
      return branch(If, ifCond(If->getCond()));
    }
    if (const auto *Sw = dyn_cast<SwitchStmt>(S))
      return switchStmt(Sw);
    if (const auto *D = dyn_cast<DoStmt>(S))
      return D->getBody();
    if (isa<WhileStmt>(S) || isa<ForStmt>(S) || isa<CXXForRangeStmt>(S)) {
      if (inert(S))
        return next(S);
      // A loop on the way that only does local work (a cleanup loop that
      // frees buffers before the close): it may run or not, and the path
      // goes on after it either way. One that returns, jumps out, waits,
      // does not return, or tests the failure decides the path itself.
      if (!dependsOnFailure(S) && !findStmt(S, [&](const Stmt *N) {
            if (isa<ReturnStmt>(N) || isa<GotoStmt>(N) ||
                isa<CXXThrowExpr>(N) || isa<IndirectGotoStmt>(N))
              return true;
            const auto *C = dyn_cast<CallExpr>(N);
            const FunctionDecl *FD = C ? C->getDirectCallee() : nullptr;
            return C && (!FD || FD->isNoReturn() || F.Waits.isWait(FD));
          })) {
        noteModified(S);
        return next(S);
      }
      return stop(PathEnd::Unknown, S), nullptr;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      return declStmt(DS) ? nullptr : next(S);
    if (const auto *E = dyn_cast<Expr>(S))
      return expr(E) ? nullptr : next(S);
    return stop(PathEnd::Unknown, S), nullptr;
  }

  const Stmt *branch(const IfStmt *If, Tri T) {
    if (T == Tri::True)
      return If->getThen();
    if (T == Tri::False)
      return If->getElse() ? If->getElse() : next(If);
    if (!dependsOnFailure(If->getCond()) && inert(If->getThen()) &&
        inert(If->getElse())) {
      // Either branch may run: what they change counts as changed (a loop
      // that moves on, `if (st) st = st->next;`, makes progress).
      noteModified(If->getThen());
      noteModified(If->getElse());
      return next(If);
    }
    return stop(PathEnd::Unknown, If), nullptr;
  }

  const Stmt *switchStmt(const SwitchStmt *Sw) {
    Val V = eval(Sw->getCond());
    if (V.K != Val::Errno && V.K != Val::SslErr) {
      if (inert(Sw))
        return next(Sw);
      return stop(PathEnd::Unknown, Sw), nullptr;
    }
    const SwitchCase *Match = nullptr, *Default = nullptr;
    for (const SwitchCase *SC = Sw->getSwitchCaseList(); SC;
         SC = SC->getNextSwitchCase()) {
      if (const auto *CS = dyn_cast<CaseStmt>(SC)) {
        auto C = spelledErrnoConst(CS->getLHS(), Ctx);
        if (C && (bit(*C) & hypothesisMask()))
          R.Tested = true;
        if (C && matchesHypothesis(*C))
          Match = SC;
      } else {
        Default = SC;
      }
    }
    if (!Match)
      Match = Default;
    R.Branched = true;
    return Match ? Match : next(Sw);
  }

  /// The statement that holds the call: where the walk starts.
  const Stmt *start() {
    const Stmt *S = Call;
    const Stmt *P = parent(S);
    while (P && isa<Expr>(P)) {
      S = P;
      P = parent(P);
    }
    if (!P)
      return stop(PathEnd::Unknown, Call), nullptr;
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
    noteModified(S);
    // Uses in the same expression (`off += read(...)`).
    for (const Stmt *U = Call; U != S; U = parent(U))
      if (const auto *E = dyn_cast<Expr>(U); E && usedAsCount(E))
        return stop(PathEnd::UsedAsCount, E), nullptr;

    if (const auto *If = dyn_cast<IfStmt>(P); If && S == If->getCond())
      return branch(If, ifCond(If->getCond()));
    if (const auto *W = dyn_cast<WhileStmt>(P); W && S == W->getCond()) {
      Tri T = loopCond(W->getCond());
      if (T == Tri::True)
        return W->getBody();
      if (T == Tri::False)
        return next(W);
      return stop(PathEnd::Unknown, W), nullptr;
    }
    if (const auto *D = dyn_cast<DoStmt>(P); D && S == D->getCond()) {
      Tri T = loopCond(D->getCond());
      if (T == Tri::True) {
        R.Loop = D;
        R.Via = RetryVia::Condition;
        if (hasWaitBetween(D->getBeginLoc(), Call->getBeginLoc()))
          return stop(PathEnd::Waits, D), nullptr;
        return stop(PathEnd::Retries, D->getCond()), nullptr;
      }
      if (T == Tri::False)
        return next(D);
      return stop(PathEnd::Unknown, D), nullptr;
    }
    if (const auto *Fo = dyn_cast<ForStmt>(P); Fo && S == Fo->getCond()) {
      Tri T = loopCond(Fo->getCond());
      if (T == Tri::True)
        return Fo->getBody();
      if (T == Tri::False)
        return next(Fo);
      return stop(PathEnd::Unknown, Fo), nullptr;
    }
    if (isa<ReturnStmt>(P))
      return stop(PathEnd::Returns, P), nullptr;
    if (isa<SwitchStmt>(P))
      return stop(PathEnd::Unknown, P), nullptr;
    if (isa<CompoundStmt>(P) || isa<SwitchCase>(P) || isa<LabelStmt>(P) ||
        isa<DeclStmt>(S))
      return next(S);
    if (const auto *If = dyn_cast<IfStmt>(P);
        If && (S == If->getThen() || S == If->getElse()))
      return next(S);
    if (isa<WhileStmt>(P) || isa<DoStmt>(P) || isa<ForStmt>(P))
      return next(S);
    return stop(PathEnd::Unknown, S), nullptr;
  }

  FailurePath run() {
    for (const Stmt *S = start(); S; S = step(S)) {
    }
    return R;
  }
};

FailurePath FailurePathFinder::follow(const CallExpr *Call, const Expr *Fd,
                                      const FunctionDecl *Fn, Hypothesis H,
                                      bool Optimistic,
                                      llvm::ArrayRef<const Decl *> FdOwners) {
  if (!Fn || !Fn->getBody())
    return {};
  Walk W(*this, Call, Fd, Fn, H);
  W.Optimistic = Optimistic;
  W.FdOwners = FdOwners;
  return W.run();
}

} // namespace clang::tidy::nbio
