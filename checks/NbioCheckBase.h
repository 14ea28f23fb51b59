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
#include "IncludeFixes.h"
#include "IoCalls.h"
#include "NonBlockingFdAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <memory>
#include <vector>

namespace clang::tidy::nbio {

class ShortWriteFlow;

/// The names of the nbio checks, sorted (NbioTidyModule registers each).
inline constexpr llvm::StringLiteral NbioCheckNames[] = {
    "nbio-busy-wait-retry", "nbio-connect-einprogress",
    "nbio-eagain-ewouldblock", "nbio-partial-write", "nbio-unhandled-eagain"};

class NbioCheckBase : public ClangTidyCheck {
public:
  NbioCheckBase(StringRef Name, ClangTidyContext *Context);
  ~NbioCheckBase() override;
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
  /// The note on where the descriptor became non-blocking; for a call to
  /// one of the project's I/O wrappers, also the I/O call it wraps
  /// (noteWrapper).
  void noteOrigin(const NonBlockingOrigin &O, const CallExpr *Call = nullptr);
  /// For a call to one of the project's I/O wrappers, or through a
  /// function pointer that is one: the note on the I/O call it makes.
  void noteWrapper(const CallExpr *Call);

  /// A function of the project that is an I/O call in disguise: it passes
  /// one of its parameters as the descriptor of a known I/O call (or of
  /// another wrapper) and returns that call's failure to its caller
  /// untested (its result, or -1 with errno intact), so its callers' failure
  /// paths are the call's (`send_packet(fd, ...)` that only forwards to
  /// write()).
  /// IoWrapper::AddrArg: the wrapper gives sendto() an address of its own.
  static constexpr int AlwaysAddressed = -2;
  struct IoWrapper {
    std::string Name; ///< the storage of Info.Name
    IoCallInfo Info;  ///< FdArg: the wrapper's parameter; family Plain
    const FunctionDecl *Fn = nullptr;
    /// The wrapped call in the wrapper's body, and the library call at the
    /// end of the chain (`write` for a wrapper of a wrapper of write).
    const CallExpr *Inner = nullptr;
    std::string Library;
    /// The wrapper's parameters passed on as the library call's buffer and
    /// length (-1: not a parameter).
    int BufArg = -1, LenArg = -1;
    /// The library call at the end is a sendto() given a destination
    /// address: AlwaysAddressed, or the wrapper's parameter it passes as
    /// the address (-1: no address; a null one at a call says none).
    int AddrArg = -1;
    /// A wrapper known from another file's facts: no Inner, its place as
    /// "file:line", and whether it hands the count back.
    std::string FactAt;
    std::optional<bool> ReturnsCount;
    /// The descriptor is this field of the struct the FdArg parameter
    /// points to (`send(ctx->s, ...)`), or empty: the parameter itself.
    std::string FdField;
    /// For calls through a struct's function-pointer field (a backend's
    /// table, `ctx->backend->send(ctx, ...)`): the function stored there
    /// that is this wrapper, for the notes; Fn is then null. For calls
    /// through a function-pointer parameter: what every call of its
    /// function passes there (`'read' or 'write'`).
    std::string Via;
    /// The function-pointer parameter the calls go through (Fn null), the
    /// first call of its function, and the storage of Info.ReadIf.
    const ParmVarDecl *Param = nullptr;
    const CallExpr *FirstSite = nullptr;
    std::string ReadIf;
    /// The wrapper (or one below it) sets errno to EAGAIN itself, on a
    /// path of its own (openntpd's msgbuf_write() for ENOBUFS): a caller's
    /// test of that name is about the wrapper's own code too.
    bool OwnEagain = false;
  };
  /// The table's entry for \p Call, or the wrapper's (inferred for the
  /// TU's functions at the end of the TU).
  const IoCallInfo *ioCallInfo(const CallExpr *Call) const;
  /// The descriptor \p Call works on: its FdArg argument, or for a
  /// wrapper whose descriptor is a field of that argument's struct, that
  /// field of it (an implicit `arg->field`, made once per call).
  const Expr *fdOf(const CallExpr *Call, const IoCallInfo &Info);
  /// The wrapper \p Call calls, or null.
  const IoWrapper *wrapperCalled(const CallExpr *Call) const;
  /// The library call itself: \p Call when it is not a wrapper's, else
  /// the call at the end of the wrapper chain in this file; null for a
  /// wrapper known only from another file's facts, or through a field or a
  /// function-pointer parameter. \p Layers, if given, gets the wrappers
  /// on the way down.
  const CallExpr *libraryCallOf(
      const CallExpr *Call,
      llvm::SmallVectorImpl<const FunctionDecl *> *Layers = nullptr) const;
  /// Every layer of \p W, down to the library call, hands the count of a
  /// write back to its caller (another file's wrapper: as its facts say).
  bool wrapperReturnsCount(const IoWrapper &W, ShortWriteFlow &Flow) const;

