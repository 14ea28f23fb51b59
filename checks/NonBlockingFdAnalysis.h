//===--- NonBlockingFdAnalysis.h - Which fds are non-blocking, and where --===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The one component that answers, for every nbio check, "is this descriptor
// expression non-blocking at this call, and where did it become so?".
//
// It walks the function bodies of the translation unit once (lazily, the
// first time a check asks) and records events on descriptors:
//   - fcntl(fd, F_SETFL, ... | O_NONBLOCK), also through a flags variable,
//     and `& ~O_NONBLOCK` to set it back;
//   - ioctl(fd, FIONBIO, &on);
//   - descriptors created non-blocking: socket/accept4/socketpair with
//     SOCK_NONBLOCK, pipe2/open/openat with O_NONBLOCK, eventfd, timerfd,
//     signalfd, inotify_init1 with their *_NONBLOCK flags;
//   - "set non-blocking" wrappers: a built-in list from real projects, the
//     user's list, and functions of the TU whose bodies make a parameter
//     non-blocking (inferred, with their boolean argument if any);
//   - stores: `c->fd = fd` after fd became non-blocking, returns of a
//     non-blocking fd from a function;
//   - parameters: one whose every call in the TU passes a non-blocking fd,
//     counting an event loop's calls of a handler (EventHandlers): the
//     parameter that receives the registered descriptor gets what each
//     registration passes.
// Locals and parameters are tracked in source order within their function;
// struct fields, globals and array elements are non-blocking everywhere in
// the TU once any code makes them so.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_NONBLOCKINGFDANALYSIS_H
#define NBIO_CHECKS_NONBLOCKINGFDANALYSIS_H

#include "ErrnoFacts.h"
#include "EventHandlers.h"
#include "ReadinessWaits.h"
#include "TlsSessions.h"
#include "FunctionCfgs.h"
#include "FunctionParents.h"
#include "IoCalls.h"
#include "ProjectFacts.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy {
class ClangTidyCheck;
} // namespace clang::tidy

namespace clang::tidy::nbio {

/// Options every nbio check shares (read with getLocalOrGlobal, so they can
/// be set once for all checks).
struct NbioConfig {
  /// `Name:FdArg` or `Name:FdArg:FlagArg:NonBlockingValue`, e.g.
  /// `my_set_nonblock:0;redisSetBlocking:1:2:0`.
  std::string NonBlockingFunctions;
  /// `Name:FdArg`: functions that make the fd blocking again.
  std::string BlockingFunctions;
  /// Helpers that test an errno for "would block", e.g. `is_again`.
  std::string WouldBlockHelpers;
  /// Other files' summaries (project-wide facts), or null.
  std::shared_ptr<const ProjectFacts> Facts;

  static NbioConfig
  read(const ClangTidyCheck &Check,
       llvm::function_ref<std::string(llvm::StringRef, llvm::StringRef)> Get);
  std::string key() const;
};

/// Where, and how, a descriptor became non-blocking.
struct NonBlockingOrigin {
  NonBlockingOrigin() = default;
  NonBlockingOrigin(SourceLocation Loc, std::string Note,
                    bool LinuxOnly = false, std::string CreatedBy = {})
      : Loc(Loc), Note(std::move(Note)), LinuxOnly(LinuxOnly),
        CreatedBy(std::move(CreatedBy)) {}
  SourceLocation Loc;
  std::string Note; ///< e.g. "'c->fd' was made non-blocking here"
  /// Made by a Linux-only call (eventfd, timerfd, signalfd, inotify), where
  /// EAGAIN and EWOULDBLOCK are the same.
  bool LinuxOnly = false;
  /// The C library call that created the descriptor non-blocking
  /// (`eventfd`, `socket`, `pipe2`...), or empty when it became so later.
  std::string CreatedBy;
};

class NonBlockingFdAnalysis {
public:
  /// The analysis for this translation unit and configuration, shared by
  /// every check that asks for it while any of them holds it.
  static std::shared_ptr<NonBlockingFdAnalysis> get(ASTContext &Ctx,
                                                    const NbioConfig &Cfg);

  NonBlockingFdAnalysis(ASTContext &Ctx, const NbioConfig &Cfg);
  ~NonBlockingFdAnalysis();

  /// Whether the descriptor \p Fd is non-blocking where \p At (in \p Fn)
  /// uses it, and where it became so.
  std::optional<NonBlockingOrigin> nonBlockingAt(const Expr *Fd, const Stmt *At,
                                                 const FunctionDecl *Fn);

