//===--- NbioCheckBase.cpp - What every nbio check shares -----------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "NbioCheckBase.h"
#include "SharedPerKey.h"
#include "ShortWriteFlow.h"
#include "SourceText.h"
#include "StmtSearch.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

using namespace clang::ast_matchers;

namespace clang::tidy::nbio {

/// Wrappers of wrappers of a library call: a bound on the chain. Real
/// projects have one or two layers (a transport's send over send(), a
/// packet writer over that); each layer is one pass over the call sites of
/// the layer below.
constexpr unsigned MaxWrapperDepth = 4;

struct NbioCheckBase::SharedState {
  const ASTContext *For = nullptr; ///< the TU it belongs to
  WaitFunctions Waits;
  llvm::StringSet<> UserTerminal;
  std::unique_ptr<FailurePathFinder> Paths;
  /// Keyed by the wrapper function, or by the function-pointer field that
  /// holds one (FieldDecl).
  std::map<const Decl *, std::unique_ptr<IoWrapper>> Wrappers;
  /// The calls to them, once the wrappers are inferred.
  std::optional<std::vector<const Stmt *>> WrapperCalls;
  /// fdOf's implicit `arg->field` expressions.
  llvm::DenseMap<const CallExpr *, const Expr *> FieldFds;
  llvm::DenseSet<const Expr *> MadeFds;
};

static void addList(llvm::StringSet<> &Set, llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  List.split(Parts, ';', -1, false);
  for (llvm::StringRef P : Parts)
    if (!P.trim().empty())
      Set.insert(P.trim());
}

/// A function's name as the lists take it: an identifier, qualified with
/// `::` for C++ (`ns::set_nonblocking`).
static bool isFunctionName(StringRef N) {
  if (N.consume_front("::"); N.empty())
    return false;
  llvm::SmallVector<StringRef, 4> Parts;
  N.split(Parts, "::");
  for (StringRef P : Parts)
    if (P.empty() || !isAsciiIdentifierStart(P[0]) ||
        !llvm::all_of(P, [](char C) { return isAsciiIdentifierContinue(C); }))
      return false;
  return true;
}

static bool isIndex(StringRef S) {
  unsigned V;
  return !S.trim().getAsInteger(10, V);
}

/// Why \p Item is not a valid entry of the option \p Option, or empty.
static std::string badListItem(StringRef Option, StringRef Item) {
  llvm::SmallVector<StringRef, 4> F;
  Item.split(F, ':');
  StringRef Name = F[0].trim();
  if (!isFunctionName(Name))
    return "'" + Name.str() + "' is not a function name";
  if ((Option == "NonBlockingFunctions" || Option == "BlockingFunctions") &&
      Item.contains("::"))
    return "a qualified name cannot be given here; use the function's own "
           "name";
  if (Option == "NonBlockingFunctions") {
    // Name:FdArg or Name:FdArg:FlagArg:NonBlockingValue
    if ((F.size() != 2 && F.size() != 4) ||
        !llvm::all_of(llvm::ArrayRef(F).drop_front(), isIndex))
      return "expected 'Name:FdArg' or 'Name:FdArg:FlagArg:NonBlockingValue' "
             "with whole numbers";
  } else if (Option == "BlockingFunctions") {
    if (F.size() != 2 || !isIndex(F[1]))
      return "expected 'Name:FdArg' with a whole number";
  } else if (F.size() != 1) {
    return "expected a function or macro name";
  }
  return {};
}

NbioCheckBase::NbioCheckBase(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {
  Config = NbioConfig::read(*this, [&](StringRef N, StringRef D) {
    return Options.getLocalOrGlobal(N, D).str();
  });
  WaitFunctionsOpt = Options.getLocalOrGlobal("WaitFunctions", "").str();
  FactsFileOpt = Options.getLocalOrGlobal("FactsFile", "").str();
  FactsExportDirOpt = Options.getLocalOrGlobal("FactsExportDir", "").str();
  TerminalFunctionsOpt =
      Options.getLocalOrGlobal("TerminalFunctions", "").str();
  // Say so, as stock checks do, where an entry cannot be understood: it is
  // left out, and the rest of the list still counts. A value set for every
  // check (the global key) is reported once, by the first enabled nbio
  // check; one set for this check alone, by this check.
  llvm::StringRef Reporter;
  for (llvm::StringRef C : NbioCheckNames)
    if (Context->isCheckEnabled(C)) {
      Reporter = C;
      break;
    }
  IsReporter = getID() == Reporter;
  for (auto [Option, Value] :
       {std::pair<StringRef, StringRef>{"NonBlockingFunctions",
                                        Config.NonBlockingFunctions},
        {"BlockingFunctions", Config.BlockingFunctions},
        {"WouldBlockHelpers", Config.WouldBlockHelpers},
        {"WaitFunctions", WaitFunctionsOpt},
        {"TerminalFunctions", TerminalFunctionsOpt}}) {
    if (!Options.get(Option) && getID() != Reporter)
      continue;
    llvm::SmallVector<StringRef, 8> Items;
    Value.split(Items, ';', -1, false);
    for (StringRef Item : Items) {
      if (Item.trim().empty())
        continue;
      std::string Why = badListItem(Option, Item.trim());
      if (!Why.empty())
        configurationDiag("invalid configuration value '%0' in option "
                          "'%1%2': %3; the entry is ignored")
            << Item.trim() << (Options.get(Option) ? getID().str() + "." : "")
            << Option << Why;
    }
  }
}

NbioCheckBase::~NbioCheckBase() = default;

NbioCheckBase::SharedState &NbioCheckBase::sharedState() {
  if (Shared && Shared->For == Ctx)
    return *Shared;
  // One state per (AST, options): the checks of a TU die together, after
  // its last onEndOfTranslationUnit.
  std::string Key =
      Config.key() + "\x1f" + WaitFunctionsOpt + "\x1f" + TerminalFunctionsOpt;
  Shared = sharedPerKey<SharedState>(std::make_pair(Ctx, Key), [&] {
    auto S = std::make_shared<SharedState>();
    S->For = Ctx;
    addList(S->Waits.User, WaitFunctionsOpt);
    addList(S->UserTerminal, TerminalFunctionsOpt);
    if (Config.Facts)
      for (const std::string &W : Config.Facts->Waits)
        S->Waits.Project.insert(W);
    return S;
  });
  return *Shared;
}

void NbioCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "NonBlockingFunctions", Config.NonBlockingFunctions);
  Options.store(Opts, "BlockingFunctions", Config.BlockingFunctions);
  Options.store(Opts, "WouldBlockHelpers", Config.WouldBlockHelpers);
  Options.store(Opts, "WaitFunctions", WaitFunctionsOpt);
  Options.store(Opts, "TerminalFunctions", TerminalFunctionsOpt);
  Options.store(Opts, "FactsFile", FactsFileOpt);
  Options.store(Opts, "FactsExportDir", FactsExportDirOpt);
}

/// A call of an I/O function the checks know, by a name lookup in IoCalls'
/// index (hasAnyName compared the names one by one). Calls in templates
/// that resolve only at instantiation are matched by name too; the checks
/// that do not want them drop them.
static bool callsIoFunction(const CallExpr &Call) {
  llvm::StringRef Name = globalOrDependentCalleeName(&Call);
  return !Name.empty() && ioCallNamed(Name);
}

/// `atomicio(read, fd, buf, n)`: a call given a plain I/O function as an
/// argument (wrappersInParameters looks for what such calls reach).
static bool passesIoFunction(const CallExpr &Call) {
  for (const Expr *Arg : Call.arguments()) {
    const FunctionDecl *Fn = functionNamedBy(Arg);
    if (!Fn || !Fn->getIdentifier())
      continue;
    const IoCallInfo *Info = ioCallNamed(Fn->getName());
    if (Info && Info->Family == IoFamily::Plain)
      return true;
  }
  return false;
}

namespace {
// Runs on every call in the TU, headers included: one matcher for both
// questions (each matcher is asked of every call).
AST_MATCHER(CallExpr, callsOrPassesIoFunction) {
  return callsIoFunction(Node) || passesIoFunction(Node);
}

/// `p->send = fn`: a function stored in a struct's field.
AST_MATCHER(BinaryOperator, storesFunctionInField) {
  const auto *ME = dyn_cast<MemberExpr>(Node.getLHS()->IgnoreParenImpCasts());
  return Node.getOpcode() == BO_Assign && ME &&
         isa<FieldDecl>(ME->getMemberDecl()) && functionNamedBy(Node.getRHS());
}

/// `{..., fn, ...}` for a struct: a table of functions (a backend's).
AST_MATCHER(InitListExpr, initializesStruct) {
  return Node.getType()->isRecordType() && !Node.getType()->isUnionType();
}
} // namespace

