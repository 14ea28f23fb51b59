//===--- TlsSessions.cpp - TLS sessions over non-blocking descriptors -----===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "TlsSessions.h"
#include "IoCalls.h"
#include "NonBlockingFdAnalysis.h"

namespace clang::tidy::nbio {

namespace {
/// A library call that gives a session its descriptor (FdArg), or that
/// makes the object at SessionArg non-blocking itself (FdArg -1; with a
/// ZeroArg, only when that argument is 0).
struct BindingCall {
  llvm::StringLiteral Name;
  unsigned SessionArg;
  int FdArg;
  int ZeroArg = -1;
};
constexpr BindingCall BindingCalls[] = {
    {"SSL_set_fd", 0, 1},
    {"SSL_set_rfd", 0, 1},
    {"SSL_set_wfd", 0, 1},
    {"wolfSSL_set_fd", 0, 1},
    {"wolfSSL_set_read_fd", 0, 1},
    {"wolfSSL_set_write_fd", 0, 1},
    {"gnutls_transport_set_int", 0, 1},
    {"gnutls_transport_set_int2", 0, 1},
    {"gnutls_transport_set_ptr", 0, 1},
    {"gnutls_transport_set_ptr2", 0, 1},
    {"mbedtls_ssl_set_bio", 0, 1},
    {"libssh2_session_set_blocking", 0, -1, 1},
    // An object made from a session works in its mode: a channel or an
    // SFTP session of a libssh2 session (FdArg -2: the call's result).
    {"libssh2_channel_open_ex", 0, -2},
    {"libssh2_channel_direct_tcpip_ex", 0, -2},
    {"libssh2_sftp_init", 0, -2},
    {"libssh2_sftp_open_ex", 0, -2},
    {"mbedtls_net_set_nonblock", 0, -1},
};

/// The variable or struct field that holds the object \p E names: `ssl`,
/// `c->ssl`, `&ctx`, `(gnutls_transport_ptr_t)(long)fd`.
const Decl *holder(const Expr *E) {
  return fdIdentity(E, /*ThroughPointers=*/true);
}
} // namespace

void TlsSessions::collect() {
  Collected = true;
  A.forEachCallee([&](const FunctionDecl *FD,
                      llvm::ArrayRef<const CallExpr *> Calls) {
    if (!FD->getIdentifier())
      return;
    for (const BindingCall &BC : BindingCalls) {
      if (FD->getName() != BC.Name)
        continue;
      for (const CallExpr *C : Calls) {
        unsigned Need = std::max<int>(BC.SessionArg, std::max(BC.FdArg, BC.ZeroArg));
        if (C->getNumArgs() <= Need)
          continue;
        if (BC.ZeroArg >= 0) {
          // libssh2_session_set_blocking(s, 0): non-blocking only with 0.
          Expr::EvalResult R;
          const Expr *Z = C->getArg(BC.ZeroArg);
          if (Z->isValueDependent() ||
              !Z->EvaluateAsInt(R, FD->getASTContext()) ||
              R.Val.getInt() != 0)
            continue;
        }
        if (BC.FdArg == -2) {
          // `ch = libssh2_channel_open_session(s)`: what holds the result.
          const FunctionDecl *Fn = A.enclosingFunction(C);
          const Stmt *P = Fn ? A.functionParents().of(Fn).lookup(C) : nullptr;
          while (P && (isa<ImplicitCastExpr>(P) || isa<ParenExpr>(P) ||
                       isa<CStyleCastExpr>(P)))
            P = A.functionParents().of(Fn).lookup(P);
          const Decl *Made = nullptr;
          if (const auto *B = dyn_cast_or_null<BinaryOperator>(P);
              B && B->getOpcode() == BO_Assign)
            Made = holder(B->getLHS());
          else if (const auto *DS = dyn_cast_or_null<DeclStmt>(P))
            for (const Decl *D : DS->decls())
              if (const auto *V = dyn_cast<VarDecl>(D);
                  V && V->getInit() && V->getInit()->IgnoreParenCasts() == C)
                Made = V->getCanonicalDecl();
          if (Made)
            Derived.push_back({Made, C->getArg(BC.SessionArg)});
          continue;
        }
        Bindings.push_back({C, C->getArg(BC.SessionArg),
                            BC.FdArg >= 0 ? C->getArg(BC.FdArg) : nullptr});
      }
    }
  });
}

std::optional<TlsSessions::Origin>
TlsSessions::nonBlocking(const Expr *Session) {
  if (!Collected)
    collect();
  return nonBlocking(holder(Session), 0);
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
  // The objects a session is bound to (mbed TLS: the net context), which
  // may themselves be made non-blocking by their library.
  for (const Binding &B : Bindings) {
    if (holder(B.Session) != H)
      continue;
    const FunctionDecl *Fn = A.enclosingFunction(B.Call);
    if (!B.Fd) {
      return Origin{B.Call->getBeginLoc(),
                    "'" + globalCalleeName(B.Call).str() +
                        "' makes the session non-blocking here",
                    false, nullptr};
    }
    if (!Fn)
      continue;
    if (std::optional<NonBlockingOrigin> O = A.nonBlockingAt(B.Fd, B.Call, Fn))
      return Origin{O->Loc, O->Note, O->LinuxOnly, B.Call};
    // mbedtls_ssl_set_bio(&ssl, &net, ...): the net context's own mode.
    if (const Decl *Inner = holder(B.Fd))
      for (const Binding &N : Bindings)
        if (!N.Fd && holder(N.Session) == Inner)
          return Origin{N.Call->getBeginLoc(),
                        "'" + globalCalleeName(N.Call).str() +
                            "' makes the session's transport non-blocking "
                            "here",
                        false, B.Call};
  }
  return std::nullopt;
}

} // namespace clang::tidy::nbio
