//===--- FunctionParents.h - Parents of statements, one function at a time ===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The parent of each statement in a function body: clang's ParentMap, built
// on first use for that function only (ASTContext::getParents would build
// the map of the whole TU, headers included). One instance per TU is shared
// by every nbio check and by FunctionCfgs through NonBlockingFdAnalysis, so
// a function with candidates in several checks is mapped once.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_FUNCTIONPARENTS_H
#define NBIO_CHECKS_FUNCTIONPARENTS_H

#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace clang::tidy::nbio {

class FunctionParents {
public:
  using Map = ParentMap;

  /// Child statement -> parent statement, for \p Fn's body (getParent).
  const Map &of(const FunctionDecl *Fn) {
    std::unique_ptr<Map> &Slot = Maps[Fn];
    if (!Slot)
      // ParentMap only reads the body; its constructor takes it non-const.
      Slot = std::make_unique<Map>(const_cast<Stmt *>(Fn->getBody()));
    return *Slot;
  }

private:
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Map>> Maps;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_FUNCTIONPARENTS_H
