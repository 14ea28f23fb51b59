//===--- EventHandlers.h - The TU's handlers registered with an event loop
//-===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Which functions of the translation unit the code hands to an event loop
// (libevent, libev, libuv, glib, redis's ae, bitlbee's events...), for which
// directions, on which descriptor, and which of the handler's parameters
// receives that descriptor when the loop calls it back. A registration is
// a call that passes a function of the TU (defined here) and names a
// readable or writable flag (EV_READ, B_EV_IO_WRITE, ...) in its arguments:
//
//   b_input_add(df->fd, B_EV_IO_WRITE, on_ready, df);
//   event_assign(ev, base, fd, EV_READ | EV_PERSIST, on_read, c);
//
// The registered descriptor is the call's one integer argument besides the
// flags; the handler's parameter for it is the one parameter of the same
// type (typedefs looked through), none when two share it (redis's
// `proc(el, int fd, void *data, int mask)`). Found once per TU, from the
// calls NonBlockingFdAnalysis saw; that analysis owns one instance, as it
// owns FunctionCfgs, and judges the handlers' descriptor parameters with it.
// nbio-unhandled-eagain asks which directions a handler runs for, and
// nbio-connect-einprogress whether a connecting socket has a writable
// handler here that would have to read SO_ERROR.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_EVENTHANDLERS_H
#define NBIO_CHECKS_EVENTHANDLERS_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <vector>

namespace clang::tidy::nbio {

class NonBlockingFdAnalysis;

/// The variable or field a descriptor expression names: `fd`, `c->fd`,
/// `fds[i]` (the array), `*pfd` (with \p ThroughPointers; without it, `*`
/// and `&` and explicit casts name nothing). Null for anything else.
const Decl *fdIdentity(const Expr *E, bool ThroughPointers = true);

/// The descriptor's names in \p Fn: its own, and for a local, those of the
/// variables and fields it is set from (`fd = isext ? c->errfd : c->readfd`,
/// `fd = df->fd = socket(...)`): a caller or a registration may name one of
/// those.
llvm::SmallVector<const Decl *, 4> namesOfFd(const Expr *Fd,
                                             const FunctionDecl *Fn);

/// One call that hands a function of the TU to an event loop.
struct HandlerRegistration {
  const CallExpr *Call = nullptr;
  const FunctionDecl *Handler = nullptr; ///< its definition
  unsigned Directions = 0;               ///< EventHandlers::Readable|Writable
  /// The registered descriptor argument, or null when the call has none
  /// (glib's channel, libuv's handle) or more than one candidate.
  const Expr *Fd = nullptr;
  /// The handler's parameter that receives Fd, if exactly one can.
  std::optional<unsigned> FdParam;
  /// When Fd is a member of an object the call also passes (`df->fd` and
  /// `df`): the handler's parameter that receives the object, if exactly one
  /// pointer parameter can (of its type, or `void *`).
  std::optional<unsigned> OwnerParam;
};

class EventHandlers {
public:
  enum : unsigned { Readable = 1, Writable = 2 };

  explicit EventHandlers(NonBlockingFdAnalysis &A) : A(A) {}

  /// Every registration of the TU, in source order.
  llvm::ArrayRef<HandlerRegistration> all();
  /// The registrations of the handler \p Fn.
  llvm::ArrayRef<HandlerRegistration> of(const FunctionDecl *Fn);
  /// Every call to \p Fn in the TU's function bodies, whatever the
  /// analysis makes of it (a call the project's facts take for a setter's
  /// is a call all the same).
  llvm::ArrayRef<const CallExpr *> directCallsOf(const FunctionDecl *Fn);
  /// \p C registers a handler.
  bool isRegistration(const CallExpr *C);

  /// The directions \p Fn is registered for, when the TU never calls it
  /// directly (a handler also called directly runs whenever it is called):
  /// the loop calls it when its descriptor is ready for one of them.
  /// A function of another file (no body here, visible outside) counts
  /// too when the project's facts say a file registers it for a direction
  /// and no file calls it directly.
  unsigned readinessDirections(const FunctionDecl *Fn);
  /// The functions of other files (declared here without a body, visible
  /// outside) that the TU registers, each with the directions: for the
  /// project's facts.
  llvm::ArrayRef<std::pair<const FunctionDecl *, unsigned>>
  registeredElsewhere();
  /// readinessDirections(\p Fn), narrowed at \p At by the branches around
  /// it that test one direction's flag (`if (cond & B_EV_IO_READ) {...}`
  /// runs when the descriptor is readable, whatever else the handler is
  /// registered for).
  unsigned readinessDirectionsAt(const FunctionDecl *Fn, const Stmt *At);

  /// A registration for writability, with a handler that keeps what it
  /// learns in view, of the descriptor \p Fd names where \p Fn uses it
  /// (itself, a name it is set from, or one it is stored into in \p Fn).
  /// Null if none.
  const HandlerRegistration *writableRegistrationOf(const Expr *Fd,
                                                    const FunctionDecl *Fn);

  /// When every registration of \p P's function passes it the descriptor
  /// as a member of an object, and the object to one parameter (OwnerParam):
  /// that parameter and the locals the function sets from it (`struct dcc
  /// *df = data;`). Tearing one of them down ends the descriptor's
  /// connection, as `conn_free(c)` does for `c->fd`. Empty otherwise.
  llvm::ArrayRef<const Decl *> ownersOfFdParam(const ParmVarDecl *P,
                                               const FunctionDecl *Fn);

  /// \p R's handler hands the descriptor, or a pointer that can reach it
  /// (a pointer parameter such as the registration's data, or a local set
  /// from one), to a function whose body is not in the TU and which is not
  /// a known C library call: that function may well read SO_ERROR. The
  /// handler's calls to functions of the TU are followed.
  bool handsDescriptorAway(const HandlerRegistration &R);

private:
  void build();
  /// Finds the registrations among \p Sites (calls through a struct field
  /// if \p ThroughField: only the positional ones): the TU's handlers
  /// into Regs, or, \p ForElsewhere, other files' functions into
  /// Elsewhere.
  void scan(llvm::ArrayRef<const CallExpr *> Sites, bool ThroughField,
            bool ForElsewhere);
  /// scan() over the calls through struct fields, where the TU has seen
  /// the name of a positional registration.
  void scanFieldCalls(bool ForElsewhere);

  NonBlockingFdAnalysis &A;
  bool Built = false;
  std::vector<HandlerRegistration> Regs;
  /// Handler (canonical declaration) -> its registrations.
  llvm::DenseMap<const FunctionDecl *, std::vector<HandlerRegistration>>
      ByHandler;
  llvm::DenseMap<const CallExpr *, bool> IsReg;
  std::vector<std::pair<const FunctionDecl *, unsigned>> Elsewhere;
  bool ElsewhereBuilt = false;
  /// readinessDirections()'s answer from the project's facts, per function.
  llvm::DenseMap<const FunctionDecl *, unsigned> FactDirections;
  /// Handler's descriptor parameter -> ownersOfFdParam().
  llvm::DenseMap<const Decl *, llvm::SmallVector<const Decl *, 4>> Owners;
  /// Callee (canonical declaration) -> the calls to it.
  llvm::DenseMap<const FunctionDecl *, std::vector<const CallExpr *>> Direct;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_EVENTHANDLERS_H
