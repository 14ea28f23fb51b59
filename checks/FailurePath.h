//===--- FailurePath.h - Where a failed I/O call's path leads -------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Follows, statement by statement, the path a function takes after one I/O
// call fails in a given way (EAGAIN, EINPROGRESS, SSL_ERROR_WANT_*), the
// way a reader would: conditions are evaluated with the call's result at -1
// (0 for the SSL_*_ex calls) and errno at the hypothesised value, branches
// are taken, jumps followed, loops closed. The walk ends where the path
// ends: in a terminal action (close, exit, abort, assert), a return to the
// caller, a wait for readiness, a retry of the same call, a use of the
// result as a byte count, or a place it cannot judge.
//
// The walk is one path through the function's CFG (clang::CFG, shared by
// the analyses through FunctionCfgs): path sensitivity comes from the one
// hypothesis, which is what the nbio checks need to ask. It ends on a block
// reached twice, so it needs no step budget.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_FAILUREPATH_H
#define NBIO_CHECKS_FAILUREPATH_H

#include "ErrnoFacts.h"
#include "FunctionCfgs.h"
#include "FunctionParents.h"
#include "IoCalls.h"
#include "clang/AST/ASTContext.h"
#include "clang/Analysis/Analyses/Dominators.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <vector>

namespace clang::tidy::nbio {

/// How the call is assumed to have failed: EAGAIN, EINPROGRESS, or (TLS
/// and protocol libraries) the library waits to read or to write:
/// SSL_ERROR_WANT_*, GNUTLS_E_AGAIN, MBEDTLS_ERR_SSL_WANT_*...
enum class Hypothesis { WouldBlock, InProgress, WantRead, WantWrite };

enum class PathEnd {
  Unknown,     ///< the walk could not judge (an opaque condition...)
  Terminal,    ///< closes the fd / frees the connection / exits / aborts
  Returns,     ///< hands the failure to the caller (or falls off the end)
  Handled,     ///< passes errno to a helper that tests the hypothesis
  Waits,       ///< reaches a wait for readiness or a back-off
  Retries,     ///< comes back to the same call without waiting
  UsedAsCount, ///< uses the -1 as a byte count or index
};

enum class RetryVia {
  Continue,  ///< a `continue` statement
  LoopEnd,   ///< falling off the end of the loop body
  Condition, ///< the loop condition retries (`while (... errno == EAGAIN)`)
  Goto,      ///< a backward `goto`
};

struct FailurePath {
  PathEnd End = PathEnd::Unknown;
  /// The statement where the path ended: the terminal call, the wait, the
  /// continue/goto, the use as a count.
  const Stmt *At = nullptr;
  /// The path compared the failure with the hypothesis' own constants
  /// (EAGAIN/EWOULDBLOCK, EINPROGRESS, SSL_ERROR_WANT_*) or classifiers.
  bool Tested = false;
  /// Which of those constants it compared with, as bits of ErrnoConst:
  /// SSL_ERROR_WANT_READ and SSL_ERROR_WANT_WRITE apart, since a call that
  /// can want either may be handled for one value only.
  unsigned TestedConsts = 0;
  /// A condition that depends on the failure (the result, errno) chose a
  /// branch on the way: the path is the failure's own, not one that success
  /// takes as well.
  bool Branched = false;
  /// For Retries: the loop retried (null for a goto) and how.
  const Stmt *Loop = nullptr;
  RetryVia Via = RetryVia::Continue;
  /// An unknown function took the descriptor on the way back: it might wait.
  bool UnknownCallOnFd = false;
  /// For Terminal: what the terminal action does, for the note.
  std::string What;
};

/// Decides which calls wait for readiness.
struct WaitFunctions {
  llvm::StringSet<> User;
  /// The project facts' functions that wait (bodies in other files), by
  /// qualified name; set for each TU.
  llvm::StringSet<> Project;
  bool isWait(const FunctionDecl *FD, unsigned Depth = 0) const;
  /// \p C calls a function that waits (isWait), or hands control back to
  /// a script's scheduler until it is resumed (suspendsScript).
  bool isWaitCall(const CallExpr *C) const;
  /// \p C suspends the C function that makes it until a Lua scheduler
  /// resumes it: `lua_yieldk()` (`lua_yield()` is a macro for it), or
  /// `lua_callk()`/`lua_pcallk()` given a continuation, the only calls that
  /// the Lua code they run may yield across (Lua 5.2 and later). An
  /// embedder's retry that calls a script so (nmap's NSE: the script's
  /// socket method waits in nsock, then resumes the C function) waits.
  static bool suspendsScript(const CallExpr *C);
  /// Answers for the current TU (a function of the TU is asked about once
  /// per call site in every loop).
  mutable llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, bool> Memo;
};

class FailurePathFinder {
public:
  FailurePathFinder(ASTContext &Ctx, WouldBlockClassifiers &Classifiers,
                    FunctionParents &Parents, FunctionCfgs &Cfgs,
                    const WaitFunctions &Waits,
                    const llvm::StringSet<> &UserTerminal);
  ~FailurePathFinder();

