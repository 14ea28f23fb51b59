//===--- TlsSessions.cpp - TLS sessions over non-blocking descriptors -----===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "TlsSessions.h"
#include "ErrnoFacts.h"
#include "IoCalls.h"
#include "NonBlockingFdAnalysis.h"
#include "ProjectFacts.h"
#include "SourceText.h"
#include "StmtSearch.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <functional>

namespace clang::tidy::nbio {

namespace {
/// What a library call tells about the object at its SessionArg.
enum class Says {
  Descriptor, ///< it runs over the descriptor (or object) at Arg
  Switch,     ///< it is made non-blocking (with Arg >= 0: only if that
              ///< argument is 0, libssh2_session_set_blocking(s, 0))
  MadeFrom,   ///< the call's result is made from it and works in its mode
  MadeOver,   ///< the call's result runs over the descriptor at SessionArg
};
struct BindingCall {
  llvm::StringLiteral Name;
  unsigned SessionArg;
  Says What;
  int Arg = -1;
};
constexpr BindingCall BindingCalls[] = {
    {"SSL_set_fd", 0, Says::Descriptor, 1},
    {"SSL_set_rfd", 0, Says::Descriptor, 1},
    {"SSL_set_wfd", 0, Says::Descriptor, 1},
    {"SSL_set_bio", 0, Says::Descriptor, 1},
    {"SSL_set_bio", 0, Says::Descriptor, 2},
    {"wolfSSL_set_fd", 0, Says::Descriptor, 1},
    {"wolfSSL_set_read_fd", 0, Says::Descriptor, 1},
    {"wolfSSL_set_write_fd", 0, Says::Descriptor, 1},
    {"gnutls_transport_set_int", 0, Says::Descriptor, 1},
    {"gnutls_transport_set_int2", 0, Says::Descriptor, 1},
    {"gnutls_transport_set_int2", 0, Says::Descriptor, 2},
    {"gnutls_transport_set_ptr", 0, Says::Descriptor, 1},
    {"gnutls_transport_set_ptr2", 0, Says::Descriptor, 1},
    {"gnutls_transport_set_ptr2", 0, Says::Descriptor, 2},
    // TCP Fast Open: the session sends on the descriptor with sendto().
    {"gnutls_transport_set_fastopen", 0, Says::Descriptor, 1},
    {"mbedtls_ssl_set_bio", 0, Says::Descriptor, 1},
    // libtls: the context (tls_accept_*: the one it makes, through its
    // second argument) over the socket, or the two descriptors.
    {"tls_connect_socket", 0, Says::Descriptor, 1},
    {"tls_connect_fds", 0, Says::Descriptor, 1},
    {"tls_connect_fds", 0, Says::Descriptor, 2},
    {"tls_accept_socket", 1, Says::Descriptor, 2},
    {"tls_accept_fds", 1, Says::Descriptor, 2},
    {"tls_accept_fds", 1, Says::Descriptor, 3},
    {"libssh2_session_set_blocking", 0, Says::Switch, 1},
    {"mbedtls_net_set_nonblock", 0, Says::Switch},
    // BIO_set_nbio(b, 1) is BIO_ctrl(b, BIO_C_SET_NBIO, 1, NULL): checked
    // by bioSetsNbio.
    {"BIO_ctrl", 0, Says::Switch},
    // `ch = libssh2_channel_open_session(s)`: a channel or an SFTP session
    // of a libssh2 session.
    {"libssh2_channel_open_ex", 0, Says::MadeFrom},
    {"libssh2_channel_direct_tcpip_ex", 0, Says::MadeFrom},
    {"libssh2_sftp_init", 0, Says::MadeFrom},
    {"libssh2_sftp_open_ex", 0, Says::MadeFrom},
    // `b = SSL_get_rbio(ssl)`: the BIO a session reads (or writes)
    // through, over the session's descriptor.
    {"SSL_get_rbio", 0, Says::MadeFrom},
    {"SSL_get_wbio", 0, Says::MadeFrom},
    // `b = BIO_new_socket(fd, BIO_NOCLOSE)`: a BIO over a descriptor.
    {"BIO_new_socket", 0, Says::MadeOver},
};

/// GnuTLS's calls that give a session the program's own transport
/// functions in place of the system's (send, recv and a readiness wait
/// over the descriptor).
struct TransportCall {
  llvm::StringLiteral Name;
  decltype(TlsSessions::OwnTransport::Role) Role;
};
constexpr TransportCall TransportCalls[] = {
    {"gnutls_transport_set_push_function", TlsSessions::OwnTransport::Push},
    {"gnutls_transport_set_vec_push_function", TlsSessions::OwnTransport::Push},
    {"gnutls_transport_set_pull_function", TlsSessions::OwnTransport::Pull},
    {"gnutls_transport_set_pull_timeout_function",
     TlsSessions::OwnTransport::Wait},
    {"gnutls_transport_set_errno_function", TlsSessions::OwnTransport::Errno},
};

/// The variable or struct field that holds the object \p E names: `ssl`,
/// `c->ssl`, `&ctx`, `(gnutls_transport_ptr_t)(long)fd`.
const Decl *holder(const Expr *E) {
  return fdIdentity(E, /*ThroughPointers=*/true);
}
/// BIO_ctrl(b, BIO_C_SET_NBIO, n, NULL) with n != 0: BIO_set_nbio(b, 1).
bool bioSetsNbio(const CallExpr *C) {
  constexpr int64_t SetNbio = 102; // BIO_C_SET_NBIO, openssl/bio.h
  if (C->getNumArgs() < 3)
    return false;
  const ASTContext &Ctx = C->getCalleeDecl()->getASTContext();
  Expr::EvalResult Cmd, N;
  return !C->getArg(1)->isValueDependent() &&
         !C->getArg(2)->isValueDependent() &&
         C->getArg(1)->EvaluateAsInt(Cmd, Ctx) &&
         Cmd.Val.getInt() == SetNbio && C->getArg(2)->EvaluateAsInt(N, Ctx) &&
         N.Val.getInt() != 0;
}
/// The name the user wrote: the macro (`BIO_set_nbio`) rather than the
/// function it expands to (`BIO_ctrl`).
std::string spelledName(const CallExpr *C) {
  SourceLocation L = C->getBeginLoc();
  if (L.isMacroID()) {
    const ASTContext &Ctx = C->getCalleeDecl()->getASTContext();
    llvm::StringRef M = Lexer::getImmediateMacroName(L, Ctx.getSourceManager(),
                                                      Ctx.getLangOpts());
    if (!M.empty())
      return M.str();
  }
  return globalCalleeName(C).str();
}
/// The first store to \p V in \p Body that \p Bad takes: an assignment
/// (`v = x`, `v |= x`; \p Bad is given it and its right side) or a unary
/// operator on \p V (`&v`, `v++`; given it and null).
const Stmt *
findStore(const Stmt *Body, const VarDecl *V,
          llvm::function_ref<bool(const Stmt *, const Expr *)> Bad) {
  return findStmt(Body, [&](const Stmt *S) {
    const Expr *Target = nullptr, *From = nullptr;
    if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isAssignmentOp()) {
      Target = B->getLHS();
      From = B->getRHS();
    } else if (const auto *U = dyn_cast<UnaryOperator>(S)) {
      Target = U->getSubExpr();
    }
    const auto *T =
        Target ? dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()) : nullptr;
    return T && T->getDecl() == V && Bad(S, From);
  });
}

/// A session over the descriptor \p O is about, bound by \p Binding.
TlsSessions::Origin fromFd(const NonBlockingOrigin &O,
                           const CallExpr *Binding) {
  TlsSessions::Origin R;
  R.Loc = O.Loc;
  R.Note = O.Note;
  R.LinuxOnly = O.LinuxOnly;
  R.Binding = Binding;
  return R;
}
} // namespace

namespace {
/// GNUTLS_NONBLOCK's value, as the translation unit's <gnutls/gnutls.h>
/// declares it (an enumerator), or none.
std::optional<uint64_t> nonBlockFlag(const ASTContext &Ctx) {
  DeclarationName Name(&Ctx.Idents.get("GNUTLS_NONBLOCK"));
  for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(Name))
    if (const auto *E = dyn_cast<EnumConstantDecl>(D))
      return E->getInitVal().getLimitedValue();
  return std::nullopt;
}

/// \p E, a value or'ed into gnutls_init's flags, may hold GNUTLS_NONBLOCK:
/// it names it, or one of its constant parts has its bit (`8`, an alias
/// `kNonBlock`, an enumerator of the program's own equal to it).
bool mayHoldNonBlock(const Expr *E, const ASTContext &Ctx) {
  if (NonBlockingFdAnalysis::mentionsName(E, "GNUTLS_NONBLOCK", Ctx))
    return true;
  std::optional<uint64_t> Bit = nonBlockFlag(Ctx);
  if (!Bit)
    return false;
  // Flags are a few terms or'ed together; a deeper expression is taken to
  // hold it rather than followed (the stack).
  constexpr unsigned MaxFlagsDepth = 32;
  std::function<bool(const Expr *, unsigned)> Holds = [&](const Expr *X,
                                                          unsigned Depth) {
    if (Depth > MaxFlagsDepth)
      return true;
    if (!X->isValueDependent() && X->isIntegerConstantExpr(Ctx)) {
      Expr::EvalResult R;
      return !X->EvaluateAsInt(R, Ctx) ||
             (R.Val.getInt().getLimitedValue() & *Bit) != 0;
    }
    for (const Stmt *C : X->children())
      if (const auto *CE = dyn_cast_or_null<Expr>(C);
          CE && Holds(CE, Depth + 1))
        return true;
    return false;
  };
  return Holds(E, 0);
}

