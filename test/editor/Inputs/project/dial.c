/* Opened in Neovim through nbio-clangd by quickfix-connect-eagain.test.
 * Two findings with fixes: a non-blocking connect whose EINPROGRESS closes
 * the socket (a fix on the warning), and a handler whose EAGAIN closes the
 * connection (two fixes on notes, one to pick).  The test pins lines and
 * columns: keep them where they are. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int dial(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

void on_readable(int fd, char *buf, size_t cap) {
  ssize_t n = recv(fd, buf, cap, MSG_DONTWAIT);
  if (n <= 0) {
    close(fd);
    return;
  }
  buf[n < (ssize_t)cap ? n : 0] = 0;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
