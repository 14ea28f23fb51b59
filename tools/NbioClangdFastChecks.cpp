// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//===--- NbioClangdFastChecks.cpp - nbio checks count as fast in clangd ---===//
//
// clangd 18 and later run a clang-tidy check only if its latency is in the
// table compiled into clangd (TidyFastChecks.inc) and marked fast, unless
// the user's .clangd sets Diagnostics: ClangTidy: FastCheckFilter to Loose
// or None.  Our checks cannot be in that table, so with the default setting
// clangd would drop them silently.
//
// clangd asks clang::clangd::isFastTidyCheck(llvm::StringRef), which returns
// std::optional<bool> (true: fast, false: slow, nullopt: not measured), from
// ParsedAST.cpp (which checks to run) and ConfigCompile.cpp (the warning
// about an unmeasured check named in .clangd).  nbio-clangd links
// libclangDaemon.a statically, so tools/CMakeLists.txt passes the linker
// --wrap=<that symbol>: every call from those objects lands here, and
// __real_<symbol> is the original.  We answer for our own checks, which
// docs/editors.md shows cost far under clangd's 10% budget, and defer to
// clangd for every other check.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"

#include <optional>

// The Itanium name of clang::clangd::isFastTidyCheck(llvm::StringRef); it is
// the same in LLVM 19 and 22 (tools/CMakeLists.txt checks it is defined in
// libclangDaemon.a before wrapping).  Asm labels give our two functions the
// linker's names while keeping C++ types for the ABI.
#define NBIO_IS_FAST "_ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE"

std::optional<bool>
nbioRealIsFastTidyCheck(llvm::StringRef Check) __asm__("__real_" NBIO_IS_FAST);
std::optional<bool>
nbioWrapIsFastTidyCheck(llvm::StringRef Check) __asm__("__wrap_" NBIO_IS_FAST);

std::optional<bool> nbioWrapIsFastTidyCheck(llvm::StringRef Check) {
  if (Check.starts_with("nbio-"))
    return true;
  return nbioRealIsFastTidyCheck(Check);
}
