//===--- ShortWriteFlow.h - Where a short write's count goes ---------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Follows, on a function's CFG, the paths a write takes when it writes
// fewer bytes than it was asked to (0 < count < length), and says what
// becomes of the count on them: used to make progress (an offset moved, the
// rest kept for later, the count handed back or stored), or lost: only a
// failure was tested and the code goes on as if every byte was written, a
// comparison with the length sends the short write down a failure path, or
// the path comes back to the same call with the same buffer.
//
// The count is the call's value, or the local variable it is stored in
// (until the variable is assigned again). Each branch whose condition tests
// the count is decided as a short write decides it: a test for failure
// (`n < 0`, `n == -1`, `!n`) is false, a comparison with anything else (the
// length, `sizeof hdr`) says "short". Other branches may go either way: a
// path that uses the count on any of them counts as progress, so the answer
// leans towards silence.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_SHORTWRITEFLOW_H
#define NBIO_CHECKS_SHORTWRITEFLOW_H

#include "FunctionCfgs.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::nbio {

enum class ShortWriteEnd {
  /// The count is not kept: the call's value is discarded, cast to void or
  /// tested by an `if` whose branches are empty (that is
  /// nbio-unhandled-eagain's question), or the CFG cannot place it.
  NotKept,
  /// Some path after a short write uses the count: an offset or a length
  /// moved, the rest kept for later, the count stored or passed on.
  Advances,
  /// The count goes back to the caller, which decides (a wrapper's callers
  /// are judged as if they had made the call).
  Returned,
  /// Only a failure is tested (or nothing): the code goes on as if the whole
  /// buffer was written.
  Dropped,
  /// A comparison with the length sends the short write down a path that
  /// never uses the count: the connection is dropped, an error returned.
  Failed,
  /// A comparison with the length sends the short write back to the same
  /// call with the same buffer and length, or the count only shrinks the
  /// length and the loop calls again with the buffer where it was: the
  /// bytes already written go out again.
  Restarted,
};

struct ShortWriteOutcome {
  ShortWriteEnd End = ShortWriteEnd::NotKept;
  /// The comparison that saw the short count (Failed, Restarted), or the
  /// failure test it passed (Dropped; null when nothing tests the count).
  const Expr *Test = nullptr;
  /// Dropped: the return the short write reaches as if complete (or null).
  /// Failed: the first statement of the branch a short count takes.
  /// Restarted: the loop.
  const Stmt *Where = nullptr;
  /// Restarted: the count only shrinks the length (`len -= n`) and the
  /// buffer stays where it was; Test is that subtraction.
  bool LengthOnly = false;
};

class ShortWriteFlow {
public:
  ShortWriteFlow(ASTContext &Ctx, FunctionCfgs &Cfgs);

  /// What \p Fn does with the count of \p Call (on the descriptor \p Fd)
  /// after a short write. The arguments \p DataArgs (the buffer, the
  /// length) are the ones a retry must move on for it not to be a restart.
  ShortWriteOutcome follow(const CallExpr *Call, const FunctionDecl *Fn,
                           const Expr *Fd,
                           llvm::ArrayRef<const Expr *> DataArgs);

private:
  ASTContext &Ctx;
  FunctionCfgs &Cfgs;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_SHORTWRITEFLOW_H
