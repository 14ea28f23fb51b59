//===--- SourceText.h - How a finding quotes the user's code --------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#ifndef NBIO_CHECKS_SOURCETEXT_H
#define NBIO_CHECKS_SOURCETEXT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Lex/Token.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <string>

namespace clang::tidy::nbio {

/// \p E as the user wrote it, on one line: `errno` rather than its
/// expansion, a macro argument as spelled, else the whole macro call.
/// "<fd>" when there is no text to quote.
std::string sourceTextOf(const Expr *E, const ASTContext &Ctx);

/// \p E's text exactly as it stands in the file, layout, comments, line
/// splices and preprocessor lines included, for fix-its that copy it: pasted
/// elsewhere it means what it meant here. None when \p E is not written out
/// in one stretch of one file (it comes from a macro's body, or spans a
/// macro's arguments and its body), or when that stretch holds a
/// preprocessor line (a copy could cut an #if from its #endif).
std::optional<std::string> exactSourceText(const Expr *E,
                                           const ASTContext &Ctx);

/// "file.c:12": the file name (no directory) and line where \p Loc is
/// expanded, for a place named in text (the project facts); empty if none.
std::string fileAndLine(SourceLocation Loc, const SourceManager &SM);

/// The blanks that start the line \p Loc is on.
std::string indentAt(SourceLocation Loc, const SourceManager &SM);

/// Whether a line of \p Text after its first is a preprocessor line (the
/// first begins mid-line, after a token).
bool holdsPreprocessorLine(llvm::StringRef Text);

/// A fix's `struct pollfd` events: POLLIN or POLLOUT, or, when \p ReadIf
/// (an expression true for reading: `SSL_want_read(ssl)`, `f == read`) is
/// given, `ReadIf ? POLLIN : POLLOUT`, cast to short in C++ (which forbids
/// narrowing a non-constant int in braces).
std::string pollEventsText(bool Readable, llvm::StringRef ReadIf,
                           const LangOptions &LO);

/// Calls \p Visit for each preprocessor directive of the file \p FID
/// (whose text is \p Buf), read from raw tokens: its name (`if`,
/// `include`...), the offset of its `#`, and the tokens after the name on
/// its line. Stops when \p Visit returns false. \p Code, if given, sees
/// every token outside the directives, in order.
void forEachDirective(
    const SourceManager &SM, FileID FID, llvm::StringRef Buf,
    const LangOptions &LO,
    llvm::function_ref<bool(llvm::StringRef, unsigned, llvm::ArrayRef<Token>)>
        Visit,
    llvm::function_ref<void(const Token &)> Code = nullptr);

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_SOURCETEXT_H
