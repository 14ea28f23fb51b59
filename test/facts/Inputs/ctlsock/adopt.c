// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Another file that stores a descriptor of unknown mode in one of the
// structs (conn_shared): the field is not known blocking in any file.
#include "ctl.h"

void conn_shared_adopt(struct conn_shared *c) { c->fd = ctl_adopt(); }

// A struct filled by its initializer, with the non-blocking variant.
long boot_hello(const char *name) {
  struct conn_boot b = {.fd = ctl_connect_fast(name)};
  return boot_send(&b, name, "hello\n", 6);
}
