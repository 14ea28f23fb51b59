/* A writer that pushes one more chunk into a full non-blocking pipe by
 * spinning: it retries write() the moment it fails with EAGAIN.  A child
 * process starts draining the pipe after about half a second and checks
 * that every byte arrived.  The program prints how much CPU time the
 * writer used while it waited for room, and how long it waited.
 *
 * Used by ../busy-wait-retry-writer.test: run as is, then after
 * nbio-busy-wait-retry's fix-it (which waits in poll() for POLLOUT before
 * the retry) has been applied. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 4096

static double wall_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_seconds(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* Fill the pipe until the kernel says it is full; a drain loop, it stops
 * on EAGAIN instead of retrying. */
static long fill(int fd, const char *chunk) {
  long total = 0;
  for (;;) {
    ssize_t put = write(fd, chunk, CHUNK);
    if (put < 0) {
      if (errno == EAGAIN)
        break;
      return -1;
    }
    total += put;
  }
  return total;
}

/* The busy wait under test. */
static ssize_t push_chunk(int fd, const char *chunk) {
  ssize_t put;
  do {
    put = write(fd, chunk, CHUNK);
  } while (put < 0 && errno == EAGAIN);
  return put;
}

/* The child: wait, then read everything and compare with what the parent
 * reports through the exit status (0: the byte count matched). */
static int reader(int fd, int wfd_status) {
  struct timespec pause = {0, 500 * 1000 * 1000};
  char buf[CHUNK];
  long total = 0;
  ssize_t got;
  alarm(10);
  nanosleep(&pause, NULL);
  while ((got = read(fd, buf, sizeof buf)) > 0)
    total += got;
  return write(wfd_status, &total, sizeof total) == (ssize_t)sizeof total ? 0 : 1;
}

int main(void) {
  int data[2], report[2];
  char chunk[CHUNK];
  pid_t child;
  double wall0, cpu0, wall, cpu;
  long filled, received = -1;
  ssize_t put;
  int status = 0;

  alarm(10); /* never spin for ever, whatever happens */
  memset(chunk, 'x', sizeof chunk);
  if (pipe(data) != 0 || pipe(report) != 0) {
    perror("pipe");
    return 2;
  }
  if (fcntl(data[1], F_SETFL, fcntl(data[1], F_GETFL) | O_NONBLOCK) != 0) {
    perror("fcntl");
    return 2;
  }
  child = fork();
  if (child < 0) {
    perror("fork");
    return 2;
  }
  if (child == 0) {
    close(data[1]);
    close(report[0]);
    _exit(reader(data[0], report[1]));
  }
  close(data[0]);
  close(report[1]);

  filled = fill(data[1], chunk);
  if (filled <= 0) {
    perror("fill");
    return 1;
  }
  wall0 = wall_seconds();
  cpu0 = cpu_seconds();
  put = push_chunk(data[1], chunk);
  cpu = cpu_seconds() - cpu0;
  wall = wall_seconds() - wall0;
  if (put < 0) {
    perror("write");
    return 1;
  }
  close(data[1]);

  if (read(report[0], &received, sizeof received) != (ssize_t)sizeof received)
    received = -1;
  waitpid(child, &status, 0);
  printf("data=%s\n", received == filled + put ? "ok" : "wrong");
  printf("child=%s\n", WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "ok" : "failed");
  printf("cpu=%.3f\n", cpu);
  printf("wall=%.3f\n", wall);
  return 0;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
