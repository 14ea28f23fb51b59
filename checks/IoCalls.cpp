//===--- IoCalls.cpp - What the checks know about libc calls by name ------===//

#include "IoCalls.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringMap.h"

namespace clang::tidy::nbio {

namespace {
constexpr Direction R = Direction::Read;
constexpr Direction W = Direction::Write;

// Name, fd argument, direction, MSG_DONTWAIT flags argument, family.
const IoCallInfo IoCalls[] = {
    {"read", 0, R, -1, IoFamily::Plain},
    {"readv", 0, R, -1, IoFamily::Plain},
    {"pread", 0, R, -1, IoFamily::Plain},
    {"pread64", 0, R, -1, IoFamily::Plain},
    {"preadv", 0, R, -1, IoFamily::Plain},
    {"recv", 0, R, 3, IoFamily::Plain},
    {"recvfrom", 0, R, 3, IoFamily::Plain},
    {"recvmsg", 0, R, 2, IoFamily::Plain},
    {"recvmmsg", 0, R, 3, IoFamily::Plain},
    {"accept", 0, R, -1, IoFamily::Plain},
    {"accept4", 0, R, -1, IoFamily::Plain},
    {"write", 0, W, -1, IoFamily::Plain},
    {"writev", 0, W, -1, IoFamily::Plain},
    {"pwrite", 0, W, -1, IoFamily::Plain},
    {"pwrite64", 0, W, -1, IoFamily::Plain},
    {"pwritev", 0, W, -1, IoFamily::Plain},
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
    {"SSL_read", 0, R, -1, IoFamily::Ssl},
    {"SSL_read_ex", 0, R, -1, IoFamily::Ssl},
    {"SSL_peek", 0, R, -1, IoFamily::Ssl},
    {"SSL_write", 0, W, -1, IoFamily::Ssl},
    {"SSL_write_ex", 0, W, -1, IoFamily::Ssl},
    {"SSL_connect", 0, W, -1, IoFamily::Ssl},
    {"SSL_accept", 0, R, -1, IoFamily::Ssl},
    {"SSL_do_handshake", 0, R, -1, IoFamily::Ssl},
    {"SSL_shutdown", 0, R, -1, IoFamily::Ssl},
};

} // namespace

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

const IoCallInfo *lookupIoCall(const CallExpr *Call) {
  llvm::StringRef Name = globalOrDependentCalleeName(Call);
  if (Name.empty())
    return nullptr;
  const IoCallInfo *I = ioCallNamed(Name);
  return I && Call->getNumArgs() > I->FdArg ? I : nullptr;
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
                       "verr", "verrx", "SSL_free", "fclose"});
}

bool nameSoundsLikeTeardown(llvm::StringRef Name) {
  std::string Lower = Name.lower();
  llvm::StringRef L(Lower);
  return L.contains("close") || L.contains("free") || L.contains("destroy") ||
         L.contains("disconnect") || L.contains("teardown") ||
         L.contains("abort") || L.contains("panic") || L.contains("fatal");
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