/// How flags may be changed and stay known: set, or'ed with, masked.
bool keepsFlagsKnown(BinaryOperatorKind Op) {
  return Op == BO_Assign || Op == BO_OrAssign || Op == BO_AndAssign;
}
} // namespace

bool TlsSessions::flagsOwnConstants(const Expr *Flags, const FunctionDecl *Fn) {
  if (!Fn || !Fn->getBody())
    return false;
  const ASTContext &Ctx = Fn->getASTContext();
  // The function names GNUTLS_NONBLOCK nowhere...
  if (NonBlockingFdAnalysis::mentionsName(Fn->getBody(), "GNUTLS_NONBLOCK",
                                          Ctx))
    return false;
  // ...and the flags are its locals, each given only constants and locals
  // (`flags = GNUTLS_SERVER; flags |= GNUTLS_DATAGRAM`), never a parameter,
  // a global, a field or a call.
  llvm::SmallVector<const VarDecl *, 4> Work;
  llvm::DenseSet<const VarDecl *> Seen;
  auto OnlyLocals = [&](const Expr *E) {
    return !mayHoldNonBlock(E, Ctx) && !findStmt(E, [&](const Stmt *S) {
      if (isa<CallExpr>(S) || isa<MemberExpr>(S) || isa<ArraySubscriptExpr>(S))
        return true;
      const auto *R = dyn_cast<DeclRefExpr>(S);
      if (!R || isa<EnumConstantDecl>(R->getDecl()))
        return false;
      const auto *V = dyn_cast<VarDecl>(R->getDecl());
      if (V && V->hasGlobalStorage())
        return !staticFlagsConstants(V);
      if (!V || !V->isLocalVarDecl())
        return true;
      if (Seen.insert(V).second)
        Work.push_back(V);
      return false;
    });
  };
  if (!OnlyLocals(Flags))
    return false;
  while (!Work.empty()) {
    const VarDecl *V = Work.pop_back_val();
    if (V->getInit() && !OnlyLocals(V->getInit()))
      return false;
    // Every store to it (`|=` included: constants or'ed in; not `+=` or
    // `<<=`, which may make any bit), and never its address.
    if (findStore(Fn->getBody(), V, [&](const Stmt *Op, const Expr *From) {
          if (const auto *U = dyn_cast<UnaryOperator>(Op))
            return U->getOpcode() == UO_AddrOf || U->isIncrementDecrementOp();
          return !keepsFlagsKnown(cast<BinaryOperator>(Op)->getOpcode()) ||
                 !OnlyLocals(From);
        }))
      return false;
  }
  return true;
}

bool TlsSessions::staticFlagsConstants(const VarDecl *V) {
  V = V->getCanonicalDecl();
  // Not a class's static member: `this->flags` and `obj.flags` name it
  // too.
  if (!V->hasGlobalStorage() || V->isExternallyVisible() ||
      V->isStaticDataMember() || !V->getType()->isIntegerType() ||
      V->getType().isVolatileQualified())
    return false;
  ASTContext &Ctx = V->getASTContext();
  auto Constant = [&](const Expr *E) {
    return E && !E->isValueDependent() && E->isIntegerConstantExpr(Ctx) &&
           !mayHoldNonBlock(E, Ctx);
  };
  if (const VarDecl *Def = V->getDefinition();
      Def && Def->getInit() && !Constant(Def->getInit()))
    return false;
  // Every name of it in the translation unit (functions, other globals'
  // initializers): a read, or the left side of an assignment of a
  // constant. The parents are the whole TU's (ParentMapContext), asked
  // only for a gnutls_init whose flags are such a variable.
  struct Refs : RecursiveASTVisitor<Refs> {
    const VarDecl *V;
    std::vector<const DeclRefExpr *> Found;
    bool shouldVisitTemplateInstantiations() const { return true; }
    bool shouldVisitImplicitCode() const { return true; }
    bool VisitDeclRefExpr(DeclRefExpr *R) {
      if (R->getDecl()->getCanonicalDecl() == V)
        Found.push_back(R);
      return true;
    }
  } Scan;
  Scan.V = V;
  Scan.TraverseAST(Ctx);
  for (const DeclRefExpr *R : Scan.Found) {
    const Expr *Up = R;
    DynTypedNodeList Ps = Ctx.getParents(*Up);
    while (Ps.size() == 1 && Ps[0].get<ParenExpr>()) {
      Up = Ps[0].get<ParenExpr>();
      Ps = Ctx.getParents(*Up);
    }
    if (Ps.size() != 1)
      return false;
    if (const auto *C = Ps[0].get<ImplicitCastExpr>();
        C && C->getCastKind() == CK_LValueToRValue)
      continue;
    const auto *B = Ps[0].get<BinaryOperator>();
    if (!B || !keepsFlagsKnown(B->getOpcode()) || B->getLHS() != Up ||
        !Constant(B->getRHS()))
      return false;
  }
  return true;
}

void TlsSessions::collect() {
  Collected = true;
  A.forEachCallee([&](const FunctionDecl *FD,
                      llvm::ArrayRef<const CallExpr *> Calls) {
    if (!FD->getIdentifier())
      return;
    // gnutls_init(&s, ... | GNUTLS_NONBLOCK): a DTLS session that does not
    // wait for its own timeouts, whatever its descriptor.
    // Flags computed at run time may hold it too, unless they come from
    // the function's own constants (gnutls-serv's `flags |=
    // GNUTLS_DATAGRAM` in a function that never names GNUTLS_NONBLOCK).
    if (FD->getName() == "gnutls_init")
      for (const CallExpr *C : Calls) {
        if (C->getNumArgs() < 2)
          continue;
        const Expr *Flags = C->getArg(1);
        const ASTContext &Ctx = FD->getASTContext();
        bool Constant =
            !Flags->isValueDependent() && Flags->isIntegerConstantExpr(Ctx);
        if ((Constant && !NonBlockingFdAnalysis::mentionsName(
                             Flags, "GNUTLS_NONBLOCK", Ctx)) ||
            (!Constant && flagsOwnConstants(Flags, A.enclosingFunction(C))))
          continue;
        NonBlockingInits.push_back(holder(C->getArg(0)));
      }
    for (const TransportCall &TC : TransportCalls) {
      if (FD->getName() != TC.Name)
        continue;
      for (const CallExpr *C : Calls) {
        if (C->getNumArgs() < 2)
          continue;
        const FunctionDecl *Fn = functionNamedBy(C->getArg(1));
        Fn = Fn ? Fn->getDefinition() : nullptr;
        OwnTransports.push_back({C, C->getArg(0), Fn, TC.Role});
      }
    }
    for (const BindingCall &BC : BindingCalls) {
      if (FD->getName() != BC.Name)
        continue;
      for (const CallExpr *C : Calls) {
        if (int(C->getNumArgs()) <= std::max<int>(BC.SessionArg, BC.Arg))
          continue;
        if (BC.Name == "BIO_ctrl" && !bioSetsNbio(C))
          continue;
        if (BC.What == Says::Switch && BC.Arg >= 0) {
          // libssh2_session_set_blocking(s, 0): non-blocking only with 0.
          Expr::EvalResult R;
          const Expr *Z = C->getArg(BC.Arg);
          if (Z->isValueDependent() ||
              !Z->EvaluateAsInt(R, FD->getASTContext()) ||
              R.Val.getInt() != 0)
            continue;
        }
        if (BC.What == Says::MadeFrom || BC.What == Says::MadeOver) {
          // `ch = libssh2_channel_open_session(s)`: what holds the result.
          const FunctionDecl *Fn = A.enclosingFunction(C);
          const Stmt *P = Fn ? A.functionParents().of(Fn).getParent(C) : nullptr;
          while (P && (isa<ImplicitCastExpr>(P) || isa<ParenExpr>(P) ||
                       isa<CStyleCastExpr>(P)))
            P = A.functionParents().of(Fn).getParent(P);
          const Decl *Made = nullptr;
          if (const auto *B = dyn_cast_or_null<BinaryOperator>(P);
              B && B->getOpcode() == BO_Assign)
            Made = holder(B->getLHS());
          else if (const auto *DS = dyn_cast_or_null<DeclStmt>(P))
            for (const Decl *D : DS->decls())
              if (const auto *V = dyn_cast<VarDecl>(D);
                  V && V->getInit() && V->getInit()->IgnoreParenCasts() == C)
                Made = V->getCanonicalDecl();
          if (Made && BC.What == Says::MadeFrom)
            Derived.push_back({Made, C->getArg(BC.SessionArg)});
          else if (Made)
            MadeOver.push_back({Made, C});
          continue;
        }
        Bindings.push_back({C, C->getArg(BC.SessionArg),
                            BC.What == Says::Descriptor ? C->getArg(BC.Arg)
                                                        : nullptr});
      }
    }
  });
  // A session bound on a local and then stored where the other functions
  // find it (`SSL_set_fd(ssl, client); ps->ssl = ssl;`, hitch): the
  // holder it is stored in is made from the local. Only in the functions
  // that bind one, which are few.
  llvm::DenseSet<const FunctionDecl *> Searched;
  for (size_t I = 0, N = Bindings.size(); I < N; ++I) {
    const auto *Local = dyn_cast_or_null<VarDecl>(holder(Bindings[I].Session));
    const FunctionDecl *Fn = A.enclosingFunction(Bindings[I].Call);
    if (!Local || !Local->isLocalVarDecl() || !Fn || !Fn->getBody() ||
        !Searched.insert(Fn).second)
      continue;
    findStmt(Fn->getBody(), [&](const Stmt *S) {
      const Expr *To = nullptr, *From = nullptr;
      if (const auto *B = dyn_cast<BinaryOperator>(S);
          B && B->getOpcode() == BO_Assign) {
        To = B->getLHS();
        From = B->getRHS();
      }
      const auto *R =
          From ? dyn_cast<DeclRefExpr>(From->IgnoreParenImpCasts()) : nullptr;
      const auto *V = R ? dyn_cast<VarDecl>(R->getDecl()) : nullptr;
      const Decl *Made = To ? holder(To) : nullptr;
      if (V && Made && Made != V->getCanonicalDecl() &&
          llvm::any_of(Bindings, [&](const Binding &Bd) {
            return holder(Bd.Session) == V->getCanonicalDecl();
          }))
        Derived.push_back({Made, From});
      return false;
    });
  }
}

