//===--- TlsSessions.h - TLS sessions over non-blocking descriptors -------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Whether a TLS or SSH session runs over a non-blocking descriptor, and
// where it became so. A session gets its descriptor from a binding call of
// its library (`SSL_set_fd(ssl, fd)`, `gnutls_transport_set_int(s, fd)`,
// `wolfSSL_set_fd`...): if that descriptor is non-blocking where it is
// bound, so is the session. Some libraries are told directly:
// `libssh2_session_set_blocking(s, 0)`, `mbedtls_net_set_nonblock(&ctx)` on
// the context given to `mbedtls_ssl_set_bio`. A session is matched to its
// binding by the variable or the struct field that holds it (`c->ssl` in
// one function, `conn->ssl` in another). Only a blocking session's calls
// never report "would block", so nbio-unhandled-eagain asks this before
// judging a TLS call's failure path.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_TLSSESSIONS_H
#define NBIO_CHECKS_TLSSESSIONS_H

#include "ProjectFacts.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::nbio {

class NonBlockingFdAnalysis;

class TlsSessions {
public:
  explicit TlsSessions(NonBlockingFdAnalysis &A) : A(A) {}

  struct Origin {
    /// Where the descriptor (or the session) became non-blocking, and, for
    /// a descriptor, the analysis' note that says so.
    SourceLocation Loc;
    std::string Note;
    bool LinuxOnly = false;
    /// The library call that made the session non-blocking itself
    /// (`BIO_set_nbio`, `libssh2_session_set_blocking`), or empty.
    std::string Switch;
    /// The switch was made on an object bound to the session (the net
    /// context of mbedtls_ssl_set_bio, the BIO of SSL_set_bio).
    bool OnTransport = false;
    /// The note's text.
    std::string note() const {
      if (Switch.empty())
        return Note;
      return "'" + Switch + "' makes the session" +
             (OnTransport ? "'s transport" : "") + " non-blocking here";
    }
    /// The call that bound the descriptor to the session (null when the
    /// library itself was told not to block).
    const CallExpr *Binding = nullptr;
  };

  /// \p Session (a TLS call's session argument) runs over a non-blocking
  /// descriptor, or was made non-blocking itself.
  std::optional<Origin> nonBlocking(const Expr *Session);
  /// The same, as seen from the call \p At in \p Fn: a binding in Fn that
  /// no path runs before At (`libssh2_session_set_blocking(s, 0)` after
  /// the authentication) does not count.
  std::optional<Origin> nonBlocking(const Expr *Session, const Stmt *At,
                                    const FunctionDecl *Fn);

  /// Every binding of \p Session gives it a descriptor the code shows to be
  /// blocking (NonBlockingFdAnalysis::shownBlocking), or one made blocking
  /// on every path to the binding; and there is at least one. Such a
  /// session's calls wait in the socket: asking again after "want read"
  /// waits too, it does not spin. A session field no binding of the file
  /// reaches is so when the project's facts say every file that binds it
  /// does so (ProjectFacts::BlockingSessions).
  bool shownBlocking(const Expr *Session);

  /// The TU gives \p Session (what holds it) transport functions of the
  /// program's own (gnutls_transport_set_push_function...), or another
  /// file does so to the session field (the project's facts): the
  /// descriptor GnuTLS keeps for it is then not the one they use.
  bool hasOwnTransport(const Expr *Session);

  /// \p Session runs over an in-memory transport: it is held in a local
  /// that only gnutls_init fills and whose value goes nowhere but to the
  /// library's calls, the function gives that local the program's own push
  /// and pull functions, and every own transport function given to it
  /// touches no descriptor (touchesNoDescriptor); no call binds a
  /// descriptor to it, and the pointer it is given is its own or an
  /// object's address. GNUTLS_E_AGAIN then means that the program's own
  /// buffer is empty or full: there is no descriptor to wait for.
  bool memoryTransport(const Expr *Session);

  /// Every call of the translation unit that binds a descriptor or a
  /// transport to what holds \p Session (its variable or struct field).
  llvm::SmallVector<const CallExpr *, 2> bindingsOf(const Expr *Session);

  /// The object \p Session was made from (`ps->ssl` for `b =
  /// SSL_get_rbio(ps->ssl)`, a channel's session), or null: tearing that
  /// object's owner down ends \p Session's connection too.
  const Expr *madeFrom(const Expr *Session);

  /// A call that turns OpenSSL's or wolfSSL's partial-write mode on or off
  /// (`SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE)`, which
  /// OpenSSL's headers make `SSL_CTX_ctrl(ctx, SSL_CTRL_MODE, ...)`).
  struct ModeSwitch {
    const CallExpr *Call;
    const Expr *Object; ///< the context or the session
    bool OnContext;     ///< a context: every session made from it
    bool On;            ///< turned on (true) or off
  };
  /// \p Session's writes (at \p At in \p Fn) may return a short count: the
  /// TU turns partial-write mode on for a context (a session is made from
  /// one; a TU rarely sets up two) or for the variable or field that holds
  /// \p Session, and no call in \p Fn that may run before \p At turns it off
  /// for that holder (redis clears it around a write that must be whole).
  /// The switch that turned it on, or null.
  const ModeSwitch *partialWrites(const Expr *Session, const Stmt *At,
                                  const FunctionDecl *Fn);

