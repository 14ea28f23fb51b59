//===--- ReadinessWaits.cpp - Calls made once their descriptor is ready --===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "ReadinessWaits.h"
#include "EventHandlers.h"
#include "NonBlockingFdAnalysis.h"
#include "StmtSearch.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::nbio {

static bool isPollFdRecord(QualType T) {
  const auto *RD = T->getAsRecordDecl();
  return RD && RD->getName() == "pollfd";
}

/// \p Fn names the descriptor \p Id, on every path to \p At, where it
/// asks for its readiness: in a `struct pollfd` (`{fd, POLLIN, 0}`,
/// `p.fd = fd`), or in FD_SET/FD_ISSET. A wait on another descriptor (the
/// listening socket before accept) says nothing about this one, nor does
/// one on a branch the call can be reached without, or one after the call
/// (in a loop, the next round's wait is not this round's).
bool ReadinessWaits::asksReadinessOf(const FunctionDecl *Fn, const Stmt *At,
                                     llvm::ArrayRef<const Decl *> Ids) {
  // No name for the descriptor: nothing to look for, and no scan of the
  // function's body.
  if (Ids.empty())
    return false;
  return namedOnEveryPath(scan(Fn).Asked, At, Ids);
}

/// \p Fn tests one of \p Ids in a ready set (`FD_ISSET(fd, &rset)`) on
/// every path to \p At: the set is select()'s answer, whether the select
/// is the C library's or a project's wrapper of it (dante's selectn), as
/// for a caller's test below.
bool ReadinessWaits::testsReadySet(const FunctionDecl *Fn, const Stmt *At,
                                   llvm::ArrayRef<const Decl *> Ids) {
  if (Ids.empty())
    return false;
  const FunctionAsks &Asks = scan(Fn);
  if (!namedOnEveryPath(Asks.ReadySet, At, Ids))
    return false;
  // Run on the way is not enough (`if (FD_ISSET(fd, &r)) ready = 1;`
  // before the read): the test must guard \p At, which is in the branch
  // it takes when the descriptor is ready, or after a branch that leaves
  // when it is not (`if (!FD_ISSET(fd, &r)) continue;`).
  const FunctionParents::Map &PM = A.functionParents().of(Fn);
  auto Within = [&](const Stmt *Inner, const Stmt *Outer) {
    for (const Stmt *S = Inner; S; S = PM.getParent(S))
      if (S == Outer)
        return true;
    return false;
  };
  auto Leaves = [](const Stmt *S) {
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(S);
        CS && CS->size() == 1)
      S = CS->body_front();
    return isa_and_nonnull<ContinueStmt, ReturnStmt, BreakStmt, GotoStmt>(S);
  };
  for (const Decl *D : Ids) {
    auto F = Asks.ReadySetPlaces.find(D);
    if (F == Asks.ReadySetPlaces.end())
      continue;
    for (const Stmt *E : F->second) {
      bool Negated = false;
      const Stmt *Child = E;
      for (const Stmt *P = PM.getParent(E); P; Child = P, P = PM.getParent(P)) {
        if (const auto *U = dyn_cast<UnaryOperator>(P);
            U && U->getOpcode() == UO_LNot)
          Negated = !Negated;
        if (const auto *If = dyn_cast<IfStmt>(P)) {
          if (Child != If->getCond())
            break;
          if (!Negated && Within(At, If->getThen()))
            return true;
          if (Negated && Leaves(If->getThen()))
            return true;
          break;
        }
        if (!isa<Expr>(P))
          break;
      }
    }
  }
  return false;
}

bool ReadinessWaits::namedOnEveryPath(const PlacesByFd &Places, const Stmt *At,
                                      llvm::ArrayRef<const Decl *> Ids) {
  return llvm::any_of(Ids, [&](const Decl *D) {
    auto F = Places.find(D);
    return F != Places.end() && F->second->at(At);
  });
}

