//===--- IoCalls.cpp - What the checks know about libc calls by name ------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "IoCalls.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringMap.h"

namespace clang::tidy::nbio {

namespace {
constexpr Direction R = Direction::Read;
constexpr Direction W = Direction::Write;

// The libraries' values are part of their ABI: gnutls.h (GNUTLS_E_AGAIN
// -28), libssh2.h (LIBSSH2_ERROR_EAGAIN -37), mbedtls/ssl.h
// (MBEDTLS_ERR_SSL_WANT_READ -0x6900, _WANT_WRITE -0x6880), tls.h of
// libtls (TLS_WANT_POLLIN -2, TLS_WANT_POLLOUT -3).
constexpr TlsApi OpenSsl{"OpenSSL",
                         "SSL_get_fd",
                         "SSL_want_read",
                         false,
                         "SSL_ERROR_WANT_READ",
                         "SSL_ERROR_WANT_WRITE",
                         0,
                         0};
constexpr TlsApi WolfSsl{"wolfSSL",
                         "wolfSSL_get_fd",
                         "wolfSSL_want_read",
                         false,
                         "WOLFSSL_ERROR_WANT_READ",
                         "WOLFSSL_ERROR_WANT_WRITE",
                         0,
                         0};
constexpr TlsApi GnuTls{"GnuTLS",
                        "gnutls_transport_get_int",
                        "gnutls_record_get_direction",
                        true,
                        "GNUTLS_E_AGAIN",
                        "GNUTLS_E_AGAIN",
                        -28,
                        -28};
constexpr TlsApi LibSsh2{"libssh2", "", "", false, "LIBSSH2_ERROR_EAGAIN",
                         "LIBSSH2_ERROR_EAGAIN", -37, -37};
constexpr TlsApi MbedTls{"mbed TLS",
                         "",
                         "",
                         false,
                         "MBEDTLS_ERR_SSL_WANT_READ",
                         "MBEDTLS_ERR_SSL_WANT_WRITE",
                         -0x6900,
                         -0x6880};
// libtls (LibreSSL's, and LibreTLS over OpenSSL): its calls' names are
// plain enough (tls_read, tls_close) for a project to have its own, so
// only those taking a `struct tls *` are libtls's. It gives no descriptor
// for a context: the program passed it to tls_connect_socket() or
// tls_accept_socket().
constexpr TlsApi LibTls{"libtls",           "", "", false, "TLS_WANT_POLLIN",
                        "TLS_WANT_POLLOUT", -2, -3, "",    "tls"};
// OpenSSL's BIOs say "would block" through BIO_should_retry() (and the
// direction through BIO_should_read/_write): the failure path asks them of
// the BIO; BIO_get_fd(b, NULL) gives its descriptor (as a long: the cast
// keeps C++'s braced initialisation from narrowing).
constexpr TlsApi OpenSslBio{"OpenSSL BIO",
                            "(int)BIO_get_fd",
                            "BIO_should_read",
                            false,
                            "BIO_should_retry()",
                            "BIO_should_retry()",
                            0,
                            0,
                            ", NULL"};
constexpr IoFamily Ssl = IoFamily::Ssl, Code = IoFamily::Code;

// Name, fd argument, direction, MSG_DONTWAIT flags argument, family.
// Not pread/pwrite and their vector forms: they need a descriptor that
// can seek (a pipe, FIFO or socket gives ESPIPE), and O_NONBLOCK does
// nothing to a regular file, so they never fail with EAGAIN (lighttpd opens
// its temporary files O_NONBLOCK and pwrite()s them).
const IoCallInfo IoCalls[] = {
    {"read", 0, R, -1, IoFamily::Plain},
    {"readv", 0, R, -1, IoFamily::Plain},
    {"recv", 0, R, 3, IoFamily::Plain},
    {"recvfrom", 0, R, 3, IoFamily::Plain},
    {"recvmsg", 0, R, 2, IoFamily::Plain},
    {"recvmmsg", 0, R, 3, IoFamily::Plain},
    {"accept", 0, R, -1, IoFamily::Plain},
    {"accept4", 0, R, -1, IoFamily::Plain},
    {"write", 0, W, -1, IoFamily::Plain},
    {"writev", 0, W, -1, IoFamily::Plain},
    {"send", 0, W, 3, IoFamily::Plain},
    {"sendto", 0, W, 3, IoFamily::Plain},
    {"sendmsg", 0, W, 2, IoFamily::Plain},
    {"sendmmsg", 0, W, 3, IoFamily::Plain},
    // sendfile(out_fd, in_fd, ...) and splice(fd_in, off, fd_out, ...): the
    // descriptor that may be non-blocking is usually the socket written to.
    {"sendfile", 0, W, -1, IoFamily::Plain},
    {"sendfile64", 0, W, -1, IoFamily::Plain},
    {"splice", 2, W, -1, IoFamily::Plain},
    {"connect", 0, W, -1, IoFamily::Connect},
    {"BIO_read", 0, R, -1, Ssl, &OpenSslBio},
    {"BIO_read_ex", 0, R, -1, Ssl, &OpenSslBio},
    {"BIO_gets", 0, R, -1, Ssl, &OpenSslBio},
    {"BIO_write", 0, W, -1, Ssl, &OpenSslBio},
    {"BIO_write_ex", 0, W, -1, Ssl, &OpenSslBio},
    {"BIO_puts", 0, W, -1, Ssl, &OpenSslBio},
    {"SSL_read", 0, R, -1, Ssl, &OpenSsl},
    {"SSL_read_ex", 0, R, -1, Ssl, &OpenSsl},
    {"SSL_peek", 0, R, -1, Ssl, &OpenSsl},
    {"SSL_peek_ex", 0, R, -1, Ssl, &OpenSsl},
    {"SSL_read_early_data", 0, R, -1, Ssl, &OpenSsl},
    {"SSL_write", 0, W, -1, Ssl, &OpenSsl},
    {"SSL_write_ex", 0, W, -1, Ssl, &OpenSsl},
    {"SSL_write_early_data", 0, W, -1, Ssl, &OpenSsl},
    {"SSL_connect", 0, W, -1, Ssl, &OpenSsl},
    {"SSL_accept", 0, R, -1, Ssl, &OpenSsl},
    {"SSL_do_handshake", 0, R, -1, Ssl, &OpenSsl},
    {"SSL_shutdown", 0, R, -1, Ssl, &OpenSsl},
    {"wolfSSL_read", 0, R, -1, Ssl, &WolfSsl},
    {"wolfSSL_peek", 0, R, -1, Ssl, &WolfSsl},
    {"wolfSSL_write", 0, W, -1, Ssl, &WolfSsl},
    {"wolfSSL_connect", 0, W, -1, Ssl, &WolfSsl},
    {"wolfSSL_accept", 0, R, -1, Ssl, &WolfSsl},
    {"wolfSSL_negotiate", 0, R, -1, Ssl, &WolfSsl},
    {"wolfSSL_shutdown", 0, R, -1, Ssl, &WolfSsl},
    {"gnutls_record_recv", 0, R, -1, Code, &GnuTls},
    {"gnutls_record_recv_seq", 0, R, -1, Code, &GnuTls},
    {"gnutls_record_send", 0, W, -1, Code, &GnuTls},
    {"gnutls_record_send2", 0, W, -1, Code, &GnuTls},
    {"gnutls_handshake", 0, R, -1, Code, &GnuTls},
    {"gnutls_bye", 0, W, -1, Code, &GnuTls},
    // libssh2_channel_read(c, buf, n) and _write are macros for these.
    {"libssh2_channel_read_ex", 0, R, -1, Code, &LibSsh2},
    {"libssh2_channel_write_ex", 0, W, -1, Code, &LibSsh2},
    {"libssh2_channel_flush_ex", 0, W, -1, Code, &LibSsh2},
    {"libssh2_channel_send_eof", 0, W, -1, Code, &LibSsh2},
    {"libssh2_channel_process_startup", 0, R, -1, Code, &LibSsh2},
    {"libssh2_session_handshake", 0, R, -1, Code, &LibSsh2},
    {"libssh2_userauth_password_ex", 0, R, -1, Code, &LibSsh2},
    {"libssh2_userauth_publickey_fromfile_ex", 0, R, -1, Code, &LibSsh2},
    {"libssh2_sftp_read", 0, R, -1, Code, &LibSsh2},
    {"libssh2_sftp_write", 0, W, -1, Code, &LibSsh2},
    {"mbedtls_ssl_read", 0, R, -1, Code, &MbedTls},
    {"mbedtls_ssl_write", 0, W, -1, Code, &MbedTls},
    {"mbedtls_ssl_handshake", 0, R, -1, Code, &MbedTls},
    {"mbedtls_ssl_close_notify", 0, W, -1, Code, &MbedTls},
    {"tls_read", 0, R, -1, Code, &LibTls},
    {"tls_write", 0, W, -1, Code, &LibTls},
    {"tls_handshake", 0, R, -1, Code, &LibTls},
    {"tls_close", 0, W, -1, Code, &LibTls},
};

} // namespace

const Expr *addressedBy(const Expr *E) {
  const auto *U = dyn_cast<UnaryOperator>(E->IgnoreParenCasts());
  return U && U->getOpcode() == UO_AddrOf ? U->getSubExpr() : nullptr;
}

const DeclRefExpr *nameReferencedBy(const Expr *E) {
  const Expr *Operand = addressedBy(E);
  return dyn_cast<DeclRefExpr>((Operand ? Operand : E)->IgnoreParenCasts());
}

const FunctionDecl *functionNamedBy(const Expr *E) {
  const DeclRefExpr *DRE = nameReferencedBy(E);
  return DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
}

/// The function pointer a call goes through, without parentheses and a
/// `*` (`(*ops->write)(...)`, `(f)(...)`).
static const Expr *calledPointer(const CallExpr *Call) {
  const Expr *E = Call->getCallee()->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_Deref)
    E = U->getSubExpr()->IgnoreParenImpCasts();
  return E;
}

