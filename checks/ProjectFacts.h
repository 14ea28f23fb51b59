//===--- ProjectFacts.h - What other translation units know ---------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Project-wide facts: small per-function summaries that one translation
// unit exports and every other one reads, so that a descriptor made
// non-blocking in one file, or an I/O wrapper defined in another, is known
// where the I/O happens. Each TU writes its own summary (FactsExportDir);
// `nbio-facts merge` joins them into one file and closes the "keeps the
// mode" facts over the calls between files; the checks read that file
// (FactsFile, or nbio-facts.json found next to the compile database).
//
// Only externally visible functions are summarised: a `static` function
// is seen by its own TU alone, which analyses its body directly. Functions
// are keyed by their qualified name.
//
// Facts are hints: a missing or stale file never makes a TU's own evidence
// wrong; a malformed one is reported once and ignored.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_PROJECTFACTS_H
#define NBIO_CHECKS_PROJECTFACTS_H

#include "ObjectFdStores.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace clang {
class FieldDecl;
}

namespace clang::tidy::nbio {

/// A function of another TU that is a thin I/O wrapper (see
/// NbioCheckBase::IoWrapper).
struct FactWrapper {
  std::string Name;
  unsigned FdArg = 0;
  /// The descriptor is this field of the struct the FdArg parameter points
  /// to (`send(ctx->s, ...)`), or empty: the parameter itself.
  std::string FdField;
  bool Write = false;   ///< the direction of the wrapped call
  std::string Library;  ///< the library call at the end of the chain
  int BufArg = -1, LenArg = -1;
  /// The wrapped call is a sendto() given an address: -2, its own; n >= 0,
  /// the one the wrapper's parameter n passes; -1: none.
  int AddrArg = -1;
  bool ReturnsCount = false;
  /// The wrapper sets errno to EAGAIN itself (see
  /// NbioCheckBase::IoWrapper::OwnEagain).
  bool OwnEagain = false;
  std::string At; ///< "file:line" of the wrapped call
};

struct ProjectFacts {
  /// `Name:FdArg` (or `Name:FdArg:FlagArg:Value`) entries, as in the
  /// NonBlockingFunctions and BlockingFunctions options.
  std::vector<std::string> NonBlocking, Blocking;
  /// `Name:FdArg`: the function leaves that parameter's mode alone, and
  /// passes it only to calls that do. Only int-sized integer parameters,
  /// the ones a descriptor is passed in.
  std::vector<std::string> KeepsMode; ///< sorted (fromJSON sorts it)
  /// KeepsMode has `Function:Arg`.
  bool keepsMode(llvm::StringRef Function, unsigned Arg) const;
  /// Functions (qualified names) whose body waits for readiness or backs
  /// off (calls poll, select, sleep... or a function of its file that
  /// does): a retry that calls one in another file does not spin.
  std::vector<std::string> Waits;
  /// For a TU's own summary, sorted: the functions the TU calls whose body
  /// is not in its main file, the only ones whose Waits and KeepsMode
  /// entries it may ask for: the merged file's lists name no others.
  std::vector<std::string> Calls;
  /// For a TU's own summary: `Name:FdArg` keeps the mode if every
  /// `Callee:Arg` it passes the descriptor to does (closed by the merge).
  std::vector<std::pair<std::string, std::vector<std::string>>> KeepsModeIf;
  /// For a TU's own summary: `Name:FdArg` hands the descriptor, on every
  /// run as far as its parameters go, to `Via` (`Callee:Arg`, a function
  /// of another file): it changes the mode as that one does (closed by the
  /// merge, with At, the call, for the origin).
  struct ModeVia {
    std::string Fn, Via, At;
    /// The call's constant arguments (`socket_setup(sock, true)`): index
    /// and truth, so that the merge can ask a setter that picks the mode
    /// by a flag (`Callee:Fd:Flag:Value`) with them.
    std::vector<std::pair<unsigned, bool>> Flags;
  };
  std::vector<ModeVia> ModeIf;
  /// For a TU's own summary: the struct field `Field` (a field key) holds
  /// a descriptor that the same function hands to `Via` (`Callee:Arg`, a
  /// function of another file), at `At`: if that one makes it non-blocking,
  /// so is the field (closed by the merge).
  struct FieldVia {
    std::string Field, Via, At;
    auto tuple() const { return std::tie(Field, Via, At); }
    bool operator<(const FieldVia &O) const { return tuple() < O.tuple(); }
    bool operator==(const FieldVia &O) const { return tuple() == O.tuple(); }
  };
  std::vector<FieldVia> FieldsIf;
  std::vector<FactWrapper> Wrappers;
  /// For a TU's own summary: the function `Name` hands back, untested, the
  /// failure of its call at `At` to `Via`, a function of another file,
  /// given one of `Name`'s descriptor parameters: if the merge finds `Via`
  /// a thin I/O wrapper, so is `Name` (its descriptor, buffer and length
  /// mapped through Params and Fields).
  struct WrapperVia {
    std::string Name, Via, At;
    /// For each argument of the call: the parameter of `Name` it passes
    /// (-1: none), and the field when it passes `param->field` (else
    /// empty).
    std::vector<int> Params;
    std::vector<std::string> Fields;
    /// The arguments that may be the descriptor (integers passing a
    /// parameter or its field), each with the failure path checked.
    std::vector<unsigned> FdArgs;
    /// The failure path returns the call's own value (the count too, if
    /// `Via` returns one), not a constant.
    bool ReturnsValue = false;
    /// `Name` itself sets errno to EAGAIN somewhere (the
    /// wrapper is OwnEagain whatever `Via` is).
    bool OwnEagain = false;
  };
  std::vector<WrapperVia> WrappersIf;
  /// A function stored in a struct's function-pointer field (a backend's
  /// table: `{..., _modbus_tcp_send, ...}`): a call through the field may
  /// be a call to it. Static functions count: the table makes them
  /// reachable from every file.
  struct FieldTarget {
    std::string Field; ///< fieldKey() of the field
    std::string Fn;    ///< the function's name, for the notes
    std::string At;    ///< "file:line" of the store
    /// The function is a thin I/O wrapper (Name: the function's name).
    std::optional<FactWrapper> Wrapper;
    /// Or is one if another file's function is (a TU's own summary).
    std::optional<WrapperVia> WrapperIf;
  };
  std::vector<FieldTarget> FieldTargets;
  /// Some file reads a connect's outcome back with getsockopt(SO_ERROR);
  /// some file waits for readiness (poll, select, epoll...).
  bool ReadsSoError = false, WaitsForReadiness = false;
  /// Functions other files may call whose own body reads SO_ERROR (a
  /// project's `connect_status(fd)` helper): a file that calls one reads
  /// the outcome back, as if it called getsockopt itself. As for the
  /// timeout setters below: in a TU's own summary, a name every definition
  /// of which in the TU reads it; the merged file keeps a name only if
  /// every file that defines it lists it. Sorted (fromJSON sorts it).
  std::vector<std::string> SoErrorReaders;
  /// Functions (qualified names) other files may call whose own body sets
  /// a receive or a send timeout (`setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO
  /// / SO_SNDTIMEO, ...)`: iperf's SetSocketOptionsSendTimeout()): a file
  /// that calls one sets that timeout, as if it called setsockopt itself
  /// (NonBlockingFdAnalysis::setsSocketTimeout). In a TU's own summary, a
  /// name every definition of which in the TU sets it; the merged file
  /// keeps a name only if every file that defines it (DefinedFunctions)
  /// lists it. Sorted (fromJSON sorts them).
  std::vector<std::string> RcvTimeoutSetters, SndTimeoutSetters;
  /// For a TU's own summary: the names of the functions it defines that
  /// other files may call (a name once), for the merge's namesake rule.
  std::vector<std::string> DefinedFunctions;
  /// In the merged file: which of the C library's descriptor calls that
  /// the checks trust by kind (eventfd, pipe, pipe2: nbio-facts.py's
  /// LIBRARY_NAMES) some file of the project defines. Unknown (a file
  /// merged from summaries that do not say what they define) when the
  /// key is missing.
  std::vector<std::string> LibraryNamesakes;
  bool LibraryNamesakesKnown = false;
  /// No file of the project defines \p Name, one of LIBRARY_NAMES: a call
  /// of it whose declaration is the program's own is the C library's.
  bool libraryCallNotDefined(llvm::StringRef Name) const;
  /// Functions (qualified names) with the shape of an mbed TLS send or
  /// receive function that never return mbed TLS's "want" codes
  /// (TlsSessions::bioNeverWants): a memory transport another file gives
  /// a session. For a TU's own summary, OtherBios has the ones of that
  /// shape that may; the merged file keeps a name only if no file defines
  /// it so. Sorted (fromJSON sorts them).
  std::vector<std::string> QuietBios, OtherBios;
  bool quietBio(llvm::StringRef Function) const;
  /// Functions (qualified names) that some file hands to an event loop
  /// for reading, and for writing (EventHandlers), and that no file calls
  /// directly (the merge drops those): in its own file such a function
  /// runs once its descriptor is ready. Sorted (fromJSON sorts them).
  std::vector<std::string> ReadHandlers, WriteHandlers;
  bool readHandler(llvm::StringRef Function) const;
  bool writeHandler(llvm::StringRef Function) const;
  /// Struct fields (fieldKey()) that some file stores a non-blocking
  /// descriptor in, with where ("file:line").
  std::map<std::string, std::string> NonBlockingFields;
  /// Struct fields (fieldKey()) that hold a TLS or SSH session some file
  /// binds to a non-blocking descriptor or makes non-blocking itself
  /// (`SSL_set_fd(c->ssl, fd)` with `fd` non-blocking), with where the
  /// descriptor (or the session) became so ("file:line").
  std::map<std::string, std::string> NonBlockingSessions;
  /// For a TU's own summary: a struct field (fieldKey()) that holds a TLS
  /// session the TU's code binds to a transport, and whether every such
  /// binding gives it a blocking one (TlsSessions::shownBlocking),
  /// provided each of Needs, a descriptor field (fieldKey()), holds only
  /// blocking descriptors in the whole project (BlockingFields).
  /// OwnTransport: the TU gives it transport functions of the program's
  /// own (gnutls_transport_set_push_function...).
  struct SessionUse {
    std::string Field;
    bool Blocking = false;
    std::vector<std::string> Needs;
    bool OwnTransport = false;
    /// The TU gives the field a session or a transport the merge cannot
    /// follow (a copy, GNUTLS_NONBLOCK, own functions that may say EAGAIN):
    /// not blocking in any file (MixedSessions).
    bool Replaced = false;
  };
  std::vector<SessionUse> SessionUses;
  /// The SessionUse for the sessions that leave the TU's sight other than
  /// in a field that holds them (TlsSessions::exportBlockingFacts): bound
  /// on a local that is returned or aliased, on a parameter, or stored
  /// through a pointer or into a global. Any file's field may come to hold
  /// one: unless it is blocking with its needs met, the merge keeps no
  /// session field blocking.
  static constexpr llvm::StringLiteral EscapedSession = "<escaped>";
  /// For the merged file, sorted: the session fields some file gives
  /// transport functions of the program's own.
  std::vector<std::string> OwnTransportSessions;
  bool sessionOwnTransport(llvm::StringRef Field) const;
  /// For the merged file, sorted: the session fields some file binds to a
  /// non-blocking descriptor (NonBlockingSessions) or gives a session or
  /// transport that cannot be followed (SessionUse::Replaced): not
  /// blocking, whatever a file's own bindings say.
  std::vector<std::string> MixedSessions;
  bool sessionMixed(llvm::StringRef Field) const;
  /// For the merged file, sorted: the session fields that some file binds
  /// and every file that binds one binds to blocking transports only, with
  /// their needs met, and no file binds to a non-blocking one.
  std::vector<std::string> BlockingSessions;
  bool sessionBlocking(llvm::StringRef Field) const;
  /// Functions (qualified name) that return a descriptor their file shows
  /// non-blocking: where it became so ("file:line"), and whether every
  /// value they return is a datagram socket (made by socket(...,
  /// SOCK_DGRAM or SOCK_RAW, ...), or -1), so a send on it is whole or
  /// fails.
  struct ReturnedFd {
    std::string MadeAt;
    bool Datagram = false;
  };
  std::map<std::string, ReturnedFd> NonBlockingReturns;
  /// Functions (qualified name) that make a descriptor with the flags one
  /// of their parameters gives and return it as it came (dhcpcd's
  /// `xsocket(domain, type, protocol)`): non-blocking where a call's
  /// argument Arg names the creator's non-blocking flag. Creator: the C
  /// library call (`socket`, `open`...); At: its place ("file:line");
  /// Sole: every value they return is that call's (or -1), so a datagram
  /// type there makes a datagram socket. Kept: besides, the value is
  /// returned as it came and the flags are the argument's with socket type
  /// constants at most, so a call with type constants alone gives a
  /// blocking socket.
  struct FlagReturn {
    unsigned Arg = 0;
    std::string Creator, At;
    bool Sole = false;
    bool Kept = false;
  };
  std::map<std::string, FlagReturn> FlagReturns;
  /// For a TU's own summary: the functions other files may call whose
  /// every returned value is a blocking descriptor (or -1), provided each
  /// of the needs holds: `returns:Name`, another file's function that
  /// returns a blocking one too; `keeps:Name:Arg`, as in KeepsMode. The
  /// merge keeps those whose needs hold (BlockingReturns).
  std::vector<std::pair<std::string, std::vector<std::string>>>
      BlockingReturnsIf;
  /// For a TU's own summary: a struct field (fieldKey()) its code stores a
  /// descriptor in, makes non-blocking or blocking, or hands to a call.
  /// Blocking: every value it stores there is a blocking descriptor (or
  /// -1), nothing makes it non-blocking, and it goes only to calls that
  /// keep its mode, provided each of Needs holds (as above); Created: the
  /// code stores a descriptor there.
  /// NonSocket: every value the code stores there is -1 or a descriptor
  /// that is never a socket (see NonSocketReturnsIf), its address is not
  /// taken and no initializer or dup2() puts another there, provided each
  /// of NonSocketNeeds holds; Stores: the code stores a descriptor there.
  struct FieldUse {
    std::string Field;
    bool Blocking = false;
    bool Created = false;
    std::vector<std::string> Needs;
    bool NonSocket = false;
    bool Stores = false;
    std::vector<std::string> NonSocketNeeds;
    /// Datagram: every value the code stores there is -1 or a datagram
    /// socket its own code makes (socket() or socketpair() with SOCK_DGRAM
    /// or SOCK_RAW), nothing escapes and no dup2() puts another there;
    /// DatagramStores: the code stores one.
    bool Datagram = false;
    bool DatagramStores = false;
  };
  std::vector<FieldUse> FieldUses;
  /// For the merged file, sorted: the functions that return a blocking
  /// descriptor, and the fields that hold only blocking ones, in every
  /// file of the project (the fields that some file stores a descriptor
  /// in, that every file uses as said above, and that no file makes
  /// non-blocking).
  std::vector<std::string> BlockingReturns, BlockingFields;
  bool returnsBlocking(llvm::StringRef Function) const;
  bool fieldBlocking(llvm::StringRef Field) const;
  /// For a TU's own summary: the functions other files may call whose
  /// every returned value is -1 or a descriptor that is never a socket (a
  /// pipe's end, a file, FIFO or device opened by path, an eventfd...),
  /// provided each of the needs holds: `nonsocket:Name`, another file's
  /// function that returns only such descriptors too.
  std::vector<std::pair<std::string, std::vector<std::string>>>
      NonSocketReturnsIf;
  /// For the merged file, sorted: the functions that return only
  /// descriptors that are never sockets, and the fields that hold only
  /// such descriptors in every file (some file stores one there, every
  /// file's use is NonSocket).
  std::vector<std::string> NonSocketReturns, NonSocketFields;
  bool returnsNonSocket(llvm::StringRef Function) const;
  bool fieldNonSocket(llvm::StringRef Field) const;
  /// For the merged file, sorted: the fields that hold only datagram
  /// sockets in every file (some file stores one there, every file's use
  /// is Datagram): a send on one is whole or fails (dhcpcd's
  /// ctx->ps_data_fd, an end of a SOCK_DGRAM socketpair() privsep-root.c
  /// makes, written to in privsep-bpf.c).
  std::vector<std::string> DatagramFields;
  bool fieldDatagram(llvm::StringRef Field) const;
  /// `Name:Arg`, sorted: the function fills the array its parameter Arg
  /// points to only by handing it to pipe() or pipe2() (lighttpd's
  /// fdevent_pipe_cloexec(int *fds, ...)), so both elements are a pipe's
  /// ends. The same in every file's summary and in the merged file.
  std::vector<std::string> PipeFillers;
  bool fillsPipes(llvm::StringRef Function, unsigned Arg) const;
  /// `Name:Arg`, sorted: the function stores through its integer pointer
  /// parameter Arg only descriptors that are never sockets, or -1 (a
  /// `make_fdpair(int *r, int *w)` that stores an eventfd() or a pipe's
  /// ends in both), and does nothing else with the pointer. In the merged
  /// file only when every file that defines a function of that name
  /// lists it.
  std::vector<std::string> NonSocketOutParams;
  bool fillsNonSocket(llvm::StringRef Function, unsigned Arg) const;
  /// A call of a visible function (`Name:Arg`, as in KeepsMode) and what
  /// it passes there: for a TU's own summary, one entry per call.
  struct ParamSite {
    std::string Param; ///< `Name:Arg` of the callee
    std::string At;    ///< "file:line" of the call
    enum ModeT {
      NonBlocking, ///< a descriptor made non-blocking at From ("file:line")
      Forwarded,   ///< the caller's own parameter From (`Name:Arg`), as is
      Other        ///< anything else: blocking, or not known
    } Mode = Other;
    std::string From;
    /// A NonBlocking value that the calling file shows comes from
    /// socket(..., SOCK_DGRAM or SOCK_RAW, ...) wherever it is set
    /// (NonBlockingFdAnalysis::madeDatagram). Never set for a Forwarded
    /// one: the merge asks the caller's own parameter.
    bool Datagram = false;
    /// The value is a blocking descriptor (or -1), as the calling file
    /// shows it, provided each of Needs holds (as for BlockingReturnsIf,
    /// and `param:Name:Arg`, a parameter of BlockingParams).
    bool Blocking = false;
    std::vector<std::string> Needs;
  };
  std::vector<ParamSite> ParamSites;
  /// For a TU's own summary, sorted: the functions other files may call
  /// whose address the TU's code takes (a callback handed to an event
  /// loop, a table's entry): their callers are not all in view.
  std::vector<std::string> AddressTaken;
  /// For the merged file, sorted: the parameters (`Name:Arg`) to which
  /// every call in the project passes a blocking descriptor (or -1), of
  /// functions whose address no file takes (lldpd's priv_privileged_fd(),
  /// given an end of a plain socketpair() by its one caller).
  std::vector<std::string> BlockingParams;
  bool paramBlocking(llvm::StringRef Param) const;
  /// For the merged file: the parameters (`Name:Arg`) to which every call
  /// in the project passes a non-blocking descriptor (directly, or
  /// through a caller's parameter that is one too), with where it became
  /// non-blocking and where it was passed ("file:line" each).
  struct ReachedParam {
    std::string MadeAt, PassedAt;
    /// Every call passes a datagram socket: a send on it is whole or
    /// fails, and connect() on it never returns EINPROGRESS.
    bool Datagram = false;
  };
  std::map<std::string, ReachedParam> NonBlockingParams;
  /// `Name:Arg`: what the function does to the struct its parameter Arg
  /// points to (ObjectSummary: the integer fields it stores what in, the
  /// calls it hands the struct or a part of it to, the parts it lets out
  /// of sight). A TU's summary names every externally visible function
  /// with such a parameter, with what its `static` callees do spliced in.
  /// The merged objects file names those that some file calls without
  /// their body and that store into a descriptor field or let a part out
  /// of sight, their callees' entries folded in (no handoffs left); one
  /// summarised (objectParamSummarised) without an entry does neither
  /// (NonBlockingFdAnalysis's objectFieldBlocking).
  std::map<std::string, ObjectSummary> ObjectParams;
  const ObjectSummary *objectParam(llvm::StringRef Function,
                                   unsigned Arg) const;
  /// The merged file keeps ObjectParams in a file of its own beside it
  /// (nbio-facts.objects.json for nbio-facts.json), read the first time a
  /// TU asks objectParam: most TUs never do. Set by load().
  std::string ObjectParamsFile;
  /// For the merged file, sorted: the descriptor fields (fieldKey()) the
  /// merge kept ObjectParams' stores and escapes for: those some file
  /// stores a descriptor in, makes non-blocking, or a wrapper reads its
  /// descriptor from. A field not there is not judged object by object.
  std::vector<std::string> ObjectFields;
  bool objectField(llvm::StringRef Field) const;
  /// The file carries these facts (`object_fields`): one merged before
  /// they existed says nothing of objects.
  bool HasObjectFacts = false;
  /// `Name:Arg` of every function the merge summarised for a struct
  /// parameter (in ObjectParamsFile, `object_summarised`, or the entries
  /// of an inline ObjectParams): one not there is not known.
  bool objectParamSummarised(llvm::StringRef Function, unsigned Arg) const;
  /// For a TU's own summary, sorted: the externally visible variables
  /// that hold a struct or point to one which the TU's code names. For
  /// the merged file: those that more than one file names (ntpd.c's
  /// `ibuf` that constraint.c declares `extern`); a variable that one
  /// file alone names is that file's to judge.
  std::vector<std::string> Globals, SharedGlobals;
  bool globalShared(llvm::StringRef Name) const;
  /// For a TU's summary: what its code does to the struct each variable of
  /// Globals holds or points to (as ObjectParams says it of a parameter's:
  /// no value is a parameter), and the TU's main file (mainFileKey()).
  std::map<std::string, ObjectSummary> GlobalObjects;
  std::string MainFile;
  /// For the merged objects file: for a variable of SharedGlobals that
  /// every file naming it summarised, each file's entry (its main file,
  /// and what it does to the variable's object, its callees folded in);
  /// null for another variable.
  using FileObjects = std::vector<std::pair<std::string, ObjectSummary>>;
  const FileObjects *globalObjects(llvm::StringRef Name) const;
  /// The main file of the TU \p SM is for, as the summaries name it: its
  /// absolute path, without `.` and `..`.
  static std::string mainFileKey(const clang::SourceManager &SM);
  /// Where each NonBlocking/Blocking entry comes from ("file:line").
  llvm::StringMap<std::string> Origins;

