//===--- DebugAnalysisCheck.cpp - debug-nbio-analysis ---------------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "DebugAnalysisCheck.h"

namespace clang::tidy::nbio {

void DebugAnalysisCheck::registerMatchers(ast_matchers::MatchFinder *F) {
  matchCallsTo(F, {IoFamily::Plain, IoFamily::Connect, IoFamily::Ssl,
                   IoFamily::Code});
}

static StringRef endName(PathEnd E) {
  switch (E) {
  case PathEnd::Unknown:
    return "unknown";
  case PathEnd::Terminal:
    return "terminal";
  case PathEnd::Returns:
    return "returns";
  case PathEnd::Handled:
    return "handled";
  case PathEnd::Waits:
    return "waits";
  case PathEnd::Retries:
    return "retries";
  case PathEnd::UsedAsCount:
    return "used-as-count";
  }
  return "?";
}

void DebugAnalysisCheck::decide(NonBlockingFdAnalysis &A,
                                llvm::ArrayRef<const Stmt *> Candidates) {
  for (const Stmt *S : Candidates) {
    const auto *Call = cast<CallExpr>(S);
    const IoCallInfo *Info = ioCallInfo(Call);
    const FunctionDecl *Fn = Info ? A.enclosingFunction(Call) : nullptr;
    if (!Fn)
      continue;
    const Expr *Fd = fdOf(Call, *Info);
    Hypothesis H = Info->Family == IoFamily::Plain     ? Hypothesis::WouldBlock
                   : Info->Family == IoFamily::Connect ? Hypothesis::InProgress
                   : Info->Dir == Direction::Read      ? Hypothesis::WantRead
                                                       : Hypothesis::WantWrite;
    std::optional<NonBlockingOrigin> Origin =
        Info->Family == IoFamily::Connect ? A.nonBlockingAt(Fd, Call, Fn)
                                          : A.ioCallIsNonBlocking(Call, *Info, Fn, Fd);
    FailurePath P = paths(A).follow(Call, Fd, Fn, H);
    const SourceManager &SM = Ctx->getSourceManager();
    std::string At = "-";
    if (P.At) {
      SourceLocation L = SM.getExpansionLoc(P.At->getBeginLoc());
      At = std::to_string(SM.getExpansionLineNumber(L)) + ":" +
           std::to_string(SM.getExpansionColumnNumber(L));
    }
    diag(reportLoc(Call), "'%0' on '%1': %select{not known non-blocking|"
                          "non-blocking}2; failure path: %3 at %4, "
                          "tested %select{no|yes}5, branched %select{no|yes}6")
        << Info->Name << textOf(Fd) << (Origin ? 1 : 0) << endName(P.End) << At
        << (P.Tested ? 1 : 0) << (P.Branched ? 1 : 0);
    if (Origin)
      noteOrigin(*Origin, Call);
  }
}

} // namespace clang::tidy::nbio
