// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//===--- NbioClangTidyMain.cpp - clang-tidy with the nbio module ---------===//
//
// Stock clang-tidy (every module that libclangTidyMain links) plus nbio, for
// places where `clang-tidy --load` cannot be used.
//
//===----------------------------------------------------------------------===//

#include "NbioVersion.h"
#include "clang-tidy/tool/ClangTidyMain.h"

namespace clang::tidy {
// Defined in checks/NbioTidyModule.cpp; referencing it keeps the module's
// registration from being dropped by the linker.
extern volatile int NbioModuleAnchorSource;
static int NbioModuleAnchorDestination = NbioModuleAnchorSource;
} // namespace clang::tidy

int main(int Argc, const char **Argv) {
  (void)clang::tidy::NbioModuleAnchorDestination;
  nbio::printVersionLineIfAsked(Argc, Argv);
  return clang::tidy::clangTidyMain(Argc, Argv);
}