/// The I/O calls of one TU, matched once for all the nbio checks that run on
/// it: the matcher runs on every call of the TU, headers included, and four
/// checks matching the same calls would pay for it four times.
class NbioCheckBase::SharedIoCalls : public MatchFinder::MatchCallback {
public:
  void run(const MatchFinder::MatchResult &Result) override {
    const SourceManager &SM = *Result.SourceManager;
    auto InSystemHeader = [&](const Stmt *S) {
      return SM.isInSystemHeader(SM.getExpansionLoc(S->getBeginLoc()));
    };
    if (const auto *C = Result.Nodes.getNodeAs<CallExpr>("io-call")) {
      Ctx = Result.Context;
      if (!InSystemHeader(C)) {
        if (callsIoFunction(*C))
          Calls.push_back(C);
        if (passesIoFunction(*C))
          PassesIoFunction = true;
      }
    }
    if (const auto *B = Result.Nodes.getNodeAs<BinaryOperator>("fn-store");
        B && !InSystemHeader(B))
      FieldStores.push_back(
          {cast<FieldDecl>(
               cast<MemberExpr>(B->getLHS()->IgnoreParenImpCasts())
                   ->getMemberDecl()),
           functionNamedBy(B->getRHS()), B});
    if (const auto *IL = Result.Nodes.getNodeAs<InitListExpr>("struct-init")) {
      // The semantic form has one initializer per field, designators
      // resolved (the traversal may show either form, or both).
      if (IL->isSyntacticForm() && IL->getSemanticForm())
        IL = IL->getSemanticForm();
      const RecordDecl *RD = IL->getType()->getAsRecordDecl();
      if (!RD || InSystemHeader(IL) || !SeenInits.insert(IL).second)
        return;
      unsigned I = 0;
      for (const FieldDecl *F : RD->fields()) {
        if (F->isUnnamedBitField())
          continue;
        if (I >= IL->getNumInits())
          break;
        if (const FunctionDecl *Fn = functionNamedBy(IL->getInit(I)))
          FieldStores.push_back({F, Fn, IL->getInit(I)});
        ++I;
      }
    }
  }
  StringRef getID() const override { return "nbio-shared-io-call-matcher"; }

  ASTContext *Ctx = nullptr;
  std::vector<const CallExpr *> Calls;
  /// Some call outside system headers is given a plain I/O function.
  bool PassesIoFunction = false;
  /// Functions stored in struct fields: by assignment or in a table.
  struct FieldStore {
    const FieldDecl *Field;
    const FunctionDecl *Fn;
    const Stmt *At;
  };
  std::vector<FieldStore> FieldStores;
  llvm::DenseSet<const InitListExpr *> SeenInits;
  /// The nbio checks of this TU (each registers through forFinder) and
  /// how many of them have ended it: the macro chains every check asks
  /// about (macroChain's cache, which points into this TU's buffers) are
  /// dropped when the last one ends, not at the end of each check.
  unsigned Registered = 0, Ended = 0;
  /// The facts file found from this working directory, looked for once for
  /// all the checks of the TU (each would climb the same directories).
  std::optional<std::pair<std::string, std::string>> DiscoveredFacts;

  /// The one for \p Finder, registering its matcher on first use.
  static std::shared_ptr<SharedIoCalls> forFinder(MatchFinder *Finder) {
    // Checks are made per TU with their MatchFinder and die with it.
    return sharedPerKey<SharedIoCalls>(
        static_cast<const MatchFinder *>(Finder), [&] {
          auto Fresh = std::make_shared<SharedIoCalls>();
          Finder->addMatcher(
              callExpr(callsOrPassesIoFunction()).bind("io-call"), Fresh.get());
          Finder->addMatcher(
              binaryOperator(storesFunctionInField()).bind("fn-store"),
              Fresh.get());
          Finder->addMatcher(
              initListExpr(initializesStruct()).bind("struct-init"),
              Fresh.get());
          return Fresh;
        });
  }
};

void NbioCheckBase::matchCallsTo(MatchFinder *Finder,
                                 std::initializer_list<IoFamily> Families,
                                 bool AlsoDependent) {
  FamilyMask = 0;
  for (IoFamily F : Families)
    FamilyMask |= 1u << unsigned(F);
  MatchDependent = AlsoDependent;
  IoCalls = SharedIoCalls::forFinder(Finder);
  ++IoCalls->Registered;
  // The check's own matcher is only there to be called at the end of the TU
  // (MatchFinder calls onEndOfTranslationUnit on its registered callbacks).
  Finder->addMatcher(translationUnitDecl(), this);
}

void NbioCheckBase::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context; // the TU's, for a TU without I/O calls too
}

void NbioCheckBase::onEndOfTranslationUnit() {
  // The checks of a TU share macroChain's cache: the last of them to end
  // the TU drops it (a check without the shared matcher, at once), on
  // every way out of this function.
  struct ForgetWhenLast {
    SharedIoCalls *Io;
    ~ForgetWhenLast() {
      if (!Io || ++Io->Ended >= Io->Registered)
        forgetMacroChains();
    }
  } Forget{IoCalls.get()};
  if (IoCalls && IoCalls->Ctx)
    Ctx = IoCalls->Ctx;
  if (!Ctx)
    return;
  loadFacts();
  bool Exporting = IsReporter && !FactsExportDirOpt.empty();
  bool WantPlain = FamilyMask & (1u << unsigned(IoFamily::Plain));
  std::vector<const CallExpr *> PlainCalls;
  for (const CallExpr *C : IoCalls ? IoCalls->Calls
                                   : std::vector<const CallExpr *>()) {
    const IoCallInfo *Info = ioCallNamed(globalOrDependentCalleeName(C));
    // A project's own tls_read is not libtls's (lookupIoCall asks the
    // callee's parameter).
    if (!Info ||
        (Info->Api && !Info->Api->SessionRecord.empty() && !lookupIoCall(C)))
      continue;
    if (Info->Family == IoFamily::Plain && !globalCalleeName(C).empty())
      PlainCalls.push_back(C);
    if (!(FamilyMask & (1u << unsigned(Info->Family))))
      continue;
    if (!MatchDependent && globalCalleeName(C).empty())
      continue;
    Candidates.push_back(C);
  }
  if (WantPlain || Exporting) {
    Analysis = NonBlockingFdAnalysis::get(*Ctx, Config);
    SharedState &S = sharedState();
    if (!S.WrapperCalls) {
      std::vector<const Stmt *> WrapperCalls;
      wrappersFromFacts(*Analysis, WrapperCalls);
      for (const Stmt *W : WrapperCalls)
        PlainCalls.push_back(cast<CallExpr>(W));
      inferWrappers(*Analysis, PlainCalls, WrapperCalls);
      size_t Direct = WrapperCalls.size();
      wrappersInFields(*Analysis, WrapperCalls);
      wrappersInParameters(*Analysis, WrapperCalls);
      // A call through such a field or parameter is an I/O call in its
      // turn: a function that hands its failure back is a thin wrapper too
      // (pgbouncer's sbuf_op_send(), `return sbuf->ops->sbufio_send(sbuf,
      // buf, len);`, a static inline function its callers test).
      std::vector<const CallExpr *> Indirect;
      for (size_t I = Direct; I < WrapperCalls.size(); ++I)
        Indirect.push_back(cast<CallExpr>(WrapperCalls[I]));
      inferWrappers(*Analysis, Indirect, WrapperCalls);
      S.WrapperCalls = std::move(WrapperCalls);
    }
    if (WantPlain)
      Candidates.insert(Candidates.end(), S.WrapperCalls->begin(),
                        S.WrapperCalls->end());
    if (Exporting)
      exportFacts(*Analysis);
  }
  if (!Candidates.empty()) {
    Analysis = NonBlockingFdAnalysis::get(*Ctx, Config);
    decide(*Analysis, Candidates);
  }
  Candidates.clear();
}

FailurePathFinder &NbioCheckBase::paths(NonBlockingFdAnalysis &A) {
  SharedState &S = sharedState();
  if (!S.Paths)
    S.Paths = std::make_unique<FailurePathFinder>(
        *Ctx, A.classifiers(), A.functionParents(), A.functionCfgs(), S.Waits,
        S.UserTerminal);
  return *S.Paths;
}

