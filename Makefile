# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Convenience entry points; CMake does the real work, one build tree per LLVM
# major in build/llvm-N.
#
#   make setup   install the toolchains and libraries (apt-get, idempotent)
#   make build   configure and build every available major
#   make check   setup + the SARIF validators (npm, test/ci only) + build +
#                the lit suite of every major, through ctest, then lit's
#                own counts (passed, failed, unsupported, ...), then the
#                sanitizer pass (below)
#   make check-sanitize  the sanitizer pass alone: an ASan+UBSan build of the
#                plugin of NBIO_SANITIZE_MAJOR (build/asan-llvm-N) loaded into
#                Debian's clang-tidy, on the checkers' and robustness tests
#   make fuzz    mutated and generated inputs against the ASan+UBSan plugin
#                (scripts/fuzz.py, FUZZ_MINUTES=30; not part of check)
#   make demo    setup + a plugin-only build of one major + scripts/demo.sh
#                (no npm)
#   make eval    the checks over real Debian packages (eval/, not in check)
#   make bench   what the checks cost against clang-tidy's baseline (bench/)
#   make clean   remove build/
#
# NBIO_LLVM_MAJORS="19 22" picks the majors, NBIO_DEMO_MAJOR=19 the demo's,
# NBIO_SANITIZE_MAJOR=19 the sanitizer pass's (empty: no sanitizer pass);
# NBIO_BUILD_BINARIES=OFF builds the plugin only; NBIO_WERROR=OFF lets
# warnings through.

NBIO_LLVM_MAJORS ?= 19 22
NBIO_DEMO_MAJOR ?= 19
NBIO_SANITIZE_MAJOR ?= $(if $(filter 19,$(NBIO_LLVM_MAJORS)),19,$(firstword $(NBIO_LLVM_MAJORS)))
NBIO_BUILD_BINARIES ?= ON
NBIO_WERROR ?= ON
export NBIO_LLVM_MAJORS

JOBS := $(shell nproc 2>/dev/null || echo 2)
GENERATOR := $(if $(shell command -v ninja 2>/dev/null),Ninja,Unix Makefiles)
# Majors whose LLVM is installed; evaluated when a recipe runs, after setup.
available = $(strip $(foreach n,$(NBIO_LLVM_MAJORS),$(if $(wildcard /usr/lib/llvm-$(n)/lib/cmake/clang),$(n))))

.PHONY: all setup build check check-sanitize demo eval bench fuzz clean

all: build

setup:
	bash scripts/setup.sh

# configure(N, extra cmake args): keeps an existing tree's generator, since
# cmake refuses to switch generators in place.
define configure
	if [ -f build/llvm-$(1)/CMakeCache.txt ]; then gen=; else gen='-G$(GENERATOR)'; fi; \
	cmake -S . -B build/llvm-$(1) $$gen -DNBIO_LLVM_MAJOR=$(1) \
	  -DCMAKE_C_COMPILER=clang-$(1) -DCMAKE_CXX_COMPILER=clang++-$(1) \
	  -DNBIO_WERROR=$(NBIO_WERROR) $(2)
endef

build:
	@majors="$(available)"; \
	if [ -z "$$majors" ]; then echo "build: no LLVM of $(NBIO_LLVM_MAJORS) installed; run 'make setup'" >&2; exit 1; fi; \
	for n in $$majors; do \
	  echo "== build: LLVM $$n"; \
	  $(MAKE) --no-print-directory build-one N=$$n || exit 1; \
	done

.PHONY: build-one
build-one:
	@$(call configure,$(N),-DNBIO_BUILD_BINARIES=$(NBIO_BUILD_BINARIES))
	cmake --build build/llvm-$(N) -j$(JOBS)

check: setup
	bash scripts/setup-ci-tools.sh
	@if [ ! -d /usr/lib/llvm-22 ] && echo " $(NBIO_LLVM_MAJORS) " | grep -q ' 22 '; then \
	  echo "#####################################################################"; \
	  echo "## check: /usr/lib/llvm-22 is MISSING after setup: testing LLVM 19 only"; \
	  echo "#####################################################################"; \
	fi
	@$(MAKE) --no-print-directory build
	@majors="$(available)"; status=0; \
	for n in $$majors; do \
	  echo "== check: LLVM $$n"; \
	  rm -f build/llvm-$$n/Testing/Temporary/LastTest.log; \
	  ctest --test-dir build/llvm-$$n --output-on-failure || status=1; \
	  bash scripts/lit-summary.sh build/llvm-$$n || status=1; \
	done; \
	echo "check: LLVM majors tested: $$majors"; \
	echo $$status > build/.check-status