std::optional<TlsSessions::Origin>
TlsSessions::nonBlocking(const Expr *Session) {
  if (!Collected)
    collect();
  return nonBlocking(holder(Session), 0);
}

std::optional<TlsSessions::Origin>
TlsSessions::nonBlocking(const Expr *Session, const Stmt *At,
                         const FunctionDecl *Fn) {
  AskedAt = At;
  AskedIn = Fn ? Fn->getDefinition() : nullptr;
  std::optional<Origin> O = nonBlocking(Session);
  AskedAt = nullptr;
  AskedIn = nullptr;
  return O;
}

bool TlsSessions::mayBindBefore(const CallExpr *Binding) {
  if (!AskedAt || !AskedIn)
    return true;
  const FunctionDecl *Fn = A.enclosingFunction(Binding);
  if (!Fn || Fn->getDefinition() != AskedIn)
    return true; // another function: a caller's or a setup's
  return A.functionCfgs().mayReach(AskedIn, Binding, AskedAt);
}

namespace {
/// The calls that switch a mode of an OpenSSL or wolfSSL context or
/// session. Ctrl: the `SSL_CTX_ctrl(ctx, SSL_CTRL_MODE, op, NULL)` form
/// OpenSSL's SSL_CTX_set_mode and SSL_set_mode macros expand to, whose
/// command says on or off; otherwise the function form (BoringSSL's, and
/// wolfSSL's SSL_CTX_set_mode).
struct ModeCall {
  llvm::StringLiteral Name;
  bool OnContext;
  bool Ctrl;
  bool On; ///< for the function form
};
constexpr ModeCall ModeCalls[] = {
    {"SSL_CTX_ctrl", true, true, true},
    {"SSL_ctrl", false, true, true},
    {"wolfSSL_CTX_ctrl", true, true, true},
    {"wolfSSL_ctrl", false, true, true},
    {"SSL_CTX_set_mode", true, false, true},
    {"SSL_set_mode", false, false, true},
    {"SSL_CTX_clear_mode", true, false, false},
    {"SSL_clear_mode", false, false, false},
    {"wolfSSL_CTX_set_mode", true, false, true},
    {"wolfSSL_set_mode", false, false, true},
};
} // namespace

const TlsSessions::ModeSwitch *
TlsSessions::partialWrites(const Expr *Session, const Stmt *At,
                           const FunctionDecl *Fn) {
  if (!ModeSwitches) {
    ModeSwitches.emplace();
    A.forEachCallee(
        [&](const FunctionDecl *FD, llvm::ArrayRef<const CallExpr *> Calls) {
          if (!FD->getIdentifier())
            return;
          const ModeCall *MC = llvm::find_if(ModeCalls, [&](const ModeCall &M) {
            return M.Name == FD->getName();
          });
          if (MC == std::end(ModeCalls))
            return;
          const ASTContext &Ctx = FD->getASTContext();
          unsigned OpArg = MC->Ctrl ? 2 : 1;
          for (const CallExpr *C : Calls) {
            if (C->getNumArgs() <= OpArg)
              continue;
            bool On = MC->On;
            if (MC->Ctrl) {
              // The command by its name: OpenSSL and wolfSSL give it the same.
              if (NonBlockingFdAnalysis::mentionsName(C->getArg(1),
                                                      "SSL_CTRL_MODE", Ctx))
                On = true;
              else if (NonBlockingFdAnalysis::mentionsName(
                           C->getArg(1), "SSL_CTRL_CLEAR_MODE", Ctx))
                On = false;
              else
                continue;
            }
            // The mode by its name too: its value differs (1 in OpenSSL, 2 in
            // wolfSSL). A mode computed elsewhere (`long m = ...;`) is not
            // seen, and the writes stay quiet.
            if (!NonBlockingFdAnalysis::mentionsName(
                    C->getArg(OpArg), "SSL_MODE_ENABLE_PARTIAL_WRITE", Ctx))
              continue;
            ModeSwitches->push_back({C, C->getArg(0), MC->OnContext, On});
          }
        });
  }
  const Decl *H = holder(Session);
  const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
  const ModeSwitch *Found = nullptr;
  bool ContextOff = false;
  for (const ModeSwitch &M : *ModeSwitches) {
    if (M.On) {
      if (!Found && (M.OnContext || (H && holder(M.Object) == H)))
        Found = &M;
      continue;
    }
    // A context's mode turned off anywhere: which sessions were made
    // before is not followed, so a context's switch no longer decides.
    if (M.OnContext) {
      ContextOff = true;
      continue;
    }
    // Turned off for this session where it may run before the write.
    if (!H || holder(M.Object) != H || !Def)
      continue;
    const FunctionDecl *In = A.enclosingFunction(M.Call);
    if (In && In->getDefinition() == Def &&
        A.functionCfgs().mayReach(Def, M.Call, At))
      return nullptr;
  }
  if (Found && Found->OnContext && ContextOff)
    return nullptr;
  return Found;
}

/// \p T is (a pointer, at any depth, to) one of libssh2's objects: a
/// session, a channel, an SFTP session or handle (`struct _LIBSSH2_...`).
static bool isLibssh2Object(QualType T) {
  bool Pointer = false;
  while (!T.isNull() && T->isPointerType()) {
    T = T->getPointeeType();
    Pointer = true;
  }
  const RecordDecl *RD = Pointer ? T->getAsRecordDecl() : nullptr;
  return RD && RD->getIdentifier() && RD->getName().starts_with("_LIBSSH2_");
}

bool TlsSessions::libssh2KeptBlocking() {
  if (Libssh2Blocking)
    return *Libssh2Blocking;
  bool Makes = false, Kept = true;
  A.forEachCallee(
      [&](const FunctionDecl *FD, llvm::ArrayRef<const CallExpr *> Calls) {
        if (!Kept || !FD->getIdentifier())
          return;
        llvm::StringRef N = FD->getName();
        if (N == "libssh2_session_init_ex") {
          Makes = true;
          return;
        }
        if (N == "libssh2_session_set_blocking" ||
            N == "libssh2_channel_set_blocking") {
          // Blocking only with a constant other than 0.
          for (const CallExpr *C : Calls) {
            Expr::EvalResult R;
            if (C->getNumArgs() < 2 || C->getArg(1)->isValueDependent() ||
                !C->getArg(1)->EvaluateAsInt(R, FD->getASTContext()) ||
                R.Val.getInt() == 0)
              Kept = false;
          }
          return;
        }
        if (N.starts_with("libssh2_"))
          return;
        const FunctionDecl *Def = FD->getDefinition();
        if (Def && Def->getBody() && !Def->hasSkippedBody())
          return; // in view: whatever it does, the TU's own calls show it
        if (isLibssh2Object(FD->getReturnType()))
          Kept = false;
        for (const CallExpr *C : Calls)
          for (const Expr *Arg : C->arguments())
            if (isLibssh2Object(Arg->IgnoreParenImpCasts()->getType()))
              Kept = false;
      });
  // What other files can hand in: parameters of the functions they call,
  // struct fields, the TU's visible globals. Not libssh2's own structs
  // (LIBSSH2_POLLFD holds a channel the program puts there), whether its
  // header is a system one or, in a project that carries libssh2 in its
  // tree (libssh2's own examples), not.
  const SourceManager &SM = A.context().getSourceManager();
  std::function<void(const DeclContext *)> Scan = [&](const DeclContext *DC) {
    for (const Decl *D : DC->decls()) {
      if (!Kept)
        return;
      if (SM.isInSystemHeader(D->getLocation()))
        continue;
      if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
        if (FD->doesThisDeclarationHaveABody() && FD->isExternallyVisible())
          for (const ParmVarDecl *P : FD->parameters())
            if (isLibssh2Object(P->getType()))
              Kept = false;
      } else if (const auto *F = dyn_cast<FieldDecl>(D)) {
        if (isLibssh2Object(F->getType()))
          Kept = false;
      } else if (const auto *V = dyn_cast<VarDecl>(D)) {
        if (V->isExternallyVisible() && isLibssh2Object(V->getType()))
          Kept = false;
      } else if (const auto *RD = dyn_cast<RecordDecl>(D)) {
        if (!(RD->getIdentifier() && RD->getName().starts_with("_LIBSSH2_")))
          Scan(RD);
      }
    }
  };
  if (Makes && Kept)
    Scan(A.context().getTranslationUnitDecl());
  Libssh2Blocking = Makes && Kept;
  return *Libssh2Blocking;
}

llvm::SmallVector<const CallExpr *, 2>
TlsSessions::bindingsOf(const Expr *Session) {
  if (!Collected)
    collect();
  llvm::SmallVector<const CallExpr *, 2> Out;
  const Decl *H = holder(Session);
  for (const Binding &B : Bindings)
    if (H && holder(B.Session) == H)
      Out.push_back(B.Call);
  return Out;
}

/// How many static helpers deep a session parameter is followed to its
/// callers' sessions (a command handler that hands the session to a
/// read-line helper), and a net context to the helpers it is handed to.
constexpr unsigned MaxHelperDepth = 2;

bool TlsSessions::shownBlocking(const Expr *Session) {
  return shownBlockingAt(Session, 0);
}