  /// \p Fd is a local or parameter that fstat() and S_ISREG show to be a
  /// regular file on every path to \p At in \p Fn: some branch on
  /// `S_ISREG(st.st_mode)`, with `st` filled by `fstat(fd, &st)` and the
  /// variable not assigned after that fstat(), lies on each path from the
  /// function's entry, and the path takes its "regular" side. O_NONBLOCK
  /// does nothing to a regular file: its reads and writes never fail with
  /// EAGAIN and are not cut short by a full buffer (lighttpd opens every
  /// file with it, and copies only what S_ISREG let through).
  bool shownRegularFileAt(const Expr *Fd, const Stmt *At,
                          const FunctionDecl *Fn);

  /// On every path to \p At in \p Fn, the last thing done to the local
  /// or parameter \p Fd makes it blocking (`fcntl(fd, F_SETFL, fl &
  /// ~O_NONBLOCK)`, or a function of the file that does so). For a struct
  /// field (one descriptor for the whole TU), the same holds of the field,
  /// or of the one field every store to it copies (`res.fd = c->fd`), or
  /// the object it is named through was given to a function of the file
  /// that makes that field blocking (clearedByHandleHelper).
  bool madeBlockingAt(const Expr *Fd, const Stmt *At, const FunctionDecl *Fn);
  /// \p Fd, a local or parameter, or a field named through one
  /// (`fdn->fd`), is made blocking by \p Fn itself on every path to \p At,
  /// the last event on each being a block of that very variable's
  /// descriptor, not another object's field of the same type.
  bool blockedHereAt(const Expr *Fd, const Stmt *At, const FunctionDecl *Fn);

  /// \p Fn makes \p Fd non-blocking for \p Call alone: its own set of
  /// O_NONBLOCK is the last thing done to the descriptor on every path to
  /// the call, and a clear, or a restore of the flags it read before, the
  /// next on every path on from it, with no other call handed the
  /// descriptor in between (the fcntl spelling of MSG_DONTWAIT).
  bool nonBlockingForCallAlone(const CallExpr *Call, const Expr *Fd,
                               const FunctionDecl *Fn);

  /// \p C, a call in \p Fn, is one the analysis reads as setting \p Fd's
  /// mode (fcntl, ioctl(FIONBIO), a function of the project that does
  /// either): it does no I/O on the descriptor.
  bool setsModeBy(const CallExpr *C, const Expr *Fd, const FunctionDecl *Fn);

  /// For an I/O call: non-blocking because of its fd (\p Fd, or the
  /// call's FdArg argument when null), or because of MSG_DONTWAIT in its
  /// own flags.
  std::optional<NonBlockingOrigin>
  ioCallIsNonBlocking(const CallExpr *Call, const IoCallInfo &Info,
                      const FunctionDecl *Fn, const Expr *Fd = nullptr);

  /// The function (or lambda) whose body holds \p Call, if the walk saw it:
  /// calls in system headers and in template instantiations are not seen.
  const FunctionDecl *enclosingFunction(const CallExpr *Call);

  /// The calls the walk saw in \p Fn's body, in source order (sorted once
  /// per function).
  llvm::ArrayRef<const CallExpr *> callsIn(const FunctionDecl *Fn);

  /// The calls to \p Fn that the walk saw, in the TU's function bodies.
  llvm::ArrayRef<const CallExpr *> callSitesOf(const FunctionDecl *Fn);

