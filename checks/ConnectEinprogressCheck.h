//===--- ConnectEinprogressCheck.h - nbio-connect-einprogress ------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef NBIO_CHECKS_CONNECTEINPROGRESSCHECK_H
#define NBIO_CHECKS_CONNECTEINPROGRESSCHECK_H

#include "NbioCheckBase.h"

namespace clang::tidy::nbio {

/// Flags connect() on a non-blocking socket whose failure branch ends the
/// connection without testing for EINPROGRESS, and (more mildly) a
/// translation unit that handles EINPROGRESS but never reads the outcome
/// back with getsockopt(SO_ERROR).
///
/// For the user-facing documentation see:
/// docs/nbio-connect-einprogress.md
class ConnectEinprogressCheck : public NbioCheckBase {
public:
  ConnectEinprogressCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void decide(NonBlockingFdAnalysis &A,
              llvm::ArrayRef<const Stmt *> Candidates) override;

private:
  const bool CheckSoErrorReadback;
  const bool StrictPropagation;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_CONNECTEINPROGRESSCHECK_H
