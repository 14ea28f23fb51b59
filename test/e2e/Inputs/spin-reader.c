/* A reader that waits for a message on a non-blocking pipe by spinning:
 * it retries read() the moment it fails with EAGAIN.  A child process
 * writes the message after about half a second.  The program prints how
 * much CPU time the reader used while it waited, and how long it waited.
 *
 * Used by ../busy-wait-retry-reader.test: run as is, then after
 * nbio-busy-wait-retry's fix-it (which waits in poll() before the retry)
 * has been applied. */
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

static const char message[] = "ping from the writer";

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

/* The busy wait under test. */
static ssize_t wait_for_message(int fd, char *buf, size_t cap) {
  ssize_t got;
  do {
    got = read(fd, buf, cap);
  } while (got < 0 && errno == EAGAIN);
  return got;
}

static int writer(int fd) {
  struct timespec pause = {0, 500 * 1000 * 1000};
  alarm(10);
  nanosleep(&pause, NULL);
  return write(fd, message, sizeof message - 1) == (ssize_t)(sizeof message - 1)
             ? 0
             : 1;
}

int main(void) {
  int fds[2];
  char buf[128];
  pid_t child;
  double wall0, cpu0, wall, cpu;
  ssize_t got;
  int status = 0;

  alarm(10); /* never spin for ever, whatever happens */
  if (pipe(fds) != 0) {
    perror("pipe");
    return 2;
  }
  if (fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK) != 0) {
    perror("fcntl");
    return 2;
  }
  child = fork();
  if (child < 0) {
    perror("fork");
    return 2;
  }
  if (child == 0) {
    close(fds[0]);
    _exit(writer(fds[1]));
  }
  close(fds[1]);

  wall0 = wall_seconds();
  cpu0 = cpu_seconds();
  got = wait_for_message(fds[0], buf, sizeof buf - 1);
  cpu = cpu_seconds() - cpu0;
  wall = wall_seconds() - wall0;

  waitpid(child, &status, 0);
  if (got < 0) {
    perror("read");
    return 1;
  }
  buf[got] = '\0';
  printf("data=%s\n", strcmp(buf, message) == 0 ? "ok" : "wrong");
  printf("child=%s\n", WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "ok" : "failed");
  printf("cpu=%.3f\n", cpu);
  printf("wall=%.3f\n", wall);
  return 0;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
