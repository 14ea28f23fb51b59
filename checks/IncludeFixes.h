//===--- IncludeFixes.h - #include fix-its over one shared inserter -------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The fix-its that add an #include for a check, over clang-tidy's
// utils::IncludeInserter. An inserter records every #include of every
// file the preprocessor enters, system headers included; three checks with
// an inserter each did that three times, which was the larger part of what
// the checks cost on a translation unit with little code and many headers
// (bench: nginx's ngx_recv.c). The nbio checks of one translation unit now
// share one inserter per preprocessor and include style; each check keeps
// its own record of the headers it inserted, so its fixes are what an
// inserter of its own would give: the first insertion of a header in a
// file, or every one when diagnostics must stand alone (clangd).
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_INCLUDEFIXES_H
#define NBIO_CHECKS_INCLUDEFIXES_H

#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>

namespace clang {
class Preprocessor;
namespace tidy::nbio {

class IncludeFixes {
public:
  IncludeFixes(utils::IncludeSorter::IncludeStyle Style,
               bool SelfContainedDiags)
      : Style(Style), SelfContainedDiags(SelfContainedDiags) {}

  /// Joins (or starts) the inserter that records \p PP's #includes.
  void registerPreprocessor(Preprocessor *PP);

  /// The fix-it that includes \p Header (`<x.h>` or `"x.h"`) in \p File,
  /// or none: the file includes it already, this check inserted it there
  /// before (unless diagnostics stand alone), or no preprocessor was
  /// registered.
  std::optional<FixItHint> createIncludeInsertion(FileID File,
                                                  llvm::StringRef Header);

  utils::IncludeSorter::IncludeStyle getStyle() const { return Style; }

private:
  const utils::IncludeSorter::IncludeStyle Style;
  const bool SelfContainedDiags;
  std::shared_ptr<utils::IncludeInserter> Shared;
  llvm::DenseMap<FileID, llvm::StringSet<>> Inserted;
};

} // namespace tidy::nbio
} // namespace clang

#endif // NBIO_CHECKS_INCLUDEFIXES_H