bool TlsSessions::shownBlockingAt(const Expr *Session, unsigned Depth) {
  if (!Collected)
    collect();
  const Decl *H = holder(Session);
  if (!H)
    return false;
  const auto *FD = dyn_cast<FieldDecl>(H);
  const ProjectFacts *F = A.projectFacts();
  // A session field another file binds to a transport not shown blocking,
  // or gives a copy, whatever this file's own bindings (the facts).
  if (FD && F && F->sessionMixed(ProjectFacts::fieldKey(FD)))
    return false;
  if (std::optional<bool> B = shownBlocking(H))
    return *B;
  // A helper's session parameter that no binding of the file reaches: the
  // sessions its callers pass, when the file makes every call of the
  // helper and each passes one shown blocking (mbed TLS's mail client
  // hands `&ssl` to its do_handshake() and write helpers).
  if (const auto *PV = dyn_cast<ParmVarDecl>(H)) {
    const auto *Fn = dyn_cast<FunctionDecl>(PV->getDeclContext());
    const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
    unsigned Idx = PV->getFunctionScopeIndex();
    if (!Def || !Def->getBody() || Idx >= Def->getNumParams() ||
        Depth >= MaxHelperDepth || !A.callersAllKnown(Def))
      return false;
    // The parameter must still hold what the caller passed (not `s =
    // &other;`, nor its address handed on).
    if (ExprMutationAnalyzer(*Def->getBody(), A.context())
            .isMutated(Def->getParamDecl(Idx)))
      return false;
    llvm::ArrayRef<const CallExpr *> Sites = A.callSitesOf(Def);
    return !Sites.empty() && llvm::all_of(Sites, [&](const CallExpr *C) {
      return Idx < C->getNumArgs() &&
             shownBlockingAt(C->getArg(Idx), Depth + 1);
    });
  }
  // A session field no binding of this file reaches: another file binds it,
  // to blocking transports only (the project's facts). gnutls-cli's cli.c
  // retries on hd.session, which socket.c binds.
  return FD && F && F->sessionBlocking(ProjectFacts::fieldKey(FD));
}

std::optional<bool> TlsSessions::shownBlocking(const Decl *H) {
  // A libssh2 object in a TU that keeps them all blocking.
  if (const auto *V = dyn_cast<ValueDecl>(H);
      V && isLibssh2Object(V->getType()))
    return libssh2KeptBlocking();
  // Made from another object (a channel of a session, a BIO over a
  // descriptor): judged through that object, not here.
  for (const auto &[Made, From] : Derived)
    if (Made == H)
      return false;
  for (const auto &[Made, C] : MadeOver)
    if (Made == H)
      return false;
  // Made so here, or on a local or parameter that may be any session.
  if (llvm::any_of(NonBlockingInits, [&](const Decl *NH) {
        return NH == H || looseHolder(NH, H);
      }))
    return false;
  // The program's own transport functions, where it gives the session any:
  // they must wait whatever the binding (gnutls-cli's wrap_push and
  // wrap_pull over its blocking socket, socket.c).
  bool Own = llvm::any_of(OwnTransports, [&](const OwnTransport &T) {
    return holder(T.Session) == H;
  });
  bool LooseOwn = llvm::any_of(OwnTransports, [&](const OwnTransport &T) {
    return looseHolder(holder(T.Session), H);
  });
  if ((Own || LooseOwn) && !ownTransportsWait(H))
    return false;
  bool Bound = false;
  for (const Binding &B : Bindings) {
    const Decl *BH = holder(B.Session);
    // A helper's parameter may be bound to any session, this one included
    // (`attach(s, fd)`): its binding counts for every session.
    bool Param = BH && BH != H && isa<ParmVarDecl>(BH);
    if (BH != H && !Param)
      continue;
    const FunctionDecl *Fn = A.enclosingFunction(B.Call);
    // The library told not to block, or a binding out of view.
    if (!B.Fd || !Fn)
      return false;
    // `gnutls_transport_set_ptr(s, hd)` with a pointer to the program's own
    // data, not a descriptor cast to one: what the session's own push and
    // pull functions are given, which decide.
    if (B.Fd->IgnoreParenCasts()->getType()->isPointerType() &&
        globalCalleeName(B.Call).starts_with("gnutls_transport_set_ptr")) {
      if (!Own)
        return false;
      Bound |= !Param;
      continue;
    }
    if (!mbedtlsNetBlocking(B.Call) && !mbedtlsQuietFunctions(B.Call) &&
        !fdShownBlocking(B.Fd) && !A.madeBlockingAt(B.Fd, B.Call, Fn))
      return false;
    Bound |= !Param;
  }
  if (Bound)
    return true;
  return std::nullopt;
}

/// \p SetBio, an `mbedtls_ssl_set_bio` call, gives the session mbed TLS's
/// own socket functions, or none (no timeout function): not the program's,
/// which are handed the context as a `void *` and may do anything with it.
static bool mbedtlsOwnSocketFunctions(const CallExpr *SetBio, ASTContext &Ctx) {
  if (SetBio->getNumArgs() != 5)
    return false;
  for (unsigned I = 2; I < 5; ++I) {
    const Expr *F = SetBio->getArg(I)->IgnoreParenImpCasts();
    if (isNullPointer(F, Ctx))
      continue;
    const auto *DRE = dyn_cast<DeclRefExpr>(F);
    const auto *FD = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
    llvm::StringRef N = FD && FD->getIdentifier() ? FD->getName() : "";
    if (N != "mbedtls_net_send" && N != "mbedtls_net_recv" &&
        N != "mbedtls_net_recv_timeout")
      return false;
  }
  return true;
}

/// \p Init gives a net context no descriptor: zeros, -1 (what
/// mbedtls_net_init() stores: no socket), or a trivial default
/// construction.
static bool emptyNetContextInit(const Expr *Init, const ASTContext &Ctx) {
  Init = Init->IgnoreImplicit();
  if (isa<ImplicitValueInitExpr>(Init))
    return true;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Init))
    return CE->getNumArgs() == 0 && CE->getConstructor()->isTrivial();
  if (const auto *IL = dyn_cast<InitListExpr>(Init))
    return llvm::all_of(IL->inits(), [&](const Expr *E) {
      return emptyNetContextInit(E, Ctx);
    });
  Expr::EvalResult R;
  return !Init->isValueDependent() && Init->EvaluateAsInt(R, Ctx) &&
         (R.Val.getInt() == 0 || R.Val.getInt() == -1);
}

