// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A privilege-separated daemon: the parent makes a socketpair per child
// and starts the child with its end at a fixed descriptor number (the
// shape of openntpd's and openbgpd's start_child()).
#include <sys/types.h>

#define PARENT_FD 3   /* the channel to the parent, in every child */
#define HELPER_FD (PARENT_FD + 1)
#define SPARE_FD 5    /* placed by no call of the project */
#define LOGGER_FD 6   /* placed, then made non-blocking by the parent */

pid_t start_child(const char *name, int cfd);
pid_t start_helper(int hfd);
pid_t start_logger(int lfd);