/// Where \p Fn asks about each descriptor, found in one walk (a function
/// with thousands of reads asks thousands of times).
const ReadinessWaits::FunctionAsks &
ReadinessWaits::scan(const FunctionDecl *Fn) {
  auto [It, New] = ReadinessAsked.try_emplace(Fn);
  FunctionAsks &Out = It->second;
  if (!New)
    return Out;
  ASTContext &Ctx = A.context();
  llvm::DenseMap<const Decl *, std::vector<const Stmt *>> Places, ReadySet;
  const FunctionParents::Map &PM = A.functionParents().of(Fn);
  // How \p E asks: in FD_ISSET (a ready set's test), in FD_SET or a
  // pollfd (asking only), or not at all.
  enum class Ask { None, Asks, TestsReadySet };
  auto Asks = [&](const Expr *E) {
    if (E->getBeginLoc().isMacroID()) {
      auto Chain = macroChain(E->getBeginLoc(), Ctx);
      if (llvm::is_contained(Chain, "FD_ISSET"))
        return Ask::TestsReadySet;
      if (llvm::is_contained(Chain, "FD_SET"))
        return Ask::Asks;
    }
    // Up through the expression: a pollfd's initialiser or its .fd. The
    // descriptor sits there as itself or under a cast or two: a bound
    // on the climb, so that a deep expression costs no more per node.
    constexpr unsigned MaxClimb = 4;
    const Stmt *Child = E;
    unsigned Steps = 0;
    for (const Stmt *P = PM.getParent(E); P && isa<Expr>(P) && Steps < MaxClimb;
         Child = P, P = PM.getParent(P), ++Steps) {
      if (const auto *IL = dyn_cast<InitListExpr>(P))
        return isPollFdRecord(IL->getType()) ? Ask::Asks : Ask::None;
      if (const auto *B = dyn_cast<BinaryOperator>(P);
          B && B->getOpcode() == BO_Assign && B->getRHS() == Child)
        if (const auto *ME =
                dyn_cast<MemberExpr>(B->getLHS()->IgnoreParenImpCasts()))
          return ME->getMemberDecl()->getName() == "fd" &&
                         isPollFdRecord(
                             ME->getBase()->getType()->isPointerType()
                                 ? ME->getBase()->getType()->getPointeeType()
                                 : ME->getBase()->getType())
                     ? Ask::Asks
                     : Ask::None;
    }
    return Ask::None;
  };
  findStmt(Fn->getBody(), [&](const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    if (!E || !(isa<DeclRefExpr>(E) || isa<MemberExpr>(E)))
      return false;
    const Decl *D = fdIdentity(E);
    if (!D)
      return false;
    Ask K = Asks(E);
    if (K == Ask::None)
      return false;
    Places[D].push_back(E);
    if (K == Ask::TestsReadySet)
      ReadySet[D].push_back(E);
    return false;
  });
  for (auto &[D, Es] : Places)
    Out.Asked[D] =
        std::make_unique<FunctionCfgs::AnyDominates>(A.functionCfgs(), Fn, Es);
  for (auto &[D, Es] : ReadySet)
    Out.ReadySet[D] =
        std::make_unique<FunctionCfgs::AnyDominates>(A.functionCfgs(), Fn, Es);
  for (auto &[D, Es] : ReadySet)
    Out.ReadySetPlaces[D] = std::move(Es);
  return Out;
}

/// poll, ppoll, select or pselect on every path of \p Fn to \p Call, asked
/// about the descriptor \p Id. An event loop's epoll_wait does not count:
/// the reads it dispatches to are where this check looks.
bool ReadinessWaits::pollsBefore(const FunctionDecl *Fn, const CallExpr *Call,
                                 llvm::ArrayRef<const Decl *> Ids) {
  // The function's polls and selects, found once per function (a function
  // with thousands of reads asks thousands of times).
  auto [It, New] = Polls.try_emplace(Fn);
  if (New) {
    std::vector<const Stmt *> Found;
    for (const CallExpr *C : A.callsIn(Fn)) {
      StringRef N = globalCalleeName(C);
      if (N == "poll" || N == "ppoll" || N == "select" || N == "pselect")
        Found.push_back(C);
    }
    It->second = std::make_unique<FunctionCfgs::AnyDominates>(
        A.functionCfgs(), Fn, Found);
  }
  return It->second->at(Call) && asksReadinessOf(Fn, Call, Ids);
}

/// The call runs once its descriptor was reported ready: poll()/select()
/// on that descriptor on every path of \p Fn to it, or every caller of \p
/// Fn in the TU polls it or tests it in a select() ready set (FD_ISSET) on
/// every path to the call. EAGAIN is then not the expected outcome, and code that treats
/// it like end of file is taking a documented shortcut, not ignoring the
/// non-blocking mode.
bool ReadinessWaits::runsWhenReady(const FunctionDecl *Fn, const CallExpr *Call,
                                   const Expr *Fd, Direction D) {
  llvm::SmallVector<const Decl *, 4> Ids = namesOfFd(Fd, Fn);
  if (pollsBefore(Fn, Call, Ids) || testsReadySet(Fn, Call, Ids))
    return true;
  // An event loop's handler for this direction: the loop calls it when a
  // descriptor it watches is ready. (A handler for readability that
  // writes is not covered: the write may well find the buffer full.)
  if (A.eventHandlers().readinessDirectionsAt(Fn, Call) &
      (D == Direction::Read ? EventHandlers::Readable
                            : EventHandlers::Writable))
    return true;
  llvm::ArrayRef<const CallExpr *> Sites = A.callSitesOf(Fn);
  if (Sites.empty() || Fn->isExternallyVisible())
    return false; // callers elsewhere may not wait
  // The descriptor as each caller names it: the argument for a parameter,
  // the same field or global otherwise.
  for (const CallExpr *Site : Sites) {
    const FunctionDecl *Caller = A.enclosingFunction(Site);
    if (!Caller || Caller == Fn)
      return false;
    llvm::SmallVector<const Decl *, 4> CallerIds;
    for (const Decl *Id : Ids) {
      if (const auto *Param = dyn_cast<ParmVarDecl>(Id)) {
        unsigned I = Param->getFunctionScopeIndex();
        if (I < Site->getNumArgs())
          if (const Decl *D = fdIdentity(Site->getArg(I)))
            CallerIds.push_back(D);
        continue;
      }
      CallerIds.push_back(Id);
    }
    // A caller's poll()/select() on it, or its FD_ISSET test of a ready set
    // (the select itself may be in another file): either names it.
    if (!asksReadinessOf(Caller, Site, CallerIds))
      return false;
  }
  return true;
}

} // namespace clang::tidy::nbio
