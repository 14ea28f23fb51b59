//===--- FunctionParents.h - Parents of statements, one function at a time ===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The parent of each statement in a function body, built on first use for
// that function only (ASTContext::getParents would build the map of the
// whole TU, headers included). One instance per TU is shared by every nbio
// check through NonBlockingFdAnalysis, so a function with candidates in
// several checks is mapped once.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_FUNCTIONPARENTS_H
#define NBIO_CHECKS_FUNCTIONPARENTS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang::tidy::nbio {

class FunctionParents {
public:
  using Map = llvm::DenseMap<const Stmt *, const Stmt *>;

  /// Child statement -> parent statement, for \p Fn's body.
  const Map &of(const FunctionDecl *Fn) {
    std::unique_ptr<Map> &Slot = Maps[Fn];
    if (!Slot) {
      Slot = std::make_unique<Map>();
      llvm::SmallVector<const Stmt *, 64> Work{Fn->getBody()};
      while (!Work.empty()) {
        const Stmt *S = Work.pop_back_val();
        if (!S)
          continue;
        for (const Stmt *C : S->children())
          if (C) {
            (*Slot)[C] = S;
            Work.push_back(C);
          }
      }
    }
    return *Slot;
  }

private:
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Map>> Maps;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_FUNCTIONPARENTS_H