  /// Every value \p Fd can hold where \p At in \p Fn uses it (see
  /// creators) comes from socket() or socketpair() with SOCK_DGRAM or
  /// SOCK_RAW: connect() on it only sets the peer, at once, and never fails
  /// with EINPROGRESS; a send on it is whole or fails. Also a parameter of
  /// a function other files call, used as it came, when the project's
  /// facts say every call gives it a datagram socket.
  bool isDatagramSocket(const Expr *Fd, const Stmt *At, const FunctionDecl *Fn);
  /// \p At runs only where a test of a field of \p Fd's own object (`fd`
  /// is `net->sockfd`, the test `net->socktype == SOCK_DGRAM`, or the else
  /// of `!=`) says the socket is a datagram socket.
  bool underDatagramTypeTest(const Expr *Fd, const Stmt *At,
                             const FunctionDecl *Fn);
  /// isDatagramSocket from the file's own code alone (no facts).
  bool madeDatagram(const Expr *Fd, const Stmt *At, const FunctionDecl *Fn);
  /// Every value \p Fd can hold there comes from a call that never makes
  /// a socket: open() and its kin (a file, FIFO or device), pipe() or
  /// pipe2(), eventfd(), timerfd_create()... or, with the project's
  /// facts, another file's function that returns only such descriptors;
  /// or \p Fd is a struct field every file fills only with them (the
  /// facts). POSIX gives EWOULDBLOCK only to sockets; every other
  /// descriptor fails with EAGAIN.
  bool isNeverSocket(const Expr *Fd, const Stmt *At, const FunctionDecl *Fn);
  /// For this file's summary: isNeverSocket from the file's own code,
  /// where a value returned by another file's function counts as never a
  /// socket if that function returns only such descriptors: a need
  /// (`nonsocket:Name`) added to \p Needs for the merge to check.
  bool madeNonSocket(const Expr *V, const Stmt *At, const FunctionDecl *Fn,
                     std::vector<std::string> &Needs);
  /// Every value \p Fd can hold there comes from socket(AF_NETLINK, ...)
  /// or socket(AF_PACKET, ...): code that runs only on Linux, where
  /// EAGAIN == EWOULDBLOCK.
  bool isLinuxOnlySocket(const Expr *Fd, const Stmt *At, const FunctionDecl *Fn);
  /// What the creators of \p Fd's values (see creators) are, found in one
  /// search, for the checks that judge a call by the kind of descriptor it
  /// is on. Each field is false when some value's source is unknown (no
  /// field holds vacuously: here a search that succeeds finds a creator).
  struct CreatorKinds {
    /// Every value comes from socket(AF_NETLINK, ...) with a kernel
    /// protocol (any but NETLINK_USERSOCK): what is sent on it goes to the
    /// kernel, which takes the message in the sender's context, so a send
    /// never waits and never fails with EAGAIN (a receive can). A message
    /// sent to another process's netlink socket can; sending requests to
    /// the kernel is what these sockets are opened for.
    bool AllKernelNetlink = false;
    /// Every value comes from the C library's eventfd() (declared in a
    /// system header; or by the program itself, when the project's facts
    /// say no file defines the name): a write adds its 8-byte value to the
    /// descriptor's counter, and fails with EAGAIN only when the sum would
    /// pass 0xfffffffffffffffe; a read takes the counter and fails with
    /// EAGAIN only when it is 0.
    bool AllEventCounter = false;
    /// Every value comes from the C library's pipe(), pipe2() or eventfd():
    /// the descriptors a thread or a signal handler wakes a poll loop
    /// through (libev falls back from an eventfd to a pipe). A write of at
    /// most PIPE_BUF bytes to a pipe is atomic, so it fails with EAGAIN
    /// only while the pipe holds bytes; a write of fewer than 8 bytes to an
    /// eventfd fails with EINVAL.
    bool AllPipeOrEventCounter = false;
    /// AllPipeOrEventCounter, and one of the values at least comes from
    /// eventfd().
    bool SomeEventCounter = false;
  };
  CreatorKinds creatorKinds(const Expr *Fd, const Stmt *At,
                            const FunctionDecl *Fn);
  /// Every value \p Fd can hold at \p At comes from the C library's pipe()
  /// or pipe2() as the fallback for an eventfd: the call fills a local
  /// two-element array of the function that makes it, inside an `if`
  /// whose condition tests the array's second slot, to which the same
  /// function assigns what eventfd() returned (libev's evpipe_init():
  /// `fds[1] = eventfd(...); if (fds[1] < 0) pipe(fds);`). Such a pipe
  /// stands in for the eventfd and carries what it would, wake-ups: no
  /// stream of records.
  bool pipeStandsInForEventCounter(const Expr *Fd, const Stmt *At,
                                   const FunctionDecl *Fn);

  /// What this TU tells other TUs about its externally visible functions'
  /// descriptor parameters: made non-blocking or blocking, or left alone
  /// (unconditionally, or if the other files' functions they go to do).
  /// Only on an analysis made without the project's facts: a summary says
  /// what its own file shows.
  void exportFacts(ProjectFacts &Out);
  /// The functions the facts describe: defined in this TU (its headers
  /// included, not the system's), visible to the other files, and making a
  /// call; in source order.
  std::vector<const FunctionDecl *> exportedFunctions();
  /// Every function of the TU the analysis walked (those with a body), in
  /// no particular order.
  void forEachWalkedFunction(llvm::function_ref<void(const FunctionDecl *)> F);

  /// Every function called in the TU's function bodies, with its calls.
  void forEachCallee(llvm::function_ref<void(const FunctionDecl *,
                                             llvm::ArrayRef<const CallExpr *>)>
                         F);
  /// Every struct field called through in the TU's function bodies (a
  /// function pointer: `ctx->backend->send(...)`), with its calls.
  void forEachFieldCallee(
      llvm::function_ref<void(const FieldDecl *,
                              llvm::ArrayRef<const CallExpr *>)>
          F);

