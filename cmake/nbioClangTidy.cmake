# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# nbio_enable_clang_tidy(): run the nbio checks as part of the build, through
# CMake's <LANG>_CLANG_TIDY support (Makefile and Ninja generators).
#
#   nbio_enable_clang_tidy(
#     [TARGETS target...]        # default: every target defined after the
#                                # call in this directory and below
#     [LANGUAGES C CXX]          # default: C and CXX
#     [CHECKS checks]            # clang-tidy --checks; see below

#     [WARNINGS_AS_ERRORS "nbio-*"]  # fail the build on these findings
#     [HEADER_FILTER regex]      # findings in headers matching it are shown
#     [CONFIG_FILE path]         # a .clang-tidy for options
#     [EXTRA_ARGS arg...]        # more clang-tidy arguments
#     [BINARY])                  # use nbio-clang-tidy-N instead of
#                                # clang-tidy-N --load=<plugin>
#
# The checks: by default the nbio checks are added to those the project
# already runs.  clang-tidy appends --checks to the Checks of the .clang-tidy
# it finds for a file, so with a .clang-tidy in the calling directory or one
# above it (or CONFIG_FILE) the default is --checks=nbio-*; without one it is
# --checks=-*,nbio-* (rather than clang-tidy's own default checks).  CHECKS
# "" passes no --checks: the .clang-tidy alone decides (it must enable
# nbio-* itself).  CHECKS "<list>" passes --checks=<list>.
#
# Without BINARY the stock clang-tidy of the plugin's LLVM major loads the
# plugin; if that clang-tidy is not installed, nbio-clang-tidy-N is used.
# Each compile then runs clang-tidy first, and a finding named by
# WARNINGS_AS_ERRORS makes that compile, and so the build, fail.

# cmake_parse_arguments() before CMake 3.31 (policy CMP0174) leaves a
# keyword given "" undefined: look for the keyword itself.
function(_nbio_has_keyword out keyword)
  set(${out} FALSE PARENT_SCOPE)
  foreach(arg IN LISTS ARGN)
    if(arg STREQUAL keyword)
      set(${out} TRUE PARENT_SCOPE)
    endif()
  endforeach()
endfunction()

function(nbio_clang_tidy_command out)
  cmake_parse_arguments(PARSE_ARGV 1 A "BINARY" "CHECKS;WARNINGS_AS_ERRORS;HEADER_FILTER;CONFIG_FILE" "EXTRA_ARGS")
  _nbio_has_keyword(checks_given CHECKS ${ARGN})
  if(NOT DEFINED A_CHECKS AND checks_given)
    set(A_CHECKS "")
  elseif(NOT DEFINED A_CHECKS)
    # A .clang-tidy here or above, as clang-tidy looks for it.
    set(A_CHECKS "-*,nbio-*")
    set(dir "${CMAKE_CURRENT_SOURCE_DIR}")
    while(TRUE)
      if(A_CONFIG_FILE OR EXISTS "${dir}/.clang-tidy")
        set(A_CHECKS "nbio-*")
        break()
      endif()
      get_filename_component(parent "${dir}" DIRECTORY)
      if(parent STREQUAL dir)
        break()
      endif()
      set(dir "${parent}")
    endwhile()
  endif()
  if(A_BINARY OR NOT nbio_HOST_CLANG_TIDY)
    if(NOT nbio_CLANG_TIDY)
      if(A_BINARY)
        message(FATAL_ERROR "nbio_enable_clang_tidy(BINARY): nbio-clang-tidy-${nbio_LLVM_MAJOR} is not installed")
      endif()
      message(FATAL_ERROR "nbio_enable_clang_tidy: neither clang-tidy-${nbio_LLVM_MAJOR} "
        "(to load ${nbio_PLUGIN}) nor nbio-clang-tidy-${nbio_LLVM_MAJOR} was found; "
        "install clang-tidy-${nbio_LLVM_MAJOR} or set NBIO_HOST_CLANG_TIDY_${nbio_LLVM_MAJOR}")
    endif()
    set(cmd "${nbio_CLANG_TIDY}")
  else()
    set(cmd "${nbio_HOST_CLANG_TIDY}" "--load=${nbio_PLUGIN}")
  endif()
  # One argument each: CMake's list separator would split a ';' in a value.
  if(NOT A_CHECKS STREQUAL "")
    list(APPEND cmd "--checks=${A_CHECKS}")
  endif()
  if(A_WARNINGS_AS_ERRORS)
    list(APPEND cmd "--warnings-as-errors=${A_WARNINGS_AS_ERRORS}")
  endif()
  if(DEFINED A_HEADER_FILTER)
    list(APPEND cmd "--header-filter=${A_HEADER_FILTER}")
  endif()
  if(A_CONFIG_FILE)
    get_filename_component(cfg "${A_CONFIG_FILE}" ABSOLUTE)
    list(APPEND cmd "--config-file=${cfg}")
  endif()
  list(APPEND cmd ${A_EXTRA_ARGS})
  set(${out} "${cmd}" PARENT_SCOPE)
endfunction()

function(nbio_enable_clang_tidy)
  cmake_parse_arguments(PARSE_ARGV 0 A "BINARY" "CHECKS;WARNINGS_AS_ERRORS;HEADER_FILTER;CONFIG_FILE" "TARGETS;LANGUAGES;EXTRA_ARGS")
  if(A_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "nbio_enable_clang_tidy: unknown arguments: ${A_UNPARSED_ARGUMENTS}")
  endif()
  set(pass)
  if(A_BINARY)
    list(APPEND pass BINARY)
  endif()
  foreach(opt CHECKS WARNINGS_AS_ERRORS HEADER_FILTER CONFIG_FILE)
    if(DEFINED A_${opt})
      list(APPEND pass ${opt} "${A_${opt}}")
    endif()
  endforeach()
  _nbio_has_keyword(checks_given CHECKS ${ARGN})
  if(checks_given AND NOT DEFINED A_CHECKS)
    list(APPEND pass CHECKS "")
  endif()
  if(A_EXTRA_ARGS)
    list(APPEND pass EXTRA_ARGS ${A_EXTRA_ARGS})
  endif()
  nbio_clang_tidy_command(cmd ${pass})
  if(NOT A_LANGUAGES)
    set(A_LANGUAGES C CXX)
  endif()
  foreach(lang IN LISTS A_LANGUAGES)
    if(NOT lang MATCHES "^(C|CXX|OBJC|OBJCXX)$")
      message(FATAL_ERROR "nbio_enable_clang_tidy: clang-tidy cannot check language '${lang}'")
    endif()
    if(A_TARGETS)
      set_property(TARGET ${A_TARGETS} PROPERTY ${lang}_CLANG_TIDY "${cmd}")
    else()
      set(CMAKE_${lang}_CLANG_TIDY "${cmd}" PARENT_SCOPE)
    endif()
  endforeach()
endfunction()