bool NbioCheckBase::isDiscarded(const CallExpr *Call, const FunctionDecl *Fn,
                                NonBlockingFdAnalysis &A) {
  FailurePathFinder &P = paths(A);
  const Stmt *Child = Call;
  const Stmt *Parent = P.parentOf(Call, Fn);
  while (Parent && (isa<ParenExpr>(Parent) || isa<ExprWithCleanups>(Parent))) {
    Child = Parent;
    Parent = P.parentOf(Parent, Fn);
  }
  if (!Parent || isa<Expr>(Parent)) {
    // `a, read(...)` as a statement: the comma's right side is discarded
    // too; anything else uses the value (casts to void included).
    return false;
  }
  if (const auto *If = dyn_cast<IfStmt>(Parent))
    return Child == If->getThen() || Child == If->getElse();
  if (const auto *W = dyn_cast<WhileStmt>(Parent))
    return Child == W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(Parent))
    return Child == D->getBody();
  if (const auto *F = dyn_cast<ForStmt>(Parent))
    return Child == F->getBody() || Child == F->getInc() ||
           Child == F->getInit();
  return isa<CompoundStmt>(Parent) || isa<SwitchCase>(Parent) ||
         isa<LabelStmt>(Parent) || isa<AttributedStmt>(Parent);
}

SourceLocation NbioCheckBase::reportLoc(const Stmt *S) const {
  return Ctx->getSourceManager().getExpansionLoc(S->getBeginLoc());
}

bool NbioCheckBase::inMacro(const Stmt *S) const {
  // The statement's own token decides: the callee of a call, the operator
  // of `errno == EAGAIN` (whose operands are macros written in the file).
  SourceLocation L = S->getBeginLoc();
  if (const auto *C = dyn_cast<CallExpr>(S))
    L = C->getCallee()->getExprLoc();
  else if (const auto *B = dyn_cast<BinaryOperator>(S))
    L = B->getOperatorLoc();
  if (L.isMacroID())
    return true;
  return Lexer::makeFileCharRange(
             CharSourceRange::getTokenRange(S->getSourceRange()),
             Ctx->getSourceManager(), Ctx->getLangOpts())
      .isInvalid();
}

/// fdOf's `arg->field`: the argument as written, and the field.
static std::string withField(std::string Base, const Expr *E) {
  const auto *ME = cast<MemberExpr>(E);
  return Base + (ME->isArrow() ? "->" : ".") +
         ME->getMemberDecl()->getName().str();
}

std::string NbioCheckBase::textOf(const Expr *E) const {
  if (Shared && Shared->MadeFds.count(E))
    return withField(sourceTextOf(cast<MemberExpr>(E)->getBase(), *Ctx), E);
  return sourceTextOf(E, *Ctx);
}

std::optional<std::string> NbioCheckBase::fixTextOf(const Expr *E) const {
  if (Shared && Shared->MadeFds.count(E)) {
    const Expr *Base = cast<MemberExpr>(E)->getBase();
    std::optional<std::string> B = exactSourceText(Base, *Ctx);
    if (!B)
      return std::nullopt;
    // `p + 1` as written needs brackets before `->`.
    if (!isa<DeclRefExpr, MemberExpr, ParenExpr, CallExpr>(
            Base->IgnoreImpCasts()))
      *B = "(" + *B + ")";
    return withField(*B, E);
  }
  return exactSourceText(E, *Ctx);
}

const Expr *NbioCheckBase::fdOf(const CallExpr *Call, const IoCallInfo &Info) {
  const Expr *Arg = Call->getArg(Info.FdArg);
  const IoWrapper *W = wrapperCalled(Call);
  if (!W || W->FdField.empty())
    return Arg;
  SharedState &S = sharedState();
  if (const Expr *Made = S.FieldFds.lookup(Call))
    return Made;
  // `wrapper(&obj, ...)`: the descriptor is `obj.field`, written so (tmux's
  // `imsg_read(&peer->ibuf)` reads `peer->ibuf.fd`).
  const Expr *Base = Arg;
  if (const auto *U = dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
      U && U->getOpcode() == UO_AddrOf)
    Base = U->getSubExpr();
  QualType T = Base->getType();
  bool Arrow = T->isPointerType();
  const RecordDecl *RD =
      (Arrow ? T->getPointeeType() : T)->getAsRecordDecl();
  const FieldDecl *FD = nullptr;
  if (RD && RD->getDefinition())
    for (const FieldDecl *F : RD->getDefinition()->fields())
      if (F->getIdentifier() && F->getName() == W->FdField)
        FD = F;
  if (!FD)
    return Arg; // not the struct the wrapper reads (stale facts)
  const Expr *Made = MemberExpr::CreateImplicit(
      *Ctx, const_cast<Expr *>(Base), Arrow, const_cast<FieldDecl *>(FD),
      FD->getType(), VK_LValue, OK_Ordinary);
  S.FieldFds[Call] = Made;
  S.MadeFds.insert(Made);
  return Made;
}

std::string
NbioCheckBase::whyFdCannotBeCopied(const CallExpr *Call, const Expr *Fd,
                                   std::optional<std::string> &Copy) const {
  Copy = fixTextOf(Fd);
  if (inMacro(Call))
    return "no fix-it: the call is inside a macro expansion";
  if (Fd->HasSideEffects(*Ctx))
    return "no fix-it: the descriptor expression has side effects and "
           "cannot be evaluated again";
  if (!Copy)
    return "no fix-it: the descriptor is not written out in the file (it "
           "comes from a macro) and cannot be copied";
  return {};
}

bool NbioCheckBase::fileIncludes(FileID File, StringRef Header) const {
  StringRef Buf = Ctx->getSourceManager().getBufferData(File);
  StringRef Name = Header.trim("<>\"");
  size_t Pos = 0;
  while ((Pos = Buf.find("include", Pos)) != StringRef::npos) {
    size_t LineStart = Buf.rfind('\n', Pos);
    LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
    StringRef Lead = Buf.slice(LineStart, Pos).trim();
    size_t LineEnd = Buf.find('\n', Pos);
    StringRef Rest = Buf.slice(Pos + 7, LineEnd).trim();
    if ((Lead == "#" || Lead == "# ") && Rest.size() > 2 &&
        Rest.drop_front().starts_with(Name) &&
        (Rest.size() == Name.size() + 2 || Rest[Name.size() + 1] == '>' ||
         Rest[Name.size() + 1] == '"'))
      return true;
    if (Name == "poll.h" && (Lead == "#") && Rest.contains("sys/poll.h"))
      return true;
    Pos += 7;
  }
  return false;
}

std::optional<FixItHint>
NbioCheckBase::includeFix(IncludeFixes &Inserter, SourceLocation Loc,
                          const FunctionDecl *Fn, StringRef Header) const {
  const SourceManager &SM = Ctx->getSourceManager();
  FileID File = SM.getFileID(SM.getExpansionLoc(Loc));
  SourceRange Body = Fn->getBody()->getSourceRange();
  for (SourceLocation Inc = SM.getIncludeLoc(File);
       Inc.isValid() && !SM.isBeforeInTranslationUnit(Inc, Body.getBegin()) &&
       SM.isBeforeInTranslationUnit(Inc, Body.getEnd());
       Inc = SM.getIncludeLoc(File))
    File = SM.getFileID(Inc);
  if (fileIncludes(File, Header))
    return std::nullopt;
  return Inserter.createIncludeInsertion(File, Header);
}

void NbioCheckBase::noteOrigin(const NonBlockingOrigin &O,
                               const CallExpr *Call) {
  if (O.Loc.isValid())
    diag(Ctx->getSourceManager().getExpansionLoc(O.Loc), O.Note,
         DiagnosticIDs::Note);
  if (Call)
    noteWrapper(Call);
}