  /// Every function-pointer parameter called through in the TU's function
  /// bodies (`f(fd, buf, n)` in `atomicio(f, fd, buf, n)`), with its calls.
  void forEachParamCallee(
      llvm::function_ref<void(const ParmVarDecl *,
                              llvm::ArrayRef<const CallExpr *>)>
          F);
  /// Every call of \p Fn is one of the TU's direct calls (callSitesOf): it
  /// is not visible to other files, and no call hands it on as a function
  /// pointer.
  bool callersAllKnown(const FunctionDecl *Fn);

  /// \p A and \p B name the same descriptor (the same variable, field or
  /// array element).
  static bool sameDescriptor(const Expr *A, const Expr *B);

  /// The file configures \p Fd with ioctl(fd, TUNSETIFF, ...): a Linux
  /// TUN/TAP device, whose every write is one packet, taken whole or
  /// refused.
  bool isTunDevice(const Expr *Fd);

  /// \p Fd is an element of an array that pipe() or pipe2() fills in the
  /// TU (`fds[1]`, `c->notify[1]`), and nothing else does (no
  /// socketpair() into it on another path, no store into the element but
  /// -1): a pipe, where a write of at most PIPE_BUF bytes is atomic.
  bool isPipeEnd(const Expr *Fd);

  /// The file refuses to go on with \p Fd unless it is a terminal: an
  /// `if` whose condition holds when isatty(), tcgetattr() or tcsetattr()
  /// says it is not one (`if (!isatty(fd)) return -1;`, `if (tcgetattr(fd,
  /// &t) != 0) return -1;`, either side of an `||`) leaves the function
  /// on that side. Those calls fail with ENOTTY on anything else, a socket
  /// included, so \p Fd is never a socket there. For a struct field or a
  /// global, one such test anywhere in the file will do (one descriptor
  /// for the whole TU, as for isTunDevice: tmux's tty_init() refuses a
  /// client whose c->fd is not a terminal, and tty.c writes to it
  /// elsewhere), unless the file stores in it a socket or what one of the
  /// project's functions returns; for a local or a parameter, on every
  /// path to \p At in \p Fn the last test or store to the variable is
  /// such a test. \p At inside the test's refusing branch is not covered.
  bool isTerminal(const Expr *Fd, const Stmt *At, const FunctionDecl *Fn);

  /// The code shows \p Fd to be blocking: a local (or a static global, or
  /// an element of one) whose every value is a descriptor created blocking
  /// (socket, accept, open, pipe... without the non-blocking flag), never
  /// made non-blocking, and never handed to a function that might (one
  /// whose body is not in view, other than the C library's calls that keep
  /// a descriptor's mode). A read or write on it cannot fail with EAGAIN
  /// unless a socket timeout is set (setsSocketTimeout). A call's result
  /// (`read(get_fd(), ...)`) is shown blocking when every value the
  /// function returns is, or the project's facts say so.
  bool shownBlocking(const Expr *Fd);

  /// Some code in the TU reads a connect result back with
  /// getsockopt(..., SOL_SOCKET, SO_ERROR, ...).
  bool readsSoError();
  /// Some code in the TU waits for readiness (poll, select, epoll_wait...).
  bool waitsForReadiness();
  /// The same two questions for the whole project: this TU, or another
  /// file as the project's facts say.
  bool projectReadsSoError();
  bool projectWaitsForReadiness();
  /// Some code in the TU sets SO_RCVTIMEO / SO_SNDTIMEO, or calls another
  /// file's function that does (the project's facts): EAGAIN then also
  /// means "timed out" on a blocking socket.
  bool setsSocketTimeout(Direction D);

  WouldBlockClassifiers &classifiers() { return Classifiers; }
  FunctionParents &functionParents() { return Parents; }
  FunctionCfgs &functionCfgs() { return Cfgs; }
  EventHandlers &eventHandlers() { return Handlers; }
  ReadinessWaits &readiness() { return Readiness; }
  TlsSessions &tlsSessions() { return Sessions; }
  /// The project's facts this TU reads, or null.
  const ProjectFacts *projectFacts() const;
  ASTContext &context() { return Ctx; }

  /// True if \p S (an expression, or a function's body) mentions the
  /// constant \p Name (a macro or an enumerator).
  static bool mentionsName(const Stmt *S, llvm::StringRef Name,
                           const ASTContext &Ctx);
  /// Which of \p Names (at most 32) \p S mentions, as mentionsName() reads
  /// a mention: bit I for Names[I]. One walk of \p S for all of them.
  static uint32_t namesMentioned(const Stmt *S,
                                 llvm::ArrayRef<llvm::StringRef> Names,
                                 const ASTContext &Ctx);

