// A module that does one thing wrong when loaded (clang-tidy --load runs its
// static constructors), chosen by NBIO_CANARY: "heap" reads past a heap
// block (AddressSanitizer), "overflow" overflows a signed int (UBSan),
// anything else nothing.  Built with the plugin's sanitizer flags in the
// NBIO_SANITIZE tree only; test/robustness/sanitizer-canary.test loads it
// to prove that a report in a loaded module fails the run.
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

// Values from the environment, so the compiler cannot fold the mistakes.
int fromEnv(const char *name, int fallback) {
  const char *v = std::getenv(name);
  return v ? std::atoi(v) : fallback;
}

struct Canary {
  Canary() {
    const char *what = std::getenv("NBIO_CANARY");
    if (!what)
      return;
    if (std::strcmp(what, "heap") == 0) {
      int n = fromEnv("NBIO_CANARY_SIZE", 8);
      char *p = static_cast<char *>(std::malloc(n));
      std::memset(p, 1, n);
      volatile char c = p[n]; // one past the end
      std::printf("canary: read %d\n", c);
      std::free(p);
    } else if (std::strcmp(what, "overflow") == 0) {
      int x = fromEnv("NBIO_CANARY_BASE", INT_MAX);
      volatile int y = x + 1;
      std::printf("canary: %d\n", y);
    }
  }
} canary;

} // namespace
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
