//===--- FunctionCfgs.h - One CFG per function, shared by the analyses ----===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The control-flow graph of a function body (clang::CFG), built on the
// first question about that function and kept for the translation unit,
// with where each statement stands (and its parent map, on demand). Every
// expression is an element of its own (BuildOptions::setAllAlwaysAdd), so
// an event or a use nested in a condition (`if ((fd = socket(...)) < 0)`,
// `n != len`) has its place on the paths. One instance per TU is shared by
// the nbio analyses through NonBlockingFdAnalysis, as FunctionParents is.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_FUNCTIONCFGS_H
#define NBIO_CHECKS_FUNCTIONCFGS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/Analyses/CFGReachabilityAnalysis.h"
#include "clang/Analysis/Analyses/Dominators.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <memory>
#include <vector>

namespace clang::tidy::nbio {

class FunctionCfgs {
public:
  struct Cfg {
    std::unique_ptr<CFG> G;
    /// The body's parent map, built on the first question (only
    /// nbio-partial-write's count flow asks).
    const ParentMap &parents() const {
      if (!PM)
        PM = std::make_unique<ParentMap>(Body);
      return *PM;
    }
    Stmt *Body = nullptr;
    mutable std::unique_ptr<ParentMap> PM;
    std::vector<const CFGBlock *> Blocks; ///< by block ID
    /// Which blocks reach which, asked by mayReach (built on demand).
    mutable std::unique_ptr<CFGReverseBlockReachabilityAnalysis> Reach;
    /// Which blocks every path to a block passes, asked by dominates
    /// (built on demand).
    mutable std::unique_ptr<CFGDomTree> Dom;
    /// Statement -> (block ID, element index).
    llvm::DenseMap<const Stmt *, std::pair<unsigned, unsigned>> Pos;
    /// Where the CFG places \p S, or the nearest enclosing statement it
    /// places (a subexpression it folded into its parent); null if none.
    const std::pair<unsigned, unsigned> *place(const Stmt *S) const {
      for (; S; S = parents().getParent(S))
        if (auto It = Pos.find(S); It != Pos.end())
          return &It->second;
      return nullptr;
    }
  };

  explicit FunctionCfgs(ASTContext &Ctx) : Ctx(Ctx) {}

  /// \p Fn's CFG, or null when it has no body or clang cannot build one.
  const Cfg *of(const FunctionDecl *Fn) {
    std::unique_ptr<Cfg> &Slot = Cfgs[Fn];
    if (!Slot) {
      Slot = std::make_unique<Cfg>();
      if (!Fn->getBody())
        return nullptr;
      CFG::BuildOptions Opts;
      Opts.setAllAlwaysAdd();
      Slot->G = CFG::buildCFG(Fn, Fn->getBody(), &Ctx, Opts);
      if (!Slot->G)
        return nullptr;
      Slot->Body = Fn->getBody();
      Slot->Blocks.resize(Slot->G->getNumBlockIDs());
      for (const CFGBlock *B : *Slot->G) {
        Slot->Blocks[B->getBlockID()] = B;
        unsigned I = 0;
        for (const CFGElement &E : *B) {
          if (auto CS = E.getAs<CFGStmt>())
            Slot->Pos.try_emplace(CS->getStmt(), B->getBlockID(), I);
          ++I;
        }
      }
    }
    return Slot->G ? Slot.get() : nullptr;
  }

  /// Some path of \p Fn's CFG runs \p From and then \p To (in a loop,
  /// \p To may come first in the text). True when the CFG cannot say (no
  /// CFG, or a statement it did not place): the callers drop an event only
  /// when it certainly cannot come first.
  bool mayReach(const FunctionDecl *Fn, const Stmt *From, const Stmt *To) {
    const Cfg *C = of(Fn);
    if (!C)
      return true;
    auto F = C->Pos.find(From), T = C->Pos.find(To);
    if (F == C->Pos.end() || T == C->Pos.end())
      return true;
    auto [FromBlock, FromIndex] = F->second;
    auto [ToBlock, ToIndex] = T->second;
    if (FromBlock == ToBlock && FromIndex < ToIndex)
      return true;
    // Otherwise through a successor of From's block (clang's analysis
    // never counts a block as reaching itself, so a loop back to the same
    // block is asked of its successors).
    if (!C->Reach)
      C->Reach = std::make_unique<CFGReverseBlockReachabilityAnalysis>(*C->G);
    const CFGBlock *Dst = C->Blocks[ToBlock];
    return llvm::any_of(C->Blocks[FromBlock]->succs(), [&](const CFGBlock *S) {
      return S && (S == Dst || C->Reach->isReachable(S, Dst));
    });
  }

  /// Every path of \p Fn's CFG from its entry to \p To runs \p From first
  /// (\p From's block dominates \p To's, or comes earlier in the same
  /// block). False when the CFG cannot say: the callers take a wait for
  /// done only when it certainly came first.
  bool dominates(const FunctionDecl *Fn, const Stmt *From, const Stmt *To) {
    const Cfg *C = of(Fn);
    if (!C)
      return false;
    const auto *F = C->place(From), *T = C->place(To);
    if (!F || !T)
      return false;
    if (F->first == T->first)
      return F->second < T->second;
    if (!C->Dom) {
      C->Dom = std::make_unique<CFGDomTree>();
      C->Dom->buildDominatorTree(C->G.get());
    }
    return C->Dom->dominates(C->Blocks[F->first], C->Blocks[T->first]);
  }

private:
  ASTContext &Ctx;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Cfg>> Cfgs;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_FUNCTIONCFGS_H