  /// For the project's facts: the struct fields that hold a session this
  /// TU's own code binds to a non-blocking descriptor or makes non-blocking
  /// (fieldKey() -> "file:line" of where it became so).
  void exportFacts(std::map<std::string, std::string> &Out);
  /// For the project's facts: the struct fields that hold a session this
  /// TU's code binds, and whether each is bound to blocking transports only
  /// (shownBlocking), on condition that the descriptor fields it names hold
  /// blocking descriptors in every file.
  void exportBlockingFacts(std::vector<ProjectFacts::SessionUse> &Out);
  /// For the project's facts: the functions of the TU that other files may
  /// name and that have an mbed TLS send or receive function's shape,
  /// those that never return a "want" code (bioNeverWants) in \p Quiet,
  /// the others in \p Other (the merge keeps a name quiet only if no file
  /// defines it otherwise: two programs may each define their own).
  void exportQuietBios(std::vector<std::string> &Quiet,
                       std::vector<std::string> &Other);

private:
  void collect();
  /// shownBlocking for what holds the session: nullopt when no binding of
  /// the file reaches it.
  std::optional<bool> shownBlocking(const Decl *H);
  /// NonBlockingFdAnalysis::shownBlocking, or, while DeferredFields is set
  /// (the file's summary is made), a descriptor field, added to it.
  bool fdShownBlocking(const Expr *Fd);
  std::vector<std::string> *DeferredFields = nullptr;
  /// While one holder is judged for the file's summary: sets DeferredFields
  /// and sets the memo of transport functions aside (see the .cpp).
  class FieldsDeferred;
  /// libssh2 waits on the socket itself unless the session is switched
  /// (libssh2_session_set_blocking(s, 0)): the descriptor's mode does not
  /// decide. True when the TU shows every libssh2 object it can see to be
  /// blocking: it makes sessions (libssh2_session_init_ex), switches none
  /// of them with a value that may be 0, takes none from other files (no
  /// function other files call has a libssh2 parameter, no struct field
  /// and no global of the TU's own visible to them holds one, no function
  /// out of view returns one) and gives none to a function out of view
  /// other than libssh2's own. Asked once per TU.
  bool libssh2KeptBlocking();
  std::optional<bool> Libssh2Blocking;
  /// \p SetBio, an `mbedtls_ssl_set_bio(&ssl, &net, ...)`, gives the
  /// session mbed TLS's own socket functions (`mbedtls_net_send`,
  /// `mbedtls_net_recv`, `mbedtls_net_recv_timeout`, or none) over a net
  /// context that stays blocking: a local of its function that only mbed
  /// TLS's calls are given (by address), in a TU that never calls
  /// `mbedtls_net_set_nonblock`. What `mbedtls_net_connect()` or
  /// `mbedtls_net_accept()` put there is a blocking socket, whose
  /// "want read" is an interrupted call's (EINTR): asking again at once is
  /// what mbed TLS's own programs do.
  bool mbedtlsNetBlocking(const CallExpr *SetBio);
  /// \p V is a local net context whose every use is `&V` handed to mbed
  /// TLS's own calls (`mbedtls_net_*`, `mbedtls_ssl_set_bio`), or to a
  /// helper of the file whose parameter passes the same test (a parameter
  /// pointing to a context: every use handed on as it is); and, for
  /// `mbedtls_net_accept(&listen, &V, ...)`, the listener too (the BSDs
  /// give an accepted socket its listener's O_NONBLOCK).
  bool mbedtlsNetKept(const VarDecl *V, unsigned Depth);
  /// \p SetBio, an `mbedtls_ssl_set_bio` call, gives the session send and
  /// receive functions of the program's own (at least one; the others
  /// none) that never return mbed TLS's "want" codes (bioNeverWants): a
  /// memory transport, a fuzz harness's input. The session then says
  /// "want read" only of its own (after a DTLS timeout, to send the flight
  /// again; after a warning alert it skipped), when asking again makes
  /// progress: it does not spin, whatever the context.
  bool mbedtlsQuietFunctions(const CallExpr *SetBio);
  /// \p Fn, a send or receive function given to mbed TLS, never returns
  /// MBEDTLS_ERR_SSL_WANT_READ or _WANT_WRITE: every value it returns is
  /// another constant (as the returned `int` sees it), what a descriptor
  /// call of the C library returns (-1 or a count: mbed TLS takes -1 for a
  /// failure), what another such function of the program's returns (not
  /// through a virtual call), a local given only such values by plain
  /// stores, or, when \p RealLength (mbed TLS calls it, or its caller
  /// passes its own such length on), its length parameter, a count. A
  /// weak definition, or a function another file defines, is so when its
  /// file found it so (the project's facts, ProjectFacts::QuietBios).
  /// \p Depth: how many of the program's functions deep the question is.
  bool bioNeverWants(const FunctionDecl *Fn, unsigned Depth, bool RealLength);
  /// Its answers, without and with a real length.
  llvm::DenseMap<const FunctionDecl *, bool> QuietBios[2];
  /// shownBlocking, \p Depth helpers down from the call asked about.
  bool shownBlockingAt(const Expr *Session, unsigned Depth);
  std::optional<bool> MbedtlsSwitched;
  std::optional<std::vector<ModeSwitch>> ModeSwitches;