void NbioCheckBase::noteWrapper(const CallExpr *Call) {
  const IoWrapper *W = wrapperCalled(Call);
  if (W && W->Param) {
    const auto *Fn = cast<FunctionDecl>(W->Param->getDeclContext());
    diag(reportLoc(W->FirstSite),
         "'%0' is %1 at every call of '%2', as here",
         DiagnosticIDs::Note)
        << W->Param->getName() << W->Via << Fn->getName();
  } else if (W && !W->Via.empty()) {
    // Through a function-pointer field: the note names what the field
    // holds, at the wrapped call (this TU's) or by its place (facts).
    if (W->Inner)
      diag(reportLoc(W->Inner),
           "'%0', stored in that field, hands the outcome of '%1' on the "
           "descriptor it is given back to its caller here",
           DiagnosticIDs::Note)
          << W->Via << W->Library;
    else
      diag(reportLoc(Call),
           "'%0' may be '%1', which hands the outcome of '%2' on the "
           "descriptor it is given back to its caller (%3, from the "
           "project's facts)",
           DiagnosticIDs::Note)
          << W->Name << W->Via << W->Library << W->FactAt;
  } else if (W && !W->Inner) {
    diag(reportLoc(Call),
         "'%0' hands the outcome of '%1' on the descriptor it is given back "
         "to its caller (%2, from the project's facts)",
         DiagnosticIDs::Note)
        << W->Name << W->Library << W->FactAt;
  } else if (W) {
    const IoCallInfo *Inner = ioCallInfo(W->Inner);
    diag(reportLoc(W->Inner),
         "'%0' hands the outcome of '%1' on its parameter '%2' back to its "
         "caller here",
         DiagnosticIDs::Note)
        << W->Name << (Inner ? Inner->Name : StringRef(W->Library))
        << (W->Fn->getParamDecl(W->Info.FdArg)->getName() +
            (W->FdField.empty() ? "" : "->" + W->FdField))
               .str();
  }
}

const NbioCheckBase::IoWrapper *
NbioCheckBase::wrapperCalled(const CallExpr *Call) const {
  if (!Shared || Shared->Wrappers.empty())
    return nullptr;
  const Decl *Key = Call->getDirectCallee();
  if (!Key)
    Key = calledField(Call);
  if (!Key)
    Key = calledParameter(Call);
  if (!Key)
    return nullptr;
  auto It = Shared->Wrappers.find(Key->getCanonicalDecl());
  return It == Shared->Wrappers.end() ? nullptr : It->second.get();
}

const CallExpr *NbioCheckBase::libraryCallOf(
    const CallExpr *Call,
    llvm::SmallVectorImpl<const FunctionDecl *> *Layers) const {
  // The wrappers are found MaxWrapperDepth layers deep at most.
  for (unsigned Depth = 0; Call && Depth <= MaxWrapperDepth; ++Depth) {
    const IoWrapper *W = wrapperCalled(Call);
    if (!W)
      return Call;
    if (Layers && W->Fn)
      Layers->push_back(W->Fn);
    Call = W->Fn ? W->Inner : nullptr;
  }
  return nullptr;
}

bool NbioCheckBase::wrapperReturnsCount(const IoWrapper &W,
                                        ShortWriteFlow &Flow) const {
  for (const IoWrapper *X = &W; X;
       X = X->Inner ? wrapperCalled(X->Inner) : nullptr) {
    if (!X->Inner || !X->Fn) // another file's, by its facts; or a field's
      return X->ReturnsCount.value_or(false);
    const IoCallInfo *I = ioCallInfo(X->Inner);
    if (!I || Flow.follow(X->Inner, X->Fn, X->Inner->getArg(I->FdArg), {})
                      .End != ShortWriteEnd::Returned)
      return false;
  }
  return true; // down to the library call, each layer hands the count back
}

const IoCallInfo *NbioCheckBase::ioCallInfo(const CallExpr *Call) const {
  if (const IoWrapper *W = wrapperCalled(Call))
    return Call->getNumArgs() > W->Info.FdArg ? &W->Info : nullptr;
  return lookupIoCall(Call);
}

void NbioCheckBase::loadFacts() {
  Config.Facts.reset();
  // A summary says what its own file shows: one made while a facts file is
  // read would depend on an earlier merge (a wrapper of another file taken
  // for this file's own setter), so that one pass and shards, or two runs
  // over the same sources, could write different facts. The export pass
  // therefore reads none, and its findings are those without facts.
  if (!FactsExportDirOpt.empty())
    return;
  std::string Path = FactsFileOpt;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
      &Ctx->getSourceManager().getFileManager().getVirtualFileSystem();
  llvm::ErrorOr<std::string> Cwd = FS->getCurrentWorkingDirectory();
  if (!Path.empty() && Cwd && llvm::sys::path::is_relative(Path)) {
    llvm::SmallString<256> Abs(*Cwd);
    llvm::sys::path::append(Abs, Path);
    Path = std::string(Abs);
  } else if (Path.empty() && Cwd) {
    if (!IoCalls)
      Path = ProjectFacts::discover(*Cwd);
    else {
      auto &Found = IoCalls->DiscoveredFacts;
      if (!Found || Found->first != *Cwd)
        Found.emplace(*Cwd, ProjectFacts::discover(*Cwd));
      Path = Found->second;
    }
  }
  if (Path.empty())
    return;
  std::string Why;
  Config.Facts = ProjectFacts::load(Path, Why);
  // Said once per file and process, by one check.
  static std::mutex Lock;
  static llvm::StringSet<> Warned;
  if (!Config.Facts && IsReporter) {
    std::lock_guard<std::mutex> Guard(Lock);
    if (Warned.insert(Path).second)
      configurationDiag("nbio facts file '%0' %1; it is ignored")
          << Path << Why;
  }
}

/// The names \p Referenced maps to false: declared, none referenced.
static llvm::StringSet<> unreferenced(const llvm::StringMap<bool> &Referenced) {
  llvm::StringSet<> Out;
  for (const auto &E : Referenced)
    if (!E.getValue())
      Out.insert(E.getKey());
  return Out;
}

/// For a C translation unit: which of the function names in \p Idents its
/// file-scope declarations show unused. A name is unused when the file
/// scope declares a function of that name and Sema marked none of its
/// declarations referenced (a call names the function, a DeclRefExpr, and
/// marks it; a declaration inside a function that redeclares it counts
/// with it). A name the walk finds no declaration of (declared only inside
/// a function, or in a declaration clangd's traversal scope leaves out) is
/// not in the answer, and neither is any name of a C++ unit (templates and
/// local classes declare functions this walk does not reach). So the
/// answer only ever says "certainly never called here", which lets a file
/// that calls none of another file's wrappers skip the walk of every body
/// that looking for their calls costs (on libevent's http.c, as much as
/// the rest of the checks).
static llvm::StringSet<> unusedScopeFunctions(
    ASTContext &Ctx,
    const llvm::SmallPtrSetImpl<const IdentifierInfo *> &Idents) {
  if (Ctx.getLangOpts().CPlusPlus || Idents.empty())
    return {};
  // Each name declared, and whether some declaration of it is referenced.
  llvm::StringMap<bool> Referenced;
  auto Visit = [&](const Decl *D) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (FD && FD->getIdentifier() && Idents.count(FD->getIdentifier()))
      Referenced[FD->getName()] |= FD->isReferenced();
  };
  for (const Decl *D : Ctx.getTraversalScope()) {
    if (const auto *TU = dyn_cast<TranslationUnitDecl>(D)) {
      for (const Decl *Top : TU->decls())
        Visit(Top);
    } else {
      Visit(D);
    }
  }
  return unreferenced(Referenced);
}

/// The same for struct fields, named as ProjectFacts::fieldKey names them
/// (`record::field`), of the records named (or typedef'd) by one of \p
/// Records: every record the TU defines is looked at, wherever it is
/// defined (one of the ASTContext's record types), so that a record a
/// function defines with the name of a header's unused one keeps the key.
/// A call through a field names it (a MemberExpr) and marks it referenced.
static llvm::StringSet<>
unusedFieldKeys(ASTContext &Ctx,
                const llvm::SmallPtrSetImpl<const IdentifierInfo *> &Idents,
                const llvm::SmallPtrSetImpl<const IdentifierInfo *> &Records) {
  if (Ctx.getLangOpts().CPlusPlus || Idents.empty())
    return {};
  llvm::StringMap<bool> Referenced;
  for (const Type *T : Ctx.getTypes()) {
    const auto *RT = dyn_cast<RecordType>(T);
    const RecordDecl *RD = RT ? RT->getDecl()->getDefinition() : nullptr;
    if (!RD)
      continue;
    const IdentifierInfo *Name = RD->getIdentifier();
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      Name = TD->getIdentifier();
    if (!Name || !Records.count(Name))
      continue;
    for (const FieldDecl *FD : RD->fields()) {
      if (!FD->getIdentifier() || !Idents.count(FD->getIdentifier()))
        continue;
      std::string Key = ProjectFacts::fieldKey(FD);
      if (!Key.empty())
        Referenced[Key] |= FD->isReferenced();
    }
  }
  return unreferenced(Referenced);
}

