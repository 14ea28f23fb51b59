// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A portability header of the usual kind: where the C library lacks one of
// Linux's socket macros, the project spells it itself. On Linux the
// branches are skipped, but they show that the code that uses the macros
// is meant to build elsewhere too.
#ifndef LINUX_MACRO_FALLBACKS_H
#define LINUX_MACRO_FALLBACKS_H
#include <netinet/in.h>
#include <sys/socket.h>
#ifndef __linux__
#ifndef SOL_IP
#define SOL_IP IPPROTO_IP
#endif
#ifndef MSG_MORE
#define MSG_MORE 0
#endif
#endif
#endif
