//===--- FreshConnections.cpp - Writes into an empty send buffer ----------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "FreshConnections.h"
#include "FunctionCfgs.h"
#include "IoCalls.h"
#include "NonBlockingFdAnalysis.h"
#include "StmtSearch.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <limits>
#include <optional>
#include <vector>

namespace clang::tidy::nbio {

namespace {

/// What the descriptor's send buffer may hold at a point, counted as each
/// write's bytes plus WriteAllowance: the first writes of an accepted
/// connection go into an empty buffer. Linux gives a TCP socket's buffer at
/// least 4096 bytes (net.ipv4.tcp_wmem's minimum; setsockopt(SO_SNDBUF)
/// cannot go below that either) and an AF_UNIX one more; the BSDs start
/// larger. A quarter of the smallest is taken whole whatever the kernel's
/// own bookkeeping of the buffer costs.
constexpr unsigned FreshBufferBudget = 1024;
/// Each write may start a buffer of its own in the kernel (an skb on
/// Linux), whose bookkeeping the send buffer's limit counts too.
constexpr unsigned WriteAllowance = 128;
/// Not a fresh connection on some path (or more written than the budget).
constexpr unsigned NotFresh = std::numeric_limits<unsigned>::max();

bool refersTo(const Expr *E, const VarDecl *V) {
  const auto *DRE = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()) : nullptr;
  return DRE && DRE->getDecl()->getCanonicalDecl() == V;
}

bool mentions(const Stmt *S, const VarDecl *V) {
  return findStmt(S, [&](const Stmt *N) {
           const auto *DRE = dyn_cast<DeclRefExpr>(N);
           return DRE && DRE->getDecl()->getCanonicalDecl() == V;
         }) != nullptr;
}

bool isAccept(const Expr *E) {
  const auto *C = E ? dyn_cast<CallExpr>(E->IgnoreParenCasts()) : nullptr;
  llvm::StringRef N = C ? globalCalleeName(C) : "";
  return N == "accept" || N == "accept4";
}

/// The variable a handle expression names (`(uv_stream_t *)&peer`, `&c->h`
/// gives none): libuv's uv_accept and uv_fileno are matched by it.
const VarDecl *handleVar(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_AddrOf)
    E = U->getSubExpr()->IgnoreParenCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return V ? V->getCanonicalDecl() : nullptr;
}

/// Library calls that take a descriptor and never write data on it (its
/// mode, options, addresses; registering it with an event loop).
bool takesWithoutWriting(llvm::StringRef N) {
  return llvm::is_contained({"fcntl", "ioctl", "setsockopt", "getsockopt",
                             "getsockname", "getpeername", "shutdown", "close",
                             "epoll_ctl", "uv_poll_init", "uv_poll_init_socket",
                             "uv_fileno", "uv_tcp_open", "uv_pipe_open"},
                            N);
}

/// A library's function (declared in a system header), or libuv's, which a
/// project may build from its own tree (node's copy, libuv's own tests).
bool libraryCall(const FunctionDecl *FD, const SourceManager &SM) {
  return SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())) ||
         (FD->getIdentifier() && FD->getName().starts_with("uv_"));
}