void NbioCheckBase::wrappersFromFacts(NonBlockingFdAnalysis &A,
                                      std::vector<const Stmt *> &Out) {
  if (!Config.Facts || Config.Facts->Wrappers.empty())
    return;
  // Keyed by the name's last component, which a callee gives for free:
  // the qualified name, which has to be printed, only for the few callees
  // that may be one (a TU declares hundreds of library functions).
  // Only names the TU has seen at all (its identifier table): most files
  // call none of a project's wrappers, and grouping the TU's calls by
  // callee to find that out would cost more than the rest of this.
  llvm::StringMap<llvm::SmallVector<const FactWrapper *, 1>> ByName;
  llvm::SmallPtrSet<const IdentifierInfo *, 16> Named;
  const IdentifierTable &Idents = Ctx->Idents;
  for (const FactWrapper &F : Config.Facts->Wrappers) {
    llvm::StringRef Name(F.Name);
    size_t Colons = Name.rfind("::");
    llvm::StringRef Last =
        Colons == llvm::StringRef::npos ? Name : Name.substr(Colons + 2);
    if (auto It = Idents.find(Last); It != Idents.end()) {
      ByName[Last].push_back(&F);
      Named.insert(It->getValue());
    }
  }
  // A header that declares a wrapper puts its name in every file that
  // includes it; a file that calls none of them has nothing to look for.
  for (const auto &E : unusedScopeFunctions(*Ctx, Named))
    ByName.erase(E.getKey());
  if (ByName.empty())
    return;
  A.forEachCallee([&](const FunctionDecl *Callee,
                      llvm::ArrayRef<const CallExpr *> Sites) {
    // This TU's own body, if it has one, decides (inferWrappers). A
    // function named as a C library call the checks know is that call
    // here: the project's body of it is an interposer for other programs
    // (dante's libdsocks defines write() over its own Rwrite()), and what
    // the checks know of the call (its length argument) is worth more.
    if (!Callee || Callee->hasBody() || !Callee->getIdentifier() ||
        ioCallOf(Callee))
      return;
    auto It = ByName.find(Callee->getName());
    if (It == ByName.end())
      return;
    std::string Qualified = Callee->getQualifiedNameAsString();
    const FactWrapper *Found = nullptr;
    for (const FactWrapper *F : It->second)
      if (F->Name == Qualified)
        Found = F;
    if (!Found || Found->FdArg >= Callee->getNumParams())
      return;
    const FactWrapper &F = *Found;
    auto W = std::make_unique<IoWrapper>();
    W->Name = Callee->getNameAsString();
    W->Fn = Callee;
    W->Library = F.Library;
    W->Info = IoCallInfo{W->Name, F.FdArg,
                         F.Write ? Direction::Write : Direction::Read, -1,
                         IoFamily::Plain};
    W->BufArg = F.BufArg;
    W->LenArg = F.LenArg;
    W->AddrArg = F.AddrArg;
    W->FactAt = F.At;
    W->ReturnsCount = F.ReturnsCount;
    W->FdField = F.FdField;
    W->OwnEagain = F.OwnEagain;
    Shared->Wrappers[Callee->getCanonicalDecl()] = std::move(W);
    for (const CallExpr *Site : Sites)
      if (Site->getNumArgs() > F.FdArg)
        Out.push_back(Site);
  });
}

FactWrapper NbioCheckBase::describe(const IoWrapper &W, bool ReturnsCount,
                                    const SourceManager *SM) {
  FactWrapper FW;
  FW.Name = W.Fn->getQualifiedNameAsString();
  FW.FdArg = W.Info.FdArg;
  FW.FdField = W.FdField;
  FW.Write = W.Info.Dir == Direction::Write;
  FW.Library = W.Library;
  FW.BufArg = W.BufArg;
  FW.LenArg = W.LenArg;
  FW.AddrArg = W.AddrArg;
  FW.ReturnsCount = ReturnsCount;
  FW.OwnEagain = W.OwnEagain;
  if (SM)
    FW.At = fileAndLine(W.Inner->getBeginLoc(), *SM);
  return FW;
}

void NbioCheckBase::exportFacts(NonBlockingFdAnalysis &A) {
  ProjectFacts F;
  A.exportFacts(F);
  const SourceManager &SM = Ctx->getSourceManager();
  // The functions of this file, visible to the others, that wait or back
  // off: their callers elsewhere see only a declaration.
  for (const FunctionDecl *Fn : A.exportedFunctions())
    if (Shared->Waits.isWait(Fn))
      F.Waits.push_back(Fn->getQualifiedNameAsString());
  llvm::sort(F.Waits);
  F.Waits.erase(std::unique(F.Waits.begin(), F.Waits.end()), F.Waits.end());
  // The other files' functions this one hands to an event loop: there
  // they run once their descriptor is ready (weechat's xfer plugin
  // registers the chat reader of xfer-chat.c in xfer-network.c).
  for (const auto &[Fn, Mask] : A.eventHandlers().registeredElsewhere()) {
    std::string Name = Fn->getQualifiedNameAsString();
    if (Mask & EventHandlers::Readable)
      F.ReadHandlers.push_back(Name);
    if (Mask & EventHandlers::Writable)
      F.WriteHandlers.push_back(Name);
  }
  for (std::vector<std::string> *L : {&F.ReadHandlers, &F.WriteHandlers}) {
    llvm::sort(*L);
    L->erase(std::unique(L->begin(), L->end()), L->end());
  }
  // The functions this file calls whose body is not in its main file:
  // the only ones it may ask the merged facts about (whether one waits,
  // WaitFunctions::isWait; whether one keeps a descriptor's mode,
  // goesOnlyToModeKeepers), under both names those ask by. A header's
  // function counts (clangd skips the bodies of a preamble's headers), and
  // so does a system header's declaration (a library's example programs
  // include its installed header, `<libssh2.h>`, for functions the
  // library's own files define).
  A.forEachCallee(
      [&](const FunctionDecl *Callee, llvm::ArrayRef<const CallExpr *>) {
        const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
        if (!Callee || !Callee->getIdentifier() || Callee->getBuiltinID() ||
            !Callee->isExternallyVisible() ||
            (Def && SM.isInMainFile(SM.getExpansionLoc(Def->getLocation()))))
          return;
        F.Calls.push_back(Callee->getQualifiedNameAsString());
        if (Callee->isExternC())
          F.Calls.push_back(Callee->getName().str());
      });
  llvm::sort(F.Calls);
  F.Calls.erase(std::unique(F.Calls.begin(), F.Calls.end()), F.Calls.end());
  ShortWriteFlow Flow(*Ctx, A.functionCfgs());
  // Not a function named as a C library call (an interposer): to the
  // other files, a call of that name is the library's (wrappersFromFacts).
  for (const auto &[Key, W] : Shared->Wrappers)
    if (W->Inner && W->Fn && W->Fn->isExternallyVisible() && !ioCallOf(W->Fn))
      F.Wrappers.push_back(describe(*W, wrapperReturnsCount(*W, Flow), &SM));
  llvm::sort(F.Wrappers, [](const FactWrapper &X, const FactWrapper &Y) {
    return X.Name < Y.Name;
  });
  // The functions that are wrappers if another file's function is: those
  // visible to other files, and those stored in struct fields.
  const std::vector<SharedIoCalls::FieldStore> NoStores;
  const std::vector<SharedIoCalls::FieldStore> &Stores =
      IoCalls ? IoCalls->FieldStores : NoStores;
  llvm::DenseSet<const FunctionDecl *> Wanted;
  for (const FunctionDecl *Fn : A.exportedFunctions())
    Wanted.insert(Fn->getCanonicalDecl());
  for (const SharedIoCalls::FieldStore &St : Stores)
    Wanted.insert(St.Fn->getCanonicalDecl());
  std::map<const FunctionDecl *, ProjectFacts::WrapperVia> If =
      wrappersIf(A, Wanted);
  for (const auto &[Fn, W] : If)
    if (Fn->isExternallyVisible() && !ioCallOf(Fn))
      F.WrappersIf.push_back(W);
  llvm::sort(F.WrappersIf, [](const ProjectFacts::WrapperVia &X,
                              const ProjectFacts::WrapperVia &Y) {
    return std::tie(X.Name, X.At) < std::tie(Y.Name, Y.At);
  });
  // The thin I/O wrappers this TU stores in struct fields (static ones
  // included: the table reaches every file), and those that are if
  // another file's function is. The other functions stored there say
  // nothing to a call through the field (wrappersInFields), and a
  // project's tables hold thousands of them: each TU would pay for
  // reading them.
  for (const SharedIoCalls::FieldStore &St : Stores) {
    ProjectFacts::FieldTarget T;
    T.Field = ProjectFacts::fieldKey(St.Field);
    if (T.Field.empty())
      continue;
    T.Fn = St.Fn->getNameAsString();
    T.At = fileAndLine(St.At->getBeginLoc(), SM);
    auto It = Shared->Wrappers.find(St.Fn->getCanonicalDecl());
    if (It != Shared->Wrappers.end() && It->second->Inner && It->second->Fn)
      T.Wrapper =
          describe(*It->second, wrapperReturnsCount(*It->second, Flow), &SM);
    else if (auto I = If.find(St.Fn->getCanonicalDecl()); I != If.end())
      T.WrapperIf = I->second;
    else
      continue;
    F.FieldTargets.push_back(std::move(T));
  }
  llvm::sort(F.FieldTargets, [](const ProjectFacts::FieldTarget &X,
                                const ProjectFacts::FieldTarget &Y) {
    return std::tie(X.Field, X.Fn, X.At) < std::tie(Y.Field, Y.Fn, Y.At);
  });
  // One file per TU, named after the main file's path, written whole
  // (a temporary renamed into place) so that a parallel merge never reads
  // half a file.
  std::string MainPath = ProjectFacts::mainFileKey(SM);
  if (MainPath.empty())
    return;
  std::string Base;
  for (char C : MainPath)
    Base += llvm::isAlnum(C) || C == '.' || C == '-' ? C : '_';
  llvm::SmallString<256> Out(FactsExportDirOpt);
  if (std::error_code EC = llvm::sys::fs::create_directories(Out)) {
    configurationDiag("cannot create the facts directory '%0': %1")
        << FactsExportDirOpt << EC.message();
    return;
  }
  llvm::sys::path::append(Out, Base + ".json");
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::formatv("{0:2}", F.toJSON()) << "\n";
  OS.flush();
  llvm::SmallString<256> Tmp(Out);
  Tmp += ".tmp";
  {
    std::error_code EC;
    llvm::raw_fd_ostream File(Tmp, EC);
    if (EC) {
      configurationDiag("cannot write the facts file '%0': %1")
          << Tmp << EC.message();
      return;
    }
    File << Text;
  }
  llvm::sys::fs::rename(Tmp, Out);
}

