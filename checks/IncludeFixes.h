//===--- IncludeFixes.h - #include fix-its, the includes read on demand ---===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The fix-its that add an #include for a check, placed by clang-tidy's
// utils::IncludeSorter as utils::IncludeInserter would place them. An
// inserter gives every #include of every file the preprocessor enters to a
// sorter of that file, system headers included: on a translation unit with
// little code and a thousand headers (bench: nginx's ngx_recv.c) that was
// most of what the nbio checks cost, for fix-its that only ever go into
// the project's own files. Here one record per preprocessor keeps the
// #include directives of the files outside system headers, shared by the
// nbio checks of the TU, and a file's sorter is built from them the first
// time a fix-it needs it. Each check keeps its own record of the headers
// it inserted, so its fixes are what an inserter of its own would give:
// the first insertion of a header in a file, or every one when diagnostics
// must stand alone (clangd).
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_INCLUDEFIXES_H
#define NBIO_CHECKS_INCLUDEFIXES_H

#include "clang-tidy/utils/IncludeSorter.h"
#include "clang/Basic/SourceLocation.h"
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

  /// Joins (or starts) the record of \p PP's #include directives.
  void registerPreprocessor(Preprocessor *PP);

  /// The fix-it that includes \p Header (`<x.h>` or `"x.h"`) in \p File,
  /// or none: the file includes it already, this check inserted it there
  /// before (unless diagnostics stand alone), or no preprocessor was
  /// registered.
  std::optional<FixItHint> createIncludeInsertion(FileID File,
                                                  llvm::StringRef Header);

  utils::IncludeSorter::IncludeStyle getStyle() const { return Style; }

  class Record;

private:
  const utils::IncludeSorter::IncludeStyle Style;
  const bool SelfContainedDiags;
  std::shared_ptr<Record> Shared;
  llvm::DenseMap<FileID, llvm::StringSet<>> Inserted;
};

} // namespace tidy::nbio
} // namespace clang

#endif // NBIO_CHECKS_INCLUDEFIXES_H