/// The variable whose address \p E is (`&net`), or null.
static const VarDecl *addressedVariable(const Expr *E) {
  const Expr *Operand = addressedBy(E);
  const auto *Ref =
      Operand ? dyn_cast<DeclRefExpr>(Operand->IgnoreParenImpCasts()) : nullptr;
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

bool TlsSessions::mbedtlsNetBlocking(const CallExpr *SetBio) {
  if (globalCalleeName(SetBio) != "mbedtls_ssl_set_bio")
    return false;
  if (!MbedtlsSwitched) {
    MbedtlsSwitched = llvm::any_of(Bindings, [](const Binding &B) {
      return globalCalleeName(B.Call) == "mbedtls_net_set_nonblock";
    });
  }
  if (*MbedtlsSwitched || !mbedtlsOwnSocketFunctions(SetBio, A.context()))
    return false;
  const VarDecl *V = addressedVariable(SetBio->getArg(1));
  return V && mbedtlsNetKept(V, 0);
}

bool TlsSessions::mbedtlsNetKept(const VarDecl *V, unsigned Depth) {
  // A local context (`mbedtls_net_context fd;`, handed on as `&fd`), or a
  // helper's parameter that points to one (handed on as it is).
  QualType T = V->getType();
  bool Pointer = isa<ParmVarDecl>(V) && T->isPointerType();
  const RecordDecl *RD = (Pointer ? T->getPointeeType() : T)->getAsRecordDecl();
  if (!V->hasLocalStorage() || (isa<ParmVarDecl>(V) && !Pointer) || !RD ||
      !RD->getIdentifier() || RD->getName() != "mbedtls_net_context")
    return false;
  const auto *Fn = dyn_cast<FunctionDecl>(V->getDeclContext());
  if (!Fn || !Fn->hasBody())
    return false;
  // What the declaration itself puts there (`= { sock }`, a copy).
  if (const Expr *Init = V->getInit();
      Init && !emptyNetContextInit(Init, A.context()))
    return false;
  const FunctionParents::Map &PM = A.functionParents().of(Fn);
  bool Kept = true;
  auto Fail = [&] {
    Kept = false;
    return true;
  };
  findStmt(Fn->getBody(), [&](const Stmt *S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(S);
    if (!Ref || Ref->getDecl() != V)
      return false;
    // The handle as a whole argument of a call; anything else (`fd.fd`, a
    // copy, a store, the address kept) may put another descriptor there or
    // change its mode.
    const Stmt *Handle = Ref;
    if (!Pointer) {
      const auto *U =
          dyn_cast_or_null<UnaryOperator>(PM.getParentIgnoreParens(Ref));
      if (!U || U->getOpcode() != UO_AddrOf)
        return Fail();
      Handle = U;
    }
    const auto *C =
        dyn_cast_or_null<CallExpr>(PM.getParentIgnoreParenCasts(Handle));
    if (!C)
      return Fail();
    auto IsHandle = [&](const Expr *E) {
      return E->IgnoreParenCasts() == Handle;
    };
    llvm::StringRef N = globalCalleeName(C);
    if (N == "mbedtls_net_set_nonblock")
      return Fail();
    // Another session over the same context: with mbed TLS's own socket
    // functions too.
    if (N == "mbedtls_ssl_set_bio" &&
        (C->getNumArgs() != 5 || !IsHandle(C->getArg(1)) ||
         !mbedtlsOwnSocketFunctions(C, A.context())))
      return Fail();
    if (N.starts_with("mbedtls_net_") || N == "mbedtls_ssl_set_bio") {
      if (llvm::none_of(C->arguments(), IsHandle))
        return Fail();
      // A client context of mbedtls_net_accept(&listen, &V, ...): the
      // listener's mode, on the BSDs, is the client's.
      if (N == "mbedtls_net_accept" && C->getNumArgs() >= 2 &&
          IsHandle(C->getArg(1))) {
        const VarDecl *LV = addressedVariable(C->getArg(0));
        if (!LV || LV == V || Depth >= MaxHelperDepth ||
            !mbedtlsNetKept(LV, Depth + 1))
          return Fail();
      }
      return false;
    }
    // A helper of the file, given it as a parameter that itself goes only
    // to mbed TLS's calls (the mail client's write_and_get_response()).
    const FunctionDecl *Callee = C->getDirectCallee();
    const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
    if (!Def || Depth >= MaxHelperDepth ||
        C->getNumArgs() != Def->getNumParams())
      return Fail();
    for (unsigned I = 0; I < C->getNumArgs(); ++I)
      if (IsHandle(C->getArg(I)) &&
          !mbedtlsNetKept(Def->getParamDecl(I), Depth + 1))
        return Fail();
    return false;
  });
  return Kept;
}

namespace {
/// How many of the program's functions deep a returned call is followed:
/// mbed TLS's fuzz harnesses chain two (fuzz_recv_timeout returns
/// fuzz_recv's value); each level is a frame of the judging on the stack,
/// which generated code with thousands of them would exhaust.
constexpr unsigned MaxQuietBioDepth = 8;
/// The length parameter of a send or receive function, which mbed TLS
/// gives the room in its buffer: a count, not a code.
constexpr unsigned BioLengthParam = 2;

/// \p Fn has the shape of an mbed TLS send, receive or receive-with-timeout
/// function: `int f(void *ctx, [const] unsigned char *buf, size_t len
/// [, uint32_t timeout])`.
bool mbedtlsBioShape(const FunctionDecl *Fn) {
  unsigned N = Fn->getNumParams();
  if ((N != 3 && N != 4) ||
      !Fn->getReturnType()->isSpecificBuiltinType(BuiltinType::Int))
    return false;
  QualType Ctx = Fn->getParamDecl(0)->getType();
  QualType Buf = Fn->getParamDecl(1)->getType();
  QualType Len = Fn->getParamDecl(BioLengthParam)->getType();
  return Ctx->isVoidPointerType() && Buf->isPointerType() &&
         Buf->getPointeeType()->isSpecificBuiltinType(BuiltinType::UChar) &&
         Len->isUnsignedIntegerType() &&
         (N == 3 || Fn->getParamDecl(3)->getType()->isIntegerType());
}

/// \p E, a value \p Fn returns (or stores in what it returns), evaluates
/// to a constant: whether that constant, once converted to the returned
/// `int`, is one of mbed TLS's "would block" codes (`(int)0xFFFF9700u` is
/// MBEDTLS_ERR_SSL_WANT_READ), the only values of a send or receive
/// function of the program's own that make mbed TLS say "want read" or
/// "want write" back; any other it passes on as a failure or a count. Not
/// a constant: nullopt.
std::optional<bool> isWantConstant(const Expr *E, const FunctionDecl *Fn,
                                   const ASTContext &Ctx) {
  Expr::EvalResult V;
  if (E->isValueDependent() || !E->EvaluateAsInt(V, Ctx))
    return std::nullopt;
  // The value's bits at the returned type's width, read as signed: what
  // the function's caller sees.
  llvm::APSInt I =
      V.Val.getInt().extOrTrunc(Ctx.getIntWidth(Fn->getReturnType()));
  I.setIsSigned(true);
  // The codes as the checks know them (IoCalls' table of mbed TLS).
  const TlsApi &Mbedtls = *ioCallNamed("mbedtls_ssl_read")->Api;
  return llvm::APSInt::isSameValue(I, llvm::APSInt::get(Mbedtls.CodeRead)) ||
         llvm::APSInt::isSameValue(I, llvm::APSInt::get(Mbedtls.CodeWrite));
}
} // namespace

bool TlsSessions::bioNeverWants(const FunctionDecl *Fn, unsigned Depth,
                                bool RealLength) {
  if (!mbedtlsBioShape(Fn) && RealLength)
    RealLength = false;
  const FunctionDecl *Def = Fn->getDefinition();
  // A weak definition may be replaced at link time by another file's.
  if (!Def || !Def->hasBody() || Def->hasAttr<WeakAttr>()) {
    // Defined in another file: what its own file found (the project's
    // facts), for a function other files can name, of the shape judged
    // there, given mbed TLS's length (the file judged it so).
    const ProjectFacts *F = A.projectFacts();
    return F && RealLength && Fn->getIdentifier() &&
           Fn->isExternallyVisible() && !Def &&
           F->quietBio(Fn->getQualifiedNameAsString());
  }
  llvm::DenseMap<const FunctionDecl *, bool> &Memo = QuietBios[RealLength];
  if (auto It = Memo.find(Def); It != Memo.end())
    return It->second;
  if (Depth > MaxQuietBioDepth)
    return false;
  // Not quiet while it is judged: a function that returns its own value
  // again (recursion) is not followed.
  Memo[Def] = false;
  const ASTContext &Ctx = Def->getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *Body = Def->getBody();
  const FunctionParents::Map &PM = A.functionParents().of(Def);
  const ParmVarDecl *Length =
      RealLength ? Def->getParamDecl(BioLengthParam) : nullptr;
  // Every mention of \p V in the body is a read of its value, or the
  // left side of a plain `=` whose right side passes \p Stored: no
  // reference to it, no address taken, no `+=`, no `__block` (a block's
  // body is not searched).
  auto OnlyReadOrStored = [&](const VarDecl *V,
                              llvm::function_ref<bool(const Expr *)> Stored) {
    if (V->hasAttr<BlocksAttr>())
      return false;
    return !findStmt(Body, [&](const Stmt *S) {
      const auto *Ref = dyn_cast<DeclRefExpr>(S);
      if (!Ref || Ref->getDecl() != V)
        return false;
      const Stmt *P = PM.getParentIgnoreParens(Ref);
      if (const auto *C = dyn_cast_or_null<CastExpr>(P))
        return C->getCastKind() != CK_LValueToRValue &&
               C->getCastKind() != CK_ToVoid;
      if (isa_and_nonnull<UnaryExprOrTypeTraitExpr>(P))
        return false;
      const auto *B = dyn_cast_or_null<BinaryOperator>(P);
      return !B || B->getOpcode() != BO_Assign ||
             B->getLHS()->IgnoreParens() != Ref || !Stored(B->getRHS());
    });
  };
  // What may come back: a constant other than the two codes; what a
  // descriptor call of the C library returns (-1 or a count); the value
  // of another such function of the program's; a local given only such
  // values, followed MaxReturnedLocalDepth steps; or the length mbed TLS
  // gave, also once cut down to a difference of sizes (`len = size -
  // offset`, a read from memory clamped to what is left).
  std::function<bool(const Expr *, unsigned)> Safe = [&](const Expr *E,
                                                         unsigned Steps) {
    if (!E)
      return true;
    if (std::optional<bool> Want = isWantConstant(E, Def, Ctx))
      return !*Want;
    const Expr *Bare = E->IgnoreParenCasts();
    if (Bare->isValueDependent())
      return false;
    if (const auto *C = dyn_cast<CallExpr>(Bare)) {
      const FunctionDecl *Callee = C->getDirectCallee();
      // A virtual call may run any override.
      if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(Callee);
          M && M->isVirtual() && !M->hasAttr<FinalAttr>() &&
          !M->getParent()->hasAttr<FinalAttr>())
        return false;
      if (!Callee)
        return false;
      if (const IoCallInfo *Info = lookupIoCall(C);
          Info && Info->Family == IoFamily::Plain && !Callee->hasBody() &&
          SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())))
        return true;
      // Given this function's own length, as mbed TLS gave it.
      bool PassesLength = false;
      if (Length && C->getNumArgs() > BioLengthParam)
        if (const auto *A = dyn_cast<DeclRefExpr>(
                C->getArg(BioLengthParam)->IgnoreParenImpCasts()))
          PassesLength = A->getDecl() == Length;
      return bioNeverWants(Callee, Depth + 1, PassesLength);
    }
    if (const auto *CO = dyn_cast<ConditionalOperator>(Bare))
      return Safe(CO->getTrueExpr(), Steps) && Safe(CO->getFalseExpr(), Steps);
    const auto *DRE = dyn_cast<DeclRefExpr>(Bare);
    const auto *Var = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!Var)
      return false;
    if (Var == Length)
      return OnlyReadOrStored(Var, [&](const Expr *From) {
        const auto *Sub = dyn_cast<BinaryOperator>(From->IgnoreParenImpCasts());
        return Sub && Sub->getOpcode() == BO_Sub &&
               Sub->getType()->isUnsignedIntegerType();
      });
    if (isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() ||
        Steps >= MaxReturnedLocalDepth || !Safe(Var->getInit(), Steps + 1))
      return false;
    return OnlyReadOrStored(
        Var, [&](const Expr *From) { return Safe(From, Steps + 1); });
  };
  bool Quiet = !findStmt(Body, [&](const Stmt *S) {
    const auto *R = dyn_cast<ReturnStmt>(S);
    return R && !Safe(R->getRetValue(), 0);
  });
  QuietBios[RealLength][Def] = Quiet;
  return Quiet;
}

