//===--- NbioTidyModule.cpp - The nbio clang-tidy module ------------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Registers every nbio check, alphabetically. The anchor at the bottom lets
// a binary that links the module statically (nbio-clang-tidy, nbio-clangd)
// keep its registration.
//
//===----------------------------------------------------------------------===//

#include "BusyWaitRetryCheck.h"
#include "Compat.h"
#include "ConnectEinprogressCheck.h"
#include "DebugAnalysisCheck.h"
#include "EagainEwouldblockCheck.h"
#include "PartialWriteCheck.h"
#include "UnhandledEagainCheck.h"

namespace clang::tidy {
namespace nbio {

class NbioModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<BusyWaitRetryCheck>("nbio-busy-wait-retry");
    CheckFactories.registerCheck<ConnectEinprogressCheck>(
        "nbio-connect-einprogress");
    CheckFactories.registerCheck<EagainEwouldblockCheck>(
        "nbio-eagain-ewouldblock");
    CheckFactories.registerCheck<PartialWriteCheck>("nbio-partial-write");
    CheckFactories.registerCheck<UnhandledEagainCheck>("nbio-unhandled-eagain");
    // For testing the analyses; outside `nbio-*` on purpose.
    CheckFactories.registerCheck<DebugAnalysisCheck>("debug-nbio-analysis");
  }
};

} // namespace nbio

static ClangTidyModuleRegistry::Add<nbio::NbioModule>
    X("nbio", "Checks for unsafe non-blocking I/O.");

// This anchor is used to force the linker to link in the generated object
// file and thus register the NbioModule.
volatile int NbioModuleAnchorSource = 0; // NOLINT(misc-use-internal-linkage)

} // namespace clang::tidy
