// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Probes sent through another file's wrapper: to the host's address (a
// datagram send, whole or nothing), and, as a twin, with no address.
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

int open_probe_socket(int *type);
ssize_t send_probe(int s, const struct sockaddr *to, socklen_t tolen,
                   const void *pkt, size_t len);

struct host {
  struct sockaddr_in addr;
  int sent;
};

int ping_host(struct host *h, const char *pkt, size_t len) {
  int type;
  int fd = open_probe_socket(&type);
  if (send_probe(fd, (const struct sockaddr *)&h->addr, sizeof h->addr, pkt,
                 len) < 0)
    return -1;
  h->sent++;
  return 0;
}

int ping_connected(struct host *h, const char *pkt, size_t len) {
  int type;
  int fd = open_probe_socket(&type);
  if (send_probe(fd, NULL, 0, pkt, len) < 0)
    return -1;
  h->sent++;
  return 0;
}
