//===--- NbioCheckBase.h - What every nbio check shares -------------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The nbio checks of a TU share one matcher for the I/O calls (see
// matchCallsTo); each takes the calls it cares about as candidates and
// decides at the end of the translation unit, when the shared analysis has seen
// every function (a field may be made non-blocking below the function that
// reads it). This base class holds the shared options, the candidates, and the
// diagnostics' common parts (the fd's text, the notes on origins).
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_NBIOCHECKBASE_H
#define NBIO_CHECKS_NBIOCHECKBASE_H

#include "FailurePath.h"
#include "IoCalls.h"
#include "NonBlockingFdAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <vector>

namespace clang::tidy::nbio {

/// The names of the nbio checks, sorted (NbioTidyModule registers each).
inline constexpr llvm::StringLiteral NbioCheckNames[] = {
    "nbio-busy-wait-retry", "nbio-connect-einprogress",
    "nbio-eagain-ewouldblock", "nbio-partial-write", "nbio-unhandled-eagain"};

class NbioCheckBase : public ClangTidyCheck {
public:
  NbioCheckBase(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  /// Nothing: the candidates come from the shared matcher (matchCallsTo).
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

protected:
  /// Called once per TU with the candidates, when there are any.
  virtual void decide(NonBlockingFdAnalysis &A,
                      llvm::ArrayRef<const Stmt *> Candidates) = 0;

  /// The calls every nbio check starts from: calls to the I/O functions
  /// of these families, from a matcher registered once per MatchFinder and
  /// shared by the nbio checks (IoCallInfo's table; global or extern "C"
  /// functions, not members or look-alikes in namespaces). With \p
  /// AlsoDependent, also calls in templates that name one but resolve only at
  /// instantiation. Calls in template instantiations do match, but have no
  /// enclosing function in the analysis (see enclosingFunction), so each
  /// template is judged once, in its own code.
  void matchCallsTo(ast_matchers::MatchFinder *Finder,
                    std::initializer_list<IoFamily> Families,
                    bool AlsoDependent = false);

  /// The call's value is thrown away: it stands as a statement of its own
  /// (an explicit cast to void is not that: it says "ignored on purpose").
  bool isDiscarded(const CallExpr *Call, const FunctionDecl *Fn,
                   NonBlockingFdAnalysis &A);

  /// Where to report something at \p S: the macro expansion site if \p S
  /// comes from a macro.
  SourceLocation reportLoc(const Stmt *S) const;
  bool inMacro(const Stmt *S) const;
  /// \p E as the user wrote it, on one line: for messages.
  std::string textOf(const Expr *E) const;
  /// \p E exactly as it stands in the file: for fix-its that copy it
  /// (exactSourceText).
  std::optional<std::string> fixTextOf(const Expr *E) const;
  void noteOrigin(const NonBlockingOrigin &O);

  FailurePathFinder &paths(NonBlockingFdAnalysis &A);

  ASTContext *Ctx = nullptr;
  NbioConfig Config;
  WaitFunctions Waits;
  llvm::StringSet<> UserTerminal;

private:
  class SharedIoCalls;
  std::shared_ptr<SharedIoCalls> IoCalls;
  unsigned FamilyMask = 0;
  bool MatchDependent = false;
  std::vector<const Stmt *> Candidates;
  std::shared_ptr<NonBlockingFdAnalysis> Analysis;
  std::unique_ptr<FailurePathFinder> Paths;
  std::string WaitFunctionsOpt, TerminalFunctionsOpt;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_NBIOCHECKBASE_H
