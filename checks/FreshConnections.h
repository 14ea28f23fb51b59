//===--- FreshConnections.h - Writes into an empty send buffer --*- C++ -*-===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// What a connection accepted in a function can take at once: its send
// buffer starts empty, so the first few small writes on it are taken whole
// and never fail with EAGAIN, non-blocking or not (a server's greeting, a
// test's first message). A forward analysis over the function's CFG counts
// what has been written on the descriptor since it was accepted.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_FRESHCONNECTIONS_H
#define NBIO_CHECKS_FRESHCONNECTIONS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::nbio {

class NonBlockingFdAnalysis;
struct IoCallInfo;

/// \p Call, a `write`, `send` or `sendto` of a constant length on the
/// variable \p Fd, runs on a connection that \p Fn accepted (`accept`,
/// `accept4`, or libuv's `uv_accept` and then `uv_fileno`), and on every
/// path since then the descriptor has taken no more than a few hundred
/// bytes, this call's included: an empty send buffer takes them whole. Any
/// other write, a write of unknown length, or a call that may write on the
/// descriptor unseen (one of the project's functions given it) on some
/// path ends that.
bool writesIntoFreshConnection(NonBlockingFdAnalysis &A, const CallExpr *Call,
                               const IoCallInfo &Info, const Expr *Fd,
                               const FunctionDecl *Fn);

} // namespace clang::tidy::nbio

#endif
