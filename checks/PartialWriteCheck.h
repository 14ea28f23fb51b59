//===--- PartialWriteCheck.h - nbio-partial-write -------------------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef NBIO_CHECKS_PARTIALWRITECHECK_H
#define NBIO_CHECKS_PARTIALWRITECHECK_H

#include "NbioCheckBase.h"
#include "ShortWriteFlow.h"

namespace clang::tidy::nbio {

/// A constant-length write shorter than this is taken to go out whole or
/// fail: on the BSDs and macOS a stream socket refuses outright a write no
/// larger than its send low-water mark (2,048 bytes by default), and a
/// Linux Unix stream socket one no larger than half its send buffer (at
/// least 2,240 bytes); only Linux TCP can split so small a write, when it
/// straddles the end of the last queued segment (at least 536 bytes, most
/// often a multiple of 1,448) while the send buffer is full. For an
/// acknowledgement, a command word or a short header that is too rare to
/// report; the option lowers it (2 reports every write of two bytes or
/// more).
constexpr unsigned DefaultMinimumLength = 64;

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
  void decideTls(NonBlockingFdAnalysis &A, ShortWriteFlow &Flow,
                 const CallExpr *Call, const IoCallInfo &Info);
  /// Reports \p Call (on \p Subject: "non-blocking fd 'fd'"...) when \p O
  /// says a short count is lost; false when it is not.
  bool report(const CallExpr *Call, const IoCallInfo &Info,
              const ShortWriteOutcome &O, llvm::StringRef Subject);
  /// Report on every descriptor, blocking ones too (a blocking write is
  /// short only when a signal interrupts it or a timeout is set).
  const bool AllDescriptors;
  /// Writes of a constant length below this are not reported: see
  /// DefaultMinimumLength.
  const unsigned MinimumLength;
};


} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_PARTIALWRITECHECK_H
