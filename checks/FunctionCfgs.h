//===--- FunctionCfgs.h - One CFG per function, shared by the analyses ----===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The control-flow graph of a function body (clang::CFG), built on the
// first question about that function and kept for the translation unit,
// with where each statement stands (and the shared parent map, on demand). Every
// expression is an element of its own (BuildOptions::setAllAlwaysAdd), so
// an event or a use nested in a condition (`if ((fd = socket(...)) < 0)`,
// `n != len`) has its place on the paths. One instance per TU is shared by
// the nbio analyses through NonBlockingFdAnalysis, with FunctionParents.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_FUNCTIONCFGS_H
#define NBIO_CHECKS_FUNCTIONCFGS_H

#include "FunctionParents.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/Analyses/CFGReachabilityAnalysis.h"
#include "clang/Analysis/Analyses/Dominators.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/GraphTraits.h"
#include "llvm/ADT/SCCIterator.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <algorithm>
#include <iterator>
#include <memory>
#include <optional>
#include <vector>

namespace clang::tidy::nbio {
/// A function's CFG with the edges clang knows cannot be taken left out
/// (a null successor: the false branch of `while (1)`, the back edge of
/// `do ... while (0)`), as llvm::scc_iterator walks it.
struct TakenEdges {
  const CFG *G;
};
} // namespace clang::tidy::nbio

namespace llvm {
template <> struct GraphTraits<clang::tidy::nbio::TakenEdges> {
  using NodeRef = const clang::CFGBlock *;
  static bool taken(const clang::CFGBlock::AdjacentBlock &A) {
    return A.getReachableBlock() != nullptr;
  }
  using ChildIteratorType =
      filter_iterator<clang::CFGBlock::const_succ_iterator,
                      bool (*)(const clang::CFGBlock::AdjacentBlock &)>;
  static NodeRef getEntryNode(clang::tidy::nbio::TakenEdges G) {
    return &G.G->getEntry();
  }
  static ChildIteratorType child_begin(NodeRef N) {
    return make_filter_range(N->succs(), &taken).begin();
  }
  static ChildIteratorType child_end(NodeRef N) {
    return make_filter_range(N->succs(), &taken).end();
  }
};
} // namespace llvm

namespace clang::tidy::nbio {

class FunctionCfgs {
public:
  struct Cfg {
    std::unique_ptr<CFG> G;
    /// The body's parent map: the one the checks share (FunctionParents),
    /// built on the first question.
    const ParentMap &parents() const { return Parents->of(Fn); }
    FunctionParents *Parents = nullptr;
    const FunctionDecl *Fn = nullptr;
    std::vector<const CFGBlock *> Blocks; ///< by block ID
    /// Which blocks reach which, asked by reaches (built on demand).
    mutable std::unique_ptr<CFGReverseBlockReachabilityAnalysis> Reach;
    /// Some path goes from \p From to \p To (a block reaches itself).
    bool reaches(const CFGBlock *From, const CFGBlock *To) const {
      if (From == To)
        return true;
      if (!Reach)
        Reach = std::make_unique<CFGReverseBlockReachabilityAnalysis>(*G);
      return Reach->isReachable(From, To);
    }
    /// Which blocks every path to a block passes, asked by dominates
    /// (built on demand).
    mutable std::unique_ptr<CFGDomTree> Dom;
    /// Blocks reached from the entry (first bit vector) and, of those, the
    /// blocks on a cycle (second), asked by onCycle (built on demand).
    mutable std::optional<std::pair<llvm::BitVector, llvm::BitVector>> Cycles;
    /// Statement -> (block ID, element index; a block's terminator is
    /// placed after its last element).
    llvm::DenseMap<const Stmt *, std::pair<unsigned, unsigned>> Pos;
    /// Label of a block -> the block's ID.
    llvm::DenseMap<const Stmt *, unsigned> Labels;
    /// Where the CFG places a statement: its block, and its index there
    /// (a block's label stands before the first element).
    struct Place {
      unsigned Block, Index;
      bool Label;
      /// In the same block, this runs before \p O.
      bool before(const Place &O) const {
        return Label ? !O.Label : !O.Label && Index < O.Index;
      }
    };
    /// Where the CFG places \p S, or the nearest enclosing statement it
    /// places (a subexpression it folded into its parent); none if none.
    std::optional<Place> place(const Stmt *S) const {
      for (; S; S = parents().getParent(S)) {
        if (auto It = Pos.find(S); It != Pos.end())
          return Place{It->second.first, It->second.second, false};
        if (auto It = Labels.find(S); It != Labels.end())
          return Place{It->second, 0, true};
      }
      return std::nullopt;
    }
  };

