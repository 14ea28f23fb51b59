//===--- PartialWriteCheck.h - nbio-partial-write -------------------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef NBIO_CHECKS_PARTIALWRITECHECK_H
#define NBIO_CHECKS_PARTIALWRITECHECK_H

#include "NbioCheckBase.h"

namespace clang::tidy::nbio {

/// Flags a write on a non-blocking descriptor whose short count is taken
/// for a complete write: only a failure is tested and the code goes on as
/// if every byte was sent, a comparison with the length drops the
/// connection or returns an error, or the same buffer is written again from
/// its start.
///
/// For the user-facing documentation see:
/// docs/nbio-partial-write.md
class PartialWriteCheck : public NbioCheckBase {
public:
  PartialWriteCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void decide(NonBlockingFdAnalysis &A,
              llvm::ArrayRef<const Stmt *> Candidates) override;

private:
  /// Report on every descriptor, blocking ones too (a blocking write is
  /// short only when a signal interrupts it or a timeout is set).
  const bool AllDescriptors;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_PARTIALWRITECHECK_H
