//===--- EagainEwouldblockCheck.h - nbio-eagain-ewouldblock --------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef NBIO_CHECKS_EAGAINEWOULDBLOCKCHECK_H
#define NBIO_CHECKS_EAGAINEWOULDBLOCKCHECK_H

#include "FunctionCfgs.h"
#include "LinuxOnlyMacros.h"
#include "NbioCheckBase.h"
#include <map>
#include <optional>
#include <set>
#include <string>

namespace clang::tidy::nbio {

/// Flags an errno set by an I/O call on a descriptor that is compared with
/// only one of EAGAIN and EWOULDBLOCK (in a condition, or as case labels of
/// a switch). They are equal on Linux but not on every platform.
///
/// For the user-facing documentation see:
/// docs/nbio-eagain-ewouldblock.md
class EagainEwouldblockCheck : public NbioCheckBase {
public:
  using NbioCheckBase::NbioCheckBase;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

protected:
  void decide(NonBlockingFdAnalysis &A,
              llvm::ArrayRef<const Stmt *> Candidates) override;

private:
  /// A classifier's parameter that receives errno from an I/O call: the
  /// call that passes it, and that I/O call.
  struct ClassifierUse {
    const ParmVarDecl *Param;
    const CallExpr *Io;
    const CallExpr *Site;
  };
  void checkComparison(NonBlockingFdAnalysis &A, const BinaryOperator *B,
                       const ClassifierUse *Via = nullptr);
  void checkClassifierCall(NonBlockingFdAnalysis &A, const CallExpr *C);
  std::set<std::pair<const FunctionDecl *, unsigned>> ClassifiersRead;
  void checkSwitch(NonBlockingFdAnalysis &A, const SwitchStmt *Sw,
                   const CaseStmt *First);
  /// The I/O call whose errno a test at \p At in \p Fn reads, if the last
  /// errno-setting call of interest before it is one.
  const CallExpr *ioCallBefore(NonBlockingFdAnalysis &A, const FunctionDecl *Fn,
                               const Stmt *At);
  /// \p Io calls a project wrapper that sets errno to EAGAIN itself
  /// (IoWrapper::OwnEagain), on a descriptor not known to be non-blocking:
  /// a test of EAGAIN after it is about the wrapper's own code (openntpd's
  /// imsg_read() when the descriptor table is nearly full), and says
  /// nothing of a would-block, the only failure that can come as
  /// EWOULDBLOCK.
  bool eagainIsWrappers(NonBlockingFdAnalysis &A, const CallExpr *Io,
                        const IoCallInfo &Info, const FunctionDecl *Fn);
  /// \p Cond is the condition of an `if (...) continue;` that ends a
  /// loop's body: both outcomes go to the loop's next iteration test, so
  /// the comparison (coturn's uclient: `if (rc < 0 && errno == EAGAIN &&
  /// sync) continue;` in a do-while on EINTR) decides nothing, whichever
  /// name it spells. Nor does that of an `if` whose branches differ only by
  /// a debug line (onlyDebugLinesDiffer).
  bool decidesNothing(const Stmt *Cond);
  /// Each branch of \p If is empty or only writes a debug-level line
  /// (syslog's LOG_DEBUG, a logger or macro named for debugging). Lines at
  /// other levels are behaviour: an error logged for a would-block that is
  /// no error is the bug (nbio-eagain-ewouldblock-log-only-branch.c).
  bool onlyDebugLinesDiffer(const IfStmt *If);
  const Stmt *conditionRoot(const Expr *E);
  const Stmt *enclosingBlock(const Stmt *S);
  /// \p OpLoc: the comparison's operator, if any (a macro that gives it
  /// too is no alias).
  bool isProjectAlias(const Expr *Constant,
                      SourceLocation OpLoc = SourceLocation()) const;
  bool isWholeCondition(const BinaryOperator *B);
  /// A comparison written in a macro's body: the macro, the comparison's
  /// and errno's text there, and the range to replace.
  struct MacroBodyText {
    std::string Macro, Orig, Err;
    CharSourceRange Range;
  };
  std::optional<MacroBodyText> macroBodyText(const BinaryOperator *B,
                                             const Expr *ErrSide);
  std::set<std::string> ReportedMacros;
  bool textMentions(const Stmt *S, StringRef Name);
  /// \p Loc is spelled inside an `#if`/`#elif` block whose condition names
  /// both EAGAIN and EWOULDBLOCK (`#if EAGAIN == EWOULDBLOCK`).
  bool underDifferenceGuard(SourceLocation Loc);
  /// Per file, the offset ranges of such blocks (raw tokens, found once).
  llvm::DenseMap<FileID, std::vector<std::pair<unsigned, unsigned>>>
      GuardRanges;
  bool isErrnoLike(const Expr *E, const FunctionDecl *Fn);
  /// \p Loc is expanded in the main file, and the main file includes a
  /// Linux kernel header (`<linux/...>`) outside any `#if`, or its code
  /// needs there a socket macro that only Linux defines and the project
  /// takes from the platform (LinuxOnlyMacros): it is built only on Linux,
  /// where the two names are one.
  bool inLinuxOnlyFile(SourceLocation Loc);
  /// The main file's answer, found once (raw tokens).
  std::optional<bool> LinuxOnlyMain;
  /// \p Loc is expanded in the first branch of an `#ifdef`/`#if defined`
  /// whose one condition is the compiler's Linux macro (`__linux__`,
  /// `__linux`), or a socket macro only Linux defines that the project
  /// takes from the platform and names in no other directive: code built
  /// only where the two names are one.
  bool inLinuxOnlyBranch(SourceLocation Loc);
  /// Per file, the offset ranges of such branches (raw tokens, found once).
  llvm::DenseMap<FileID, std::vector<std::pair<unsigned, unsigned>>>
      LinuxBranches;
  /// Which of Linux's own socket macros this TU takes from the platform.
  LinuxOnlyMacros PlatformMacros;
  llvm::DenseSet<const Stmt *> Reported;
  /// This TU's answers: where each file spells a name (raw tokens), the
  /// condition each node of a logical chain belongs to, errno's copies.
  std::map<std::pair<FileID, std::string>, std::vector<unsigned>> NameOffsets;
  /// Where the name's text stands in the file (comments and strings too),
  /// per file and name: textMentions' cheap first answer, and where
  /// underDifferenceGuard looks for directives. Found once per file.
  std::map<std::pair<FileID, std::string>, std::vector<unsigned>> TextOffsets;
  /// \p Fn's text, the branches the preprocessor skipped included, calls
  /// no I/O function but splice() and sendfile() with four arguments
  /// (Linux, Solaris) or seven (FreeBSD, DragonFly).
  bool callsOnlyLinuxOnlyIo(const FunctionDecl *Fn);
  const std::vector<unsigned> &textOffsets(FileID FID, StringRef Buf,
                                           StringRef Name);
  llvm::DenseMap<const Stmt *, const Stmt *> RootOf;
  llvm::DenseMap<const VarDecl *, bool> ErrnoCopies;
  /// Each function's errno-setting calls of interest, and which of them
  /// ran last on the paths to each point of its CFG.
  struct Setters {
    std::vector<const CallExpr *> Calls;
    std::unique_ptr<FunctionCfgs::LastOnPaths> Last;
  };
  llvm::DenseMap<const FunctionDecl *, Setters> ErrnoSetters;
  /// The test \p At is under a condition on a local whose every value comes
  /// from a call of the project other than the setters: it is about that
  /// call's failure.
  bool testsAnotherCall(const FunctionDecl *Fn, const Stmt *At,
                        const Setters &S);
  /// Per local: every value it takes is such a call's result.
  llvm::DenseMap<const VarDecl *, bool> CallResultOnly;
  FailurePathFinder *Paths = nullptr;
  const FunctionDecl *CurFn = nullptr;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_EAGAINEWOULDBLOCKCHECK_H
