//===--- ErrnoFacts.h - Recognising errno, EAGAIN and their tests ---------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// EAGAIN, EWOULDBLOCK, EINPROGRESS... are macros: in the AST they are bare
// integer literals. This component recognises them by the macro name at the
// literal's spelling (so `EWOULDBLOCK` and `EAGAIN` stay distinct even where
// both are 11, and a bare `11` is neither), recognises `errno` itself, and
// knows which helpers and macros classify an errno as "would block".
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_ERRNOFACTS_H
#define NBIO_CHECKS_ERRNOFACTS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>

namespace clang::tidy::nbio {

/// The names the error constants of interest are spelled with.
enum class ErrnoConst {
  EAgain,       ///< EAGAIN, UV_EAGAIN, -EAGAIN
  EWouldBlock,  ///< EWOULDBLOCK, WSAEWOULDBLOCK
  EInProgress,  ///< EINPROGRESS, WSAEINPROGRESS, UV_EINPROGRESS
  EAlready,     ///< EALREADY
  EIntr,        ///< EINTR
  SslWantRead,  ///< SSL_ERROR_WANT_READ, WOLFSSL_ERROR_WANT_READ
  SslWantWrite, ///< SSL_ERROR_WANT_WRITE, WOLFSSL_ERROR_WANT_WRITE
  TlsAgain,     ///< GNUTLS_E_AGAIN, LIBSSH2_ERROR_EAGAIN: a call's own
                ///< result, one code for both ways
  TlsWantRead,  ///< MBEDTLS_ERR_SSL_WANT_READ, TLS_WANT_POLLIN (libtls)
  TlsWantWrite, ///< MBEDTLS_ERR_SSL_WANT_WRITE, TLS_WANT_POLLOUT
  OtherNamed,   ///< another E* / SSL_ERROR_* constant spelled by name
};

constexpr unsigned bit(ErrnoConst C) { return 1u << unsigned(C); }
constexpr unsigned WouldBlockMask =
    bit(ErrnoConst::EAgain) | bit(ErrnoConst::EWouldBlock);
constexpr unsigned InProgressMask =
    bit(ErrnoConst::EInProgress) | bit(ErrnoConst::EAlready);
constexpr unsigned SslWantMask =
    bit(ErrnoConst::SslWantRead) | bit(ErrnoConst::SslWantWrite);
constexpr unsigned TlsAgainMask = bit(ErrnoConst::TlsAgain) |
                                  bit(ErrnoConst::TlsWantRead) |
                                  bit(ErrnoConst::TlsWantWrite);

/// The named error constant \p E spells (looking through parentheses,
/// casts and unary minus), or nothing if \p E is not spelled with such a
/// name. A literal written as a bare number gives nothing.
std::optional<ErrnoConst> spelledErrnoConst(const Expr *E,
                                            const ASTContext &Ctx);

/// The exact spelling ("EAGAIN", "EWOULDBLOCK", ...) of the outermost
/// would-block name at \p E, or empty.
llvm::StringRef spelledWouldBlockName(const Expr *E, const ASTContext &Ctx);

/// True for `errno` (glibc: `(*__errno_location ())`, and the BSD and
/// Windows spellings).
bool isErrnoExpr(const Expr *E);

/// The names of the macro expansions that produced \p Loc, innermost first
/// (remembered for the rest of the translation unit).
llvm::SmallVector<llvm::StringRef, 4> macroChain(SourceLocation Loc,
                                                 const ASTContext &Ctx);
/// Drops what macroChain remembers: at the end of each translation unit.
void forgetMacroChains();

/// Knows the helper functions and macros that test an errno for "would
/// block": a built-in list from real projects, the user's list, and
/// functions defined in the translation unit whose bodies compare their
/// argument with EAGAIN/EWOULDBLOCK.
class WouldBlockClassifiers {
public:
  explicit WouldBlockClassifiers(llvm::ArrayRef<std::string> UserNames);

  /// The constants a call to a classifier helper tests, as a mask of
  /// bit(ErrnoConst); 0 when \p Call is not such a helper. Helpers named in
  /// the lists (or named like "is_eagain", "errno_is_transient") count as
  /// testing EAGAIN, EWOULDBLOCK and EINPROGRESS.
  unsigned classifierMask(const CallExpr *Call, const ASTContext &Ctx);

  /// The constants \p S mentions anywhere (directly, through a macro, or
  /// through a classifier call), as a mask of bit(ErrnoConst).
  unsigned mentionedMask(const Stmt *S, const ASTContext &Ctx);

  /// \p Call is a helper that says whether an error code is EINTR and
  /// nothing else, so it answers false for EAGAIN: one named for EINTR
  /// alone, its last word (dbus's `_dbus_get_is_errno_eintr(e)`,
  /// `is_eintr(e)`; not `not_eintr`, `eintr_or_again`), given one
  /// argument, whose body is out of sight or only compares its parameter
  /// with EINTR (`return e == EINTR;`). A name that also says "would
  /// block" is a classifier (classifierMask) instead.
  bool interruptOnlyHelper(const CallExpr *Call, const ASTContext &Ctx);

private:
  unsigned mentionedMask(const Stmt *S, const ASTContext &Ctx, unsigned Depth);
  unsigned bodyMask(const FunctionDecl *FD, const ASTContext &Ctx,
                    unsigned Depth);
  bool isListedName(llvm::StringRef Name) const;
  llvm::StringSet<> Names;
  llvm::DenseMap<const FunctionDecl *, unsigned> Inferred;
  llvm::DenseMap<const Stmt *, unsigned> MentionedMemo;
};

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_ERRNOFACTS_H
