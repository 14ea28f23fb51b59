# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Installation extras and the Debian package, included by the top-level
# CMakeLists.txt after the targets exist.
#
#   cmake --install build/llvm-N --prefix /opt/nbio    # a relocatable tree
#   cpack --config build/llvm-N/CPackConfig.cmake      # nbio-N_<ver>_<arch>.deb
#
# Everything a major installs carries the major in its name (nbio-tidy-N.so,
# nbio-clang-tidy-N, lib/<triplet>/cmake/nbio-N, share/doc/nbio-N,
# nbio-sarif-N, their man pages), so
# the packages of two majors install side by side.

include(CMakePackageConfigHelpers)

set(NBIO_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/nbio${NBIO_SUFFIX}"
  CACHE STRING "Where the nbio CMake package config is installed")
# Where checks/ and tools/ install the plugin and the binaries.
set(NBIO_INSTALL_PLUGINDIR "${CMAKE_INSTALL_LIBDIR}/nbio")
set(NBIO_INSTALL_BINDIR "${CMAKE_INSTALL_BINDIR}")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/nbioConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/cmake/nbioConfig.cmake"
  INSTALL_DESTINATION "${NBIO_INSTALL_CMAKEDIR}"
  PATH_VARS NBIO_INSTALL_PLUGINDIR NBIO_INSTALL_BINDIR)
configure_file("${PROJECT_SOURCE_DIR}/cmake/nbioConfigVersion.cmake.in"
  "${PROJECT_BINARY_DIR}/cmake/nbioConfigVersion.cmake" @ONLY)
install(FILES
  "${PROJECT_BINARY_DIR}/cmake/nbioConfig.cmake"
  "${PROJECT_BINARY_DIR}/cmake/nbioConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/nbioClangTidy.cmake"
  DESTINATION "${NBIO_INSTALL_CMAKEDIR}")

# What changed, as written (CHANGELOG.md) and as Debian wants it
# (changelog.gz, made from CHANGELOG.md by scripts/debian-changelog.py; the
# .deb is a native package, built from nbio's own tree: no Debian revision,
# so its changelog is not changelog.Debian.gz).
# The Maintainer of the .deb and of its changelog entries: whoever builds the
# package for others should name themselves, as Debian's tools do, through
# DEBFULLNAME/DEBEMAIL or -DNBIO_PACKAGE_CONTACT; by default the address of
# the project's commits.
if(DEFINED ENV{DEBEMAIL} AND NOT "$ENV{DEBEMAIL}" STREQUAL "")
  if(DEFINED ENV{DEBFULLNAME} AND NOT "$ENV{DEBFULLNAME}" STREQUAL "")
    set(nbio_contact "$ENV{DEBFULLNAME} <$ENV{DEBEMAIL}>")
  else()
    set(nbio_contact "$ENV{DEBEMAIL}")
  endif()
else()
  set(nbio_contact "nbio maintainers <maintainers@users.noreply.r-seed-4d1e0fb5.example>")
endif()
set(NBIO_PACKAGE_CONTACT "${nbio_contact}" CACHE STRING
  "Maintainer field of the Debian package and its changelog: 'Name <address>'")
if(NBIO_PACKAGE_CONTACT STREQUAL "nbio developers <nbio@localhost>")
  # The former default, still in build trees configured before.
  set_property(CACHE NBIO_PACKAGE_CONTACT PROPERTY VALUE "${nbio_contact}")
endif()
if(NOT NBIO_PACKAGE_CONTACT MATCHES "^[^<>]+ <[^<>@ ]+@[^<>@ ]+[.][^<>@ ]+>$")
  message(FATAL_ERROR "NBIO_PACKAGE_CONTACT='${NBIO_PACKAGE_CONTACT}' is not 'Name <user@host.domain>'")