  llvm::json::Value toJSON() const;
  /// Whether ObjectParamsFile has been read (once, under the lock).
  mutable bool ObjectParamsRead = false;
  mutable std::map<std::string, ObjectSummary> LazyObjectParams;
  mutable std::vector<std::string> LazySummarised; ///< sorted
  mutable std::map<std::string, FileObjects> LazyGlobalObjects;
  void readObjectParamsOnce() const;
  /// Empty on success, else why the value is not a facts file.
  static std::string fromJSON(const llvm::json::Value &V, ProjectFacts &Out);

  /// The facts file at \p Path, parsed once per process and file version
  /// (clangd and run-clang-tidy ask for every TU). Null with \p Error set
  /// when it is missing or malformed.
  static std::shared_ptr<const ProjectFacts> load(llvm::StringRef Path,
                                                  std::string &Error);

  /// `nbio-facts.json` in \p Dir (the TU's working directory: the build
  /// directory for CMake projects) or one of its parents, or empty.
  static std::string discover(llvm::StringRef Dir);

  /// How the facts name a struct's field: `record::field` (the record's
  /// qualified name, or its typedef's for an anonymous one), or empty for
  /// a field of a record without a name.
  static std::string fieldKey(const clang::FieldDecl *FD);
  /// The pseudo-parameter that stands for descriptor number \p N where the
  /// project places one for a program it starts (`dup2(cfd, 3)`): its
  /// sites are those calls, so BlockingParams and NonBlockingParams say
  /// what every one of them puts there. `<fd>` is no function's name.
  static std::string placedNumberParam(int64_t N) {
    return "<fd>:" + std::to_string(N);
  }
  /// For a TU's summary: a descriptor number (at least 3; `*` for any)
  /// whose mode the file may change, unless each of Unless holds
  /// (`keeps:F:I`: another file's function it hands the number to keeps
  /// its mode). The merge then takes no number placing for blocking.
  struct NumberChange {
    std::string Number;
    std::vector<std::string> Unless;
    bool operator<(const NumberChange &O) const {
      return std::tie(Number, Unless) < std::tie(O.Number, O.Unless);
    }
    bool operator==(const NumberChange &O) const {
      return Number == O.Number && Unless == O.Unless;
    }
  };
  std::vector<NumberChange> NumberChanges;
  /// The need a `dup2(fd, N)` puts on keeping fd's mode: number N is
  /// changed by no file (the merge decides).
  static std::string placedNumberKept(int64_t N) {
    return "<placed>:" + std::to_string(N);
  }
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_PROJECTFACTS_H
