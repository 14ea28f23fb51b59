// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//===--- NbioClangdMain.cpp - clangd with the nbio module -----------------===//
//
// clangd with the nbio checks linked in, since no released clangd loads
// clang-tidy plugins.
//
//===----------------------------------------------------------------------===//

#include "NbioVersion.h"

namespace clang::clangd {
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

namespace clang::tidy {
extern volatile int NbioModuleAnchorSource;
static int NbioModuleAnchorDestination = NbioModuleAnchorSource;
} // namespace clang::tidy

int main(int Argc, char *Argv[]) {
  (void)clang::tidy::NbioModuleAnchorDestination;
  nbio::printVersionLineIfAsked(Argc, Argv);
  return clang::clangd::clangdMain(Argc, Argv);
}