endif()
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(nbio_deb_changelog "${PROJECT_BINARY_DIR}/debian/changelog.gz")
add_custom_command(OUTPUT "${nbio_deb_changelog}"
  COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/scripts/debian-changelog.py"
    --package "nbio${NBIO_SUFFIX}" --maintainer "${NBIO_PACKAGE_CONTACT}"
    "${PROJECT_SOURCE_DIR}/CHANGELOG.md" "${nbio_deb_changelog}"
  DEPENDS "${PROJECT_SOURCE_DIR}/CHANGELOG.md" "${PROJECT_SOURCE_DIR}/scripts/debian-changelog.py"
  COMMENT "Debian changelog from CHANGELOG.md" VERBATIM)
file(MAKE_DIRECTORY "${PROJECT_BINARY_DIR}/debian")
add_custom_target(nbio-debian-changelog ALL DEPENDS "${nbio_deb_changelog}")
install(FILES "${nbio_deb_changelog}" "${PROJECT_SOURCE_DIR}/CHANGELOG.md"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}${NBIO_SUFFIX}")

# The licence, in Debian's machine-readable form (the .deb's
# /usr/share/doc/nbio-N/copyright).
install(FILES "${PROJECT_SOURCE_DIR}/cmake/debian/copyright"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}${NBIO_SUFFIX}")

# The SARIF / GitLab Code Quality converter, and the whole-tree fix step
# that leaves out units with compile errors: bin/<name>-N in the build tree,
# with the project's version written in, and installed from there.
# bin/nbio-sarif-N finds the checks' docs pages (the SARIF rules' help) as
# the installed one does, in ../share/doc/nbio-N.
file(GLOB nbio_doc_pages "${PROJECT_SOURCE_DIR}/docs/*.md")
foreach(page IN LISTS nbio_doc_pages)
  get_filename_component(name "${page}" NAME)
  configure_file("${page}" "${PROJECT_BINARY_DIR}/share/doc/nbio${NBIO_SUFFIX}/${name}" COPYONLY)
endforeach()
foreach(script nbio-sarif nbio-apply-fixes nbio-facts)
  configure_file("${PROJECT_SOURCE_DIR}/scripts/${script}.py"
    "${PROJECT_BINARY_DIR}/bin/${script}${NBIO_SUFFIX}" @ONLY)
  install(PROGRAMS "${PROJECT_BINARY_DIR}/bin/${script}${NBIO_SUFFIX}"
    DESTINATION "${CMAKE_INSTALL_BINDIR}")
endforeach()

# Man pages of the installed commands, made by help2man from their --help and
# --version, compressed as Debian wants (gzip -9n) and dated with
# CHANGELOG.md's newest entry, so that a rebuild gives the same bytes.
find_program(NBIO_HELP2MAN help2man)
find_program(NBIO_GZIP gzip)
set(nbio_man_commands
  "nbio-sarif|SARIF 2.1.0 and GitLab Code Quality reports from clang-tidy's output"
  "nbio-apply-fixes|apply exported clang-tidy fixes except those of units with compile errors"
  "nbio-facts|merge the nbio checks' per-file summaries into one project facts file")
if(TARGET nbio-clang-tidy AND TARGET nbio-clangd)
  list(APPEND nbio_man_commands
    "nbio-clang-tidy|clang-tidy with the nbio checks for non-blocking I/O built in"
    "nbio-clangd|clangd with the nbio clang-tidy checks built in")
