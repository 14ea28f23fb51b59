//===--- ObjectFdStores.h - What one object's fields are given -*- C++ -*-===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The descriptor that one object keeps in a field, rather than the field
// of every object of its type. A struct that serves blocking and
// non-blocking channels alike (OpenBSD's imsg buffers: a blocking
// socketpair to a child here, a non-blocking accepted connection there)
// is one field to an analysis keyed by type; the object a variable names
// (`ibuf_ctl->fd`, `ibuf->w.fd`) is one channel. This component scans
// what the code does to the object a variable or a pointer parameter
// names, along paths of fields from it:
//
//   ibuf = malloc(sizeof(struct imsgbuf));   // a fresh object
//   imsg_init(ibuf, fd);                     // handed to a function
//   ibuf->w.fd = -1;                         // a store into a field
//   fcntl(ibuf->fd, F_SETFL, ...);           // a field's value handed on
//   list_add(&all, ibuf);                    // ... and any other use
//
// and sums up what a function does to the object its parameter points to
// (ObjectSummary), the form both this TU's functions and the project's
// facts (`object_params`) take. Whether the descriptor in one object's
// field is shown blocking is NonBlockingFdAnalysis's question
// (objectFieldBlocking), which judges the stored values.
//
// Only paths through embedded structs are followed (`ibuf->w.fd`): a
// pointer field (`c->conn->fd`) leads to another object.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_OBJECTFDSTORES_H
#define NBIO_CHECKS_OBJECTFDSTORES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::nbio {

/// `root->a.b`, `root.a`, `(*root).a`, `&root->a`, `root`: the variable
/// (a pointer to a struct, or a struct) and the fields from it, through
/// embedded structs only.
struct RootedPath {
  const VarDecl *Root = nullptr;
  llvm::SmallVector<const FieldDecl *, 3> Path;
  const DeclRefExpr *Ref = nullptr;
};
std::optional<RootedPath> rootedPath(const Expr *E);

/// `a.b` for the path's fields; empty for the object itself.
std::string pathText(llvm::ArrayRef<const FieldDecl *> Path);
/// \p Prefix is \p Path or a path to a struct that contains it ("w" of
/// "w.fd"; "" of everything).
bool pathHasPrefix(llvm::StringRef Path, llvm::StringRef Prefix);

/// What a value stored into a field, or handed on, is.
enum ValueKind : int {
  VkNone = -1,     ///< no descriptor: -1, 0 of a cleared struct
  VkOther = -2,    ///< anything else: not known
  VkBlocking = -3, ///< a descriptor the code shows to be blocking
  // n >= 0: the summarised function's parameter n, as the caller passes it
};

/// What a function does to the object its parameter points to, or what
/// the TU does to the object a variable names (then no value is a
/// parameter).
struct ObjectSummary {
  struct Store {
    std::string Path; ///< an integer field
    int From = VkOther;
    /// For a summary written to the facts: the field's fieldKey(), by
    /// which the merge keeps only the descriptor fields' stores.
    std::string Field;
  };
  /// The object, or a struct inside it (Path), handed to Callee's
  /// parameter Arg, with what each of the call's arguments is.
  struct Handoff {
    std::string Path, Callee;
    unsigned Arg = 0;
    std::vector<int> Args;
    /// In the TU only: the callee's definition when its body is here, and
    /// whether it is declared in a system header.
    const FunctionDecl *Def = nullptr;
    bool System = false;
  };
  std::vector<Store> Stores;
  std::vector<Handoff> Handoffs;
  /// Parts of the object (paths; "" for all of it) the code lets out of
  /// sight: their address kept or copied, a whole struct assigned over
  /// them, a call through a pointer given them. A part's address reaches
  /// the whole object (`container_of`), so any escape leaves nothing known
  /// of it.
  std::vector<std::string> Escapes;
  bool empty() const {
    return Stores.empty() && Handoffs.empty() && Escapes.empty();
  }
};

/// The uses of the object \p Root names in \p Bodies, each value read by
/// \p Value (a stored value, a call's argument) and each integer field's
/// value handed to a call asked of \p KeepsMode (false: the call may
/// change that descriptor's mode, taken as a store of an unknown value).
/// Assignments to \p Root itself, when it is a pointer, must be fresh
/// objects (a call of an allocator, or a null pointer): anything else
/// makes the whole object an escape. \p Root's own initializer counts.
/// A part handed to one of the C library's functions other than those of
/// clearsOrReleases (`memcpy` into it) is an escape. \p ForFacts: fill
/// Store::Field.
/// An integer field's value read anywhere else than a comparison, a
/// computation, a condition or a call's argument (returned, a
/// conditional's arm...) makes the whole object an escape, and so does
/// one copied where \p CopyKeepsMode (given the target, an expression or
/// a variable initialised so) says the copy may have its mode changed, or
/// handed to a call that KeepsMode says may change it: the same descriptor may
/// sit in another of the object's fields.
ObjectSummary summariseObject(
    const VarDecl *Root, llvm::ArrayRef<const Stmt *> Bodies,
    llvm::function_ref<int(const Expr *)> Value,
    llvm::function_ref<bool(const CallExpr *, unsigned)> KeepsMode,
    llvm::function_ref<bool(const Expr *, const VarDecl *)> CopyKeepsMode,
    bool ForFacts = false);

/// Of a callee without a body: one of the C library's functions that
/// only clear or release the memory they are given (`memset`, `free`...):
/// nothing of a descriptor is stored there.
bool clearsOrReleases(llvm::StringRef Callee);

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_OBJECTFDSTORES_H
