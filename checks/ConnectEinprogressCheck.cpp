//===--- ConnectEinprogressCheck.cpp - nbio-connect-einprogress ----------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "ConnectEinprogressCheck.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::nbio {

ConnectEinprogressCheck::ConnectEinprogressCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : NbioCheckBase(Name, Context),
      CheckSoErrorReadback(Options.get("CheckSoErrorReadback", true)),
      StrictPropagation(Options.get("StrictPropagation", false)) {}

void ConnectEinprogressCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  NbioCheckBase::storeOptions(Opts);
  Options.store(Opts, "CheckSoErrorReadback", CheckSoErrorReadback);
  Options.store(Opts, "StrictPropagation", StrictPropagation);
}

void ConnectEinprogressCheck::registerMatchers(ast_matchers::MatchFinder *F) {
  matchCallsTo(F, {IoFamily::Connect});
}

/// connect(fd, (struct sockaddr *)&un, ...) with a sockaddr_un.
static bool isUnixDomainAddress(const CallExpr *Call) {
  if (Call->getNumArgs() < 2)
    return false;
  const Expr *A = Call->getArg(1)->IgnoreParenCasts();
  // glibc's __CONST_SOCKADDR_ARG is a transparent union in GNU C.
  if (const auto *CL = dyn_cast<CompoundLiteralExpr>(A))
    if (const auto *IL = dyn_cast<InitListExpr>(CL->getInitializer());
        IL && IL->getNumInits() == 1)
      A = IL->getInit(0)->IgnoreParenCasts();
  QualType T = A->getType();
  if (!T->isPointerType())
    return false;
  const auto *RD = T->getPointeeType()->getAsRecordDecl();
  return RD && RD->getName() == "sockaddr_un";
}

void ConnectEinprogressCheck::decide(NonBlockingFdAnalysis &A,
                                     llvm::ArrayRef<const Stmt *> Candidates) {
  for (const Stmt *S : Candidates) {
    const auto *Call = cast<CallExpr>(S);
    const IoCallInfo *Info = lookupIoCall(Call);
    if (!Info || Info->Family != IoFamily::Connect)
      continue;
    const FunctionDecl *Fn = A.enclosingFunction(Call);
    if (!Fn)
      continue;
    const Expr *Fd = Call->getArg(Info->FdArg);
    if (isUnixDomainAddress(Call))
      continue; // AF_UNIX connects at once or fails with EAGAIN
    // A UDP (or other datagram) socket's connect() sets its peer at once.
    if (A.isDatagramSocket(Fd, Call, Fn))
      continue;
    std::optional<NonBlockingOrigin> Origin = A.nonBlockingAt(Fd, Call, Fn);
    if (!Origin)
      continue;
    std::string FdText = textOf(Fd);
    FailurePath P = paths(A).follow(Call, Fd, Fn, Hypothesis::InProgress);
    if (P.Tested) {
      // Only where this TU also waits for the socket: the read-back often
      // lives next to the event loop, in another file.
      if (CheckSoErrorReadback && !A.readsSoError() && A.waitsForReadiness()) {
        diag(reportLoc(Call),
             "the outcome of non-blocking 'connect' on fd '%0' is never read "
             "back with getsockopt(SO_ERROR)")
            << FdText;
        diag(reportLoc(Call),
             "once the socket is writable, getsockopt(fd, SOL_SOCKET, "
             "SO_ERROR, ...) tells whether the connection succeeded",
             DiagnosticIDs::Note);
      }
      continue;
    }
    bool StrictReturn = StrictPropagation && P.End == PathEnd::Returns &&
                        P.At && isa<ReturnStmt>(P.At);
    if ((P.End != PathEnd::Terminal || !P.Branched) && !StrictReturn)
      continue;
    diag(reportLoc(Call),
         "'connect' on non-blocking fd '%0' treats EINPROGRESS as a failure")
        << FdText;
    if (StrictReturn)
      diag(reportLoc(P.At),
           "when it fails with EINPROGRESS, the failure is returned here",
           DiagnosticIDs::Note);
    else
      diag(reportLoc(P.At),
           "when it fails with EINPROGRESS, %0 here without testing for "
           "EINPROGRESS",
           DiagnosticIDs::Note)
          << P.What;
    noteOrigin(*Origin);
  }
}

} // namespace clang::tidy::nbio
