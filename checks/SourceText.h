//===--- SourceText.h - How a finding quotes the user's code --------------===//

#ifndef NBIO_CHECKS_SOURCETEXT_H
#define NBIO_CHECKS_SOURCETEXT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <string>

namespace clang::tidy::nbio {

/// \p E as the user wrote it, on one line: `errno` rather than its
/// expansion, a macro argument as spelled, else the whole macro call.
/// "<fd>" when there is no text to quote.
std::string sourceTextOf(const Expr *E, const ASTContext &Ctx);

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_SOURCETEXT_H