# A line that names $(MAKE) runs even under `make -n` (test/ci/make-targets
# does that): the sub-make alone is on it, so that a dry run of check never
# runs the tests (which would run make -n check again).
	@$(MAKE) --no-print-directory check-sanitize-run || echo 1 > build/.check-status
	@exit $$(cat build/.check-status 2>/dev/null || echo 0)

# The sanitizer pass (see test/tools/sanitized-clang-tidy.in): its own tree,
# plugin only; .ci/run counts its lit results with the majors'.
check-sanitize: setup
	@$(MAKE) --no-print-directory check-sanitize-run

.PHONY: check-sanitize-run build-sanitize-one
check-sanitize-run:
	@n="$(NBIO_SANITIZE_MAJOR)"; \
	if [ -z "$$n" ]; then echo "check: no sanitizer pass (NBIO_SANITIZE_MAJOR is empty)"; exit 0; fi; \
	echo "== check: sanitizer pass (ASan+UBSan plugin), LLVM $$n"
	@[ -z "$(NBIO_SANITIZE_MAJOR)" ] || $(MAKE) --no-print-directory build-sanitize-one N=$(NBIO_SANITIZE_MAJOR)
	@n="$(NBIO_SANITIZE_MAJOR)"; [ -n "$$n" ] || exit 0; \
	status=0; ctest --test-dir build/asan-llvm-$$n --output-on-failure || status=1; \
	echo "check: sanitizer pass tested: LLVM $$n"; exit $$status

# build/asan-llvm-N: the plugin with -DNBIO_SANITIZE=ON (and the canary).
build-sanitize-one:
	@if [ ! -d /usr/lib/llvm-$(N)/lib/cmake/clang ]; then \
	  echo "sanitizer build: LLVM $(N) is not installed" >&2; exit 1; fi; \
	d=build/asan-llvm-$(N); \
	if [ -f $$d/CMakeCache.txt ]; then gen=; else gen='-G$(GENERATOR)'; fi; \
	cmake -S . -B $$d $$gen -DNBIO_LLVM_MAJOR=$(N) -DNBIO_SANITIZE=ON \
	  -DNBIO_BUILD_BINARIES=OFF -DCMAKE_C_COMPILER=clang-$(N) \
	  -DCMAKE_CXX_COMPILER=clang++-$(N) -DNBIO_WERROR=$(NBIO_WERROR) && \
	cmake --build $$d -j$(JOBS)

demo: setup
	@$(call configure,$(NBIO_DEMO_MAJOR),-DNBIO_BUILD_BINARIES=OFF)
	cmake --build build/llvm-$(NBIO_DEMO_MAJOR) -j$(JOBS) --target nbio-tidy
	NBIO_DEMO_MAJOR=$(NBIO_DEMO_MAJOR) bash scripts/demo.sh

# Kept out of `make check`: real Debian packages (eval) and timings (bench),
# on the plugin of NBIO_DEMO_MAJOR. PKGS="memcached redis" narrows eval.
# eval runs each package without project facts, then with them (a facts
# phase and a merge first); the facts report sets the two side by side.
eval: setup
	@$(call configure,$(NBIO_DEMO_MAJOR),-DNBIO_BUILD_BINARIES=OFF)
	cmake --build build/llvm-$(NBIO_DEMO_MAJOR) -j$(JOBS) --target nbio-tidy
	python3 scripts/eval.py --llvm $(NBIO_DEMO_MAJOR) $(PKGS)
	python3 scripts/eval.py --llvm $(NBIO_DEMO_MAJOR) --facts $(PKGS)

bench: setup
	@$(call configure,$(NBIO_DEMO_MAJOR),-DNBIO_BUILD_BINARIES=ON)
	cmake --build build/llvm-$(NBIO_DEMO_MAJOR) -j$(JOBS)
	python3 scripts/bench.py --llvm $(NBIO_DEMO_MAJOR)

# Outside `make check`: mutated test inputs and generated programs against
# the ASan+UBSan plugin of NBIO_FUZZ_MAJOR (scripts/fuzz.py; results in
# fuzz-results/DATE). FUZZ_MINUTES=60 FUZZ_ARGS="--seed 7" to vary.
NBIO_FUZZ_MAJOR ?= $(NBIO_DEMO_MAJOR)
FUZZ_MINUTES ?= 30
fuzz: setup
	@$(MAKE) --no-print-directory build-sanitize-one N=$(NBIO_FUZZ_MAJOR)
	python3 scripts/fuzz.py --llvm $(NBIO_FUZZ_MAJOR) --minutes $(FUZZ_MINUTES) -j$(JOBS) $(FUZZ_ARGS)

clean:
	rm -rf build
