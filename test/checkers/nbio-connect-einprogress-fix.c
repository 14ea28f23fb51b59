// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17

// The fix-it for a non-blocking connect() whose failure branch ends the
// connection: the call's result goes through nbio_connect_wait(), a helper
// inserted once per file before the first function that needs it. On
// EINPROGRESS it waits until the socket is writable, reads the outcome
// with getsockopt(SO_ERROR) and answers like connect() would have: 0, or -1
// with errno set to the real error. The branch then runs only when the
// connection really failed. The headers the helper needs are added where
// the file lacks them (here <errno.h> and <poll.h>).

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <errno.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <fcntl.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <netinet/in.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <sys/socket.h>{{$}}

struct peer {
  int fd;
  struct sockaddr_in addr;
  int fds[4];
  unsigned next;
};

#define DIAL(fd, sa) connect((fd), (const struct sockaddr *)(sa), sizeof *(sa))

static void peer_drop(struct peer *p) {
  close(p->fd);
  p->fd = -1;
}

// Dials the peer; the helper goes above this comment.
static int peer_dial_lt(struct peer *p) {
  p->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (p->fd < 0)
    return -1;
  if (connect(p->fd, (const struct sockaddr *)&p->addr, sizeof p->addr) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'p->fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    peer_drop(p);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'peer_drop' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-7]]:11: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return 0;
}
// CHECK-FIXES: {{^}}  p->fd = -1;{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}/* Added by nbio-connect-einprogress: a non-blocking connect() that{{$}}
// CHECK-FIXES: {{^}}static int nbio_connect_wait(int rc, int fd, int timeout_ms);{{$}}
// CHECK-FIXES-NEXT: {{^}}#ifndef NBIO_CONNECT_WAIT_DEFINED{{$}}
// CHECK-FIXES-NEXT: {{^}}#define NBIO_CONNECT_WAIT_DEFINED{{$}}
// CHECK-FIXES-NEXT: {{^}}static int nbio_connect_wait(int rc, int fd, int timeout_ms) {{[{]}}{{$}}
// CHECK-FIXES: {{^}}  if (rc == 0 || errno != EINPROGRESS){{$}}
// CHECK-FIXES: {{^}}    ready = poll(&pfd, 1, timeout_ms);{{$}}
// CHECK-FIXES: {{^}}  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0){{$}}
// CHECK-FIXES: {{^}}    errno = err;{{$}}
// CHECK-FIXES: {{^}}#endif{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}// Dials the peer; the helper goes above this comment.{{$}}
// CHECK-FIXES-NEXT: {{^}}static int peer_dial_lt(struct peer *p) {{[{]}}{{$}}
// CHECK-FIXES: {{^}}  if (nbio_connect_wait(connect(p->fd, (const struct sockaddr *)&p->addr, sizeof p->addr), p->fd, 5000) < 0) {{[{]}}{{$}}
// The helper is there once.
// CHECK-FIXES-NOT: NBIO_CONNECT_WAIT_DEFINED

static int dial_eq(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) == -1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    // CHECK-MESSAGES: :[[@LINE+1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    close(fd);
    return -1;
  }
  return fd;
}
// CHECK-MESSAGES: :[[@LINE-11]]:12: note: 'socket' creates a non-blocking descriptor here
// CHECK-FIXES: {{^}}  if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000) == -1) {{[{]}}{{$}}

static int dial_ne(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) != 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    goto fail;
  return fd;
fail:
  close(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'fd' was made non-blocking here
  return -1;
}
// CHECK-FIXES: {{^}}  if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000) != 0){{$}}

static int dial_rc(const struct sockaddr_in *sa) {
  int rc;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  rc = connect(fd, (const struct sockaddr *)sa, sizeof *sa);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  if (rc < 0) {
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-8]]:12: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return fd;
}
// CHECK-FIXES: {{^}}  rc = nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000);{{$}}
// CHECK-FIXES: {{^}}  if (rc < 0) {{[{]}}{{$}}

static int dial_bare(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (connect(fd,
              (const struct sockaddr *)sa, /* the peer */
              sizeof *sa)) {
    // CHECK-MESSAGES: :[[@LINE-3]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-9]]:12: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return fd;
}
// The call is copied as written, comment and line breaks included.
// CHECK-FIXES: {{^}}  if (nbio_connect_wait(connect(fd,{{$}}
// CHECK-FIXES-NEXT: {{^}}              (const struct sockaddr *)sa, /* the peer */{{$}}
// CHECK-FIXES-NEXT: {{^}}              sizeof *sa), fd, 5000)) {{[{]}}{{$}}

// --- No fix-it: the warning stays, and a note says why ---

// The call comes from a macro: the fix would have to edit its body.
static int dial_macro(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (DIAL(fd, sa) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-7]]:12: note: 'socket' creates a non-blocking descriptor here
    // CHECK-MESSAGES: :[[@LINE-5]]:7: note: no fix-it: the call is inside a macro expansion
    return -1;
  }
  return fd;
}

// The descriptor expression changes state: it cannot be named twice.
static int dial_next(struct peer *p) {
  for (int i = 0; i < 4; i++)
    p->fds[i] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(p->fds[p->next++ % 4], (const struct sockaddr *)&p->addr, sizeof p->addr) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'p->fds[p->next++ % 4]' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(p->fds[0]);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-5]]:17: note: 'socket' creates a non-blocking descriptor here
    // CHECK-MESSAGES: :[[@LINE-5]]:7: note: no fix-it: the descriptor expression has side effects and cannot be evaluated again
    return -1;
  }
  return 0;
}

// No failure branch: nothing is reported, nothing changes.
static int dial_nobranch(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  (void)connect(fd, (const struct sockaddr *)sa, sizeof *sa);
  return fd;
}

int peer_demo(struct peer *p);
int peer_demo(struct peer *p) {
  return peer_dial_lt(p) + dial_eq(&p->addr) + dial_ne(&p->addr) +
         dial_rc(&p->addr) + dial_bare(&p->addr) + dial_macro(&p->addr) +
         dial_next(p) + dial_nobranch(&p->addr);
}