  std::optional<Origin> nonBlocking(const Decl *Holder, unsigned Depth);
  /// The call at which nonBlocking() is asked, and its function; a
  /// binding in that function must be able to run before it.
  const Stmt *AskedAt = nullptr;
  const FunctionDecl *AskedIn = nullptr;
  bool mayBindBefore(const CallExpr *Binding);
  /// Objects made from objects (a channel from its session): a file
  /// handle of an SFTP session of an SSH session is three deep.
  static constexpr unsigned MaxDerivedDepth = 3;
  /// What holds a made object, and the expression it was made from.
  std::vector<std::pair<const Decl *, const Expr *>> Derived;
  /// What holds an object made over a descriptor, and the call that made
  /// it (`BIO_new_socket(fd, ...)`, its descriptor the first argument).
  std::vector<std::pair<const Decl *, const CallExpr *>> MadeOver;
  NonBlockingFdAnalysis &A;
  bool Collected = false;
  struct Binding {
    const CallExpr *Call;
    const Expr *Session;
    const Expr *Fd; ///< null: the session itself is made non-blocking
  };
  std::vector<Binding> Bindings;

public:
  /// The program's own transport functions (GnuTLS's push and pull
  /// functions): the setting call, what holds the session, the function
  /// set (null when the call does not name one the TU defines), and
  /// what it does: moves data (push, pull), waits for data (a pull
  /// timeout) or tells GnuTLS the errno of a failure.
  struct OwnTransport {
    const CallExpr *Call;
    const Expr *Session;
    const FunctionDecl *Fn;
    enum { Push, Pull, Wait, Errno } Role;
  };

private:
  std::vector<OwnTransport> OwnTransports;
  /// \p Flags, gnutls_init's flags in \p Fn, are built only from \p Fn's
  /// constants and locals, and \p Fn never names GNUTLS_NONBLOCK; or
  /// from a variable of the file's own (staticFlagsConstants).
  static bool flagsOwnConstants(const Expr *Flags, const FunctionDecl *Fn);
  /// \p V is a `static` variable (of the file, or a function's) whose
  /// every value is a constant that does not name GNUTLS_NONBLOCK: its
  /// initializer and every store of the translation unit (`flags |=
  /// GNUTLS_NO_TICKETS` in an option parser), and nothing else writes it
  /// or takes its address. gnutls-cli keeps its gnutls_init flags so.
  static bool staticFlagsConstants(const VarDecl *V);
  /// What holds a session made with gnutls_init(&s, ... | GNUTLS_NONBLOCK),
  /// or with flags that may hold it.
  std::vector<const Decl *> NonBlockingInits;
  /// A session over \p H runs over its own transport functions only, both
  /// ways, and each of them can only wait: see ownTransportWaits.
  bool ownTransportsWait(const Decl *H);
  /// \p TH, what holds a session some call is given, may be any session of
  /// the file other than \p H's: a local or a parameter (`s = c->session`,
  /// a helper's), or not known.
  static bool looseHolder(const Decl *TH, const Decl *H);
  /// The body of \p Fn (a push, pull or pull-timeout function) cannot hand
  /// GnuTLS a "would block": it names no EAGAIN or EWOULDBLOCK, sets no
  /// errno, and calls only descriptor I/O on descriptors the code shows to
  /// be blocking and a few calls that leave errno to the I/O.
  bool ownTransportWaits(const FunctionDecl *Fn);
  llvm::DenseMap<const FunctionDecl *, bool> TransportWaits;
  /// The body of \p Fn (an own transport function) calls only functions
  /// of the C library and GnuTLS (builtins, declared in system headers, or
  /// `gnutls_` functions the file only declares: GnuTLS's own programs)
  /// that move bytes in memory (memcpy, memmove, memset, memcmp) or reach
  /// the session's pointer and errno (gnutls_transport_set_errno...): no
  /// I/O call, no function of the program's, nothing through a pointer.
  bool touchesNoDescriptor(const FunctionDecl *Fn);
  llvm::DenseMap<const FunctionDecl *, bool> NoDescriptorFns;
  /// How far a transport function's returned local is followed back to
  /// what it was given (`r = recv(...); return r;` is one step).
  static constexpr unsigned MaxReturnedLocalDepth = 1;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_TLSSESSIONS_H
