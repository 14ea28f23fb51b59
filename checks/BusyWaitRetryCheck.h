//===--- BusyWaitRetryCheck.h - nbio-busy-wait-retry ---------------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef NBIO_CHECKS_BUSYWAITRETRYCHECK_H
#define NBIO_CHECKS_BUSYWAITRETRYCHECK_H

#include "NbioCheckBase.h"

namespace clang::tidy::nbio {

/// Flags loops (and backward gotos) that retry an I/O call as soon as it
/// fails with EAGAIN/EWOULDBLOCK (EINPROGRESS for connect,
/// SSL_ERROR_WANT_READ/WRITE for OpenSSL) without waiting for readiness,
/// and offers a fix-it that inserts a poll() (or select(), or the project's
/// own wait) before the retry.
///
/// For the user-facing documentation see:
/// docs/nbio-busy-wait-retry.md
class BusyWaitRetryCheck : public NbioCheckBase {
public:
  BusyWaitRetryCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

  /// The WaitForm option.
  enum class Form { Poll, Select, Custom };

protected:
  void decide(NonBlockingFdAnalysis &A,
              llvm::ArrayRef<const Stmt *> Candidates) override;

private:
  struct Fix {
    std::vector<FixItHint> Hints;
    std::string WhyNot; ///< empty when there is a fix
  };
  Fix makeFix(NonBlockingFdAnalysis &A, const FunctionDecl *Fn,
              const FailurePath &P, const std::string &FdText, bool Readable,
              const std::string &ReadIf);
  std::vector<std::string> waitLines(const std::string &Fd, bool Readable,
                                     const std::string &ReadIf) const;
  bool repeatable(const Expr *Cond, NonBlockingFdAnalysis &A);
  bool mayRepeat(const CallExpr *Call, const FunctionDecl *Fn,
                 NonBlockingFdAnalysis &A);

  IncludeFixes Inserter;
  const Form WaitForm;
  const std::string WaitTemplate;
  const std::string WaitHeader;
  /// The header the fix includes: from WaitForm, or WaitHeader for custom
  /// (checked in the constructor; empty when none is needed).
  std::string Header;
  const int TimeoutMs;
};

} // namespace clang::tidy::nbio

namespace clang::tidy {
/// WaitForm's values, so that clang-tidy reports an unknown one.
template <> struct OptionEnumMapping<nbio::BusyWaitRetryCheck::Form> {
  static llvm::ArrayRef<
      std::pair<nbio::BusyWaitRetryCheck::Form, llvm::StringRef>>
  getEnumMapping() {
    static constexpr std::pair<nbio::BusyWaitRetryCheck::Form, llvm::StringRef>
        Mapping[] = {{nbio::BusyWaitRetryCheck::Form::Poll, "poll"},
                     {nbio::BusyWaitRetryCheck::Form::Select, "select"},
                     {nbio::BusyWaitRetryCheck::Form::Custom, "custom"}};
    return Mapping;
  }
};
} // namespace clang::tidy

#endif // NBIO_CHECKS_BUSYWAITRETRYCHECK_H