void NbioCheckBase::wrappersInFields(NonBlockingFdAnalysis &A,
                                     std::vector<const Stmt *> &Out) {
  // What each field may hold that is a thin I/O wrapper: this TU's own
  // functions (inferred above) and other files' (their facts), one entry
  // per function.
  struct Held {
    const IoWrapper *Own = nullptr;
    const FactWrapper *Fact = nullptr;
  };
  std::map<std::string, std::map<std::string, Held>> ByField;
  for (const SharedIoCalls::FieldStore &St :
       IoCalls ? IoCalls->FieldStores
               : std::vector<SharedIoCalls::FieldStore>()) {
    auto It = Shared->Wrappers.find(St.Fn->getCanonicalDecl());
    ByField[ProjectFacts::fieldKey(St.Field)][St.Fn->getNameAsString()].Own =
        It != Shared->Wrappers.end() && It->second->Fn ? It->second.get()
                                                       : nullptr;
  }
  if (Config.Facts)
    for (const ProjectFacts::FieldTarget &T : Config.Facts->FieldTargets) {
      Held &H = ByField[T.Field][T.Fn];
      if (!H.Own && T.Wrapper)
        H.Fact = &*T.Wrapper;
    }
  // Only fields that may hold a wrapper matter; without one, the TU's
  // bodies need not be walked at all (most tables hold no I/O).
  for (auto It = ByField.begin(); It != ByField.end();)
    It = llvm::any_of(It->second,
                      [](const auto &E) { return E.second.Own || E.second.Fact; })
             ? std::next(It)
             : ByField.erase(It);
  // A field no code of this file names is never called through here
  // (tables of functions are declared in headers that many files
  // include), and a name the TU has never seen is no field of it at all.
  // The records to look into are those the keys name.
  llvm::SmallPtrSet<const IdentifierInfo *, 16> Named, Records;
  for (auto It = ByField.begin(); It != ByField.end();) {
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(It->first).split(Parts, "::");
    auto Ident = Ctx->Idents.find(Parts.back());
    if (Ident == Ctx->Idents.end()) {
      It = ByField.erase(It);
      continue;
    }
    Named.insert(Ident->getValue());
    Parts.pop_back();
    for (llvm::StringRef Part : Parts) {
      auto R = Ctx->Idents.find(Part);
      if (R != Ctx->Idents.end())
        Records.insert(R->getValue());
    }
    ++It;
  }
  for (const auto &E : unusedFieldKeys(*Ctx, Named, Records))
    ByField.erase(E.getKey().str());
  if (ByField.empty())
    return;
  ShortWriteFlow Flow(*Ctx, A.functionCfgs());
  A.forEachFieldCallee([&](const FieldDecl *Field,
                           llvm::ArrayRef<const CallExpr *> Sites) {
    auto It = ByField.find(ProjectFacts::fieldKey(Field));
    if (It == ByField.end() || It->first.empty())
      return;
    // A call through the field may be a call to any function stored there.
    // Those that are wrappers must agree on the descriptor and direction;
    // the others (one that waits, one that does no I/O) do not make the
    // call a wrapper's, nor keep it from being one: the descriptor's mode
    // decides, as for any call.
    std::unique_ptr<IoWrapper> W;
    bool ReturnsCount = true;
    for (const auto &[Name, H] : It->second) {
      if (!H.Own && !H.Fact)
        continue;
      // An own wrapper's note points at its wrapped call (W->Inner).
      FactWrapper D =
          H.Own ? describe(*H.Own, wrapperReturnsCount(*H.Own, Flow), nullptr)
                : *H.Fact;
      Direction Dir = D.Write ? Direction::Write : Direction::Read;
      if (!W) {
        W = std::make_unique<IoWrapper>();
        W->Name = textOf(Sites.front()->getCallee());
        W->Info = IoCallInfo{W->Name, D.FdArg, Dir, -1, IoFamily::Plain};
        W->FdField = D.FdField;
        W->Library = D.Library;
        W->BufArg = D.BufArg;
        W->LenArg = D.LenArg;
        W->Via = Name;
        W->Inner = H.Own ? H.Own->Inner : nullptr;
        W->FactAt = D.At;
      } else if (W->Info.FdArg != D.FdArg || W->FdField != D.FdField ||
                 W->Info.Dir != Dir) {
        return; // wrappers that disagree: no one answer
      } else {
        if (W->BufArg != D.BufArg)
          W->BufArg = -1;
        if (W->LenArg != D.LenArg)
          W->LenArg = -1;
      }
      ReturnsCount = ReturnsCount && D.ReturnsCount;
      // Any function stored there may be the one called.
      W->OwnEagain = W->OwnEagain || D.OwnEagain;
    }
    if (!W)
      return;
    W->ReturnsCount = ReturnsCount;
    unsigned FdArg = W->Info.FdArg;
    Shared->Wrappers[Field->getCanonicalDecl()] = std::move(W);
    for (const CallExpr *Site : Sites)
      if (Site->getNumArgs() > FdArg)
        Out.push_back(Site);
  });
}

