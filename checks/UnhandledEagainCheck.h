//===--- UnhandledEagainCheck.h - nbio-unhandled-eagain ------------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef NBIO_CHECKS_UNHANDLEDEAGAINCHECK_H
#define NBIO_CHECKS_UNHANDLEDEAGAINCHECK_H

#include "NbioCheckBase.h"

namespace clang::tidy::nbio {

/// Flags an I/O call on a non-blocking descriptor whose failure path never
/// considers EAGAIN/EWOULDBLOCK: the result is discarded, used as a byte
/// count unchecked, or the failure branch closes the connection, exits,
/// aborts or asserts without testing for "would block". The last of these
/// gets fixes on notes only (wait for readiness before the call; return on
/// EAGAIN before the terminal branch): which is right depends on the
/// program, so --fix alone never changes it.
///
/// For the user-facing documentation see:
/// docs/nbio-unhandled-eagain.md
class UnhandledEagainCheck : public NbioCheckBase {
public:
  UnhandledEagainCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void decide(NonBlockingFdAnalysis &A,
              llvm::ArrayRef<const Stmt *> Candidates) override;

private:
  std::vector<FixItHint> waitFix(const CallExpr *Call, const IoCallInfo &Info,
                                 const FunctionDecl *Fn,
                                 NonBlockingFdAnalysis &A);
  std::vector<FixItHint> returnFix(const CallExpr *Call,
                                   const FunctionDecl *Fn,
                                   const FailurePath &P,
                                   NonBlockingFdAnalysis &A);
  void decideSession(NonBlockingFdAnalysis &A, const CallExpr *Call,
                     const IoCallInfo &Info, const FunctionDecl *Fn);
  /// After \p Call, whose result is discarded, every path of \p Fn ends
  /// the connection with the C library's close() of \p Fd, free() of the
  /// object that holds it, exit(), or a helper of the file's that closes
  /// the object's descriptor and stores -1 into \p Fd's field on every
  /// path, without a branch on anything the call did.
  bool endsConnectionNext(const CallExpr *Call, const Expr *Fd,
                          const FunctionDecl *Fn, NonBlockingFdAnalysis &A);
  /// After \p Call, a session's teardown (`SSL_shutdown`, `gnutls_bye`),
  /// every path of \p Fn, the call's success included, ends the connection
  /// before the function returns: it closes \p BoundFd (the descriptor
  /// \p Session was bound to) or ends the process, with no other I/O on
  /// either on the way.
  bool endsOnEveryPath(const CallExpr *Call, const Expr *Session,
                       const Expr *BoundFd, const FunctionDecl *Fn,
                       NonBlockingFdAnalysis &A);
  void reportFatal();
  struct FatalFinding {
    const CallExpr *Call;
    const IoCallInfo *Info;
    const FunctionDecl *Fn;
    FailurePath P;
    NonBlockingOrigin Origin;
    std::string FdText;
    std::vector<FixItHint> WaitFix, ReturnFix;
  };
  /// This TU's findings of EAGAIN taken as fatal, reported together.
  std::vector<FatalFinding> Fatal;
  IncludeFixes Inserter;
  const bool FlagDiscardedResults;
  const bool StrictPropagation;
  const bool OfferWaitFix;
  const bool OfferReturnFix;
  const int TimeoutMs;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_UNHANDLEDEAGAINCHECK_H