  /// Why a fix-it cannot name \p Fd again next to \p Call (the call is in
  /// a macro, the descriptor has side effects or is not written out in the
  /// file), as a note's text; empty when it can, with its copy in \p Copy.
  std::string whyFdCannotBeCopied(const CallExpr *Call, const Expr *Fd,
                                  std::optional<std::string> &Copy) const;

  /// The fix-it that includes \p Header in the file that holds \p Loc, or
  /// none where that file includes it already. A fragment included inside
  /// \p Fn's body (a `.inc` file) is no place for an #include: the file
  /// that includes the fragment at file scope gets it.
  std::optional<FixItHint> includeFix(IncludeFixes &Inserter,
                                      SourceLocation Loc,
                                      const FunctionDecl *Fn,
                                      StringRef Header) const;
  /// \p File has an `#include` of \p Header (read from the file itself:
  /// clangd's preamble hides the #include block from preprocessor
  /// callbacks).
  bool fileIncludes(FileID File, StringRef Header) const;

  FailurePathFinder &paths(NonBlockingFdAnalysis &A);

  ASTContext *Ctx = nullptr;
  NbioConfig Config;

private:
  /// \p C, given a blocking descriptor, waits: the library call at the
  /// end of its wrappers has no flags, or constant ones without
  /// MSG_DONTWAIT.
  bool waitsWhenBlocking(const CallExpr *C) const;
  /// Infers the TU's wrappers (wrappers of wrappers too, up to
  /// MaxWrapperDepth) from \p Calls, and adds the calls to them to \p Out.
  void inferWrappers(NonBlockingFdAnalysis &A,
                     llvm::ArrayRef<const CallExpr *> Calls,
                     std::vector<const Stmt *> &Out);
  /// The wrappers called through a struct's function-pointer field: the
  /// TU's own functions stored there, and other files' (the facts).
  void wrappersInFields(NonBlockingFdAnalysis &A,
                        std::vector<const Stmt *> &Out);
  /// The wrappers called through a function-pointer parameter of a
  /// function whose every call the TU sees (`static ssize_t
  /// io_all(ssize_t (*f)(int, void *, size_t), int fd, ...)`): the calls
  /// through it are calls of the I/O functions every call passes there.
  void wrappersInParameters(NonBlockingFdAnalysis &A,
                            std::vector<const Stmt *> &Out);
  /// The wrappers other files' facts name, for the calls to them here.
  void wrappersFromFacts(NonBlockingFdAnalysis &A,
                         std::vector<const Stmt *> &Out);
  /// How another file's facts describe this TU's wrapper \p W; its place
  /// (`At`) only given \p SM: where the wrapped call itself is at hand,
  /// its file and line (a line table to build) are not needed.
  static FactWrapper describe(const IoWrapper &W, bool ReturnsCount,
                              const SourceManager *SM);
  /// This TU's summary, written to FactsExportDir.
  void exportFacts(NonBlockingFdAnalysis &A);
  /// For the summary: the functions of \p Wanted (canonical declarations)
  /// that are not wrappers here but hand back, untested, the failure of a
  /// call to another file's function given one of their descriptor
  /// parameters: wrappers if that function is one (the merge decides).
  std::map<const FunctionDecl *, ProjectFacts::WrapperVia>
  wrappersIf(NonBlockingFdAnalysis &A,
             const llvm::DenseSet<const FunctionDecl *> &Wanted);
  /// The facts file for this TU (FactsFile, or discovered), loaded.
  void loadFacts();
  std::string FactsFileOpt, FactsExportDirOpt;
  /// The first enabled nbio check: it reports shared options and exports
  /// the TU's facts, once for all.
  bool IsReporter = false;
  class SharedIoCalls;
  std::shared_ptr<SharedIoCalls> IoCalls;
  unsigned FamilyMask = 0;
  bool MatchDependent = false;
  std::vector<const Stmt *> Candidates;
  std::shared_ptr<NonBlockingFdAnalysis> Analysis;
  std::string WaitFunctionsOpt, TerminalFunctionsOpt;
  /// What the nbio checks of one TU decide alike when their options are
  /// the same (the wrappers, the wait and terminal functions, the failure
  /// paths and their caches): the first check that needs it computes it,
  /// the others read it (sharedState()).
  struct SharedState;
  std::shared_ptr<SharedState> Shared;
  SharedState &sharedState();
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_NBIOCHECKBASE_H