void NbioCheckBase::wrappersInParameters(NonBlockingFdAnalysis &A,
                                         std::vector<const Stmt *> &Out) {
  // A parameter's calls are judged only when every call passes a plain I/O
  // function or one of the TU's wrappers: with neither in the TU, the
  // bodies need not be walked for them.
  if (Shared->Wrappers.empty() && !(IoCalls && IoCalls->PassesIoFunction))
    return;
  std::optional<ShortWriteFlow> Flow;
  A.forEachParamCallee([&](const ParmVarDecl *Param,
                           llvm::ArrayRef<const CallExpr *> Calls) {
    const auto *Fn = dyn_cast<FunctionDecl>(Param->getDeclContext());
    // Only where every call of the function is in view: a visible
    // function may be handed anything by another file.
    if (!Fn || !Param->getIdentifier() || !A.callersAllKnown(Fn))
      return;
    unsigned Idx = Param->getFunctionScopeIndex();
    llvm::ArrayRef<const CallExpr *> Sites = A.callSitesOf(Fn);
    // What each call passes: a library I/O call (`read`, or `write` behind
    // a cast, OpenSSH's vwrite) or one of the TU's thin wrappers. Anything
    // else (a function that is no I/O, a variable) leaves the parameter
    // unknown.
    std::vector<std::pair<const FunctionDecl *, FactWrapper>> Targets;
    for (const CallExpr *Site : Sites) {
      const FunctionDecl *T =
          Idx < Site->getNumArgs() ? functionNamedBy(Site->getArg(Idx))
                                   : nullptr;
      if (!T || !T->getIdentifier())
        return;
      FactWrapper D;
      auto It = Shared->Wrappers.find(T->getCanonicalDecl());
      if (It != Shared->Wrappers.end() && It->second->Fn && It->second->Inner) {
        if (!Flow)
          Flow.emplace(*Ctx, A.functionCfgs());
        D = describe(*It->second, wrapperReturnsCount(*It->second, *Flow),
                     nullptr);
      } else {
        const IoCallInfo *I = ioCallNamed(T->getName());
        if (!I || I->Family != IoFamily::Plain ||
            T->getNumParams() <= I->FdArg)
          return;
        D.FdArg = I->FdArg;
        D.Write = I->Dir == Direction::Write;
        D.Library = T->getName().str();
        // write(fd, buf, n), send(fd, buf, n, flags)...: the buffer and
        // the length follow the descriptor.
        bool BufLen = llvm::is_contained(
            std::initializer_list<llvm::StringRef>{"read", "write", "recv",
                                                   "send"},
            T->getName());
        D.BufArg = BufLen ? 1 : -1;
        D.LenArg = BufLen ? 2 : -1;
        D.ReturnsCount = true;
      }
      D.Name = T->getName().str();
      if (!llvm::any_of(Targets,
                        [&](const auto &X) { return X.first == T; }))
        Targets.push_back({T, std::move(D)});
    }
    if (Targets.empty())
      return;
    auto W = std::make_unique<IoWrapper>();
    W->Name = Param->getName().str();
    W->Param = Param;
    W->FirstSite = Sites.front();
    const FactWrapper &First = Targets.front().second;
    bool Mixed = false;
    W->Library = First.Library;
    W->BufArg = First.BufArg;
    W->LenArg = First.LenArg;
    W->ReturnsCount = true;
    std::string Reads;
    for (const auto &[T, D] : Targets) {
      if (D.FdArg != First.FdArg || D.FdField != First.FdField)
        return; // no one descriptor argument
      Mixed = Mixed || D.Write != First.Write;
      if (D.Library != W->Library)
        W->Library.clear();
      if (D.BufArg != W->BufArg)
        W->BufArg = -1;
      if (D.LenArg != W->LenArg)
        W->LenArg = -1;
      W->ReturnsCount = *W->ReturnsCount && D.ReturnsCount;
      W->Via += (W->Via.empty() ? "'" : (&D == &Targets.back().second
                                             ? " or '"
                                             : ", '")) +
                D.Name + "'";
      if (!D.Write)
        Reads += (Reads.empty() ? "" : " || ") + Param->getName().str() +
                 " == " + D.Name;
    }
    W->FdField = First.FdField;
    // Both ways: the wait tests the pointer against the functions that
    // read (`f == read`), which must have the pointer's own type to be
    // compared with it.
    if (Mixed) {
      QualType Pointee = Param->getType()->getPointeeType();
      if (Pointee.isNull() ||
          llvm::any_of(Targets, [&](const auto &X) {
            return !X.second.Write &&
                   !Ctx->hasSameType(X.first->getType(), Pointee);
          }))
        return;
      W->ReadIf = Reads;
    }
    W->Info = IoCallInfo{W->Name, First.FdArg,
                         First.Write ? Direction::Write : Direction::Read, -1,
                         IoFamily::Plain};
    W->Info.ReadIf = W->ReadIf;
    unsigned FdArg = W->Info.FdArg;
    Shared->Wrappers[Param] = std::move(W);
    for (const CallExpr *Call : Calls)
      if (Call->getNumArgs() > FdArg)
        Out.push_back(Call);
  });
}

/// \p Ret, the value a wrapper returns where \p Call's failure leaves it,
/// is that failure: -1 (any negative constant: errno still says why), the
/// call's own value, or a local the call's value was stored in.
static bool returnsFailureOf(const Expr *Ret, const CallExpr *Call,
                             const FunctionDecl *Fn, const ASTContext &Ctx) {
  Ret = Ret->IgnoreParenCasts();
  Expr::EvalResult R;
  if (!Ret->isValueDependent() && Ret->EvaluateAsInt(R, Ctx))
    return R.Val.getInt().isNegative();
  if (Ret == Call)
    return true;
  const auto *DRE = dyn_cast<DeclRefExpr>(Ret);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !V->hasLocalStorage())
    return false;
  if (V->getInit() && V->getInit()->IgnoreParenCasts() == Call)
    return true;
  return findStmt(Fn->getBody(), [&](const Stmt *S) {
    const auto *B = dyn_cast<BinaryOperator>(S);
    if (!B || B->getOpcode() != BO_Assign ||
        B->getRHS()->IgnoreParenCasts() != Call)
      return false;
    const auto *L = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenCasts());
    return L && L->getDecl() == V;
  });
}

/// The return statement where \p FP, the failure path of \p Call in \p Fn,
/// hands that failure back to the caller untested, as a thin wrapper does;
/// null when it does not.
static const ReturnStmt *failureHandedBack(const FailurePath &FP,
                                           const CallExpr *Call,
                                           const FunctionDecl *Fn,
                                           const ASTContext &Ctx) {
  const auto *Ret = dyn_cast_or_null<ReturnStmt>(FP.At);
  if (FP.End != PathEnd::Returns || FP.Tested || !Ret || !Ret->getRetValue() ||
      !returnsFailureOf(Ret->getRetValue(), Call, Fn, Ctx))
    return nullptr;
  return Ret;
}

/// \p Fn's body assigns EAGAIN to errno itself (`errno = EAGAIN;` after
/// its own test, or for another error it maps: openntpd's imsg_read() when
/// the descriptor table is nearly full, msgbuf_write() for ENOBUFS). Not
/// EWOULDBLOCK: a caller's test of EAGAIN alone would miss that code.
static bool setsErrnoToEagain(const FunctionDecl *Fn, const ASTContext &Ctx) {
  return Fn && Fn->getBody() && findStmt(Fn->getBody(), [&](const Stmt *S) {
           const auto *B = dyn_cast<BinaryOperator>(S);
           return B && B->getOpcode() == BO_Assign &&
                  isErrnoExpr(B->getLHS()) &&
                  spelledErrnoConst(B->getRHS(), Ctx) == ErrnoConst::EAgain;
         });
}