bool TlsSessions::mbedtlsQuietFunctions(const CallExpr *SetBio) {
  if (globalCalleeName(SetBio) != "mbedtls_ssl_set_bio" ||
      SetBio->getNumArgs() != 5)
    return false;
  bool Some = false;
  for (unsigned I = 2; I < 5; ++I) {
    const Expr *F = SetBio->getArg(I)->IgnoreParenImpCasts();
    if (isNullPointer(F, A.context()))
      continue;
    if (const auto *U = dyn_cast<UnaryOperator>(F);
        U && U->getOpcode() == UO_AddrOf)
      F = U->getSubExpr()->IgnoreParenImpCasts();
    const auto *DRE = dyn_cast<DeclRefExpr>(F);
    const auto *FD = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
    // mbed TLS's own socket functions say "want" (their net context is
    // judged by mbedtlsNetBlocking instead): no file finds them quiet.
    if (!FD || !mbedtlsBioShape(FD) || !bioNeverWants(FD, 0, true))
      return false;
    Some = true;
  }
  return Some;
}

void TlsSessions::exportQuietBios(std::vector<std::string> &Quiet,
                                  std::vector<std::string> &Other) {
  for (const FunctionDecl *Fn : A.exportedFunctions()) {
    if (!mbedtlsBioShape(Fn))
      continue;
    (bioNeverWants(Fn, 0, true) ? Quiet : Other)
        .push_back(Fn->getQualifiedNameAsString());
  }
  for (std::vector<std::string> *L : {&Quiet, &Other}) {
    llvm::sort(*L);
    L->erase(std::unique(L->begin(), L->end()), L->end());
  }
}

bool TlsSessions::fdShownBlocking(const Expr *Fd) {
  if (A.shownBlocking(Fd))
    return true;
  // While the file's summary is made: a descriptor field is taken for
  // blocking on condition that the merge finds it so in every file.
  const auto *FD = dyn_cast_or_null<FieldDecl>(fdIdentity(Fd, false));
  if (!DeferredFields || !FD || !FD->getType()->isIntegerType())
    return false;
  std::string Key = ProjectFacts::fieldKey(FD);
  if (Key.empty())
    return false;
  DeferredFields->push_back(std::move(Key));
  return true;
}

/// The memo of transport functions (TransportWaits) is set aside while a
/// holder is judged for the file's summary: a function judged there may
/// have taken a descriptor field for blocking on condition (DeferredFields),
/// which the checks' own questions must not, and the next holder judged
/// must see that condition again to record it.
class TlsSessions::FieldsDeferred {
public:
  FieldsDeferred(TlsSessions &S, std::vector<std::string> &Needs)
      : S(S), Saved(std::move(S.TransportWaits)) {
    S.TransportWaits.clear();
    S.DeferredFields = &Needs;
  }
  ~FieldsDeferred() {
    S.DeferredFields = nullptr;
    S.TransportWaits = std::move(Saved);
  }
  FieldsDeferred(const FieldsDeferred &) = delete;
  FieldsDeferred &operator=(const FieldsDeferred &) = delete;

private:
  TlsSessions &S;
  llvm::DenseMap<const FunctionDecl *, bool> Saved;
};

namespace {
/// \p T is a TLS or SSH library's session object, or a pointer to one
/// (`gnutls_session_t`, `SSL *`, `WOLFSSL *`, `struct tls *`,
/// `mbedtls_ssl_context`, `LIBSSH2_SESSION *`): what a session field holds.
bool isSessionType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getCanonicalType();
  if (T->isPointerType())
    T = T->getPointeeType().getCanonicalType();
  const auto *RD = T->getAsRecordDecl();
  return RD && RD->getIdentifier() &&
         llvm::is_contained({"gnutls_session_int", "ssl_st", "WOLFSSL", "tls",
                             "mbedtls_ssl_context", "_LIBSSH2_SESSION"},
                            RD->getName());
}
} // namespace

void TlsSessions::exportBlockingFacts(
    std::vector<ProjectFacts::SessionUse> &Out) {
  if (!Collected)
    collect();
  ASTContext &Ctx = A.context();
  const SourceManager &SM = Ctx.getSourceManager();
  std::map<std::string, ProjectFacts::SessionUse> Uses;
  // What holds a session, judged as shownBlocking does with the descriptor
  // fields deferred to the merge (FieldsDeferred); not blocking when
  // \p Copied (a field given another session's value). A holder given own
  // transport functions that may say EAGAIN (or are not followed) is
  // replaced: its session may say so in any file, whatever its bindings
  // there.
  auto Judge = [&](const Decl *H, ProjectFacts::SessionUse &U, bool Copied) {
    std::vector<std::string> Needs;
    FieldsDeferred Scope(*this, Needs);
    bool Blocking = !Copied && shownBlocking(H).value_or(false);
    if (U.OwnTransport && !Blocking)
      U.Replaced |= !ownTransportsWait(H);
    U.Blocking = Blocking;
    U.Needs.clear();
    if (Blocking) {
      llvm::sort(Needs);
      Needs.erase(std::unique(Needs.begin(), Needs.end()), Needs.end());
      U.Needs = std::move(Needs);
    }
  };
  // Sessions that leave the file's sight other than in a field that holds
  // them (ProjectFacts::EscapedSession): one entry for the file, blocking
  // only if each is (\p H, judged) and never when it is not known (null).
  const std::string Escaped = ProjectFacts::EscapedSession.str();
  auto Escape = [&](const Decl *H) {
    auto [It, New] = Uses.try_emplace(Escaped);
    ProjectFacts::SessionUse &U = It->second;
    if (New) {
      U.Field = Escaped;
      U.Blocking = true;
    }
    if (!U.Blocking)
      return;
    ProjectFacts::SessionUse This;
    if (H)
      Judge(H, This, /*Copied=*/false);
    U.Blocking = This.Blocking;
    if (!U.Blocking) {
      U.Needs.clear();
      return;
    }
    U.Needs.insert(U.Needs.end(), This.Needs.begin(), This.Needs.end());
    llvm::sort(U.Needs);
    U.Needs.erase(std::unique(U.Needs.begin(), U.Needs.end()), U.Needs.end());
  };
  auto FieldUse = [&](const FieldDecl *FD) -> ProjectFacts::SessionUse * {
    std::string Key = ProjectFacts::fieldKey(FD);
    if (Key.empty() ||
        SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
      return nullptr;
    auto [It, New] = Uses.try_emplace(Key);
    if (New)
      It->second.Field = Key;
    return &It->second;
  };
  // How session values move besides bindings. A value is fresh when it is
  // null or a call's result: a library's (`SSL_new`) is a new session, and
  // a function of the project's file says what it returns (below).
  auto Fresh = [&](const Expr *E) {
    E = E ? E->IgnoreParenCasts() : nullptr;
    return !E || isa<CallExpr>(E) ||
           (!E->isValueDependent() && isNullPointer(E, Ctx));
  };
  llvm::DenseSet<const Decl *> Aliased; // locals given a session not fresh
  llvm::DenseSet<const Decl *> Returned;
  std::vector<const FieldDecl *> CopiedInto;
  A.forEachWalkedFunction([&](const FunctionDecl *Fn) {
    bool ReturnsSession = isSessionType(Fn->getReturnType());
    // A constructor's member initializers (`Conn(gnutls_session_t s) :
    // session(s) {}`).
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Fn))
      for (const CXXCtorInitializer *I : Ctor->inits())
        if (const FieldDecl *FD = I->getMember();
            FD && I->isWritten() && isSessionType(FD->getType()) &&
            !Fresh(I->getInit()))
          CopiedInto.push_back(FD);
    llvm::DenseSet<const Expr *> InitAddresses;
    findStmt(Fn->getBody(), [&](const Stmt *St) {
      // `&c->session` given to anything but gnutls_init (`memcpy(&c->session,
      // &s, sizeof s)`): what the field holds is not followed. The search
      // meets a call before its arguments.
      if (const auto *C = dyn_cast<CallExpr>(St)) {
        if (globalCalleeName(C) == "gnutls_init" && C->getNumArgs() > 0)
          InitAddresses.insert(C->getArg(0)->IgnoreParenImpCasts());
        return false;
      }
      if (const auto *U = dyn_cast<UnaryOperator>(St)) {
        const auto *M =
            U->getOpcode() == UO_AddrOf
                ? dyn_cast<MemberExpr>(U->getSubExpr()->IgnoreParenImpCasts())
                : nullptr;
        const auto *FD = M ? dyn_cast<FieldDecl>(M->getMemberDecl()) : nullptr;
        if (FD && isSessionType(FD->getType()) && !InitAddresses.count(U))
          CopiedInto.push_back(FD);
        return false;
      }
      // A struct's initializer (`struct conn c = {.session = s}`).
      if (const auto *IL = dyn_cast<InitListExpr>(St)) {
        const RecordDecl *RD =
            IL->getType().isNull() ? nullptr : IL->getType()->getAsRecordDecl();
        if (!RD || IL->isSyntacticForm())
          return false;
        for (const FieldDecl *FD : RD->fields())
          if (FD->getFieldIndex() < IL->getNumInits() &&
              isSessionType(FD->getType()) &&
              !Fresh(IL->getInit(FD->getFieldIndex())) &&
              !isa<ImplicitValueInitExpr>(
                  IL->getInit(FD->getFieldIndex())->IgnoreParenCasts()))
            CopiedInto.push_back(FD);
        return false;
      }
      if (const auto *DS = dyn_cast<DeclStmt>(St)) {
        for (const Decl *D : DS->decls())
          if (const auto *V = dyn_cast<VarDecl>(D);
              V && isSessionType(V->getType()) && !Fresh(V->getInit()))
            Aliased.insert(V->getCanonicalDecl());
        return false;
      }
      if (const auto *R = dyn_cast<ReturnStmt>(St);
          R && ReturnsSession && R->getRetValue()) {
        const Expr *E = R->getRetValue()->IgnoreParenCasts();
        const auto *DRE = dyn_cast<DeclRefExpr>(E);
        const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
        if (V && V->isLocalVarDecl() && !V->isStaticLocal())
          Returned.insert(V->getCanonicalDecl());
        else if (!Fresh(E))
          Escape(nullptr); // an accessor's field, a parameter, a global
        return false;
      }
      const auto *B = dyn_cast<BinaryOperator>(St);
      if (!B || B->getOpcode() != BO_Assign ||
          !isSessionType(B->getLHS()->getType()) || Fresh(B->getRHS()))
        return false;
      const Expr *L = B->getLHS()->IgnoreParenImpCasts();
      if (const auto *M = dyn_cast<MemberExpr>(L)) {
        if (const auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl()))
          CopiedInto.push_back(FD);
        return false;
      }
      const auto *DRE = dyn_cast<DeclRefExpr>(L);
      const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      if (V && V->isLocalVarDecl() && !V->isStaticLocal())
        Aliased.insert(V->getCanonicalDecl());
      else
        Escape(nullptr); // `*out = s`, a global, an array's element
      return false;
    });
  });
  // A session made with GNUTLS_NONBLOCK (or flags not known): in a field,
  // that field's; in a local or a parameter, any field's.
  for (const Decl *NH : NonBlockingInits) {
    if (const auto *FD = dyn_cast_or_null<FieldDecl>(NH))
      CopiedInto.push_back(FD);
    else if (looseHolder(NH, nullptr))
      Escape(nullptr);
  }
  // A field given a copy (`c->session = s`, `p->session = q->session`):
  // what it holds then is not followed.
  for (const FieldDecl *FD : CopiedInto)
    if (ProjectFacts::SessionUse *U = FieldUse(FD)) {
      U->Blocking = false;
      U->Needs.clear();
      U->Replaced = true;
    }
  // The library's own definitions of its binding calls (a vendored copy,
  // or the library itself: GnuTLS's gnutls_transport_set_int2 calls
  // gnutls_transport_set_ptr2 on its parameter) bind nothing of the
  // project's: their callers' calls are the bindings.
  auto InBindingCall = [&](const CallExpr *C) {
    const FunctionDecl *Fn = A.enclosingFunction(C);
    if (!Fn || !Fn->getIdentifier())
      return false;
    llvm::StringRef N = Fn->getName();
    return llvm::any_of(BindingCalls,
                        [&](const BindingCall &BC) { return BC.Name == N; }) ||
           llvm::any_of(TransportCalls,
                        [&](const TransportCall &TC) { return TC.Name == N; });
  };
  std::vector<const Expr *> Sessions;
  for (const Binding &B : Bindings)
    if (!InBindingCall(B.Call))
      Sessions.push_back(B.Session);
  for (const OwnTransport &T : OwnTransports)
    if (!InBindingCall(T.Call))
      Sessions.push_back(T.Session);
  llvm::DenseSet<const Decl *> Judged;
  for (const Expr *S : Sessions) {
    const Decl *H = holder(S);
    if (!H || !Judged.insert(H).second)
      continue;
    if (const auto *FD = dyn_cast<FieldDecl>(H)) {
      ProjectFacts::SessionUse *U = FieldUse(FD);
      if (!U)
        continue;
      U->OwnTransport = llvm::any_of(OwnTransports, [&](const OwnTransport &T) {
        return holder(T.Session) == FD;
      });
      Judge(FD, *U, llvm::is_contained(CopiedInto, FD));
      continue;
    }
    // A session bound on a parameter (a helper's, given any session), or on
    // a local that is returned or given another session's value.
    const auto *V = dyn_cast<VarDecl>(H);
    if (V && (isa<ParmVarDecl>(V) ||
              (V->isLocalVarDecl() && (Aliased.count(V->getCanonicalDecl()) ||
                                       Returned.count(V->getCanonicalDecl())))))
      Escape(V);
  }
  for (auto &[K, U] : Uses)
    Out.push_back(std::move(U));
}

