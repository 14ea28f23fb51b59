// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A daemon's state: the pipe to its script helper, a FIFO it reports to,
// and four descriptors that are sockets in some file, or may be.
#include <stddef.h>

struct daemon_state {
  int helperfd; // the helper's pipe, from create_helper() (helper.c)
  int statusfd; // a FIFO opened by path (main.c)
  int pushfd;   // a socket, from make_push_socket() (helper.c)
  int eventfd;  // a pipe in main.c, a peer's socket in adopt.c
  int logfd;    // a file in main.c, made a socket's number by adopt.c
  int infd;     // a file opened by path, or else the standard input
};
extern struct daemon_state *daemon_state;

int create_helper(void);
int open_status(const char *path);
int make_push_socket(void);
void start(const char *path);
int restart_helper(void);
void adopt_peer(int listener);
void queue_event(const char *line, size_t len);
