//===--- IncludeFixes.cpp - #include fix-its over one shared inserter -----===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "IncludeFixes.h"
#include <map>
#include <mutex>

namespace clang::tidy::nbio {

void IncludeFixes::registerPreprocessor(Preprocessor *PP) {
  // One inserter per (preprocessor, style), alive while any check holds it.
  // Checks are created per translation unit and die before their
  // preprocessor, so a live entry always belongs to a live preprocessor.
  // clangd parses on several threads: hence the lock.
  static std::mutex Lock;
  static std::map<std::pair<const Preprocessor *, int>,
                  std::weak_ptr<utils::IncludeInserter>>
      Live;
  std::lock_guard<std::mutex> Guard(Lock);
  for (auto It = Live.begin(); It != Live.end();)
    It = It->second.expired() ? Live.erase(It) : std::next(It);
  auto &Slot = Live[{PP, static_cast<int>(Style)}];
  Shared = Slot.lock();
  if (Shared)
    return;
  // The shared inserter never refuses a header it inserted before: which
  // fix gets the insertion is each check's own record's to say.
  Shared = std::make_shared<utils::IncludeInserter>(
      Style, /*SelfContainedDiags=*/true);
  Shared->registerPreprocessor(PP);
  Slot = Shared;
}

std::optional<FixItHint>
IncludeFixes::createIncludeInsertion(FileID File, llvm::StringRef Header) {
  if (!Shared)
    return std::nullopt;
  if (!SelfContainedDiags && !Inserted[File].insert(Header).second)
    return std::nullopt;
  return Shared->createIncludeInsertion(File, Header);
}

} // namespace clang::tidy::nbio
