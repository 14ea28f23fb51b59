// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A client that starts a non-blocking connect, accepts EINPROGRESS, and
// hands the socket to the event loop of another file to wait for
// writability; nothing reads the connect's outcome back.
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

void loop_watch_writable(int fd, void (*ready)(int fd));
void on_connected(int fd);

int start_client(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0 &&
      errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  loop_watch_writable(fd, on_connected);
  return fd;
}