const FieldDecl *calledField(const CallExpr *Call) {
  const auto *ME = dyn_cast<MemberExpr>(calledPointer(Call));
  return ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
}

const ParmVarDecl *calledParameter(const CallExpr *Call) {
  const auto *DRE = dyn_cast<DeclRefExpr>(calledPointer(Call));
  return DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
}

llvm::StringRef globalCalleeName(const CallExpr *Call) {
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD || isa<CXXMethodDecl>(FD) || !FD->getIdentifier())
    return {};
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  if (!DC->isTranslationUnit() && !FD->isExternC())
    return {};
  return FD->getName();
}

llvm::StringRef globalOrDependentCalleeName(const CallExpr *Call) {
  llvm::StringRef N = globalCalleeName(Call);
  if (!N.empty() || !Call)
    return N;
  // `read(fd, buf, N)` in a template, N a template parameter: resolved only
  // at instantiation, but the name already says which call it is.
  if (const auto *U = dyn_cast<UnresolvedLookupExpr>(
          Call->getCallee()->IgnoreParenImpCasts()))
    if (U->getName().isIdentifier() && !U->getQualifier())
      return U->getName().getAsIdentifierInfo()->getName();
  return {};
}

const IoCallInfo *ioCallNamed(llvm::StringRef Name) {
  // Asked for every call in the TU by the matchers: one hash, no scan.
  static const llvm::StringMap<const IoCallInfo *> Index = [] {
    llvm::StringMap<const IoCallInfo *> M;
    for (const IoCallInfo &I : IoCalls)
      M[I.Name] = &I;
    return M;
  }();
  auto It = Index.find(Name);
  return It == Index.end() ? nullptr : It->second;
}