bool TlsSessions::looseHolder(const Decl *TH, const Decl *H) {
  if (TH == H)
    return false;
  if (!TH)
    return true;
  const auto *V = dyn_cast<VarDecl>(TH);
  return V && !V->hasGlobalStorage();
}

bool TlsSessions::hasOwnTransport(const Expr *Session) {
  if (!Collected)
    collect();
  // Own functions given to this session, or to a local or a parameter,
  // which may hold any session (one stored in a field afterwards, a
  // helper's); any own function of the file when the retry itself names
  // its session through a local or a parameter (`send_all(c->session,
  // ...)`).
  const Decl *H = holder(Session);
  const auto *HV = dyn_cast_or_null<VarDecl>(H);
  bool LooseRetry = !H || (HV && !HV->hasGlobalStorage());
  if (llvm::any_of(OwnTransports, [&](const OwnTransport &T) {
        const Decl *TH = holder(T.Session);
        return LooseRetry || TH == H || looseHolder(TH, H);
      }))
    return true;
  // A session field another file gives its own functions (the facts).
  const auto *FD = dyn_cast_or_null<FieldDecl>(H);
  const ProjectFacts *F = A.projectFacts();
  return FD && F && F->sessionOwnTransport(ProjectFacts::fieldKey(FD));
}

bool TlsSessions::ownTransportsWait(const Decl *H) {
  bool Push = false, Pull = false;
  for (const OwnTransport &T : OwnTransports) {
    const Decl *TH = holder(T.Session);
    // A helper's parameter, or a local, may hold any session, this one
    // included (`use_memory(s)` setting a pull function of its own, `s =
    // c->session` first).
    bool Loose = looseHolder(TH, H);
    if (TH != H && !Loose)
      continue;
    // An errno function may say EAGAIN for any failure.
    if (T.Role == OwnTransport::Errno || !T.Fn || !ownTransportWaits(T.Fn))
      return false;
    if (Loose)
      continue;
    Push |= T.Role == OwnTransport::Push;
    Pull |= T.Role == OwnTransport::Pull;
  }
  // One way left to the system's functions runs them over the pointer as
  // if it were a descriptor: not judged.
  return Push && Pull;
}

namespace {
/// The calls a transport function may make besides its I/O: they neither
/// fail with EAGAIN nor touch a descriptor's mode (a trace of the bytes,
/// a copy), or wait for readiness (GnuTLS's own pull timeout, a poll or
/// select with a timeout). Names as in the C library, without a fortified
/// or builtin prefix (`__builtin___memcpy_chk` is memcpy).
bool quietInTransport(llvm::StringRef N) {
  N.consume_front("__builtin_");
  N.consume_front("__");
  N.consume_back("_chk");
  return llvm::is_contained({"memcpy", "memmove", "memset", "fwrite", "fprintf",
                             "printf", "fputs", "fflush",
                             "gnutls_system_recv_timeout"},
                            N);
}
} // namespace

bool TlsSessions::ownTransportWaits(const FunctionDecl *Fn) {
  auto [It, New] = TransportWaits.try_emplace(Fn, false);
  if (!New)
    return It->second;
  if (!Fn->hasBody())
    return false;
  const ASTContext &Ctx = Fn->getASTContext();
  const Stmt *Body = Fn->getBody();
  // What a transport function returns cannot be a failure of its own making
  // (errno is then whatever an earlier call left; GNUTLS_E_AGAIN itself is
  // negative): a call's result (the calls are judged below), a constant
  // that is not negative, or a local given only such values. A local is
  // followed MaxReturnedLocalDepth steps.
  std::function<bool(const Expr *, unsigned)> Safe = [&](const Expr *E,
                                                         unsigned Depth) {
    if (!E)
      return true;
    E = E->IgnoreParenCasts();
    if (E->isValueDependent())
      return false;
    Expr::EvalResult V;
    if (E->EvaluateAsInt(V, Ctx))
      return !V.Val.getInt().isNegative();
    if (isa<CallExpr>(E))
      return true;
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *Var = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!Var || !Var->isLocalVarDecl() || Var->isStaticLocal() ||
        Depth >= MaxReturnedLocalDepth || !Safe(Var->getInit(), Depth + 1))
      return false;
    // Only plain stores of safe values: `ret -= n`, `&ret`, `ret--` are not
    // followed.
    return !findStore(Body, Var, [&](const Stmt *Op, const Expr *From) {
      const auto *B = dyn_cast<BinaryOperator>(Op);
      return !B || B->getOpcode() != BO_Assign || !Safe(From, Depth + 1);
    });
  };
  const Stmt *Bad = findStmt(Body, [&](const Stmt *S) {
    // errno set by the function itself (`errno = EAGAIN`, a buffer empty).
    if (const auto *B = dyn_cast<BinaryOperator>(S))
      return B->isAssignmentOp() && isErrnoExpr(B->getLHS());
    if (const auto *R = dyn_cast<ReturnStmt>(S))
      return !Safe(R->getRetValue(), 0);
    const auto *C = dyn_cast<CallExpr>(S);
    if (!C)
      return false;
    llvm::StringRef N = globalCalleeName(C);
    if (quietInTransport(N))
      return false;
    // Descriptor I/O (send, recv...) on a descriptor shown to be blocking,
    // and not made non-blocking by its own flags (MSG_DONTWAIT): it waits
    // rather than fails with EAGAIN.
    // Flags computed at run time may hold MSG_DONTWAIT.
    const IoCallInfo *Info = lookupIoCall(C);
    if (!Info || Info->Family != IoFamily::Plain)
      return true;
    if (Info->FlagsArg >= 0 && unsigned(Info->FlagsArg) < C->getNumArgs()) {
      const Expr *Flags = C->getArg(Info->FlagsArg);
      if (Flags->isValueDependent() || !Flags->isIntegerConstantExpr(Ctx))
        return true;
    }
    return !fdShownBlocking(C->getArg(Info->FdArg)) ||
           A.ioCallIsNonBlocking(C, *Info, Fn, C->getArg(Info->FdArg));
  });
  TransportWaits[Fn] = !Bad;
  return !Bad;
}

