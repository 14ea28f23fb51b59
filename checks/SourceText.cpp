//===--- SourceText.cpp - How a finding quotes the user's code ------------===//

#include "SourceText.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

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

} // namespace clang::tidy::nbio