/// \p FD takes, at \p Arg, a pointer to the struct named \p Record.
static bool takesRecord(const FunctionDecl *FD, unsigned Arg,
                        llvm::StringRef Record) {
  if (!FD || FD->getNumParams() <= Arg)
    return false;
  QualType Pointee = FD->getParamDecl(Arg)->getType()->getPointeeType();
  const RecordDecl *R = Pointee.isNull() ? nullptr : Pointee->getAsRecordDecl();
  return R && R->getIdentifier() && R->getName() == Record;
}

/// \p FD (the callee, null for a call not resolved yet) is \p I's library
/// function as far as its session parameter tells (SessionRecord).
static bool sessionFits(const IoCallInfo &I, const FunctionDecl *FD) {
  return !I.Api || I.Api->SessionRecord.empty() ||
         takesRecord(FD, I.FdArg, I.Api->SessionRecord);
}

const IoCallInfo *ioCallOf(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return nullptr;
  const IoCallInfo *I = ioCallNamed(FD->getName());
  return I && sessionFits(*I, FD) ? I : nullptr;
}

const IoCallInfo *lookupIoCall(const CallExpr *Call) {
  llvm::StringRef Name = globalOrDependentCalleeName(Call);
  if (Name.empty())
    return nullptr;
  const IoCallInfo *I = ioCallNamed(Name);
  if (!I || Call->getNumArgs() <= I->FdArg ||
      !sessionFits(*I, Call->getDirectCallee()))
    return nullptr;
  return I;
}

