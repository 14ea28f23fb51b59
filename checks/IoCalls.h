//===--- IoCalls.h - What the checks know about libc calls by name --------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The tables of calls the nbio checks reason about: the I/O calls that can
// fail with EAGAIN on a non-blocking descriptor (and which argument is the
// fd, which direction they wait for), the calls that wait for readiness or
// back off, the calls that end a connection or the process, and the calls
// whose EAGAIN means something other than "would block".
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_IOCALLS_H
#define NBIO_CHECKS_IOCALLS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace clang::tidy::nbio {

/// The readiness an I/O call needs: readable (POLLIN) or writable (POLLOUT).
enum class Direction { Read, Write };

enum class IoFamily {
  Plain,   ///< read/recv/write/send/accept... : -1 with errno
  Connect, ///< connect: -1 with EINPROGRESS
  Ssl,     ///< SSL_read & co. (OpenSSL, wolfSSL): <= 0, then SSL_get_error()
           ///< says WANT_READ/WANT_WRITE
  Code,    ///< GnuTLS, libssh2, mbed TLS: the call returns the library's own
           ///< negative "would block" code (GNUTLS_E_AGAIN...)
};

/// A TLS or protocol library whose calls say "would block" in their own
/// way, and how a wait for readiness finds its descriptor and direction.
struct TlsApi {
  llvm::StringRef Library;
  /// The function that gives the descriptor under the session object
  /// (`SSL_get_fd`), or empty when the library has none.
  llvm::StringRef FdGetter;
  /// The function of the session object that tells which way the library
  /// waits (`SSL_want_read`, true for reading), or empty.
  llvm::StringRef WantsRead;
  /// WantsRead answers the other way round (gnutls_record_get_direction is 0
  /// for reading).
  bool WantsReadNegated;
  /// The names of the "would block" results, for the messages.
  llvm::StringRef AgainRead, AgainWrite;
  /// For the Code family: the values the call returns for them.
  int64_t CodeRead, CodeWrite;
  /// What FdGetter takes after the session (`BIO_get_fd(b, NULL)`).
  llvm::StringRef FdGetterMoreArgs = "";
  /// The struct the calls take their session as a pointer to, when their
  /// names are common enough that a project may have its own (libtls's
  /// `struct tls` for tls_read): a call is the library's only if its
  /// callee's parameter says so. Empty: the name alone decides.
  llvm::StringRef SessionRecord = "";
};

struct IoCallInfo {
  llvm::StringRef Name;
  unsigned FdArg; ///< the descriptor (or the session object) argument
  Direction Dir;
  int FlagsArg; ///< where MSG_DONTWAIT may appear, or -1
  IoFamily Family;
  const TlsApi *Api = nullptr; ///< Ssl and Code families
  /// For a call through a function-pointer parameter that is a read at
  /// some calls and a write at others (`atomicio(read, ...)`,
  /// `atomicio(vwrite, ...)`): the test, in the callee's terms, that is
  /// true when it reads (`f == read`); Dir is then only a default.
  llvm::StringRef ReadIf = "";
};

/// The I/O call \p Call makes, if it is one the checks know: a global (or
/// extern "C") function of that name with at least FdArg + 1 arguments.
const IoCallInfo *lookupIoCall(const CallExpr *Call);

/// The entry for a global (or extern "C") function called \p Name, whatever
/// its number of arguments; null for other names.
const IoCallInfo *ioCallNamed(llvm::StringRef Name);

/// The argument of the I/O call \p Name that gives the destination
/// address (sendto's dest_addr), or -1. Only a datagram socket takes an
/// address with each send.
inline int destinationArg(llvm::StringRef Name) {
  return Name == "sendto" ? 4 : -1;
}

/// \p E is a null pointer constant (`NULL`, `0`, `nullptr`).
inline bool isNullPointer(const Expr *E, ASTContext &Ctx) {
  return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
}

/// The entry \p FD is, by its name and, for a library whose names a
/// project may share (libtls), its session parameter; null otherwise.
const IoCallInfo *ioCallOf(const FunctionDecl *FD);

/// The callee's name when it is a plain function (not a member) declared in
/// the global namespace or with C linkage; empty otherwise.
llvm::StringRef globalCalleeName(const CallExpr *Call);

/// What \p E takes the address of, read through parentheses and casts
/// (`&c->fd`, `(void *)&s`): the operand of the `&` as written, or null.
const Expr *addressedBy(const Expr *E);

/// The name \p E is, read through parentheses, casts and one `&` (`fn`,
/// `&fn`, `(cb_t)fn`), or null.
const DeclRefExpr *nameReferencedBy(const Expr *E);

/// The function \p E names as a value (`fn`, `&fn`, through parentheses
/// and casts: a callback passed or stored), or null.
const FunctionDecl *functionNamedBy(const Expr *E);

/// The struct field a call goes through (`ctx->backend->send(...)`,
/// `(*ops->write)(...)`), or null.
const FieldDecl *calledField(const CallExpr *Call);

/// The function-pointer parameter a call goes through (`f(fd, ...)`,
/// `(*f)(fd, ...)`), or null.
const ParmVarDecl *calledParameter(const CallExpr *Call);

/// globalCalleeName(), or for a call in a template that depends on a
/// template parameter, the unqualified name it will resolve to.
llvm::StringRef globalOrDependentCalleeName(const CallExpr *Call);

/// Calls that wait until a descriptor is ready: poll, ppoll, select,
/// pselect, epoll_wait, epoll_pwait, epoll_pwait2, kevent, WSAPoll.
bool isReadinessWaitFunction(llvm::StringRef Name);
/// Calls that wait for readiness or back off before a retry.
bool isBuiltinWaitFunction(llvm::StringRef Name);
/// Calls that give up the CPU for a moment but do not wait: still a spin.
bool isYieldFunction(llvm::StringRef Name);
/// Calls after which a connection is gone or the process ends.
bool isBuiltinTerminalFunction(llvm::StringRef Name);
/// A name that says the call tears something down (close, free, destroy...).
bool nameSoundsLikeTeardown(llvm::StringRef Name);
/// Functions of the TLS and protocol libraries the checks know (OpenSSL,
/// wolfSSL, GnuTLS, libssh2, mbed TLS), by name, wherever they are declared
/// (a vendored copy included with -I is not a system header): none of them
/// is a project function that might wait.
bool isKnownLibraryFunction(llvm::StringRef Name);
/// The library's call that reads the failure's detail from a session
/// (SSL_get_error, wolfSSL_get_error).
bool isSslErrorGetter(llvm::StringRef Name);
/// Calls whose EAGAIN is not "would block" (fork, pthread_create,
/// getrandom(GRND_NONBLOCK), sem_trywait...).
bool isNonIoEagainFunction(llvm::StringRef Name);

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_IOCALLS_H