/// `R < 0`, `R == -1`, `R <= 0` (true side) or `R > 0`, `R >= 0`,
/// `R != -1` (false side): on that side the write whose result R holds
/// wrote nothing. The variable and the side, if \p Cond is such a test.
std::optional<std::pair<const VarDecl *, bool>>
failureTest(const Expr *Cond, const ASTContext &Ctx) {
  const auto *B =
      Cond ? dyn_cast<BinaryOperator>(Cond->IgnoreParenImpCasts()) : nullptr;
  if (!B || !B->isComparisonOp())
    return std::nullopt;
  BinaryOperatorKind Op = B->getOpcode();
  const Expr *L = B->getLHS()->IgnoreParenImpCasts();
  const Expr *R = B->getRHS()->IgnoreParenImpCasts();
  if (!isa<DeclRefExpr>(L)) {
    std::swap(L, R);
    Op = BinaryOperator::reverseComparisonOp(Op);
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(L);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  Expr::EvalResult K;
  if (!V || R->isValueDependent() || !R->EvaluateAsInt(K, Ctx))
    return std::nullopt;
  int64_t C = K.Val.getInt().getExtValue();
  V = V->getCanonicalDecl();
  if ((Op == BO_LT && C == 0) || (Op == BO_LE && C == 0) ||
      (Op == BO_EQ && C == -1))
    return std::make_pair(V, true);
  if ((Op == BO_GT && C == 0) || (Op == BO_GE && C == 0) ||
      (Op == BO_NE && C == -1))
    return std::make_pair(V, false);
  return std::nullopt;
}

class Counter {
public:
  Counter(NonBlockingFdAnalysis &A, const FunctionDecl *Fn, const Expr *Fd,
          const VarDecl *V)
      : A(A), Ctx(A.context()), SM(Ctx.getSourceManager()), Fn(Fn), Fd(Fd),
        V(V), Cfg(A.functionCfgs().of(Fn)) {}

  /// What the buffer may hold just before \p Call, or NotFresh.
  unsigned before(const CallExpr *Call) {
    if (!Cfg)
      return NotFresh;
    std::optional<FunctionCfgs::Cfg::Place> At = Cfg->place(Call);
    if (!At || At->Label)
      return NotFresh;
    scan();
    solve();
    const CFGBlock *B = Cfg->Blocks[At->Block];
    if (!In[At->Block])
      return NotFresh; // unreachable from the entry
    unsigned S = *In[At->Block];
    unsigned I = 0;
    for (const CFGElement &E : *B) {
      if (I++ == At->Index)
        break;
      if (auto CS = E.getAs<CFGStmt>())
        S = transfer(CS->getStmt(), S);
    }
    return S;
  }

  /// The cost of a write of a constant length on the descriptor, or none.
  std::optional<unsigned> cost(const CallExpr *C) const {
    const IoCallInfo *Info = lookupIoCall(C);
    if (!Info || Info->Family != IoFamily::Plain ||
        Info->Dir != Direction::Write || !Info->ReadIf.empty())
      return std::nullopt;
    if (!llvm::is_contained({"write", "send", "sendto"}, Info->Name) ||
        C->getNumArgs() < 3)
      return std::nullopt;
    Expr::EvalResult K;
    const Expr *Len = C->getArg(2);
    if (Len->isValueDependent() || !Len->EvaluateAsInt(K, Ctx))
      return std::nullopt;
    llvm::APSInt N = K.Val.getInt();
    if (N.isNegative() || N.getActiveBits() > 16)
      return std::nullopt;
    return unsigned(N.getZExtValue()) + WriteAllowance;
  }

private:
  /// What the function does once, before the walk: whether the
  /// descriptor's value is copied elsewhere (then a call of the project's
  /// may write on it unseen), libuv's accepts by handle, and which result
  /// variables hold only one write's result.
  void scan() {
    if (Scanned)
      return;
    Scanned = true;
    Escapes = V->hasGlobalStorage();
    findStmt(Fn->getBody(), [&](const Stmt *S) {
      const Expr *To = nullptr, *From = nullptr;
      if (const auto *B = dyn_cast<BinaryOperator>(S);
          B && B->isAssignmentOp()) {
        To = B->getLHS();
        From = B->getOpcode() == BO_Assign ? B->getRHS() : nullptr;
        if (refersTo(B->getRHS(), V) && !refersTo(To, V))
          Escapes = true;
      } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
        for (const Decl *Dl : DS->decls())
          if (const auto *D = dyn_cast<VarDecl>(Dl); D && D->getInit()) {
            if (refersTo(D->getInit(), V) && D->getCanonicalDecl() != V)
              Escapes = true;
            noteWrite(DS, D->getCanonicalDecl(), D->getInit());
          }
      } else if (const auto *IL = dyn_cast<InitListExpr>(S)) {
        for (const Expr *I : IL->inits())
          if (refersTo(I, V))
            Escapes = true;
      } else if (const auto *U = dyn_cast<UnaryOperator>(S);
                 U &&
                 (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)) {
        To = U->getSubExpr();
      } else if (const auto *C = dyn_cast<CallExpr>(S);
                 C && globalCalleeName(C) == "uv_accept" &&
                 C->getNumArgs() == 2) {
        if (const VarDecl *H = handleVar(C->getArg(1)))
          Accepts[H].push_back(C);
      }
      if (const auto *DRE =
              To ? dyn_cast<DeclRefExpr>(To->IgnoreParenCasts()) : nullptr)
        if (const auto *R = dyn_cast<VarDecl>(DRE->getDecl()))
          noteWrite(S, R->getCanonicalDecl(), From);
      return false;
    });
  }

  /// \p S stores \p From (null: something else) in \p R.
  void noteWrite(const Stmt *S, const VarDecl *R, const Expr *From) {
    const auto *C =
        From ? dyn_cast<CallExpr>(From->IgnoreParenCasts()) : nullptr;
    Stores &St = Results[R];
    St.Defs.push_back(S);
    St.Writes.push_back(C && cost(C) && sameFd(C) ? C : nullptr);
  }

  bool sameFd(const CallExpr *C) const {
    const IoCallInfo *Info = lookupIoCall(C);
    return Info && Info->FdArg < C->getNumArgs() &&
           NonBlockingFdAnalysis::sameDescriptor(C->getArg(Info->FdArg), Fd);
  }

  /// The buffer after \p S runs, from \p In before it.
  unsigned transfer(const Stmt *S, unsigned In) {
    if (const auto *B = dyn_cast<BinaryOperator>(S);
        B && B->isAssignmentOp() && refersTo(B->getLHS(), V))
      return B->getOpcode() == BO_Assign && isAccept(B->getRHS()) ? 0
                                                                  : NotFresh;
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D);
            VD && VD->getCanonicalDecl() == V)
          return isAccept(VD->getInit()) ? 0 : NotFresh;
      return In;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(S);
        U && (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf) &&
        refersTo(U->getSubExpr(), V))
      return NotFresh;
    const auto *C = dyn_cast<CallExpr>(S);
    if (!C)
      return In;
    return call(C, In);
  }

  unsigned call(const CallExpr *C, unsigned In) {
    llvm::StringRef N = globalCalleeName(C);
    // libuv hands over an accepted connection's descriptor by its handle.
    if (N == "uv_fileno" && C->getNumArgs() == 2) {
      const auto *U = dyn_cast<UnaryOperator>(C->getArg(1)->IgnoreParenCasts());
      if (U && U->getOpcode() == UO_AddrOf && refersTo(U->getSubExpr(), V)) {
        const VarDecl *H = handleVar(C->getArg(0));
        auto It = H ? Accepts.find(H) : Accepts.end();
        bool Accepted = It != Accepts.end() &&
                        llvm::any_of(It->second, [&](const CallExpr *Acc) {
                          return A.functionCfgs().dominates(Fn, Acc, C);
                        });
        return Accepted ? 0 : NotFresh;
      }
    }
    if (In == NotFresh)
      return In;
    if (const IoCallInfo *Info = lookupIoCall(C)) {
      if (Info->Dir == Direction::Read && Info->ReadIf.empty())
        return In;
      bool Same = sameFd(C);
      if (Info->Family == IoFamily::Plain && !Same && !mentions(C, V))
        return In; // another descriptor's write
      std::optional<unsigned> Cost = Same ? cost(C) : std::nullopt;
      if (!Cost || In + *Cost > FreshBufferBudget)
        return NotFresh;
      return In + *Cost;
    }
    // A call the analysis reads as setting the descriptor's mode (the
    // project's set_nonblocking(fd)) does no I/O on it.
    if (A.setsModeBy(C, Fd, Fn))
      return In;
    const FunctionDecl *FD = C->getDirectCallee();
    if (FD && libraryCall(FD, SM)) {
      // libuv's own writes go through the handle, not the descriptor.
      if (N.starts_with("uv_") && (N.contains("write") || N.contains("send")))
        return NotFresh;
      if (takesWithoutWriting(N) || !mentions(C, V))
        return In;
      return NotFresh;
    }
    // One of the project's functions (or a pointer's): it may write on the
    // descriptor if it can reach it.
    return Escapes || mentions(C, V) ? NotFresh : In;
  }

  /// The buffer on block \p B's successor \p Succ: on the side of a test
  /// where a write's result says it wrote nothing (`r < 0`, the retry of
  /// an EINTR loop), that write's cost comes off again.
  unsigned edge(const CFGBlock &B, unsigned Succ, unsigned Out) {
    if (Out == NotFresh)
      return Out;
    const Expr *Cond = B.getLastCondition();
    auto T = failureTest(Cond, Ctx);
    if (!T || T->second != (Succ == 0))
      return Out;
    auto It = Results.find(T->first);
    if (It == Results.end())
      return Out;
    // The write whose result the variable holds there: the last store to
    // it on every path to the test.
    Stores &St = It->second;
    if (!St.Last)
      St.Last.emplace(A.functionCfgs(), Fn, St.Defs);
    llvm::SmallVector<unsigned, 2> LastDefs;
    bool FromEntry = false;
    if (!St.Last->valid() || !St.Last->at(Cond, LastDefs, FromEntry) ||
        FromEntry || LastDefs.size() != 1 || !St.Writes[LastDefs[0]])
      return Out;
    unsigned Cost = *cost(St.Writes[LastDefs[0]]);
    return Out >= Cost ? Out - Cost : Out;
  }

  /// Where block \p B's successor \p Succ leads when \p B decides a
  /// logical operator's value on that edge (`a` false in `a && b`): the CFG
  /// first joins both ways of the operator in a block that only branches on
  /// its value (a loop's `while (r < 0 && errno == EINTR)`), which would
  /// mix the side that leaves the loop into the one that goes round.
  static const CFGBlock *shortCircuit(const CFGBlock &B, unsigned Index,
                                      const CFGBlock *Succ) {
    const auto *Op = dyn_cast_or_null<BinaryOperator>(B.getTerminatorStmt());
    while (Op && Op->isLogicalOp() && Succ && Succ->size() == 1 &&
           Succ->getLastCondition() == Op && Succ->succ_size() == 2) {
      // `a && b` is false when a is (the second successor), `a || b` true
      // when a is (the first).
      bool Decided = Op->getOpcode() == BO_LAnd ? Index == 1 : Index == 0;
      if (!Decided)
        break;
      Index = Op->getOpcode() == BO_LAnd ? 1 : 0;
      const CFGBlock *Next = *(Succ->succ_begin() + Index);
      // The joined value decides an outer operator in turn (`(a && b) &&
      // c`).
      Op = dyn_cast_or_null<BinaryOperator>(Succ->getTerminatorStmt());
      Succ = Next;
    }
    return Succ;
  }

  /// To the fixpoint: the largest amount on any path, each block's value
  /// growing only until it passes the budget (then NotFresh).
  void solve() {
    if (Solved)
      return;
    Solved = true;
    unsigned NB = Cfg->G->getNumBlockIDs();
    In.assign(NB, std::nullopt);
    const CFGBlock &Entry = Cfg->G->getEntry();
    In[Entry.getBlockID()] = NotFresh;
    std::vector<const CFGBlock *> Work{&Entry};
    while (!Work.empty()) {
      const CFGBlock *B = Work.back();
      Work.pop_back();
      unsigned S = *In[B->getBlockID()];
      for (const CFGElement &E : *B)
        if (auto CS = E.getAs<CFGStmt>())
          S = transfer(CS->getStmt(), S);
      unsigned I = 0;
      for (const CFGBlock *Succ : B->succs()) {
        unsigned Index = I++;
        if (!Succ)
          continue;
        unsigned Held = edge(*B, Index, S);
        Succ = shortCircuit(*B, Index, Succ);
        if (!Succ)
          continue;
        std::optional<unsigned> &SI = In[Succ->getBlockID()];
        if (SI && *SI >= Held)
          continue;
        SI = Held;
        Work.push_back(Succ);
      }
    }
  }

  NonBlockingFdAnalysis &A;
  ASTContext &Ctx;
  const SourceManager &SM;
  const FunctionDecl *Fn;
  const Expr *Fd;
  const VarDecl *V;
  const FunctionCfgs::Cfg *Cfg;
  bool Scanned = false, Solved = false, Escapes = false;
  /// uv_accept calls by the handle variable they fill.
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const CallExpr *, 1>>
      Accepts;
  /// The stores to a variable: each one's statement, and the counted
  /// write whose result it stores (null: another value).
  struct Stores {
    std::vector<const Stmt *> Defs;
    std::vector<const CallExpr *> Writes;
    std::optional<FunctionCfgs::LastOnPaths> Last;
  };
  llvm::DenseMap<const VarDecl *, Stores> Results;
  /// Before each block, the largest amount on any path; none: no path yet.
  std::vector<std::optional<unsigned>> In;
};

} // namespace

bool writesIntoFreshConnection(NonBlockingFdAnalysis &A, const CallExpr *Call,
                               const IoCallInfo &Info, const Expr *Fd,
                               const FunctionDecl *Fn) {
  const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
  const auto *DRE =
      Fd ? dyn_cast<DeclRefExpr>(Fd->IgnoreParenCasts()) : nullptr;
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!Def || !Def->getBody() || !V || isa<ParmVarDecl>(V) ||
      Info.Dir != Direction::Write)
    return false;
  Counter C(A, Def, Fd, V->getCanonicalDecl());
  std::optional<unsigned> Own = C.cost(Call);
  if (!Own)
    return false;
  unsigned Before = C.before(Call);
  return Before != NotFresh && Before + *Own <= FreshBufferBudget;
}

} // namespace clang::tidy::nbio