static bool inList(llvm::StringRef Name,
                   std::initializer_list<llvm::StringRef> List) {
  for (llvm::StringRef L : List)
    if (L == Name)
      return true;
  return false;
}

bool isReadinessWaitFunction(llvm::StringRef Name) {
  return inList(Name, {"poll", "ppoll", "__poll_chk", "__ppoll_chk", "select",
                       "pselect", "epoll_wait", "epoll_pwait", "epoll_pwait2",
                       "kevent", "WSAPoll"});
}

bool isBuiltinWaitFunction(llvm::StringRef Name) {
  if (isReadinessWaitFunction(Name))
    return true;
  return inList(
      Name,
      {"io_uring_wait_cqe",
       // back-off
       "sleep", "usleep", "nanosleep", "clock_nanosleep", "thrd_sleep",
       // condition variables and the like
       "pthread_cond_wait", "pthread_cond_timedwait", "pthread_cond_clockwait",
       "cnd_wait", "cnd_timedwait", "sem_wait", "sem_timedwait", "futex_wait",
       "sigwait", "sigsuspend", "pause",
       // event loops that wait before calling back
       "event_base_loop", "event_base_dispatch", "event_loop", "event_dispatch",
       "uv_run", "aeProcessEvents", "aeMain", "g_main_context_iteration",
       "g_main_loop_run", "ev_run", "ngx_process_events_and_timers", "SSL_poll",
       // GnuTLS/OpenSSL helpers that wait on their own
       "BIO_wait"});
}

bool isYieldFunction(llvm::StringRef Name) {
  return inList(
      Name, {"sched_yield", "pthread_yield", "thrd_yield", "SwitchToThread"});
}

bool isBuiltinTerminalFunction(llvm::StringRef Name) {
  return inList(Name, {"close", "closesocket", "shutdown", "exit", "_exit",
                       "_Exit", "quick_exit", "abort", "__assert_fail",
                       "__assert_perror_fail", "__assert", "err", "errx",
                       "verr", "verrx", "SSL_free", "fclose",
                       "gnutls_deinit"});
}

bool nameSoundsLikeTeardown(llvm::StringRef Name) {
  std::string Lower = Name.lower();
  llvm::StringRef L(Lower);
  return L.contains("close") || L.contains("free") || L.contains("destroy") ||
         L.contains("disconnect") || L.contains("teardown") ||
         L.contains("abort") || L.contains("panic") || L.contains("fatal");
}

bool isKnownLibraryFunction(llvm::StringRef Name) {
  for (llvm::StringRef Prefix : {"SSL_", "SSL_CTX_", "BIO_", "ERR_", "wolfSSL_",
                                 "gnutls_", "libssh2_", "mbedtls_"})
    if (Name.starts_with(Prefix))
      return true;
  return false;
}

bool isSslErrorGetter(llvm::StringRef Name) {
  return Name == "SSL_get_error" || Name == "wolfSSL_get_error";
}

bool isNonIoEagainFunction(llvm::StringRef Name) {
  return inList(Name, {"fork",
                       "vfork",
                       "clone",
                       "clone3",
                       "pthread_create",
                       "getrandom",
                       "getentropy",
                       "sem_trywait",
                       "sem_timedwait",
                       "setrlimit",
                       "prlimit",
                       "mlock",
                       "mlockall",
                       "mmap",
                       "timer_create",
                       "msgsnd",
                       "msgrcv",
                       "semop",
                       "semtimedop",
                       "execve",
                       "setuid",
                       "seteuid",
                       "setreuid",
                       "setresuid",
                       "posix_spawn",
                       "lockf",
                       "fcntl",
                       "flock",
                       "mq_send",
                       "mq_receive",
                       "pthread_mutex_trylock",
                       "pthread_rwlock_tryrdlock",
                       "pthread_rwlock_trywrlock"});
}

} // namespace clang::tidy::nbio
