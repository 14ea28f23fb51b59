//===--- LinuxOnlyMacros.h - Socket macros only Linux defines --*- C++ -*-===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Which of a few socket macros that only Linux's C libraries define
// (SOL_IP, MSG_MORE, TCP_CORK...) this TU takes from the platform as it
// is: defined by a system header, and named by no directive of the
// project's own headers (no fallback `#ifndef MSG_MORE` / `#define
// MSG_MORE 0`). Code that needs such a macro builds only where it exists,
// and there EAGAIN and EWOULDBLOCK are one value.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_LINUXONLYMACROS_H
#define NBIO_CHECKS_LINUXONLYMACROS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class Preprocessor;
namespace tidy::nbio {

class LinuxOnlyMacros {
public:
  /// The macros: socket levels, flags and options that glibc and musl
  /// define on Linux alone. The BSDs, macOS and Solaris spell them
  /// otherwise (IPPROTO_IP, TCP_NOPUSH) or lack them, and so do the
  /// platforms where EAGAIN and EWOULDBLOCK differ (AIX, HP-UX, Windows).
  static llvm::ArrayRef<llvm::StringRef> names();
  static bool listed(llvm::StringRef Name);
  /// \p Text holds the text of one of names(): a cheap first answer, no
  /// lexing (comments and strings count).
  static bool mayNameOne(llvm::StringRef Text);

  /// Records the project's headers as the preprocessor enters them.
  void registerPreprocessor(Preprocessor *PP);

  /// \p Name is listed, this TU's definition of it comes from a system
  /// header, and the project shows no sign of spelling it for other
  /// systems: no header of the project's (every file entered but the main
  /// file and the system headers) names it, in a directive or in code,
  /// skipped branches included; the main file names it in no code the
  /// preprocessor skipped (its directives are the caller's to judge); and
  /// no `#include "..."` of these files went unfollowed (a compatibility
  /// header included only on other systems) but where the same file
  /// followed one of the same name. False where the headers were
  /// not all seen: a precompiled header, clangd's preamble (whose
  /// directives are not replayed to the checks), modules.
  bool fromPlatformAlone(llvm::StringRef Name);

  /// \p MainOffset, an offset in the main file, is inside a call of a
  /// function-like macro of the project's (`LINUX_ONLY(...)`), which may
  /// drop its arguments on other systems.
  bool inProjectMacroCall(unsigned MainOffset) const;

  /// What the preprocessor's callbacks saw.
  struct Seen {
    /// The project's headers entered, in order.
    std::vector<FileID> ProjectHeaders;
    /// The raw encodings of the `#` of each `#include` followed outside
    /// the system headers.
    llvm::DenseSet<unsigned> Followed;
    /// The names those spell (`"io.h"` as `io.h`), per including file.
    std::set<std::pair<FileID, std::string>> FollowedNames;
    /// The ranges the preprocessor skipped in the main file.
    std::vector<std::pair<SourceLocation, SourceLocation>> Skipped;
    /// The main file's calls of the project's function-like macros.
    std::vector<std::pair<unsigned, unsigned>> ProjectMacroCalls;
  };

private:
  Preprocessor *PP = nullptr;
  std::shared_ptr<Seen> State;
  /// Per listed name, the answer once found (index in names()).
  std::vector<signed char> Answers;
};

} // namespace tidy::nbio
} // namespace clang

#endif // NBIO_CHECKS_LINUXONLYMACROS_H