endif()
if(NBIO_HELP2MAN AND NBIO_GZIP)
  string(REGEX MATCH "[0-9]+-[0-9]+-[0-9]+$" nbio_release_date "${nbio_changelog_top}")
  execute_process(COMMAND date -u -d "${nbio_release_date}" +%s
    OUTPUT_VARIABLE nbio_release_epoch OUTPUT_STRIP_TRAILING_WHITESPACE)
  configure_file("${PROJECT_SOURCE_DIR}/cmake/nbio.h2m.in"
    "${PROJECT_BINARY_DIR}/man/nbio.h2m" @ONLY)
  set(nbio_man_pages)
  foreach(entry IN LISTS nbio_man_commands)
    string(REPLACE "|" ";" entry "${entry}")
    list(GET entry 0 cmd)
    list(GET entry 1 what)
    set(exe "${PROJECT_BINARY_DIR}/bin/${cmd}${NBIO_SUFFIX}")
    set(man "${PROJECT_BINARY_DIR}/man/${cmd}${NBIO_SUFFIX}.1")
    if(TARGET ${cmd})
      set(dep ${cmd})
    else()
      set(dep "${exe}")
    endif()
    add_custom_command(OUTPUT "${man}.gz"
      COMMAND "${CMAKE_COMMAND}" -E env SOURCE_DATE_EPOCH=${nbio_release_epoch} LC_ALL=C.UTF-8
        "${NBIO_HELP2MAN}" --no-info --no-discard-stderr --name "${what}"
        --include "${PROJECT_BINARY_DIR}/man/nbio.h2m" --output "${man}" "${exe}"
      COMMAND "${NBIO_GZIP}" -9nf "${man}"
      DEPENDS ${dep} "${PROJECT_BINARY_DIR}/man/nbio.h2m"
      COMMENT "Man page of ${cmd}${NBIO_SUFFIX} (help2man)" VERBATIM)
    list(APPEND nbio_man_pages "${man}.gz")
  endforeach()
  add_custom_target(nbio-man ALL DEPENDS ${nbio_man_pages})
  install(FILES ${nbio_man_pages} DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
else()
  message(WARNING "nbio: help2man or gzip not found (scripts/setup.sh installs "
    "help2man): no man pages, and the .deb lacks them")
endif()

# --- cpack -G DEB -----------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME "nbio${NBIO_SUFFIX}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${NBIO_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "clang-tidy checks for unsafe non-blocking I/O, for LLVM ${LLVM_VERSION_MAJOR}")
set(CPACK_PACKAGE_DESCRIPTION
  "The nbio checks (nbio-unhandled-eagain, nbio-connect-einprogress,
nbio-eagain-ewouldblock, nbio-busy-wait-retry, nbio-partial-write)
as a plugin for clang-tidy-${LLVM_VERSION_MAJOR} --load, as nbio-clang-tidy-${LLVM_VERSION_MAJOR} and
nbio-clangd-${LLVM_VERSION_MAJOR} with the checks built in, with a CMake package
(find_package(nbio)), nbio-sarif-${LLVM_VERSION_MAJOR}, a SARIF and GitLab Code
Quality converter, nbio-apply-fixes-${LLVM_VERSION_MAJOR}, and
nbio-facts-${LLVM_VERSION_MAJOR}, which merges the checks' project-wide facts.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The plugin runs inside clang-tidy-N and takes every symbol from it; the
# binaries link libclang-cpp and libLLVM of the same major, which
# dpkg-shlibdeps adds with their versions, with the rest of what they link.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "clang-tidy-${LLVM_VERSION_MAJOR}, python3")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tools-${LLVM_VERSION_MAJOR}, python3-yaml")
find_program(NBIO_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(NBIO_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
elseif(NBIO_BUILD_BINARIES)
  # Without dpkg-dev, name the libraries the binaries need ourselves.
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS
    ", libclang-cpp${LLVM_VERSION_MAJOR}, libllvm${LLVM_VERSION_MAJOR}")
  message(STATUS "nbio: dpkg-shlibdeps not found (package dpkg-dev); the .deb's "
    "Depends names only the LLVM libraries")
endif()
# `make package_source`: the sources, not what setup and builds leave.
# ("[.]", not an escaped dot: cpack reads the value again and would warn
# "Invalid escape sequence \.")
set(CPACK_SOURCE_IGNORE_FILES "/[.]git/" "/build/" "/node_modules/" "__pycache__")
include(CPack)