  struct Impl;

private:
  /// madeBlockingAt for a field named through a local or a parameter
  /// (`out->fh_fd`, `h.fd`): on every path to \p At, the last thing done
  /// to the variable or to the field is a call to one of the file's
  /// functions that makes that field of the object it is given blocking
  /// (proftpd's `pr_fsio_set_block(dst_fh)`), given this very variable.
  bool clearedByHandleHelper(const Expr *Fd, const Stmt *At,
                             const FunctionDecl *Def);
  /// A call that creates a descriptor (socket(), socketpair(), pipe(), or
  /// another file's function that returns one, as the facts say), and the
  /// calls whose returns led to it, outermost first: the creating call's
  /// arguments may name the parameters of the function the last of them
  /// entered (`socket(domain, type, 0)` in a helper called with
  /// SOCK_DGRAM).
  struct Creator {
    const CallExpr *Call;
    llvm::SmallVector<const CallExpr *, 2> Via;
  };
  /// The creators of every value \p Fd can hold where \p At in \p Fn uses
  /// it, into \p Out; false when some value has another source. A local's
  /// values are those assigned in \p Fn where some path of its CFG goes on
  /// to \p At; a field's or a global's, those assigned anywhere in the TU;
  /// followed through copies, the returns of the TU's functions (in the
  /// context of the call), a parameter's calls when the TU sees them all
  /// (or the one call whose returns are being followed), and the array a
  /// socketpair() or a pipe() fills.
  bool creators(const Expr *Fd, const Stmt *At, const FunctionDecl *Fn,
                llvm::SmallVectorImpl<Creator> &Out);
  /// creators() found, and \p Pred holds for each (its callee's name, the
  /// creator).
  bool everyCreator(
      const Expr *Fd, const Stmt *At, const FunctionDecl *Fn,
      llvm::function_ref<bool(llvm::StringRef, const Creator &)> Pred);
  /// \p Arg names the constant \p Name, itself or through a parameter of
  /// the function the last call of \p Via entered (that call's argument,
  /// and so on outwards).
  bool argMentions(const Expr *Arg, llvm::StringRef Name,
                   llvm::ArrayRef<const CallExpr *> Via) const;
  /// \p C, a call of \p N, is socket()/socketpair() of type SOCK_DGRAM or
  /// SOCK_RAW; socket(AF_NETLINK or PF_NETLINK, ...).
  bool createsDatagramSocket(llvm::StringRef N, const Creator &C) const;
  /// \p Type, a socket type in the context of the calls \p Via, names
  /// SOCK_DGRAM or SOCK_RAW and no stream type; or it is a parameter that
  /// every call of its function (all in view) fills with such a type.
  bool datagramType(const Expr *Type, llvm::ArrayRef<const CallExpr *> Via,
                    unsigned Depth = 0) const;
  bool createsNetlinkSocket(llvm::StringRef N, const Creator &C) const;
  /// exportFacts' ParamSites: what each call passes to a descriptor
  /// parameter of a function other files may call.
  void exportBlocking(ProjectFacts &Out,
                      llvm::ArrayRef<const FunctionDecl *> Fns);
  void exportParamSites(ProjectFacts &Out);
  /// exportFacts' NumberChanges: the descriptor numbers this file may
  /// change the mode of.
  void exportNumberChanges(ProjectFacts &Out);
  /// One of exportParamSites' entries: what \p C in \p Caller passes as
  /// \p Arg to \p Param (`Name:Arg`, or a number's pseudo-parameter).
  ProjectFacts::ParamSite paramSite(std::string Param, const Expr *Arg,
                                    const CallExpr *C,
                                    const FunctionDecl *Caller,
                                    bool MayHoldDescriptor);
  /// \p S in \p Fn runs only when a condition that reads one of \p Fn's
  /// parameters chose it: an `if`'s branch, a `?:` arm, the right of `&&`
  /// or `||`, a loop's body, a `switch`'s cases.
  bool underParamTest(const Stmt *S, const FunctionDecl *Fn);
  ASTContext &Ctx;
  WouldBlockClassifiers Classifiers;
  FunctionParents Parents;
  FunctionCfgs Cfgs;
  EventHandlers Handlers;
  ReadinessWaits Readiness;
  TlsSessions Sessions;
  std::unique_ptr<Impl> P;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_NONBLOCKINGFDANALYSIS_H
