// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Another file that stores a descriptor of unknown mode in one of the
// structs (conn_shared): the field is not known blocking in any file; and
// one that makes a field's descriptor non-blocking through a local copy.
#include "ctl.h"
#include <fcntl.h>

void conn_shared_adopt(struct conn_shared *c) { c->fd = ctl_adopt(); }

// A struct filled by its initializer, with the non-blocking variant.
long boot_hello(const char *name) {
  struct conn_boot b = {.fd = ctl_connect_fast(name)};
  return boot_send(&b, name, "hello\n", 6);
}

// The field's descriptor made non-blocking through a local initialised
// from it: the mode belongs to the open file, so the field holds a
// non-blocking descriptor in every file.
void conn_copied_tune(struct conn_copied *c) {
  int fd = c->fd;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

// A local copy of the field only logged: the field's descriptor keeps its
// mode.
void conn_logged_note(struct conn_logged *c) {
  int fd = c->fd;
  ctl_note(fd);
}
