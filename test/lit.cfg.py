# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# lit configuration for the nbio tests; the site values (tool paths, LLVM
# major) come from lit.site.cfg.py, which CMake writes into build/llvm-N/test.
import os
import shlex

import lit.formats

config.name = "nbio-llvm-" + config.llvm_major
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
# Helpers and the inputs of the runner's own tests are not tests.
config.excludes = ["Inputs", "tools"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.nbio_obj_root, "test")

config.available_features.add("llvm-" + config.llvm_major)
if config.have_binaries:
    config.available_features.add("nbio-binaries")
# The sanitizer tree: config.clang_tidy is the wrapper that preloads the
# ASan+UBSan runtime; it copies every report into sanitizer_reports, which
# test/tools/sanitizer_pass.py checks after the run.
if config.sanitize:
    config.available_features.add("sanitizer")
    config.environment["NBIO_SANITIZER_REPORTS"] = config.sanitizer_reports

runner = os.path.join(config.test_source_root, "tools", "check_nbio.py")
check_nbio = [config.python, runner, "--temp-dir=%t",
              "--clang-tidy=" + config.clang_tidy,
              "--plugin=" + config.plugin,
              "--filecheck=" + config.filecheck,
              "--clang=" + config.clang,
              "--gcc=" + config.gcc,
              "--gxx=" + config.gxx]

# lit applies these in order, as regular expressions.  The lookarounds keep
# %clang from eating %clang_tidy and FileCheck from rewriting a path that
# already ends in FileCheck.
def sub(name, value):
    config.substitutions.append((name + r"(?![\w])", value))

config.substitutions.append((r"(?<![\w/.-])FileCheck\b", config.filecheck))
sub("%check_nbio", " ".join(shlex.quote(w) for w in check_nbio))
sub("%nbio_clang_tidy", config.nbio_clang_tidy)
sub("%nbio_clangd", config.nbio_clangd)
sub("%clang_tidy", config.clang_tidy)
sub("%clang", config.clang)
sub("%gcc", config.gcc)
sub("%gxx", config.gxx)
sub("%plugin", config.plugin)
sub("%llvm_major", config.llvm_major)
sub("%nbio_version", config.nbio_version)
# Where the plugin and the CMake package install, under the prefix.
sub("%nbio_libdir", config.nbio_libdir)
sub("%python", config.python)
sub("%sanitizer_canary", config.sanitizer_canary or "/nonexistent/canary")

# Compiler and tool messages in English whatever the host locale is.
config.environment["LC_ALL"] = "C"