  FunctionCfgs(ASTContext &Ctx, FunctionParents &Parents)
      : Ctx(Ctx), Parents(Parents) {}

  /// \p Fn's CFG, or null when it has no body or clang cannot build one.
  const Cfg *of(const FunctionDecl *Fn) {
    std::unique_ptr<Cfg> &Slot = Cfgs[Fn];
    if (!Slot) {
      Slot = std::make_unique<Cfg>();
      if (!Fn->getBody())
        return nullptr;
      CFG::BuildOptions Opts;
      Opts.setAllAlwaysAdd();
      // A constructor's member initializers run before its body, as
      // elements of their own: a store the walk records there
      // (`fd_(socket(...))`) has its place before the body's `fcntl`.
      Opts.AddInitializers = true;
      Slot->G = CFG::buildCFG(Fn, Fn->getBody(), &Ctx, Opts);
      if (!Slot->G)
        return nullptr;
      Slot->Parents = &Parents;
      Slot->Fn = Fn;
      Slot->Blocks.resize(Slot->G->getNumBlockIDs());
      // Sized once: every element and terminator gets an entry, and
      // growing the map as it fills was a good part of this function.
      size_t Entries = 0;
      for (const CFGBlock *B : *Slot->G)
        Entries += B->size() + 1;
      Slot->Pos.reserve(Entries);
      for (const CFGBlock *B : *Slot->G) {
        Slot->Blocks[B->getBlockID()] = B;
        // A block's label (a `case`, a `default:`, a goto's label) stands
        // before its first element.
        if (const Stmt *L = B->getLabel())
          Slot->Labels.try_emplace(L, B->getBlockID());
        unsigned I = 0;
        for (const CFGElement &E : *B) {
          if (auto CS = E.getAs<CFGStmt>())
            Slot->Pos.try_emplace(CS->getStmt(), B->getBlockID(), I);
          ++I;
        }
      }
      // A block's terminator (a `switch`, an `if`, a loop) after its last
      // element, unless it is an element somewhere too (`&&`, `?:`).
      for (const CFGBlock *B : *Slot->G)
        if (const Stmt *T = B->getTerminatorStmt())
          Slot->Pos.try_emplace(T, B->getBlockID(), unsigned(B->size()));
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
    const CFGBlock *Dst = C->Blocks[ToBlock];
    return llvm::any_of(C->Blocks[FromBlock]->succs(), [&](const CFGBlock *S) {
      return S && C->reaches(S, Dst);
    });
  }

  /// Some path of \p Fn's CFG runs \p S and then comes back to it: its
  /// block lies on a cycle (a loop's back edge, a goto back to before it).
  /// mayReach(Fn, S, S) answers the same, but asks one reachability
  /// question per block, each a walk of the whole CFG, which made a long
  /// function with many calls quadratic; the strongly connected components
  /// are found once per function instead. True when the CFG cannot say.
  bool onCycle(const FunctionDecl *Fn, const Stmt *S) {
    const Cfg *C = of(Fn);
    if (!C)
      return true;
    auto P = C->Pos.find(S);
    if (P == C->Pos.end())
      return true;
    if (!C->Cycles) {
      unsigned N = C->G->getNumBlockIDs();
      C->Cycles.emplace(llvm::BitVector(N), llvm::BitVector(N));
      for (auto I = llvm::scc_begin(TakenEdges{C->G.get()}); !I.isAtEnd();
           ++I) {
        bool Cycle = I.hasCycle(); // more than one block, or a self-loop
        for (const CFGBlock *B : *I) {
          C->Cycles->first.set(B->getBlockID());
          if (Cycle)
            C->Cycles->second.set(B->getBlockID());
        }
      }
    }
    unsigned B = P->second.first;
    // A block the entry does not reach (code after an endless loop) is
    // asked the slow way.
    if (!C->Cycles->first.test(B))
      return mayReach(Fn, S, S);
    return C->Cycles->second.test(B);
  }

  /// Every path of \p Fn's CFG from its entry to \p To runs \p From first
  /// (\p From's block dominates \p To's, or comes earlier in the same
  /// block). False when the CFG cannot say: the callers take a wait for
  /// done only when it certainly came first.
  bool dominates(const FunctionDecl *Fn, const Stmt *From, const Stmt *To) {
    const Cfg *C = of(Fn);
    if (!C)
      return false;
    std::optional<Cfg::Place> F = C->place(From), T = C->place(To);
    if (!F || !T)
      return false;
    if (F->Block == T->Block)
      return F->before(*T);
    return domTree(*C).dominates(C->Blocks[F->Block], C->Blocks[T->Block]);
  }

  /// The block every path of \p Fn's CFG to block \p Block passes last
  /// (its immediate dominator), or none for the entry, an unreachable
  /// block, or no CFG.
  std::optional<unsigned> idom(const FunctionDecl *Fn, unsigned Block) {
    const Cfg *C = of(Fn);
    if (!C || Block >= C->Blocks.size() || !C->Blocks[Block])
      return std::nullopt;
    const auto *Node = domTree(*C).getBase().getNode(C->Blocks[Block]);
    const auto *Up = Node ? Node->getIDom() : nullptr;
    if (!Up || !Up->getBlock())
      return std::nullopt;
    return Up->getBlock()->getBlockID();
  }

  /// Whether one of some statements of \p Fn (marks: its polls, say) runs
  /// on every path to a point. A climb up the dominator tree from the
  /// point, remembered per block, so that a function asking about each of
  /// thousands of calls climbs through each block once.
  class AnyDominates {
  public:
    AnyDominates(FunctionCfgs &Cfgs, const FunctionDecl *Fn,
                 llvm::ArrayRef<const Stmt *> Marks)
        : Cfgs(Cfgs), Fn(Fn), C(Cfgs.of(Fn)) {
      if (!C)
        return;
      for (const Stmt *M : Marks)
        if (std::optional<Cfg::Place> P = C->place(M)) {
          auto [It, New] = First.try_emplace(P->Block, *P);
          if (!New && P->before(It->second))
            It->second = *P;
        }
    }
    /// Some mark runs on every path of the function to \p At, before it.
    bool at(const Stmt *At) {
      if (!C || First.empty())
        return false;
      std::optional<Cfg::Place> P = C->place(At);
      if (!P)
        return false;
      if (auto It = First.find(P->Block);
          It != First.end() && It->second.before(*P))
        return true;
      llvm::SmallVector<unsigned, 8> Climbed;
      bool Found = false;
      for (std::optional<unsigned> B = Cfgs.idom(Fn, P->Block); B;
           B = Cfgs.idom(Fn, *B)) {
        if (auto It = AtEnd.find(*B); It != AtEnd.end()) {
          Found = It->second;
          break;
        }
        Climbed.push_back(*B);
        if (First.count(*B)) {
          Found = true;
          break;
        }
      }
      for (unsigned B : Climbed)
        AtEnd[B] = Found;
      return Found;
    }

  private:
    FunctionCfgs &Cfgs;
    const FunctionDecl *Fn;
    const Cfg *C;
    /// The first mark of each block that holds one.
    llvm::DenseMap<unsigned, Cfg::Place> First;
    /// Some mark runs on every path to the end of the block.
    llvm::DenseMap<unsigned, bool> AtEnd;
  };

  /// Which of some statements of \p Fn (definitions: the calls that set
  /// errno, say) ran last on some path to a point: a forward may-analysis
  /// over the CFG whose join is the union, computed once for the list.
  class LastOnPaths {
  public:
    /// \p Infeasible(B, I): the path never takes block B's I-th successor
    /// (a branch the caller knows cannot run with the values it follows).
    LastOnPaths(FunctionCfgs &Cfgs, const FunctionDecl *Fn,
                llvm::ArrayRef<const Stmt *> Defs,
                llvm::function_ref<bool(const CFGBlock &, unsigned)>
                    Infeasible = nullptr)
        : C(Cfgs.of(Fn)), N(Defs.size()) {
      if (!C)
        return;
      for (unsigned I = 0; I < N; ++I) {
        std::optional<Cfg::Place> P = C->place(Defs[I]);
        if (!P || P->Label) {
          C = nullptr; // a definition the CFG cannot place: no answer
          return;
        }
        ByBlock[P->Block].push_back({P->Index, I});
      }
      for (auto &[B, List] : ByBlock)
        llvm::sort(List);
      unsigned NB = C->G->getNumBlockIDs();
      // Index N: "no definition yet" (a path from the entry). The sets are
      // small (the definitions a block can see last are few), so they are
      // kept as sorted lists: a function with thousands of definitions and
      // thousands of blocks would need millions of bits otherwise.
      In.assign(NB, {});
      std::vector<Set> Out(NB);
      const CFGBlock &Entry = C->G->getEntry();
      In[Entry.getBlockID()].push_back(N);
      // To the fixpoint: the sets only grow, so each block is queued again
      // at most once per definition.
      std::vector<const CFGBlock *> Work{&Entry};
      llvm::BitVector Queued(NB), Visited(NB);
      Queued.set(Entry.getBlockID());
      while (!Work.empty()) {
        const CFGBlock *B = Work.back();
        Work.pop_back();
        unsigned Id = B->getBlockID();
        Queued.reset(Id);
        Set O = In[Id];
        if (auto It = ByBlock.find(Id); It != ByBlock.end())
          O = Set{It->second.back().second};
        if (Visited.test(Id) && O == Out[Id])
          continue;
        Visited.set(Id);
        Out[Id] = O;
        unsigned SuccIndex = 0;
        for (const CFGBlock *S : B->succs()) {
          unsigned I = SuccIndex++;
          if (!S || (Infeasible && Infeasible(*B, I)))
            continue;
          Set &SI = In[S->getBlockID()];
          Set Joined;
          std::set_union(SI.begin(), SI.end(), O.begin(), O.end(),
                         std::back_inserter(Joined));
          if (Joined == SI && Visited.test(S->getBlockID()))
            continue;
          SI = std::move(Joined);
          if (!Queued.test(S->getBlockID())) {
            Queued.set(S->getBlockID());
            Work.push_back(S);
          }
        }
      }
    }
    /// The CFG placed the definitions.
    bool valid() const { return C != nullptr; }
    /// The definitions (indices into the list) last on some path to \p At
    /// before it runs, and whether some path from the entry reaches it with
    /// none; false when the CFG cannot place \p At.
    bool at(const Stmt *At, llvm::SmallVectorImpl<unsigned> &Out,
            bool &FromEntry) const {
      FromEntry = false;
      if (!C)
        return false;
      std::optional<Cfg::Place> P = C->place(At);
      if (!P)
        return false;
      if (auto It = ByBlock.find(P->Block); It != ByBlock.end()) {
        // The block's definitions are sorted by place: the last before At
        // by binary search (a straight-line function is one block with
        // thousands of them, each asked about).
        const auto *After = std::partition_point(
            It->second.begin(), It->second.end(), [&](const auto &D) {
              return Cfg::Place{P->Block, D.first, false}.before(*P);
            });
        if (After != It->second.begin()) {
          Out.push_back(std::prev(After)->second);
          return true;
        }
      }
      for (unsigned D : In[P->Block]) {
        if (D == N)
          FromEntry = true;
        else
          Out.push_back(D);
      }
      return true;
    }

    /// The definitions last on some path that returns from the function
    /// (not one that ends the process: exit(), abort(), unless
    /// \p ProcessEndsToo), and whether some such path from the entry has
    /// none; false without a CFG.
    bool atExit(llvm::SmallVectorImpl<unsigned> &Out, bool &FromEntry,
                bool ProcessEndsToo = false) const {
      FromEntry = false;
      if (!C)
        return false;
      llvm::SmallVector<unsigned, 4> Seen;
      for (const CFGBlock *P : C->G->getExit().preds()) {
        if (!P || (!ProcessEndsToo && !returnsNormally(*P)))
          continue;
        if (auto It = ByBlock.find(P->getBlockID()); It != ByBlock.end()) {
          Seen.push_back(It->second.back().second);
          continue;
        }
        llvm::append_range(Seen, In[P->getBlockID()]);
      }
      llvm::sort(Seen);
      Seen.erase(std::unique(Seen.begin(), Seen.end()), Seen.end());
      for (unsigned D : Seen) {
        if (D == N)
          FromEntry = true;
        else
          Out.push_back(D);
      }
      return true;
    }

  private:
    const Cfg *C;
    unsigned N;
    llvm::DenseMap<unsigned, llvm::SmallVector<std::pair<unsigned, unsigned>, 2>>
        ByBlock;
    using Set = llvm::SmallVector<unsigned, 2>; ///< sorted, unique
    std::vector<Set> In;
  };

  /// A predecessor of the exit block that returns to the caller: not one
  /// that ends in a call that does not return (exit(), abort(), a
  /// `noreturn` function of the project).
  static bool returnsNormally(const CFGBlock &Pred) {
    return !Pred.hasNoReturnElement();
  }

  /// \p C's dominator tree, built on the first question.
  static CFGDomTree &domTree(const Cfg &C) {
    if (!C.Dom) {
      C.Dom = std::make_unique<CFGDomTree>();
      C.Dom->buildDominatorTree(C.G.get());
    }
    return *C.Dom;
  }

private:
  ASTContext &Ctx;
  FunctionParents &Parents;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Cfg>> Cfgs;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_FUNCTIONCFGS_H
