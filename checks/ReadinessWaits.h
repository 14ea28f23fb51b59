//===--- ReadinessWaits.h - Calls made once their descriptor is ready ----===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Whether an I/O call runs only once its descriptor was reported ready for
// its direction: a poll()/select() earlier in the function that asks about
// that descriptor (a wait on another descriptor, such as the listening
// socket before accept, says nothing about this one), an event loop's
// handler registered for that direction (EventHandlers), or a static
// function whose every caller in the TU asks about the descriptor it
// passes. nbio-unhandled-eagain stays quiet on such calls (EAGAIN is not
// the expected outcome); nbio-partial-write on small writes after
// writability (the space it guarantees holds them).
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_READINESSWAITS_H
#define NBIO_CHECKS_READINESSWAITS_H

#include "FunctionCfgs.h"
#include "IoCalls.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace clang::tidy::nbio {

class NonBlockingFdAnalysis;

class ReadinessWaits {
public:
  explicit ReadinessWaits(NonBlockingFdAnalysis &A) : A(A) {}

  /// \p Call (in \p Fn, on the descriptor \p Fd) runs once the descriptor
  /// was reported ready for \p D.
  bool runsWhenReady(const FunctionDecl *Fn, const CallExpr *Call,
                     const Expr *Fd, Direction D);

private:
  /// A poll, ppoll, select or pselect call of \p Fn runs on every path to
  /// \p Call, and so does a place that asks it about one of \p Ids.
  bool pollsBefore(const FunctionDecl *Fn, const CallExpr *Call,
                   llvm::ArrayRef<const Decl *> Ids);
  /// \p Fn names one of \p Ids where it asks for readiness, on every path
  /// to \p At.
  bool asksReadinessOf(const FunctionDecl *Fn, const Stmt *At,
                       llvm::ArrayRef<const Decl *> Ids);

  /// \p Fn tests one of \p Ids in a select() ready set (FD_ISSET) on
  /// every path to \p At.
  bool testsReadySet(const FunctionDecl *Fn, const Stmt *At,
                     llvm::ArrayRef<const Decl *> Ids);

  using PlacesByFd =
      llvm::DenseMap<const Decl *, std::unique_ptr<FunctionCfgs::AnyDominates>>;
  /// Per descriptor, whether a place that asks poll/select about it (any
  /// place; only an FD_ISSET test) runs on every path to a point.
  struct FunctionAsks {
    PlacesByFd Asked;
    PlacesByFd ReadySet;
    /// The FD_ISSET tests themselves, per descriptor.
    llvm::DenseMap<const Decl *, std::vector<const Stmt *>> ReadySetPlaces;
  };
  const FunctionAsks &scan(const FunctionDecl *Fn);
  static bool namedOnEveryPath(const PlacesByFd &Places, const Stmt *At,
                               llvm::ArrayRef<const Decl *> Ids);

  NonBlockingFdAnalysis &A;
  llvm::DenseMap<const FunctionDecl *, FunctionAsks> ReadinessAsked;
  /// Per function, whether one of its poll()/select() calls does.
  llvm::DenseMap<const FunctionDecl *,
                 std::unique_ptr<FunctionCfgs::AnyDominates>>
      Polls;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_READINESSWAITS_H
