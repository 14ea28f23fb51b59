// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Starts a child with the descriptor it is given at PARENT_FD, or a helper
// with its own at HELPER_FD.
#include "proc.h"
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

pid_t start_child(const char *name, int cfd) {
  pid_t pid = fork();
  if (pid != 0) {
    close(cfd);
    return pid;
  }
  if (cfd != PARENT_FD) {
    if (dup2(cfd, PARENT_FD) == -1)
      _exit(1);
  } else if (fcntl(cfd, F_SETFD, 0) == -1) {
    _exit(1);
  }
  execlp(name, name, "-child", (char *)0);
  _exit(1);
}

pid_t start_helper(int hfd) {
  posix_spawn_file_actions_t fa;
  pid_t pid;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, hfd, HELPER_FD);
  char *argv[] = {"helper", 0};
  if (posix_spawnp(&pid, "helper", &fa, 0, argv, 0) != 0)
    return -1;
  return pid;
}

/* The descriptor is made non-blocking after the file action is added:
   the child gets it so (the action copies it at posix_spawn time). */
pid_t start_logger(int lfd) {
  posix_spawn_file_actions_t fa;
  pid_t pid;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, lfd, LOGGER_FD);
  fcntl(lfd, F_SETFL, fcntl(lfd, F_GETFL) | O_NONBLOCK);
  char *argv[] = {"logger", 0};
  if (posix_spawnp(&pid, "logger", &fa, 0, argv, 0) != 0)
    return -1;
  return pid;
}

/* The standard streams are whatever the program's own starter gave it
   (a shell, a terminal): placing /dev/null there says nothing of them. */
int detach(void) {
  int nullfd = open("/dev/null", O_RDWR);
  if (nullfd == -1)
    return -1;
  dup2(nullfd, STDIN_FILENO);
  dup2(nullfd, 1);
  return 0;
}
