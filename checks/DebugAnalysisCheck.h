//===--- DebugAnalysisCheck.h - debug-nbio-analysis -------------*- C++ -*-===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef NBIO_CHECKS_DEBUGANALYSISCHECK_H
#define NBIO_CHECKS_DEBUGANALYSISCHECK_H

#include "NbioCheckBase.h"

namespace clang::tidy::nbio {

/// Prints, for every I/O call the nbio checks look at, what the shared
/// analyses answer: whether its descriptor is non-blocking there and where
/// it became so, and where the path goes when the call fails as the checks
/// assume (EAGAIN, EINPROGRESS, the TLS library's "would block"). For
/// testing the analyses apart from the checks' policies, as clang's
/// static analyzer does with its debug.* checkers; not for users' code.
///
/// For the user-facing documentation see:
/// docs/debug-nbio-analysis.md
class DebugAnalysisCheck : public NbioCheckBase {
public:
  using NbioCheckBase::NbioCheckBase;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;

protected:
  void decide(NonBlockingFdAnalysis &A,
              llvm::ArrayRef<const Stmt *> Candidates) override;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_DEBUGANALYSISCHECK_H