  /// Follow the path \p Fn takes after \p Call (whose descriptor or SSL
  /// object is \p Fd) fails as \p H says.
  /// With \p Optimistic, a condition term that does not depend on the
  /// failure (`running`, `!stop`) counts as true: the question is whether
  /// the loop can spin, not whether it must. \p FdOwners: variables that
  /// hold the object owning the descriptor although \p Fd does not name
  /// them (an event handler's data, for its descriptor parameter), so that
  /// tearing one down ends the connection as `conn_free(c)` does for
  /// `c->fd`.
  FailurePath follow(const CallExpr *Call, const Expr *Fd,
                     const FunctionDecl *Fn, Hypothesis H,
                     bool Optimistic = false,
                     llvm::ArrayRef<const Decl *> FdOwners = {});

  /// The parameters a function of the TU closes (`close(p->fd)`).
  const std::vector<unsigned> &closedParams(const FunctionDecl *FD);

  /// The statement-level parent of \p S in \p Fn's body (or null).
  const Stmt *parentOf(const Stmt *S, const FunctionDecl *Fn);

  /// Where \p Fn's body calls a wait, and the call, in order (computed
  /// once).
  llvm::ArrayRef<std::pair<SourceLocation, const CallExpr *>>
  waitLocs(const FunctionDecl *Fn);

  /// Every path of \p Fn's CFG from \p From to \p To (\p From on every
  /// path to \p To) runs a wait other than \p Except (a wait on each
  /// branch will do). False when \p From is not on every path to \p To,
  /// or the CFG cannot say.
  bool waitsOnEveryPath(const FunctionDecl *Fn, const Stmt *From,
                        const Stmt *To, const CallExpr *Except);

  /// Every path of \p Fn's CFG from the head of \p Loop (where a retry
  /// comes back to: a while's or for's condition, a do's body) to \p Call
  /// runs a wait other than \p Call (a wait on each branch will do). None
  /// when the CFG cannot place the loop or the call.
  std::optional<bool> waitsEveryRound(const FunctionDecl *Fn, const Stmt *Loop,
                                      const CallExpr *Call);

private:
  struct Walk;
  ASTContext &Ctx;
  WouldBlockClassifiers &Classifiers;
  const WaitFunctions &Waits;
  const llvm::StringSet<> &UserTerminal;
  FunctionParents &Parents; // shared by the checks of the TU
  const FunctionParents::Map &parents(const FunctionDecl *Fn) {
    return Parents.of(Fn);
  }
  llvm::DenseMap<const FunctionDecl *, std::vector<unsigned>> Closers;
  FunctionCfgs &Cfgs; // shared by the analyses of the TU
  /// follow()'s answers: the checks of a TU ask the same questions (a
  /// wrapper's call, then each check's candidates).
  std::map<std::tuple<const CallExpr *, const Expr *, const FunctionDecl *, int,
                      bool, std::vector<const Decl *>>,
           FailurePath>
      Followed;
  /// What the walk asks of a function's CFG besides its blocks: the block
  /// each branching statement ends, and (when an unknown branch is passed
  /// over) where its two ways meet again.
  struct FlowInfo {
    llvm::DenseMap<const Stmt *, const CFGBlock *> ByTerminator;
    std::unique_ptr<CFGPostDomTree> PostDom;
    /// The waits (waitLocs) by the CFG block that runs them, with their
    /// index there; filled on the first question.
    std::optional<llvm::DenseMap<
        unsigned, llvm::SmallVector<std::pair<unsigned, const CallExpr *>, 1>>>
        WaitsByBlock;
  };
  FlowInfo &flow(const FunctionDecl *Fn, const FunctionCfgs::Cfg &G);
  bool waitIn(const FunctionDecl *Fn, const FunctionCfgs::Cfg &G, unsigned B,
              const FunctionCfgs::Cfg::Place *After,
              const FunctionCfgs::Cfg::Place *Before, const CallExpr *Except);
  bool waitOnEveryPathFrom(const FunctionDecl *Fn, const FunctionCfgs::Cfg &G,
                           unsigned FromBlock,
                           const FunctionCfgs::Cfg::Place *FromAt,
                           const FunctionCfgs::Cfg::Place &To,
                           const CallExpr *Except);
  bool inInstantiation(const CallExpr *&Call, const Expr *&Fd,
                       const FunctionDecl *&Fn);
  CFGPostDomTree &postDominators(FlowInfo &Flow, const FunctionCfgs::Cfg &G);
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FlowInfo>> Flows;
  /// Walk::onlyPlainUses' answers, by function and local.
  llvm::DenseMap<std::pair<const FunctionDecl *, const VarDecl *>, bool>
      PlainLocals;
  llvm::DenseMap<const FunctionDecl *,
                 std::vector<std::pair<SourceLocation, const CallExpr *>>>
      WaitLocs;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_FAILUREPATH_H