/// The parameter of \p Fn that \p Arg passes: the parameter itself or,
/// with \p Field given, a field of the struct it points to (`ctx->s`; one
/// level), whose name goes to \p Field. Null for anything else.
static const ParmVarDecl *
parameterPassed(const Expr *Arg, const FunctionDecl *Fn, std::string *Field) {
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (const auto *ME = dyn_cast<MemberExpr>(E);
      ME && Field && isa<FieldDecl>(ME->getMemberDecl()) &&
      ME->getMemberDecl()->getIdentifier()) {
    *Field = ME->getMemberDecl()->getName().str();
    E = ME->getBase()->IgnoreParenImpCasts();
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  return P && P->getDeclContext() == Fn ? P : nullptr;
}

std::map<const FunctionDecl *, ProjectFacts::WrapperVia>
NbioCheckBase::wrappersIf(NonBlockingFdAnalysis &A,
                          const llvm::DenseSet<const FunctionDecl *> &Wanted) {
  std::map<const FunctionDecl *, ProjectFacts::WrapperVia> Out;
  // Where each entry's call is, to keep the first in the file.
  llvm::DenseMap<const FunctionDecl *, SourceLocation> CallAt;
  const SourceManager &SM = Ctx->getSourceManager();
  A.forEachCallee([&](const FunctionDecl *Callee,
                      llvm::ArrayRef<const CallExpr *> Sites) {
    // Another file's function (this TU's own bodies are judged by
    // inferWrappers) that returns a count or a status, and is not a call
    // the checks know already.
    if (!Callee || Callee->hasBody() || !Callee->getIdentifier() ||
        !Callee->getReturnType()->isIntegerType() || ioCallOf(Callee) ||
        Shared->Wrappers.count(Callee->getCanonicalDecl()))
      return;
    for (const CallExpr *C : Sites) {
      const FunctionDecl *Fn = A.enclosingFunction(C);
      // One entry per function, the first such call in the file (the
      // summary is the same bytes on every run).
      auto Known = CallAt.find(Fn ? Fn->getCanonicalDecl() : nullptr);
      if (!Fn || !Wanted.contains(Fn->getCanonicalDecl()) ||
          (Known != CallAt.end() &&
           SM.isBeforeInTranslationUnit(Known->second, C->getBeginLoc())) ||
          Shared->Wrappers.count(Fn->getCanonicalDecl()) ||
          !Fn->getReturnType()->isIntegerType() || Shared->Waits.isWait(Fn))
        continue;
      // Which of Fn's parameters each argument passes, as inferWrappers
      // takes them: the parameter, or a field of the struct it points to.
      ProjectFacts::WrapperVia W;
      llvm::SmallVector<const Expr *, 4> Passed;
      for (const Expr *Arg : C->arguments()) {
        std::string Field;
        const ParmVarDecl *P = parameterPassed(Arg, Fn, &Field);
        bool Ours = P != nullptr;
        W.Params.push_back(Ours ? int(P->getFunctionScopeIndex()) : -1);
        W.Fields.push_back(Ours ? Field : std::string());
        // The descriptor candidates: integers (a struct pointer handed on
        // whole is not one: which of its fields the callee uses, and so
        // whether a path that closes one of them ends the connection, only
        // the callee knows).
        if (Ours && Arg->getType()->isIntegerType()) {
          Passed.push_back(Arg);
          W.FdArgs.push_back(W.Params.size() - 1);
        }
      }
      // The failure comes back untested, as for a wrapper, whichever of
      // those the merge finds the descriptor (only it knows the callee): a
      // path that closes any of them is no wrapper's. And it is the call's
      // failure that comes back: the call's value, or a constant on a
      // branch that its result chose (not `close(fd); return -1;`).
      bool Wraps = !Passed.empty();
      for (const Expr *Arg : Passed) {
        FailurePath FP = paths(A).follow(C, Arg, Fn, Hypothesis::WouldBlock);
        const ReturnStmt *Ret = failureHandedBack(FP, C, Fn, *Ctx);
        if (!Ret) {
          Wraps = false;
          break;
        }
        Expr::EvalResult R;
        const Expr *V = Ret->getRetValue()->IgnoreParenCasts();
        W.ReturnsValue = V->isValueDependent() || !V->EvaluateAsInt(R, *Ctx);
        if (!W.ReturnsValue && !FP.Branched) {
          Wraps = false;
          break;
        }
      }
      if (!Wraps)
        continue;
      W.Name = Fn->getQualifiedNameAsString();
      W.Via = Callee->getQualifiedNameAsString();
      W.At = fileAndLine(C->getBeginLoc(), SM);
      W.OwnEagain = setsErrnoToEagain(Fn, *Ctx);
      CallAt[Fn->getCanonicalDecl()] = C->getBeginLoc();
      Out[Fn->getCanonicalDecl()] = std::move(W);
    }
  });
  return Out;
}

bool NbioCheckBase::waitsWhenBlocking(const CallExpr *C) const {
  // Down the wrappers of the TU to the library call (a wrapper known only
  // from the facts shows no flags: not followed).
  for (unsigned Depth = 0; C && Depth <= MaxWrapperDepth; ++Depth) {
    if (const IoWrapper *W = wrapperCalled(C)) {
      C = W->Inner;
      continue;
    }
    const IoCallInfo *I = lookupIoCall(C);
    if (!I || I->Family != IoFamily::Plain)
      return false;
    if (I->FlagsArg < 0 || unsigned(I->FlagsArg) >= C->getNumArgs())
      return true;
    const Expr *Flags = C->getArg(I->FlagsArg);
    return !Flags->isValueDependent() && Flags->isIntegerConstantExpr(*Ctx) &&
           !NonBlockingFdAnalysis::mentionsName(Flags, "MSG_DONTWAIT", *Ctx);
  }
  return false;
}

void NbioCheckBase::inferWrappers(NonBlockingFdAnalysis &A,
                                  llvm::ArrayRef<const CallExpr *> Calls,
                                  std::vector<const Stmt *> &Out) {
  std::vector<const CallExpr *> Layer(Calls.begin(), Calls.end());
  for (unsigned Depth = 0; Depth < MaxWrapperDepth && !Layer.empty();
       ++Depth) {
    std::vector<const CallExpr *> Next;
    for (const CallExpr *C : Layer) {
      const IoCallInfo *Info = ioCallInfo(C);
      if (!Info || Info->Family != IoFamily::Plain)
        continue;
      const FunctionDecl *Fn = A.enclosingFunction(C);
      // A function that waits for readiness (or backs off) before the call
      // is more than the call: a caller's retry through it does not spin.
      if (!Fn || !Fn->getReturnType()->isIntegerType() ||
          Shared->Wrappers.count(Fn->getCanonicalDecl()) ||
          Shared->Waits.isWait(Fn))
        continue;
      // The descriptor is one of the function's own parameters, or a
      // field of the struct one points to (`send(ctx->s, ...)`; one level:
      // the caller names it as `arg->field`).
      const IoWrapper *Below = wrapperCalled(C);
      std::string FdField = Below ? Below->FdField : std::string();
      const ParmVarDecl *P = parameterPassed(
          C->getArg(Info->FdArg), Fn, FdField.empty() ? &FdField : nullptr);
      if (!P)
        continue;
      // So is a function that makes the descriptor blocking on every path
      // to the call, for that call alone (ncat's blocking_fdinfo_send:
      // block_socket(fdn->fd), the send, unblock_socket(fdn->fd)): the call
      // waits and neither fails with EAGAIN nor stops short, whatever the
      // callers pass. What it leaves behind is its callers' concern, as for
      // any setter. Only when the call then waits: the very variable's
      // descriptor made blocking (not another object's field of its type),
      // the library call's flags, down the wrappers, constants without
      // MSG_DONTWAIT, and no socket timeout in the file, which makes a
      // blocking call fail with EAGAIN or stop short too.
      if (!A.setsSocketTimeout(Info->Dir) && waitsWhenBlocking(C) &&
          A.blockedHereAt(fdOf(C, *Info), C, Fn))
        continue;
      FailurePath FP = paths(A).follow(C, C->getArg(Info->FdArg), Fn,
                                       Hypothesis::WouldBlock);
      if (!failureHandedBack(FP, C, Fn, *Ctx))
        continue;
      auto W = std::make_unique<IoWrapper>();
      W->Name = Fn->getNameAsString();
      W->Fn = Fn;
      W->Inner = C;
      W->FdField = FdField;
      W->Library = Below ? Below->Library : Info->Name.str();
      W->Info = IoCallInfo{W->Name, P->getFunctionScopeIndex(), Info->Dir,
                           -1, IoFamily::Plain};
      // Which of the wrapper's parameters reach the library call's buffer
      // and length.
      auto ParamOf = [&](int Arg) {
        if (Arg < 0 || unsigned(Arg) >= C->getNumArgs())
          return -1;
        // `(const char *)buf` is the same buffer.
        const auto *D =
            dyn_cast<DeclRefExpr>(C->getArg(Arg)->IgnoreParenCasts());
        const auto *PV = D ? dyn_cast<ParmVarDecl>(D->getDecl()) : nullptr;
        return PV && PV->getDeclContext() == Fn
                   ? int(PV->getFunctionScopeIndex())
                   : -1;
      };
      W->BufArg = ParamOf(Below ? Below->BufArg : 1);
      W->LenArg = ParamOf(Below ? Below->LenArg : 2);
      W->OwnEagain = (Below && Below->OwnEagain) || setsErrnoToEagain(Fn, *Ctx);
      // A sendto() given an address (a datagram socket's send): the
      // wrapper's own, or the one a parameter passes.
      int Addr = Below ? Below->AddrArg : destinationArg(Info->Name);
      if (Addr == NbioCheckBase::AlwaysAddressed)
        W->AddrArg = Addr;
      else if (Addr >= 0 && unsigned(Addr) < C->getNumArgs() &&
               !isNullPointer(C->getArg(Addr), *Ctx)) {
        int Param = ParamOf(Addr);
        W->AddrArg = Param >= 0 ? Param : NbioCheckBase::AlwaysAddressed;
      }
      const FunctionDecl *Key = Fn->getCanonicalDecl();
      Shared->Wrappers[Key] = std::move(W);
      for (const CallExpr *Site : A.callSitesOf(Fn)) {
        Next.push_back(Site);
        Out.push_back(Site);
      }
    }
    Layer = std::move(Next);
  }
}

} // namespace clang::tidy::nbio
