//===--- NonBlockingFdAnalysis.cpp - Which fds are non-blocking -----------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "NonBlockingFdAnalysis.h"
#include "Compat.h"
#include "ObjectFdStores.h"
#include "SharedPerKey.h"
#include "SourceText.h"
#include "StmtSearch.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/SaveAndRestore.h"
#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#include <type_traits>

namespace clang::tidy::nbio {

/// Summaries being computed at once (a setter that calls a wrapper that
/// calls a setter...): real wrappers nest two or three deep; deeper chains,
/// or recursion, are taken as "no effect".
constexpr unsigned MaxNestedSummaries = 8;
/// Expressions followed back to where a descriptor came from (a copy of a
/// copy, a conditional, a call's result): well beyond what code writes, a
/// guard against pathological chains.
constexpr unsigned MaxValueDepth = 12;
/// Variables, parameters and callers followed to show that a descriptor is
/// blocking: each step widens the question; past a few, "unknown" is the
/// honest answer.
constexpr unsigned MaxBlockingDepth = 4;
/// Calls followed down from a struct to the functions it is handed to
/// (`imsg_init(ibuf, fd)` hands `&ibuf->w` to `msgbuf_init`): real set-up
/// chains are two or three calls long; past that, nothing is known.
constexpr unsigned MaxObjectDepth = 4;
/// Pointer parameters climbed to the callers' objects (a handler handed
/// `&sock` hands `client_sock` on to a helper): as for MaxObjectDepth,
/// real hand-offs are a few calls deep.
constexpr unsigned MaxObjectParamDepth = 4;
/// The least descriptor number whose placing (`dup2(fd, N)`) the facts
/// follow: 0, 1 and 2 are the standard streams, which a program inherits
/// from whoever starts it (a shell, a terminal, inetd) whatever its own
/// daemon mode puts there; a higher number is one the program expects
/// from the process that execs it.
constexpr int64_t MinPlacedNumber = 3;

//===----------------------------------------------------------------------===//
// Configuration
//===----------------------------------------------------------------------===//

NbioConfig NbioConfig::read(
    const ClangTidyCheck &,
    llvm::function_ref<std::string(llvm::StringRef, llvm::StringRef)> Get) {
  NbioConfig C;
  C.NonBlockingFunctions = Get("NonBlockingFunctions", "");
  C.BlockingFunctions = Get("BlockingFunctions", "");
  C.WouldBlockHelpers = Get("WouldBlockHelpers", "");
  return C;
}

std::string NbioConfig::key() const {
  return NonBlockingFunctions + "\x1f" + BlockingFunctions + "\x1f" +
         WouldBlockHelpers + "\x1f" + std::to_string(uintptr_t(Facts.get()));
}

static std::vector<std::string> splitList(llvm::StringRef S) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  S.split(Parts, ';', -1, false);
  std::vector<std::string> Out;
  for (llvm::StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

//===----------------------------------------------------------------------===//
// Keys, events, wrappers
//===----------------------------------------------------------------------===//

namespace {

/// What a descriptor expression denotes: a variable, a field (any object's),
/// or an element of an array variable or field.
struct FdKey {
  /// Number: a descriptor given by its number (`0` for stdin, often
  /// through a macro: pptpd's `#define clientSocket 0`); Index holds it.
  enum KindT { None, Var, Field, Elem, Number } Kind = None;
  const Decl *D = nullptr;
  int64_t Index = -1; ///< for Elem; -1: any element
  bool valid() const { return Kind != None; }
  auto tuple() const { return std::make_tuple(int(Kind), D, Index); }
  bool operator<(const FdKey &O) const { return tuple() < O.tuple(); }
  /// Locals and parameters are tracked on their function's CFG; everything
  /// else (fields, globals, their elements) is one fact for the whole TU.
  bool isTuWide() const {
    if (Kind == Field || Kind == Number)
      return true; // the same descriptor wherever the TU names it
    if (const auto *VD = dyn_cast_or_null<VarDecl>(D))
      return !VD->isLocalVarDeclOrParm();
    return isa_and_nonnull<FieldDecl>(D);
  }
};

/// \p E without parentheses, casts and a leading minus: what is left of
/// `-1` is the literal.
static const Expr *withoutMinus(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_Minus)
    E = U->getSubExpr()->IgnoreParenCasts();
  return E;
}

/// \p E is text (a `char` pointer or array): a name or a message, never a
/// flag.
static bool isText(const Expr *E) {
  QualType T = E->IgnoreParenImpCasts()->getType();
  return (T->isPointerType() || T->isArrayType()) &&
         T->getPointeeOrArrayElementType()->isAnyCharacterType();
}

/// \p E is a constant such as the -1 that stands for "no descriptor".
static bool isSentinel(const Expr *E) {
  return isa<IntegerLiteral>(withoutMinus(E));
}

namespace {
/// A call that puts a descriptor at a fixed number: which number, and
/// which argument is the descriptor copied there.
struct PlacedNumber {
  int64_t Number;
  unsigned SourceArg;
};
} // namespace

/// For a call of \p N that copies a descriptor to a number the call names
/// (`dup2(fd, N)`, `dup3(fd, N, flags)`, or
/// `posix_spawn_file_actions_adddup2(&fa, fd, N)` for the child it
/// spawns): the argument that is the descriptor copied; the number is the
/// next one.
static std::optional<unsigned> copiedDescriptorArg(llvm::StringRef N) {
  if (N == "dup2" || N == "dup3")
    return 0;
  if (N == "posix_spawn_file_actions_adddup2")
    return 1;
  return std::nullopt;
}

/// \p C copies a descriptor to a constant number of at least
/// MinPlacedNumber (copiedDescriptorArg). The copy shares the descriptor's
/// open file description, mode included.
static std::optional<PlacedNumber> placedNumber(const CallExpr *C,
                                                const ASTContext &Ctx) {
  std::optional<unsigned> Src = copiedDescriptorArg(globalCalleeName(C));
  if (!Src || C->getNumArgs() < *Src + 2)
    return std::nullopt;
  const Expr *To = C->getArg(*Src + 1);
  Expr::EvalResult R;
  if (To->isValueDependent() || !To->EvaluateAsInt(R, Ctx) ||
      R.Val.getInt().getActiveBits() > 31 ||
      R.Val.getInt().getSExtValue() < MinPlacedNumber)
    return std::nullopt;
  return PlacedNumber{R.Val.getInt().getSExtValue(), *Src};
}

/// \p C is an `fcntl(fd, F_DUPFD, n)` or `F_DUPFD_CLOEXEC`: a copy of the
/// descriptor at the lowest free number from n on.
static bool dupsByFcntl(const CallExpr *C, const ASTContext &Ctx) {
  return globalCalleeName(C) == "fcntl" && C->getNumArgs() >= 2 &&
         (NonBlockingFdAnalysis::mentionsName(C->getArg(1), "F_DUPFD", Ctx) ||
          NonBlockingFdAnalysis::mentionsName(C->getArg(1), "F_DUPFD_CLOEXEC",
                                              Ctx));
}

/// What a constant stored as a descriptor stands for.
enum class ConstantFd {
  NotConstant,
  /// No descriptor: a negative value (`-1`), or a bare `0` (what zeroing a
  /// struct or a reset leaves in the field: the common idiom, not a
  /// descriptor the code means).
  None,
  /// A standard stream, by name (`STDIN_FILENO`) or as `1` or `2`, or
  /// another descriptor given by its number (inherited from the parent):
  /// one of any kind and mode (a program started by inetd has a socket
  /// there; curl reads its upload from the standard input).
  Stream
};

static ConstantFd constantFd(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return ConstantFd::NotConstant;
  const llvm::APSInt &V = R.Val.getInt();
  if (V.isNegative())
    return ConstantFd::None;
  if (V != 0)
    return ConstantFd::Stream;
  // 0 spelled as STDIN_FILENO is the standard input; a bare 0 is not.
  SourceLocation L = E->IgnoreParenCasts()->getBeginLoc();
  return L.isMacroID() && Lexer::getImmediateMacroName(
                              L, Ctx.getSourceManager(), Ctx.getLangOpts())
                              .ends_with("_FILENO")
             ? ConstantFd::Stream
             : ConstantFd::None;
}

struct Guard {
  const ParmVarDecl *Param = nullptr;
  bool WhenTrue = true;
};

enum class EvKind { Set, Clear, Copy };

struct Event {
  FdKey Key;
  EvKind Kind;
  const Expr *Src = nullptr; ///< for Copy: the stored expression
  SourceLocation Loc;
  const FunctionDecl *Fn = nullptr;
  Guard G;
  /// The descriptor as written (quoted only when a note needs it: most
  /// events never reach a diagnostic).
  const Expr *Target = nullptr;
  /// The statement that causes the event (the call, the assignment, the
  /// declaration), where the function's CFG places it.
  const Stmt *S = nullptr;
  /// For an event on a field or global made through a local copy of it
  /// (`fd = c->fd; fcntl(fd, ...)`): the local. It counts only where a
  /// copy of that field is the local's last on some path to the event.
  const Decl *ViaLocal = nullptr;
  /// For a Clear made by a call that hands the descriptor's address to a
  /// function of the TU (`open_sock(&c.fd, ...)`): that call and the
  /// argument. The event holds only where fillHolds() shows the function
  /// stores a blocking descriptor there on every path.
  const CallExpr *Fill = nullptr;
  unsigned FillArg = 0;
};

struct WrapperSpec {
  int FdArg = 0;
  int FlagArg = -1; ///< -1: none
  bool NonBlockingWhenTrue = true;
  bool Blocking = false;       ///< makes the fd blocking (no flag)
  bool OnlyWithOneArg = false; ///< generic names: trust only f(fd)
};

struct FlagMod {
  const VarDecl *V;
  bool Set;
  SourceLocation Loc;
  Guard G;
  /// The definition: the assignment, or the variable's initialiser.
  const Stmt *At;
};

struct PendingCall {
  const CallExpr *Call;
  const FunctionDecl *Callee;
  const FunctionDecl *Fn;
  Guard G;
};

struct ParamEffect {
  unsigned Param;
  bool Set;
  Guard G; ///< a guard on another parameter of the wrapper
  SourceLocation Loc;
};

/// What a function does to a field of an object one of its parameters
/// points to (or refers to): Impl::fieldEffects.
struct FieldEffect {
  unsigned Param;
  const Decl *Field; ///< canonical
  bool Set;
};

} // namespace

// Built-in "set non-blocking" wrappers from real projects.
static const std::pair<llvm::StringRef, WrapperSpec> BuiltinWrappers[] = {
    {"anetNonBlock", {1}},
    {"anetBlock", {1, -1, true, true}},
    {"anetSetBlock", {1, 2, true}},
    {"evutil_make_socket_nonblocking", {0}},
    {"uv__nonblock", {0, 1, true}},
    {"uv__nonblock_ioctl", {0, 1, true}},
    {"uv__nonblock_fcntl", {0, 1, true}},
    {"ngx_nonblocking", {0}},
    {"ngx_blocking", {0, -1, true, true}},
    {"curlx_nonblock", {0, 1, true}},
    {"BIO_socket_nbio", {0, 1, true}}, // OpenSSL
    {"Curl_nonblock", {0, 1, true}},
    {"fdevent_fcntl_set_nb", {0}},
    {"fdevent_fcntl_set_nb_cloexec", {0}},
    {"net__socket_nonblock", {0}},
    {"lws_plat_set_nonblocking", {0}},
    {"fd_nonblock", {0, 1, true}},
    {"set_nonblock", {0}},
    {"unset_nonblock", {0, -1, true, true}},
    {"qemu_socket_set_nonblock", {0}},
    {"qemu_socket_try_set_nonblock", {0}},
    {"qemu_set_nonblock", {0}},
    {"qemu_socket_set_block", {0, -1, true, true}},
    {"qemu_set_block", {0, -1, true, true}},
    {"unblock_socket", {0}},
    // nmap's nbase, unblock_socket's pair; one argument only (other
    // projects' block_socket(fd, on) picks the mode).
    {"block_socket", {0, -1, true, true, true}},
    {"commSetNonBlocking", {0}},
    {"commUnsetNonBlocking", {0, -1, true, true}},
    {"pa_make_fd_nonblock", {0}},
    {"VTCP_nonblocking", {0}},
    {"VTCP_blocking", {0, -1, true, true}},
    {"g_unix_set_fd_nonblocking", {0, 1, true}},
    {"_Py_set_blocking", {0, 1, false}},
    {"evutil_make_socket_nonblocking", {0}},
    {"set_nonblocking", {0, -1, true, false, true}},
    {"setnonblocking", {0, -1, true, false, true}},
    {"set_non_blocking", {0, -1, true, false, true}},
    {"setNonBlocking", {0, -1, true, false, true}},
    {"make_nonblocking", {0, -1, true, false, true}},
    {"make_socket_non_blocking", {0, -1, true, false, true}},
    {"make_socket_nonblocking", {0, -1, true, false, true}},
    {"socket_set_nonblocking", {0, -1, true, false, true}},
    {"sock_set_nonblocking", {0, -1, true, false, true}},
    {"set_blocking", {0, -1, true, true, true}},
    {"fd_set_nonblock", {0}},              // unbound
    {"fd_set_block", {0, -1, true, true}}, // unbound
};

// Calls that create a descriptor, and where their flags go.
struct CreatorSpec {
  llvm::StringRef Name;
  unsigned FlagsArg;
  llvm::StringRef Flag;
  llvm::StringRef Flag2;
};
static const CreatorSpec Creators[] = {
    {"socket", 1, "SOCK_NONBLOCK", ""},
    {"accept4", 3, "SOCK_NONBLOCK", ""},
    {"open", 1, "O_NONBLOCK", "O_NDELAY"},
    {"open64", 1, "O_NONBLOCK", "O_NDELAY"},
    {"openat", 2, "O_NONBLOCK", "O_NDELAY"},
    {"openat64", 2, "O_NONBLOCK", "O_NDELAY"},
    // Linux defines the first four flags as O_NONBLOCK, and code that has
    // no header for the call (libev declares eventfd() itself) names that.
    // FAN_NONBLOCK is a value of its own.
    {"eventfd", 1, "EFD_NONBLOCK", "O_NONBLOCK"},
    {"timerfd_create", 1, "TFD_NONBLOCK", "O_NONBLOCK"},
    {"signalfd", 2, "SFD_NONBLOCK", "O_NONBLOCK"},
    {"inotify_init1", 0, "IN_NONBLOCK", "O_NONBLOCK"},
    {"fanotify_init", 0, "FAN_NONBLOCK", ""},
    {"memfd_secret", 0, "O_NONBLOCK", ""},
    {"pidfd_open", 1, "PIDFD_NONBLOCK", ""},
};
// Calls that fill an int[2] with two non-blocking descriptors.
static const CreatorSpec PairCreators[] = {
    {"pipe2", 1, "O_NONBLOCK", "O_NDELAY"},
    {"socketpair", 1, "SOCK_NONBLOCK", ""},
};

bool NonBlockingFdAnalysis::mentionsName(const Stmt *Root, llvm::StringRef Name,
                                         const ASTContext &Ctx) {
  if (Name.empty())
    return false;
  return namesMentioned(Root, llvm::ArrayRef(Name), Ctx) != 0;
}

uint32_t
NonBlockingFdAnalysis::namesMentioned(const Stmt *Root,
                                      llvm::ArrayRef<llvm::StringRef> Names,
                                      const ASTContext &Ctx) {
  assert(Names.size() <= 32 && "namesMentioned: at most 32 names");
  const uint32_t All =
      Names.size() >= 32 ? ~uint32_t(0) : (uint32_t(1) << Names.size()) - 1;
  uint32_t Found = 0;
  if (!Root || Names.empty())
    return Found;
  auto Note = [&](llvm::StringRef N) {
    for (unsigned I = 0; I < Names.size(); ++I)
      if (!Names[I].empty() && Names[I] == N)
        Found |= uint32_t(1) << I;
  };
  // The walk stops once every name was seen, as mentionsName's did at the
  // first mention of its one name.
  findStmt(Root, [&](const Stmt *S) {
    const auto *X = dyn_cast<Expr>(S);
    if (!X)
      return false;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(X->IgnoreParenImpCasts()))
      if (const auto *ECD = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
        Note(ECD->getName());
    if (X->getBeginLoc().isMacroID() &&
        (isa<IntegerLiteral>(X) || isa<DeclRefExpr>(X) || isa<ParenExpr>(X) ||
         isa<CastExpr>(X)))
      for (llvm::StringRef N : macroChain(X->getBeginLoc(), Ctx))
        Note(N);
    return Found == All;
  });
  return Found;
}

/// Argument \p I of a call to \p Callee is past a variadic function's
/// named parameters: formatted into a message (a log line printing the
/// descriptor's number), which leaves the descriptor alone.
static bool formatsArgument(const FunctionDecl *Callee, unsigned I) {
  return Callee && Callee->isVariadic() && I >= Callee->getNumParams();
}

/// How deep numberOf follows a sum: a descriptor's number is written with a
/// term or two (`STDERR_FILENO + 1`); a generated sum tens of thousands of
/// terms deep (clang parses it) must not overflow the stack.
constexpr unsigned MaxNumberDepth = 8;

/// O_NONBLOCK's value on Linux (asm-generic/fcntl.h: 00004000; O_NDELAY is
/// the same bit), the platform the checks' users build on. A constant
/// flags value with this bit may set the flag whatever names it spells
/// (`int fl = 04002;`), so it is never taken for one that makes a
/// descriptor blocking.
constexpr int64_t LinuxNonBlockFlag = 04000;

/// \p E names a descriptor by its number: a literal, an enumerator, or a
/// sum or difference of them (`STDERR_FILENO + 1`, openntpd's
/// CONSTRAINT_PASSFD), non-negative and below 2^31.
static std::optional<int64_t> numberOf(const Expr *E, unsigned Depth = 0) {
  if (Depth > MaxNumberDepth)
    return std::nullopt;
  E = E->IgnoreParenCasts();
  std::optional<llvm::APSInt> V;
  if (const auto *IL = dyn_cast<IntegerLiteral>(E))
    V = llvm::APSInt(IL->getValue(), /*isUnsigned=*/true);
  else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *ECD = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      V = ECD->getInitVal();
  } else if (const auto *B = dyn_cast<BinaryOperator>(E);
             B && (B->getOpcode() == BO_Add || B->getOpcode() == BO_Sub)) {
    std::optional<int64_t> L = numberOf(B->getLHS(), Depth + 1);
    std::optional<int64_t> R = numberOf(B->getRHS(), Depth + 1);
    if (!L || !R)
      return std::nullopt;
    int64_t N = B->getOpcode() == BO_Add ? *L + *R : *L - *R;
    if (N < 0 || N > INT32_MAX)
      return std::nullopt;
    return N;
  }
  if (!V || V->isNegative() || V->getActiveBits() > 31)
    return std::nullopt;
  return V->getExtValue();
}

static FdKey keyOf(const Expr *E) {
  // `*p`, `&fd`: the object itself (a loop, not recursion: `****p` may be
  // written as deep as the user likes).
  while (E) {
    E = E->IgnoreParenCasts();
    const auto *U = dyn_cast<UnaryOperator>(E);
    if (!U || (U->getOpcode() != UO_Deref && U->getOpcode() != UO_AddrOf))
      break;
    E = U->getSubExpr();
  }
  if (!E)
    return {};
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return {FdKey::Var, VD->getCanonicalDecl(), -1};
  if (std::optional<int64_t> N = numberOf(E))
    return {FdKey::Number, nullptr, *N};
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      return {FdKey::Field, FD->getCanonicalDecl(), -1};
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    // The array is a variable or a field (through `*` or `&` at most): an
    // element of an element (`fds[i][j]`) has no key of its own.
    const Expr *BaseE = AS->getBase();
    while (true) {
      BaseE = BaseE->IgnoreParenCasts();
      const auto *U = dyn_cast<UnaryOperator>(BaseE);
      if (!U || (U->getOpcode() != UO_Deref && U->getOpcode() != UO_AddrOf))
        break;
      BaseE = U->getSubExpr();
    }
    if (!isa<DeclRefExpr>(BaseE) && !isa<MemberExpr>(BaseE))
      return {};
    FdKey Base = keyOf(BaseE);
    if (!Base.valid() || Base.Kind == FdKey::Elem)
      return {};
    int64_t Idx = -1;
    if (const auto *IL =
            dyn_cast<IntegerLiteral>(AS->getIdx()->IgnoreParenImpCasts()))
      Idx = IL->getValue().getSExtValue();
    return {FdKey::Elem, Base.D, Idx};
  }
  return {};
}

/// A condition that tests a parameter for truth: `p`, `!p`, `p == 0`...
static std::optional<Guard> paramTest(const Expr *Cond, bool Branch) {
  if (!Cond)
    return std::nullopt;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(Cond);
      U && U->getOpcode() == UO_LNot)
    return paramTest(U->getSubExpr(), !Branch);
  // `fd >= 0 && nonblock` taken, or `fd < 0 || !nonblock` not taken: each
  // side holds, and a side that tests a parameter is the guard.
  if (const auto *B = dyn_cast<BinaryOperator>(Cond);
      B && ((B->getOpcode() == BO_LAnd && Branch) ||
            (B->getOpcode() == BO_LOr && !Branch))) {
    if (auto G = paramTest(B->getRHS(), Branch))
      return G;
    return paramTest(B->getLHS(), Branch);
  }
  if (const auto *B = dyn_cast<BinaryOperator>(Cond);
      B && (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE)) {
    const Expr *L = B->getLHS()->IgnoreParenImpCasts();
    const Expr *R = B->getRHS()->IgnoreParenImpCasts();
    if (!isa<DeclRefExpr>(L))
      std::swap(L, R);
    bool IsZero = false;
    if (const auto *IL = dyn_cast<IntegerLiteral>(R))
      IsZero = IL->getValue() == 0;
    else if (const auto *BL = dyn_cast<CXXBoolLiteralExpr>(R))
      IsZero = !BL->getValue();
    else
      return std::nullopt;
    bool TrueWhenParamTrue = (B->getOpcode() == BO_NE) == IsZero;
    if (auto G = paramTest(L, Branch)) {
      G->WhenTrue = TrueWhenParamTrue ? G->WhenTrue : !G->WhenTrue;
      return G;
    }
    return std::nullopt;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Cond))
    if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
      return Guard{P, Branch};
  return std::nullopt;
}

static std::optional<int64_t> constantValue(const Expr *E,
                                            const ASTContext &Ctx) {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  Expr::EvalResult R;
  if (E->EvaluateAsInt(R, Ctx) && !R.HasSideEffects)
    return R.Val.getInt().getSExtValue();
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// The walk over function bodies
//===----------------------------------------------------------------------===//

/// How many leading pointer arguments of the C library's \p N receive a
/// pseudo-terminal's descriptor: openpty()'s master and slave, forkpty()'s
/// master (both in glibc's <pty.h> and the BSDs' <util.h>/<libutil.h>).
static unsigned ptyFillArgs(llvm::StringRef N) {
  return N == "openpty" ? 2 : N == "forkpty" ? 1 : 0;
}

/// The array argument of a pipe(), pipe2() or socketpair() call, or null.
static const Expr *filledArray(const CallExpr *C) {
  llvm::StringRef N = globalCalleeName(C);
  unsigned Arg = N == "socketpair" ? 3 : 0;
  if ((N == "socketpair" || N == "pipe" || N == "pipe2") &&
      C->getNumArgs() > Arg)
    return C->getArg(Arg);
  return nullptr;
}

/// The pipe(), pipe2() and socketpair() calls by which \p Def fills the
/// array its parameter \p Index points to (`int make_pipe(int fds[2]) {
/// return pipe2(fds, O_CLOEXEC); }`), when it does nothing else to that
/// array: no element stored or changed, the pointer neither re-seated nor
/// handed whole to another call. None otherwise.
static llvm::SmallVector<const CallExpr *, 2>
fillersOfParam(const FunctionDecl *Def, unsigned Index) {
  llvm::SmallVector<const CallExpr *, 2> Out;
  if (!Def || !Def->getBody() || Index >= Def->getNumParams())
    return Out;
  const ParmVarDecl *Param = Def->getParamDecl(Index);
  if (!Param->getType()->isPointerType())
    return Out;
  auto IsParam = [&](const Expr *E) {
    const auto *DRE =
        E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
    return DRE && DRE->getDecl() == Param;
  };
  // The array itself, or an element or the pointed-to value of it.
  auto OfParam = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
      return IsParam(A->getBase());
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_Deref)
      return IsParam(U->getSubExpr());
    return IsParam(E);
  };
  bool Bad = false;
  findStmt(Def->getBody(), [&](const Stmt *S) {
    if (const auto *C = dyn_cast<CallExpr>(S)) {
      if (const Expr *A = filledArray(C); A && IsParam(A)) {
        Out.push_back(C);
        return false;
      }
      Bad = llvm::any_of(C->arguments(), IsParam);
    } else if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      Bad = B->isAssignmentOp() && OfParam(B->getLHS());
    } else if (const auto *U = dyn_cast<UnaryOperator>(S)) {
      Bad = (U->isIncrementDecrementOp() && OfParam(U->getSubExpr())) ||
            (U->getOpcode() == UO_AddrOf && IsParam(U->getSubExpr()));
    }
    return Bad;
  });
  if (Bad)
    Out.clear();
  return Out;
}

/// A place where \p Body writes the variable \p V: an assignment (a
/// compound one too), `++`/`--`, or `&v` (whoever gets the address may
/// write through it).
struct VarWrite {
  const Stmt *S;
  bool Address;
};
static llvm::SmallVector<VarWrite, 4> writesOf(const VarDecl *V,
                                               const Stmt *Body);

/// \p T is a variably modified type: an array of run-time size, or a
/// pointer to one, whose size expressions run.
static bool variablyModified(QualType T) {
  return !T.isNull() && T->isVariablyModifiedType();
}

/// \p S holds a variably modified type whose sizes children() does
/// not reach: a pointer to an array of run-time size declared, a
/// cast, a compound literal, va_arg or sizeof with one.
static bool holdsVariablyModifiedType(const Stmt *S) {
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return llvm::any_of(DS->decls(), [](const Decl *D) {
      if (const auto *V = dyn_cast<ValueDecl>(D))
        return variablyModified(V->getType());
      if (const auto *T = dyn_cast<TypedefNameDecl>(D))
        return variablyModified(T->getUnderlyingType());
      return false;
    });
  if (isa<ExplicitCastExpr, CompoundLiteralExpr>(S))
    return variablyModified(cast<Expr>(S)->getType());
  if (const auto *VA = dyn_cast<VAArgExpr>(S))
    return VA->getWrittenTypeInfo() &&
           variablyModified(VA->getWrittenTypeInfo()->getType());
  if (const auto *U = dyn_cast<UnaryExprOrTypeTraitExpr>(S))
    return U->isArgumentType() && variablyModified(U->getArgumentType());
  return false;
}

/// The code a top-level declaration of a C file holds: a function's body,
/// a variable's initializer; null for anything else.
static Stmt *topLevelCode(Decl *D) {
  if (auto *FD = dyn_cast<FunctionDecl>(D))
    return FD->doesThisDeclarationHaveABody() ? FD->getBody() : nullptr;
  if (auto *V = dyn_cast<VarDecl>(D))
    return V->getInit();
  return nullptr;
}

/// \p D is a function with a parameter of variably modified type, whose
/// array sizes run at each call (`void f(int n, int (*p)[g = n])`) and
/// which Stmt::children() does not reach from the body.
static bool hasVariablyModifiedParam(const Decl *D) {
  const auto *FD = dyn_cast<FunctionDecl>(D);
  return FD && llvm::any_of(FD->parameters(), [](const ParmVarDecl *P) {
           return variablyModified(P->getOriginalType());
         });
}

/// Walks the code under \p Root, a C function's body or a variable's
/// initializer, through Stmt::children() and a block's body: the evaluated
/// expressions are all there, without a RecursiveASTVisitor's look at
/// every type, name and declaration on the way. Each statement goes to
/// \p Visit with how many unevaluated operands (`sizeof`, `_Alignof`) it
/// sits under, and its children follow when Visit returns true. What
/// children() does not reach goes to \p Traverse (a RecursiveASTVisitor's
/// TraverseStmt) in place of Visit: a statement with a variably modified
/// type, whose array sizes run (`int (*p)[(g = f) ? n : 1]`, a cast, a
/// compound literal, va_arg or sizeof of one), a captured statement's body
/// (`#pragma clang __debug captured`, OpenMP's regions) and OpenMP's
/// clauses. Never reached, as nothing there runs: a name in a type or a
/// constant size (`__typeof__(f(x))`, an enumerator, a static assertion).
template <typename VisitFn, typename TraverseFn>
static void walkCCode(Stmt *Root, VisitFn Visit, TraverseFn Traverse) {
  struct Item {
    Stmt *S;
    unsigned Unevaluated;
  };
  llvm::SmallVector<Item, 64> Work{{Root, 0}};
  while (!Work.empty()) {
    Item It = Work.pop_back_val();
    Stmt *S = It.S;
    if (!S)
      continue;
    if (holdsVariablyModifiedType(S) ||
        isa<CapturedStmt, OMPExecutableDirective>(S)) {
      Traverse(S, It.Unevaluated);
      continue;
    }
    if (!Visit(S, It.Unevaluated))
      continue;
    if (auto *B = dyn_cast<BlockExpr>(S))
      Work.push_back({B->getBody(), It.Unevaluated});
    unsigned Under = It.Unevaluated + isa<UnaryExprOrTypeTraitExpr>(S);
    for (Stmt *Child : S->children())
      Work.push_back({Child, Under});
  }
}

/// Calls \p F with each top-level declaration in \p Ctx's traversal
/// scope: the TU's, or under clangd the main file's.
template <typename Fn> static void forEachTopLevelDecl(ASTContext &Ctx, Fn F) {
  for (Decl *D : Ctx.getTraversalScope()) {
    if (auto *TU = dyn_cast<TranslationUnitDecl>(D))
      for (Decl *Top : TU->decls())
        F(Top);
    else
      F(D);
  }
}

struct NonBlockingFdAnalysis::Impl {
  ASTContext &Ctx;
  const SourceManager &SM;
  llvm::StringMap<WrapperSpec> Wrappers;

  std::map<FdKey, std::vector<Event>> Events;
  std::vector<PendingCall> Pending;
  llvm::DenseMap<const FunctionDecl *, std::vector<size_t>> PendingByFn;
  llvm::DenseMap<const FunctionDecl *, std::vector<const ReturnStmt *>> Returns;
  llvm::DenseMap<const FunctionDecl *, std::vector<const CallExpr *>>
      CallSites; // callee -> calls to it
  llvm::DenseSet<const FunctionDecl *> Walked;
  llvm::DenseMap<const FunctionDecl *, std::vector<ParamEffect>> Summaries;
  llvm::DenseMap<const FunctionDecl *, std::vector<FieldEffect>> FieldEffects;
  /// clearedByHandleHelper's answers, by descriptor expression and use.
  llvm::DenseMap<std::pair<const Expr *, const Stmt *>, bool> HandleClears;
  /// The events on fields each function makes, as (key, index in Events):
  /// what fieldEffects reads, without a pass over every event of the TU.
  llvm::DenseMap<const FunctionDecl *, std::vector<std::pair<FdKey, size_t>>>
      FieldEventsByFn;
  llvm::DenseSet<const FunctionDecl *> InSummary;
  bool Collected = false;
  bool SoErrorRead = false;
  /// The functions of the TU whose own body reads SO_ERROR.
  llvm::DenseSet<const FunctionDecl *> SoErrorReaders;
  /// The TU calls another file's function that reads it (asked once).
  std::optional<bool> CallsSoErrorReader;

  /// The TU calls a function it does not define whose name is in
  /// \p Names (a sorted list of the project's facts: the functions whose
  /// body reads SO_ERROR, or sets a timeout), asked once per list: \p
  /// Memo keeps the answer.
  bool callsFunctionNamedIn(const std::vector<std::string> &Names,
                            std::optional<bool> &Memo) {
    if (!Memo) {
      auto Named = [&](const CallExpr *C) {
        const FunctionDecl *Callee = C->getDirectCallee();
        return Callee && Callee->getIdentifier() && !Callee->hasBody() &&
               std::binary_search(Names.begin(), Names.end(),
                                  Callee->getQualifiedNameAsString());
      };
      Memo = !Names.empty() && llvm::any_of(CallsByFn, [&](const auto &E) {
        return llvm::any_of(E.second, Named);
      });
    }
    return *Memo;
  }
  bool ReadinessWait = false;
  bool RcvTimeo = false, SndTimeo = false;
  /// The functions of the TU whose own body sets SO_RCVTIMEO (Rcv) or
  /// SO_SNDTIMEO (Snd).
  llvm::DenseSet<const FunctionDecl *> RcvTimeoSetters, SndTimeoSetters;
  /// The TU calls another file's function that sets one (asked once per
  /// direction).
  std::optional<bool> CallsRcvTimeoSetter, CallsSndTimeoSetter;

  llvm::DenseMap<const CallExpr *, const FunctionDecl *> Owner;
  llvm::DenseMap<const FunctionDecl *, std::vector<const CallExpr *>>
      CallsByFn; // in walk order, then source order once in SortedCalls
  llvm::DenseSet<const FunctionDecl *> SortedCalls;
  bool AllExpanded = false;

  // Per-walk state.
  const FunctionDecl *CurFn = nullptr;
  const Stmt *EventStmt = nullptr; ///< the statement being walked
  std::vector<std::pair<const Expr *, bool>> CondStack;
  std::vector<FlagMod> FlagMods;
  llvm::DenseMap<const VarDecl *, std::optional<int64_t>> LastConst;

  // Query memo.
  std::map<FdKey, std::optional<NonBlockingOrigin>> TuWideMemo;
  std::set<FdKey> TuWideInProgress;
  llvm::DenseMap<const FunctionDecl *, std::optional<NonBlockingOrigin>>
      ReturnMemo;
  /// Each function's fstat() calls (shownRegularFileAt), found once: it is
  /// asked at every call the analysis finds non-blocking, and a scan of
  /// the function's calls each time was quadratic in a long function.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const CallExpr *, 2>>
      FstatCalls;
  llvm::DenseMap<const ParmVarDecl *, std::optional<NonBlockingOrigin>>
      ParamMemo;
  unsigned Depth = 0;

  Impl(ASTContext &Ctx, const NbioConfig &Cfg, FunctionCfgs &Cfgs,
       EventHandlers &Handlers)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Cfgs(Cfgs), Handlers(Handlers) {
    for (const auto &[Name, Spec] : BuiltinWrappers)
      Wrappers[Name] = Spec;
    for (const std::string &Item : splitList(Cfg.NonBlockingFunctions))
      addUserWrapper(Item, false);
    for (const std::string &Item : splitList(Cfg.BlockingFunctions))
      addUserWrapper(Item, true);
    // Other files' summaries: their wrappers, as if listed in the options
    // (the options and the built-in list win where they name the same
    // function). A built-in generic name trusted only with the descriptor
    // alone (`socket_set_nonblocking(fd)`) gives way: the project's own
    // body, as its summary reads it, says what the other arguments do
    // (libusual's `socket_set_nonblocking(fd, false)` makes it blocking,
    // which the name alone would not tell). Which functions keep a
    // descriptor's mode is looked up in the facts themselves
    // (ProjectFacts::keepsMode).
    Facts = Cfg.Facts;
    if (Cfg.Facts) {
      auto Open = [&](llvm::StringRef Item) {
        auto It = Wrappers.find(Item.split(':').first);
        return It == Wrappers.end() || It->second.OnlyWithOneArg;
      };
      for (const std::string &Item : Cfg.Facts->NonBlocking)
        if (Open(Item))
          addUserWrapper(Item, false);
      for (const std::string &Item : Cfg.Facts->Blocking)
        if (Open(Item))
          addUserWrapper(Item, true);
    }
  }
  std::shared_ptr<const ProjectFacts> Facts;

  /// An entry of NonBlockingFunctions/BlockingFunctions; the checks report
  /// one that is malformed (NbioCheckBase), and it is left out here.
  void addUserWrapper(llvm::StringRef Item, bool Blocking) {
    llvm::SmallVector<llvm::StringRef, 4> F;
    Item.split(F, ':');
    unsigned Check = 0;
    if (F.size() < 2 || F[1].trim().getAsInteger(10, Check) ||
        (Blocking && F.size() != 2) ||
        (!Blocking && F.size() != 2 && F.size() != 4))
      return;
    WrapperSpec S;
    S.Blocking = Blocking;
    unsigned V = 0;
    if (F.size() > 1 && !F[1].trim().getAsInteger(10, V))
      S.FdArg = int(V);
    if (!Blocking && F.size() > 3 && !F[2].trim().getAsInteger(10, V)) {
      S.FlagArg = int(V);
      S.NonBlockingWhenTrue = F[3].trim() != "0";
    }
    Wrappers[F[0].trim()] = S;
  }

  Guard currentGuard() const {
    for (auto It = CondStack.rbegin(); It != CondStack.rend(); ++It)
      if (auto G = paramTest(It->first, It->second))
        return *G;
    return {};
  }

  /// Files \p E, an event of the function being walked, under its key,
  /// and a field's under the function too.
  void record(const Event &E) {
    std::vector<Event> &Evs = Events[E.Key];
    Evs.push_back(E);
    if (E.Key.Kind == FdKey::Field)
      FieldEventsByFn[CurFn].push_back({E.Key, Evs.size() - 1});
  }

  void addEvent(const Expr *Target, EvKind K, SourceLocation Loc,
                const Expr *Src = nullptr, Guard G = {}) {
    FdKey Key = keyOf(Target);
    if (!Key.valid())
      return;
    record(Event{Key, K, Src, Loc, CurFn, G, Target, EventStmt});
    // The mode belongs to the open file, not to the variable: a local copy
    // of a field or a global (`fd = df->fd;`, `fd = df->fd = socket(...);`)
    // made non-blocking (or blocking) makes the field so too.
    const auto *Local = dyn_cast_or_null<VarDecl>(Key.D);
    if (Key.Kind != FdKey::Var || !Local || !Local->isLocalVarDeclOrParm())
      return;
    if (K == EvKind::Copy) {
      noteFieldCopy(Key, Src);
      return;
    }
    // One event on each field the function copies into the local, so far;
    // which one the local holds at the event is asked on the CFG
    // (viaCopyHolds).
    auto It = FieldCopies.find({CurFn, Key.D});
    if (It == FieldCopies.end())
      return;
    for (const auto &[FromKey, From] : It->second) {
      Event M{FromKey, K, nullptr, Loc, CurFn, G, From, EventStmt};
      M.ViaLocal = Key.D;
      record(M);
    }
  }
  /// Remembers which field or global this function copies into the local
  /// \p Key, from \p Src (an assignment's or a declaration's value); a
  /// descriptor's number too unless \p Numbers is false.
  void noteFieldCopy(const FdKey &Key, const Expr *Src, bool Numbers = true) {
    const Expr *From = copiedFrom(Src);
    FdKey FromKey = From ? keyOf(From) : FdKey{};
    if (!FromKey.valid() || !FromKey.isTuWide() ||
        FromKey.Kind == FdKey::Elem ||
        (!Numbers && FromKey.Kind == FdKey::Number))
      return;
    auto &Keys = FieldCopies[{CurFn, Key.D}];
    if (llvm::none_of(Keys, [&](const auto &P) {
          return P.first.tuple() == FromKey.tuple();
        }))
      Keys.push_back({FromKey, From});
  }
  /// What a copy's source names: `df->fd` for `fd = df->fd = socket(...)`
  /// (the field holds the same descriptor), the source itself otherwise.
  static const Expr *copiedFrom(const Expr *Src) {
    const Expr *From = Src;
    while (const auto *B = dyn_cast_or_null<BinaryOperator>(
               From ? From->IgnoreParenCasts() : nullptr))
      if (B->getOpcode() == BO_Assign)
        From = B->getLHS();
      else
        break;
    return From;
  }

  /// The fields (and globals) each function copies into each local, with
  /// the first expression that names one (for the note).
  std::map<std::pair<const FunctionDecl *, const Decl *>,
           llvm::SmallVector<std::pair<FdKey, const Expr *>, 1>>
      FieldCopies;

  /// \p E, made on a field through a local copy, happens while the local
  /// holds a copy of that field: one is the local's last copy on some path
  /// of the function's CFG to the event (may; true when the CFG cannot
  /// say). The copies' flow is solved once per function and local.
  bool viaCopyHolds(const Event &E) {
    if (!E.ViaLocal || !E.S || !E.Fn)
      return true;
    auto MemoKey = std::make_tuple(E.Key.tuple(), E.ViaLocal, E.S);
    if (auto It = ViaCopyMemo.find(MemoKey); It != ViaCopyMemo.end())
      return It->second;
    const LocalCopies &LC = copiesInto(E.Fn, E.ViaLocal);
    llvm::SmallVector<unsigned, 4> Reaching;
    bool FromEntry = false, Holds = true;
    if (LC.lastAt(E.S, Reaching, FromEntry))
      Holds = llvm::any_of(Reaching, [&](unsigned I) {
        return LC.Sources[I].tuple() == E.Key.tuple();
      });
    return ViaCopyMemo[MemoKey] = Holds;
  }
  /// The values a function stores in one of its locals or parameters
  /// (its Copy events), and which of them is last on the paths to a point.
  struct LocalCopies {
    std::vector<FdKey> Sources; ///< what each copy copies
    std::optional<FunctionCfgs::LastOnPaths> Last; ///< none: no copy
    /// The copies last on some path to \p At, and whether a path from the
    /// entry has none; false when the CFG cannot place them or \p At.
    bool lastAt(const Stmt *At, llvm::SmallVectorImpl<unsigned> &Out,
                bool &FromEntry) const {
      if (!Last) {
        FromEntry = true;
        return true;
      }
      return At && Last->at(At, Out, FromEntry);
    }
  };
  /// \p V's copies in \p Fn, their flow solved on the first question (no
  /// CFG is built for a variable the function never stores in).
  const LocalCopies &copiesInto(const FunctionDecl *Fn, const Decl *V) {
    std::unique_ptr<LocalCopies> &LC = CopyFlows[{Fn, V}];
    if (LC)
      return *LC;
    LC = std::make_unique<LocalCopies>();
    std::vector<const Stmt *> Stmts;
    if (auto It = Events.find(FdKey{FdKey::Var, V, -1}); It != Events.end())
      for (const Event &C : It->second)
        if (C.Kind == EvKind::Copy && C.Fn == Fn && C.S) {
          const Expr *From = copiedFrom(C.Src);
          LC->Sources.push_back(From ? keyOf(From) : FdKey{});
          Stmts.push_back(C.S);
        }
    if (!Stmts.empty())
      LC->Last.emplace(Cfgs, Fn, Stmts);
    return *LC;
  }
  std::map<std::pair<const FunctionDecl *, const Decl *>,
           std::unique_ptr<LocalCopies>>
      CopyFlows;
  std::map<std::tuple<decltype(FdKey().tuple()), const Decl *, const Stmt *>,
           bool>
      ViaCopyMemo;

  /// \p E, if a fill (Event::Fill), is one: the function its call hands
  /// the address to stores a blocking descriptor there on every path to
  /// its exit (fillsBlocking). Any other event holds. A question asked
  /// again while it is open (the filler's stores depend on the fill) is
  /// answered no: the event then counts as if it were not there, which
  /// was the analysis's answer before fills were events.
  bool fillHolds(const Event &E) {
    if (!E.Fill)
      return true;
    if (auto It = FillMemo.find({E.Fill, E.FillArg}); It != FillMemo.end())
      return It->second;
    // The filler's own doings (a helper of the file that makes `*out`
    // non-blocking) are events once its calls are expanded; asked while
    // they are being expanded, the answer is no, and not kept.
    expandAll();
    if (Expanding)
      return false;
    FillMemo[{E.Fill, E.FillArg}] = false; // open: asked again, no
    if (!fillTargetPrivate(E))
      return false;
    const FunctionDecl *Callee = E.Fill->getDirectCallee();
    const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
    bool Created = false, Every = false;
    bool Holds = Def &&
                 fillsBlocking(E.Fill, E.FillArg, Def, 0, Created, &Every) &&
                 Created && Every;
    return FillMemo[{E.Fill, E.FillArg}] = Holds;
  }
  std::map<std::pair<const CallExpr *, unsigned>, bool> FillMemo;

  /// The descriptor \p E fills is the caller's own: a local (or a
  /// parameter's copy) or a field of a local struct, in C (C++'s
  /// references and virtual calls reach it in ways this does not follow),
  /// that nothing but the caller's code can reach. Each address the
  /// caller takes of it is handed straight to a function of the file that
  /// only dereferences it (onlyDereferenced), and each address of the
  /// struct that holds it (`&s`, `&o.in`) to a function of the file that
  /// stores there only blocking descriptors or none and lets no part of
  /// it out of sight (judgeObject). For a field, which the analysis keys
  /// by its declaration, the caller names that field of the filled object
  /// alone (`s.fd`, not also `t.fd` or `table[0].fd`).
  bool fillTargetPrivate(const Event &E) {
    const LangOptions &LO = Ctx.getLangOpts();
    if (LO.CPlusPlus || LO.ObjC || LO.Blocks || !E.Fn || !E.Fn->getBody() ||
        !E.Target)
      return false;
    auto Own = rootedPath(E.Target);
    if (!Own || !Own->Root->hasLocalStorage() ||
        Own->Root->getType()->isPointerType() ||
        Own->Root->getType()->isArrayType() ||
        (E.Key.Kind == FdKey::Var) != Own->Path.empty() ||
        (E.Key.Kind != FdKey::Var && E.Key.Kind != FdKey::Field))
      return false;
    std::string OwnPath = pathText(Own->Path);
    bool Private = true;
    llvm::SmallPtrSet<const Expr *, 8> Handed;
    llvm::SmallVector<const Expr *, 4> Taken;
    findStmt(E.Fn->getBody(), [&](const Stmt *S) {
      if (const auto *M = dyn_cast<MemberExpr>(S);
          M && E.Key.Kind == FdKey::Field &&
          M->getMemberDecl()->getCanonicalDecl() ==
              E.Key.D->getCanonicalDecl()) {
        auto Other = rootedPath(M);
        Private = Other && Other->Root == Own->Root && Other->Path == Own->Path;
      } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
        for (unsigned I = 0; Private && I < Call->getNumArgs(); ++I) {
          Handed.insert(Call->getArg(I)->IgnoreParenCasts());
          const Expr *Operand = addressedBy(Call->getArg(I));
          auto Taken = Operand ? rootedPath(Operand) : std::nullopt;
          if (!Taken || Taken->Root != Own->Root)
            continue;
          std::string Path = pathText(Taken->Path);
          if (!pathHasPrefix(OwnPath, Path))
            continue; // another member's address
          if (!Def || !Def->getBody() || I >= Def->getNumParams()) {
            Private = false;
          } else if (Path == OwnPath) {
            Private = onlyDereferenced(Def->getParamDecl(I), Def);
          } else {
            bool Created = false;
            llvm::StringRef Rest = llvm::StringRef(OwnPath).drop_front(
                Path.empty() ? 0 : Path.size() + 1);
            Private =
                judgeObject(paramObject(Def, I, false), Rest, {}, 0, Created);
          }
        }
      } else if (const auto *B = dyn_cast<BinaryOperator>(S);
                 B && B->isAssignmentOp() && !Own->Path.empty()) {
        // The struct that holds it, or one inside, stored whole (`s =
        // table[0]`): a field the analysis sees no store to.
        auto Whole = rootedPath(B->getLHS());
        if (Whole && Whole->Root == Own->Root &&
            Whole->Path.size() < Own->Path.size() &&
            pathHasPrefix(OwnPath, pathText(Whole->Path)))
          Private = false;
      } else if (const auto *U = dyn_cast<UnaryOperator>(S);
                 U && U->getOpcode() == UO_AddrOf) {
        // Any address of it: each must be a call's argument (judged
        // above), not kept in a pointer, stored or returned.
        auto Path = rootedPath(U->getSubExpr());
        if (Path && Path->Root == Own->Root &&
            pathHasPrefix(OwnPath, pathText(Path->Path)))
          Taken.push_back(U);
      }
      return !Private;
    });
    return Private && llvm::all_of(Taken, [&](const Expr *U) {
             return Handed.contains(U);
           });
  }

  void addElemEvents(const Expr *Array, SourceLocation Loc,
                     EvKind Kind = EvKind::Set) {
    FdKey Base = keyOf(Array);
    if (!Base.valid() || Base.Kind == FdKey::Elem)
      return;
    FdKey K{FdKey::Elem, Base.D, -1};
    Events[K].push_back(
        Event{K, Kind, nullptr, Loc, CurFn, currentGuard(), Array, EventStmt});
  }

  /// The value of \p E when it is O_NONBLOCK or O_NDELAY itself (the
  /// header's literal, spelled through either name).
  std::optional<uint64_t> nonBlockingBit(const Expr *E) {
    const auto *IL = dyn_cast<IntegerLiteral>(E->IgnoreParenImpCasts());
    if (!IL || !IL->getBeginLoc().isMacroID() ||
        IL->getValue().getActiveBits() > 64 || IL->getValue().isZero())
      return std::nullopt;
    for (llvm::StringRef N : macroChain(IL->getBeginLoc(), Ctx))
      if (N == "O_NONBLOCK" || N == "O_NDELAY")
        return IL->getValue().getZExtValue();
    return std::nullopt;
  }

  /// For a constant mask that combines O_NONBLOCK (or O_NDELAY) with
  /// another constant by `^` or `-` (`U32BITS ^ O_NONBLOCK`): whether its
  /// value holds that bit. None for any other expression (`flags ^
  /// O_NONBLOCK` is no constant).
  std::optional<bool> maskHoldsNonBlockingBit(const BinaryOperator *B) {
    if (B->getOpcode() != BO_Xor && B->getOpcode() != BO_Sub)
      return std::nullopt;
    std::optional<uint64_t> Bit = nonBlockingBit(B->getRHS());
    if (!Bit)
      Bit = nonBlockingBit(B->getLHS());
    if (!Bit)
      return std::nullopt;
    std::optional<int64_t> V = constantValue(B, Ctx);
    if (!V)
      return std::nullopt;
    return (static_cast<uint64_t>(*V) & *Bit) != 0;
  }

  /// How an expression that builds file status flags treats O_NONBLOCK:
  /// each mention is a set (`| O_NONBLOCK`) or a clear (`& ~O_NONBLOCK`, or
  /// a constant mask without the bit, `& (ALL ^ O_NONBLOCK)`),
  /// possibly under a `?:` on a parameter.
  void flagUses(const Expr *Root, bool UnderNot, Guard G,
                llvm::SmallVectorImpl<std::pair<bool, Guard>> &Out) {
    struct Item {
      const Expr *E;
      bool UnderNot;
      Guard G;
    };
    // Depth-first, left to right, with a stack of its own (no recursion
    // over the expression's depth).
    llvm::SmallVector<Item, 16> Work{{Root, UnderNot, G}};
    while (!Work.empty()) {
      Item I = Work.pop_back_val();
      if (!I.E)
        continue;
      const Expr *E = I.E->IgnoreParenImpCasts();
      if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
        auto GT = paramTest(CO->getCond(), true);
        auto GF = paramTest(CO->getCond(), false);
        Work.push_back({CO->getFalseExpr(), I.UnderNot, GF ? *GF : I.G});
        Work.push_back({CO->getTrueExpr(), I.UnderNot, GT ? *GT : I.G});
        continue;
      }
      if (const auto *U = dyn_cast<UnaryOperator>(E);
          U && U->getOpcode() == UO_Not) {
        Work.push_back({U->getSubExpr(), !I.UnderNot, I.G});
        continue;
      }
      // A mask computed from O_NONBLOCK by `^` or `-` (proftpd's `flags &
      // (U32BITS ^ O_NONBLOCK)`, which clears it): the mask's value says
      // whether it holds the bit, as `O_NONBLOCK` or `~O_NONBLOCK` would.
      // (`flags ^ O_NONBLOCK`, a toggle of unknown flags, is read as
      // before.)
      if (const auto *B = dyn_cast<BinaryOperator>(E))
        if (std::optional<bool> Holds = maskHoldsNonBlockingBit(B)) {
          Out.push_back({*Holds != I.UnderNot, I.G});
          continue;
        }
      bool Direct = false;
      if (isa<IntegerLiteral>(E)) {
        // O_NONBLOCK is a non-zero constant; one macro chain answers for
        // both names (this runs for every literal assigned in the TU).
        Direct = nonBlockingBit(E).has_value();
      } else if (isa<DeclRefExpr>(E)) {
        Direct = NonBlockingFdAnalysis::mentionsName(E, "O_NONBLOCK", Ctx) ||
                 NonBlockingFdAnalysis::mentionsName(E, "O_NDELAY", Ctx);
      }
      if (Direct) {
        Out.push_back({!I.UnderNot, I.G});
        continue;
      }
      size_t First = Work.size();
      for (const Stmt *C : E->children())
        if (const auto *CE = dyn_cast_or_null<Expr>(C))
          Work.push_back({CE, I.UnderNot, I.G});
      std::reverse(Work.begin() + First, Work.end());
    }
  }

  void noteFlagAssignment(const VarDecl *V, const Expr *RHS, bool Compound,
                          BinaryOperatorKind Op, SourceLocation Loc,
                          const Stmt *At) {
    llvm::SmallVector<std::pair<bool, Guard>, 2> Uses;
    // No guard yet: computed below only when O_NONBLOCK is mentioned (this
    // runs for every assignment in the TU).
    flagUses(RHS, false, Guard{}, Uses);
    for (auto &[Set, G] : Uses) {
      // `flags &= O_NONBLOCK` (no ~) is a test, not a set.
      if (Compound && Op == BO_AndAssign && Set)
        continue;
      FlagMods.push_back({V, Set, Loc, G.Param ? G : currentGuard(), At});
    }
    // Remember literal values (`int on = 1;` before ioctl(fd, FIONBIO,
    // &on)); evaluating every initialiser in the TU would cost too much.
    if (Compound)
      return;
    const Expr *Lit = RHS->IgnoreParenImpCasts();
    if (isa<IntegerLiteral>(Lit) || isa<CXXBoolLiteralExpr>(Lit))
      LastConst[V] = constantValue(Lit, Ctx);
    else
      LastConst[V] = std::nullopt;
  }

  void visitCall(const CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return;
    llvm::StringRef Name = Callee->getName();
    unsigned N = C->getNumArgs();
    SourceLocation Loc = C->getBeginLoc();

    if (Name == "fcntl" && N >= 3 &&
        NonBlockingFdAnalysis::mentionsName(C->getArg(1), "F_SETFL", Ctx)) {
      llvm::SmallVector<std::pair<bool, Guard>, 2> Uses;
      flagUses(C->getArg(2), false, currentGuard(), Uses);
      // `fcntl(fd, F_SETFL, O_RDONLY)`: a constant without O_NONBLOCK sets
      // the flags outright, and so clears O_NONBLOCK.
      if (Uses.empty() && constantValue(C->getArg(2), Ctx))
        Uses.push_back({false, currentGuard()});
      if (Uses.empty()) {
        // fcntl(fd, F_SETFL, flags): what happened to `flags` before.
        if (const auto *DRE =
                dyn_cast<DeclRefExpr>(C->getArg(2)->IgnoreParenImpCasts()))
          if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
            // The definitions of the variable that reach this call on the
            // CFG: an assignment that names O_NONBLOCK, sets the variable
            // outright, or initialises it decides; `flags |= O_APPEND`
            // does not. Each that changed O_NONBLOCK is an event, with the
            // parameter that guards it (for setters).
            auto Defs = reachingDefs(V, C, [&](const Stmt *D) {
              const auto *B = dyn_cast<BinaryOperator>(D);
              return !B || B->getOpcode() == BO_Assign ||
                     llvm::any_of(FlagMods, [&](const FlagMod &M) {
                       return M.At == D;
                     });
            });
            for (const Stmt *D : Defs)
              for (const FlagMod &M : FlagMods)
                if (M.At == D)
                  Uses.push_back({M.Set, M.G});
          }
      }
      for (auto &[Set, G] : Uses)
        addEvent(C->getArg(0), Set ? EvKind::Set : EvKind::Clear, Loc, nullptr,
                 G);
      return;
    }
    if (Name == "ioctl" && N >= 3 &&
        NonBlockingFdAnalysis::mentionsName(C->getArg(1), "FIONBIO", Ctx)) {
      const Expr *A = C->getArg(2)->IgnoreParenCasts();
      if (const auto *U = dyn_cast<UnaryOperator>(A);
          U && U->getOpcode() == UO_AddrOf)
        A = U->getSubExpr()->IgnoreParenCasts();
      if (const auto *CL = dyn_cast<CompoundLiteralExpr>(A)) {
        if (const auto *IL = dyn_cast<InitListExpr>(CL->getInitializer());
            IL && IL->getNumInits() == 1)
          A = IL->getInit(0);
        else
          A = CL->getInitializer();
      }
      std::optional<int64_t> V = constantValue(A, Ctx);
      if (!V)
        if (const auto *DRE = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts()))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
            if (const auto *P = dyn_cast<ParmVarDecl>(VD)) {
              addEvent(C->getArg(0), EvKind::Set, Loc, nullptr, {P, true});
              addEvent(C->getArg(0), EvKind::Clear, Loc, nullptr, {P, false});
              return;
            }
            auto It = LastConst.find(VD);
            if (It != LastConst.end())
              V = It->second;
          }
      if (V)
        addEvent(C->getArg(0), *V ? EvKind::Set : EvKind::Clear, Loc, nullptr,
                 currentGuard());
      return;
    }
    // pipe(p), socketpair(d, SOCK_STREAM, 0, p): two blocking descriptors.
    if ((Name == "pipe" && N == 1) ||
        (Name == "pipe2" && N == 2 &&
         !NonBlockingFdAnalysis::mentionsName(C->getArg(1), "O_NONBLOCK",
                                              Ctx) &&
         !NonBlockingFdAnalysis::mentionsName(C->getArg(1), "O_NDELAY", Ctx)) ||
        (Name == "socketpair" && N == 4 &&
         !NonBlockingFdAnalysis::mentionsName(C->getArg(1), "SOCK_NONBLOCK",
                                              Ctx))) {
      addElemEvents(C->getArg(Name == "socketpair" ? 3 : 0), Loc,
                    EvKind::Clear);
      return;
    }
    for (const CreatorSpec &PC : PairCreators)
      if (Name == PC.Name && N > PC.FlagsArg &&
          (NonBlockingFdAnalysis::mentionsName(C->getArg(PC.FlagsArg), PC.Flag,
                                               Ctx) ||
           NonBlockingFdAnalysis::mentionsName(C->getArg(PC.FlagsArg), PC.Flag2,
                                               Ctx))) {
        addElemEvents(C->getArg(Name == "pipe2" ? 0 : 3 < N ? 3 : 0), Loc);
        return;
      }
    if (isReadinessWaitFunction(Name))
      ReadinessWait = true;
    if ((Name == "getsockopt" && N >= 3 &&
         NonBlockingFdAnalysis::mentionsName(C->getArg(2), "SO_ERROR", Ctx)) ||
        passesSoError(C, Name)) {
      SoErrorRead = true;
      if (CurFn)
        SoErrorReaders.insert(CurFn);
    }
    if (Name == "setsockopt" && N >= 3) {
      bool Rcv =
          NonBlockingFdAnalysis::mentionsName(C->getArg(2), "SO_RCVTIMEO", Ctx);
      bool Snd =
          NonBlockingFdAnalysis::mentionsName(C->getArg(2), "SO_SNDTIMEO", Ctx);
      RcvTimeo |= Rcv;
      SndTimeo |= Snd;
      if (CurFn && Rcv)
        RcvTimeoSetters.insert(CurFn);
      if (CurFn && Snd)
        SndTimeoSetters.insert(CurFn);
    }

    // A generic name is trusted with the descriptor alone, or with a text
    // that is no flag (dante's `setnonblocking(s, function)`, the caller's
    // name for the log).
    bool OneArg = N == 1 || (N == 2 && isText(C->getArg(1)));
    auto W = Wrappers.find(Name);
    if (W != Wrappers.end() &&
        !(W->second.OnlyWithOneArg && !OneArg && Callee->getDefinition())) {
      const WrapperSpec &S = W->second;
      if (unsigned(S.FdArg) >= N || (S.OnlyWithOneArg && !OneArg))
        return;
      const Expr *Fd = C->getArg(S.FdArg);
      if (S.Blocking) {
        addEvent(Fd, EvKind::Clear, Loc, nullptr, currentGuard());
        return;
      }
      if (S.FlagArg < 0) {
        addEvent(Fd, EvKind::Set, Loc, nullptr, currentGuard());
        return;
      }
      if (unsigned(S.FlagArg) >= N)
        return;
      const Expr *Flag = C->getArg(S.FlagArg);
      if (auto V = constantValue(Flag, Ctx)) {
        bool NonBlocking = (*V != 0) == S.NonBlockingWhenTrue;
        addEvent(Fd, NonBlocking ? EvKind::Set : EvKind::Clear, Loc, nullptr,
                 currentGuard());
      } else if (auto G = paramTest(Flag, S.NonBlockingWhenTrue)) {
        addEvent(Fd, EvKind::Set, Loc, nullptr, *G);
        addEvent(Fd, EvKind::Clear, Loc, nullptr, {G->Param, !G->WhenTrue});
      }
      return;
    }
    // A call to a function with a body may be a wrapper: decided lazily.
    // clangd's preamble skips the bodies of functions in headers: such a
    // definition tells no more than a declaration. Found once per
    // declaration: for a library function, getDefinition() walks every
    // redeclaration at each call.
    auto [DefIt, NewCallee] = DefinitionOf.try_emplace(Callee, nullptr);
    if (NewCallee) {
      const FunctionDecl *D = Callee->getDefinition();
      DefIt->second = D && !D->hasSkippedBody() && D->getBody() ? D : nullptr;
    }
    const FunctionDecl *Def = DefIt->second;
    if (!Def) {
      // Declared only: trust a name that says it, `net_set_nonblocking(fd)`
      // or `sock_nonblock(fd, 1)`, but not a query (`is_nonblocking(fd)`).
      // A second argument that is text is no flag: the caller's name for
      // the log (dante's `setnonblocking(s, function)`).
      bool Says = Name.contains_insensitive("nonblock") ||
                  Name.contains_insensitive("non_block");
      bool Query = Says && (Name.starts_with_insensitive("is") ||
                            Name.starts_with_insensitive("has") ||
                            Name.starts_with_insensitive("get") ||
                            Name.starts_with_insensitive("check") ||
                            Name.contains_insensitive("_is_") ||
                            Name.contains_insensitive("_get"));
      if (Says && !Query && N >= 1 && N <= 2 &&
          C->getArg(0)->getType()->isIntegerType()) {
        std::optional<int64_t> Flag = std::optional<int64_t>(1);
        if (N == 2 && !isText(C->getArg(1)))
          Flag = constantValue(C->getArg(1), Ctx);
        if (Flag)
          addEvent(C->getArg(0), *Flag ? EvKind::Set : EvKind::Clear, Loc,
                   nullptr, currentGuard());
      }
      return;
    }
    {
      PendingByFn[CurFn].push_back(Pending.size());
      Pending.push_back({C, Def, CurFn, currentGuard()});
      CallSites[Def].push_back(C);
    }
    // A descriptor handed by its address to an integer pointer parameter
    // (`open_sock(&c.fd, AF_INET, SOCK_STREAM)`) may be filled with a new
    // one: a Clear that holds where fillHolds() says so. It is a new value,
    // not a change of the open file's mode, so it is not passed on to the
    // fields a local was copied from (addEvent).
    for (unsigned I = 0; I < N && I < Def->getNumParams(); ++I) {
      const Expr *Operand = addressedBy(C->getArg(I));
      QualType PT = Def->getParamDecl(I)->getType();
      if (!Operand || !PT->isPointerType() ||
          !PT->getPointeeType()->isIntegerType() ||
          !Operand->getType()->isIntegerType())
        continue;
      FdKey Key = keyOf(Operand);
      // An element at a run-time index (`&fds[i]`) may be any of them.
      if (!Key.valid() || !knownElement(Key))
        continue;
      Event E;
      E.Key = Key;
      E.Kind = EvKind::Clear;
      E.Loc = Loc;
      E.Fn = CurFn;
      E.G = currentGuard();
      E.Target = Operand;
      E.S = EventStmt;
      E.Fill = C;
      E.FillArg = I;
      record(E);
    }
  }

  /// visitCall's callees' definitions with a body (null: none).
  llvm::DenseMap<const FunctionDecl *, const FunctionDecl *> DefinitionOf;

  /// A project's own getsockopt wrapper asked for SO_ERROR
  /// (`SCK_GetIntOption(fd, SOL_SOCKET, SO_ERROR, &err)`): the constant,
  /// spelled as such, among the arguments after the first of a call that is
  /// not setsockopt (which cannot set it). SO_ERROR names nothing else a
  /// program asks about, so the call reads a connect's outcome back.
  bool passesSoError(const CallExpr *C, llvm::StringRef Name) {
    if (Name == "setsockopt" || Name == "getsockopt" || C->getNumArgs() < 3)
      return false;
    for (unsigned I = 1; I < C->getNumArgs(); ++I) {
      const Expr *A = C->getArg(I);
      if (isa<IntegerLiteral>(A->IgnoreParenImpCasts()) &&
          A->getBeginLoc().isMacroID() &&
          NonBlockingFdAnalysis::mentionsName(A, "SO_ERROR", Ctx))
        return true;
    }
    return false;
  }

  /// One step of the walk over a body. The walk keeps its own stack rather
  /// than recursing, so an expression nested tens of thousands deep (which
  /// clang parses without trouble) cannot exhaust the thread's stack.
  struct WalkTask {
    enum Kind {
      Visit,    ///< visit S, then what is under it
      CondThen, ///< entering the branch taken when Cond is true
      CondElse, ///< entering the branch taken when Cond is false
      CondPop,  ///< leaving both branches
      DeclInit, ///< V's initialiser has been walked: note V's value
    } K;
    const Stmt *S = nullptr;
    const Expr *Cond = nullptr;
    const VarDecl *V = nullptr;
  };

  /// `if (Cond) Then else Else` or `Cond ? Then : Else`: each branch is
  /// walked knowing which way Cond went (wrappers' guards). Pushed in
  /// reverse, so Cond is walked first.
  static void pushBranches(llvm::SmallVectorImpl<WalkTask> &Stack,
                           const Expr *Cond, const Stmt *Then,
                           const Stmt *Else) {
    Stack.push_back({WalkTask::CondPop});
    Stack.push_back({WalkTask::Visit, Else});
    Stack.push_back({WalkTask::CondElse});
    Stack.push_back({WalkTask::Visit, Then});
    Stack.push_back({WalkTask::CondThen, nullptr, Cond});
    Stack.push_back({WalkTask::Visit, Cond});
  }

  void walk(const Stmt *Root) {
    llvm::SmallVector<WalkTask, 64> Stack{{WalkTask::Visit, Root}};
    while (!Stack.empty()) {
      WalkTask T = Stack.pop_back_val();
      switch (T.K) {
      case WalkTask::CondThen:
        CondStack.push_back({T.Cond, true});
        continue;
      case WalkTask::CondElse:
        CondStack.back().second = false;
        continue;
      case WalkTask::CondPop:
        CondStack.pop_back();
        continue;
      case WalkTask::DeclInit:
        EventStmt = T.S;
        noteDeclInit(T.V);
        continue;
      case WalkTask::Visit:
        visit(T.S, Stack);
        continue;
      }
    }
  }

  void noteDeclInit(const VarDecl *V) {
    if (V->getType()->isIntegralOrEnumerationType())
      noteFlagAssignment(V, V->getInit(), false, BO_Assign, V->getLocation(),
                         V->getInit());
    if (!V->getType()->isIntegerType())
      return;
    FdKey Key{FdKey::Var, V->getCanonicalDecl(), -1};
    record(Event{Key,
                 EvKind::Copy,
                 V->getInit(),
                 V->getLocation(),
                 CurFn,
                 {},
                 nullptr,
                 EventStmt});
    // `int fd = c->fd;` copies the field (or global) as `fd = c->fd;`
    // does: what is done to the local later is done to the field's
    // descriptor too. Only a declaration of one variable, which the CFG
    // places as it is (it splits `int n = 0, fd = c->fd;` into statements
    // of its own, where the copy could not be placed and would be taken
    // to hold everywhere); only a name or a member (a sum is not looked
    // into); and not a number (`int fd = 0;`, a placeholder more often
    // than standard input).
    const auto *DS = dyn_cast_or_null<DeclStmt>(EventStmt);
    const Expr *From = copiedFrom(V->getInit());
    const Expr *Bare = From ? From->IgnoreParenImpCasts() : nullptr;
    if (V->isLocalVarDecl() && DS && DS->isSingleDecl() && Bare &&
        (isa<DeclRefExpr>(Bare) || isa<MemberExpr>(Bare)))
      noteFieldCopy(Key, V->getInit(), /*Numbers=*/false);
  }

  /// What \p S itself records; what is under it goes on \p Stack, first
  /// child on top.
  void visit(const Stmt *S, llvm::SmallVectorImpl<WalkTask> &Stack) {
    if (!S)
      return;
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      pushBranches(Stack, If->getCond(), If->getThen(), If->getElse());
      if (If->getConditionVariableDeclStmt())
        Stack.push_back({WalkTask::Visit, If->getConditionVariableDeclStmt()});
      Stack.push_back({WalkTask::Visit, If->getInit()});
      return;
    }
    if (const auto *CO = dyn_cast<ConditionalOperator>(S)) {
      pushBranches(Stack, CO->getCond(), CO->getTrueExpr(), CO->getFalseExpr());
      return;
    }
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      walkFunction(LE->getCallOperator()); // a function of its own
      return;
    }
    EventStmt = S;
    if (const auto *C = dyn_cast<CallExpr>(S)) {
      Owner[C] = CurFn;
      CallsByFn[CurFn].push_back(C);
      ++WalkedCalls;
      visitCall(C);
    }
    if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      if (B->isAssignmentOp()) {
        const Expr *L = B->getLHS()->IgnoreParenImpCasts();
        // Flags and FIONBIO values are integers; pointers, structs and
        // floats need no look.
        if (const auto *DRE = dyn_cast<DeclRefExpr>(L))
          if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
              V && V->getType()->isIntegralOrEnumerationType())
            noteFlagAssignment(V, B->getRHS(), B->isCompoundAssignmentOp(),
                               B->getOpcode(), B->getOperatorLoc(), B);
        if (B->getOpcode() == BO_Assign &&
            B->getLHS()->getType()->isIntegerType())
          addEvent(B->getLHS(), EvKind::Copy, B->getOperatorLoc(), B->getRHS());
      }
    }
    if (const auto *R = dyn_cast<ReturnStmt>(S); R && R->getRetValue())
      Returns[CurFn].push_back(R);
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      // Each initialiser, then what it tells about its variable, in order.
      llvm::SmallVector<const VarDecl *, 4> Vars;
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit())
          Vars.push_back(V);
      for (const VarDecl *V : llvm::reverse(Vars)) {
        Stack.push_back({WalkTask::DeclInit, DS, nullptr, V});
        Stack.push_back({WalkTask::Visit, V->getInit()});
      }
      return;
    }
    size_t First = Stack.size();
    for (const Stmt *Child : S->children()) {
      // Implicit casts and parentheses record nothing: the walk steps
      // through them (in C every read of a variable is one).
      while (Child) {
        if (const auto *ICE = dyn_cast<ImplicitCastExpr>(Child))
          Child = ICE->getSubExpr();
        else if (const auto *PE = dyn_cast<ParenExpr>(Child))
          Child = PE->getSubExpr();
        else
          break;
      }
      if (Child && !recordsNothing(Child))
        Stack.push_back({WalkTask::Visit, Child});
    }
    std::reverse(Stack.begin() + First, Stack.end());
  }

  /// \p S and everything under it record nothing: a name or a literal,
  /// read through casts, parentheses, member accesses and unary operators
  /// (`c->fd`, `&len`, `(void *)buf`, `-1`). Not pushing them spares the
  /// walk about half of its visits.
  static bool recordsNothing(const Stmt *S) {
    while (true) {
      if (isa<DeclRefExpr, IntegerLiteral, StringLiteral, CharacterLiteral,
              FloatingLiteral>(S))
        return true;
      if (const auto *ME = dyn_cast<MemberExpr>(S))
        S = ME->getBase();
      else if (const auto *U = dyn_cast<UnaryOperator>(S))
        S = U->getSubExpr();
      else if (const auto *CE = dyn_cast<CastExpr>(S))
        S = CE->getSubExpr();
      else if (const auto *PE = dyn_cast<ParenExpr>(S))
        S = PE->getSubExpr();
      else
        return false;
    }
  }

  void walkFunction(const FunctionDecl *FD) {
    const FunctionDecl *Def = FD->getDefinition();
    if (!Def || !Def->getBody() || !Walked.insert(Def).second)
      return;
    const FunctionDecl *SavedFn = CurFn;
    auto SavedStack = std::move(CondStack);
    auto SavedMods = std::move(FlagMods);
    auto SavedConst = std::move(LastConst);
    CurFn = Def;
    CondStack.clear();
    FlagMods.clear();
    LastConst.clear();
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        noteMemberInit(Init);
    walk(Def->getBody());
    CurFn = SavedFn;
    CondStack = std::move(SavedStack);
    FlagMods = std::move(SavedMods);
    LastConst = std::move(SavedConst);
  }

  /// A constructor's member initializer (`Conn(int fd) : fd_(fd) {}`):
  /// the calls in it are walked, and an integer field it fills gets the
  /// copy an assignment in the body would give it; the CFG places it
  /// before the body (FunctionCfgs builds it with the initializers). Only
  /// initializers the code writes: an in-class default (`int fd_ = -1;`)
  /// belongs to every constructor that does not name the field, and is not
  /// followed; nor are a base class's or a delegated constructor's
  /// arguments.
  void noteMemberInit(const CXXCtorInitializer *Init) {
    // A member of an anonymous struct or union too (its own field).
    const FieldDecl *FD = Init->getAnyMember();
    const Expr *E = Init->getInit();
    if (!FD || !E || !Init->isWritten())
      return;
    walk(E);
    if (!FD->getType()->isIntegerType())
      return;
    // `fd_{fd}`: the one element is the value.
    if (const auto *IL = dyn_cast<InitListExpr>(E->IgnoreImplicit());
        IL && IL->getNumInits() == 1)
      E = IL->getInit(0);
    EventStmt = E;
    record(Event{{FdKey::Field, FD->getCanonicalDecl(), -1},
                 EvKind::Copy,
                 E,
                 Init->getSourceLocation(),
                 CurFn,
                 {},
                 nullptr,
                 E});
  }

  /// C++: namespaces, classes, local classes and templates hold code too.
  class Collector : public RecursiveASTVisitor<Collector> {
  public:
    explicit Collector(Impl &I) : I(I) {}
    bool TraverseDecl(Decl *D) {
      if (!D)
        return true;
      // Nothing in system headers makes the user's fds non-blocking;
      // skipping them keeps the walk cheap.
      if (!isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
          I.SM.isInSystemHeader(D->getLocation()))
        return true;
      return RecursiveASTVisitor::TraverseDecl(D);
    }
    bool VisitFunctionDecl(FunctionDecl *FD) {
      if (FD->doesThisDeclarationHaveABody())
        I.walkFunction(FD);
      return true;
    }
    bool shouldVisitLambdaBodies() const { return false; }

  private:
    Impl &I;
  };

  void collect() {
    if (Collected)
      return;
    Collected = true;
    if (!Ctx.getLangOpts().CPlusPlus) {
      // C: code lives only in function definitions at file scope, so a look
      // at each top-level declaration is enough (the visitor would also
      // descend into every record, parameter and enumerator, asking each
      // whether it is in a system header).
      forEachTopLevelDecl(Ctx, [&](const Decl *D) { collectTopLevelC(D); });
      return;
    }
    Collector C(*this);
    for (Decl *D : Ctx.getTraversalScope())
      C.TraverseDecl(D);
  }

  void collectTopLevelC(const Decl *D) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody() ||
        (FD->getLocation().isValid() && SM.isInSystemHeader(FD->getLocation())))
      return;
    walkFunction(FD);
  }

  //===------------------------------------------------------------------===//
  // Wrapper inference
  //===------------------------------------------------------------------===//

  /// What calling \p FD does to its parameters: which it makes non-blocking
  /// (or blocking), under which flag parameter.
  const std::vector<ParamEffect> &summary(const FunctionDecl *FD) {
    auto It = Summaries.find(FD);
    if (It != Summaries.end())
      return It->second;
    static const std::vector<ParamEffect> Empty;
    if (!InSummary.insert(FD).second || InSummary.size() > MaxNestedSummaries)
      return Empty;
    walkFunction(FD); // a header's inline wrapper the walk did not reach
    expandPendingIn(FD);
    std::vector<ParamEffect> Out;
    for (unsigned I = 0; I < FD->getNumParams(); ++I) {
      FdKey K{FdKey::Var, FD->getParamDecl(I)->getCanonicalDecl(), -1};
      auto EIt = Events.find(K);
      // Most parameters with events are only stored in (`len = ...`):
      // nothing to summarise, and no CFG to build for their stores.
      if (EIt == Events.end() ||
          llvm::none_of(EIt->second, [&](const Event &E) {
            return E.Fn == FD && E.Kind != EvKind::Copy && !E.Fill;
          }))
        continue;
      // Once the function stores a new value in the parameter (`fd =
      // socket(...)`, bitlbee's SOCKS5 handshake when called with -1), what
      // it does to the parameter next is done to that value, not to the
      // caller's descriptor: an event counts when some path of FD's CFG
      // reaches it from the entry without a store. Without a CFG, or a
      // store it cannot place, every event counts (may).
      const LocalCopies &Stores = copiesInto(FD, K.D);
      std::vector<const Event *> FromEntryEvs;
      for (const Event &E : EIt->second) {
        // A fill gives the parameter a new value: nothing done to the
        // caller's descriptor.
        if (E.Fn != FD || E.Kind == EvKind::Copy || E.Fill)
          continue;
        llvm::SmallVector<unsigned, 2> StoredLast;
        bool FromEntry = true;
        if (!Stores.lastAt(E.S, StoredLast, FromEntry))
          FromEntry = true;
        if (FromEntry)
          FromEntryEvs.push_back(&E);
      }
      // A function that never stores in the parameter: what it leaves the
      // descriptor as when it returns.
      if (!Stores.Last)
        keepLastAtReturn(FD, FD->getParamDecl(I), FromEntryEvs);
      for (const Event *E : FromEntryEvs)
        Out.push_back({I, E->Kind == EvKind::Set, E->G, E->Loc});
    }
    InSummary.erase(FD);
    return Summaries[FD] = std::move(Out);
  }

  /// \p K names the same open descriptor at every call of one function
  /// that names it, so that flags read from one call can be put back by
  /// another: a local, a parameter, a global, an element of an array
  /// variable at a constant index, a descriptor number. Not a field (its
  /// key stands for that field of every object) nor an element at a
  /// variable index.
  static bool oneDescriptorPerFunction(const FdKey &K) {
    switch (K.Kind) {
    case FdKey::Var:
    case FdKey::Number:
      return true;
    case FdKey::Elem:
      return K.Index >= 0 && isa_and_nonnull<VarDecl>(K.D);
    default:
      return false;
    }
  }

  /// \p E is `fcntl(K, F_GETFL, ...)`.
  bool readsFlagsOf(const Expr *E, const FdKey &K) {
    const auto *Get =
        E ? dyn_cast<CallExpr>(E->IgnoreParenImpCasts()) : nullptr;
    return Get && globalCalleeName(Get) == "fcntl" && Get->getNumArgs() >= 2 &&
           keyOf(Get->getArg(0)).tuple() == K.tuple() &&
           NonBlockingFdAnalysis::mentionsName(Get->getArg(1), "F_GETFL", Ctx);
  }

  /// \p Fn only reads the local \p W or stores in it with `=`: every
  /// mention of it is a read of its value or the left side of a plain
  /// assignment, so that the definitions reachingDefs() finds are all it
  /// holds. Not when its address is taken (`&saved` handed to a helper), a
  /// reference or a lambda's capture by reference is bound to it, or it is
  /// changed in place (`saved |= O_NONBLOCK`, `++saved`).
  /// \p E's value is read where it stands: its parent (parentheses
  /// aside) is the conversion of the lvalue to its value, not `&`, a
  /// reference, an assignment or a decay to a pointer.
  static bool valueReadAt(const Expr *E, const ParentMap &PM) {
    const auto *C =
        dyn_cast_or_null<ImplicitCastExpr>(PM.getParentIgnoreParens(E));
    return C && C->getCastKind() == CK_LValueToRValue;
  }

  bool onlyReadOrAssigned(const VarDecl *W, const FunctionDecl *Fn) {
    FnCfg *G = cfgOf(Fn);
    if (!G || !Fn->getBody())
      return false;
    auto CapturesByRef = [&](const Stmt *S) {
      const auto *LE = dyn_cast<LambdaExpr>(S);
      return LE && llvm::any_of(LE->captures(), [&](const LambdaCapture &C) {
               return C.capturesVariable() && C.getCaptureKind() == LCK_ByRef &&
                      C.getCapturedVar() == W;
             });
    };
    if (findStmt(Fn->getBody(), CapturesByRef))
      return false;
    const ParentMap &PM = G->parents();
    return findStmt(Fn->getBody(), [&](const Stmt *S) {
             const auto *R = dyn_cast<DeclRefExpr>(S);
             if (!R || R->getDecl() != W || valueReadAt(R, PM))
               return false;
             const auto *B =
                 dyn_cast_or_null<BinaryOperator>(PM.getParentIgnoreParens(R));
             return !B || B->getOpcode() != BO_Assign ||
                    B->getLHS()->IgnoreParens() != R;
           }) == nullptr;
  }

  /// \p W, a local of \p Fn, only ever holds what `fcntl(K, F_GETFL)`
  /// read: each store in it (its initialiser included) is such a call,
  /// whose calls are added to \p Gets, and \p Fn never takes its address
  /// nor changes it otherwise (`saved |= O_APPEND`, `++saved`). A test of
  /// it for -1 is a test of whether that read failed.
  bool holdsOnlyFlagsOf(const VarDecl *W, const FunctionDecl *Fn,
                        const FdKey &K,
                        llvm::SmallVectorImpl<const Stmt *> &Gets) {
    if (!W || !W->isLocalVarDecl() || W->getType()->isReferenceType() ||
        !Fn->getBody() || !onlyReadOrAssigned(W, Fn))
      return false;
    size_t Before = Gets.size();
    if (const Expr *Init = W->getInit()) {
      if (!readsFlagsOf(Init, K))
        return false;
      Gets.push_back(Init->IgnoreParenImpCasts());
    }
    auto IsW = [&](const Expr *E) {
      const auto *R = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      return R && R->getDecl() == W;
    };
    bool Other =
        findStmt(Fn->getBody(), [&](const Stmt *S) {
          if (const auto *B = dyn_cast<BinaryOperator>(S);
              B && B->isAssignmentOp() && IsW(B->getLHS())) {
            if (B->getOpcode() != BO_Assign || !readsFlagsOf(B->getRHS(), K))
              return true;
            Gets.push_back(B->getRHS()->IgnoreParenImpCasts());
            return false;
          }
          return false;
        }) != nullptr;
    if (Other || Gets.size() == Before) {
      Gets.resize(Before);
      return false;
    }
    return true;
  }

  /// \p Fn may give \p K another descriptor: a mention of it is not a
  /// plain read (an assignment, `&fd`, a reference bound to it; for an
  /// element, the array handed whole to a call such as pipe()), or for a
  /// descriptor number a dup2()/dup3() onto it. Then an `if` that found a
  /// call on K failed says nothing of the descriptor K holds later.
  bool mayStoreInKey(const FunctionDecl *Fn, const FdKey &K) {
    FnCfg *G = cfgOf(Fn);
    if (!G || !Fn->getBody())
      return true;
    if (K.Kind == FdKey::Number)
      return findStmt(Fn->getBody(), [&](const Stmt *S) {
               const auto *C = dyn_cast<CallExpr>(S);
               llvm::StringRef N = C ? globalCalleeName(C) : "";
               return (N == "dup2" || N == "dup3") && C->getNumArgs() >= 2 &&
                      numberOf(C->getArg(1)) == K.Index;
             }) != nullptr;
    const ParentMap &PM = G->parents();
    return findStmt(Fn->getBody(), [&](const Stmt *S) {
             const auto *R = dyn_cast<DeclRefExpr>(S);
             if (!R || R->getDecl()->getCanonicalDecl() != K.D)
               return false;
             if (K.Kind == FdKey::Elem) {
               // `fd[i]` read: the decayed array, the subscript, the read.
               const auto *D = dyn_cast_or_null<ImplicitCastExpr>(
                   PM.getParentIgnoreParens(R));
               if (!D || D->getCastKind() != CK_ArrayToPointerDecay)
                 return true;
               const auto *A = dyn_cast_or_null<ArraySubscriptExpr>(
                   PM.getParentIgnoreParens(D));
               return !A || A->getBase()->IgnoreParens() != D ||
                      !valueReadAt(A, PM);
             }
             return !valueReadAt(R, PM);
           }) != nullptr;
  }

  /// How \p Fn puts \p K's flags back as it found them, around its events
  /// on K (whose statements are \p EventStmts).
  struct FlagRestores {
    /// An `fcntl(K, F_SETFL, v)` call, not an event, where every value `v`
    /// can hold is what some `fcntl(K, F_GETFL)` of Fn read (directly, or
    /// through one local copy of a local that holds nothing else: nuttcp's
    /// `flags = saveflags;`), or a constant without O_NONBLOCK (`int flags
    /// = 0;` on a path that changed nothing: that makes K blocking).
    struct Restore {
      const Stmt *Call = nullptr;
      /// The events (indices into the event statements) last on some path
      /// to one of those F_GETFL: what the call may bring back.
      llvm::SmallVector<unsigned, 2> Prior;
      /// Some path reaches one of those F_GETFL with no event: the call may
      /// bring back the mode K had when Fn began.
      bool FromEntry = false;
      /// Some value is a constant without O_NONBLOCK.
      bool Constant = false;
      /// The call puts back what K was when Fn began, or makes it blocking.
      bool entryOnly() const { return Prior.empty(); }
    };
    std::vector<Restore> Restores;
    /// The CFG edges (block, successor index) on which one of those calls,
    /// one of the events, or one of the F_GETFL reads failed, by the `if`
    /// that tests it (`if (fcntl(fd, F_SETFL, ...) < 0) return -1;`, `if
    /// (saved != -1) fcntl(fd, F_SETFL, saved);` not taken): fcntl and
    /// ioctl fail on a socket only when the descriptor is not open, and
    /// nothing done to it on such a path, nor any I/O on it there, can
    /// leave a would-block behind.
    llvm::DenseSet<std::pair<unsigned, unsigned>> Failed;
  };
  /// Per function, its `fcntl(_, F_SETFL, v)` calls whose value `v` is a
  /// local variable: the candidates for restores, found in one walk of the
  /// body however many descriptors are asked about.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const CallExpr *, 2>>
      SetFlagsFromLocal;
  llvm::ArrayRef<const CallExpr *> setFlagsFromLocal(const FunctionDecl *Fn) {
    auto Inserted = SetFlagsFromLocal.try_emplace(Fn);
    auto &Calls = Inserted.first->second;
    if (Inserted.second && Fn->getBody())
      findStmt(Fn->getBody(), [&](const Stmt *S) {
        const auto *C = dyn_cast<CallExpr>(S);
        if (!C || globalCalleeName(C) != "fcntl" || C->getNumArgs() < 3)
          return false;
        const auto *R =
            dyn_cast<DeclRefExpr>(C->getArg(2)->IgnoreParenImpCasts());
        const auto *V = R ? dyn_cast<VarDecl>(R->getDecl()) : nullptr;
        if (V && V->isLocalVarDecl() &&
            NonBlockingFdAnalysis::mentionsName(C->getArg(1), "F_SETFL", Ctx))
          Calls.push_back(C);
        return false;
      });
    return Calls;
  }

  /// The restores of \p K's flags in \p Fn, whose events on K are at
  /// \p EventStmts; the failed calls' edges only when there are restores,
  /// or always with \p AlwaysEdges.
  FlagRestores flagRestores(const FunctionDecl *Fn, const FdKey &K,
                            llvm::ArrayRef<const Stmt *> EventStmts,
                            bool AlwaysEdges) {
    FlagRestores Out;
    FnCfg *G = cfgOf(Fn);
    if (!G || !Fn->getBody() || !oneDescriptorPerFunction(K))
      return Out;
    // The calls that may put some flags back (a restore, or a value
    // this function does not follow): after the events, so that an
    // F_GETFL such a call reaches is told apart.
    std::vector<const Stmt *> Marks(EventStmts.begin(), EventStmts.end());
    for (const CallExpr *C : setFlagsFromLocal(Fn))
      if (keyOf(C->getArg(0)).tuple() == K.tuple() &&
          !llvm::is_contained(EventStmts, C))
        Marks.push_back(C);
    std::optional<FunctionCfgs::LastOnPaths> Before;
    // What \p Get, an `fcntl(K, F_GETFL)`, may have read: the events last
    // on some path to it (added to \p R). Where a call that may put flags
    // back is last on some path, what it put back is not followed: any
    // event, or the mode of the entry.
    auto ReadAfter = [&](const Stmt *Get, FlagRestores::Restore &R) {
      if (!Before)
        Before.emplace(Cfgs, Fn, Marks);
      bool FromEntry = false;
      llvm::SmallVector<unsigned, 2> Prior;
      if (!Before->at(Get, Prior, FromEntry))
        return false;
      if (llvm::any_of(Prior,
                       [&](unsigned I) { return I >= EventStmts.size(); })) {
        Prior.clear();
        for (unsigned I = 0; I < EventStmts.size(); ++I)
          Prior.push_back(I);
        FromEntry = true;
      }
      llvm::append_range(R.Prior, Prior);
      R.FromEntry |= FromEntry;
      return true;
    };
    // The locals that hold only what F_GETFL read: tests of them for -1
    // are tests of whether the read failed.
    llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Stmt *, 2>> Saved;
    auto SavedFlags =
        [&](const VarDecl *W) -> const SmallVector<const Stmt *, 2> * {
      auto It = Saved.find(W);
      if (It != Saved.end())
        return &It->second;
      llvm::SmallVector<const Stmt *, 2> Gets;
      if (!holdsOnlyFlagsOf(W, Fn, K, Gets))
        return nullptr;
      return &(Saved[W] = std::move(Gets));
    };
    for (const CallExpr *C : setFlagsFromLocal(Fn)) {
      // A call that is an event already (a `const` local the walk read as
      // a constant: a clear) is that event.
      if (keyOf(C->getArg(0)).tuple() != K.tuple() ||
          llvm::is_contained(EventStmts, C))
        continue;
      const auto *V = cast<VarDecl>(
          cast<DeclRefExpr>(C->getArg(2)->IgnoreParenImpCasts())->getDecl());
      // What the call puts back is what reachingDefs() finds only if
      // nothing changes V behind its back.
      if (!onlyReadOrAssigned(V, Fn))
        continue;
      SavedFlags(V);
      FlagRestores::Restore R;
      R.Call = C;
      auto Restores = [&](const Stmt *D) {
        const Expr *Value = dyn_cast<Expr>(D);
        if (const auto *B = dyn_cast<BinaryOperator>(D))
          Value = B->getOpcode() == BO_Assign ? B->getRHS() : nullptr;
        if (!Value)
          return false;
        if (std::optional<int64_t> Flags = constantValue(Value, Ctx);
            Flags && *Flags >= 0 && !(*Flags & LinuxNonBlockFlag) &&
            !NonBlockingFdAnalysis::mentionsName(Value, "O_NONBLOCK", Ctx) &&
            !NonBlockingFdAnalysis::mentionsName(Value, "O_NDELAY", Ctx)) {
          R.Constant = true;
          return true;
        }
        if (readsFlagsOf(Value, K))
          return ReadAfter(Value->IgnoreParenImpCasts(), R);
        // A copy: each value it may hold.
        const auto *Copy = dyn_cast<DeclRefExpr>(Value->IgnoreParenImpCasts());
        const auto *W = Copy ? dyn_cast<VarDecl>(Copy->getDecl()) : nullptr;
        const auto *Gets = W && W != V ? SavedFlags(W) : nullptr;
        return Gets && llvm::all_of(*Gets, [&](const Stmt *Get) {
                 return ReadAfter(Get, R);
               });
      };
      auto Reaching = reachingDefs(V, C, [](const Stmt *) { return true; });
      if (!Reaching.empty() && llvm::all_of(Reaching, Restores)) {
        llvm::sort(R.Prior);
        R.Prior.erase(std::unique(R.Prior.begin(), R.Prior.end()),
                      R.Prior.end());
        Out.Restores.push_back(std::move(R));
      }
    }
    if ((Out.Restores.empty() && !AlwaysEdges) || mayStoreInKey(Fn, K))
      return Out;
    // The fcntl/ioctl calls whose failure a test may show, and the locals
    // whose -1 says a read of the flags failed.
    std::vector<const Stmt *> Calls(EventStmts.begin(), EventStmts.end());
    for (const FlagRestores::Restore &R : Out.Restores)
      Calls.push_back(R.Call);
    llvm::SmallVector<const VarDecl *, 2> Results;
    for (const auto &[W, Gets] : Saved)
      if (!Gets.empty())
        Results.push_back(W);
    for (const CFGBlock *B : *G->G) {
      if (!B || !isa_and_nonnull<IfStmt>(B->getTerminatorStmt()) ||
          B->succ_size() != 2)
        continue;
      const auto *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition());
      if (std::optional<bool> OnTrue =
              Cond ? failureTestOf(Cond, Calls, Results) : std::nullopt)
        Out.Failed.insert({B->getBlockID(), *OnTrue ? 0u : 1u});
    }
    return Out;
  }

  /// \p Fn's definition and \p Fd's key, the definition's events
  /// recorded; none when either is missing.
  std::optional<std::pair<const FunctionDecl *, FdKey>>
  keyIn(const Expr *Fd, const FunctionDecl *Fn) {
    collect();
    const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
    FdKey K = keyOf(Fd);
    if (!Def || !K.valid())
      return std::nullopt;
    expandPendingIn(Def);
    return std::make_pair(Def, K);
  }

  /// \p Fn makes \p K non-blocking for \p Call alone, as MSG_DONTWAIT
  /// would (nuttcp's abort notice: `saved = fcntl(fd, F_GETFL); fcntl(fd,
  /// F_SETFL, saved | O_NONBLOCK); send(fd, "A", 1, MSG_OOB); fcntl(fd,
  /// F_SETFL, saved);`). On every path to the call, the last thing done to
  /// K is one of Fn's own unconditional sets of O_NONBLOCK, with no other
  /// call handed K in between; on every path on from it, the next is a
  /// clear, or a restore of flags read before any set of Fn
  /// (flagRestores()), before any other call handed K, the call again, or
  /// the function's end (a process exit included). Paths on which an fcntl
  /// on K failed hold no open descriptor and are left out.
  bool nonBlockingForCallAlone(const FdKey &K, const FunctionDecl *Fn,
                               const CallExpr *Call) {
    const CallWindows *W = callWindows(K, Fn);
    return W && W->Index.count(Call) && W->Alone.test(W->Index.lookup(Call));
  }

  /// What nonBlockingForCallAlone() asks of one descriptor in one
  /// function, found once for all its calls: a function with a thousand
  /// sends would otherwise walk its CFG a thousand times.
  struct CallWindows {
    /// The statements followed (marks): Fn's events on K, the restores of
    /// its flags, and every call handed K.
    llvm::DenseMap<const Stmt *, unsigned> Index;
    /// Per mark: a window of its own holds it (the answer).
    llvm::BitVector Alone;
  };
  std::map<std::pair<const FunctionDecl *, FdKey>, std::optional<CallWindows>>
      CallWindowsMemo;

  const CallWindows *callWindows(const FdKey &K, const FunctionDecl *Fn) {
    auto Memo = CallWindowsMemo.find({Fn, K});
    if (Memo == CallWindowsMemo.end())
      Memo = CallWindowsMemo.emplace(std::make_pair(Fn, K), findWindows(K, Fn))
                 .first;
    return Memo->second ? &*Memo->second : nullptr;
  }

  std::optional<CallWindows> findWindows(const FdKey &K,
                                         const FunctionDecl *Fn) {
    // A name that may hold another descriptor in Fn (assigned, its address
    // taken, the array handed whole to pipe()) is no one descriptor whose
    // window the marks show.
    if (!oneDescriptorPerFunction(K) || !cfgOf(Fn) || mayStoreInKey(Fn, K))
      return std::nullopt;
    std::vector<const Stmt *> Marks;
    llvm::SmallVector<EvKind, 4> Kinds; // per event mark
    for (const Event &E : eventsFor(K)) {
      if (E.Fn != Fn || !E.S)
        continue;
      if (E.G.Param)
        return std::nullopt; // a set or clear the caller's argument decides
      if (llvm::is_contained(Marks, E.S))
        return std::nullopt; // one statement, two events: not followed here
      Marks.push_back(E.S);
      Kinds.push_back(E.Kind);
    }
    if (!llvm::is_contained(Kinds, EvKind::Set))
      return std::nullopt;
    const unsigned NumEvents = Marks.size();
    FlagRestores R = flagRestores(Fn, K, Marks, /*AlwaysEdges=*/true);
    llvm::SmallPtrSet<const Stmt *, 4> Ends;
    for (unsigned I = 0; I < NumEvents; ++I)
      if (Kinds[I] == EvKind::Clear)
        Ends.insert(Marks[I]);
    // A restore whose flags were read after a set puts O_NONBLOCK back.
    for (const FlagRestores::Restore &Re : R.Restores) {
      if (llvm::none_of(Re.Prior,
                        [&](unsigned I) { return Kinds[I] == EvKind::Set; }))
        Ends.insert(Re.Call);
      Marks.push_back(Re.Call);
    }
    if (Ends.empty())
      return std::nullopt;
    // Every call handed the descriptor: the I/O calls asked about, other
    // I/O in a window, reads of its flags.
    findStmt(Fn->getBody(), [&](const Stmt *S) {
      const auto *C = dyn_cast<CallExpr>(S);
      if (C && !llvm::is_contained(Marks, C) &&
          llvm::any_of(C->arguments(), [&](const Expr *A) {
            return keyOf(A).tuple() == K.tuple();
          }))
        Marks.push_back(C);
      return false;
    });
    FunctionCfgs::LastOnPaths Last(
        Cfgs, Fn, Marks, [&](const CFGBlock &B, unsigned I) {
          return R.Failed.contains({B.getBlockID(), I});
        });
    if (!Last.valid())
      return std::nullopt;
    const unsigned N = Marks.size();
    CallWindows W;
    W.Alone.resize(N);
    // A mark is alone when every path reaches it right after a set of Fn
    // and no path goes on from it (NotClosed) to a mark that ends no
    // window, or to the function's end (a return or a process exit).
    llvm::BitVector NotClosed(N);
    for (unsigned I = 0; I < N; ++I) {
      W.Index[Marks[I]] = I;
      llvm::SmallVector<unsigned, 2> Prev;
      bool FromEntry = false;
      if (!Last.at(Marks[I], Prev, FromEntry))
        return std::nullopt;
      W.Alone[I] =
          !FromEntry && !Prev.empty() && llvm::all_of(Prev, [&](unsigned P) {
            return P < NumEvents && Kinds[P] == EvKind::Set;
          });
      if (!Ends.contains(Marks[I]))
        for (unsigned P : Prev)
          NotClosed.set(P);
    }
    llvm::SmallVector<unsigned, 4> AtExit;
    bool FromEntry = false;
    if (!Last.atExit(AtExit, FromEntry, /*ProcessEndsToo=*/true))
      return std::nullopt;
    for (unsigned P : AtExit)
      NotClosed.set(P);
    W.Alone.reset(NotClosed);
    return W;
  }

  /// Of \p Evs, the events of \p FD on its parameter \p PV that are last
  /// on some path on which \p FD returns: what the caller's descriptor is
  /// left as. A function that makes the descriptor non-blocking only for a
  /// while (wget's GnuTLS handshake and timed read: save the flags, set
  /// O_NONBLOCK, wait with select(), put the saved flags back) leaves it as
  /// it was given: flagRestores() says which calls put the caller's flags
  /// back, and on which paths a failed call leaves nothing behind.
  /// Without a CFG that places the events, all of them stay.
  void keepLastAtReturn(const FunctionDecl *FD, const ParmVarDecl *PV,
                        std::vector<const Event *> &Evs) {
    FnCfg *G = cfgOf(FD);
    if (Evs.empty() || !G || !FD->getBody())
      return;
    std::vector<const Stmt *> Defs;
    for (const Event *E : Evs) {
      if (!E->S)
        return;
      if (!llvm::is_contained(Defs, E->S))
        Defs.push_back(E->S);
    }
    FdKey K{FdKey::Var, PV->getCanonicalDecl(), -1};
    FlagRestores R = flagRestores(FD, K, Defs, /*AlwaysEdges=*/true);
    // A restore of the flags the caller gave.
    for (const FlagRestores::Restore &Re : R.Restores)
      if (Re.entryOnly())
        Defs.push_back(Re.Call);
    FunctionCfgs::LastOnPaths Last(
        Cfgs, FD, Defs, [&](const CFGBlock &B, unsigned I) {
          return R.Failed.contains({B.getBlockID(), I});
        });
    llvm::SmallVector<unsigned, 4> AtReturn;
    bool FromEntry = false;
    if (!Last.valid() || !Last.atExit(AtReturn, FromEntry))
      return;
    llvm::erase_if(Evs, [&](const Event *E) {
      unsigned Index = llvm::find(Defs, E->S) - Defs.begin();
      return !llvm::is_contained(AtReturn, Index);
    });
  }
  /// \p Cond, an `if`'s condition, tests whether one of \p Calls, an
  /// `fcntl` or `ioctl` call, failed: true if the test holds when it
  /// failed (`fcntl(...) < 0`, `fcntl(...) == -1`, `fcntl(...) != 0`,
  /// `fcntl(...)` alone), false if it holds when it succeeded (`fcntl(...)
  /// == 0`, `>= 0`, `!fcntl(...)`), nothing if it is no such test. A local
  /// of \p Results holds the result of such a call that returns a value
  /// (the flags F_GETFL read): only its comparisons with -1 or 0 that tell
  /// -1 from the rest test it (`saved != -1`, `(saved = fcntl(...)) < 0`);
  /// 0 is a value like any other.
  std::optional<bool>
  failureTestOf(const Expr *Cond, llvm::ArrayRef<const Stmt *> Calls,
                llvm::ArrayRef<const VarDecl *> Results = {}) {
    auto IsCall = [&](const Expr *E) {
      const auto *C = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
      llvm::StringRef Name = C ? globalCalleeName(C) : "";
      return (Name == "fcntl" || Name == "ioctl") &&
             llvm::is_contained(Calls, C);
    };
    auto IsResult = [&](const Expr *E) {
      E = E->IgnoreParenImpCasts();
      if (const auto *A = dyn_cast<BinaryOperator>(E);
          A && A->getOpcode() == BO_Assign)
        E = A->getLHS()->IgnoreParenImpCasts();
      const auto *R = dyn_cast<DeclRefExpr>(E);
      const auto *V = R ? dyn_cast<VarDecl>(R->getDecl()) : nullptr;
      return V && llvm::is_contained(Results, V);
    };
    Cond = Cond->IgnoreParenImpCasts();
    if (IsCall(Cond))
      return true;
    if (const auto *U = dyn_cast<UnaryOperator>(Cond);
        U && U->getOpcode() == UO_LNot && IsCall(U->getSubExpr()))
      return false;
    const auto *B = dyn_cast<BinaryOperator>(Cond);
    if (!B)
      return std::nullopt;
    bool Value = IsResult(B->getLHS());
    if (!Value && !IsCall(B->getLHS()))
      return std::nullopt;
    std::optional<int64_t> K = constantValue(B->getRHS(), Ctx);
    if (!K)
      return std::nullopt;
    switch (B->getOpcode()) {
    case BO_LT:
      return *K == 0 ? std::optional<bool>(true) : std::nullopt;
    case BO_GE:
      return *K == 0 ? std::optional<bool>(false) : std::nullopt;
    case BO_LE:
      return *K == -1 && Value ? std::optional<bool>(true) : std::nullopt;
    case BO_GT:
      return *K == -1 && Value ? std::optional<bool>(false) : std::nullopt;
    case BO_EQ:
      return *K == -1            ? std::optional<bool>(true)
             : *K == 0 && !Value ? std::optional<bool>(false)
                                 : std::nullopt;
    case BO_NE:
      return *K == 0 && !Value ? std::optional<bool>(true)
             : *K == -1        ? std::optional<bool>(false)
                               : std::nullopt;
    default:
      return std::nullopt;
    }
  }

  /// What calling \p FD does to a field of an object it is given by
  /// pointer (`p->fd`, `(*p).fd`) or by reference: which field of which
  /// parameter's object it makes blocking, or non-blocking (proftpd's
  /// `pr_fsio_set_block(pr_fh_t *fh)` clears O_NONBLOCK on `fh->fh_fd`).
  /// As for summary(), an event counts when some path from the entry
  /// reaches it with the parameter unchanged; a blocking event counts only
  /// when no flag parameter guards it (a guarded one may not happen), a
  /// non-blocking one always (it may).
  const std::vector<FieldEffect> &fieldEffects(const FunctionDecl *FD) {
    auto [It, New] = FieldEffects.try_emplace(FD);
    if (!New)
      return It->second;
    std::vector<FieldEffect> Out;
    walkFunction(FD);
    expandPendingIn(FD);
    // The parameter whose object \p Target's field belongs to, if any.
    auto ParamOf = [&](const Expr *Target) -> const ParmVarDecl * {
      const auto *ME =
          Target ? dyn_cast<MemberExpr>(Target->IgnoreParenCasts()) : nullptr;
      if (!ME)
        return nullptr;
      const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
      if (!ME->isArrow()) {
        if (const auto *U = dyn_cast<UnaryOperator>(Base);
            U && U->getOpcode() == UO_Deref)
          Base = U->getSubExpr()->IgnoreParenImpCasts();
        else if (const auto *R = dyn_cast<DeclRefExpr>(Base);
                 !R || !R->getDecl()->getType()->isReferenceType())
          return nullptr;
      }
      const auto *R = dyn_cast<DeclRefExpr>(Base);
      const auto *PV = R ? dyn_cast<ParmVarDecl>(R->getDecl()) : nullptr;
      return PV && PV->getDeclContext() == FD ? PV : nullptr;
    };
    // Copied: viaCopyHolds may record events.
    std::vector<Event> Evs;
    if (auto It = FieldEventsByFn.find(FD); It != FieldEventsByFn.end())
      for (const auto &[K, I] : It->second)
        if (const Event &E = Events[K][I]; E.Kind != EvKind::Copy && E.S)
          Evs.push_back(E);
    for (const Event &E : Evs) {
      const ParmVarDecl *PV = ParamOf(E.Target);
      if (!PV || (E.Kind == EvKind::Clear && E.G.Param) || !viaCopyHolds(E) ||
          !fillHolds(E))
        continue;
      const LocalCopies &Stores = copiesInto(FD, PV->getCanonicalDecl());
      llvm::SmallVector<unsigned, 2> StoredLast;
      bool FromEntry = true;
      if (!Stores.lastAt(E.S, StoredLast, FromEntry))
        FromEntry = true;
      if (FromEntry)
        Out.push_back(
            {PV->getFunctionScopeIndex(), E.Key.D, E.Kind == EvKind::Set});
    }
    return FieldEffects[FD] = std::move(Out);
  }

  llvm::DenseSet<const FunctionDecl *> Expanded;

  /// Turn the calls made in \p Fn to functions with bodies into the events
  /// those functions cause on their arguments.
  void expandPendingIn(const FunctionDecl *Fn) {
    if (!Expanded.insert(Fn).second)
      return;
    std::vector<PendingCall> Mine;
    auto It = PendingByFn.find(Fn);
    if (It != PendingByFn.end())
      for (size_t I : It->second)
        Mine.push_back(Pending[I]);
    for (const PendingCall &PC : Mine) {
      if (PC.Callee == Fn)
        continue;
      for (const ParamEffect &E : summary(PC.Callee)) {
        if (E.Param >= PC.Call->getNumArgs())
          continue;
        bool Happens = true;
        bool Set = E.Set;
        Guard G = PC.G;
        if (E.G.Param) {
          unsigned FlagIdx = E.G.Param->getFunctionScopeIndex();
          if (FlagIdx >= PC.Call->getNumArgs())
            continue;
          const Expr *Flag = PC.Call->getArg(FlagIdx);
          if (auto V = constantValue(Flag, Ctx))
            Happens = (*V != 0) == E.G.WhenTrue;
          else if (auto PG = paramTest(Flag, E.G.WhenTrue))
            G = *PG; // our own flag parameter decides: we are a wrapper too
          else
            Happens = false;
        }
        if (!Happens)
          continue;
        const FunctionDecl *SavedFn = CurFn;
        const Stmt *SavedStmt = EventStmt;
        CurFn = Fn;
        EventStmt = PC.Call;
        addEvent(PC.Call->getArg(E.Param), Set ? EvKind::Set : EvKind::Clear,
                 PC.Call->getBeginLoc(), nullptr, G);
        CurFn = SavedFn;
        EventStmt = SavedStmt;
      }
    }
  }

  //===------------------------------------------------------------------===//
  // Queries
  //===------------------------------------------------------------------===//

  std::optional<NonBlockingOrigin> originOf(const Event &E) {
    return NonBlockingOrigin{E.Loc, "'" +
                                        (E.Target ? sourceTextOf(E.Target, Ctx)
                                                  : std::string("descriptor")) +
                                        "' was made non-blocking here"};
  }

  std::optional<NonBlockingOrigin> resolve(const Event &E) {
    switch (E.Kind) {
    case EvKind::Set:
      return originOf(E);
    case EvKind::Clear:
      return std::nullopt;
    case EvKind::Copy:
      return exprNonBlocking(E.Src, E.Fn, E.S);
    }
    return std::nullopt;
  }

  /// The events recorded on \p K, copied: answering a query may walk a
  /// function for the first time (a wrapper's body, a callee's returns),
  /// which records more events and may move the vectors they live in.
  std::vector<Event> eventsFor(const FdKey &K) {
    std::vector<Event> Out;
    auto Add = [&](const FdKey &Key) {
      auto It = Events.find(Key);
      if (It == Events.end())
        return;
      // viaCopyHolds may add to Events: copy first.
      std::vector<Event> Evs = It->second;
      for (const Event &E : Evs)
        if (viaCopyHolds(E) && fillHolds(E))
          Out.push_back(E);
    };
    Add(K);
    if (K.Kind == FdKey::Elem && K.Index != -1)
      Add({FdKey::Elem, K.D, -1});
    return Out;
  }

  /// \p Flags names \p Flag (or \p Flag2), itself or as a local
  /// variable of \p C's function that holds the flag on some path to \p C
  /// (`type |= SOCK_NONBLOCK; socket(PF_INET, type, 0)`; libmodbus builds
  /// its flags under #ifdef SOCK_NONBLOCK). The assignments that reach the
  /// call are found backwards on the function's CFG: `type &= ~SOCK_NONBLOCK`
  /// or `type = SOCK_STREAM` takes the flag away on its path, and a flag set
  /// on one branch of an if is set whichever way the branches are written.
  bool flagsMention(const Expr *Flags, const CallExpr *C, llvm::StringRef Flag,
                    llvm::StringRef Flag2) {
    auto Mentions = [&](const Expr *E) {
      return NonBlockingFdAnalysis::mentionsName(E, Flag, Ctx) ||
             (!Flag2.empty() &&
              NonBlockingFdAnalysis::mentionsName(E, Flag2, Ctx));
    };
    // Named somewhere outside a `~`: `type & ~SOCK_NONBLOCK` only takes
    // the flag away, `(SOCK_STREAM | SOCK_NONBLOCK) & ~SOCK_CLOEXEC` keeps
    // it. Only a flag named under `~` alone counts as cleared: an unknown
    // mask (`flags & mask`) may keep it, and a blocking claim needs more.
    std::function<bool(const Expr *)> Sets = [&](const Expr *E) -> bool {
      E = E->IgnoreParenImpCasts();
      if (const auto *U = dyn_cast<UnaryOperator>(E);
          U && U->getOpcode() == UO_Not)
        return false;
      if (const auto *B = dyn_cast<BinaryOperator>(E);
          B && (B->getOpcode() == BO_And || B->getOpcode() == BO_Or))
        return Sets(B->getLHS()) || Sets(B->getRHS());
      if (const auto *CO = dyn_cast<ConditionalOperator>(E))
        return Sets(CO->getTrueExpr()) || Sets(CO->getFalseExpr());
      return Mentions(E);
    };
    if (Mentions(Flags))
      return Sets(Flags);
    const auto *DRE = dyn_cast<DeclRefExpr>(Flags->IgnoreParenImpCasts());
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    const FunctionDecl *Fn = Owner.lookup(C);
    if (!V || !V->isLocalVarDecl() || !Fn || !Fn->getBody())
      return false;
    // What a definition of V (from reachingDefs: an assignment, the
    // initialiser, or a declaration without one) does to the flag: set it,
    // clear it, or (std::nullopt) leave it as it was.
    auto EffectOf = [&](const Stmt *D) -> std::optional<bool> {
      if (isa<DeclStmt>(D))
        return false;
      bool IsInit = D == V->getInit();
      const auto *B = dyn_cast<BinaryOperator>(D);
      const Expr *RHS = IsInit ? V->getInit() : B->getRHS();
      bool Named = Mentions(RHS);
      switch (IsInit ? BO_Assign : B->getOpcode()) {
      case BO_Assign:
        return Named && Sets(RHS);
      case BO_OrAssign:
        return Named && Sets(RHS) ? std::optional<bool>(true) : std::nullopt;
      case BO_AndAssign:
        return Named && !Sets(RHS) ? std::optional<bool>(false) : std::nullopt;
      default:
        return std::nullopt;
      }
    };
    // Any definition reaching the call that sets the flag is enough
    // (may-analysis).
    for (const Stmt *D :
         reachingDefs(V, C, [&](const Stmt *D) { return EffectOf(D).has_value(); }))
      if (EffectOf(D).value_or(false))
        return true;
    return false;
  }

  /// The definitions of the local \p V that reach \p C on the CFG of
  /// \p C's function: backwards from \p C, each path up to the first
  /// assignment to \p V (or its initialiser, as the initialiser expression)
  /// for which \p Decides holds. Empty without a CFG.
  llvm::SmallVector<const Stmt *, 4>
  reachingDefs(const VarDecl *V, const CallExpr *C,
               llvm::function_ref<bool(const Stmt *)> Decides) {
    llvm::SmallVector<const Stmt *, 4> Out;
    const FunctionDecl *Fn = Owner.lookup(C);
    FnCfg *G = Fn ? cfgOf(Fn) : nullptr;
    auto At = G ? G->Pos.find(C) : decltype(G->Pos)::const_iterator();
    if (!G || At == G->Pos.end())
      return Out;
    // The definition \p S is, if any.
    auto DefOf = [&](const Stmt *S) -> const Stmt * {
      if (const auto *B = dyn_cast<BinaryOperator>(S)) {
        const auto *L =
            dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts());
        return B->isAssignmentOp() && L && L->getDecl() == V ? B : nullptr;
      }
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (D == V)
            return V->getInit() ? static_cast<const Stmt *>(V->getInit()) : DS;
      return nullptr;
    };
    llvm::BitVector Seen(G->Blocks.size());
    llvm::SmallPtrSet<const Stmt *, 4> Found;
    llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 8> Work{
        {G->Blocks[At->second.first], At->second.second}};
    while (!Work.empty()) {
      auto [B, End] = Work.pop_back_val();
      const Stmt *Def = nullptr;
      for (unsigned I = End; I-- > 0 && !Def;)
        if (auto CS = (*B)[I].getAs<CFGStmt>())
          if (const Stmt *D = DefOf(CS->getStmt()); D && (isa<DeclStmt>(CS->getStmt()) || Decides(D)))
            Def = D;
      if (Def) {
        if (Found.insert(Def).second)
          Out.push_back(Def);
        continue;
      }
      for (const CFGBlock *P : B->preds())
        if (P && !Seen.test(P->getBlockID())) {
          Seen.set(P->getBlockID());
          Work.push_back({P, unsigned(P->size())});
        }
    }
    return Out;
  }

  /// A creator only Linux has, where EAGAIN and EWOULDBLOCK are the same.
  static bool linuxOnlyCreator(llvm::StringRef Name) {
    return llvm::is_contained({"eventfd", "timerfd_create", "signalfd",
                               "inotify_init1", "fanotify_init", "pidfd_open"},
                              Name);
  }

  std::optional<NonBlockingOrigin> creatorNonBlocking(const CallExpr *C) {
    llvm::StringRef Name = globalCalleeName(C);
    if (const CreatorSpec *CS = creatorSpec(Name);
        CS && C->getNumArgs() > CS->FlagsArg &&
        flagsMention(C->getArg(CS->FlagsArg), C, CS->Flag, CS->Flag2))
      return NonBlockingOrigin{C->getBeginLoc(),
                               "'" + Name.str() +
                                   "' creates a non-blocking descriptor here",
                               linuxOnlyCreator(Name), Name.str()};
    return std::nullopt;
  }

  std::optional<NonBlockingOrigin>
  exprNonBlocking(const Expr *E, const FunctionDecl *Fn, const Stmt *At) {
    if (!E || Depth > MaxValueDepth)
      return std::nullopt;
    DepthGuard Guard(Depth);
    E = E->IgnoreParenCasts();
    if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
      if (auto O = exprNonBlocking(CO->getTrueExpr(), Fn, At))
        return O;
      return exprNonBlocking(CO->getFalseExpr(), Fn, At);
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E);
        B && B->getOpcode() == BO_Assign)
      return exprNonBlocking(B->getRHS(), Fn, At);
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      if (auto O = creatorNonBlocking(C))
        return O;
      if (const FunctionDecl *Callee = C->getDirectCallee()) {
        if (const FunctionDecl *Def = Callee->getDefinition()) {
          if (auto O = returnsNonBlocking(Def))
            return O;
          return flagArgNonBlocking(C, Callee, flagParamOf(Def));
        }
        // Another file's function that returns a non-blocking descriptor
        // (the facts).
        if (const ProjectFacts::ReturnedFd *R = returnedByAnotherFile(Callee))
          return NonBlockingOrigin{C->getBeginLoc(),
                                   "'" + Callee->getNameAsString() +
                                       "' returns a descriptor made "
                                       "non-blocking in " +
                                       R->MadeAt +
                                       " (from the project's facts)"};
        // Or one that makes it with the flags its caller passes.
        if (const ProjectFacts::FlagReturn *F = flagReturnElsewhere(Callee))
          if (const CreatorSpec *Spec = creatorSpec(F->Creator))
            return flagArgNonBlocking(
                C, Callee,
                FlagParam{F->Arg, Spec, nullptr, F->At, F->Sole, F->Kept});
      }
      return std::nullopt;
    }
    FdKey K = keyOf(E);
    if (!K.valid())
      return std::nullopt;
    return keyNonBlocking(K, Fn, At);
  }

  /// A function that makes a descriptor with flags one of its parameters
  /// gives, and returns it as it came: dhcpcd's `xsocket(domain, type,
  /// protocol)`, which calls `socket(domain, type, protocol)`. What it
  /// returns is as non-blocking as each call asks.
  struct FlagParam {
    unsigned Param;          ///< the parameter that names the flags
    const CreatorSpec *Spec; ///< the creator it hands them to
    const CallExpr *Creator; ///< that call (null: from the facts)
    std::string At;          ///< its place, from the facts
    bool Sole;               ///< every value returned is its, or -1
    /// Sole, and the value returned is the creator's as it came: the flags
    /// are the parameter itself or it or-ed with socket type constants
    /// (typeConstants), and a local that holds the result is only
    /// compared, closed and returned. A call with type constants alone
    /// then gives a blocking descriptor.
    bool Kept = false;
  };
  llvm::DenseMap<const FunctionDecl *, std::optional<FlagParam>> FlagParamMemo;

  /// \p Flags, for the creator \p Spec, is built with `|` only from 0 and
  /// the C library's socket type constants (`SOCK_STREAM`, `SOCK_DGRAM`,
  /// `SOCK_CLOEXEC`...), none of which holds `SOCK_NONBLOCK`'s bit: an
  /// enumerator or a macro of a system header named so. Only for the
  /// creators whose flags are a socket type (socket, accept4,
  /// socketpair); a project's own constant, a variable or a mask is not
  /// known.
  bool typeConstants(const Expr *Flags, const CreatorSpec *Spec) {
    if (Spec->Flag != "SOCK_NONBLOCK")
      return false;
    static constexpr llvm::StringLiteral Known[] = {
        "SOCK_STREAM", "SOCK_DGRAM",  "SOCK_RAW",    "SOCK_SEQPACKET",
        "SOCK_RDM",    "SOCK_PACKET", "SOCK_CLOEXEC"};
    auto IsKnown = [](llvm::StringRef N) {
      return llvm::is_contained(Known, N);
    };
    const SourceManager &SM = Ctx.getSourceManager();
    llvm::SmallVector<const Expr *, 4> Work{Flags};
    while (!Work.empty()) {
      const Expr *E = Work.pop_back_val()->IgnoreParenImpCasts();
      if (const auto *B = dyn_cast<BinaryOperator>(E);
          B && B->getOpcode() == BO_Or) {
        Work.push_back(B->getLHS());
        Work.push_back(B->getRHS());
        continue;
      }
      if (const auto *IL = dyn_cast<IntegerLiteral>(E)) {
        if (IL->getValue().isZero() && !IL->getBeginLoc().isMacroID())
          continue;
        if (!IL->getBeginLoc().isMacroID() ||
            !SM.isInSystemHeader(SM.getSpellingLoc(IL->getBeginLoc())) ||
            llvm::none_of(macroChain(IL->getBeginLoc(), Ctx), IsKnown))
          return false;
        continue;
      }
      const auto *DRE = dyn_cast<DeclRefExpr>(E);
      const auto *EC =
          DRE ? dyn_cast<EnumConstantDecl>(DRE->getDecl()) : nullptr;
      if (!EC || !EC->getIdentifier() || !IsKnown(EC->getName()) ||
          !SM.isInSystemHeader(EC->getLocation()))
        return false;
    }
    return true;
  }

  /// Some use of the local \p V in \p Def is one \p Bad says so of: it is
  /// given the use (the reference, with the parentheses and implicit
  /// casts around it) and the statement that takes it. True when \p Def
  /// has no CFG (no parent map) to place the uses with.
  bool someUse(const VarDecl *V, const FunctionDecl *Def,
               llvm::function_ref<bool(const Stmt *Use, const Stmt *P)> Bad) {
    const FunctionCfgs::Cfg *G = Cfgs.of(Def);
    if (!G || !Def->getBody())
      return true;
    const ParentMap &PM = G->parents();
    return findStmt(Def->getBody(), [&](const Stmt *S) {
             const auto *DRE = dyn_cast<DeclRefExpr>(S);
             if (!DRE || DRE->getDecl() != V)
               return false;
             const Stmt *Use = DRE;
             const Stmt *P = PM.getParent(Use);
             while (P && (isa<ImplicitCastExpr>(P) || isa<ParenExpr>(P))) {
               Use = P;
               P = PM.getParent(P);
             }
             return Bad(Use, P);
           }) != nullptr;
  }

  /// Every use of the local \p L in \p Def leaves the value it holds as
  /// it came: a store into it, a comparison, `close(L)`, `return L`.
  bool onlyComparedClosedReturned(const VarDecl *L, const FunctionDecl *Def) {
    return !someUse(L, Def, [&](const Stmt *Use, const Stmt *P) {
      if (const auto *B = dyn_cast_or_null<BinaryOperator>(P))
        return !(B->isComparisonOp() ||
                 (B->getOpcode() == BO_Assign && B->getLHS() == Use));
      if (isa_and_nonnull<ReturnStmt>(P))
        return false;
      const auto *C = dyn_cast_or_null<CallExpr>(P);
      return !C || globalCalleeName(C) != "close";
    });
  }

  /// The parameter of \p Def that \p Flags passes as it came: the
  /// parameter itself, or-ed with constants (`type | SOCK_CLOEXEC`), or a
  /// local initialised so and never written again; the parameter is never
  /// written either (`type &= ~SOCK_NONBLOCK` would take the flag away).
  /// Null for anything else: a mask, a negation, a choice.
  const ParmVarDecl *paramInFlags(const Expr *Flags, const FunctionDecl *Def,
                                  unsigned Hops) {
    Flags = Flags->IgnoreParenImpCasts();
    if (const auto *B = dyn_cast<BinaryOperator>(Flags);
        B && B->getOpcode() == BO_Or) {
      const ParmVarDecl *L = paramInFlags(B->getLHS(), Def, Hops);
      const ParmVarDecl *R = paramInFlags(B->getRHS(), Def, Hops);
      return L && R ? nullptr : (L ? L : R);
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(Flags);
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!V || !writesOf(V, Def->getBody()).empty())
      return nullptr;
    if (const auto *PV = dyn_cast<ParmVarDecl>(V))
      return PV->getDeclContext() == Def ? PV : nullptr;
    if (!V->isLocalVarDecl() || V->isStaticLocal() || !V->getInit() ||
        Hops >= MaxFlagsHops)
      return nullptr;
    return paramInFlags(V->getInit(), Def, Hops + 1);
  }

  /// \p Flags, a creator's flags in \p Def, are one of Def's parameters
  /// itself or it or-ed with socket type constants (typeConstants): that
  /// parameter's index. The caller's argument then decides the flag.
  std::optional<unsigned> paramWithTypeConstants(const Expr *Flags,
                                                 const FunctionDecl *Def,
                                                 const CreatorSpec *Spec) {
    auto ParamOf = [&](const Expr *E) -> std::optional<unsigned> {
      const auto *R = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      const auto *PV = R ? dyn_cast<ParmVarDecl>(R->getDecl()) : nullptr;
      if (!PV || PV->getDeclContext() != Def)
        return std::nullopt;
      return PV->getFunctionScopeIndex();
    };
    Flags = Flags->IgnoreParenImpCasts();
    if (auto P = ParamOf(Flags))
      return P;
    const auto *B = dyn_cast<BinaryOperator>(Flags);
    if (!B || B->getOpcode() != BO_Or)
      return std::nullopt;
    if (auto P = ParamOf(B->getLHS()); P && typeConstants(B->getRHS(), Spec))
      return P;
    if (auto P = ParamOf(B->getRHS()); P && typeConstants(B->getLHS(), Spec))
      return P;
    return std::nullopt;
  }

  static const CreatorSpec *creatorSpec(llvm::StringRef Name) {
    for (const CreatorSpec &CS : Creators)
      if (CS.Name == Name)
        return &CS;
    return nullptr;
  }

  /// \p Def's FlagParam: one of its returns is a creator's call whose
  /// flags one of its parameters gives (paramInFlags), or a local that
  /// holds one and that the function neither changes the mode of nor hands
  /// to any call but close(); none otherwise. Sole: every value it returns
  /// is that call's or -1 (what a datagram claim needs: another return may
  /// make a stream). Memoised.
  std::optional<FlagParam> flagParamOf(const FunctionDecl *Def) {
    auto [It, New] = FlagParamMemo.try_emplace(Def);
    if (!New || !Def->getBody() || !Def->getReturnType()->isIntegerType())
      return It->second;
    walkFunction(Def);
    expandPendingIn(Def);
    std::optional<FlagParam> Found;
    // The creator calls a returned value may come from (null: something
    // else), by returned expression.
    auto CreatorOf = [&](const Expr *E) -> const CallExpr * {
      const auto *C =
          dyn_cast_or_null<CallExpr>(E ? E->IgnoreParenCasts() : nullptr);
      const CreatorSpec *Spec = C ? creatorSpec(globalCalleeName(C)) : nullptr;
      if (!Spec || C->getNumArgs() <= Spec->FlagsArg)
        return nullptr;
      if (const ParmVarDecl *PV =
              paramInFlags(C->getArg(Spec->FlagsArg), Def, 0);
          PV && !Found)
        Found = FlagParam{PV->getFunctionScopeIndex(), Spec, C, {}, true};
      return C;
    };
    // What each returned local holds, worked out once per local: its
    // values, or none when the function does more with it than store and
    // return it (a mode set or cleared, a call but close() given it, its
    // address taken); and whether it is besides only compared, closed,
    // stored into and returned (AsCame, what Kept needs).
    struct Held {
      std::vector<const Expr *> Values;
      bool AsCame;
    };
    llvm::DenseMap<const VarDecl *, std::optional<Held>> Locals;
    auto ValuesOf = [&](const VarDecl *L) {
      auto [LI, LNew] = Locals.try_emplace(L);
      if (!LNew)
        return LI->second;
      std::vector<const Expr *> Values;
      for (const Event &E : eventsFor({FdKey::Var, L->getCanonicalDecl(), -1}))
        if (E.Fn == Def) {
          if (E.Kind != EvKind::Copy)
            return Locals[L] = std::nullopt;
          Values.push_back(E.Src);
        }
      if (llvm::any_of(writesOf(L, Def->getBody()),
                       [](const VarWrite &W) { return W.Address; }) ||
          findStmt(Def->getBody(), [&](const Stmt *S) {
            const auto *Call = dyn_cast<CallExpr>(S);
            if (!Call || globalCalleeName(Call) == "close")
              return false;
            return llvm::any_of(Call->arguments(), [&](const Expr *A) {
              const auto *Ref = dyn_cast<DeclRefExpr>(A->IgnoreParenCasts());
              return Ref && Ref->getDecl() == L;
            });
          }))
        return Locals[L] = std::nullopt;
      return Locals[L] =
                 Held{std::move(Values), onlyComparedClosedReturned(L, Def)};
    };
    // Whether every returned value is the found creator's, or -1; whether
    // every returned local is left as it came.
    bool Sole = true, AsCame = true;
    auto OnlyFound = [&](const Expr *E, const CallExpr *C) {
      if (constantFd(E, Ctx) == ConstantFd::None)
        return;
      if (!C || !Found || C != Found->Creator)
        Sole = false;
    };
    for (const ReturnStmt *R : Returns.lookup(Def)) {
      const Expr *V =
          R->getRetValue() ? R->getRetValue()->IgnoreParenCasts() : nullptr;
      if (!V)
        continue;
      if (isa<CallExpr>(V)) {
        OnlyFound(V, CreatorOf(V));
        continue;
      }
      const auto *DRE = dyn_cast<DeclRefExpr>(V);
      const auto *L = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      std::optional<Held> Values;
      if (L && L->isLocalVarDecl() && !L->isStaticLocal())
        Values = ValuesOf(L);
      if (!Values) {
        OnlyFound(V, nullptr);
        continue;
      }
      AsCame &= Values->AsCame;
      for (const Expr *Src : Values->Values)
        OnlyFound(Src, CreatorOf(Src));
    }
    if (Found) {
      Found->Sole = Sole;
      // The creator's flags: the parameter, or it or-ed with type
      // constants; and each returned local left as it came.
      bool FlagsKept =
          paramWithTypeConstants(Found->Creator->getArg(Found->Spec->FlagsArg),
                                 Def, Found->Spec) == Found->Param;
      Found->Kept = Sole && FlagsKept && AsCame;
    }
    return FlagParamMemo[Def] = Found;
  }

  /// \p C, a call of \p Callee whose returns \p F describes: a
  /// non-blocking descriptor when the argument that gives the flags names
  /// the creator's non-blocking flag (`xsocket(AF_UNIX, SOCK_STREAM |
  /// SOCK_NONBLOCK, 0)`).
  std::optional<NonBlockingOrigin>
  flagArgNonBlocking(const CallExpr *C, const FunctionDecl *Callee,
                     const std::optional<FlagParam> &F) {
    if (!F || F->Param >= C->getNumArgs() ||
        !flagsMention(C->getArg(F->Param), C, F->Spec->Flag, F->Spec->Flag2))
      return std::nullopt;
    std::string Where = F->Creator ? fileAndLine(F->Creator->getBeginLoc(), SM)
                                   : F->At + ", from the project's facts";
    StringRef Name = F->Spec->Name;
    return NonBlockingOrigin{C->getBeginLoc(),
                             "'" + Callee->getNameAsString() +
                                 "' makes a non-blocking descriptor "
                                 "here: it hands this argument, which names " +
                                 F->Spec->Flag.str() + ", to '" + Name.str() +
                                 "' (" + Where + ")",
                             linuxOnlyCreator(Name), Name.str()};
  }

  /// The project's facts on \p Callee, a function of another file that
  /// returns a descriptor its file made non-blocking; null without facts or
  /// such an entry.
  const ProjectFacts::ReturnedFd *
  returnedByAnotherFile(const FunctionDecl *Callee) const {
    if (!Facts || Facts->NonBlockingReturns.empty() ||
        !Callee->getIdentifier())
      return nullptr;
    auto It = Facts->NonBlockingReturns.find(Callee->getQualifiedNameAsString());
    return It == Facts->NonBlockingReturns.end() ? nullptr : &It->second;
  }

  /// The project's facts on \p Callee, a function of another file that
  /// makes a descriptor with the flags a parameter gives (FlagReturn);
  /// null without facts or such an entry.
  const ProjectFacts::FlagReturn *
  flagReturnElsewhere(const FunctionDecl *Callee) const {
    if (!Facts || Facts->FlagReturns.empty() || !Callee->getIdentifier())
      return nullptr;
    auto It = Facts->FlagReturns.find(Callee->getQualifiedNameAsString());
    return It == Facts->FlagReturns.end() ? nullptr : &It->second;
  }

  std::optional<NonBlockingOrigin> returnsNonBlocking(const FunctionDecl *Def) {
    auto It = ReturnMemo.find(Def);
    if (It != ReturnMemo.end())
      return It->second;
    ReturnMemo[Def] = std::nullopt; // recursion
    walkFunction(Def);
    std::optional<NonBlockingOrigin> Result;
    for (const ReturnStmt *R : Returns.lookup(Def)) {
      Result = exprNonBlocking(R->getRetValue(), Def, R);
      if (Result)
        break;
    }
    return ReturnMemo[Def] = Result;
  }

  std::optional<NonBlockingOrigin>
  keyNonBlocking(const FdKey &K, const FunctionDecl *Fn, const Stmt *At) {
    // Each question once: every event that reaches a point is resolved,
    // and a copy's source is asked at the copy, so without the memo the
    // questions branch at each copy (Lua's interpreter loop copies its
    // registers into each other thousands of times). A question met again
    // while it is being answered (a cycle of copies) adds nothing.
    auto MemoKey = std::make_tuple(K.tuple(), Fn, At, SkipParamGuarded);
    if (auto It = KeyMemo.find(MemoKey); It != KeyMemo.end())
      return It->second;
    KeyMemo[MemoKey] = std::nullopt;
    std::optional<NonBlockingOrigin> O = keyNonBlockingImpl(K, Fn, At);
    return KeyMemo[MemoKey] = O;
  }
  std::map<std::tuple<decltype(FdKey().tuple()), const FunctionDecl *,
                      const Stmt *, bool>,
           std::optional<NonBlockingOrigin>>
      KeyMemo;

  std::optional<NonBlockingOrigin>
  keyNonBlockingImpl(const FdKey &K, const FunctionDecl *Fn, const Stmt *At) {
    if (Fn)
      expandPendingIn(Fn);
    // A field filled only from another field that Fn makes blocking on
    // every path first: the same descriptor, blocking here.
    if (Fn && clearedThroughSourceField(K, Fn, At))
      return std::nullopt;
    // Events guarded by one of Fn's own parameters (`if (nonblock) ...`)
    // make Fn a wrapper; they do not decide for Fn's own calls.
    const std::vector<Event> Evs = eventsFor(K);
    // The events that reach the use along the function's CFG decide, on
    // some path (may): if one leaves the descriptor non-blocking, it is
    // (the other branch, the last iteration of a loop).
    if (Fn) {
      bool EntryReaches = false;
      if (auto Reaching = reachingEvents(Evs, Fn, K, At, EntryReaches)) {
        for (const Event *E : *Reaching)
          if (!(SkipParamGuarded && E->G.Param))
            if (auto O = resolve(*E))
              return O;
        if (!EntryReaches)
          return std::nullopt;
        // A field every caller made blocking before the call.
        if (clearedInEveryCaller(K, Fn, At))
          return std::nullopt;
        return beforeAnyEvent(K, Fn);
      }
    }
    // No CFG, or one that cannot place the use or an event: any of Fn's
    // own events may be the last on some path (may), and none is taken to
    // come after another.
    if (auto O = anyOwnEvent(Evs, Fn))
      return O;
    return beforeAnyEvent(K, Fn);
  }

  /// The first of \p Fn's own events (not one a parameter picks) that
  /// leaves the descriptor non-blocking: the answer where the CFG cannot
  /// order them.
  std::optional<NonBlockingOrigin> anyOwnEvent(const std::vector<Event> &Evs,
                                               const FunctionDecl *Fn) {
    for (const Event &E : Evs)
      if (E.Fn == Fn && !E.G.Param)
        if (auto O = resolve(E))
          return O;
    return std::nullopt;
  }

  /// Functions' CFGs, built on the first question about one of a
  /// function's uses (the functions with a candidate call), kept for the TU
  /// and shared with the other analyses.
  FunctionCfgs &Cfgs;
  EventHandlers &Handlers;
  using FnCfg = const FunctionCfgs::Cfg;
  FnCfg *cfgOf(const FunctionDecl *Fn) { return Cfgs.of(Fn); }

  /// Set while the value a function stores in a field is judged: events
  /// under a test of one of its parameters do not decide.
  bool SkipParamGuarded = false;

  /// The may-analysis of one descriptor over one function's CFG, solved
  /// once and asked at each use (a function with thousands of calls on the
  /// same descriptor asks thousands of times).
  struct Flow {
    std::vector<Event> Mine; ///< Fn's events on the descriptor
    /// Per block: (element index, index in Mine), by element, then walk
    /// order.
    llvm::DenseMap<unsigned, std::vector<std::pair<unsigned, unsigned>>> ByBlock;
    std::vector<llvm::BitVector> In; ///< what reaches each block's start
  };
  std::map<std::pair<const FunctionDecl *, FdKey>, std::optional<Flow>> Flows;

  /// The events of one statement are alternatives (an ioctl whose value
  /// is a parameter sets or clears): all of them are last.
  static void lastOf(llvm::ArrayRef<std::pair<unsigned, unsigned>> List,
                     llvm::BitVector &O) {
    O.reset();
    // The events of the last element that has any (the list is sorted).
    for (auto It = List.rbegin();
         It != List.rend() && It->first == List.back().first; ++It)
      O.set(It->second);
  }

  /// Solved for \p K in \p Fn (whose events are all in \p Evs once Fn's
  /// calls are expanded); None when the CFG cannot place an event.
  const Flow *flowOf(const std::vector<Event> &Evs, const FunctionDecl *Fn,
                     const FdKey &K, FnCfg &C) {
    auto [It, New] = Flows.try_emplace({Fn, K});
    if (!New)
      return It->second ? &*It->second : nullptr;
    Flow F;
    // Events under a test of one of Fn's parameters (`if (nonblock)
    // set_nonblocking(fd)`) count too: on that branch they happen. (They
    // also make Fn a wrapper for its callers, which is another question.)
    // But one statement whose mode a parameter picks (`curlx_nonblock(fd,
    // mode)`, `ioctl(fd, FIONBIO, &on)` with `on` a parameter) says nothing
    // for Fn's own calls: Fn hands the choice on, as a wrapper does.
    llvm::DenseMap<std::pair<const Stmt *, const ParmVarDecl *>, unsigned>
        Ways; // bit 1: when the parameter is true, bit 2: when false
    for (const Event &E : Evs)
      if (E.Fn == Fn && E.G.Param)
        Ways[{E.S, E.G.Param}] |= E.G.WhenTrue ? 1 : 2;
    for (const Event &E : Evs) {
      if (E.Fn != Fn || (E.G.Param && Ways.lookup({E.S, E.G.Param}) == 3))
        continue;
      auto P = E.S ? C.Pos.find(E.S) : C.Pos.end();
      if (P == C.Pos.end())
        return nullptr; // stays None in the cache
      F.ByBlock[P->second.first].push_back(
          {P->second.second, unsigned(F.Mine.size())});
      F.Mine.push_back(E);
    }
    const unsigned Entry = F.Mine.size(); // "no event yet"
    // A call that puts back the flags Fn found (flagRestores()) brings
    // back the mode K had before Fn's events; a path on which a call on K
    // failed holds no descriptor.
    std::vector<const Stmt *> MineStmts;
    for (const Event &E : F.Mine)
      if (!llvm::is_contained(MineStmts, E.S))
        MineStmts.push_back(E.S);
    FlagRestores R = flagRestores(Fn, K, MineStmts, /*AlwaysEdges=*/false);
    // What each restore may bring back: the events last before the
    // F_GETFL that read the flags, or the mode K had when Fn began. (A
    // constant value among them would make K blocking, which no event
    // index says: such a call is left out, as before.)
    for (const FlagRestores::Restore &Re : R.Restores) {
      auto P = C.Pos.find(Re.Call);
      if (Re.Constant || P == C.Pos.end())
        continue;
      std::vector<std::pair<unsigned, unsigned>> &List =
          F.ByBlock[P->second.first];
      if (Re.FromEntry)
        List.push_back({P->second.second, Entry});
      for (unsigned I : Re.Prior)
        for (unsigned M = 0; M < Entry; ++M)
          if (F.Mine[M].S == MineStmts[I])
            List.push_back({P->second.second, M});
    }
    for (auto &[B, List] : F.ByBlock)
      llvm::sort(List);
    unsigned NB = C.G->getNumBlockIDs();
    F.In.assign(NB, llvm::BitVector(Entry + 1));
    std::vector<llvm::BitVector> Out(NB, llvm::BitVector(Entry + 1));
    auto Transfer = [&](unsigned B, const llvm::BitVector &I) {
      auto It = F.ByBlock.find(B);
      if (It == F.ByBlock.end())
        return I;
      llvm::BitVector O(Entry + 1);
      lastOf(It->second, O);
      return O;
    };
    const CFGBlock &EntryB = C.G->getEntry();
    F.In[EntryB.getBlockID()].set(Entry);
    // To the fixpoint: the sets only grow, so each block is queued again
    // at most once per event.
    std::vector<const CFGBlock *> Work{&EntryB};
    llvm::BitVector Queued(NB), Visited(NB);
    Queued.set(EntryB.getBlockID());
    while (!Work.empty()) {
      const CFGBlock *B = Work.back();
      Work.pop_back();
      unsigned Id = B->getBlockID();
      Queued.reset(Id);
      llvm::BitVector O = Transfer(Id, F.In[Id]);
      if (Visited.test(Id) && O == Out[Id])
        continue;
      Visited.set(Id);
      Out[Id] = O;
      unsigned SuccIndex = 0;
      for (const CFGBlock *S : B->succs()) {
        unsigned I = SuccIndex++;
        if (!S || R.Failed.contains({Id, I}))
          continue;
        F.In[S->getBlockID()] |= O;
        if (!Queued.test(S->getBlockID())) {
          Queued.set(S->getBlockID());
          Work.push_back(S);
        }
      }
    }
    It = Flows.find({Fn, K});
    It->second = std::move(F);
    return &*It->second;
  }

  /// The events of \p Fn on \p K that reach \p Use on some path of Fn's
  /// CFG: the last event on each path (a forward may-analysis whose join is
  /// the union). \p Use null: the function's exit. \p EntryReaches: some
  /// path reaches the use with no event at all. None when the CFG cannot
  /// place an event or the use.
  std::optional<std::vector<const Event *>>
  reachingEvents(const std::vector<Event> &Evs, const FunctionDecl *Fn,
                 const FdKey &K, const Stmt *Use, bool &EntryReaches) {
    FnCfg *C = cfgOf(Fn);
    if (!C)
      return std::nullopt;
    // The use's place; none for the function's exit (what the function
    // leaves behind).
    std::optional<FunctionCfgs::Cfg::Place> UsePos;
    if (Use && !(UsePos = C->place(Use)))
      return std::nullopt;
    const Flow *F = flowOf(Evs, Fn, K, *C);
    if (!F)
      return std::nullopt;
    const unsigned Entry = F->Mine.size();
    // At the use: the block's own events before it, else what came in.
    llvm::BitVector At(Entry + 1);
    if (UsePos) {
      const unsigned UB = UsePos->Block;
      At = F->In[UB];
      if (auto It = F->ByBlock.find(UB); It != F->ByBlock.end()) {
        llvm::ArrayRef<std::pair<unsigned, unsigned>> L = It->second;
        const auto *End =
            std::partition_point(L.begin(), L.end(), [&](const auto &P) {
              return FunctionCfgs::Cfg::Place{UB, P.first, false}.before(
                  *UsePos);
            });
        if (End != L.begin())
          lastOf(L.take_front(End - L.begin()), At);
      }
    } else {
      // At the exit: what the paths that return leave (a path that ends
      // the process leaves nothing to anyone).
      for (const CFGBlock *P : C->G->getExit().preds()) {
        if (!P || !FunctionCfgs::returnsNormally(*P))
          continue;
        llvm::BitVector Out = F->In[P->getBlockID()];
        if (auto It = F->ByBlock.find(P->getBlockID()); It != F->ByBlock.end())
          lastOf(It->second, Out);
        At |= Out;
      }
    }
    EntryReaches = At.test(Entry);
    std::vector<const Event *> Reaching;
    for (unsigned I = 0; I < Entry; ++I)
      if (At.test(I))
        Reaching.push_back(&F->Mine[I]);
    return Reaching;
  }

  /// A local of \p Owner that the lambda of class \p Closure captures: the
  /// events that reach the lambda's creation on some path of Owner's CFG,
  /// and those that some path runs after it (the lambda may run later,
  /// while Owner goes on): all of them for a capture by reference, and for
  /// a copy those that change the open file's mode (a new value stored in
  /// the variable is not the copy's). Without a CFG, or a lambda it cannot
  /// place, any of Owner's events (may).
  std::optional<NonBlockingOrigin>
  capturedNonBlocking(const FdKey &K, const FunctionDecl *Owner,
                      const CXXRecordDecl *Closure) {
    const std::vector<Event> Evs = eventsFor(K);
    const auto *L = dyn_cast_or_null<LambdaExpr>(
        findStmt(Owner->getBody(), [&](const Stmt *S) {
          const auto *LE = dyn_cast<LambdaExpr>(S);
          return LE && LE->getLambdaClass() == Closure;
        }));
    bool EntryReaches = false;
    std::optional<std::vector<const Event *>> Reaching;
    if (L)
      Reaching = reachingEvents(Evs, Owner, K, L, EntryReaches);
    if (!Reaching)
      return anyOwnEvent(Evs, Owner);
    for (const Event *E : *Reaching)
      if (auto O = resolve(*E))
        return O;
    bool ByRef = llvm::any_of(L->captures(), [&](const LambdaCapture &C) {
      return C.capturesVariable() && C.getCaptureKind() == LCK_ByRef &&
             C.getCapturedVar()->getCanonicalDecl() == K.D;
    });
    for (const Event &E : Evs)
      if (E.Fn == Owner && !E.G.Param && E.S &&
          (ByRef || E.Kind != EvKind::Copy) && Cfgs.mayReach(Owner, L, E.S))
        if (auto O = resolve(E))
          return O;
    return std::nullopt;
  }

  /// The descriptor where no event of \p Fn has touched it yet: a lambda's
  /// capture, a field or global, a parameter.
  std::optional<NonBlockingOrigin> beforeAnyEvent(const FdKey &K,
                                                  const FunctionDecl *Fn) {
    // A lambda's captured local: what its own function did to it.
    if (K.Kind == FdKey::Var)
      if (const auto *VD = dyn_cast<VarDecl>(K.D))
        if (const auto *Owner =
                dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
            Owner && Fn && Owner != Fn && Fn->getParent() &&
            isa<CXXRecordDecl>(Fn->getParent()) &&
            cast<CXXRecordDecl>(Fn->getParent())->isLambda()) {
          const FunctionDecl *OwnerDef =
              Owner->getDefinition() ? Owner->getDefinition() : Owner;
          expandPendingIn(OwnerDef);
          return capturedNonBlocking(K, OwnerDef,
                                     cast<CXXRecordDecl>(Fn->getParent()));
        }
    if (K.isTuWide())
      return tuWideNonBlocking(K);
    if (K.Kind == FdKey::Var)
      if (const auto *P = dyn_cast<ParmVarDecl>(K.D))
        return paramNonBlocking(P, Fn);
    return std::nullopt;
  }

  /// Turns every call to a function of the TU into the events it causes.
  void expandAll() {
    if (AllExpanded)
      return;
    AllExpanded = true;
    llvm::SaveAndRestore Busy(Expanding, true);
    std::vector<const FunctionDecl *> Fns;
    Fns.reserve(Pending.size());
    for (const PendingCall &PC : Pending)
      Fns.push_back(PC.Fn);
    for (const FunctionDecl *F : Fns)
      expandPendingIn(F);
  }
  bool Expanding = false; ///< expandAll() is under way

  /// Calls that take a descriptor and leave its mode alone.
  static bool keepsMode(llvm::StringRef N) {
    return llvm::is_contained(
               {"read", "readv", "pread", "pread64", "recv", "recvfrom",
                "recvmsg", "write", "writev", "pwrite", "pwrite64", "send",
                "sendto", "sendmsg", "close", "shutdown", "bind", "listen",
                "connect", "accept", "getsockopt", "getsockname", "getpeername",
                "fstat", "dup", "isatty", "FD_SET", "FD_CLR", "FD_ISSET",
                "__fdelt_chk", "__fdelt_warn",
                // A file's position, size, data and metadata
                // (openssh's sftp upload seeks in the file it reads).
                "lseek", "lseek64", "fstat64", "fstatfs", "fstatvfs", "fsync",
                "fdatasync", "ftruncate", "ftruncate64", "fchmod", "fchown",
                "futimens", "flock", "posix_fadvise",
                // A TLS library bound to the descriptor uses it as it is.
                "SSL_set_fd", "SSL_set_rfd", "SSL_set_wfd", "wolfSSL_set_fd",
                "gnutls_transport_set_int", "gnutls_transport_set_int2",
                "BIO_new_socket", "BIO_new_fd", "tls_connect_socket",
                "tls_connect_fds", "tls_accept_socket", "tls_accept_fds",
                // GnuTLS's wait for a readable descriptor (its default pull
                // timeout, which a project's own calls too) and its TCP
                // Fast Open transport, which sends on it as it is.
                "gnutls_system_recv_timeout", "gnutls_transport_set_fastopen"},
               N) ||
           // setsockopt may set SO_RCVTIMEO, which the checks ask about
           // apart (setsSocketTimeout).
           N == "setsockopt" ||
           // A function that closes the descriptor (`closesocket`, a
           // project's `fd_close`, `sock_close`) ends its life: whatever it
           // did to the mode, no later call sees it. Not a name that also
           // speaks of blocking (`set_nonblock_cloexec`).
           (N.contains_insensitive("close") &&
            !N.contains_insensitive("block"));
  }

  /// \p C, a call of the C library, leaves the mode of the descriptor it
  /// is given alone: one of keepsMode's, or an `fcntl` whose command is a
  /// constant other than F_SETFL and the F_DUPFD pair (`F_SETFD`,
  /// `F_GETFL`). Not `dup2()`: the copy shares the mode (placedCopyKept).
  static bool callKeepsMode(const CallExpr *C, const ASTContext &Ctx) {
    llvm::StringRef N = globalCalleeName(C);
    if (keepsMode(N))
      return true;
    if (N != "fcntl" || C->getNumArgs() < 2 || dupsByFcntl(C, Ctx))
      return false;
    const Expr *Cmd = C->getArg(1);
    return !Cmd->isValueDependent() && Cmd->isIntegerConstantExpr(Ctx) &&
           !mentionsName(Cmd, "F_SETFL", Ctx);
  }

  /// The one field whose descriptors the field \p K holds: every store
  /// the TU makes to K copies that field (unbound's `res.fd = c->fd`, the
  /// request's stream filled from the connection's comm_point). Fields are
  /// one descriptor each for the whole TU (FdKey::isTuWide), so K is then
  /// that field's descriptor under another name. None when K is stored
  /// anything else, or nothing.
  std::optional<FdKey> soleSourceField(const FdKey &K) {
    if (K.Kind != FdKey::Field)
      return std::nullopt;
    auto It = Events.find(K);
    if (It == Events.end())
      return std::nullopt;
    std::optional<FdKey> From;
    for (const Event &E : It->second) {
      FdKey S = E.Kind == EvKind::Copy && E.Src ? keyOf(E.Src) : FdKey{};
      if (S.Kind != FdKey::Field || S.tuple() == K.tuple() ||
          (From && From->tuple() != S.tuple()))
        return std::nullopt;
      From = S;
    }
    return From;
  }

  /// \p K is a field filled only from one other field, which \p Def makes
  /// blocking on every path to \p At.
  bool clearedThroughSourceField(const FdKey &K, const FunctionDecl *Def,
                                 const Stmt *At) {
    std::optional<FdKey> From = soleSourceField(K);
    return From && clearedOnEveryPath(*From, Def, At);
  }

  /// \p K, a field, holds a blocking descriptor at \p At in \p Fn because
  /// every caller made it so: no event on K (nor on the one field it is
  /// filled from, soleSourceField) reaches At in Fn, and at each call of Fn
  /// (all known: callersAllKnown) the caller's last events on every path
  /// make K or its source blocking, or, none reaching that call either, the
  /// same holds for the caller in turn. Unbound's remote control: the
  /// request handler makes the connection blocking (`fd_set_block(s->c->fd)`)
  /// and then runs the command, whose helpers send and receive on
  /// `res->fd` (filled only from `c->fd`) a few calls down.
  ///
  /// Nothing on the way may make the descriptor non-blocking: a function
  /// that stores another descriptor in K or its source, or changes its
  /// mode (other than blocking it), is taken to run wherever it may be
  /// called from (mayRunSetterOf), and then no caller decides. As within
  /// one function (clearedOnEveryPath), calls into other files and through
  /// pointers are taken to leave the mode alone.
  bool clearedInEveryCaller(const FdKey &K, const FunctionDecl *Fn,
                            const Stmt *At, unsigned Depth = 0) {
    if (K.Kind != FdKey::Field || !Fn)
      return false;
    if (Depth > MaxClearingCallerDepth) {
      CallerDepthCut = true;
      return false;
    }
    const FunctionDecl *Def = Fn->getDefinition();
    if (!Def)
      return false;
    expandPendingIn(Def);
    std::optional<FdKey> From = soleSourceField(K);
    // Nothing in the file makes the field or its source blocking: no
    // caller can have. Asked first, as it is cheap and usually so; the
    // rest (callersAllKnown's scan of the file's references) is not. A
    // setter's call is an event in its caller once expanded: all are.
    if (Depth == 0)
      expandAll();
    auto Blocks = [&](const FdKey &Key) {
      return llvm::any_of(eventsFor(Key), [](const Event &E) {
        return E.Kind == EvKind::Clear && !E.G.Param;
      });
    };
    if (Depth == 0 && !Blocks(K) && !(From && Blocks(*From)))
      return false;
    // A caller that makes it blocking itself (the use's own function was
    // asked that already: madeBlockingAt, keyNonBlockingImpl). Through the
    // source field only when the file never stores a descriptor there: K
    // may hold a copy of what the source held before such a store
    // (`r.fd = c->fd; c->fd = accept4(...); fd_set_block(c->fd);`).
    if (Depth > 0 &&
        (clearedOnEveryPath(K, Def, At) ||
         (From && !storedInFile(*From) && clearedOnEveryPath(*From, Def, At))))
      return !mayRunSetterOf(K, Def);
    // No event on the field or its source on any path to At: what Def
    // was called with decides.
    auto NoEventReaches = [&](const FdKey &Key) {
      bool EntryReaches = false;
      auto Reaching =
          reachingEvents(eventsFor(Key), Def, Key, At, EntryReaches);
      return Reaching && Reaching->empty() && EntryReaches;
    };
    if (!callersAllKnown(Def) || !NoEventReaches(K) ||
        (From && !NoEventReaches(*From)) || mayRunSetterOf(K, Def))
      return false;
    auto MemoKey = std::make_pair(K.tuple(), Def);
    if (auto It = CallersClear.find(MemoKey); It != CallersClear.end())
      return It->second;
    // A cycle of calls (recursion) answers no while it is being asked.
    CallersClear[MemoKey] = false;
    bool All = true;
    const bool OuterCut = CallerDepthCut;
    CallerDepthCut = false;
    // By index: judging a caller may walk a function for the first time,
    // which files more call sites and may move the vector.
    for (size_t I = 0; All && I < CallSites[Def].size(); ++I) {
      const CallExpr *C = CallSites[Def][I];
      All = clearedInEveryCaller(K, Owner.lookup(C), C, Depth + 1);
    }
    // An answer the depth bound cut short holds for this depth only: not
    // kept, and the caller's answer is cut short too.
    const bool CutHere = CallerDepthCut;
    CallerDepthCut = OuterCut || CutHere;
    if (CutHere) {
      CallersClear.erase(MemoKey);
      return false;
    }
    return CallersClear[MemoKey] = All;
  }
  bool CallerDepthCut = false;

  /// The file stores a descriptor in the field \p K somewhere (an
  /// assignment or an initializer, a copy of another field included).
  bool storedInFile(const FdKey &K) {
    return llvm::any_of(eventsFor(K),
                        [](const Event &E) { return E.Kind == EvKind::Copy; });
  }
  /// How many callers clearedInEveryCaller climbs, to bound its recursion
  /// (the stack): a command dispatcher reaches its output helpers in a few
  /// calls (unbound's writer is four below its handler: dispatcher,
  /// command, printf-like helper, writer), far fewer than this; past it
  /// the answer is no (and not kept, so that no other question's answer
  /// depends on which was asked first).
  static constexpr unsigned MaxClearingCallerDepth = 32;
  std::map<std::pair<decltype(FdKey().tuple()), const FunctionDecl *>, bool>
      CallersClear;

  /// \p Fn may run, itself or through the TU's direct calls, an event that
  /// leaves \p K (or the field it is filled from) other than blocking: a
  /// descriptor stored there (but the copy of the source that fills K), or
  /// its mode made non-blocking or not known.
  bool mayRunSetterOf(const FdKey &K, const FunctionDecl *Fn) {
    auto [It, New] = SetterRunners.try_emplace(K.tuple());
    llvm::DenseSet<const FunctionDecl *> &Runners = It->second;
    if (New) {
      // Every call of the TU turned into its events first: a setter's
      // call is an event in its caller.
      expandAll();
      std::optional<FdKey> From = soleSourceField(K);
      llvm::SmallVector<const FunctionDecl *, 16> Work;
      auto Seed = [&](const FdKey &Key) {
        for (const Event &E : eventsFor(Key)) {
          if (E.Kind == EvKind::Clear && !E.G.Param)
            continue;
          if (E.Kind == EvKind::Copy && From && Key.tuple() == K.tuple() &&
              E.Src && keyOf(E.Src).tuple() == From->tuple())
            continue;
          if (E.Fn && Runners.insert(E.Fn->getCanonicalDecl()).second)
            Work.push_back(E.Fn->getCanonicalDecl());
        }
      };
      Seed(K);
      if (From)
        Seed(*From);
      // Their callers, and theirs: the functions that may run one.
      while (!Work.empty()) {
        const FunctionDecl *F = Work.pop_back_val();
        const FunctionDecl *Def = F->getDefinition();
        if (!Def)
          continue;
        for (size_t I = 0; I < CallSites[Def].size(); ++I)
          if (const FunctionDecl *G = Owner.lookup(CallSites[Def][I]))
            if (Runners.insert(G->getCanonicalDecl()).second)
              Work.push_back(G->getCanonicalDecl());
      }
    }
    return Runners.contains(Fn->getCanonicalDecl());
  }
  std::map<decltype(FdKey().tuple()), llvm::DenseSet<const FunctionDecl *>>
      SetterRunners;

  /// On every path of \p Def's CFG to \p At, the last event on \p K makes
  /// it blocking (and not through one of Def's own arguments), and \p Also
  /// holds for it when given. Def's wrapper calls must be expanded already.
  bool
  clearedOnEveryPath(const FdKey &K, const FunctionDecl *Def, const Stmt *At,
                     llvm::function_ref<bool(const Event &)> Also = nullptr) {
    const std::vector<Event> Evs = eventsFor(K);
    bool EntryReaches = false;
    auto Reaching = reachingEvents(Evs, Def, K, At, EntryReaches);
    return Reaching && !EntryReaches && !Reaching->empty() &&
           llvm::all_of(*Reaching, [&](const Event *E) {
             return E->Kind == EvKind::Clear && !E->G.Param &&
                    (!Also || Also(*E));
           });
  }

  /// \p C gives a blocking descriptor: it creates one without the
  /// non-blocking flag, or returnsBlocking.
  bool givesBlocking(const CallExpr *C, unsigned Depth) {
    StringRef Name = globalCalleeName(C);
    // dup() and dup2() share the file description, O_NONBLOCK included:
    // the copy is as blocking as the original.
    if ((Name == "dup" || Name == "dup2") && C->getNumArgs() >= 1)
      return valueMode(C->getArg(0), Depth + 1) == ValueMode::Blocking;
    bool Creator = llvm::is_contained({"socket", "accept", "accept4", "open",
                                       "open64", "openat", "openat64", "creat"},
                                      Name);
    if (Creator)
      return !creatorNonBlocking(C) && flagsKnown(C);
    return returnsBlocking(C, Depth + 1) || returnsBlockingElsewhere(C) ||
           flagReturnBlockingElsewhere(C);
  }

  /// \p C calls another file's function that, as the facts say, makes a
  /// descriptor with the flags one argument gives and returns it as it
  /// came (FlagReturn's Kept), and those flags are socket type constants
  /// alone (typeConstants): ncat's `Socket(family, SOCK_STREAM,
  /// IPPROTO_TCP)`.
  bool flagReturnBlockingElsewhere(const CallExpr *C) {
    const FunctionDecl *Callee = Facts ? otherFileFunction(C) : nullptr;
    const ProjectFacts::FlagReturn *F =
        Callee ? flagReturnElsewhere(Callee) : nullptr;
    const CreatorSpec *Spec = F ? creatorSpec(F->Creator) : nullptr;
    return Spec && F->Kept && F->Arg < C->getNumArgs() &&
           typeConstants(C->getArg(F->Arg), Spec);
  }

  /// The flags argument of \p C, a creator, is known: it names no
  /// parameter of the function that makes the call, directly or through a
  /// local filled from one (`int t = type | SOCK_CLOEXEC;`). A parameter's
  /// flags (dhcpcd's `xsocket(domain, type, protocol)` handing `type` to
  /// socket(), called with SOCK_NONBLOCK everywhere) are whatever each
  /// caller passes.
  bool flagsKnown(const CallExpr *C) {
    const CreatorSpec *CS = creatorSpec(globalCalleeName(C));
    if (!CS || C->getNumArgs() <= CS->FlagsArg)
      return true;
    const FunctionDecl *Fn = Owner.lookup(C);
    std::function<bool(const Stmt *, unsigned)> NamesParam =
        [&](const Stmt *E, unsigned Hops) -> bool {
      return findStmt(E, [&](const Stmt *S) {
               const auto *DRE = dyn_cast<DeclRefExpr>(S);
               const auto *V =
                   DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
               if (!V)
                 return false;
               if (isa<ParmVarDecl>(V))
                 return true;
               if (!V->isLocalVarDecl() || !Fn || !Fn->getBody() ||
                   Hops >= MaxFlagsHops)
                 return false;
               if (V->getInit() && NamesParam(V->getInit(), Hops + 1))
                 return true;
               return llvm::any_of(writesOf(V, Fn->getBody()),
                                   [&](const VarWrite &W) {
                                     return NamesParam(W.S, Hops + 1);
                                   });
             }) != nullptr;
    };
    return !NamesParam(C->getArg(CS->FlagsArg), 0);
  }
  /// How many locals flagsKnown follows back from the flags argument
  /// (`t = type; f = t | SOCK_CLOEXEC;`): flags are built in one or two
  /// steps; a longer chain is not worth following.
  static constexpr unsigned MaxFlagsHops = 3;

  /// \p C calls a function of another file (declared here, defined
  /// elsewhere, not the system's), or null.
  const FunctionDecl *otherFileFunction(const CallExpr *C) const {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee || !Callee->getIdentifier() || Callee->getDefinition())
      return nullptr;
    const SourceManager &SM = Ctx.getSourceManager();
    if (SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())))
      return nullptr;
    return Callee;
  }

  /// \p C calls another file's function that returns a blocking
  /// descriptor: the project's facts say so, or, while this file's
  /// summary is made, the summary assumes it (a need the merge checks).
  bool returnsBlockingElsewhere(const CallExpr *C) {
    const FunctionDecl *Callee = otherFileFunction(C);
    if (!Callee)
      return false;
    std::string Name = Callee->getQualifiedNameAsString();
    if (Facts)
      return Facts->returnsBlocking(Name);
    if (!Assumed)
      return false;
    Assumed->push_back("returns:" + Name);
    return true;
  }

  /// While this file's summary is made (summarizeBlocking): the other
  /// files' doings a blocking conclusion rests on, as needs for the merge.
  /// Null otherwise, and then another file's function is not known.
  std::vector<std::string> *Assumed = nullptr;

  /// While this file's summary asks what kind of descriptor a value is
  /// (madeNonSocket): creators() takes a call of another file's function
  /// for a creator, for the question's predicate to make a need of.
  bool OtherFilesCreate = false;
  /// While isNeverSocket asks (with the project's facts): creators() takes
  /// a struct field of NonSocketFields for a source of such descriptors.
  bool NonSocketFieldsCreate = false;

  /// \p C calls another file's function that the project's facts say
  /// returns only descriptors that are never sockets.
  bool returnsNonSocketElsewhere(const CallExpr *C) const {
    const FunctionDecl *Callee = Facts ? otherFileFunction(C) : nullptr;
    return Callee &&
           Facts->returnsNonSocket(Callee->getQualifiedNameAsString());
  }

  /// \p C calls another file's function that the project's facts say
  /// fills the array it is given with a pipe's ends (PipeFillers).
  bool fillsPipesElsewhere(const CallExpr *C) const {
    const FunctionDecl *Callee = Facts ? otherFileFunction(C) : nullptr;
    if (!Callee)
      return false;
    std::string Name = Callee->getQualifiedNameAsString();
    for (unsigned I = 0; I < C->getNumArgs(); ++I)
      if (Facts->fillsPipes(Name, I))
        return true;
    return false;
  }

  /// Fillers of \p Def's parameter \p Index (fillersOfParam), once each.
  llvm::ArrayRef<const CallExpr *> paramFillers(const FunctionDecl *Def,
                                                unsigned Index) {
    auto [It, New] = ParamFillers.try_emplace({Def, Index});
    if (New)
      It->second = fillersOfParam(Def, Index);
    return It->second;
  }
  std::map<std::pair<const FunctionDecl *, unsigned>,
           llvm::SmallVector<const CallExpr *, 2>>
      ParamFillers;

  /// The calls of the TU that fill the array \p Array (a variable or a
  /// field) by pipe(), pipe2() or socketpair(), in the walk's order:
  /// directly, or through a function of the TU that hands its parameter to
  /// one (\p F's second argument: that function's call), or with the
  /// project's facts through another file's function that fills it with a
  /// pipe's ends (then the call itself, with no second argument).
  void forEachArrayFiller(
      const Decl *Array,
      llvm::function_ref<void(const CallExpr *, const CallExpr *)> F) {
    // Every call of the TU that hands an array over, grouped by the array
    // once (again if a later walk added calls): each element asked about
    // would otherwise look at every argument of every call.
    if (ArraysScanned != WalkedCalls) {
      ArraysScanned = WalkedCalls;
      ArrayFillers.clear();
      for (const auto &[Caller, Calls] : CallsByFn)
        for (const CallExpr *C : Calls) {
          if (const Expr *A = filledArray(C)) {
            if (const Decl *D = keyOf(A).D)
              ArrayFillers[D].push_back({C, nullptr});
            continue;
          }
          const FunctionDecl *Callee = C->getDirectCallee();
          if (!Callee)
            continue;
          for (unsigned I = 0; I < C->getNumArgs(); ++I) {
            FdKey K = keyOf(C->getArg(I));
            if (!K.D || !C->getArg(I)->getType()->isPointerType())
              continue;
            if (const FunctionDecl *Def = Callee->getDefinition()) {
              for (const CallExpr *Inner : paramFillers(Def, I))
                ArrayFillers[K.D].push_back({Inner, C});
            } else if (const FunctionDecl *Other = otherFileFunction(C);
                       Other && Facts &&
                       Facts->fillsPipes(Other->getQualifiedNameAsString(),
                                         I)) {
              ArrayFillers[K.D].push_back({C, nullptr});
            }
          }
        }
    }
    if (auto It = ArrayFillers.find(Array); It != ArrayFillers.end())
      for (const auto &[Filler, Through] : It->second)
        F(Filler, Through);
  }
  size_t ArraysScanned = ~size_t(0);
  llvm::DenseMap<const Decl *,
                 std::vector<std::pair<const CallExpr *, const CallExpr *>>>
      ArrayFillers;

  /// The TU's dup2() and dup3() calls whose target (the second argument)
  /// is \p K: each makes that number another name for its first
  /// argument's descriptor, a value of \p K that no store shows.
  llvm::ArrayRef<const CallExpr *> dupsInto(const FdKey &K) {
    scanTargetedCalls();
    auto It = DupTargets.find(K);
    return It == DupTargets.end()
               ? llvm::ArrayRef<const CallExpr *>()
               : llvm::ArrayRef<const CallExpr *>(It->second);
  }

  /// The TU's openpty() and forkpty() calls that store a pseudo-terminal's
  /// descriptor in \p K through its address (`openpty(&master, &slave,
  /// ...)`, `forkpty(&master, ...)`): each is a value of \p K that no store
  /// shows, and never a socket.
  llvm::ArrayRef<const CallExpr *> ptyFillsInto(const FdKey &K) {
    scanTargetedCalls();
    auto It = PtyFills.find(K);
    return It == PtyFills.end() ? llvm::ArrayRef<const CallExpr *>()
                                : llvm::ArrayRef<const CallExpr *>(It->second);
  }

  /// Indexes the TU's calls that give a variable or a field a descriptor
  /// no store shows, by that variable or field (dupsInto, ptyFillsInto):
  /// once, and again only when a later walk added calls.
  void scanTargetedCalls() {
    if (TargetsScanned == WalkedCalls)
      return;
    TargetsScanned = WalkedCalls;
    DupTargets.clear();
    PtyFills.clear();
    AddressFills.clear();
    // Whether each callee is declared in a system header, asked once per
    // callee (the TU calls the same few functions again and again).
    llvm::DenseMap<const FunctionDecl *, bool> SystemCallee;
    for (const auto &[Caller, Calls] : CallsByFn)
      for (const CallExpr *C : Calls) {
        llvm::StringRef N = globalCalleeName(C);
        if ((N == "dup2" || N == "dup3") && C->getNumArgs() >= 2) {
          // A number (`dup2(p[1], STDOUT_FILENO)`) names whatever
          // holds it at each use, not this copy: left out.
          if (FdKey T = keyOf(C->getArg(1));
              T.valid() && T.Kind != FdKey::Number)
            DupTargets[T].push_back(C);
          continue;
        }
        if (unsigned Pty = ptyFillArgs(N)) {
          for (unsigned I = 0; I < Pty && I < C->getNumArgs(); ++I)
            if (const Expr *Operand = addressedBy(C->getArg(I)))
              if (FdKey T = keyOf(Operand);
                  T.valid() && T.Kind != FdKey::Number)
                PtyFills[T].push_back(C);
          continue;
        }
        // Another function given an integer's address: the C library's
        // are not asked (they store no descriptor but those known above).
        const FunctionDecl *Callee = C->getDirectCallee();
        if (!Callee)
          continue;
        auto [Sys, New] = SystemCallee.try_emplace(Callee, false);
        if (New)
          Sys->second =
              SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation()));
        if (Sys->second)
          continue;
        for (unsigned I = 0; I < C->getNumArgs(); ++I)
          if (const Expr *Operand = filledOperand(C, I))
            if (FdKey T = keyOf(Operand); T.valid() && T.Kind != FdKey::Number)
              AddressFills[T].push_back({C, I});
      }
  }
  size_t TargetsScanned = ~size_t(0);
  std::map<FdKey, std::vector<const CallExpr *>> DupTargets, PtyFills;
  std::map<FdKey, std::vector<std::pair<const CallExpr *, unsigned>>>
      AddressFills;

  /// \p C calls a function of the TU whose every returned value is a
  /// blocking descriptor or a constant (-1): one shown blocking, or one made
  /// blocking on every path to its return (unbound's contact_server()
  /// makes its socket non-blocking for a connect timeout and blocking again
  /// before it returns it).
  bool returnsBlocking(const CallExpr *C, unsigned Depth) {
    const FunctionDecl *Callee = C->getDirectCallee();
    const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
    // Only a function the walk has seen (not one of a system header): the
    // callers iterate over the walk's indexes, which walking more would
    // change under them.
    if (!Def || !Def->getBody() || Def->hasSkippedBody() ||
        Depth > MaxBlockingDepth || !Walked.contains(Def))
      return false;
    return everyReturnBlocking(Def, Depth);
  }

  /// \p Def returns something, and every value it returns is a constant
  /// (-1), a descriptor shown blocking or made blocking on every path to
  /// the return, or a call that gives a blocking descriptor in turn.
  bool everyReturnBlocking(const FunctionDecl *Def, unsigned Depth) {
    const std::vector<const ReturnStmt *> Rets = Returns.lookup(Def);
    if (Rets.empty())
      return false;
    for (const ReturnStmt *R : Rets) {
      const Expr *V = withoutMinus(R->getRetValue());
      if (ConstantFd C = constantFd(R->getRetValue(), Ctx);
          C == ConstantFd::None)
        continue;
      else if (C == ConstantFd::Stream)
        return false; // a standard stream's mode is anyone's
      // A call's result handed on (`return ctl_connect(name);`).
      if (const auto *RC = dyn_cast<CallExpr>(V)) {
        if (!givesBlocking(RC, Depth))
          return false;
        continue;
      }
      FdKey RK = keyOf(V);
      if (!RK.valid() || RK.Kind != FdKey::Var ||
          (!shownBlocking(RK, Depth) && !clearedOnEveryPath(RK, Def, R)))
        return false;
    }
    return true;
  }

  /// \p K is a local, or a static global, or an element of one, whose
  /// every value in view is a blocking descriptor from socket(), accept(),
  /// open(), pipe()... without the non-blocking flag (or a constant), that
  /// nothing in the TU makes non-blocking, and that is never handed to a
  /// function of unknown body (which might) nor has its address taken
  /// (but for pipe()/socketpair() filling it).
  /// Every call of \p Fn is one of the TU's direct calls: it is not
  /// visible outside the TU, and no call hands it on as a function pointer
  /// (a callback the event loop calls with who knows what).
  bool callersAllKnown(const FunctionDecl *Fn) {
    const FunctionDecl *Def = Fn->getDefinition();
    if (!Def || Def->isExternallyVisible() || CallSites[Def].empty())
      return false;
    // Named anywhere else than as the callee of a call the walk saw: kept
    // in a table or a variable (`struct ops o = {transport_open};`, `cb =
    // f`), returned, or called where the walk does not go (a C++
    // namespace-scope initializer).
    scanFunctionReferences();
    if (ReferencedOtherwise.contains(Def))
      return false;
    if (aliased(Def))
      return false;
    if (auto It = CalleeReferences.find(Def);
        It == CalleeReferences.end() || It->second != CallSites[Def].size())
      return false;
    // The functions the TU's calls pass as arguments, gathered once (again
    // only if more calls were walked since).
    if (PassedScanned != WalkedCalls) {
      PassedAsArgument.clear();
      for (const auto &[Caller, Calls] : CallsByFn)
        for (const CallExpr *C : Calls)
          for (const Expr *A : C->arguments())
            if (const FunctionDecl *F = functionNamedBy(A))
              if (const FunctionDecl *FDef = F->getDefinition())
                PassedAsArgument.insert(FDef);
      PassedScanned = WalkedCalls;
    }
    return !PassedAsArgument.contains(Def);
  }
  llvm::DenseSet<const FunctionDecl *> PassedAsArgument;

  /// Every call of \p Def, a handler the TU registers with an event loop
  /// (EventHandlers), is known: its direct calls, and the loop's, which
  /// pass each registration's descriptor. So when \p Def is defined in the
  /// main file and not visible to other files; each registration hands it,
  /// and no other function of the TU, to a loop whose body is not here (a
  /// function of the file that takes a callback and a flag may call it with
  /// anything); and the TU names it as a value only as those registrations'
  /// argument (not in a table, not handed on), and as a callee only in
  /// calls the walk saw.
  bool handlerCallersAllKnown(const FunctionDecl *Def) {
    llvm::ArrayRef<HandlerRegistration> Regs = Handlers.of(Def);
    if (Regs.empty() || Def->isExternallyVisible() ||
        !SM.isInMainFile(SM.getExpansionLoc(Def->getLocation())))
      return false;
    for (const HandlerRegistration &R : Regs) {
      const FunctionDecl *Loop = R.Call->getDirectCallee();
      if (!Loop || Loop->getDefinition() ||
          llvm::count_if(R.Call->arguments(), [](const Expr *A) {
            const FunctionDecl *F = functionNamedBy(A);
            return F && F->getDefinition();
          }) != 1)
        return false;
    }
    scanFunctionReferences();
    if (auto It = ValueNames.find(Def); It != ValueNames.end())
      for (const DeclRefExpr *Ref : It->second) {
        const CallExpr *In = Ref ? NamedAsArgumentOf.lookup(Ref) : nullptr;
        if (!In || llvm::none_of(Regs, [&](const HandlerRegistration &R) {
              return R.Call == In;
            }))
          return false;
      }
    if (aliased(Def))
      return false;
    return CalleeNames.lookup(Def) == CallSites[Def].size();
  }

  /// An `__attribute__((alias(...)))` of the TU names \p Def's symbol:
  /// in C++ the mangled name (the plain one is taken too, whatever the
  /// compiler would make of it). After scanFunctionReferences.
  bool aliased(const FunctionDecl *Def) {
    return !AliasTargets.empty() &&
           (AliasTargets.contains(ASTNameGenerator(Ctx).getName(Def)) ||
            (Def->getIdentifier() && AliasTargets.contains(Def->getName())));
  }

  /// Where the TU names its functions (scanFunctionReferences, once). In
  /// the main file's declarations, for callersAllKnown: the functions named
  /// other than as a call's callee (ReferencedOtherwise) and how many calls
  /// name each as callee (CalleeReferences); a function of the TU that
  /// other files cannot call is named only there, or in a header included
  /// after it, which is not looked at. In every declaration but the system
  /// headers' (a table may sit in an included file), for
  /// handlerCallersAllKnown: how many calls name each as callee
  /// (CalleeNames), each reference as a value, unevaluated ones too (null:
  /// an attribute or a dependent call names it; in C, only those the
  /// walk of the code meets: under `sizeof`, not in a type), and which
  /// references are a call's argument (`f`, `&f`, `(cb_t)f`).
  bool ReferencesScanned = false;
  llvm::DenseSet<const FunctionDecl *> ReferencedOtherwise;
  llvm::DenseMap<const FunctionDecl *, unsigned> CalleeReferences;
  llvm::DenseMap<const FunctionDecl *, unsigned> CalleeNames;
  llvm::DenseMap<const FunctionDecl *, std::vector<const DeclRefExpr *>>
      ValueNames;
  llvm::DenseMap<const DeclRefExpr *, const CallExpr *> NamedAsArgumentOf;
  /// The names `__attribute__((alias(...)))` exports under another name.
  llvm::StringSet<> AliasTargets;
  void scanFunctionReferences() {
    if (ReferencesScanned)
      return;
    ReferencesScanned = true;
    struct Scan : RecursiveASTVisitor<Scan> {
      Impl &I;
      llvm::DenseSet<const DeclRefExpr *> Callees;
      bool InMain = true;
      explicit Scan(Impl &I) : I(I) {}
      bool shouldVisitTemplateInstantiations() const { return true; }
      bool TraverseDecl(Decl *D) {
        if (!D)
          return true;
        bool Container = isa<TranslationUnitDecl>(D) || isa<NamespaceDecl>(D) ||
                         isa<LinkageSpecDecl>(D);
        SourceLocation Loc = D->getLocation().isValid()
                                 ? I.SM.getExpansionLoc(D->getLocation())
                                 : SourceLocation();
        if (!isa<TranslationUnitDecl>(D) && Loc.isValid() &&
            I.SM.isInSystemHeader(Loc))
          return true;
        llvm::SaveAndRestore<bool> Main(
            InMain,
            InMain && (Container || Loc.isInvalid() || I.SM.isInMainFile(Loc)));
        return RecursiveASTVisitor::TraverseDecl(D);
      }
      // Unevaluated operands name a function without letting it out:
      // `sizeof(f(x))`, `__typeof__(f)`, `decltype(f(x))`. (Their calls
      // still count as calls, as the walk counts them.)
      unsigned Unevaluated = 0;
      bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
        llvm::SaveAndRestore<unsigned> In(Unevaluated, Unevaluated + 1);
        return RecursiveASTVisitor::TraverseUnaryExprOrTypeTraitExpr(E);
      }
      bool TraverseTypeOfExprTypeLoc(NBIO_TYPELOC_PARAMS(TypeOfExprTypeLoc,
                                                         L)) {
        llvm::SaveAndRestore<unsigned> In(Unevaluated, Unevaluated + 1);
        return RecursiveASTVisitor::TraverseTypeOfExprTypeLoc(
            NBIO_TYPELOC_ARGS(L));
      }
      bool TraverseDecltypeTypeLoc(NBIO_TYPELOC_PARAMS(DecltypeTypeLoc, L)) {
        llvm::SaveAndRestore<unsigned> In(Unevaluated, Unevaluated + 1);
        return RecursiveASTVisitor::TraverseDecltypeTypeLoc(
            NBIO_TYPELOC_ARGS(L));
      }
      // `(void)f;`, said to silence an unused warning, does nothing with
      // it.
      bool TraverseCStyleCastExpr(CStyleCastExpr *E) {
        if (E->getType()->isVoidType() &&
            isa<DeclRefExpr>(E->getSubExpr()->IgnoreParenImpCasts()))
          return true;
        return RecursiveASTVisitor::TraverseCStyleCastExpr(E);
      }
      /// \p F's definition named, not as a callee: by a reference (null:
      /// by an attribute or a dependent call), letting it out when \p Out.
      void namedAsValue(const FunctionDecl *F, const DeclRefExpr *Ref,
                        bool Out) {
        const FunctionDecl *Def = F ? F->getDefinition() : nullptr;
        if (!Def)
          return;
        I.ValueNames[Def].push_back(Ref);
        if (InMain && Out)
          I.ReferencedOtherwise.insert(Def);
      }
      // `__attribute__((alias(...)))` gives f a name other files call;
      // `__attribute__((cleanup(f)))` calls f where the variable's scope
      // ends, with no call in the source.
      bool VisitDecl(Decl *D) {
        if (const auto *A = D->getAttr<AliasAttr>())
          I.AliasTargets.insert(A->getAliasee());
        if (const auto *A = D->getAttr<CleanupAttr>())
          namedAsValue(A->getFunctionDecl(), nullptr, true);
        return true;
      }
      bool VisitCallExpr(CallExpr *C) {
        const auto *DRE =
            dyn_cast<DeclRefExpr>(C->getCallee()->IgnoreParenImpCasts());
        if (const auto *F =
                DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr) {
          Callees.insert(DRE);
          if (const FunctionDecl *Def = F->getDefinition()) {
            ++I.CalleeNames[Def];
            if (InMain)
              ++I.CalleeReferences[Def];
          }
        }
        for (const Expr *A : C->arguments())
          if (const DeclRefExpr *Arg = nameReferencedBy(A))
            I.NamedAsArgumentOf.try_emplace(Arg, C);
        return true;
      }
      // A template's call that depends on its arguments (`flush(x)` in a
      // generic lambda) names each candidate; the instantiation's call
      // is one the walk does not see.
      bool VisitUnresolvedLookupExpr(UnresolvedLookupExpr *E) {
        for (const NamedDecl *D : E->decls())
          namedAsValue(dyn_cast<FunctionDecl>(D->getUnderlyingDecl()), nullptr,
                       true);
        return true;
      }
      bool VisitDeclRefExpr(DeclRefExpr *DRE) {
        // A call's callee is visited after the call itself.
        if (!Callees.contains(DRE))
          namedAsValue(dyn_cast<FunctionDecl>(DRE->getDecl()), DRE,
                       !Unevaluated);
        return true;
      }

      // C (not Objective-C): a TU's code is its functions' bodies and its
      // variables' initializers, which walkCCode reads with the same
      // visits as the traversal above but without its look at every type,
      // name and declaration on the way (which cost more than the
      // analysis's own walk of the same bodies). The traversal takes over
      // where walkCCode hands it a statement, and for a function with a
      // parameter of variably modified type. Left out, as walkCCode says:
      // names never evaluated (`__typeof__(f(x))`, an enumerator's or a
      // static assertion's `sizeof(f(x))`).
      void scanTopLevelC(Decl *D) {
        Stmt *Code = topLevelCode(D);
        // Attributes are all a declaration without code shows (an alias;
        // a cleanup belongs to a local variable).
        if (!Code && !D->hasAttr<AliasAttr>())
          return;
        if (Code && hasVariablyModifiedParam(D)) {
          TraverseDecl(D);
          return;
        }
        SourceLocation Loc = D->getLocation().isValid()
                                 ? I.SM.getExpansionLoc(D->getLocation())
                                 : SourceLocation();
        if (Loc.isValid() && I.SM.isInSystemHeader(Loc))
          return;
        llvm::SaveAndRestore<bool> Main(InMain, Loc.isInvalid() ||
                                                    I.SM.isInMainFile(Loc));
        VisitDecl(D);
        if (!Code)
          return;
        walkCCode(
            Code,
            [&](Stmt *S, unsigned Under) {
              llvm::SaveAndRestore<unsigned> In(Unevaluated, Under);
              if (auto *CE = dyn_cast<CStyleCastExpr>(S);
                  CE && CE->getType()->isVoidType() &&
                  isa<DeclRefExpr>(CE->getSubExpr()->IgnoreParenImpCasts()))
                return false; // `(void)f;`, as TraverseCStyleCastExpr
              if (auto *C = dyn_cast<CallExpr>(S))
                VisitCallExpr(C);
              else if (auto *R = dyn_cast<DeclRefExpr>(S))
                VisitDeclRefExpr(R);
              else if (auto *DS = dyn_cast<DeclStmt>(S))
                for (Decl *Inner : DS->decls())
                  VisitDecl(Inner);
              return true;
            },
            [&](Stmt *S, unsigned Under) {
              llvm::SaveAndRestore<unsigned> In(Unevaluated, Under);
              TraverseStmt(S);
            });
      }
    } S(*this);
    const LangOptions &LO = Ctx.getLangOpts();
    if (LO.CPlusPlus || LO.ObjC)
      for (Decl *D : Ctx.getTraversalScope())
        S.TraverseDecl(D);
    else
      forEachTopLevelDecl(Ctx, [&](Decl *D) { S.scanTopLevelC(D); });
  }
  /// forEachParamCallee's groups, found once.
  bool ParamCalleesFound = false;
  std::vector<std::pair<const ParmVarDecl *, std::vector<const CallExpr *>>>
      ParamCallees;
  /// forEachCallee's and forEachFieldCallee's groups, found once for all
  /// the checks that ask (each check asks each TU) and again only when a
  /// later walk (a header's inline wrapper, through summary()) added calls:
  /// WalkedCalls when they were grouped. Shared, so that a callback that
  /// asks again cannot free the groups its caller is going through.
  template <typename T> struct CallGroups {
    std::shared_ptr<
        const std::vector<std::pair<const T *, std::vector<const CallExpr *>>>>
        Groups;
    size_t AtCalls = 0;
  };
  CallGroups<FunctionDecl> Callees;
  CallGroups<FieldDecl> FieldCallees;
  /// isTunDevice's ioctl(fd, TUNSETIFF, ...) descriptors, found once (and
  /// again if a later walk added calls: WalkedCalls when they were found).
  std::optional<std::vector<const Expr *>> TunFds;
  size_t TunFdsAtCalls = 0;
  /// isTerminal's tests: the descriptor, the test call and the branch that
  /// refuses a non-terminal, found once (again if a later walk added
  /// calls).
  struct TerminalTest {
    const Expr *Fd;
    const CallExpr *Test;
    const Stmt *Refusal;
    const FunctionDecl *Fn;
  };
  std::optional<std::vector<TerminalTest>> TerminalTests;
  size_t TerminalTestsAtCalls = 0;
  size_t WalkedCalls = 0, PassedScanned = 0;

  /// The value \p Arg, passed by one of this file's calls to a function
  /// other files may define or call, is a blocking descriptor or -1, as
  /// this file shows it (on the needs Assumed collects). Only a value the
  /// file makes a descriptor of, or a parameter, is asked further: a
  /// length or a flag has no events.
  bool valueShownBlocking(const Expr *Arg) {
    const Expr *E = withoutMinus(Arg);
    if (!isa<CallExpr>(E) &&
        constantFd(Arg->IgnoreParenCasts(), Ctx) == ConstantFd::NotConstant) {
      FdKey K = keyOf(E);
      if (!K.valid() || (K.Kind != FdKey::Var && K.Kind != FdKey::Elem) ||
          (!isa<ParmVarDecl>(K.D) && !Events.count(K) &&
           !(K.Kind == FdKey::Elem && Events.count({FdKey::Elem, K.D, -1}))))
        return false;
    }
    return valueMode(Arg, 0) != ValueMode::Unknown;
  }

  /// What a value handed on (an argument, a value stored in a variable)
  /// is: a constant that names no descriptor (the -1 of "none"), a
  /// descriptor shown blocking (a call that gives one, a variable or
  /// element whose values all are, asked \p Depth levels down), or unknown.
  enum class ValueMode { NoDescriptor, Blocking, Unknown };
  ValueMode valueMode(const Expr *V, unsigned Depth) {
    V = V->IgnoreParenCasts();
    if (ConstantFd C = constantFd(V, Ctx); C != ConstantFd::NotConstant)
      return C == ConstantFd::None ? ValueMode::NoDescriptor
             : placedBlocking(V)   ? ValueMode::Blocking
                                   : ValueMode::Unknown;
    V = withoutMinus(V);
    if (const auto *C = dyn_cast<CallExpr>(V))
      return givesBlocking(C, Depth) ? ValueMode::Blocking : ValueMode::Unknown;
    FdKey K = keyOf(V);
    return K.valid() && knownElement(K) && shownBlocking(K, Depth + 1)
               ? ValueMode::Blocking
               : ValueMode::Unknown;
  }

  /// \p E is a descriptor number (`3`, `PARENT_SOCK_FILENO`) where, as the
  /// project's facts say, every call of the project that places one there
  /// (`dup2(fd, 3)` before exec) puts a blocking descriptor, and this file
  /// does not change the mode of that number itself. openntpd's children
  /// read their privilege-separation socketpair as descriptor 3.
  bool placedBlocking(const Expr *E) {
    Expr::EvalResult R;
    if (!Facts || E->isValueDependent() || !E->EvaluateAsInt(R, Ctx) ||
        R.Val.getInt().getActiveBits() > 31)
      return false;
    return placedNumberBlocking(R.Val.getInt().getSExtValue());
  }

  /// placedBlocking for the number \p N.
  bool placedNumberBlocking(int64_t N) {
    if (!Facts || N < MinPlacedNumber ||
        !Facts->paramBlocking(ProjectFacts::placedNumberParam(N)))
      return false;
    expandAll();
    return llvm::none_of(
        eventsFor(FdKey{FdKey::Number, nullptr, N}),
        [](const Event &Ev) { return Ev.Kind == EvKind::Set; });
  }

  /// \p C copies the descriptor it is given as \p Arg to a fixed number
  /// (`dup2(s, 3)`) that, as the project's facts say, every placing fills
  /// with a blocking descriptor and no file changes the mode of: the copy
  /// shares the descriptor's mode, and nothing changes it.
  /// While this file's summary is made, that is a need for the merge.
  bool placedCopyKept(const CallExpr *C, unsigned Arg) {
    std::optional<PlacedNumber> Placed = placedNumber(C, Ctx);
    if (!Placed || Placed->SourceArg != Arg)
      return false;
    if (Facts)
      return Facts->paramBlocking(
          ProjectFacts::placedNumberParam(Placed->Number));
    if (!Assumed)
      return false;
    Assumed->push_back("keeps:" +
                       ProjectFacts::placedNumberKept(Placed->Number));
    return true;
  }

  /// \p K is not an array element, or one at a constant index (`pair[1]`
  /// of a socketpair()): its events are its own and those of any element
  /// (`fds[i] = ...`). An element at a run-time index (`fds[i]`) would miss
  /// the stores to the others (`fds[0] = socket(...)`).
  static bool knownElement(const FdKey &K) {
    return K.Kind != FdKey::Elem || K.Index != -1;
  }

  bool shownBlocking(const FdKey &K, unsigned Depth = 0) {
    if (K.Kind == FdKey::Field)
      return fieldBlockingByFacts(K) || fieldBlockingInFile(K);
    if (K.Kind == FdKey::Number && K.valid())
      return placedNumberBlocking(K.Index);
    if (!K.valid() || K.Kind == FdKey::Number || Depth > MaxBlockingDepth)
      return false;
    const auto *VD = dyn_cast<VarDecl>(K.D);
    if (!VD)
      return false;
    expandAll();
    bool Created = false;
    // A parameter of a function that only this TU can call: what every
    // caller passes.
    const FunctionDecl *ParamOf = nullptr;
    if (const auto *PV = dyn_cast<ParmVarDecl>(VD)) {
      ParamOf = dyn_cast_or_null<FunctionDecl>(PV->getDeclContext());
      if (!ParamOf || !PV->getType()->isIntegerType())
        return false;
      bool AllKnown = callersAllKnown(ParamOf);
      if (!AllKnown) {
        // A function other files may call: every call in the project must
        // pass a blocking descriptor, and no file may take its address
        // (the facts' BlockingParams), or, while this file's summary is
        // made, a need for the merge to check. A static function handed on
        // as a callback has callers no one sees.
        if (!ParamOf->isExternallyVisible() || !ParamOf->getIdentifier())
          return false;
        std::string Param = ParamOf->getQualifiedNameAsString() + ":" +
                            std::to_string(PV->getFunctionScopeIndex());
        if (Facts) {
          if (!Facts->paramBlocking(Param))
            return false;
        } else if (Assumed) {
          Assumed->push_back("param:" + Param);
        } else {
          return false;
        }
      }
      static const std::vector<const CallExpr *> NoSites;
      for (const CallExpr *Site :
           AllKnown ? CallSites[ParamOf->getDefinition()] : NoSites) {
        unsigned I = PV->getFunctionScopeIndex();
        if (I >= Site->getNumArgs())
          return false;
        if (valueMode(Site->getArg(I), Depth) == ValueMode::Unknown)
          return false;
      }
      Created = true;
    }
    bool Local = VD->isLocalVarDecl() || ParamOf;
    if (!Local && VD->isExternallyVisible())
      return false; // another TU may store something else in it
    // A value that comes back through a pointer (`init_socket(&udp_fd)`,
    // whose body stores `*socketfd = socket(...)`), or another source.
    auto BlockingSource = [&](const Expr *Src) {
      ValueMode M = valueMode(Src, Depth);
      Created |= M == ValueMode::Blocking;
      return M != ValueMode::Unknown;
    };
    for (const Event &E : eventsFor(K)) {
      if (E.Kind == EvKind::Set)
        return false;
      if (E.Kind == EvKind::Clear) {
        Created = true; // pipe(), socketpair(), F_SETFL without O_NONBLOCK
        continue;
      }
      const Expr *Src = E.Src ? E.Src->IgnoreParenCasts() : nullptr;
      if (!Src || !BlockingSource(Src))
        return false;
    }
    // Filled in through its address by a function of the TU: each value
    // that function stores through that parameter.
    for (const auto &[Fn, Calls] : CallsByFn) {
      if (Local && !ParamOf && Fn != VD->getParentFunctionOrMethod())
        continue;
      for (const CallExpr *C : Calls)
        for (unsigned ArgI = 0; ArgI < C->getNumArgs(); ++ArgI) {
          const Expr *Operand = addressedBy(C->getArg(ArgI));
          if (!Operand || keyOf(Operand).tuple() != K.tuple())
            continue;
          const FunctionDecl *Def = C->getDirectCallee()
                                        ? C->getDirectCallee()->getDefinition()
                                        : nullptr;
          if (!Def || !Def->getBody() || ArgI >= Def->getNumParams())
            continue; // judged below, as any call it goes to
          if (!fillsBlocking(C, ArgI, Def, Depth, Created))
            return false;
        }
    }
    if (!Created)
      return false;
    // A copy shares the file description, O_NONBLOCK included: none may be
    // made non-blocking (`c->fd = s; c->w.fd = s; fcntl(c->fd, F_SETFL,
    // O_NONBLOCK)` makes `s` and `c->w.fd` non-blocking too).
    if (copyMadeNonBlocking(K))
      return false;
    // Where it goes: only to calls that keep its mode.
    return goesOnlyToModeKeepers(
        K, Local ? (ParamOf ? ParamOf->getDefinition()
                            : dyn_cast_or_null<FunctionDecl>(
                                  VD->getParentFunctionOrMethod()))
                 : nullptr);
  }

  /// Every use of the pointer parameter \p Out in \p Def's body is `*Out`
  /// stored into with `=`, compared or handed to a call, or a test of the
  /// pointer against null: no copy of the pointer (`int *q = out`), no
  /// index (`out[0]`), no address of the object, no call given the
  /// pointer, and no copy of the descriptor kept, any of which would let
  /// it be changed out of sight.
  bool onlyDereferenced(const ParmVarDecl *Out, const FunctionDecl *Def) {
    // Asked for each fill of the function and again for its stores.
    auto [Memo, New] = OnlyDereferencedMemo.try_emplace(Out, false);
    if (!New)
      return Memo->second;
    auto IsOut = [&](const Expr *E) {
      const auto *R = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      return R && R->getDecl() == Out ? R : nullptr;
    };
    auto DerefOfOut = [&](const Expr *E) -> const DeclRefExpr * {
      const auto *U = dyn_cast<UnaryOperator>(E->IgnoreParens());
      return U && U->getOpcode() == UO_Deref ? IsOut(U->getSubExpr()) : nullptr;
    };
    llvm::SmallPtrSet<const DeclRefExpr *, 8> Known;
    llvm::SmallVector<const DeclRefExpr *, 8> All;
    findStmt(Def->getBody(), [&](const Stmt *S) {
      const DeclRefExpr *R = nullptr;
      if (const auto *D = dyn_cast<DeclRefExpr>(S); D && D->getDecl() == Out)
        All.push_back(D);
      else if (const auto *B = dyn_cast<BinaryOperator>(S))
        R = B->getOpcode() == BO_Assign ? DerefOfOut(B->getLHS())
            : B->isEqualityOp() &&
                    (B->getLHS()->isNullPointerConstant(
                         Ctx, Expr::NPC_ValueDependentIsNotNull) ||
                     B->getRHS()->isNullPointerConstant(
                         Ctx, Expr::NPC_ValueDependentIsNotNull))
                ? (IsOut(B->getLHS()) ? IsOut(B->getLHS()) : IsOut(B->getRHS()))
                : nullptr;
      else if (const auto *IC = dyn_cast<ImplicitCastExpr>(S);
               IC && IC->getCastKind() == CK_PointerToBoolean)
        R = IsOut(IC->getSubExpr());
      else if (const auto *U = dyn_cast<UnaryOperator>(S);
               U && U->getOpcode() == UO_LNot)
        R = IsOut(U->getSubExpr());
      if (R)
        Known.insert(R);
      // `*out` read only to be compared or handed to a call (which the
      // caller judges as any call the descriptor goes to): a copy kept
      // (`int c = *out`, `g_last = *out`, `return *out`) could be made
      // non-blocking out of sight.
      if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isComparisonOp())
        for (const Expr *Side : {B->getLHS(), B->getRHS()})
          if (const DeclRefExpr *D = DerefOfOut(Side->IgnoreParenImpCasts()))
            Known.insert(D);
      if (const auto *Call = dyn_cast<CallExpr>(S))
        for (const Expr *A : Call->arguments())
          if (const DeclRefExpr *D = DerefOfOut(A->IgnoreParenImpCasts()))
            Known.insert(D);
      return false;
    });
    return OnlyDereferencedMemo[Out] = llvm::all_of(
               All, [&](const DeclRefExpr *R) { return Known.contains(R); });
  }
  llvm::DenseMap<const ParmVarDecl *, bool> OnlyDereferencedMemo;

  /// \p C hands a descriptor's address as its argument \p ArgI to \p Def,
  /// a function of the TU, which stores through that pointer parameter
  /// only descriptors shown blocking or none (`*out = -1`), plain `=`
  /// stores all; neither makes it non-blocking nor hands it to a call
  /// that might (`fcntl(*out, F_SETFL, ...)`, `set_nonblock(*out)`); and
  /// never points the parameter elsewhere. A creator given its flags by a
  /// parameter (`*fd_p = socket(domain, type | SOCK_CLOEXEC, 0)`) makes a
  /// blocking descriptor where \p C passes socket type constants alone
  /// there (typeConstants: dbus's _dbus_open_socket(&fd.fd, family,
  /// SOCK_STREAM, ...)). \p Created once a descriptor is stored.
  /// \p Every, if asked: some store runs on every path from the entry to
  /// the exit (what a fill needs to replace the old value; a path that
  /// returns without storing leaves it).
  bool fillsBlocking(const CallExpr *C, unsigned ArgI, const FunctionDecl *Def,
                     unsigned Depth, bool &Created, bool *Every = nullptr) {
    if (!Def || !Def->getBody() || Def->hasSkippedBody() ||
        ArgI >= Def->getNumParams())
      return false;
    const ParmVarDecl *Out = Def->getParamDecl(ArgI);
    // (A parameter only dereferenced is never written itself either.)
    if (!onlyDereferenced(Out, Def))
      return false;
    // No other argument may reach the same descriptor: another integer
    // pointer (`fill2(&s.fd, &s.fd)`), a pointer to the struct that holds
    // the field, or an untyped one.
    const Expr *Operand = addressedBy(C->getArg(ArgI));
    FdKey Filled =
        keyOf(Operand ? Operand : C->getArg(ArgI)->IgnoreParenCasts());
    const auto *FilledField = Filled.Kind == FdKey::Field
                                  ? dyn_cast_or_null<FieldDecl>(Filled.D)
                                  : nullptr;
    for (unsigned J = 0; J < C->getNumArgs(); ++J) {
      QualType T = C->getArg(J)->IgnoreParenImpCasts()->getType();
      if (J == ArgI || !T->isPointerType())
        continue;
      QualType Pointee = T->getPointeeType();
      if (Pointee->isIntegerType() || Pointee->isVoidType())
        return false;
      if (FilledField && Pointee->getAsRecordDecl() &&
          Pointee->getAsRecordDecl()->getCanonicalDecl() ==
              FilledField->getParent()->getCanonicalDecl())
        return false;
    }
    // Nor may the function touch that descriptor by its own name (a
    // global or a field: `set_nonblocking(gfd)` after `*out = ...`).
    if (Filled.valid() && llvm::any_of(eventsFor(Filled), [&](const Event &Ev) {
          return Ev.Fn == Def;
        }))
      return false;
    auto BlockingSource = [&](const Expr *Src) {
      Src = Src->IgnoreParenCasts();
      if (const auto *Cr = dyn_cast<CallExpr>(Src)) {
        const CreatorSpec *Spec = creatorSpec(globalCalleeName(Cr));
        if (Spec && Cr->getNumArgs() > Spec->FlagsArg)
          if (std::optional<unsigned> P =
                  paramWithTypeConstants(Cr->getArg(Spec->FlagsArg), Def, Spec);
              P && *P < C->getNumArgs()) {
            // The caller's flags as they came: the parameter is never
            // written (`type |= SOCK_NONBLOCK` would add the flag).
            if (!writesOf(Def->getParamDecl(*P), Def->getBody()).empty() ||
                !typeConstants(C->getArg(*P), Spec))
              return false;
            Created = true;
            return true;
          }
      }
      ValueMode M = valueMode(Src, Depth);
      Created |= M == ValueMode::Blocking;
      return M != ValueMode::Unknown;
    };
    std::vector<const Stmt *> Stores;
    for (const BinaryOperator *B : storesThrough(Out, Def)) {
      Stores.push_back(B);
      if (B->getOpcode() != BO_Assign || !BlockingSource(B->getRHS()))
        return false;
    }
    FdKey OutK;
    OutK.Kind = FdKey::Var;
    OutK.D = Out;
    if (llvm::any_of(eventsFor(OutK),
                     [](const Event &E) { return E.Kind == EvKind::Set; }) ||
        !goesOnlyToModeKeepers(OutK, Def))
      return false;
    if (Every) {
      FunctionCfgs::LastOnPaths Last(Cfgs, Def, Stores);
      llvm::SmallVector<unsigned, 2> AtExit;
      bool FromEntry = true;
      *Every = !Stores.empty() && Last.atExit(AtExit, FromEntry) && !FromEntry;
    }
    return true;
  }

  /// What \p Def stores through its integer pointer parameter \p ArgI,
  /// or its C++ reference to an integer: each plain `*out = v` (`out =
  /// v`) store with its value (of `*w = *r = fd`, the `fd`), when such
  /// stores and reads are all it does with the parameter
  /// (onlyDereferenced: not handed on, copied, indexed nor moved;
  /// onlyReadOrAssigned for a reference); none when it only reads.
  /// Nullopt otherwise, or for a compound store (`*out |= x`).
  using OutStores = llvm::SmallVector<std::pair<const Expr *, const Stmt *>, 2>;
  std::optional<OutStores> storesThroughParam(const FunctionDecl *Def,
                                              unsigned ArgI) {
    if (!Def || !Def->getBody() || Def->hasSkippedBody() ||
        ArgI >= Def->getNumParams())
      return std::nullopt;
    const ParmVarDecl *Out = Def->getParamDecl(ArgI);
    QualType T = Out->getType();
    if ((!T->isPointerType() && !T->isLValueReferenceType()) ||
        !T->getPointeeType()->isIntegerType())
      return std::nullopt;
    // `void fill(int &out) { out = fd; }`: every mention of `out` is read
    // or assigned with `=` (no address, no reference bound to it).
    if (T->isLValueReferenceType() ? !onlyReadOrAssigned(Out, Def)
                                   : !onlyDereferenced(Out, Def))
      return std::nullopt;
    OutStores Stores;
    for (const BinaryOperator *B : storesThrough(Out, Def)) {
      if (B->getOpcode() != BO_Assign)
        return std::nullopt;
      const Expr *V = B->getRHS();
      // `*w = *r = fd`: the stored value is the innermost right side.
      while (const auto *Inner =
                 dyn_cast<BinaryOperator>(V->IgnoreParenImpCasts())) {
        if (Inner->getOpcode() != BO_Assign)
          break;
        V = Inner->getRHS();
      }
      Stores.push_back({V, B});
    }
    return Stores;
  }

  /// The assignments of \p Def through \p Out, one of its parameters:
  /// to `*out` for a pointer (`*out = fd`, `*out |= x`), to `out` itself
  /// for a reference; in the body's order.
  std::vector<const BinaryOperator *> storesThrough(const ParmVarDecl *Out,
                                                    const FunctionDecl *Def) {
    bool Reference = Out->getType()->isReferenceType();
    std::vector<const BinaryOperator *> Found;
    findStmt(Def->getBody(), [&](const Stmt *S) {
      const auto *B = dyn_cast<BinaryOperator>(S);
      const Expr *Target = B && B->isAssignmentOp()
                               ? B->getLHS()->IgnoreParenImpCasts()
                               : nullptr;
      if (const auto *D = dyn_cast_or_null<UnaryOperator>(Target);
          D && !Reference && D->getOpcode() == UO_Deref)
        Target = D->getSubExpr()->IgnoreParenImpCasts();
      else if (Target && !Reference)
        Target = nullptr;
      const auto *R = dyn_cast_or_null<DeclRefExpr>(Target);
      if (R && R->getDecl() == Out)
        Found.push_back(B);
      return false;
    });
    return Found;
  }

  /// The integer variable or field that the argument \p I of \p C lets
  /// the callee store in: the operand of `&fd`, or in C++ the argument
  /// bound to a reference to a non-const integer (`fill(fd)` for `void
  /// fill(int &out)`). Null for anything else.
  static const Expr *filledOperand(const CallExpr *C, unsigned I) {
    const Expr *A = C->getArg(I);
    if (const Expr *Operand = addressedBy(A))
      return Operand->getType()->isIntegerType() ? Operand : nullptr;
    const FunctionDecl *Callee = C->getDirectCallee();
    // A member operator's object is its call's first argument.
    unsigned Param = I;
    if (isa<CXXOperatorCallExpr>(C) && isa_and_nonnull<CXXMethodDecl>(Callee)) {
      if (I == 0)
        return nullptr;
      Param = I - 1;
    }
    if (!Callee || Param >= Callee->getNumParams())
      return nullptr;
    QualType T = Callee->getParamDecl(Param)->getType();
    if (!T->isLValueReferenceType() || T->getPointeeType().isConstQualified() ||
        !T->getPointeeType()->isIntegerType())
      return nullptr;
    return A->IgnoreParenImpCasts();
  }

  /// No argument of \p C but the \p ArgI-th (filledOperand: \p Filled's
  /// address, or \p Filled bound to a reference) may reach the object
  /// \p Filled names: every other pointer to an integer (or untyped) is a
  /// null pointer or the address of another variable or field (another
  /// declaration, not a union's member), every other integer bound to a
  /// reference is another variable or field, and no pointer points to a
  /// struct of the type that holds the field.
  bool onlyArgumentReaching(const CallExpr *C, unsigned ArgI,
                            const FdKey &Filled) {
    if (!Filled.valid() || Filled.Kind == FdKey::Number)
      return false;
    const auto *FilledField = Filled.Kind == FdKey::Field
                                  ? dyn_cast_or_null<FieldDecl>(Filled.D)
                                  : nullptr;
    auto InUnion = [](const Decl *D) {
      const auto *F = dyn_cast_or_null<FieldDecl>(D);
      return F && F->getParent()->isUnion();
    };
    if (InUnion(Filled.D))
      return false;
    for (unsigned J = 0; J < C->getNumArgs(); ++J) {
      if (J == ArgI)
        continue;
      const Expr *A = C->getArg(J)->IgnoreParenImpCasts();
      QualType T = A->getType();
      // Another variable or field: `&other`, or `other` bound to a
      // reference.
      auto Distinct = [&](const Expr *Operand) {
        FdKey Other = Operand ? keyOf(Operand) : FdKey();
        return Other.valid() && Other.Kind != FdKey::Number &&
               Other.D->getCanonicalDecl() != Filled.D->getCanonicalDecl() &&
               !InUnion(Other.D);
      };
      const Expr *Bound = filledOperand(C, J);
      if (Bound && !addressedBy(C->getArg(J))) {
        if (!Distinct(Bound))
          return false;
        continue;
      }
      if (!T->isPointerType() ||
          A->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
        continue;
      QualType Pointee = T->getPointeeType();
      if (Pointee->isIntegerType() || Pointee->isVoidType()) {
        if (!Distinct(addressedBy(C->getArg(J))))
          return false;
        continue;
      }
      if (FilledField && Pointee->getAsRecordDecl() &&
          Pointee->getAsRecordDecl()->getCanonicalDecl() ==
              FilledField->getParent()->getCanonicalDecl())
        return false;
    }
    return true;
  }

  /// Some address of \p K (or a reference to it) is kept or handed on
  /// otherwise than as a call's argument (`q = &fd`, `int &r = fd`, `h.p
  /// = &fd`): a store through that alias is no event, so what a call
  /// fills there is not all \p K can hold. Scanned once per TU.
  bool addressKept(const FdKey &K) {
    if (!AddressesScanned) {
      AddressesScanned = true;
      struct Scan : RecursiveASTVisitor<Scan> {
        llvm::SmallPtrSet<const Expr *, 16> Args;
        std::vector<const Expr *> Taken;
        std::set<FdKey> Kept;
        bool shouldVisitTemplateInstantiations() const { return true; }
        bool shouldVisitLambdaBody() const { return true; }
        bool VisitCallExpr(CallExpr *C) {
          for (const Expr *A : C->arguments())
            Args.insert(A->IgnoreParenCasts());
          return true;
        }
        bool VisitUnaryOperator(UnaryOperator *U) {
          if (U->getOpcode() == UO_AddrOf &&
              U->getSubExpr()->getType()->isIntegerType())
            Taken.push_back(U);
          return true;
        }
        bool VisitVarDecl(VarDecl *V) {
          if (V->getType()->isReferenceType() && V->getInit())
            if (FdKey T = keyOf(V->getInit()); T.valid())
              Kept.insert(T);
          return true;
        }
        // C (not Objective-C): an address is taken only in code, the
        // functions' bodies and the variables' initializers, which
        // walkCCode reads without the traversal's look at every
        // declaration and type of the TU and its headers (most of this
        // scan's cost: mosquitto's net_mosq.c spent 10 M instructions
        // here); the traversal takes over where walkCCode hands it a
        // statement, and for a function with a parameter of variably
        // modified type. Left out: an `&` that never runs, in a type or a
        // constant size (`__typeof__(&fd) q = 0;`, `char a[sizeof(&fd)];`,
        // an enumerator, a static assertion), and an initializer that a
        // later designator overrides (`{ .p = &fd, .p = 0 }`): none keeps
        // an address.
        void scanTopLevelC(Decl *D) {
          Stmt *Code = topLevelCode(D);
          if (!Code)
            return;
          if (hasVariablyModifiedParam(D)) {
            TraverseDecl(D);
            return;
          }
          walkCCode(
              Code,
              [&](Stmt *S, unsigned) {
                if (auto *C = dyn_cast<CallExpr>(S))
                  VisitCallExpr(C);
                else if (auto *U = dyn_cast<UnaryOperator>(S))
                  VisitUnaryOperator(U);
                else if (auto *DS = dyn_cast<DeclStmt>(S))
                  for (Decl *Inner : DS->decls())
                    if (auto *V = dyn_cast<VarDecl>(Inner))
                      VisitVarDecl(V);
                return true;
              },
              [&](Stmt *S, unsigned) { TraverseStmt(S); });
        }
      } S;
      const LangOptions &LO = Ctx.getLangOpts();
      if (LO.CPlusPlus || LO.ObjC)
        S.TraverseDecl(Ctx.getTranslationUnitDecl());
      else
        forEachTopLevelDecl(Ctx, [&](Decl *D) { S.scanTopLevelC(D); });
      for (const Expr *U : S.Taken)
        if (!S.Args.contains(U))
          if (FdKey T = keyOf(U); T.valid())
            S.Kept.insert(T);
      KeptAddresses = std::move(S.Kept);
    }
    return KeptAddresses.count(K) ||
           (K.Kind == FdKey::Elem &&
            KeptAddresses.count({FdKey::Elem, K.D, -1}));
  }
  bool AddressesScanned = false;
  std::set<FdKey> KeptAddresses;

  /// Some call hands a function an element of \p K's array at an index
  /// that is not a constant, or one other than \p K's where \p K's is not
  /// (`fill(&p[i])` asked about `p[0]`): which element it fills is not
  /// known.
  bool fillsOtherElement(const FdKey &K) {
    scanTargetedCalls();
    return llvm::any_of(AddressFills, [&](const auto &Entry) {
      const FdKey &T = Entry.first;
      return T.Kind == FdKey::Elem && T.D == K.D && T.Index != K.Index &&
             (T.Index == -1 || K.Index == -1);
    });
  }

  /// Every mention of the array \p D (a struct field or a variable) in
  /// the TU names one element at a constant index, and reads it or
  /// assigns it with `=`, or hands its address to write() or send() as
  /// the bytes to send (libev's `write(evpipe[1], &evpipe[1], 1)`): the
  /// TU's stores then show every value of the array. A mention that lets
  /// the array out (its address, `memcpy`, a reference, a pointer into it,
  /// a structured binding, `sizeof`) or changes an element otherwise says
  /// no. Looked at once per array.
  bool onlyElementsNamed(const Decl *D) {
    auto [It, New] = ElementsOnly.try_emplace(D, false);
    if (!New)
      return It->second;
    struct Scan : RecursiveASTVisitor<Scan> {
      const Decl *D;
      const ASTContext &Ctx;
      unsigned Mentions = 0, Plain = 0;
      Scan(const Decl *D, const ASTContext &Ctx) : D(D), Ctx(Ctx) {}
      bool shouldVisitTemplateInstantiations() const { return true; }
      bool shouldVisitImplicitCode() const { return true; }
      /// \p E is `a[k]` of this array, k a constant.
      bool element(const Expr *E) const {
        const auto *Sub = dyn_cast<ArraySubscriptExpr>(E->IgnoreParens());
        if (!Sub || Sub->getIdx()->isValueDependent() ||
            !Sub->getIdx()->isIntegerConstantExpr(Ctx))
          return false;
        const Expr *Base = Sub->getBase()->IgnoreParenImpCasts();
        if (const auto *M = dyn_cast<MemberExpr>(Base))
          return M->getMemberDecl() == D;
        const auto *R = dyn_cast<DeclRefExpr>(Base);
        return R && R->getDecl() == D;
      }
      bool VisitDeclRefExpr(DeclRefExpr *E) {
        Mentions += E->getDecl() == D;
        return true;
      }
      bool VisitMemberExpr(MemberExpr *E) {
        Mentions += E->getMemberDecl() == D;
        return true;
      }
      bool VisitImplicitCastExpr(ImplicitCastExpr *E) {
        Plain +=
            E->getCastKind() == CK_LValueToRValue && element(E->getSubExpr());
        return true;
      }
      bool VisitBinaryOperator(BinaryOperator *E) {
        Plain += E->getOpcode() == BO_Assign && element(E->getLHS());
        return true;
      }
      bool VisitCallExpr(CallExpr *C) {
        constexpr unsigned BufArg = 1;
        llvm::StringRef N = globalCalleeName(C);
        if ((N == "write" || N == "send") && C->getNumArgs() > BufArg)
          if (const auto *Amp = dyn_cast<UnaryOperator>(
                  C->getArg(BufArg)->IgnoreParenImpCasts());
              Amp && Amp->getOpcode() == UO_AddrOf &&
              element(Amp->getSubExpr()))
            ++Plain;
        return true;
      }
    } S(D, Ctx);
    S.TraverseDecl(Ctx.getTranslationUnitDecl());
    bool Only = S.Mentions > 0 && S.Plain == S.Mentions;
    ElementsOnly[D] = Only;
    return Only;
  }
  llvm::DenseMap<const Decl *, bool> ElementsOnly;

  /// The TU's calls that hand the address of \p K to a function (`&fd`,
  /// `&c->fd` as an argument, with its index), which may store a
  /// descriptor there: a value of \p K that no store shows.
  llvm::ArrayRef<std::pair<const CallExpr *, unsigned>>
  addressFillsInto(const FdKey &K) {
    scanTargetedCalls();
    auto It = AddressFills.find(K);
    return It == AddressFills.end()
               ? llvm::ArrayRef<std::pair<const CallExpr *, unsigned>>()
               : llvm::ArrayRef<std::pair<const CallExpr *, unsigned>>(
                     It->second);
  }

  /// Some variable or field that \p K's value is copied to is made
  /// non-blocking in the file (one copy deep).
  bool copyMadeNonBlocking(const FdKey &K) {
    std::map<FdKey, CopyList> &Copies = copiesOf();
    auto It = Copies.find(K);
    if (It == Copies.end())
      return false;
    return llvm::any_of(It->second, [&](const auto &Copy) {
      const FdKey &To = Copy.first;
      return To.tuple() != K.tuple() &&
             llvm::any_of(eventsFor(To),
                          [](const Event &E) { return E.Kind == EvKind::Set; });
    });
  }

  /// The struct field \p K holds only blocking descriptors in every file
  /// of the project (the facts' BlockingFields), and nothing in this file
  /// makes it non-blocking (the facts may be older than the file).
  bool fieldBlockingByFacts(const FdKey &K) {
    if (!Facts || Facts->BlockingFields.empty())
      return false;
    const auto *FD = dyn_cast_or_null<FieldDecl>(K.D);
    std::string Key = FD ? ProjectFacts::fieldKey(FD) : std::string();
    if (Key.empty() || !Facts->fieldBlocking(Key))
      return false;
    expandAll();
    return llvm::none_of(eventsFor(K),
                         [](const Event &E) { return E.Kind == EvKind::Set; });
  }

  /// Without the project's facts: the struct field \p K belongs to a
  /// record defined in the main file, outside any header, so that no other
  /// file can name the field, and the TU's code (every function of it is
  /// walked) stores a descriptor there and uses it as fieldKeptBlocking
  /// asks, with no need of another file's function: it holds only
  /// blocking descriptors (sstp-client's route monitor keeps its netlink
  /// socket in a struct its header leaves opaque). With the facts, the
  /// merged facts decide: each file's summary is made by the same test.
  bool fieldBlockingInFile(const FdKey &K) {
    const auto *FD = dyn_cast_or_null<FieldDecl>(K.D);
    if (Facts || !FD)
      return false;
    // Settled once; while it is worked out (a store of a copy of itself)
    // it counts as not shown.
    if (auto [It, New] = FileBlockingFields.try_emplace(FD, false); !New)
      return It->second;
    const RecordDecl *RD = FD->getParent();
    if (!RD || !RD->isThisDeclarationADefinition() ||
        !SM.isInMainFile(SM.getExpansionLoc(RD->getLocation())))
      return false;
    expandAll();
    if (!EscapingFields)
      EscapingFields = fieldsEscaping();
    std::vector<std::string> Needs;
    std::optional<bool> Created =
        fieldKeptBlocking(K, Needs, *EscapingFields, copiesOf()[K]);
    bool Blocking = Created.value_or(false) && Needs.empty();
    FileBlockingFields[FD] = Blocking;
    return Blocking;
  }
  llvm::DenseMap<const FieldDecl *, bool> FileBlockingFields;
  std::optional<llvm::DenseSet<const FieldDecl *>> EscapingFields;

  /// Where the TU's code copies each descriptor: the key copied into (a
  /// local, a field) and the function that does it, by the key copied (a
  /// field, a variable). Found once, on the complete events (expandAll).
  using CopyList = std::vector<std::pair<FdKey, const FunctionDecl *>>;
  std::map<FdKey, CopyList> &copiesOf() {
    if (!CopiesFound) {
      expandAll();
      CopiesFound.emplace();
      for (const auto &[Key, Evs] : Events)
        for (const Event &E : Evs)
          if (E.Kind == EvKind::Copy && E.Src)
            if (FdKey From = keyOf(E.Src->IgnoreParenCasts()); From.valid())
              (*CopiesFound)[From].push_back({Key, E.Fn});
    }
    return *CopiesFound;
  }
  std::optional<std::map<FdKey, CopyList>> CopiesFound;

  /// The fields whose address the TU's code takes (`&c->fd`), or that a
  /// struct's initializer gives anything but -1, 0 or nothing (`{ .fd =
  /// accept(...) }`): what they hold is not followed. One pass over the
  /// walked bodies and the TU's global initializers.
  llvm::DenseSet<const FieldDecl *> fieldsEscaping() {
    llvm::DenseSet<const FieldDecl *> Out;
    auto Visit = [&](const Stmt *S) {
      if (const auto *U = dyn_cast<UnaryOperator>(S)) {
        if (U->getOpcode() == UO_AddrOf)
          if (FdKey K = keyOf(U->getSubExpr()); K.Kind == FdKey::Field)
            Out.insert(cast<FieldDecl>(K.D)->getCanonicalDecl());
        return false;
      }
      const auto *IL = dyn_cast<InitListExpr>(S);
      const RecordDecl *RD = IL && !IL->getType().isNull()
                                 ? IL->getType()->getAsRecordDecl()
                                 : nullptr;
      if (!RD || IL->isSyntacticForm())
        return false;
      // A union's initializer holds the one member it initializes.
      if (RD->isUnion()) {
        if (const FieldDecl *FD = IL->getInitializedFieldInUnion();
            FD && IL->getNumInits() == 1 &&
            !isa<IntegerLiteral>(IL->getInit(0)->IgnoreParenCasts()) &&
            !isa<ImplicitValueInitExpr>(IL->getInit(0)->IgnoreParenCasts()))
          Out.insert(FD->getCanonicalDecl());
        return false;
      }
      for (const FieldDecl *FD : RD->fields()) {
        if (FD->getFieldIndex() >= IL->getNumInits())
          break;
        const Expr *I = withoutMinus(IL->getInit(FD->getFieldIndex()));
        if (!isa<IntegerLiteral>(I) && !isa<ImplicitValueInitExpr>(I) &&
            !isa<InitListExpr>(I))
          Out.insert(FD->getCanonicalDecl());
      }
      return false;
    };
    for (const FunctionDecl *Fn : Walked)
      if (Fn->getBody())
        findStmt(Fn->getBody(), Visit);
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit())
        findStmt(V->getInit(), Visit);
    return Out;
  }

  /// For this file's summary: the struct field \p K, as this file's code
  /// uses it, holds only blocking descriptors, provided the other files'
  /// functions do what \p Needs says (see ProjectFacts::FieldUse): every
  /// value stored in it is -1 or a blocking descriptor, nothing makes it
  /// or a copy of it non-blocking, it and its copies go only to calls that
  /// keep the mode, its address is not taken and no function returns it.
  /// None if not; else whether the code stores a descriptor in it.
  std::optional<bool> fieldKeptBlocking(
      const FdKey &K, std::vector<std::string> &Needs,
      const llvm::DenseSet<const FieldDecl *> &Escaped,
      llvm::ArrayRef<std::pair<FdKey, const FunctionDecl *>> Copies) {
    assert(!Facts && "a summary is made without the project's facts");
    expandAll();
    llvm::SaveAndRestore<std::vector<std::string> *> During(Assumed, &Needs);
    bool Created = false;
    for (const Event &E : eventsFor(K)) {
      if (E.Kind == EvKind::Set)
        return std::nullopt;
      if (E.Kind == EvKind::Clear) {
        Created = true;
        continue;
      }
      const Expr *Src = E.Src ? withoutMinus(E.Src) : nullptr;
      if (!Src)
        return std::nullopt;
      if (ConstantFd C = constantFd(E.Src, Ctx); C == ConstantFd::None)
        continue;
      else if (C == ConstantFd::Stream)
        return std::nullopt;
      if (const auto *C = dyn_cast<CallExpr>(Src)) {
        if (!givesBlocking(C, 0))
          return std::nullopt;
        Created = true;
        continue;
      }
      FdKey From = keyOf(Src);
      // The same field of another object (a move constructor's
      // `fd_(other.fd_)`, `c->fd = d->fd`): it holds what the field holds.
      if (From.tuple() == K.tuple())
        continue;
      if (!From.valid() || From.Kind != FdKey::Var || !shownBlocking(From, 1))
        return std::nullopt;
      Created = true;
    }
    if (!goesOnlyToModeKeepers(K, nullptr))
      return std::nullopt;
    // Its copies (`int fd = c->fd;`): made non-blocking, or handed to a
    // call that might, they change the field's descriptor too.
    for (const auto &[Key, Fn] : Copies) {
      if (Key.Kind != FdKey::Var && Key.Kind != FdKey::Field)
        return std::nullopt;
      if (llvm::any_of(eventsFor(Key),
                       [](const Event &X) { return X.Kind == EvKind::Set; }) ||
          !goesOnlyToModeKeepers(Key, Key.isTuWide() ? nullptr : Fn))
        return std::nullopt;
    }
    // Returned, or its address taken: it goes where this file cannot see.
    for (const auto &[Fn, Rets] : Returns)
      for (const ReturnStmt *R : Rets)
        if (R->getRetValue() &&
            keyOf(R->getRetValue()->IgnoreParenCasts()).tuple() == K.tuple())
          return std::nullopt;
    // Nor may its address be taken, nor a struct's initializer put
    // something else there (fieldsEscaping).
    if (Escaped.contains(cast<FieldDecl>(K.D)))
      return std::nullopt;
    return Created;
  }

  /// Every call that takes the descriptor \p K (in \p Within, or anywhere
  /// in the TU when null) keeps its mode: a function of the TU (whose
  /// doings are among the events already), a C library call that leaves
  /// the mode alone, another file's function the facts say keeps it, or a
  /// variadic argument (a format's).
  bool goesOnlyToModeKeepers(const FdKey &K, const FunctionDecl *Within) {
    auto Names = [&](const Expr *A) {
      FdKey AK = keyOf(A);
      // Two elements at different constant indices are two descriptors
      // (`pair[1]` handed to the child, `pair[0]` kept).
      if (AK.valid() && AK.Kind == FdKey::Elem && K.Kind == FdKey::Elem &&
          AK.Index >= 0 && K.Index >= 0 && AK.Index != K.Index)
        return false;
      return AK.valid() && AK.D == K.D;
    };
    for (const auto &[Fn, Calls] : CallsByFn) {
      if (Within && Fn != Within)
        continue;
      for (const CallExpr *C : Calls) {
        llvm::StringRef N = globalCalleeName(C);
        for (unsigned ArgI = 0; ArgI < C->getNumArgs(); ++ArgI) {
          const Expr *A = C->getArg(ArgI);
          if (!Names(A))
            continue;
          bool Filled = (N == "pipe" || N == "pipe2" || N == "socketpair") &&
                        K.Kind == FdKey::Elem;
          // A function of the TU: what it does to the descriptor is among
          // the events already (its summary).
          const FunctionDecl *Def = C->getDirectCallee()
                                        ? C->getDirectCallee()->getDefinition()
                                        : nullptr;
          bool Seen = Def && Def->getBody() && !Def->hasSkippedBody();
          // Another file's summary says it keeps that parameter's mode.
          bool KeptElsewhere = !N.empty() && Facts && Facts->keepsMode(N, ArgI);
          if (Filled || Seen || callKeepsMode(C, Ctx) ||
              placedCopyKept(C, ArgI) || KeptElsewhere ||
              formatsArgument(C->getDirectCallee(), ArgI))
            continue;
          // While this file's summary is made: assumed of another file's
          // function, for the merge to check.
          if (const FunctionDecl *Other = otherFileFunction(C);
              Other && Assumed && !N.empty()) {
            Assumed->push_back("keeps:" + N.str() + ":" + std::to_string(ArgI));
            continue;
          }
          return false;
        }
      }
    }
    return true;
  }

  // --- The descriptor one object keeps in a field (ObjectFdStores) ---

  std::optional<std::vector<const Stmt *>> AllBodies;
  llvm::DenseMap<const VarDecl *, ObjectSummary> RootObjects;
  std::map<std::pair<const FunctionDecl *, unsigned>, ObjectSummary>
      ParamObjects;
  std::map<std::pair<const VarDecl *, std::string>, bool> ObjectFieldMemo;
  /// objectPathBlocking's questions under way (a recursion's calls).
  std::set<std::pair<const VarDecl *, std::string>> ObjectsOpen;
  /// Set when an answer under way rests on a question cut short (by depth,
  /// or by a recursion): that answer is not memoised.
  bool ObjectQuestionCut = false;

  /// The bodies of the functions (and the initializers of the variables)
  /// of the traversal scope outside system headers: where a variable of
  /// the file may be named.
  const std::vector<const Stmt *> &allBodies() {
    if (AllBodies)
      return *AllBodies;
    AllBodies.emplace();
    struct Finder : RecursiveASTVisitor<Finder> {
      std::vector<const Stmt *> &Out;
      explicit Finder(std::vector<const Stmt *> &Out) : Out(Out) {}
      bool shouldVisitTemplateInstantiations() const { return false; }
      bool VisitFunctionDecl(FunctionDecl *F) {
        if (F->doesThisDeclarationHaveABody() && F->getBody())
          Out.push_back(F->getBody());
        return true;
      }
      bool VisitVarDecl(VarDecl *V) {
        if (!V->isLocalVarDeclOrParm() && V->getInit())
          Out.push_back(V->getInit());
        return true;
      }
      // The bodies are scanned whole by summariseObject.
      bool TraverseStmt(Stmt *) { return true; }
    } F(*AllBodies);
    auto Visit = [&](Decl *D) {
      if (D->getLocation().isValid() &&
          SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
        return;
      F.TraverseDecl(D);
    };
    forEachTopLevelDecl(Ctx, Visit);
    return *AllBodies;
  }

  /// What a value stored in a struct (or handed on with it) is, as this
  /// file shows it.
  int valueKind(const Expr *V) {
    if (!V)
      return VkOther;
    switch (valueMode(V, 0)) { // a constant -1 is NoDescriptor there
    case ValueMode::Blocking:
      return VkBlocking;
    case ValueMode::NoDescriptor:
      return VkNone;
    case ValueMode::Unknown:
      break;
    }
    return VkOther;
  }

  /// A struct's descriptor field handed to \p C as argument \p I: the call
  /// leaves its mode alone. \p WithFacts: other files' summaries may say
  /// so (not while this file's own summary is made).
  bool fieldArgKeepsMode(const CallExpr *C, unsigned I, bool WithFacts) {
    llvm::StringRef N = globalCalleeName(C);
    if (keepsMode(N) || formatsArgument(C->getDirectCallee(), I))
      return true;
    if (N == "fcntl" && C->getNumArgs() >= 2 &&
        !mentionsName(C->getArg(1), "F_SETFL", Ctx))
      return true; // F_GETFL, F_SETFD...: not the mode
    if (WithFacts && Facts && !N.empty() && Facts->keepsMode(N, I))
      return true;
    // A function of this file: what it does to the field is among the
    // field's events.
    const FunctionDecl *Def =
        C->getDirectCallee() ? C->getDirectCallee()->getDefinition() : nullptr;
    auto P = rootedPath(C->getArg(I));
    if (!Def || !Def->getBody() || !P || P->Path.empty())
      return false;
    FdKey K{FdKey::Field, P->Path.back()->getCanonicalDecl(), -1};
    return llvm::none_of(eventsFor(K),
                         [](const Event &E) { return E.Kind == EvKind::Set; });
  }

  /// A copy of an object's descriptor field into \p Target (or the
  /// variable \p Var initialised with it) keeps its mode: nothing makes
  /// the copy non-blocking, and a variable's copy goes only to calls
  /// that keep the mode (the pollfd a poll loop fills, a local handed to
  /// `recv`).
  bool copyKeepsMode(const Expr *Target, const VarDecl *Var) {
    FdKey K =
        Var ? FdKey{FdKey::Var, Var->getCanonicalDecl(), -1} : keyOf(Target);
    if (!K.valid() || K.Kind == FdKey::Number)
      return false;
    expandAll();
    if (llvm::any_of(eventsFor(K),
                     [](const Event &E) { return E.Kind == EvKind::Set; }))
      return false;
    if (K.Kind == FdKey::Field)
      return true; // a field's events are every object's
    const auto *VD = dyn_cast<VarDecl>(K.D);
    const auto *Fn =
        VD ? dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod())
           : nullptr;
    const FunctionDecl *Def =
        Fn ? (Fn->getDefinition() ? Fn->getDefinition() : Fn) : nullptr;
    return VD && Def && !valueGoesOnward(VD, Def) &&
           goesOnlyToModeKeepers(K, Def);
  }

  /// The value of the local \p V may reach another variable or the caller
  /// in \p Def: some use of it is not a call's argument (which
  /// goesOnlyToModeKeepers judges), a store into it, a comparison or
  /// computation, or a condition; `int n = m;`, `a = m`, `&m`, `return m`
  /// are. True when \p Def has no CFG to place the uses with.
  bool valueGoesOnward(const VarDecl *V, const FunctionDecl *Def) {
    return someUse(V, Def, [&](const Stmt *Use, const Stmt *P) {
      if (!P || isa<CallExpr>(P) || isa<ArraySubscriptExpr>(P))
        return false;
      if (const auto *B = dyn_cast<BinaryOperator>(P))
        return B->isAssignmentOp() ? B->getRHS() == Use
                                   : B->getOpcode() == BO_Comma;
      if (const auto *U = dyn_cast<UnaryOperator>(P))
        return U->getOpcode() == UO_AddrOf;
      if (const Expr *Cond = conditionOf(P))
        return Cond->IgnoreParenImpCasts() !=
               cast<Expr>(Use)->IgnoreParenImpCasts();
      if (const auto *SW = dyn_cast<SwitchStmt>(P))
        return SW->getCond()->IgnoreParenImpCasts() !=
               cast<Expr>(Use)->IgnoreParenImpCasts();
      return true;
    });
  }

  /// For a file's summary: what the callees of this file that \p S hands
  /// the object to and that the summary has no entry of go into \p S,
  /// their paths joined and their parameters mapped through the call's
  /// arguments: a `static` one (summarised by no file), and a visible one
  /// the analysis did not walk (exportFacts summarises the walked ones;
  /// the merge folds those in). \p S is about \p Def's parameter \p I
  /// (null for a variable's object).
  void spliceLocalCallees(ObjectSummary &S, const FunctionDecl *Def, unsigned I,
                          unsigned Depth) {
    std::vector<ObjectSummary::Handoff> Kept;
    for (ObjectSummary::Handoff &H : S.Handoffs) {
      if (!H.Def || H.Arg >= H.Def->getNumParams() ||
          (H.Def->isExternallyVisible() && H.Def->getIdentifier() &&
           Walked.contains(H.Def))) {
        Kept.push_back(std::move(H));
        continue;
      }
      if (Depth >= MaxObjectDepth || (H.Def == Def && H.Arg == I)) {
        // Deeper than that, or round a cycle: nothing is known of the
        // part handed on.
        S.Escapes.push_back(H.Path);
        continue;
      }
      const ObjectSummary &Sub = paramObject(H.Def, H.Arg, true, Depth + 1);
      auto Join = [&](const std::string &Rest) {
        return H.Path.empty() ? Rest
               : Rest.empty() ? H.Path
                              : H.Path + "." + Rest;
      };
      auto Map = [&](int V) {
        return V >= 0 ? (unsigned(V) < H.Args.size() ? H.Args[V] : VkOther) : V;
      };
      for (const ObjectSummary::Store &St : Sub.Stores)
        S.Stores.push_back({Join(St.Path), Map(St.From), St.Field});
      for (const std::string &E : Sub.Escapes)
        S.Escapes.push_back(Join(E));
      for (ObjectSummary::Handoff SH : Sub.Handoffs) {
        SH.Path = Join(SH.Path);
        for (int &A : SH.Args)
          A = Map(A);
        Kept.push_back(std::move(SH));
      }
    }
    S.Handoffs = std::move(Kept);
    // The same store or escape reached through two callees is one.
    auto StoreKey = [](const ObjectSummary::Store &X) {
      return std::tie(X.Path, X.From, X.Field);
    };
    llvm::sort(S.Stores, [&](const auto &A, const auto &B) {
      return StoreKey(A) < StoreKey(B);
    });
    S.Stores.erase(std::unique(S.Stores.begin(), S.Stores.end(),
                               [&](const auto &A, const auto &B) {
                                 return StoreKey(A) == StoreKey(B);
                               }),
                   S.Stores.end());
    llvm::sort(S.Escapes);
    S.Escapes.erase(std::unique(S.Escapes.begin(), S.Escapes.end()),
                    S.Escapes.end());
  }

  std::map<std::pair<const FunctionDecl *, unsigned>, ObjectSummary>
      ExportedObjects;

  /// What \p Def does to the struct its parameter \p I points to; with
  /// \p Export, as this file's summary says it to other files (values
  /// other than a parameter or "no descriptor" are not known there, and
  /// what its `static` callees do is spliced in).
  const ObjectSummary &paramObject(const FunctionDecl *Def, unsigned I,
                                   bool Export, unsigned Depth = 0) {
    auto &Memo = Export ? ExportedObjects : ParamObjects;
    if (auto It = Memo.find({Def, I}); It != Memo.end())
      return It->second;
    // A parameter the function never assigns is what the caller passed.
    llvm::DenseMap<const ParmVarDecl *, bool> Untouched;
    auto Value = [&](const Expr *E) -> int {
      const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      if (const auto *PV =
              Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
          PV && PV->getDeclContext() == Def && PV->getType()->isIntegerType()) {
        auto [It, New] = Untouched.try_emplace(PV, false);
        if (New)
          It->second = writesOf(PV, Def->getBody()).empty();
        if (It->second)
          return int(PV->getFunctionScopeIndex());
      }
      if (Export)
        return constantFd(E->IgnoreParenCasts(), Ctx) == ConstantFd::None
                   ? VkNone
                   : VkOther;
      return valueKind(E);
    };
    auto Keeps = [&](const CallExpr *C, unsigned A) {
      return fieldArgKeepsMode(C, A, !Export);
    };
    auto Copy = [&](const Expr *Target, const VarDecl *Var) {
      return copyKeepsMode(Target, Var);
    };
    ObjectSummary S = summariseObject(Def->getParamDecl(I), {Def->getBody()},
                                      Value, Keeps, Copy, /*ForFacts=*/Export);
    if (Export)
      spliceLocalCallees(S, Def, I, Depth);
    return Memo[{Def, I}] = std::move(S);
  }

  /// What this file's code does to the struct the project's variable \p V
  /// holds or points to, as the file's summary says it to other files
  /// (paramObject's form for a parameter: a stored value is "no
  /// descriptor" or not known); \p Bodies are those of allBodies() that
  /// name it.
  ObjectSummary globalObject(const VarDecl *V,
                             llvm::ArrayRef<const Stmt *> Bodies) {
    auto Value = [&](const Expr *E) -> int {
      return constantFd(E->IgnoreParenCasts(), Ctx) == ConstantFd::None
                 ? VkNone
                 : VkOther;
    };
    auto Keeps = [&](const CallExpr *C, unsigned A) {
      return fieldArgKeepsMode(C, A, false);
    };
    auto Copy = [&](const Expr *Target, const VarDecl *Var) {
      return copyKeepsMode(Target, Var);
    };
    ObjectSummary S =
        summariseObject(V, Bodies, Value, Keeps, Copy, /*ForFacts=*/true);
    spliceLocalCallees(S, nullptr, 0, 0);
    return S;
  }

  /// The descriptor at \p Path of the object \p S is about gets only
  /// blocking descriptors or none (\p Created once it gets one), and no
  /// part of the object is let out of sight, on the facts of the calls the
  /// object is handed to; \p Map gives what each of the summarised
  /// function's parameters is at the call. An empty \p Path asks only
  /// that nothing escapes (a part handed on that does not hold the field:
  /// its address still reaches the whole object, `container_of`).
  bool judgeObject(const ObjectSummary &S, llvm::StringRef Path,
                   llvm::ArrayRef<int> Map, unsigned Depth, bool &Created) {
    auto Mapped = [&](int V) {
      return V >= 0 ? (unsigned(V) < Map.size() ? Map[V] : VkOther) : V;
    };
    if (!S.Escapes.empty())
      return false;
    for (const ObjectSummary::Store &St : S.Stores) {
      if (Path.empty() || St.Path != Path)
        continue;
      int K = Mapped(St.From);
      if (K == VkBlocking)
        Created = true;
      else if (K != VkNone)
        return false;
    }
    for (const ObjectSummary::Handoff &H : S.Handoffs) {
      llvm::StringRef Rest;
      if (!Path.empty() && pathHasPrefix(Path, H.Path)) {
        if (H.Path.size() >= Path.size())
          return false; // a struct handed on where an integer is (bad facts)
        Rest = H.Path.empty() ? Path : Path.drop_front(H.Path.size() + 1);
      }
      std::vector<int> Args;
      for (int A : H.Args)
        Args.push_back(Mapped(A));
      if (Depth >= MaxObjectDepth)
        return false;
      if (H.Def && H.Arg < H.Def->getNumParams()) {
        // The memo is a std::map: the entry stays where it is as it grows.
        const ObjectSummary &Sub = paramObject(H.Def, H.Arg, false);
        if (!judgeObject(Sub, Rest, Args, Depth + 1, Created))
          return false;
        continue;
      }
      if (clearsOrReleases(H.Callee))
        continue;
      // Another file's function, summarised: its entry if it stores into a
      // descriptor field or lets the struct out of sight, none if it does
      // neither. Not summarised (a library's, one taking `void *`, one the
      // merge did not see) or without the facts: not known.
      if (!Facts || !Facts->HasObjectFacts || H.System ||
          !Facts->objectParamSummarised(H.Callee, H.Arg))
        return false;
      if (const ObjectSummary *Sub = Facts->objectParam(H.Callee, H.Arg))
        if (!judgeObject(*Sub, Rest, Args, Depth + 1, Created))
          return false;
    }
    return true;
  }

  /// \p Fd is a descriptor field of the object a variable names (`ibuf->fd`,
  /// `ctl.ibuf.w.fd`): a local, a `static` variable, or one of the
  /// project's that no other file names (the facts); and the code stores
  /// in that field of that object only blocking descriptors (at least
  /// one) or none, directly or through the functions it hands the object
  /// to, and lets no part of the object that holds it out of sight.
  bool objectFieldBlocking(const Expr *Fd) {
    // C only: C++'s references, constructors, member initializers and
    // operators reach an object in ways the scan does not follow (nor do
    // Objective-C's methods or blocks).
    const LangOptions &LO = Ctx.getLangOpts();
    if (LO.CPlusPlus || LO.ObjC || LO.Blocks)
      return false;
    if (!Fd || isa<UnaryOperator>(Fd->IgnoreParenCasts()))
      return false;
    auto P = rootedPath(Fd);
    if (!P || P->Path.empty() || !P->Path.back()->getType()->isIntegerType())
      return false;
    // The merge keeps other files' stores and escapes for the project's
    // descriptor fields alone: for another field the facts say nothing
    // (nor do facts merged before they carried these).
    if (Facts && (!Facts->HasObjectFacts ||
                  !Facts->objectField(ProjectFacts::fieldKey(P->Path.back()))))
      return false;
    ObjectQuestionCut = false;
    return objectPathBlocking(P->Root, P->Path, 0);
  }

  /// objectFieldBlocking for the field at \p Fields of the object \p R
  /// names; \p Depth counts the pointer parameters climbed to get here.
  bool objectPathBlocking(const VarDecl *R,
                          llvm::ArrayRef<const FieldDecl *> Fields,
                          unsigned Depth) {
    QualType T = R->getType();
    if (!(T->isRecordType() ||
          (T->isPointerType() && T->getPointeeType()->isRecordType())))
      return false;
    std::pair<const VarDecl *, std::string> Key{R, pathText(Fields)};
    if (auto It = ObjectFieldMemo.find(Key); It != ObjectFieldMemo.end())
      return It->second;
    // A recursion's call, still open: not shown, and, as a cut by depth,
    // not an answer to keep (another order of questions may give another).
    if (!ObjectsOpen.insert(Key).second) {
      ObjectQuestionCut = true;
      return false;
    }
    bool CutBefore = ObjectQuestionCut;
    ObjectQuestionCut = false;
    const auto *PV = dyn_cast<ParmVarDecl>(R);
    bool Blocking = PV ? paramObjectBlocking(PV, Fields, Depth)
                       : variableObjectBlocking(R, Key.second);
    ObjectsOpen.erase(Key);
    if (!ObjectQuestionCut)
      ObjectFieldMemo[Key] = Blocking;
    ObjectQuestionCut |= CutBefore;
    return Blocking;
  }

  /// objectPathBlocking for a variable's object (not a parameter's).
  bool variableObjectBlocking(const VarDecl *R, llvm::StringRef Path) {
    std::vector<const Stmt *> Own;
    llvm::ArrayRef<const Stmt *> Bodies;
    // A variable other files name too: what each of them does to its
    // object, as their summaries say (openntpd's `ibuf`, which constraint.c
    // only hands to imsg_compose()).
    const ProjectFacts::FileObjects *Others = nullptr;
    if (R->isLocalVarDecl() && !R->hasExternalStorage()) {
      const auto *F =
          dyn_cast_or_null<FunctionDecl>(R->getParentFunctionOrMethod());
      if (!F || !F->getBody())
        return false;
      Own.push_back(F->getBody());
      Bodies = Own;
    } else if (!R->isExternallyVisible()) {
      Bodies = allBodies();
    } else if (Facts && R->getIdentifier()) {
      std::string Name = R->getQualifiedNameAsString();
      if (Facts->globalShared(Name) && !(Others = Facts->globalObjects(Name)))
        return false;
      Bodies = allBodies();
    } else {
      return false;
    }
    auto Found = RootObjects.find(R);
    if (Found == RootObjects.end()) {
      auto Value = [&](const Expr *E) { return valueKind(E); };
      auto Keeps = [&](const CallExpr *C, unsigned A) {
        return fieldArgKeepsMode(C, A, true);
      };
      auto Copy = [&](const Expr *Target, const VarDecl *Var) {
        return copyKeepsMode(Target, Var);
      };
      Found =
          RootObjects
              .try_emplace(R, summariseObject(R, Bodies, Value, Keeps, Copy))
              .first;
    }
    bool Created = false;
    bool Blocking = judgeObject(Found->second, Path, {}, 0, Created) && Created;
    if (Blocking && Others)
      Blocking = othersKeepObject(*Others, Path);
    return Blocking;
  }

  /// The other files that name a variable (\p Entries, one per file, this
  /// file's among them) store nothing but "no descriptor" at \p Path of
  /// its object and let no part of it out of sight. This file must be
  /// among them: facts merged without it may miss another file too.
  bool othersKeepObject(const ProjectFacts::FileObjects &Entries,
                        llvm::StringRef Path) {
    std::string Main = ProjectFacts::mainFileKey(Ctx.getSourceManager());
    bool OwnSeen = false;
    for (const auto &[File, S] : Entries) {
      if (File == Main) {
        OwnSeen = true;
        continue;
      }
      bool Created = false; // another file's value is never known blocking
      if (!judgeObject(S, Path, {}, 0, Created))
        return false;
    }
    return OwnSeen;
  }

  /// The object the pointer parameter \p PV points to holds a blocking
  /// descriptor at \p Fields: its function is one only this file calls
  /// (callersAllKnown), it never points the parameter elsewhere, and at
  /// every call the argument names an object (`&sock`, `&c->buf`, `ptr`)
  /// whose field at that path objectPathBlocking shows blocking. ncat's
  /// proxy hands `&sock`, a local filled with the accepted socket, to
  /// handle_connect(struct socket_buffer *client_sock). What the function
  /// itself does to the object is among what each caller hands it to, so
  /// the caller's judgement covers it.
  bool paramObjectBlocking(const ParmVarDecl *PV,
                           llvm::ArrayRef<const FieldDecl *> Fields,
                           unsigned Depth) {
    if (Depth >= MaxObjectParamDepth) {
      ObjectQuestionCut = true;
      return false;
    }
    if (!PV->getType()->isPointerType())
      return false;
    const auto *F = dyn_cast_or_null<FunctionDecl>(PV->getDeclContext());
    const FunctionDecl *Def = F ? F->getDefinition() : nullptr;
    if (!Def || !Def->getBody() || Def->isExternallyVisible())
      return false;
    unsigned I = PV->getFunctionScopeIndex();
    if (I >= Def->getNumParams() ||
        !writesOf(Def->getParamDecl(I), Def->getBody()).empty())
      return false;
    QualType Pointee =
        PV->getType()->getPointeeType().getCanonicalType().getUnqualifiedType();
    // By index: a walk the question starts may add calls to the list.
    for (size_t N = 0; N < CallSites[Def].size(); ++N) {
      const CallExpr *Site = CallSites[Def][N];
      if (I >= Site->getNumArgs())
        return false;
      auto A = rootedPath(Site->getArg(I));
      if (!A)
        return false;
      // The object the argument names is of the parameter's own struct
      // type: through a `void *` or another struct's pointer the same
      // field names would read other memory.
      QualType Named =
          A->Path.empty() ? A->Root->getType() : A->Path.back()->getType();
      if (Named->isPointerType() && A->Path.empty())
        Named = Named->getPointeeType();
      if (Named.getCanonicalType().getUnqualifiedType() != Pointee)
        return false;
      llvm::SmallVector<const FieldDecl *, 6> Full(A->Path.begin(),
                                                   A->Path.end());
      Full.append(Fields.begin(), Fields.end());
      if (!objectPathBlocking(A->Root, Full, Depth + 1))
        return false;
    }
    // Last, once the calls in view all pass: its scan of the TU's names is
    // the costliest step, and most questions end before it.
    return callersAllKnown(Def);
  }

  /// \p Cond, taken the way \p WhenTrue says, tells that \p K holds no
  /// descriptor: `fd < 0`, `fd == -1`, `fd <= -1` when true, `fd >= 0`,
  /// `fd != -1`, `fd > -1` when false (either side).
  bool invalidOnBranch(const FdKey &K, const Expr *Cond, bool WhenTrue) {
    const auto *B = dyn_cast_or_null<BinaryOperator>(
        Cond ? Cond->IgnoreParenImpCasts() : nullptr);
    if (!B || !B->isComparisonOp())
      return false;
    BinaryOperatorKind Op = B->getOpcode();
    const Expr *Fd = B->getLHS(), *Lit = B->getRHS();
    if (!keyOf(Fd).valid() || keyOf(Fd).tuple() != K.tuple()) {
      std::swap(Fd, Lit);
      Op = BinaryOperator::reverseComparisonOp(Op);
    }
    if (keyOf(Fd).tuple() != K.tuple())
      return false;
    Expr::EvalResult R;
    if (Lit->isValueDependent() || !Lit->EvaluateAsInt(R, Ctx))
      return false;
    int64_t V = R.Val.getInt().getSExtValue();
    // The comparison's outcome that says "no descriptor".
    std::optional<bool> Says;
    if ((Op == BO_LT && V == 0) || (Op == BO_EQ && V == -1) ||
        (Op == BO_LE && V == -1))
      Says = true;
    else if ((Op == BO_GE && V == 0) || (Op == BO_NE && V == -1) ||
             (Op == BO_GT && V == -1))
      Says = false;
    return Says && *Says == WhenTrue;
  }

  std::optional<NonBlockingOrigin> tuWideNonBlocking(const FdKey &K) {
    auto It = TuWideMemo.find(K);
    if (It != TuWideMemo.end())
      return It->second;
    if (!TuWideInProgress.insert(K).second)
      return std::nullopt;
    // Every function that touches the key must have its wrapper calls
    // expanded before we look.
    expandAll();
    std::optional<NonBlockingOrigin> Result;
    const std::vector<Event> Evs = eventsFor(K);
    // A function that makes the descriptor non-blocking and then blocking
    // again on every path to its exit (`open(p, O_RDONLY | O_NONBLOCK)`,
    // then `fcntl(fd, F_SETFL, O_RDONLY)`) leaves it blocking. Only a
    // function's own clears count (not one a parameter picks), and without
    // a CFG none does (may).
    llvm::DenseMap<const FunctionDecl *, std::vector<const Stmt *>> Clears,
        EventStmts;
    for (const Event &C : Evs) {
      if (!C.Fn || !C.S)
        continue;
      std::vector<const Stmt *> &Mine = EventStmts[C.Fn];
      if (!llvm::is_contained(Mine, C.S))
        Mine.push_back(C.S);
      if (C.Kind == EvKind::Clear && !C.G.Param)
        Clears[C.Fn].push_back(C.S);
    }
    // A function that puts back the flags it read before changing them
    // (nuttcp's abort notice: save, set O_NONBLOCK, send the urgent byte,
    // put the saved flags back) leaves the descriptor as it found it: its
    // restores count as clears here (flagRestores()).
    std::map<const FunctionDecl *, FlagRestores> Restores;
    auto RestoresIn = [&](const FunctionDecl *Fn) -> const FlagRestores & {
      auto [It, New] = Restores.try_emplace(Fn);
      if (New)
        It->second = flagRestores(Fn, K, EventStmts[Fn], /*AlwaysEdges=*/false);
      return It->second;
    };
    auto ClearedLater = [&](const Event &E) {
      if (E.G.Param || !E.S || !E.Fn)
        return false;
      auto It = Clears.find(E.Fn);
      const FlagRestores &R = RestoresIn(E.Fn);
      std::vector<const Stmt *> Defs{E.S};
      if (It != Clears.end())
        llvm::append_range(Defs, It->second);
      for (const FlagRestores::Restore &Re : R.Restores)
        if (Re.entryOnly())
          Defs.push_back(Re.Call);
      if (Defs.size() == 1)
        return false;
      // A branch taken when the descriptor is invalid (`if (fd < 0)
      // return;` after the open) holds no descriptor to leave behind, nor
      // does one on which a call on it failed.
      auto Invalid = [&](const CFGBlock &B, unsigned Succ) {
        return R.Failed.contains({B.getBlockID(), Succ}) ||
               invalidOnBranch(
                   K, dyn_cast_or_null<Expr>(B.getTerminatorCondition()),
                   Succ == 0);
      };
      FunctionCfgs::LastOnPaths Last(Cfgs, E.Fn, Defs, Invalid);
      llvm::SmallVector<unsigned, 2> AtExit;
      bool FromEntry = false;
      return Last.atExit(AtExit, FromEntry) && !llvm::is_contained(AtExit, 0u);
    };
    for (const Event &Ev : Evs) {
      const Event *E = &Ev;
      if (E->Kind == EvKind::Clear || ClearedLater(*E))
        continue;
      // A field holds the same descriptor after the store: what the
      // function does to the stored value later counts too
      // (`s->sock = sock; set_nonblocking(sock);`).
      if (E->Kind == EvKind::Copy && E->Fn && E->Fn->getBody()) {
        // What the function leaves in the field, but for what it does only
        // when a parameter asks (`if (nonblock) fcntl(...)` before `c->sock
        // = sock`): which objects its callers ask it for, the field's one
        // key for every object cannot tell (memcached's test client makes
        // one connection non-blocking and reads all the others).
        llvm::SaveAndRestore Skip(SkipParamGuarded, true);
        Result = exprNonBlocking(E->Src, E->Fn, /*At=*/nullptr);
        if (!Result)
          Result = storedFromCallers(*E);
      } else
        Result = resolve(*E);
      if (Result)
        break;
    }
    // A field no code of this TU makes non-blocking, that another file's
    // code does (the facts): the same descriptor in every file.
    if (!Result && K.Kind == FdKey::Field && Facts)
      if (const auto *FD = dyn_cast_or_null<FieldDecl>(K.D)) {
        auto It = Facts->NonBlockingFields.find(ProjectFacts::fieldKey(FD));
        if (It != Facts->NonBlockingFields.end())
          Result = NonBlockingOrigin{
              FD->getLocation(), "'" + FD->getName().str() +
                                     "' is given a non-blocking descriptor "
                                     "in " +
                                     It->second + " (from the project's facts)"};
      }
    TuWideInProgress.erase(K);
    return TuWideMemo[K] = Result;
  }

  /// \p E stores, as it came, a parameter of a function that other files
  /// may call too (dhcpcd's `control_new(ctx, fd, flags)` does `l->fd =
  /// fd`), and every call of it in this file passes a descriptor made
  /// non-blocking: the field is given one here (the first call's origin).
  /// Not when some call of the file passes another: which objects get
  /// which, the field's one key cannot tell (a test client that makes one
  /// connection of many non-blocking).
  std::optional<NonBlockingOrigin> storedFromCallers(const Event &E) {
    const auto *DRE =
        E.Src ? dyn_cast<DeclRefExpr>(E.Src->IgnoreParenImpCasts()) : nullptr;
    const auto *PV = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    const FunctionDecl *Def = E.Fn ? E.Fn->getDefinition() : nullptr;
    if (!PV || !Def || PV->getDeclContext() != Def || !Def->getBody() ||
        !writesOf(PV, Def->getBody()).empty())
      return std::nullopt;
    return everyCallSitePasses(Def, PV->getFunctionScopeIndex());
  }

  /// Every call of \p Def the TU has seen passes a non-blocking descriptor
  /// as argument \p Idx: the first call's origin. None when there is no
  /// such call.
  std::optional<NonBlockingOrigin> everyCallSitePasses(const FunctionDecl *Def,
                                                       unsigned Idx) {
    std::optional<NonBlockingOrigin> First;
    // By index, looked up afresh each time: judging an argument may walk a
    // function for the first time (a generic lambda's instantiation), which
    // files more call sites, to be judged too, and may move the vector.
    for (size_t I = 0; I < CallSites[Def].size(); ++I) {
      const CallExpr *C = CallSites[Def][I];
      if (Idx >= C->getNumArgs())
        return std::nullopt;
      auto O = exprNonBlocking(C->getArg(Idx), Owner.lookup(C), C);
      if (!O)
        return std::nullopt;
      if (!First)
        First = O;
    }
    return First;
  }

  /// The project's facts on parameter \p Idx of \p Def, a function other
  /// files call: every call in the project passes a non-blocking descriptor
  /// there (and which). Null without facts or without such an entry.
  const ProjectFacts::ReachedParam *reachedParam(const FunctionDecl *Def,
                                                 unsigned Idx) const {
    if (!Facts || !Def->isExternallyVisible() || !Def->getIdentifier())
      return nullptr;
    auto It = Facts->NonBlockingParams.find(Def->getQualifiedNameAsString() +
                                            ":" + std::to_string(Idx));
    return It == Facts->NonBlockingParams.end() ? nullptr : &It->second;
  }

  /// A parameter of a function whose every call in the TU passes a
  /// non-blocking descriptor: the direct calls, and the event loop's calls
  /// of a registered handler, which pass the registered descriptor to the
  /// parameter that receives it. A handler may be visible to other files:
  /// the loop, not they, calls it.
  std::optional<NonBlockingOrigin> paramNonBlocking(const ParmVarDecl *P,
                                                    const FunctionDecl *Fn) {
    auto It = ParamMemo.find(P);
    if (It != ParamMemo.end())
      return It->second;
    ParamMemo[P] = std::nullopt;
    if (!Fn || !P->getType()->isIntegerType())
      return std::nullopt;
    const FunctionDecl *Def = Fn->getDefinition();
    if (!Def)
      return std::nullopt;
    unsigned Idx = P->getFunctionScopeIndex();
    std::optional<NonBlockingOrigin> First;
    if (llvm::ArrayRef<HandlerRegistration> Regs = Handlers.of(Def);
        !Regs.empty()) {
      for (const HandlerRegistration &R : Regs) {
        if (R.FdParam != Idx)
          return std::nullopt; // the loop passes something else here
        auto O = exprNonBlocking(R.Fd, Owner.lookup(R.Call), R.Call);
        if (!O)
          return std::nullopt;
        if (!First)
          First = O;
      }
      // Every direct call too, whatever the walk made of it (the project's
      // facts may take the handler for a setter of this parameter).
      for (const CallExpr *C : Handlers.directCallsOf(Def)) {
        if (Idx >= C->getNumArgs())
          return std::nullopt;
        if (!exprNonBlocking(C->getArg(Idx), Owner.lookup(C), C))
          return std::nullopt;
      }
      return ParamMemo[P] = First;
    }
    // A function other files call: the project's facts know whether every
    // call in the project passes a non-blocking descriptor here.
    if (Def->isExternallyVisible()) {
      const ProjectFacts::ReachedParam *R = reachedParam(Def, Idx);
      if (!R)
        return std::nullopt;
      return ParamMemo[P] = NonBlockingOrigin{
                 P->getLocation(),
                 "every call of '" + Def->getName().str() +
                     "' in the project passes '" + P->getName().str() +
                     "' a non-blocking descriptor: made so in " + R->MadeAt +
                     ", passed in " + R->PassedAt +
                     " (from the project's facts)"};
    }
    return ParamMemo[P] = everyCallSitePasses(Def, Idx);
  }
};

//===----------------------------------------------------------------------===//
// Public interface
//===----------------------------------------------------------------------===//

NonBlockingFdAnalysis::NonBlockingFdAnalysis(ASTContext &Ctx,
                                             const NbioConfig &Cfg)
    : Ctx(Ctx), Classifiers(splitList(Cfg.WouldBlockHelpers)),
      Cfgs(Ctx, Parents),
      Handlers(*this), Readiness(*this), Sessions(*this),
      P(std::make_unique<Impl>(Ctx, Cfg, Cfgs, Handlers)) {}

NonBlockingFdAnalysis::~NonBlockingFdAnalysis() = default;

std::shared_ptr<NonBlockingFdAnalysis>
NonBlockingFdAnalysis::get(ASTContext &Ctx, const NbioConfig &Cfg) {
  // One analysis per (AST, configuration), alive while any check holds it.
  return sharedPerKey<NonBlockingFdAnalysis>(
      std::make_pair(static_cast<const ASTContext *>(&Ctx), Cfg.key()),
      [&] { return std::make_shared<NonBlockingFdAnalysis>(Ctx, Cfg); });
}

std::optional<NonBlockingOrigin>
NonBlockingFdAnalysis::nonBlockingAt(const Expr *Fd, const Stmt *At,
                                     const FunctionDecl *Fn) {
  P->collect();
  const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
  std::optional<NonBlockingOrigin> O = P->exprNonBlocking(Fd, Def, At);
  if (O && (shownRegularFileAt(Fd, At, Def) ||
            (Def && clearedByHandleHelper(Fd, At, Def)) ||
            P->objectFieldBlocking(Fd)))
    return std::nullopt;
  return O;
}

static llvm::SmallVector<VarWrite, 4> writesOf(const VarDecl *V,
                                               const Stmt *Body) {
  llvm::SmallVector<VarWrite, 4> Out;
  const Decl *Canon = V->getCanonicalDecl();
  findStmt(Body, [&](const Stmt *S) {
    const Expr *Target = nullptr;
    bool Address = false;
    if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isAssignmentOp())
      Target = B->getLHS();
    else if (const auto *U = dyn_cast<UnaryOperator>(S);
             U &&
             (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)) {
      Target = U->getSubExpr();
      Address = U->getOpcode() == UO_AddrOf;
    }
    const auto *T =
        Target ? dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()) : nullptr;
    if (T && T->getDecl()->getCanonicalDecl() == Canon)
      Out.push_back({S, Address});
    return false;
  });
  return Out;
}

/// The variable whose `st_mode` \p E tests with S_ISREG (`S_ISREG(st.st_mode)`
/// or a project macro over it), and whether the test is negated (`!` any
/// number of times); none for any other expression.
static std::optional<std::pair<const VarDecl *, bool>>
regularFileTest(const Expr *E, const ASTContext &Ctx) {
  bool Negated = false;
  while (true) {
    E = E->IgnoreParenImpCasts();
    const auto *U = dyn_cast<UnaryOperator>(E);
    if (!U || U->getOpcode() != UO_LNot)
      break;
    Negated = !Negated;
    E = U->getSubExpr();
  }
  if (!E->getBeginLoc().isMacroID() ||
      !llvm::is_contained(macroChain(E->getBeginLoc(), Ctx), "S_ISREG"))
    return std::nullopt;
  // The expansion compares `(mode) & S_IFMT` with S_IFREG: the mode is the
  // one field read in it.
  const auto *Mode =
      dyn_cast_or_null<MemberExpr>(findStmt(E, [](const Stmt *S) {
        const auto *ME = dyn_cast<MemberExpr>(S);
        return ME && ME->getMemberDecl()->getName() == "st_mode";
      }));
  const auto *Base =
      Mode ? dyn_cast<DeclRefExpr>(Mode->getBase()->IgnoreParenImpCasts())
           : nullptr;
  const auto *St = Base ? dyn_cast<VarDecl>(Base->getDecl()) : nullptr;
  if (!St || Mode->isArrow())
    return std::nullopt;
  return std::make_pair(St->getCanonicalDecl(), Negated);
}

bool NonBlockingFdAnalysis::shownRegularFileAt(const Expr *Fd, const Stmt *At,
                                               const FunctionDecl *Fn) {
  FdKey K = keyOf(Fd);
  const auto *Var = dyn_cast_or_null<VarDecl>(K.D);
  if (!Fn || K.Kind != FdKey::Var || !Var || !Var->isLocalVarDeclOrParm())
    return false;
  // The fstat() calls on the descriptor, by the stat buffer they fill.
  auto [Memo, New] = P->FstatCalls.try_emplace(Fn);
  if (New)
    for (const CallExpr *C : callsIn(Fn))
      if (StringRef Name = globalCalleeName(C);
          (Name == "fstat" || Name == "fstat64") && C->getNumArgs() == 2)
        Memo->second.push_back(C);
  llvm::DenseMap<const VarDecl *, const CallExpr *> Stats;
  for (const CallExpr *C : Memo->second) {
    if (keyOf(C->getArg(0)).tuple() != K.tuple())
      continue;
    const Expr *Addressed = addressedBy(C->getArg(1));
    const auto *Buf =
        Addressed ? dyn_cast<DeclRefExpr>(Addressed->IgnoreParenImpCasts())
                  : nullptr;
    if (const auto *St = Buf ? dyn_cast<VarDecl>(Buf->getDecl()) : nullptr)
      Stats.try_emplace(St->getCanonicalDecl(), C);
  }
  if (Stats.empty())
    return false;
  // The descriptor stays the one fstat() looked at: on every path of the
  // CFG to the call, the last of those calls and of the stores to the
  // variable (or takings of its address) is an fstat(). A store that only
  // comes before every fstat() in the loop that runs them all is no
  // obstacle; a path from the entry with neither is left to the test below.
  llvm::SmallVector<const Stmt *, 8> Defs;
  for (const auto &[St, Call] : Stats)
    Defs.push_back(Call);
  const size_t StatDefs = Defs.size();
  for (const VarWrite &W : writesOf(Var, Fn->getBody()))
    Defs.push_back(W.S);
  FunctionCfgs::LastOnPaths Last(Cfgs, Fn, Defs);
  llvm::SmallVector<unsigned, 4> LastDefs;
  bool FromEntry = false;
  if (!Last.valid() || !Last.at(At, LastDefs, FromEntry) ||
      llvm::any_of(LastDefs, [&](unsigned I) { return I >= StatDefs; }))
    return false;
  // Backwards from the call's block: each path must leave a block that
  // branches on S_ISREG of one of those buffers by its "regular" side
  // before it reaches the entry. The CFG splits `&&` and `||`, so the
  // value a two-way block branches on is its last element.
  const FunctionCfgs::Cfg *C = Cfgs.of(Fn);
  std::optional<FunctionCfgs::Cfg::Place> AtPlace =
      C ? C->place(At) : std::nullopt;
  if (!AtPlace)
    return false;
  auto RegularSide = [&](const CFGBlock *B) -> const CFGBlock * {
    if (B->succ_size() != 2 || !B->getTerminatorStmt() || B->empty())
      return nullptr;
    auto Last = B->back().getAs<CFGStmt>();
    const auto *E = Last ? dyn_cast<Expr>(Last->getStmt()) : nullptr;
    auto Test = E ? regularFileTest(E, Ctx) : std::nullopt;
    // The buffer's fstat() runs on every path to the test.
    if (!Test || !Stats.count(Test->first) ||
        !Cfgs.dominates(Fn, Stats.lookup(Test->first), E))
      return nullptr;
    return *(B->succ_begin() + (Test->second ? 1 : 0));
  };
  const CFGBlock *Entry = &C->G->getEntry();
  llvm::BitVector Seen(C->G->getNumBlockIDs());
  llvm::SmallVector<const CFGBlock *, 16> Work{C->Blocks[AtPlace->Block]};
  Seen.set(AtPlace->Block);
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    if (B == Entry)
      return false;
    for (const CFGBlock *Pred : B->preds()) {
      if (!Pred || RegularSide(Pred) == B)
        continue;
      if (!Seen.test(Pred->getBlockID())) {
        Seen.set(Pred->getBlockID());
        Work.push_back(Pred);
      }
    }
  }
  return true;
}

bool NonBlockingFdAnalysis::madeBlockingAt(const Expr *Fd, const Stmt *At,
                                           const FunctionDecl *Fn) {
  P->collect();
  const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
  FdKey K = keyOf(Fd);
  if (!Def || !K.valid())
    return false;
  // Every path comes through an event, and each path's last one makes the
  // descriptor blocking, whatever the function's own arguments say. A
  // field is one descriptor for the whole TU: made blocking through it or
  // through the one field it is filled from (`fd_set_block(s->c->fd); ...
  // recv(res->fd, ...)` where every `res.fd` is a copy of a `c->fd`).
  if (K.isTuWide() && K.Kind != FdKey::Field)
    return false;
  P->expandPendingIn(Def);
  return P->clearedOnEveryPath(K, Def, At) ||
         P->clearedThroughSourceField(K, Def, At) ||
         clearedByHandleHelper(Fd, At, Def) ||
         P->clearedInEveryCaller(K, Def, At);
}

bool NonBlockingFdAnalysis::blockedHereAt(const Expr *Fd, const Stmt *At,
                                          const FunctionDecl *Fn) {
  P->collect();
  const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
  FdKey K = keyOf(Fd);
  if (!Def || !K.valid())
    return false;
  // The variable the descriptor is named through: itself, or the base of
  // `v->fd` / `v.fd`.
  auto BaseVar = [](const Expr *E) -> const Decl * {
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase()->IgnoreParenImpCasts();
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return V && V->isLocalVarDeclOrParm() ? V->getCanonicalDecl() : nullptr;
  };
  const Decl *Base = BaseVar(Fd);
  if (!Base || (K.Kind != FdKey::Var && K.Kind != FdKey::Field))
    return false;
  P->expandPendingIn(Def);
  return P->clearedOnEveryPath(K, Def, At, [&](const Event &E) {
    return E.Target && BaseVar(E.Target) == Base;
  });
}

bool NonBlockingFdAnalysis::clearedByHandleHelper(const Expr *Fd,
                                                  const Stmt *At,
                                                  const FunctionDecl *Def) {
  const auto *ME = dyn_cast<MemberExpr>(Fd->IgnoreParenCasts());
  const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  const auto *BaseRef =
      ME ? dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts())
         : nullptr;
  const auto *V = BaseRef ? dyn_cast<VarDecl>(BaseRef->getDecl()) : nullptr;
  if (!Field || !V || !V->isLocalVarDeclOrParm() || !Def->hasBody())
    return false;
  // Asked for the same call by madeBlockingAt and nonBlockingAt, and by
  // each check: the CFG pass below runs once per descriptor and call.
  auto [Memo, New] = P->HandleClears.try_emplace({Fd, At}, false);
  if (!New)
    return Memo->second;
  // `v.fd` of a struct variable: the helper is given `&v` (or `v`, by
  // reference); `p->fd` or `r.fd` of a reference: `p`, `r`.
  const bool ByAddress = !ME->isArrow() && !V->getType()->isReferenceType();
  const Decl *Obj = V->getCanonicalDecl();
  auto SameObject = [&](const Expr *Arg, const ParmVarDecl *Param) {
    Arg = Arg->IgnoreParenCasts();
    if (ByAddress && !Param->getType()->isReferenceType()) {
      const Expr *Operand = addressedBy(Arg);
      if (!Operand)
        return false;
      Arg = Operand->IgnoreParenCasts();
    }
    const auto *R = dyn_cast<DeclRefExpr>(Arg);
    return R && R->getDecl()->getCanonicalDecl() == Obj;
  };
  const Decl *F = Field->getCanonicalDecl();
  llvm::SmallVector<const Stmt *, 8> Clears, Others;
  for (const CallExpr *C : callsIn(Def)) {
    const FunctionDecl *Callee = C->getDirectCallee();
    const FunctionDecl *CDef = Callee ? Callee->getDefinition() : nullptr;
    if (!CDef || CDef == Def)
      continue;
    bool Clear = false, Set = false;
    for (const FieldEffect &E : P->fieldEffects(CDef))
      if (E.Field == F && E.Param < C->getNumArgs() &&
          E.Param < CDef->getNumParams() &&
          SameObject(C->getArg(E.Param), CDef->getParamDecl(E.Param)))
        (E.Set ? Set : Clear) = true;
    if (Set)
      Others.push_back(C);
    else if (Clear)
      Clears.push_back(C);
  }
  if (Clears.empty())
    return false;
  // What undoes it: a store to the variable (another object; taking its
  // address for one of those calls is not one), and this function's own
  // events on the field, a store to it or a non-blocking mode included.
  auto ArgOfClear = [&](const Stmt *S) {
    return llvm::any_of(Clears, [&](const Stmt *C) {
      return llvm::any_of(cast<CallExpr>(C)->arguments(), [&](const Expr *A) {
        return A->IgnoreParenCasts() == S;
      });
    });
  };
  for (const VarWrite &W : writesOf(V, Def->getBody()))
    if (!W.Address || !ArgOfClear(W.S))
      Others.push_back(W.S);
  for (const Event &E : P->eventsFor(keyOf(Fd)))
    if (E.Fn == Def && E.S && E.Kind != EvKind::Clear)
      Others.push_back(E.S);
  // On every path from the entry to the call, the last of them is one of
  // the helper calls.
  const size_t NClears = Clears.size();
  llvm::SmallVector<const Stmt *, 8> Defs(Clears);
  Defs.append(Others.begin(), Others.end());
  FunctionCfgs::LastOnPaths Last(Cfgs, Def, Defs);
  llvm::SmallVector<unsigned, 4> LastDefs;
  bool FromEntry = false;
  return P->HandleClears[{Fd, At}] =
             Last.valid() && Last.at(At, LastDefs, FromEntry) && !FromEntry &&
             !LastDefs.empty() &&
             llvm::all_of(LastDefs, [&](unsigned I) { return I < NClears; });
}

bool NonBlockingFdAnalysis::nonBlockingForCallAlone(const CallExpr *Call,
                                                    const Expr *Fd,
                                                    const FunctionDecl *Fn) {
  auto DefAndKey = P->keyIn(Fd, Fn);
  return DefAndKey &&
         P->nonBlockingForCallAlone(DefAndKey->second, DefAndKey->first, Call);
}

bool NonBlockingFdAnalysis::setsModeBy(const CallExpr *C, const Expr *Fd,
                                       const FunctionDecl *Fn) {
  auto DefAndKey = P->keyIn(Fd, Fn);
  return DefAndKey &&
         llvm::any_of(P->eventsFor(DefAndKey->second), [&](const Event &E) {
           return E.S == C && E.Kind != EvKind::Copy;
         });
}

std::optional<NonBlockingOrigin> NonBlockingFdAnalysis::ioCallIsNonBlocking(
    const CallExpr *Call, const IoCallInfo &Info, const FunctionDecl *Fn,
    const Expr *Fd) {
  if (Info.FlagsArg >= 0 && unsigned(Info.FlagsArg) < Call->getNumArgs() &&
      mentionsName(Call->getArg(Info.FlagsArg), "MSG_DONTWAIT", Ctx))
    return NonBlockingOrigin{Call->getArg(Info.FlagsArg)->getBeginLoc(),
                             "'MSG_DONTWAIT' makes this call non-blocking"};
  if (Info.Family == IoFamily::Ssl || Info.Family == IoFamily::Code)
    return std::nullopt; // a session object, not a descriptor
  return nonBlockingAt(Fd ? Fd : Call->getArg(Info.FdArg), Call, Fn);
}

const FunctionDecl *
NonBlockingFdAnalysis::enclosingFunction(const CallExpr *Call) {
  P->collect();
  const FunctionDecl *Fn = P->Owner.lookup(Call);
  // The walk skips template instantiations, but a wrapper's summary may walk
  // one: its calls belong to the template's own code, judged there. (Asking
  // the matcher for `unless(isInTemplateInstantiation())` would build the
  // whole TU's parent map; a traversal kind that skips instantiations costs
  // a little on every node.)
  if (Fn && Fn->getTemplateInstantiationPattern())
    return nullptr;
  return Fn;
}

/// Sorts \p Items by where \p LocOf places them in the translation unit;
/// ties keep their order. Each location is decomposed once: most pairs lie
/// in one file, where comparing offsets is what
/// SourceManager::isBeforeInTranslationUnit would do (and decomposing both
/// locations at every comparison was most of the sort's cost).
template <typename T, typename LocFn>
static void sortInSourceOrder(std::vector<T> &Items, const SourceManager &SM,
                              LocFn LocOf) {
  struct Key {
    SourceLocation Loc;
    FileID File; ///< invalid for a macro location
    unsigned Offset;
    unsigned Index;
  };
  std::vector<Key> Keys;
  Keys.reserve(Items.size());
  for (unsigned I = 0; I < Items.size(); ++I) {
    Key K{LocOf(Items[I]), FileID(), 0, I};
    if (K.Loc.isFileID())
      std::tie(K.File, K.Offset) = SM.getDecomposedLoc(K.Loc);
    Keys.push_back(K);
  }
  llvm::sort(Keys, [&](const Key &A, const Key &B) {
    if (A.Loc == B.Loc)
      return A.Index < B.Index;
    if (A.File.isValid() && A.File == B.File)
      return A.Offset < B.Offset;
    return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
  });
  std::vector<T> Sorted;
  Sorted.reserve(Items.size());
  for (const Key &K : Keys)
    Sorted.push_back(Items[K.Index]);
  Items = std::move(Sorted);
}

/// The calls that \p Index (CallsByFn or CallSites) files under \p Fn's
/// definition, or null.
static std::vector<const CallExpr *> *callsFiledUnder(
    const FunctionDecl *Fn,
    llvm::DenseMap<const FunctionDecl *, std::vector<const CallExpr *>>
        &Index) {
  if (!Fn)
    return nullptr;
  const FunctionDecl *Def = Fn->getDefinition() ? Fn->getDefinition() : Fn;
  auto It = Index.find(Def);
  return It == Index.end() ? nullptr : &It->second;
}

llvm::ArrayRef<const CallExpr *>
NonBlockingFdAnalysis::callsIn(const FunctionDecl *Fn) {
  P->collect();
  std::vector<const CallExpr *> *Calls = callsFiledUnder(Fn, P->CallsByFn);
  if (!Calls)
    return {};
  // Every candidate call asks for its function's calls: sort them once.
  if (P->SortedCalls.insert(Fn->getDefinition() ? Fn->getDefinition() : Fn)
          .second) {
    // Ties (calls from one macro expansion) keep their walk order.
    const SourceManager &SM = Ctx.getSourceManager();
    sortInSourceOrder(*Calls, SM, [&](const CallExpr *C) {
      return SM.getExpansionLoc(C->getBeginLoc());
    });
  }
  return *Calls;
}

llvm::ArrayRef<const CallExpr *>
NonBlockingFdAnalysis::callSitesOf(const FunctionDecl *Fn) {
  P->collect();
  if (std::vector<const CallExpr *> *Sites = callsFiledUnder(Fn, P->CallSites))
    return *Sites;
  return {};
}

/// Library calls that make a descriptor which is never a socket: a file,
/// FIFO or device opened by path, a pipe's end, a pseudo-terminal, and
/// Linux's event, timer, signal, inotify, fanotify, memfd, epoll and pidfd
/// descriptors.
static bool createsNonSocket(llvm::StringRef N) {
  return llvm::is_contained(
      {"open",          "open64",         "openat",       "openat64",
       "creat",         "creat64",        "pipe",         "pipe2",
       "eventfd",       "timerfd_create", "signalfd",     "inotify_init",
       "inotify_init1", "fanotify_init",  "memfd_create", "epoll_create",
       "epoll_create1", "pidfd_open",     "posix_openpt", "getpt",
       "openpty",       "forkpty"},
      N);
}

/// Library calls that make a descriptor and need no following: what they
/// return is a new descriptor of their kind (openpty() and forkpty() return
/// a status and a process id: their descriptors come through pointers).
static bool createsDescriptor(llvm::StringRef N) {
  return N == "socket" || N == "accept" || N == "accept4" ||
         (createsNonSocket(N) && !ptyFillArgs(N));
}

bool NonBlockingFdAnalysis::creators(const Expr *Fd, const Stmt *At,
                                     const FunctionDecl *Fn,
                                     llvm::SmallVectorImpl<Creator> &Out) {
  P->collect();
  const FunctionDecl *TopDef = Fn ? Fn->getDefinition() : nullptr;
  // The use's own values: those assigned where some path of the function's
  // CFG goes on to the use (before it, or in a loop around it). A
  // statement the CFG did not place counts.
  auto CanReach = [&](const Stmt *S) {
    return !TopDef || !S || Cfgs.mayReach(TopDef, S, At);
  };
  // Keys still to look at, each with the function whose local it is and
  // the calls whose returns led there (Via); only the use's own key is
  // limited to the values that reach the use (the others: every value they
  // take).
  using Calls = llvm::SmallVector<const CallExpr *, 2>;
  struct Item {
    FdKey K;
    const FunctionDecl *Def;
    unsigned Depth;
    Calls Via;
    bool IsTop = false; ///< the use's own descriptor
  };
  llvm::SmallVector<Item, 8> Work;
  std::set<std::tuple<FdKey, const FunctionDecl *, std::vector<const CallExpr *>>>
      Seen;
  std::function<bool(const Expr *, const FunctionDecl *, unsigned,
                     const Calls &)>
      Source = [&](const Expr *E, const FunctionDecl *Where, unsigned Depth,
                   const Calls &Via) -> bool {
    // The -1 sentinel holds no descriptor; a standard stream
    // (STDIN_FILENO) holds one whose kind the file cannot know.
    if (ConstantFd K = constantFd(E, Ctx); K != ConstantFd::NotConstant)
      return K == ConstantFd::None;
    E = E->IgnoreParenCasts();
    if (Depth > MaxValueDepth)
      return false;
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      llvm::StringRef N = globalCalleeName(C);
      if (createsDescriptor(N) && (N != "socket" || C->getNumArgs() >= 2)) {
        Out.push_back({C, Via});
        return true;
      }
      // dup(), dup2() and dup3() give another number for the same open
      // file: a socket of the same type, the same pipe (mosh's copy
      // constructor, `fd_(dup(other.fd_))`). A copy of a number (`dup(0)`:
      // stdin, a socket under inetd) is of any kind.
      if ((N == "dup" || N == "dup2" || N == "dup3") && C->getNumArgs() >= 1)
        return constantFd(C->getArg(0), Ctx) == ConstantFd::NotConstant &&
               Source(C->getArg(0), Where, Depth + 1, Via);
      // A function of the TU: what each of its returns gives, in the
      // context of this call (its parameters are this call's arguments).
      const FunctionDecl *Callee = C->getDirectCallee();
      const FunctionDecl *CDef = Callee ? Callee->getDefinition() : nullptr;
      // Another file's function that returns a descriptor it made (the
      // facts): the call is the creator the predicate is asked about.
      if (!CDef && Callee &&
          (P->returnedByAnotherFile(Callee) || P->flagReturnElsewhere(Callee) ||
           P->returnsNonSocketElsewhere(C) ||
           (P->OtherFilesCreate && P->otherFileFunction(C)))) {
        Out.push_back({C, Via});
        return true;
      }
      if (!CDef || !CDef->getBody())
        return false;
      P->walkFunction(CDef);
      Calls Inner = Via;
      Inner.push_back(C);
      std::vector<const ReturnStmt *> Returns = P->Returns.lookup(CDef);
      for (const ReturnStmt *R : Returns)
        if (!Source(R->getRetValue(), CDef, Depth + 1, Inner))
          return false;
      return !Returns.empty();
    }
    FdKey K = keyOf(E);
    if (!K.valid() || K.Kind == FdKey::Number)
      return false;
    Work.push_back({K, Where, Depth + 1, K.isTuWide() ? Calls() : Via});
    return true;
  };
  // The descriptor itself, or a call that gives it (a function's returned
  // `open_ip(SOCK_DGRAM)`, asked about by a summary).
  unsigned FromFacts = 0;
  FdKey Top = keyOf(Fd);
  if (Top.valid())
    Work.push_back({Top, TopDef, 0, {}, true});
  else if (!isa<CallExpr>(Fd->IgnoreParenCasts()) ||
           !Source(Fd, TopDef, 0, {}))
    return false;
  while (!Work.empty()) {
    Item I = Work.pop_back_val();
    if (I.Depth > MaxValueDepth)
      return false;
    if (!Seen.insert({I.K, I.K.isTuWide() ? nullptr : I.Def,
                      std::vector<const CallExpr *>(I.Via.begin(),
                                                    I.Via.end())})
             .second)
      continue;
    // A struct field the project's facts say holds only descriptors that
    // are never sockets, while isNeverSocket asks (`int fd = d->helperfd;`):
    // every file's values are known to be such, this file's included.
    if (I.K.Kind == FdKey::Field && P->NonSocketFieldsCreate &&
        P->Facts->fieldNonSocket(
            ProjectFacts::fieldKey(cast<FieldDecl>(I.K.D)))) {
      ++FromFacts;
      continue;
    }
    // An element of an array that socketpair() fills. An element of a
    // struct field's array, or of a file's own (static) array, that no
    // call fills may hold what the TU stores in it (libev's loop keeps the
    // wake-up channel in `loop->evpipe[1] = fds[1]`), as a field does,
    // when the TU names the array only element by element; any other
    // array (a local, a parameter's, a global other files see, one whose
    // address goes to memcpy() or a pointer) needs a filler.
    bool ElemFilled = false;
    if (I.K.Kind == FdKey::Elem) {
      size_t Before = Out.size();
      P->forEachArrayFiller(I.K.D,
                            [&](const CallExpr *C, const CallExpr *Through) {
                              Calls Via = I.Via;
                              if (Through)
                                Via.push_back(Through);
                              Out.push_back({C, Via});
                            });
      ElemFilled = Out.size() != Before;
      const auto *Global = dyn_cast_or_null<VarDecl>(I.K.D);
      // A constant index: the stores at another index are not this
      // element's, and those at a run-time index may be.
      bool OwnArray = I.K.Index >= 0 &&
                      (isa_and_nonnull<FieldDecl>(I.K.D) ||
                       (Global && Global->hasGlobalStorage() &&
                        !Global->isExternallyVisible())) &&
                      P->onlyElementsNamed(I.K.D);
      if (!ElemFilled && !OwnArray)
        return false;
    }
    // A parameter's first value: in the context of a call (its returns
    // being followed), that call's argument; otherwise what every call
    // passes, when the TU sees every call.
    if (const auto *PV = dyn_cast_or_null<ParmVarDecl>(I.K.D);
        PV && I.K.Kind == FdKey::Var) {
      const auto *Of = dyn_cast<FunctionDecl>(PV->getDeclContext());
      const FunctionDecl *OfDef = Of ? Of->getDefinition() : nullptr;
      unsigned Idx = PV->getFunctionScopeIndex();
      const CallExpr *Site = I.Via.empty() ? nullptr : I.Via.back();
      const FunctionDecl *SiteCallee = Site ? Site->getDirectCallee() : nullptr;
      if (OfDef && SiteCallee && SiteCallee->getDefinition() == OfDef) {
        Calls Outer(I.Via.begin(), I.Via.end() - 1);
        if (Idx >= Site->getNumArgs() ||
            !Source(Site->getArg(Idx), P->Owner.lookup(Site), I.Depth, Outer))
          return false;
      } else {
        // A handler the TU registers with an event loop: the loop passes
        // the registered descriptor (EventHandlers' FdParam).
        bool Handler = OfDef && P->handlerCallersAllKnown(OfDef);
        if (!OfDef || (!Handler && !P->callersAllKnown(OfDef)))
          return false;
        if (Handler)
          for (const HandlerRegistration &R : P->Handlers.of(OfDef))
            if (R.FdParam != Idx || !R.Fd ||
                !Source(R.Fd, P->Owner.lookup(R.Call), I.Depth, {}))
              return false;
        // A copy: following an argument may walk a function for the first
        // time, which files more call sites.
        std::vector<const CallExpr *> Sites = P->CallSites[OfDef];
        for (const CallExpr *S : Sites)
          if (Idx >= S->getNumArgs() ||
              !Source(S->getArg(Idx), P->Owner.lookup(S), I.Depth, {}))
            return false;
      }
    }
    bool Stored = false;
    for (const Event &E : P->eventsFor(I.K)) {
      if (E.Kind != EvKind::Copy || !E.Src)
        continue;
      // A local's values are its function's (those that reach the use, for
      // the use's own); a field's or a global's, the TU's.
      if (!I.K.isTuWide() && (E.Fn != I.Def || (I.IsTop && !CanReach(E.S))))
        continue;
      Stored = true;
      if (!Source(E.Src, E.Fn, I.Depth, I.Via))
        return false;
    }
    // A pseudo-terminal stored through the variable's address
    // (`forkpty(&master, ...)`): the call is the creator.
    for (const CallExpr *C : P->ptyFillsInto(I.K)) {
      const FunctionDecl *Where = P->Owner.lookup(C);
      if (!I.K.isTuWide() && (Where != I.Def || (I.IsTop && !CanReach(C))))
        continue;
      Stored = true;
      Out.push_back({C, I.Via});
    }
    // Stored through its address by a function (`make_pipe(&r, &w)`,
    // whose body does `*rfd = p[0]`; in C++ also through a reference):
    // each value that function stores through that parameter, in the
    // context of the call. With the project's facts, another file's
    // function that stores there only descriptors that are never sockets,
    // while isNeverSocket asks. A function given the address that is
    // neither (a function out of view, one that hands the pointer on) may
    // store anything, and so may one given an element at an index that is
    // not a constant.
    if (I.K.Kind == FdKey::Elem && P->fillsOtherElement(I.K))
      return false;
    for (const auto &[C, ArgI] : P->addressFillsInto(I.K)) {
      const FunctionDecl *Where = P->Owner.lookup(C);
      // A local filled inside a lambda or a block of its function runs
      // when that runs: not followed.
      if (!I.K.isTuWide() && Where != I.Def)
        return false;
      if (!I.K.isTuWide() && I.IsTop && !CanReach(C))
        continue;
      const FunctionDecl *Callee = C->getDirectCallee();
      // An operator call numbers its object as an argument; a virtual
      // call may run an override: neither is followed.
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
      if (isa<CXXOperatorCallExpr>(C) || (Method && Method->isVirtual()) ||
          P->addressKept(I.K))
        return false;
      const FunctionDecl *CDef = Callee ? Callee->getDefinition() : nullptr;
      std::optional<Impl::OutStores> Stores;
      if (CDef && CDef->getBody()) {
        Stores = P->storesThroughParam(CDef, ArgI);
        if (Stores && Stores->empty())
          continue; // it only reads the descriptor
      }
      Stored = true;
      if (!P->onlyArgumentReaching(C, ArgI, I.K))
        return false;
      if (!CDef || !CDef->getBody()) {
        const FunctionDecl *Other = P->otherFileFunction(C);
        if (!P->NonSocketFieldsCreate || !Other ||
            !P->Facts->fillsNonSocket(Other->getQualifiedNameAsString(), ArgI))
          return false;
        ++FromFacts;
        continue;
      }
      if (!Stores)
        return false;
      Calls Inner = I.Via;
      Inner.push_back(C);
      P->walkFunction(CDef);
      for (const auto &[V, At] : *Stores)
        if (!Source(V, CDef, I.Depth + 1, Inner))
          return false;
    }
    // A field the TU never stores in (`int fd = c->sock;`) holds what other
    // files put there: not known; so does an array element no call fills.
    if ((I.K.Kind == FdKey::Field ||
         (I.K.Kind == FdKey::Elem && !ElemFilled)) &&
        !Stored)
      return false;
    // A dup2() onto it, wherever the call is: the variable then names the
    // first argument's file too, besides the values its stores show. With
    // no store in view (a parameter, a local filled through a pointer) its
    // values are not all known. (A copy of the list: following a source
    // may walk a function for the first time, which makes the index
    // again.)
    std::vector<const CallExpr *> Dups = P->dupsInto(I.K).vec();
    if (!Dups.empty() && !Stored)
      return false;
    for (const CallExpr *D : Dups)
      if (!Source(D->getArg(0), P->Owner.lookup(D), I.Depth, {}))
        return false;
  }
  return !Out.empty() || FromFacts;
}

bool NonBlockingFdAnalysis::everyCreator(
    const Expr *Fd, const Stmt *At, const FunctionDecl *Fn,
    llvm::function_ref<bool(llvm::StringRef, const Creator &)> Pred) {
  llvm::SmallVector<Creator, 4> Found;
  if (!creators(Fd, At, Fn, Found))
    return false;
  return llvm::all_of(Found, [&](const Creator &C) {
    return Pred(globalCalleeName(C.Call), C);
  });
}

bool NonBlockingFdAnalysis::argMentions(
    const Expr *Arg, llvm::StringRef Name,
    llvm::ArrayRef<const CallExpr *> Via) const {
  if (mentionsName(Arg, Name, Ctx))
    return true;
  if (Via.empty())
    return false;
  // A parameter of the function the innermost call entered: that call's
  // argument, in the context of the calls before it.
  const CallExpr *Site = Via.back();
  const FunctionDecl *Callee = Site->getDirectCallee();
  const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
  if (!Def)
    return false;
  return findStmt(Arg, [&](const Stmt *S) {
           const auto *DRE = dyn_cast<DeclRefExpr>(S);
           const auto *PV =
               DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
           if (!PV || PV->getDeclContext() != Def)
             return false;
           unsigned Idx = PV->getFunctionScopeIndex();
           return Idx < Site->getNumArgs() &&
                  argMentions(Site->getArg(Idx), Name, Via.drop_back());
         }) != nullptr;
}

/// isDatagramSocket on the file's own code alone: what a summary exports
/// (the facts must not depend on a facts file read before).
bool NonBlockingFdAnalysis::madeDatagram(const Expr *Fd, const Stmt *At,
                                         const FunctionDecl *Fn) {
  return everyCreator(Fd, At, Fn, [&](llvm::StringRef N, const Creator &C) {
    return createsDatagramSocket(N, C);
  });
}

bool NonBlockingFdAnalysis::createsDatagramSocket(llvm::StringRef N,
                                                  const Creator &C) const {
  // A type that may also be a stream (`use_tcp ? SOCK_STREAM :
  // SOCK_DGRAM`, coturn's test client) is not a datagram type.
  if (!(N == "socket" || N == "socketpair") || C.Call->getNumArgs() < 2)
    return false;
  return datagramType(C.Call->getArg(1), C.Via);
}

/// How many functions a socket type may be handed through as a parameter
/// (`make_socket(type)` called by `open_transport(type)`, called with
/// SOCK_DGRAM): a transport helper and its caller, as libnice's STUN code
/// has them. A type that travels further is not followed (the answer is
/// then "not known to be a datagram type", as without the rule).
constexpr unsigned MaxTypeParamDepth = 2;

bool NonBlockingFdAnalysis::datagramType(const Expr *Type,
                                         llvm::ArrayRef<const CallExpr *> Via,
                                         unsigned Depth) const {
  if ((argMentions(Type, "SOCK_DGRAM", Via) ||
       argMentions(Type, "SOCK_RAW", Via)) &&
      !argMentions(Type, "SOCK_STREAM", Via) &&
      !argMentions(Type, "SOCK_SEQPACKET", Via))
    return true;
  // The type is a parameter, as it came (through the calls of Via, each a
  // parameter in turn), of a function whose every call the TU holds
  // (static, never handed on as a pointer) and which never changes it:
  // it is a datagram type if every call passes one. libnice's
  // stun_trans_create(tr, type, ...) connect()s only `if (type !=
  // SOCK_DGRAM)`, and both its calls pass SOCK_DGRAM.
  const Expr *E = Type->IgnoreParenImpCasts();
  for (size_t I = Via.size();; --I) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *PV = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (!PV)
      return false;
    unsigned Idx = PV->getFunctionScopeIndex();
    const FunctionDecl *Callee =
        I > 0 ? Via[I - 1]->getDirectCallee() : nullptr;
    const FunctionDecl *CalleeDef = Callee ? Callee->getDefinition() : nullptr;
    if (I > 0 && CalleeDef && PV->getDeclContext() == CalleeDef) {
      if (Idx >= Via[I - 1]->getNumArgs())
        return false;
      E = Via[I - 1]->getArg(Idx)->IgnoreParenImpCasts();
      continue;
    }
    const auto *Owner = dyn_cast<FunctionDecl>(PV->getDeclContext());
    if (Depth >= MaxTypeParamDepth || !Owner || !Owner->hasBody())
      return false;
    P->collect();
    if (!P->callersAllKnown(Owner))
      return false;
    if (ExprMutationAnalyzer(*Owner->getBody(), Ctx).isMutated(PV))
      return false;
    llvm::ArrayRef<const CallExpr *> Sites =
        P->CallSites[Owner->getDefinition()];
    return !Sites.empty() && llvm::all_of(Sites, [&](const CallExpr *Site) {
      return Idx < Site->getNumArgs() &&
             datagramType(Site->getArg(Idx), {}, Depth + 1);
    });
  }
}

/// \p E names a member of the object \p Base names (`net->socktype` for
/// `net`): the same variable, through `->` or `.`.
static bool memberOf(const Expr *E, const ValueDecl *Base) {
  const auto *M = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  const auto *B =
      M ? dyn_cast<DeclRefExpr>(M->getBase()->IgnoreParenImpCasts()) : nullptr;
  return B && B->getDecl() == Base;
}

/// \p E is rooted at the variable \p Base: `Base`, `Base->a.b`, `Base[i]`.
static bool rootedAt(const Expr *E, const ValueDecl *Base) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl() == Base;
    if (const auto *M = dyn_cast<MemberExpr>(E))
      E = M->getBase();
    else if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
      E = A->getBase();
    else if (const auto *U = dyn_cast<UnaryOperator>(E);
             U && (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf))
      E = U->getSubExpr();
    else
      return false;
  }
  return false;
}

bool NonBlockingFdAnalysis::underDatagramTypeTest(const Expr *Fd,
                                                  const Stmt *At,
                                                  const FunctionDecl *Fn) {
  // The descriptor is a field of a variable's object (`net->sockfd`), one
  // the function never points elsewhere.
  const auto *FdM = dyn_cast<MemberExpr>(Fd->IgnoreParenImpCasts());
  const auto *BaseRef =
      FdM ? dyn_cast<DeclRefExpr>(FdM->getBase()->IgnoreParenImpCasts())
          : nullptr;
  const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
  if (!BaseRef || !Def || !Def->getBody() || !At)
    return false;
  const ValueDecl *Base = BaseRef->getDecl();
  // A local or a parameter (a global may change in any call), which the
  // function names only to reach a member (`net->x`): never copied, cast,
  // handed on whole or pointed elsewhere.
  const auto *BaseVar = dyn_cast<VarDecl>(Base);
  if (!BaseVar || BaseVar->hasGlobalStorage())
    return false;
  const ParentMap &PM = Parents.of(Def);
  // Asked only once a test of the type field is found (both walk the
  // whole body; most writes sit under no such test).
  auto BaseStable = [&] {
    if (ExprMutationAnalyzer(*Def->getBody(), Ctx).isMutated(Base))
      return false;
    return !findStmt(Def->getBody(), [&](const Stmt *S) {
      const auto *R = dyn_cast<DeclRefExpr>(S);
      if (!R || R->getDecl() != Base)
        return false;
      const Stmt *P = PM.getParent(R);
      while (isa_and_nonnull<ImplicitCastExpr>(P) ||
             isa_and_nonnull<ParenExpr>(P))
        P = PM.getParent(P);
      // Tested (`if (net == NULL)`, `!net`, `net && ...`) is only read.
      const auto *B = dyn_cast_or_null<BinaryOperator>(P);
      const auto *U = dyn_cast_or_null<UnaryOperator>(P);
      bool Tested = (B && (B->isComparisonOp() || B->isLogicalOp())) ||
                    (U && U->getOpcode() == UO_LNot) ||
                    isa_and_nonnull<IfStmt>(P);
      return !isa_and_nonnull<MemberExpr>(P) && !Tested;
    });
  };
  const RecordDecl *FdRecord =
      dyn_cast<RecordDecl>(FdM->getMemberDecl()->getDeclContext());
  // `Base->f == SOCK_DGRAM` (or SOCK_RAW), either way round: the field f.
  auto TypeTest = [&](const Expr *E,
                      BinaryOperatorKind Want) -> const FieldDecl * {
    const auto *B = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
    if (!B || B->getOpcode() != Want)
      return nullptr;
    const Expr *L = B->getLHS(), *R = B->getRHS();
    if (!memberOf(L, Base))
      std::swap(L, R);
    if (!memberOf(L, Base) || memberOf(R, Base) ||
        !(mentionsName(R, "SOCK_DGRAM", Ctx) ||
          mentionsName(R, "SOCK_RAW", Ctx)) ||
        mentionsName(R, "SOCK_STREAM", Ctx))
      return nullptr;
    return dyn_cast<FieldDecl>(
        cast<MemberExpr>(L->IgnoreParenImpCasts())->getMemberDecl());
  };
  // One of the terms of an `&&` chain holds where its then-branch runs.
  std::function<const FieldDecl *(const Expr *)> Holds =
      [&](const Expr *C) -> const FieldDecl * {
    C = C->IgnoreParenImpCasts();
    if (const auto *And = dyn_cast<BinaryOperator>(C);
        And && And->getOpcode() == BO_LAnd) {
      if (const FieldDecl *F = Holds(And->getLHS()))
        return F;
      return Holds(And->getRHS());
    }
    return TypeTest(C, BO_EQ);
  };
  // What a pointer argument of a call of the project's may reach: an
  // object of the descriptor's record type, itself or through a field
  // (`fallback_tcp(ctx)` with `ctx->net`), or anything (`void *`).
  auto MayReachObject = [&](QualType T) {
    QualType P = T->getPointeeType();
    if (P.isNull())
      return false;
    if (P->isVoidType())
      return true;
    const RecordDecl *R = P->getAsRecordDecl();
    if (!R || !FdRecord)
      return R != nullptr;
    if (R->getCanonicalDecl() == FdRecord->getCanonicalDecl())
      return true;
    const RecordDecl *Full = R->getDefinition();
    return Full && llvm::any_of(Full->fields(), [&](const FieldDecl *F) {
             QualType FT = F->getType();
             if (!FT->getPointeeType().isNull())
               FT = FT->getPointeeType();
             const RecordDecl *FR = FT->getAsRecordDecl();
             return FT->isVoidType() ||
                    (FR &&
                     FR->getCanonicalDecl() == FdRecord->getCanonicalDecl());
           });
  };
  // The branch only uses the object: nothing in it stores into it, hands
  // it (or a field's address) to a call, or jumps into it from outside.
  auto OnlyReads = [&](const Stmt *Branch) {
    return !findStmt(Branch, [&](const Stmt *S) {
      // A jump into the branch from outside (a label, or a case of a
      // switch around the test).
      if (isa<LabelStmt>(S) || isa<SwitchCase>(S))
        return true;
      if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isAssignmentOp())
        return rootedAt(B->getLHS(), Base);
      if (const auto *U = dyn_cast<UnaryOperator>(S);
          U && U->isIncrementDecrementOp())
        return rootedAt(U->getSubExpr(), Base);
      if (const auto *C = dyn_cast<CallExpr>(S)) {
        const FunctionDecl *Callee = C->getDirectCallee();
        const SourceManager &SM = Ctx.getSourceManager();
        bool Library =
            Callee && SM.isInSystemHeader(SM.getExpansionLoc(
                          Callee->getCanonicalDecl()->getLocation()));
        return llvm::any_of(C->arguments(), [&](const Expr *A) {
          const Expr *X = A->IgnoreParenImpCasts();
          const auto *U = dyn_cast<UnaryOperator>(X);
          if (U && U->getOpcode() == UO_AddrOf && rootedAt(X, Base))
            return true;
          return !Library && MayReachObject(A->IgnoreParenCasts()->getType());
        });
      }
      return false;
    });
  };
  // Every socket the descriptor field can hold was made with that field
  // as its type, by a function that stores a descriptor in the same
  // object's field (knot's net_connect(): `sockfd = socket(...,
  // net->socktype, 0)`, then `net->sockfd = sockfd`), not in another
  // object's made from a template of the same type: the field tested is
  // the one that says what the socket is.
  const FieldDecl *FdField = dyn_cast<FieldDecl>(FdM->getMemberDecl());
  auto MadeWithType = [&](const FieldDecl *TypeField) {
    return FdField &&
           everyCreator(Fd, At, Fn, [&](llvm::StringRef N, const Creator &C) {
             if (N != "socket" || C.Call->getNumArgs() < 2)
               return false;
             const auto *M =
                 dyn_cast<MemberExpr>(C.Call->getArg(1)->IgnoreParenImpCasts());
             if (!M || M->getMemberDecl()->getCanonicalDecl() !=
                           TypeField->getCanonicalDecl())
               return false;
             const auto *Obj =
                 dyn_cast<DeclRefExpr>(M->getBase()->IgnoreParenImpCasts());
             const FunctionDecl *Maker = enclosingFunction(C.Call);
             if (!Obj || !Maker || !Maker->getBody())
               return false;
             return findStmt(Maker->getBody(), [&](const Stmt *S) {
                      const auto *B = dyn_cast<BinaryOperator>(S);
                      const auto *To =
                          B && B->getOpcode() == BO_Assign
                              ? dyn_cast<MemberExpr>(
                                    B->getLHS()->IgnoreParenImpCasts())
                              : nullptr;
                      return To &&
                             To->getMemberDecl()->getCanonicalDecl() ==
                                 FdField->getCanonicalDecl() &&
                             memberOf(To, Obj->getDecl());
                    }) != nullptr;
           });
  };
  for (const Stmt *Child = At, *Up = PM.getParent(At); Up;
       Child = Up, Up = PM.getParent(Up)) {
    const auto *If = dyn_cast<IfStmt>(Up);
    if (!If || !If->getCond())
      continue;
    const FieldDecl *TypeField = nullptr;
    if (Child == If->getThen())
      TypeField = Holds(If->getCond());
    else if (Child == If->getElse())
      TypeField = TypeTest(If->getCond(), BO_NE);
    if (TypeField && OnlyReads(Child) && BaseStable() &&
        MadeWithType(TypeField))
      return true;
  }
  return false;
}

bool NonBlockingFdAnalysis::isDatagramSocket(const Expr *Fd, const Stmt *At,
                                             const FunctionDecl *Fn) {
  // The path to the call tested the type field of the descriptor's own
  // object: `if (net->socktype == SOCK_DGRAM) sendmsg(net->sockfd, ...)`
  // (knot's kdig). The code says which kind of socket it holds there.
  if (underDatagramTypeTest(Fd, At, Fn))
    return true;
  // A struct field every file fills only with datagram sockets (the
  // facts: dhcpcd's ctx->ps_data_fd, an end of the SOCK_DGRAM socketpair()
  // privsep-root.c makes, written to in privsep-bpf.c).
  if (FdKey K = keyOf(Fd);
      K.Kind == FdKey::Field && P->Facts &&
      P->Facts->fieldDatagram(ProjectFacts::fieldKey(cast<FieldDecl>(K.D))))
    return true;
  // Made by socket(..., SOCK_DGRAM/SOCK_RAW, ...) here, or returned by
  // another file's function whose every return is one (the facts: openconnect's
  // udp_connect() in ssl.c, called from the DTLS code of other files).
  if (everyCreator(Fd, At, Fn, [&](llvm::StringRef N, const Creator &C) {
        if (const FunctionDecl *Callee = C.Call->getDirectCallee();
            Callee && !Callee->getDefinition()) {
          if (const ProjectFacts::ReturnedFd *R =
                  P->returnedByAnotherFile(Callee))
            return R->Datagram;
          // socket()'s flags are its type: the call's argument names it.
          if (const ProjectFacts::FlagReturn *F =
                  P->flagReturnElsewhere(Callee))
            return F->Sole && F->Creator == "socket" &&
                   F->Arg < C.Call->getNumArgs() &&
                   datagramType(C.Call->getArg(F->Arg), C.Via);
        }
        return createsDatagramSocket(N, C);
      }))
    return true;
  // A parameter of a function other files call, which every call in the
  // project gives a datagram socket (the facts), used as it came.
  const auto *DRE = dyn_cast<DeclRefExpr>(Fd->IgnoreParenImpCasts());
  const auto *PV = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
  if (!PV || !Def || PV->getDeclContext() != Def)
    return false;
  const ProjectFacts::ReachedParam *R =
      P->reachedParam(Def, PV->getFunctionScopeIndex());
  if (!R || !R->Datagram)
    return false;
  P->collect();
  return llvm::none_of(P->eventsFor({FdKey::Var, PV->getCanonicalDecl(), -1}),
                       [&](const Event &E) {
                         return E.Fn == Def && E.Kind == EvKind::Copy;
                       });
}

bool NonBlockingFdAnalysis::isNeverSocket(const Expr *Fd, const Stmt *At,
                                          const FunctionDecl *Fn) {
  // A struct field that every file fills only with such descriptors (the
  // facts: dnsmasq's daemon->helperfd, the pipe create_helper() returns),
  // itself or copied.
  llvm::SaveAndRestore<bool> During(P->NonSocketFieldsCreate,
                                    P->Facts != nullptr);
  return everyCreator(Fd, At, Fn, [&](llvm::StringRef N, const Creator &C) {
    return createsNonSocket(N) || P->returnsNonSocketElsewhere(C.Call) ||
           P->fillsPipesElsewhere(C.Call);
  });
}

bool NonBlockingFdAnalysis::madeNonSocket(const Expr *V, const Stmt *At,
                                          const FunctionDecl *Fn,
                                          std::vector<std::string> &Needs) {
  llvm::SaveAndRestore<bool> During(P->OtherFilesCreate, true);
  std::vector<std::string> Found;
  bool Every =
      everyCreator(V, At, Fn, [&](llvm::StringRef N, const Creator &C) {
        if (createsNonSocket(N))
          return true;
        const FunctionDecl *Other = P->otherFileFunction(C.Call);
        if (!Other)
          return false;
        Found.push_back("nonsocket:" + Other->getQualifiedNameAsString());
        return true;
      });
  if (Every)
    Needs.insert(Needs.end(), Found.begin(), Found.end());
  return Every;
}

bool NonBlockingFdAnalysis::createsNetlinkSocket(llvm::StringRef N,
                                                 const Creator &C) const {
  return N == "socket" && C.Call->getNumArgs() >= 1 &&
         (argMentions(C.Call->getArg(0), "AF_NETLINK", C.Via) ||
          argMentions(C.Call->getArg(0), "PF_NETLINK", C.Via));
}

bool NonBlockingFdAnalysis::isLinuxOnlySocket(const Expr *Fd, const Stmt *At,
                                              const FunctionDecl *Fn) {
  // Netlink, and packet sockets (AF_PACKET: the BSDs and macOS read raw
  // frames through BPF devices instead).
  return everyCreator(Fd, At, Fn, [&](llvm::StringRef N, const Creator &C) {
    return createsNetlinkSocket(N, C) ||
           (N == "socket" && C.Call->getNumArgs() >= 1 &&
            (argMentions(C.Call->getArg(0), "AF_PACKET", C.Via) ||
             argMentions(C.Call->getArg(0), "PF_PACKET", C.Via)));
  });
}

/// \p C calls the C library's function, with no body in the TU: declared
/// in a system header, or declared by the program itself with C linkage
/// (libev's `int eventfd(unsigned int, int);`, for C libraries that had
/// the call but not the header) where the project's facts say that no
/// file defines the name. A project's namesake (an eventfd() shim over a
/// pipe or a socketpair where there is none) may be anything.
static bool callsLibrary(const CallExpr *C, const SourceManager &SM,
                         const ProjectFacts *Facts) {
  const FunctionDecl *Callee = C->getDirectCallee();
  if (!Callee || Callee->hasBody())
    return false;
  if (SM.isInSystemHeader(Callee->getCanonicalDecl()->getLocation()))
    return true;
  return Facts && Callee->getIdentifier() && Callee->isExternC() &&
         Facts->libraryCallNotDefined(Callee->getName());
}

NonBlockingFdAnalysis::CreatorKinds
NonBlockingFdAnalysis::creatorKinds(const Expr *Fd, const Stmt *At,
                                    const FunctionDecl *Fn) {
  CreatorKinds K;
  llvm::SmallVector<Creator, 4> Found;
  if (!creators(Fd, At, Fn, Found))
    return K;
  const SourceManager &SM = Ctx.getSourceManager();
  auto IsLibraryCall = [&](const Creator &C, llvm::StringRef N) {
    return globalCalleeName(C.Call) == N &&
           callsLibrary(C.Call, SM, projectFacts());
  };
  auto EventCounter = [&](const Creator &C) {
    return IsLibraryCall(C, "eventfd");
  };
  K.AllKernelNetlink = llvm::all_of(Found, [&](const Creator &C) {
    return C.Call->getNumArgs() == 3 &&
           createsNetlinkSocket(globalCalleeName(C.Call), C) &&
           !argMentions(C.Call->getArg(2), "NETLINK_USERSOCK", C.Via);
  });
  K.AllEventCounter = llvm::all_of(Found, EventCounter);
  K.AllPipeOrEventCounter = llvm::all_of(Found, [&](const Creator &C) {
    return EventCounter(C) || IsLibraryCall(C, "pipe") ||
           IsLibraryCall(C, "pipe2");
  });
  K.SomeEventCounter =
      K.AllPipeOrEventCounter && llvm::any_of(Found, EventCounter);
  return K;
}

bool NonBlockingFdAnalysis::pipeStandsInForEventCounter(
    const Expr *Fd, const Stmt *At, const FunctionDecl *Fn) {
  llvm::SmallVector<Creator, 4> Found;
  if (!creators(Fd, At, Fn, Found) || Found.empty())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  return llvm::all_of(Found, [&](const Creator &C) {
    llvm::StringRef N = globalCalleeName(C.Call);
    if ((N != "pipe" && N != "pipe2") || C.Call->getNumArgs() < 1 ||
        !callsLibrary(C.Call, SM, projectFacts()))
      return false;
    // The array the pipe fills: a local of the function that makes it
    // (a field or a global may hold another object's pair).
    const auto *Ref =
        dyn_cast<DeclRefExpr>(C.Call->getArg(0)->IgnoreParenImpCasts());
    const auto *Pair = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    const FunctionDecl *Maker = enclosingFunction(C.Call);
    const ConstantArrayType *AT =
        Pair ? Ctx.getAsConstantArrayType(Pair->getType()) : nullptr;
    if (!Pair || isa<ParmVarDecl>(Pair) || !Pair->hasLocalStorage() || !AT ||
        AT->getSize() != 2 || !Maker || !Maker->getBody())
      return false;
    // `Pair[1]`, its second slot.
    auto SecondSlot = [&](const Stmt *S) {
      const auto *AS = dyn_cast<ArraySubscriptExpr>(S);
      FdKey K = AS ? keyOf(AS) : FdKey{};
      return K.Kind == FdKey::Elem && K.D == Pair->getCanonicalDecl() &&
             K.Index == 1;
    };
    // The function gives that slot an eventfd.
    bool GivesEventCounter =
        findStmt(Maker->getBody(), [&](const Stmt *S) {
          const auto *B = dyn_cast<BinaryOperator>(S);
          if (!B || B->getOpcode() != BO_Assign ||
              !SecondSlot(B->getLHS()->IgnoreParenImpCasts()))
            return false;
          const auto *V = dyn_cast<CallExpr>(B->getRHS()->IgnoreParenCasts());
          return V && globalCalleeName(V) == "eventfd" &&
                 callsLibrary(V, SM, projectFacts());
        }) != nullptr;
    if (!GivesEventCounter)
      return false;
    // And makes the pipe only where a test of that slot holds: the
    // eventfd's fallback, not a second channel beside it.
    const FunctionParents::Map &PM = Parents.of(Maker);
    for (const Stmt *Child = C.Call, *P = PM.getParent(C.Call); P;
         Child = P, P = PM.getParent(P)) {
      const auto *If = dyn_cast<IfStmt>(P);
      if (If && If->getThen() == Child && If->getCond() &&
          findStmt(If->getCond(), SecondSlot))
        return true;
    }
    return false;
  });
}

/// The TU's calls grouped by what \p KeyOf says they call (null: left
/// out), in the order the TU first calls each (deterministic).
template <typename T>
static void forEachCallGroup(
    NonBlockingFdAnalysis &A,
    const llvm::DenseMap<const FunctionDecl *, std::vector<const CallExpr *>>
        &CallsByFn,
    llvm::function_ref<const T *(const CallExpr *)> KeyOf,
    llvm::function_ref<void(const T *, llvm::ArrayRef<const CallExpr *>)> F) {
  llvm::MapVector<const T *, std::vector<const CallExpr *>> By;
  std::vector<const FunctionDecl *> Fns;
  for (const auto &[Fn, Calls] : CallsByFn)
    Fns.push_back(Fn);
  sortInSourceOrder(Fns, A.context().getSourceManager(),
                    [](const FunctionDecl *Fn) { return Fn->getLocation(); });
  for (const FunctionDecl *Fn : Fns)
    for (const CallExpr *C : A.callsIn(Fn))
      if (const T *K = KeyOf(C))
        By[K].push_back(C);
  for (const auto &[K, Sites] : By)
    F(K, Sites);
}

/// forEachCallGroup's groups, kept in \p Memo until the walk adds calls.
template <typename T, typename GroupsT, typename KeyFn>
static auto groupedOnce(
    NonBlockingFdAnalysis &A,
    const llvm::DenseMap<const FunctionDecl *, std::vector<const CallExpr *>>
        &CallsByFn,
    size_t WalkedCalls, GroupsT &Memo, KeyFn KeyOf) {
  if (!Memo.Groups || Memo.AtCalls != WalkedCalls) {
    auto Groups = std::make_shared<
        std::vector<std::pair<const T *, std::vector<const CallExpr *>>>>();
    forEachCallGroup<T>(
        A, CallsByFn, KeyOf,
        [&](const T *K, llvm::ArrayRef<const CallExpr *> C) {
          Groups->push_back({K, C.vec()});
        });
    Memo.Groups = std::move(Groups);
    Memo.AtCalls = WalkedCalls;
  }
  return Memo.Groups;
}

void NonBlockingFdAnalysis::forEachCallee(
    llvm::function_ref<void(const FunctionDecl *,
                            llvm::ArrayRef<const CallExpr *>)>
        F) {
  P->collect();
  auto Groups = groupedOnce<FunctionDecl>(
      *this, P->CallsByFn, P->WalkedCalls, P->Callees,
      [](const CallExpr *C) -> const FunctionDecl * {
        const FunctionDecl *Callee = C->getDirectCallee();
        return Callee ? Callee->getCanonicalDecl() : nullptr;
      });
  for (const auto &[Callee, Calls] : *Groups)
    F(Callee, Calls);
}

void NonBlockingFdAnalysis::forEachFieldCallee(
    llvm::function_ref<void(const FieldDecl *,
                            llvm::ArrayRef<const CallExpr *>)>
        F) {
  P->collect();
  auto Groups = groupedOnce<FieldDecl>(
      *this, P->CallsByFn, P->WalkedCalls, P->FieldCallees,
      [](const CallExpr *C) -> const FieldDecl * {
        const FieldDecl *FD = calledField(C);
        return FD ? FD->getCanonicalDecl() : nullptr;
      });
  for (const auto &[Field, Calls] : *Groups)
    F(Field, Calls);
}

void NonBlockingFdAnalysis::forEachParamCallee(
    llvm::function_ref<void(const ParmVarDecl *,
                            llvm::ArrayRef<const CallExpr *>)>
        F) {
  P->collect();
  // Grouped once per TU for all the checks that ask. Calls through a
  // parameter are rare: look for one before sorting every function's calls
  // into groups.
  if (!P->ParamCalleesFound) {
    P->ParamCalleesFound = true;
    bool Any = llvm::any_of(P->CallsByFn, [](const auto &E) {
      return llvm::any_of(E.second, calledParameter);
    });
    if (Any)
      forEachCallGroup<ParmVarDecl>(
          *this, P->CallsByFn, calledParameter,
          [&](const ParmVarDecl *Param, llvm::ArrayRef<const CallExpr *> C) {
            P->ParamCallees.push_back({Param, C.vec()});
          });
  }
  for (const auto &[Param, Calls] : P->ParamCallees)
    F(Param, Calls);
}

bool NonBlockingFdAnalysis::callersAllKnown(const FunctionDecl *Fn) {
  P->collect();
  return P->callersAllKnown(Fn);
}

void NonBlockingFdAnalysis::forEachWalkedFunction(
    llvm::function_ref<void(const FunctionDecl *)> F) {
  P->collect();
  P->expandAll();
  for (const FunctionDecl *Fn : P->Walked)
    if (Fn && Fn->getBody())
      F(Fn);
}

std::vector<const FunctionDecl *> NonBlockingFdAnalysis::exportedFunctions() {
  P->collect();
  P->expandAll();
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<const FunctionDecl *> Fns;
  // Every function walked, a getter or a setter with no call in it too
  // (lldpd's priv_fd() returns a static global; priv_set_fd() keeps its
  // parameter's mode by storing it).
  for (const FunctionDecl *Fn : P->Walked)
    if (Fn && Fn->isExternallyVisible() && Fn->getIdentifier() &&
        Fn->doesThisDeclarationHaveABody() &&
        !SM.isInSystemHeader(SM.getExpansionLoc(Fn->getLocation())))
      Fns.push_back(Fn);
  llvm::sort(Fns, [&](const FunctionDecl *A, const FunctionDecl *B) {
    return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
  });
  return Fns;
}

static bool mayHoldDescriptor(QualType T, const ASTContext &Ctx);

/// What each of this TU's calls passes to a descriptor parameter of a
/// function other files may define or call (not the system's): the merge
/// finds the parameters every call in the project gives a non-blocking
/// descriptor, as paramNonBlocking does for a TU's static functions.
void NonBlockingFdAnalysis::exportParamSites(ProjectFacts &Out) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<std::pair<const FunctionDecl *, const CallExpr *>> Calls;
  for (const auto &[Caller, Cs] : P->CallsByFn)
    if (Caller)
      for (const CallExpr *C : Cs)
        Calls.push_back({Caller, C});
  // In the TU's order: the same input gives the same file. CallsByFn is
  // keyed by pointer, so its order changes from run to run; calls that one
  // macro expansion holds (even in two functions the macro defines) share
  // their expansion place and are told apart by where the macro spelled
  // them, whose encoding the preprocessor hands out in the same order in
  // every run.
  auto Place = [&](const CallExpr *C) {
    return std::make_tuple(C->getBeginLoc().getRawEncoding(),
                           C->getEndLoc().getRawEncoding());
  };
  llvm::sort(Calls, [&](const auto &X, const auto &Y) {
    SourceLocation XL = SM.getExpansionLoc(X.second->getBeginLoc());
    SourceLocation YL = SM.getExpansionLoc(Y.second->getBeginLoc());
    if (XL != YL)
      return SM.isBeforeInTranslationUnit(XL, YL);
    return Place(X.second) < Place(Y.second);
  });
  for (const auto &[Caller, C] : Calls) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      continue;
    // A descriptor the code places at a fixed number for a program it
    // starts (`dup2(cfd, 3)` before exec): a site of the number's own
    // pseudo-parameter, so that the merge finds the numbers every such
    // call fills with a blocking (or a non-blocking) descriptor.
    if (std::optional<PlacedNumber> Placed = placedNumber(C, Ctx)) {
      const Expr *Arg = C->getArg(Placed->SourceArg);
      if (Arg->getType()->isIntegerType())
        Out.ParamSites.push_back(paramSite(
            ProjectFacts::placedNumberParam(Placed->Number), Arg, C, Caller,
            /*MayHoldDescriptor=*/true));
      continue;
    }
    if (!Callee->isExternallyVisible() ||
        SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())))
      continue;
    std::string Name = Callee->getQualifiedNameAsString();
    unsigned N = std::min(C->getNumArgs(), Callee->getNumParams());
    for (unsigned I = 0; I < N; ++I) {
      const Expr *Arg = C->getArg(I);
      if (!Callee->getParamDecl(I)->getType()->isIntegerType() ||
          !Arg->getType()->isIntegerType())
        continue;
      Out.ParamSites.push_back(paramSite(
          Name + ":" + std::to_string(I), Arg, C, Caller,
          mayHoldDescriptor(Callee->getParamDecl(I)->getType(), Ctx)));
    }
  }
}

/// The descriptor numbers (at least MinPlacedNumber) whose mode this file
/// may change, so that a number placed for a program the project starts
/// (`dup2(cfd, 3)`) is not taken for blocking: one the file's code makes
/// non-blocking (or blocking: any change), through a copy too
/// (`int fd = 3; fcntl(fd, F_SETFL, O_NONBLOCK)`), or hands to another
/// file's function (unless that one keeps its mode). `*`, any number: a
/// descriptor copied to a number the file does not spell as a constant
/// (`dup2(fd, to)`, `fcntl(fd, F_DUPFD, 3)`, which takes the lowest free
/// number from 3 on).
void NonBlockingFdAnalysis::exportNumberChanges(ProjectFacts &Out) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::set<ProjectFacts::NumberChange> Found;
  P->expandAll();
  std::set<FdKey> Numbers;
  for (const auto &[K, Evs] : P->Events)
    if (K.Kind == FdKey::Number &&
        llvm::any_of(Evs, [](const Event &E) { return E.Kind == EvKind::Set; }))
      Numbers.insert(K);
  for (const auto &[K, Copies] : P->copiesOf())
    if (K.Kind == FdKey::Number && P->copyMadeNonBlocking(K))
      Numbers.insert(K);
  for (const FdKey &K : Numbers)
    if (K.Index >= MinPlacedNumber)
      Found.insert({std::to_string(K.Index), {}});
  for (const auto &[Caller, Cs] : P->CallsByFn)
    for (const CallExpr *C : Cs) {
      if (std::optional<unsigned> Src =
              copiedDescriptorArg(globalCalleeName(C))) {
        unsigned To = *Src + 1;
        if (C->getNumArgs() > To && !placedNumber(C, Ctx) &&
            !C->getArg(To)->isValueDependent() &&
            !C->getArg(To)->isIntegerConstantExpr(Ctx))
          Found.insert({"*", {}}); // a number it does not spell
        continue;
      }
      if (dupsByFcntl(C, Ctx)) {
        Found.insert({"*", {}});
        continue;
      }
      // Another file's function given a number: its summary says whether
      // it keeps the mode (a function of this file acts through the
      // events, above).
      const FunctionDecl *Callee = C->getDirectCallee();
      if (!Callee || !Callee->getIdentifier() ||
          (Callee->getDefinition() && Callee->getDefinition()->getBody()) ||
          SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())))
        continue;
      for (unsigned I = 0; I < C->getNumArgs() && I < Callee->getNumParams();
           ++I) {
        std::optional<int64_t> V = numberOf(C->getArg(I));
        if (V && *V >= MinPlacedNumber &&
            mayHoldDescriptor(Callee->getParamDecl(I)->getType(), Ctx))
          Found.insert({std::to_string(*V),
                        {"keeps:" + Callee->getQualifiedNameAsString() + ":" +
                         std::to_string(I)}});
      }
    }
  Out.NumberChanges.assign(Found.begin(), Found.end());
}

/// What the call \p C in \p Caller passes as \p Arg to the parameter
/// \p Param (`Name:Arg`): a descriptor made non-blocking, the caller's own
/// parameter handed on, or a blocking one on the needs it records.
ProjectFacts::ParamSite
NonBlockingFdAnalysis::paramSite(std::string Param, const Expr *Arg,
                                 const CallExpr *C, const FunctionDecl *Caller,
                                 bool MayHoldDescriptor) {
  const SourceManager &SM = Ctx.getSourceManager();
  ProjectFacts::ParamSite Site;
  Site.Param = std::move(Param);
  Site.At = fileAndLine(C->getBeginLoc(), SM);
  if (std::optional<NonBlockingOrigin> O = P->exprNonBlocking(Arg, Caller, C);
      O && O->Loc.isValid()) {
    Site.Mode = ProjectFacts::ParamSite::NonBlocking;
    Site.From = fileAndLine(O->Loc, SM);
    Site.Datagram = madeDatagram(Arg, C, Caller);
  } else if (const auto *DRE =
                 dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts())) {
    // The caller's own parameter, handed on as it came (not made
    // blocking on the way): what the caller's callers pass.
    const auto *PV = dyn_cast<ParmVarDecl>(DRE->getDecl());
    unsigned J = PV ? PV->getFunctionScopeIndex() : 0;
    if (PV && PV->getDeclContext() == Caller && Caller->isExternallyVisible() &&
        Caller->getIdentifier() &&
        llvm::none_of(P->summary(Caller), [&](const ParamEffect &E) {
          return E.Param == J && !E.Set;
        })) {
      Site.Mode = ProjectFacts::ParamSite::Forwarded;
      Site.From = Caller->getQualifiedNameAsString() + ":" + std::to_string(J);
    }
  }
  if (Site.Mode != ProjectFacts::ParamSite::NonBlocking && MayHoldDescriptor) {
    llvm::SaveAndRestore<std::vector<std::string> *> During(P->Assumed,
                                                            &Site.Needs);
    Site.Blocking = P->valueShownBlocking(Arg);
  }
  if (Site.Blocking) {
    llvm::sort(Site.Needs);
    Site.Needs.erase(std::unique(Site.Needs.begin(), Site.Needs.end()),
                     Site.Needs.end());
  } else {
    Site.Needs.clear();
  }
  return Site;
}

/// \p T can hold a descriptor as code passes one: an int-sized integer
/// (POSIX's descriptors are int; a project's socket_t or SOCKET is a
/// typedef of one, signed or not). Not a bool, a character, an enum, nor a
/// narrower or wider integer: a flag, a byte, a length (size_t), a count.
static bool mayHoldDescriptor(QualType T, const ASTContext &Ctx) {
  T = T.getCanonicalType();
  if (!T->isIntegerType() || T->isBooleanType() || T->isAnyCharacterType() ||
      T->isEnumeralType())
    return false;
  return Ctx.getTypeSize(T) == Ctx.getTypeSize(Ctx.IntTy);
}

/// The blocking descriptors, and those that are never sockets, this TU
/// hands to others: the functions other files may call that return one,
/// and how the TU uses each struct field it stores a descriptor in or
/// hands to a call, each provided the other files' functions it calls do
/// what the merge then checks.
void NonBlockingFdAnalysis::exportBlocking(
    ProjectFacts &Out, llvm::ArrayRef<const FunctionDecl *> Fns) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const FunctionDecl *Fn : Fns) {
    if (!mayHoldDescriptor(Fn->getReturnType(), Ctx))
      continue;
    const FunctionDecl *Def = Fn->getDefinition();
    const std::vector<const ReturnStmt *> Rets = P->Returns.lookup(Def);
    if (Rets.empty())
      continue;
    // Not just -1: some return gives a descriptor.
    if (llvm::all_of(Rets, [](const ReturnStmt *R) {
          return isSentinel(R->getRetValue());
        }))
      continue;
    std::vector<std::string> NonSocketNeeds;
    if (llvm::all_of(Rets, [&](const ReturnStmt *R) {
          if (ConstantFd C = constantFd(R->getRetValue(), Ctx);
              C != ConstantFd::NotConstant)
            return C == ConstantFd::None;
          return madeNonSocket(R->getRetValue(), R, Def, NonSocketNeeds);
        })) {
      llvm::sort(NonSocketNeeds);
      NonSocketNeeds.erase(
          std::unique(NonSocketNeeds.begin(), NonSocketNeeds.end()),
          NonSocketNeeds.end());
      Out.NonSocketReturnsIf.push_back(
          {Fn->getQualifiedNameAsString(), std::move(NonSocketNeeds)});
    }
    std::vector<std::string> Needs;
    bool Blocking;
    {
      llvm::SaveAndRestore<std::vector<std::string> *> During(P->Assumed,
                                                              &Needs);
      Blocking = P->everyReturnBlocking(Def, 0);
    }
    if (!Blocking)
      continue;
    llvm::sort(Needs);
    Needs.erase(std::unique(Needs.begin(), Needs.end()), Needs.end());
    Out.BlockingReturnsIf.push_back(
        {Fn->getQualifiedNameAsString(), std::move(Needs)});
  }
  // The fields: stored in (or made blocking, or non-blocking), or handed to
  // a call.
  std::set<FdKey> Fields;
  for (const auto &[K, Evs] : P->Events)
    if (K.Kind == FdKey::Field)
      Fields.insert(K);
  for (const auto &[Fn, Calls] : P->CallsByFn)
    for (const CallExpr *C : Calls)
      for (const Expr *A : C->arguments())
        if (FdKey K = keyOf(A); K.Kind == FdKey::Field)
          Fields.insert(K);
  // And those whose address it takes or that an initializer fills: said
  // not blocking, whatever the other files do.
  llvm::DenseSet<const FieldDecl *> Escaped = P->fieldsEscaping();
  for (const FieldDecl *FD : Escaped) {
    FdKey K;
    K.Kind = FdKey::Field;
    K.D = FD;
    Fields.insert(K);
  }
  std::map<FdKey, Impl::CopyList> &CopiesOf = P->copiesOf();
  // A field holds only descriptors of a kind (\p Kind asked of each value
  // stored), as this file uses it: nothing escapes (its address, an
  // initializer), every value stored is -1 or of that kind, and dup2() does
  // not make its number another descriptor (Impl::dupsInto). None if not;
  // else whether the file stores one.
  auto EveryStore =
      [&](const FdKey &K,
          llvm::function_ref<bool(const Event &)> Kind) -> std::optional<bool> {
    if (Escaped.contains(cast<FieldDecl>(K.D)) || !P->dupsInto(K).empty())
      return std::nullopt;
    bool Stores = false;
    for (const Event &E : P->eventsFor(K)) {
      if (E.Kind != EvKind::Copy)
        continue;
      if (!E.Src)
        return std::nullopt;
      if (ConstantFd C = constantFd(E.Src, Ctx); C == ConstantFd::None)
        continue;
      else if (C == ConstantFd::Stream)
        return std::nullopt;
      if (!Kind(E))
        return std::nullopt;
      Stores = true;
    }
    return Stores;
  };
  // Never a socket; and a datagram socket the file's own code makes.
  auto FieldNonSocket = [&](const FdKey &K, std::vector<std::string> &Needs) {
    return EveryStore(K, [&](const Event &E) {
      return madeNonSocket(E.Src, E.S, E.Fn, Needs);
    });
  };
  auto FieldDatagram = [&](const FdKey &K) {
    return EveryStore(
        K, [&](const Event &E) { return madeDatagram(E.Src, E.S, E.Fn); });
  };
  for (const FdKey &K : Fields) {
    const auto *FD = dyn_cast_or_null<FieldDecl>(K.D);
    std::string Key = FD ? ProjectFacts::fieldKey(FD) : std::string();
    if (Key.empty() || !mayHoldDescriptor(FD->getType(), Ctx) ||
        SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
      continue;
    ProjectFacts::FieldUse U;
    U.Field = Key;
    std::optional<bool> Created =
        P->fieldKeptBlocking(K, U.Needs, Escaped, CopiesOf[K]);
    U.Blocking = Created.has_value();
    U.Created = Created.value_or(false);
    if (!U.Blocking)
      U.Needs.clear();
    llvm::sort(U.Needs);
    U.Needs.erase(std::unique(U.Needs.begin(), U.Needs.end()), U.Needs.end());
    std::optional<bool> Stores = FieldNonSocket(K, U.NonSocketNeeds);
    U.NonSocket = Stores.has_value();
    U.Stores = Stores.value_or(false);
    if (!U.NonSocket)
      U.NonSocketNeeds.clear();
    llvm::sort(U.NonSocketNeeds);
    U.NonSocketNeeds.erase(
        std::unique(U.NonSocketNeeds.begin(), U.NonSocketNeeds.end()),
        U.NonSocketNeeds.end());
    std::optional<bool> Dgram = FieldDatagram(K);
    U.Datagram = Dgram.has_value();
    U.DatagramStores = Dgram.value_or(false);
    Out.FieldUses.push_back(std::move(U));
  }
  // In an order of their own (the keys above are ordered by address): two
  // runs over the same file write the same summary.
  llvm::sort(Out.FieldUses, [](const ProjectFacts::FieldUse &A,
                               const ProjectFacts::FieldUse &B) {
    return std::tie(A.Field, A.Blocking, A.Created, A.Needs, A.NonSocket,
                    A.Stores, A.NonSocketNeeds, A.Datagram, A.DatagramStores) <
           std::tie(B.Field, B.Blocking, B.Created, B.Needs, B.NonSocket,
                    B.Stores, B.NonSocketNeeds, B.Datagram, B.DatagramStores);
  });
}

void NonBlockingFdAnalysis::exportFacts(ProjectFacts &Out) {
  // This TU's evidence only: NbioCheckBase::loadFacts reads no facts file
  // while exporting.
  assert(!P->Facts && "a summary is made without the project's facts");
  std::vector<const FunctionDecl *> Fns = exportedFunctions();
  const SourceManager &SM = Ctx.getSourceManager();
  Out.ReadsSoError = P->SoErrorRead;
  // The functions that read SO_ERROR or set a socket timeout, by name: a
  // name is listed only if each of the file's definitions of it does (a
  // C++ overload that does not shares the name), and every definition's
  // name goes into DefinedFunctions, so that the merge can drop a name
  // another file (another program of the project) defines otherwise.
  {
    const std::pair<const llvm::DenseSet<const FunctionDecl *> *,
                    std::vector<std::string> *>
        Lists[] = {{&P->SoErrorReaders, &Out.SoErrorReaders},
                   {&P->RcvTimeoSetters, &Out.RcvTimeoutSetters},
                   {&P->SndTimeoSetters, &Out.SndTimeoutSetters}};
    // Per name, per list: whether every definition of the name is in it.
    constexpr size_t NumLists = std::extent_v<decltype(Lists)>;
    std::map<std::string, std::array<bool, NumLists>> AllDo;
    for (const FunctionDecl *Fn : Fns) {
      auto [It, New] = AllDo.try_emplace(Fn->getQualifiedNameAsString());
      if (New)
        It->second.fill(true);
      for (size_t I = 0; I < NumLists; ++I)
        It->second[I] &= Lists[I].first->contains(Fn->getDefinition());
    }
    for (const auto &[Name, Each] : AllDo) {
      Out.DefinedFunctions.push_back(Name);
      for (size_t I = 0; I < NumLists; ++I)
        if (Each[I])
          Lists[I].second->push_back(Name);
    }
  }
  Out.WaitsForReadiness = P->ReadinessWait;
  // The functions that fill an array parameter with a pipe's ends.
  for (const FunctionDecl *Fn : Fns) {
    const FunctionDecl *Def = Fn->getDefinition();
    for (unsigned I = 0; Def && I < Def->getNumParams(); ++I) {
      llvm::ArrayRef<const CallExpr *> Fill = P->paramFillers(Def, I);
      if (!Fill.empty() && llvm::none_of(Fill, [](const CallExpr *C) {
            return globalCalleeName(C) == "socketpair";
          }))
        Out.PipeFillers.push_back(Fn->getQualifiedNameAsString() + ":" +
                                  std::to_string(I));
    }
  }
  llvm::sort(Out.PipeFillers);
  // The functions that store through a pointer parameter only descriptors
  // that are never sockets (or -1), at least one of them: each file's own
  // evidence (no facts are read while exporting). A name is listed with a
  // parameter only if every definition of the name here does so (C++
  // overloads and a template's instances share it); a virtual method
  // never is (a call may run an override).
  {
    std::map<std::string, std::optional<std::set<unsigned>>> ByName;
    for (const FunctionDecl *Fn : Fns) {
      const FunctionDecl *Def = Fn->getDefinition();
      std::set<unsigned> Params;
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Def);
      for (unsigned I = 0;
           Def && !(Method && Method->isVirtual()) && I < Def->getNumParams();
           ++I) {
        std::optional<Impl::OutStores> Stores = P->storesThroughParam(Def, I);
        if (!Stores)
          continue;
        bool Some = false;
        bool All = llvm::all_of(*Stores, [&](const auto &Store) {
          if (constantFd(Store.first, Ctx) == ConstantFd::None)
            return true;
          Some = true;
          return isNeverSocket(Store.first, Store.second, Def);
        });
        if (All && Some)
          Params.insert(I);
      }
      std::optional<std::set<unsigned>> &Listed =
          ByName[Fn->getQualifiedNameAsString()];
      if (!Listed) {
        Listed = std::move(Params);
        continue;
      }
      std::set<unsigned> Both;
      std::set_intersection(Listed->begin(), Listed->end(), Params.begin(),
                            Params.end(), std::inserter(Both, Both.begin()));
      Listed = std::move(Both);
    }
    for (const auto &[Name, Params] : ByName)
      for (unsigned I : *Params)
        Out.NonSocketOutParams.push_back(Name + ":" + std::to_string(I));
    llvm::sort(Out.NonSocketOutParams);
  }
  // What each function does to a struct it is given (its descriptor
  // fields), and the project's variables holding a struct that this file
  // names: a channel's buffer set up in one file and read in another.
  const LangOptions &LO = Ctx.getLangOpts();
  for (const FunctionDecl *Fn : Fns) {
    const FunctionDecl *Def = Fn->getDefinition();
    if (LO.CPlusPlus || LO.ObjC || LO.Blocks)
      break; // the rule is for C (objectFieldBlocking)
    for (unsigned I = 0; Def && Def->getBody() && I < Def->getNumParams();
         ++I) {
      QualType T = Def->getParamDecl(I)->getType();
      if (!T->isPointerType() || !T->getPointeeType()->isRecordType())
        continue;
      // Empty entries too: the merge lists every function summarised, so
      // that a file tells "stores nothing" from "not seen".
      Out.ObjectParams[Fn->getQualifiedNameAsString() + ":" +
                       std::to_string(I)] = P->paramObject(Def, I, true);
    }
  }
  {
    std::map<std::string, const VarDecl *> Named;
    // The bodies that name each variable: a variable's summary scans those
    // alone (redis names `server` in most functions and a dozen other
    // globals in a few; each scanning every body cost more than the rest
    // of the summary pass).
    llvm::DenseMap<const VarDecl *, std::vector<const Stmt *>> BodiesOf;
    for (const Stmt *Body : P->allBodies())
      findStmt(Body, [&](const Stmt *S) {
        const auto *Ref = dyn_cast<DeclRefExpr>(S);
        const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
        // A block-scope `extern` declaration names the project's variable
        // too.
        if (!V || !V->hasGlobalStorage() ||
            (V->isLocalVarDecl() && !V->hasExternalStorage()) ||
            !V->isExternallyVisible() || !V->getIdentifier())
          return false;
        QualType T = V->getType();
        if (T->isRecordType() ||
            (T->isPointerType() && T->getPointeeType()->isRecordType())) {
          Named.try_emplace(V->getQualifiedNameAsString(),
                            V->getCanonicalDecl());
          std::vector<const Stmt *> &Bs = BodiesOf[V->getCanonicalDecl()];
          if (Bs.empty() || Bs.back() != Body)
            Bs.push_back(Body);
        }
        return false;
      });
    for (const auto &[Name, V] : Named) {
      Out.Globals.push_back(Name);
      // And what this file does to the variable's object, for a file that
      // judges the descriptor it keeps (C only, as objectFieldBlocking).
      if (!(LO.CPlusPlus || LO.ObjC || LO.Blocks))
        Out.GlobalObjects[Name] = P->globalObject(V, BodiesOf[V]);
    }
    Out.MainFile = ProjectFacts::mainFileKey(SM);
  }
  // The struct fields this TU's own code gives a non-blocking descriptor.
  std::vector<FdKey> FieldKeys;
  for (const auto &[K, Evs] : P->Events)
    if (K.Kind == FdKey::Field)
      FieldKeys.push_back(K);
  for (const FdKey &K : FieldKeys) {
    std::string Key = ProjectFacts::fieldKey(cast<FieldDecl>(K.D));
    if (Key.empty() ||
        SM.isInSystemHeader(SM.getExpansionLoc(K.D->getLocation())))
      continue;
    std::optional<NonBlockingOrigin> O = P->tuWideNonBlocking(K);
    if (O && O->Loc.isValid()) {
      Out.NonBlockingFields[Key] = fileAndLine(O->Loc, SM);
      continue;
    }
    // A field given a local or parameter that the same function hands to
    // another file's function (pgbouncer's sbuf_accept(): `sbuf->sock =
    // sock; if (!tune_socket(sock, is_unix)) ...`): the mode belongs to
    // the open file, so if that function is a setter (the merge decides),
    // the field holds a non-blocking descriptor. Only a variable that
    // holds one value in the function (a parameter never assigned, or a
    // local assigned once), so that the store and the call name the same
    // descriptor.
    for (const Event &E : P->eventsFor(K)) {
      if (E.Kind != EvKind::Copy || !E.Src || !E.Fn)
        continue;
      const auto *DRE = dyn_cast<DeclRefExpr>(E.Src->IgnoreParenCasts());
      const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      const FunctionDecl *Def = E.Fn->getDefinition();
      if (!V || !V->isLocalVarDeclOrParm() || !Def || !Def->getBody())
        continue;
      unsigned Values = isa<ParmVarDecl>(V) || V->getInit() ? 1 : 0;
      bool AddressTaken = false;
      for (const VarWrite &W : writesOf(V, Def->getBody())) {
        AddressTaken = AddressTaken || W.Address;
        Values += W.Address ? 0 : 1;
      }
      if (Values > 1 || AddressTaken)
        continue;
      for (const CallExpr *C : P->CallsByFn[Def]) {
        const FunctionDecl *Callee = C->getDirectCallee();
        if (!Callee || !Callee->getIdentifier() || Callee->hasBody() ||
            !Callee->isExternallyVisible() ||
            SM.isInSystemHeader(Callee->getLocation()))
          continue;
        for (unsigned A = 0; A < C->getNumArgs(); ++A)
          if (const auto *Arg =
                  dyn_cast<DeclRefExpr>(C->getArg(A)->IgnoreParenImpCasts());
              Arg && Arg->getDecl() == V)
            Out.FieldsIf.push_back(
                {Key,
                 Callee->getQualifiedNameAsString() + ":" + std::to_string(A),
                 fileAndLine(C->getBeginLoc(), SM)});
      }
    }
  }
  llvm::sort(Out.FieldsIf);
  Out.FieldsIf.erase(std::unique(Out.FieldsIf.begin(), Out.FieldsIf.end()),
                     Out.FieldsIf.end());
  Sessions.exportFacts(Out.NonBlockingSessions);
  Sessions.exportBlockingFacts(Out.SessionUses);
  Sessions.exportQuietBios(Out.QuietBios, Out.OtherBios);
  exportParamSites(Out);
  exportNumberChanges(Out);
  // The functions other files may call whose address this file's code
  // takes (a reference that is not a call's callee: a callback handed to
  // an event loop, a table's entry): the calls the param sites show are
  // not all their calls.
  {
    llvm::DenseSet<const Expr *> Called;
    std::vector<const DeclRefExpr *> Refs;
    auto Visit = [&](const Stmt *S) {
      if (const auto *C = dyn_cast<CallExpr>(S))
        Called.insert(C->getCallee()->IgnoreParenImpCasts());
      else if (const auto *R = dyn_cast<DeclRefExpr>(S);
               R && isa<FunctionDecl>(R->getDecl()))
        Refs.push_back(R);
      return false;
    };
    for (const FunctionDecl *Fn : P->Walked)
      if (Fn->getBody())
        findStmt(Fn->getBody(), Visit);
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit())
        findStmt(V->getInit(), Visit);
    std::set<std::string> Taken;
    for (const DeclRefExpr *R : Refs) {
      const auto *F = cast<FunctionDecl>(R->getDecl());
      if (Called.contains(R) || !F->getIdentifier() ||
          !F->isExternallyVisible() ||
          SM.isInSystemHeader(SM.getExpansionLoc(F->getLocation())))
        continue;
      Taken.insert(F->getQualifiedNameAsString());
    }
    Out.AddressTaken.assign(Taken.begin(), Taken.end());
  }
  exportBlocking(Out, Fns);
  // The functions that return a descriptor this TU shows non-blocking
  // (a socket helper of util.c whose callers are in other files).
  for (const FunctionDecl *Fn : Fns) {
    if (!Fn->getReturnType()->isIntegerType())
      continue;
    const FunctionDecl *Def = Fn->getDefinition();
    std::optional<NonBlockingOrigin> O = P->returnsNonBlocking(Def);
    if (!O || !O->Loc.isValid())
      continue;
    ProjectFacts::ReturnedFd &R =
        Out.NonBlockingReturns[Fn->getQualifiedNameAsString()];
    R.MadeAt = fileAndLine(O->Loc, SM);
    // A datagram socket wherever it is returned (or the -1 sentinel).
    const std::vector<const ReturnStmt *> Rets = P->Returns.lookup(Def);
    R.Datagram = !Rets.empty() && llvm::all_of(Rets, [&](const ReturnStmt *RS) {
      const Expr *V = withoutMinus(RS->getRetValue());
      return constantFd(RS->getRetValue(), Ctx) == ConstantFd::None ||
             madeDatagram(V, RS, Def);
    });
  }
  // The functions that make a descriptor with the flags their caller
  // gives (dhcpcd's xsocket()), and return it as it came.
  for (const FunctionDecl *Fn : Fns) {
    const FunctionDecl *Def = Fn->getDefinition();
    if (!Def || P->returnsNonBlocking(Def))
      continue;
    if (std::optional<Impl::FlagParam> F = P->flagParamOf(Def))
      Out.FlagReturns[Fn->getQualifiedNameAsString()] = {
          F->Param, F->Spec->Name.str(),
          fileAndLine(F->Creator->getBeginLoc(), SM), F->Sole, F->Kept};
  }
  for (const FunctionDecl *Fn : Fns) {
    std::string Name = Fn->getQualifiedNameAsString();
    const std::vector<ParamEffect> &Effects = P->summary(Fn);
    for (unsigned I = 0; I < Fn->getNumParams(); ++I) {
      const ParmVarDecl *Param = Fn->getParamDecl(I);
      if (!Param->getType()->isIntegerType())
        continue;
      std::string Entry = Name + ":" + std::to_string(I);
      const ParamEffect *Set = nullptr, *Clear = nullptr;
      for (const ParamEffect &E : Effects)
        if (E.Param == I)
          (E.Set ? Set : Clear) = &E;
      if (Set) {
        std::string Item = Entry;
        if (Set->G.Param)
          Item += ":" + std::to_string(Set->G.Param->getFunctionScopeIndex()) +
                  ":" + (Set->G.WhenTrue ? "1" : "0");
        Out.NonBlocking.push_back(Item);
        Out.Origins[Item] = fileAndLine(Set->Loc, SM);
        continue;
      }
      if (Clear) {
        Out.Blocking.push_back(Entry);
        Out.Origins[Entry] = fileAndLine(Clear->Loc, SM);
        continue;
      }
      // The calls that hand the parameter on, with the argument it is.
      llvm::SmallVector<std::pair<const CallExpr *, unsigned>, 4> HandedTo;
      for (const CallExpr *C : P->CallsByFn[Fn])
        for (unsigned A = 0; A < C->getNumArgs(); ++A) {
          FdKey AK = keyOf(C->getArg(A));
          if (AK.Kind == FdKey::Var && AK.D == Param->getCanonicalDecl())
            HandedTo.push_back({C, A});
        }
      // Handed to another file's function (dante's setsockoptions() gives
      // its socket to setnonblocking(), defined elsewhere): if that one
      // changes the mode, so does this one; the merge decides, and names
      // this call as where. Only a call every run of the function makes
      // as far as its parameters go: reached from the entry with the
      // caller's descriptor still in the parameter, and under no test of a
      // parameter (`if (async) fd_async(s)` picks by a flag the summary
      // cannot name).
      for (auto [C, A] : HandedTo) {
        const FunctionDecl *Callee = C->getDirectCallee();
        if (!Callee || !Callee->getIdentifier() || Callee == Fn ||
            SM.isInSystemHeader(Callee->getLocation()) ||
            !Callee->isExternallyVisible())
          continue;
        llvm::SmallVector<unsigned, 2> StoredLast;
        bool FromEntry = true;
        if (!P->copiesInto(Fn, Param->getCanonicalDecl())
                 .lastAt(C, StoredLast, FromEntry) ||
            !StoredLast.empty() || !FromEntry || underParamTest(C, Fn))
          continue;
        ProjectFacts::ModeVia Via{Entry,
                                  Callee->getQualifiedNameAsString() + ":" +
                                      std::to_string(A),
                                  fileAndLine(C->getBeginLoc(), SM),
                                  {}};
        // Its constant arguments: a callee that picks the mode by a flag
        // (pgbouncer's tune_socket() calls libusual's `socket_setup(sock,
        // true)`) is asked with them by the merge.
        for (unsigned B = 0; B < C->getNumArgs(); ++B)
          if (B != A && !C->getArg(B)->isValueDependent())
            if (std::optional<llvm::APSInt> V =
                    C->getArg(B)->getIntegerConstantExpr(Ctx))
              Via.Flags.push_back({B, V->getBoolValue()});
        Out.ModeIf.push_back(std::move(Via));
      }
      // No change here: the mode is kept if every call it goes to keeps
      // it (a library call that does, a function of this TU, whose effects
      // are in the summary already, or another file's function whose own
      // summary says so: closed by the merge). Said only of a parameter a
      // descriptor can be passed in: every file reads these entries, and
      // most integer parameters of a project are lengths, counts and flags.
      if (!mayHoldDescriptor(Param->getType(), Ctx))
        continue;
      std::vector<std::string> Needs;
      bool Unknown = false;
      for (auto [C, A] : HandedTo) {
        const FunctionDecl *Callee = C->getDirectCallee();
        if (!Callee || !Callee->getIdentifier()) {
          Unknown = true;
          continue;
        }
        const FunctionDecl *Def = Callee->getDefinition();
        if (Impl::callKeepsMode(C, Ctx) || (Def && Def->getBody()) ||
            formatsArgument(Callee, A))
          continue;
        // Copied to a fixed number for a program it starts: kept if no
        // file changes that number's mode (the merge decides).
        if (std::optional<PlacedNumber> Placed = placedNumber(C, Ctx);
            Placed && Placed->SourceArg == A) {
          Needs.push_back(ProjectFacts::placedNumberKept(Placed->Number));
          continue;
        }
        Needs.push_back(Callee->getQualifiedNameAsString() + ":" +
                        std::to_string(A));
      }
      if (Unknown)
        continue;
      if (Needs.empty())
        Out.KeepsMode.push_back(Entry);
      else
        Out.KeepsModeIf.push_back({Entry, std::move(Needs)});
    }
  }
}

bool NonBlockingFdAnalysis::underParamTest(const Stmt *S,
                                           const FunctionDecl *Fn) {
  const ParentMap &PM = Parents.of(Fn);
  auto MentionsParam = [&](const Stmt *Cond) {
    return Cond && findStmt(Cond, [&](const Stmt *X) {
             const auto *R = dyn_cast<DeclRefExpr>(X);
             const auto *PV = R ? dyn_cast<ParmVarDecl>(R->getDecl()) : nullptr;
             return PV && PV->getDeclContext() == Fn;
           });
  };
  for (const Stmt *Child = S, *Up = PM.getParent(S); Up;
       Child = Up, Up = PM.getParent(Up)) {
    const Stmt *Cond = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(Up))
      Cond = Child != If->getCond() ? If->getCond() : nullptr;
    else if (const auto *CO = dyn_cast<AbstractConditionalOperator>(Up))
      Cond = Child != CO->getCond() ? CO->getCond() : nullptr;
    else if (const auto *B = dyn_cast<BinaryOperator>(Up))
      Cond = B->isLogicalOp() && Child == B->getRHS() ? B->getLHS() : nullptr;
    else if (const auto *W = dyn_cast<WhileStmt>(Up))
      Cond = Child == W->getBody() ? W->getCond() : nullptr;
    else if (const auto *F = dyn_cast<ForStmt>(Up))
      Cond = Child == F->getBody() || Child == F->getInc() ? F->getCond()
                                                           : nullptr;
    else if (const auto *Sw = dyn_cast<SwitchStmt>(Up))
      Cond = Child == Sw->getBody() ? Sw->getCond() : nullptr;
    if (MentionsParam(Cond))
      return true;
  }
  return false;
}

bool NonBlockingFdAnalysis::isPipeEnd(const Expr *Fd) {
  P->collect();
  FdKey K = keyOf(Fd);
  if (K.Kind != FdKey::Elem || !K.D)
    return false;
  // Every filler a pipe (a socketpair() into the same array on another
  // path makes it a socket there), and nothing else stored in the element.
  bool Any = false, AllPipes = true;
  P->forEachArrayFiller(K.D, [&](const CallExpr *C, const CallExpr *) {
    Any = true;
    AllPipes = AllPipes && globalCalleeName(C) != "socketpair";
  });
  // Nor an element a function is given to fill (`refill(&p[0])`, or
  // `&p[i]` for any element), which may store anything there.
  if (!P->addressFillsInto(K).empty() || P->fillsOtherElement(K))
    return false;
  // A -1 stored to mark the element closed or unset holds no descriptor.
  return Any && AllPipes && llvm::none_of(P->eventsFor(K), [&](const Event &E) {
           Expr::EvalResult R;
           return E.Kind == EvKind::Copy &&
                  !(E.Src && !E.Src->isValueDependent() &&
                    E.Src->EvaluateAsInt(R, Ctx) &&
                    R.Val.getInt().isNegative());
         });
}

bool NonBlockingFdAnalysis::sameDescriptor(const Expr *A, const Expr *B) {
  FdKey KA = keyOf(A), KB = keyOf(B);
  return KA.valid() && KA.Kind == KB.Kind && KA.D == KB.D &&
         KA.Index == KB.Index;
}

bool NonBlockingFdAnalysis::isTunDevice(const Expr *Fd) {
  P->collect();
  if (keyOf(Fd).Kind == FdKey::Number)
    return false;
  // The descriptors of the TU's ioctl(fd, TUNSETIFF, ...) calls, found once:
  // a look at every call of the TU at each write was quadratic.
  if (!P->TunFds || P->TunFdsAtCalls != P->WalkedCalls) {
    P->TunFds.emplace();
    P->TunFdsAtCalls = P->WalkedCalls;
    for (const auto &[Fn, Calls] : P->CallsByFn)
      for (const CallExpr *C : Calls)
        if (globalCalleeName(C) == "ioctl" && C->getNumArgs() >= 2 &&
            mentionsName(C->getArg(1), "TUNSETIFF", Ctx))
          P->TunFds->push_back(C->getArg(0));
  }
  return llvm::any_of(*P->TunFds,
                      [&](const Expr *E) { return sameDescriptor(E, Fd); });
}

/// \p S leaves the function: a return, a call of a function declared
/// noreturn (exit, abort, a project's fatal()), or a block that ends with
/// one. A goto does not count: it may jump forward past the code it skips.
static bool leavesFunction(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return !CS->body_empty() && leavesFunction(CS->body_back());
  if (const auto *E = dyn_cast<Expr>(S))
    if (const auto *C = dyn_cast<CallExpr>(E->IgnoreParenImpCasts()))
      if (const FunctionDecl *FD = C->getDirectCallee())
        return FD->isNoReturn();
  return false;
}

/// The isatty(), tcgetattr() and tcsetattr() calls whose "not a terminal"
/// answer makes \p Cond true: `!isatty(fd)`, `isatty(fd) == 0`,
/// `tcgetattr(fd, &t)` (non-zero is failure), `!= 0`, `< 0`, `== -1`, and
/// either side of `||`.
static void notTerminalTests(const Expr *Cond, const ASTContext &Ctx,
                             llvm::SmallVectorImpl<const CallExpr *> &Out) {
  Cond = Cond->IgnoreParenImpCasts();
  auto Test = [](const Expr *E, bool Isatty) -> const CallExpr * {
    const auto *C = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
    if (!C || C->getNumArgs() < 1)
      return nullptr;
    StringRef N = globalCalleeName(C);
    return (Isatty ? N == "isatty" : N == "tcgetattr" || N == "tcsetattr")
               ? C
               : nullptr;
  };
  if (const auto *B = dyn_cast<BinaryOperator>(Cond)) {
    if (B->getOpcode() == BO_LOr) {
      notTerminalTests(B->getLHS(), Ctx, Out);
      notTerminalTests(B->getRHS(), Ctx, Out);
      return;
    }
    const Expr *L = B->getLHS(), *R = B->getRHS();
    for (auto [Side, Other] : {std::pair(L, R), std::pair(R, L)}) {
      if (const CallExpr *C = Test(Side, true);
          C && B->getOpcode() == BO_EQ && constantValue(Other, Ctx) == 0)
        Out.push_back(C);
      if (const CallExpr *C = Test(Side, false);
          C && ((B->getOpcode() == BO_NE && constantValue(Other, Ctx) == 0) ||
                (B->getOpcode() == BO_EQ && constantValue(Other, Ctx) == -1) ||
                (Side == L && B->getOpcode() == BO_LT &&
                 constantValue(Other, Ctx) == 0)))
        Out.push_back(C);
    }
    return;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(Cond)) {
    if (U->getOpcode() == UO_LNot)
      if (const CallExpr *C = Test(U->getSubExpr(), true))
        Out.push_back(C);
    return;
  }
  if (const CallExpr *C = Test(Cond, false))
    Out.push_back(C);
}

bool NonBlockingFdAnalysis::isTerminal(const Expr *Fd, const Stmt *At,
                                       const FunctionDecl *Fn) {
  P->collect();
  FdKey K = keyOf(Fd);
  if (!K.valid() || K.Kind == FdKey::Number)
    return false;
  // The TU's refusing tests, found once: the `if`s of the functions that
  // call isatty(), tcgetattr() or tcsetattr() at all.
  if (!P->TerminalTests || P->TerminalTestsAtCalls != P->WalkedCalls) {
    P->TerminalTests.emplace();
    P->TerminalTestsAtCalls = P->WalkedCalls;
    for (const auto &Entry : P->CallsByFn) {
      const FunctionDecl *F = Entry.first;
      if (!F->hasBody() || llvm::none_of(Entry.second, [](const CallExpr *C) {
            StringRef N = globalCalleeName(C);
            return N == "isatty" || N == "tcgetattr" || N == "tcsetattr";
          }))
        continue;
      findStmt(F->getBody(), [&](const Stmt *S) {
        const auto *If = dyn_cast<IfStmt>(S);
        if (!If || !If->getCond() || !leavesFunction(If->getThen()))
          return false;
        llvm::SmallVector<const CallExpr *, 2> Tests;
        notTerminalTests(If->getCond(), Ctx, Tests);
        for (const CallExpr *C : Tests)
          P->TerminalTests->push_back({C->getArg(0), C, If->getThen(), F});
        return false;
      });
    }
  }
  llvm::SmallVector<const Impl::TerminalTest *, 4> Mine;
  for (const Impl::TerminalTest &T : *P->TerminalTests)
    if (sameDescriptor(T.Fd, Fd))
      Mine.push_back(&T);
  // The use on the refusing side (`if (!isatty(fd)) { write(fd, ...);
  // return -1; }`) is not shown a terminal.
  auto Refused = [&](const Impl::TerminalTest *T) {
    return T->Fn == Fn && findStmt(T->Refusal, [&](const Stmt *S) {
                            return S == At;
                          }) != nullptr;
  };
  if (Mine.empty() || llvm::any_of(Mine, Refused))
    return false;
  if (K.isTuWide()) {
    // Unless the file also stores a socket in it, or what a function
    // returns (one of the project's, which may make a socket): the field
    // may then hold either.
    for (const Event &E : P->eventsFor(K))
      if (E.Kind == EvKind::Copy && E.Src)
        if (const auto *C = dyn_cast<CallExpr>(E.Src->IgnoreParenCasts());
            C && !createsNonSocket(globalCalleeName(C)))
          return false;
    llvm::SmallVector<Creator, 4> Found;
    creators(Fd, At, Fn, Found);
    return llvm::all_of(Found, [](const Creator &C) {
      return createsNonSocket(globalCalleeName(C.Call));
    });
  }
  // A local or a parameter: on every path to the use, the last test or
  // store is a test of this function (its refusing side left).
  const auto *Var = dyn_cast<VarDecl>(K.D);
  if (!Var || !Fn || !Fn->getBody())
    return false;
  llvm::SmallVector<const Stmt *, 8> Defs;
  for (const Impl::TerminalTest *T : Mine)
    if (T->Fn == Fn)
      Defs.push_back(T->Test);
  const size_t Tests = Defs.size();
  if (!Tests)
    return false;
  for (const VarWrite &W : writesOf(Var, Fn->getBody()))
    Defs.push_back(W.S);
  FunctionCfgs::LastOnPaths Last(Cfgs, Fn, Defs);
  llvm::SmallVector<unsigned, 4> LastDefs;
  bool FromEntry = false;
  return Last.valid() && Last.at(At, LastDefs, FromEntry) && !FromEntry &&
         !LastDefs.empty() &&
         llvm::all_of(LastDefs, [&](unsigned I) { return I < Tests; });
}

bool NonBlockingFdAnalysis::shownBlocking(const Expr *Fd) {
  P->collect();
  // A call's result used at once (`read(priv_fd(), ...)`): what the
  // function returns, as for a local that keeps it (`fd = priv_fd()`).
  if (const auto *C =
          dyn_cast_or_null<CallExpr>(Fd ? Fd->IgnoreParenCasts() : nullptr))
    return P->givesBlocking(C, 0);
  return P->shownBlocking(keyOf(Fd)) || P->objectFieldBlocking(Fd);
}

bool NonBlockingFdAnalysis::readsSoError() {
  P->collect();
  if (P->SoErrorRead)
    return true;
  // A call to another file's function that reads it (the facts: lighttpd's
  // fdevent_connect_status(fd) in fdevent.c).
  return P->Facts && P->callsFunctionNamedIn(P->Facts->SoErrorReaders,
                                             P->CallsSoErrorReader);
}

bool NonBlockingFdAnalysis::waitsForReadiness() {
  P->collect();
  return P->ReadinessWait;
}

bool NonBlockingFdAnalysis::projectReadsSoError() {
  return readsSoError() || (P->Facts && P->Facts->ReadsSoError);
}

const ProjectFacts *NonBlockingFdAnalysis::projectFacts() const {
  return P->Facts.get();
}

bool NonBlockingFdAnalysis::projectWaitsForReadiness() {
  return waitsForReadiness() || (P->Facts && P->Facts->WaitsForReadiness);
}

bool NonBlockingFdAnalysis::setsSocketTimeout(Direction D) {
  P->collect();
  bool Read = D == Direction::Read;
  if (Read ? P->RcvTimeo : P->SndTimeo)
    return true;
  // A call to another file's function whose own body sets it (the facts:
  // iperf's Client.cpp calls SetSocketOptionsSendTimeout() of
  // PerfSocket.cpp): this file sets the timeout as if it called setsockopt
  // itself. Per file, as the file's own setsockopt is, not project-wide:
  // one file's timeout says nothing of the sockets of the files that
  // never ask for one.
  return P->Facts &&
         P->callsFunctionNamedIn(
             Read ? P->Facts->RcvTimeoutSetters : P->Facts->SndTimeoutSetters,
             Read ? P->CallsRcvTimeoSetter : P->CallsSndTimeoSetter);
}

} // namespace clang::tidy::nbio