/// \p Callee is the C library's or GnuTLS's: a builtin, declared in a
/// system header, or a `gnutls_` function the translation unit only
/// declares (GnuTLS's own programs include the library's headers from its
/// source tree). Not a program's namesake of a C library function.
static bool libraryFunction(const FunctionDecl *Callee,
                            const SourceManager &SM) {
  if (Callee->getBuiltinID() ||
      SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())))
    return true;
  return Callee->getIdentifier() && Callee->getName().starts_with("gnutls_") &&
         !Callee->hasBody();
}

bool TlsSessions::touchesNoDescriptor(const FunctionDecl *Fn) {
  auto [It, New] = NoDescriptorFns.try_emplace(Fn, false);
  if (!New)
    return It->second;
  if (!Fn->hasBody())
    return false;
  const SourceManager &SM = Fn->getASTContext().getSourceManager();
  const Stmt *Bad = findStmt(Fn->getBody(), [&](const Stmt *S) {
    const auto *C = dyn_cast<CallExpr>(S);
    if (!C)
      return false;
    // The C library's and GnuTLS's own, not a program's namesake.
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee || !libraryFunction(Callee, SM))
      return true;
    llvm::StringRef N = globalCalleeName(C);
    N.consume_front("__builtin_");
    N.consume_front("__");
    N.consume_back("_chk");
    // Not the stdio calls quietInTransport allows for a trace: a stream
    // may be the peer's socket (fdopen), whose writes may fail with EAGAIN.
    return !llvm::is_contained(
        {"memcpy", "memmove", "memset", "memcmp", "gnutls_transport_set_errno",
         "gnutls_transport_get_ptr", "gnutls_session_get_ptr"},
        N);
  });
  NoDescriptorFns[Fn] = !Bad;
  return !Bad;
}

bool TlsSessions::memoryTransport(const Expr *Session) {
  if (!Collected)
    collect();
  // Only a local of the function: a field, a global or a parameter may be
  // given another session anywhere (`c->session = other`).
  const auto *V = dyn_cast_or_null<VarDecl>(holder(Session));
  if (!V || !V->isLocalVarDecl() || V->isStaticLocal() ||
      !V->getType()->isPointerType() || !isSessionType(V->getType()) ||
      (V->getInit() && !isNullPointer(V->getInit(), A.context())))
    return false;
  const auto *Fn = dyn_cast<FunctionDecl>(V->getDeclContext());
  if (!Fn || !Fn->getBody())
    return false;
  // gnutls_init fills it, and every other use hands its value to one of
  // the library's calls (`gnutls_handshake(s)`, `(gnutls_transport_ptr_t)
  // s`): not `s = other`, `&s` elsewhere, a reference bound to it
  // (`std::swap(s, g)`), nor its value given to the program's own code
  // (`helper(s)`, `t = s`), where another holder could bind it to a
  // descriptor. So only the calls on the local itself decide.
  const SourceManager &SM = A.context().getSourceManager();
  const ParentMap &PM = A.functionParents().of(Fn);
  llvm::DenseSet<const Expr *> InitAddresses;
  // The search meets a call before its arguments.
  if (findStmt(Fn->getBody(), [&](const Stmt *S) {
        if (const auto *C = dyn_cast<CallExpr>(S)) {
          if (globalCalleeName(C) == "gnutls_init" && C->getNumArgs() > 0)
            InitAddresses.insert(C->getArg(0)->IgnoreParenImpCasts());
          return false;
        }
        const auto *DRE = dyn_cast<DeclRefExpr>(S);
        if (!DRE || DRE->getDecl() != V)
          return false;
        const Stmt *P = PM.getParent(DRE);
        while (isa_and_nonnull<ParenExpr>(P))
          P = PM.getParent(P);
        if (const auto *U = dyn_cast_or_null<UnaryOperator>(P))
          return U->getOpcode() != UO_AddrOf || !InitAddresses.count(U);
        const auto *ICE = dyn_cast_or_null<ImplicitCastExpr>(P);
        if (!ICE || ICE->getCastKind() != CK_LValueToRValue)
          return true;
        const Stmt *Arg = ICE;
        P = PM.getParent(ICE);
        while (isa_and_nonnull<ParenExpr, CastExpr>(P)) {
          Arg = P;
          P = PM.getParent(P);
        }
        const auto *C = dyn_cast_or_null<CallExpr>(P);
        const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
        return !Callee || llvm::find(C->arguments(), Arg) == C->arg_end() ||
               !libraryFunction(Callee, SM);
      }))
    return false;
  // No descriptor bound to it (GnuTLS's push and pull functions, once
  // given, are what moves the bytes; gnutls_transport_set_fastopen gives
  // its own). The pointer given with gnutls_transport_set_ptr must be the
  // session itself or an object's address (`&priv`), not a value that may
  // be a descriptor cast to a pointer (`p = (void *)(intptr_t)fd`), which
  // GnuTLS's own functions would use.
  for (const Binding &B : Bindings) {
    if (holder(B.Session) != V)
      continue;
    if (!B.Fd ||
        !globalCalleeName(B.Call).starts_with("gnutls_transport_set_ptr"))
      return false;
    const Expr *Ptr = B.Fd->IgnoreParenCasts();
    const auto *U = dyn_cast<UnaryOperator>(Ptr);
    if (holder(Ptr) != V && (!U || U->getOpcode() != UO_AddrOf) &&
        !isNullPointer(Ptr, A.context()))
      return false;
  }
  bool Push = false, Pull = false;
  for (const OwnTransport &T : OwnTransports) {
    if (holder(T.Session) != V)
      continue;
    // An errno function may say EAGAIN for any failure of anything.
    if (T.Role == OwnTransport::Errno || !T.Fn || !touchesNoDescriptor(T.Fn))
      return false;
    Push |= T.Role == OwnTransport::Push;
    Pull |= T.Role == OwnTransport::Pull;
  }
  return Push && Pull;
}

std::optional<TlsSessions::Origin>
TlsSessions::nonBlocking(const Decl *H, unsigned Depth) {
  if (!H || Depth > MaxDerivedDepth)
    return std::nullopt;
  // A channel of a session, an SFTP handle of an SFTP session...
  for (const auto &[Made, From] : Derived)
    if (Made == H)
      if (auto O = nonBlocking(holder(From), Depth + 1))
        return O;
  // A BIO made over a descriptor.
  for (const auto &[Made, C] : MadeOver)
    if (Made == H)
      if (const FunctionDecl *Fn = A.enclosingFunction(C))
        if (std::optional<NonBlockingOrigin> O =
                A.nonBlockingAt(C->getArg(0), C, Fn))
          return fromFd(*O, C);
  // The objects a session is bound to (mbed TLS: the net context), which
  // may themselves be made non-blocking by their library.
  for (const Binding &B : Bindings) {
    if (holder(B.Session) != H || !mayBindBefore(B.Call))
      continue;
    // The program's own functions that never say "want": whatever the
    // context they are given, the session cannot.
    if (mbedtlsQuietFunctions(B.Call))
      continue;
    const FunctionDecl *Fn = A.enclosingFunction(B.Call);
    if (!B.Fd) {
      Origin O;
      O.Loc = B.Call->getBeginLoc();
      O.Switch = spelledName(B.Call);
      return O;
    }
    if (!Fn)
      continue;
    if (std::optional<NonBlockingOrigin> O = A.nonBlockingAt(B.Fd, B.Call, Fn))
      return fromFd(*O, B.Call);
    // The object bound is itself a session-like object (mbedtls_ssl_set_bio's
    // net context, SSL_set_bio's BIO): its own mode.
    if (auto O = nonBlocking(holder(B.Fd), Depth + 1)) {
      if (!O->Binding) {
        O->Binding = B.Call;
        O->OnTransport = true;
      }
      return O;
    }
  }
  // A session field another file binds to a non-blocking descriptor (the
  // project's facts): stunnel binds c->ssl in client.c and reads through
  // it in network.c.
  if (const auto *FD = dyn_cast<FieldDecl>(H))
    if (const ProjectFacts *F = A.projectFacts()) {
      auto It = F->NonBlockingSessions.find(ProjectFacts::fieldKey(FD));
      if (It != F->NonBlockingSessions.end()) {
        Origin O;
        O.Loc = FD->getLocation();
        O.Note = "'" + FD->getName().str() +
                 "' holds a session bound to a non-blocking descriptor in " +
                 It->second + " (from the project's facts)";
        return O;
      }
    }
  return std::nullopt;
}

const Expr *TlsSessions::madeFrom(const Expr *Session) {
  if (!Collected)
    collect();
  const Decl *H = holder(Session);
  for (const auto &[Made, From] : Derived)
    if (H && Made == H)
      return From;
  return nullptr;
}

void TlsSessions::exportFacts(std::map<std::string, std::string> &Out) {
  if (!Collected)
    collect();
  const SourceManager &SM = A.context().getSourceManager();
  for (const Binding &B : Bindings) {
    const auto *FD = dyn_cast_or_null<FieldDecl>(holder(B.Session));
    std::string Key = FD ? ProjectFacts::fieldKey(FD) : std::string();
    if (Key.empty() || Out.count(Key) ||
        SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
      continue;
    if (std::optional<Origin> O = nonBlocking(FD, 0); O && O->Loc.isValid())
      Out[Key] = fileAndLine(O->Loc, SM);
  }
}

} // namespace clang::tidy::nbio
