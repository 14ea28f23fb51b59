//===--- StmtSearch.h - Find a statement under another one ------*- C++ -*-===//
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

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_STMTSEARCH_H
