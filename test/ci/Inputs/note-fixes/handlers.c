/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
/* For apply-fixes-notes.test: three findings whose only fixes are on notes
 * (nbio-unhandled-eagain) and one with a fix on its warning
 * (nbio-connect-einprogress). */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

/* Both note fixes are offered: --fix-notes applies neither. */
void on_readable(int fd, char *buf, unsigned long cap);
void on_readable(int fd, char *buf, unsigned long cap) {
  long n = recv(fd, buf, cap, MSG_DONTWAIT);
  if (n <= 0) {
    close(fd);
    return;
  }
}

/* The call is a loop's condition: only the return is offered. */
int drain(int fd, char *buf, unsigned long cap);
int drain(int fd, char *buf, unsigned long cap) {
  long n;
  while ((n = recv(fd, buf, cap, MSG_DONTWAIT)) > 0)
    ;
  if (n < 0) {
    close(fd);
    return -1;
  }
  return 0;
}

int dial(const struct sockaddr_in *sa);
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
