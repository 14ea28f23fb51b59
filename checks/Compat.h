//===--- Compat.h - The few places where LLVM 19 and 22 differ -----------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Everything that has to know which LLVM major it is built against lives
// here, so the checks themselves carry no version conditionals.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_COMPAT_H
#define NBIO_CHECKS_COMPAT_H

#include "llvm/Config/llvm-config.h"

// LLVM 22 moved the module registry into ClangTidyModule.h and deprecated
// ClangTidyModuleRegistry.h with a #warning.
#if LLVM_VERSION_MAJOR >= 22
#include "clang-tidy/ClangTidyModule.h"
#else
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

// LLVM 22's RecursiveASTVisitor tells each TypeLoc traversal whether to
// traverse the type's qualifier too: an override takes, and passes on, the
// extra argument.
#if LLVM_VERSION_MAJOR >= 22
#define NBIO_TYPELOC_PARAMS(Type, Loc) Type Loc, bool TraverseQualifier
#define NBIO_TYPELOC_ARGS(Loc) Loc, TraverseQualifier
#else
#define NBIO_TYPELOC_PARAMS(Type, Loc) Type Loc
#define NBIO_TYPELOC_ARGS(Loc) Loc
#endif

#endif // NBIO_CHECKS_COMPAT_H
