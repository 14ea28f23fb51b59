// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//===--- NbioVersion.h - nbio's version line for --version ----------------===//
//
// clang-tidy and clangd print only LLVM's version.  Ahead of it, the nbio
// binaries print a GNU-style first line, "<tool> (nbio) <version>", with the
// version of CMake's project() (NBIO_VERSION, NBIO_TOOL: set by
// tools/CMakeLists.txt).
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_TOOLS_NBIOVERSION_H
#define NBIO_TOOLS_NBIOVERSION_H

#include <cstdio>
#include <cstring>

namespace nbio {

// When the command line asks for the version (before any "--", after which
// the arguments are the compiler's), print nbio's line; the tool's own
// option parser prints LLVM's lines next and exits.
inline void printVersionLineIfAsked(int Argc, const char *const *Argv) {
  for (int I = 1; I < Argc; ++I) {
    if (std::strcmp(Argv[I], "--") == 0)
      return;
    if (std::strcmp(Argv[I], "--version") == 0 ||
        std::strcmp(Argv[I], "-version") == 0) {
      std::printf("%s (nbio) %s\n", NBIO_TOOL, NBIO_VERSION);
      std::fflush(stdout);
      return;
    }
  }
}

} // namespace nbio

#endif // NBIO_TOOLS_NBIOVERSION_H
