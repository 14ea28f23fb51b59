//===--- IoCalls.h - What the checks know about libc calls by name --------===//
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
  Ssl,     ///< SSL_read & co.: <= 0, then SSL_get_error() says WANT_READ/WRITE
};

struct IoCallInfo {
  llvm::StringRef Name;
  unsigned FdArg; ///< the descriptor (or the SSL *) argument
  Direction Dir;
  int FlagsArg; ///< where MSG_DONTWAIT may appear, or -1
  IoFamily Family;
};

/// The I/O call \p Call makes, if it is one the checks know: a global (or
/// extern "C") function of that name with at least FdArg + 1 arguments.
const IoCallInfo *lookupIoCall(const CallExpr *Call);

/// The entry for a global (or extern "C") function called \p Name, whatever
/// its number of arguments; null for other names.
const IoCallInfo *ioCallNamed(llvm::StringRef Name);

/// The callee's name when it is a plain function (not a member) declared in
/// the global namespace or with C linkage; empty otherwise.
llvm::StringRef globalCalleeName(const CallExpr *Call);

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
/// Calls whose EAGAIN is not "would block" (fork, pthread_create,
/// getrandom(GRND_NONBLOCK), sem_trywait...).
bool isNonIoEagainFunction(llvm::StringRef Name);

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_IOCALLS_H
