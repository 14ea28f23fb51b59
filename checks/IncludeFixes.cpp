//===--- IncludeFixes.cpp - #include fix-its, the includes read on demand -===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "IncludeFixes.h"
#include "SharedPerKey.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/Token.h"
#include <string>
#include <vector>

namespace clang::tidy::nbio {

/// The #include directives of the files outside system headers, in the
/// order the preprocessor met them, and the sorters built from them.
class IncludeFixes::Record {
public:
  Record(const SourceManager &SM, utils::IncludeSorter::IncludeStyle Style)
      : SM(SM), Style(Style) {}

  /// A directive of a file outside the system headers.
  void add(SourceLocation Hash, SourceLocation End, StringRef Name,
           bool Angled) {
    Directives[SM.getFileID(Hash)].push_back({Name.str(), Angled, Hash, End});
  }

  /// \p File's sorter, given the file's directives as IncludeInserter
  /// gives them to its own.
  utils::IncludeSorter &sorter(FileID File) {
    std::unique_ptr<utils::IncludeSorter> &S = Sorters[File];
    if (!S) {
      S = std::make_unique<utils::IncludeSorter>(
          &SM, File, SM.getFilename(SM.getLocForStartOfFile(File)), Style);
      for (const Directive &D : Directives.lookup(File))
        S->addInclude(D.Name, D.Angled, D.Hash, D.End);
    }
    return *S;
  }

private:
  struct Directive {
    std::string Name;
    bool Angled;
    SourceLocation Hash, End;
  };
  const SourceManager &SM;
  const utils::IncludeSorter::IncludeStyle Style;
  llvm::DenseMap<FileID, std::vector<Directive>> Directives;
  llvm::DenseMap<FileID, std::unique_ptr<utils::IncludeSorter>> Sorters;
};

namespace {
class RecordDirectives : public PPCallbacks {
public:
  explicit RecordDirectives(std::shared_ptr<IncludeFixes::Record> R)
      : R(std::move(R)) {}
  // Whether the file being read is a system header, as the preprocessor
  // says each time it enters or leaves a file, or meets `#pragma GCC
  // system_header`: asking the source manager at each directive cost more
  // than recording the rest.
  void FileChanged(SourceLocation, FileChangeReason,
                   SrcMgr::CharacteristicKind FileType, FileID) override {
    InSystemHeader = SrcMgr::isSystem(FileType);
  }
  void InclusionDirective(SourceLocation Hash, const Token &IncludeTok,
                          StringRef Name, bool Angled, CharSourceRange,
                          OptionalFileEntryRef, StringRef, StringRef,
                          const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    // Fix-its never go into a system header (no check reports there), so
    // what those include is not kept: they are most of the directives.
    if (InSystemHeader)
      return;
    // Where IncludeInserter's own callback says the directive ends.
    R->add(Hash, IncludeTok.getEndLoc(), Name, Angled);
  }

private:
  std::shared_ptr<IncludeFixes::Record> R;
  bool InSystemHeader = false;
};
} // namespace

void IncludeFixes::registerPreprocessor(Preprocessor *PP) {
  // One record per (preprocessor, style), alive while any check or the
  // preprocessor holds it.
  Shared = sharedPerKey<Record>(
      std::make_pair(static_cast<const Preprocessor *>(PP),
                     static_cast<int>(Style)),
      [&] {
        auto R = std::make_shared<Record>(PP->getSourceManager(), Style);
        PP->addPPCallbacks(std::make_unique<RecordDirectives>(R));
        return R;
      });
}

std::optional<FixItHint>
IncludeFixes::createIncludeInsertion(FileID File, llvm::StringRef Header) {
  if (!Shared)
    return std::nullopt;
  bool Angled = Header.consume_front("<");
  if (Angled != Header.consume_back(">"))
    return std::nullopt;
  // The same header is never included both ways, as IncludeInserter
  // assumes.
  if (!SelfContainedDiags && !Inserted[File].insert(Header).second)
    return std::nullopt;
  return Shared->sorter(File).createIncludeInsertion(Header, Angled);
}

} // namespace clang::tidy::nbio
