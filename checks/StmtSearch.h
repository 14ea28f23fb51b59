//===--- StmtSearch.h - Find a statement under another one ------*- C++ -*-===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The depth-first search the checks run over a function body (or a loop, a
// condition): the first statement that satisfies a predicate, optionally
// leaving lambdas' bodies out (they are functions of their own).
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_STMTSEARCH_H
#define NBIO_CHECKS_STMTSEARCH_H

#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::nbio {

enum class Lambdas { Enter, Skip };

/// A statement under \p Root (\p Root included) for which \p Pred holds, or
/// null. The search stops at the first one.
inline const Stmt *findStmt(const Stmt *Root,
                            llvm::function_ref<bool(const Stmt *)> Pred,
                            Lambdas L = Lambdas::Enter) {
  llvm::SmallVector<const Stmt *, 32> Work{Root};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || (L == Lambdas::Skip && isa<LambdaExpr>(S)))
      continue;
    if (Pred(S))
      return S;
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return nullptr;
}

/// \p S is a loop statement: its body may run again.
inline bool isLoop(const Stmt *S) {
  return isa_and_nonnull<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt>(S);
}

/// The condition \p S tests, for a statement that branches on one (`if`,
/// the loops, `?:`), or null.
inline const Expr *conditionOf(const Stmt *S) {
  if (const auto *If = dyn_cast_or_null<IfStmt>(S))
    return If->getCond();
  if (const auto *W = dyn_cast_or_null<WhileStmt>(S))
    return W->getCond();
  if (const auto *D = dyn_cast_or_null<DoStmt>(S))
    return D->getCond();
  if (const auto *Fo = dyn_cast_or_null<ForStmt>(S))
    return Fo->getCond();
  if (const auto *R = dyn_cast_or_null<CXXForRangeStmt>(S))
    return R->getCond();
  if (const auto *C = dyn_cast_or_null<AbstractConditionalOperator>(S))
    return C->getCond();
  return nullptr;
}

/// The union of \p Own over every statement under \p Root (\p Root
/// included), each subtree's union kept in \p Memo, so that asking again
/// about any statement under \p Root costs one look-up: a condition asked
/// about at every level of a long `&&` chain stays linear. \p Own(S)
/// returns S's own bits and whether its children count too. The walk keeps
/// its own stack (no recursion over the tree's depth).
template <typename OwnFn>
unsigned unionOver(const Stmt *Root, llvm::DenseMap<const Stmt *, unsigned> &Memo,
                   OwnFn Own) {
  if (!Root)
    return 0;
  if (auto It = Memo.find(Root); It != Memo.end())
    return It->second;
  struct Frame {
    const Stmt *S;
    unsigned Bits;
    bool Expanded;
  };
  llvm::SmallVector<Frame, 32> Stack{{Root, 0, false}};
  while (!Stack.empty()) {
    Frame F = Stack.back();
    if (Memo.count(F.S)) {
      Stack.pop_back();
      continue;
    }
    if (!F.Expanded) {
      auto [Bits, Descend] = Own(F.S);
      if (!Descend) {
        Memo[F.S] = Bits;
        Stack.pop_back();
        continue;
      }
      Stack.back() = {F.S, Bits, true};
      for (const Stmt *C : F.S->children())
        if (C && !Memo.count(C))
          Stack.push_back({C, 0, false});
      continue;
    }
    unsigned Bits = F.Bits;
    for (const Stmt *C : F.S->children())
      if (C)
        Bits |= Memo.lookup(C);
    Memo[F.S] = Bits;
    Stack.pop_back();
  }
  return Memo.lookup(Root);
}

/// Bounds the depth of the recursive evaluators (conditions, the path's
/// expressions). clang limits nesting of brackets to 256 by default
/// (-fbracket-depth); a deeper tree comes from a long operator chain such as
/// `a + b + ... + z`, which the walks flatten or leave unjudged, rather than
/// risk the thread's stack (clangd's workers have no more than clang's).
constexpr unsigned MaxEvalDepth = 512;

/// Counts one level of a recursive evaluator while in scope.
struct DepthGuard {
  unsigned &D;
  explicit DepthGuard(unsigned &D) : D(D) { ++D; }
  ~DepthGuard() { --D; }
  DepthGuard(const DepthGuard &) = delete;
  DepthGuard &operator=(const DepthGuard &) = delete;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_STMTSEARCH_H
