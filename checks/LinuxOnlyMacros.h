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
#include "llvm/ADT/StringRef.h"
#include <memory>
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

  /// Records the project's headers as the preprocessor enters them.
  void registerPreprocessor(Preprocessor *PP);

  /// \p Name is listed, this TU's definition of it comes from a system
  /// header, and no header of the project's (every file entered but the
  /// main file and the system headers) names it on a directive line, in a
  /// branch the preprocessor skipped too. The main file's own directives
  /// are the caller's to judge. False where the headers were not all seen:
  /// a precompiled header or clangd's preamble, whose directives are not
  /// replayed to the checks.
  bool fromPlatformAlone(llvm::StringRef Name);

private:
  Preprocessor *PP = nullptr;
  /// The project's headers entered, in order (the callbacks fill it).
  std::shared_ptr<std::vector<FileID>> ProjectHeaders;
  /// Per listed name, the answer once found (index in names()).
  std::vector<signed char> Answers;
};

} // namespace tidy::nbio
} // namespace clang

#endif // NBIO_CHECKS_LINUXONLYMACROS_H
