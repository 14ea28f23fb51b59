// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A control-socket client split across files (after lldpd's liblldpctl:
// ctl.c connects, connection.c talks over the socket kept in a struct).
#ifndef CTLSOCK_CTL_H
#define CTLSOCK_CTL_H
#include <stddef.h>

int ctl_connect(const char *name);      /* a blocking socket, or -1 */
int ctl_connect_fast(const char *name); /* a non-blocking one */
int ctl_adopt(void);                    /* defined nowhere in view */
void ctl_note(int fd);                  /* logs it: keeps the mode */
void ctl_tune(int fd);                  /* makes it non-blocking */

struct conn_sync {
  int fd;
};
struct conn_fast {
  int fd;
};
struct conn_shared {
  int fd;
};
struct conn_tuned {
  int fd;
};
struct conn_boot {
  int fd;
};
long boot_send(struct conn_boot *c, const char *name, const char *b, size_t n);
struct conn_copied {
  int fd;
};
struct conn_logged {
  int fd;
};

long sync_send(struct conn_sync *c, const char *name, const char *b, size_t n);
#endif
