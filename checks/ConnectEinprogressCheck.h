//===--- ConnectEinprogressCheck.h - nbio-connect-einprogress ------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef NBIO_CHECKS_CONNECTEINPROGRESSCHECK_H
#define NBIO_CHECKS_CONNECTEINPROGRESSCHECK_H

#include "NbioCheckBase.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::nbio {

/// Flags connect() on a non-blocking socket whose failure branch ends the
/// connection without testing for EINPROGRESS, and (more mildly) a
/// translation unit that handles EINPROGRESS but never reads the outcome
/// back with getsockopt(SO_ERROR). The first gets a fix-it that passes the
/// call's result through a small helper, inserted once per file: on
/// EINPROGRESS it waits for the socket to become writable and reads the
/// outcome back, so the failure branch runs only when the connect failed.
///
/// For the user-facing documentation see:
/// docs/nbio-connect-einprogress.md
class ConnectEinprogressCheck : public NbioCheckBase {
public:
  ConnectEinprogressCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

  /// The helper the fix-it calls and defines: the same text in every file
  /// and from every translation unit.
  static constexpr llvm::StringLiteral HelperName = "nbio_connect_wait";

protected:
  void decide(NonBlockingFdAnalysis &A,
              llvm::ArrayRef<const Stmt *> Candidates) override;

private:
  /// The TU's preprocessor: whether the helper's guard macro is defined.
  Preprocessor *PP = nullptr;
  /// The fix that waits for the connect's outcome, or none, with why in
  /// \p WhyNot.
  std::vector<FixItHint> makeFix(const CallExpr *Call, const FunctionDecl *Fn,
                                 const std::string &FdCopy,
                                 std::string &WhyNot);
  std::vector<FixItHint> helperHints(const FunctionDecl *Fn, bool Failed);
  std::optional<std::vector<FixItHint>> readBackFix(const CallExpr *Call,
                                                    const FunctionDecl *Fn,
                                                    NonBlockingFdAnalysis &A,
                                                    const std::string &FdCopy);
  bool wrappedByHelper(const CallExpr *Call, const FunctionDecl *Fn,
                       NonBlockingFdAnalysis &A) const;

  IncludeFixes Inserter;
  const bool CheckSoErrorReadback;
  const bool StrictPropagation;
  const int TimeoutMs;
  /// The files of this TU that have each helper or are given it.
  llvm::DenseSet<FileID> FilesWithWait, FilesWithFailed;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_CONNECTEINPROGRESSCHECK_H
