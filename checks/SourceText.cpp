//===--- SourceText.cpp - How a finding quotes the user's code ------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "SourceText.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"

namespace clang::tidy::nbio {

std::string sourceTextOf(const Expr *E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  // As written in the file: `errno` rather than its expansion, `c->fd`.
  CharSourceRange R;
  for (const Expr *X : {E, E->IgnoreParenImpCasts()}) {
    R = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(X->getSourceRange()), SM, LO);
    if (R.isValid())
      break;
  }
  if (R.isInvalid()) {
    E = E->IgnoreParenImpCasts();
    SourceLocation B = E->getBeginLoc(), En = E->getEndLoc();
    if (SM.isMacroArgExpansion(B) && SM.isMacroArgExpansion(En)) {
      // A macro argument: `fd` in READ_OR_DIE(fd, ...).
      B = SM.getSpellingLoc(B);
      En = SM.getSpellingLoc(En);
      if (SM.getFileID(B) == SM.getFileID(En) &&
          !SM.isBeforeInTranslationUnit(En, B))
        R = CharSourceRange::getTokenRange(B, En);
    }
    if (R.isInvalid())
      R = SM.getExpansionRange(
          CharSourceRange::getTokenRange(E->getSourceRange()));
  }
  StringRef T = Lexer::getSourceText(R, SM, LO);
  if (T.empty())
    return "<fd>";
  std::string Out;
  bool Space = false;
  for (char C : T) {
    if (isWhitespace(C)) {
      Space = !Out.empty();
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

std::optional<std::string> exactSourceText(const Expr *E,
                                           const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  CharSourceRange R = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM, LO);
  if (R.isInvalid())
    return std::nullopt;
  bool Invalid = false;
  StringRef T = Lexer::getSourceText(R, SM, LO, &Invalid);
  if (Invalid || T.empty())
    return std::nullopt;
  // A preprocessor line inside: the copy could hold an #if without its
  // #endif (or the other way round), or mean something else where pasted.
  if (holdsPreprocessorLine(T))
    return std::nullopt;
  return T.str();
}

std::string fileAndLine(SourceLocation Loc, const SourceManager &SM) {
  PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  return PL.isValid() ? (llvm::sys::path::filename(PL.getFilename()) + ":" +
                         llvm::Twine(PL.getLine()))
                            .str()
                      : std::string();
}

/// The indentation of the line \p Loc is on.
std::string indentAt(SourceLocation Loc, const SourceManager &SM) {
  auto [File, Off] = SM.getDecomposedLoc(Loc);
  StringRef Buf = SM.getBufferData(File);
  size_t Start = Buf.rfind('\n', Off ? Off - 1 : 0);
  Start = Start == StringRef::npos ? 0 : Start + 1;
  if (Off == 0)
    Start = 0;
  StringRef Line = Buf.slice(Start, Off);
  return Line.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
}

bool holdsPreprocessorLine(llvm::StringRef Text) {
  llvm::SmallVector<StringRef, 8> Lines;
  Text.split(Lines, '\n');
  for (StringRef L : llvm::ArrayRef(Lines).drop_front())
    if (L.ltrim(" \t\f\v").starts_with("#"))
      return true;
  return false;
}

std::string pollEventsText(bool Readable, llvm::StringRef ReadIf,
                           const LangOptions &LO) {
  if (ReadIf.empty())
    return Readable ? "POLLIN" : "POLLOUT";
  std::string Cond = (ReadIf + " ? POLLIN : POLLOUT").str();
  return LO.CPlusPlus ? "static_cast<short>(" + Cond + ")" : Cond;
}

void forEachDirective(
    const SourceManager &SM, FileID FID, llvm::StringRef Buf,
    const LangOptions &LO,
    llvm::function_ref<bool(llvm::StringRef, unsigned, llvm::ArrayRef<Token>)>
        Visit,
    llvm::function_ref<void(const Token &)> Code) {
  Lexer L(SM.getLocForStartOfFile(FID), LO, Buf.begin(), Buf.begin(),
          Buf.end());
  llvm::SmallVector<Token, 8> Rest;
  Token T;
  L.LexFromRawLexer(T);
  while (T.isNot(tok::eof)) {
    if (!(T.is(tok::hash) && T.isAtStartOfLine())) {
      if (Code)
        Code(T);
      L.LexFromRawLexer(T);
      continue;
    }
    unsigned HashAt = SM.getFileOffset(T.getLocation());
    L.LexFromRawLexer(T);
    if (T.isAtStartOfLine() || !T.is(tok::raw_identifier))
      continue;
    llvm::StringRef Name = T.getRawIdentifier();
    Rest.clear();
    L.LexFromRawLexer(T);
    while (T.isNot(tok::eof) && !T.isAtStartOfLine()) {
      Rest.push_back(T);
      L.LexFromRawLexer(T);
    }
    if (!Visit(Name, HashAt, Rest))
      return;
  }
}

} // namespace clang::tidy::nbio
