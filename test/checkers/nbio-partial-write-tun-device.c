// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// A TUN/TAP device takes each write as one packet, whole or not at all: a
// write to a descriptor the file sets up with ioctl(TUNSETIFF) is not cut
// short (reduced from tinc's Linux device code, which opens /dev/net/tun
// non-blocking and only tests the write for a failure). Twin: the same
// write to a device file the code never makes a TUN/TAP device.

#define _DEFAULT_SOURCE 1
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static int device_fd = -1;
static int log_fd = -1;

int setup_device(void) {
  struct ifreq ifr;
  device_fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK);
  if (device_fd < 0)
    return -1;
  memset(&ifr, 0, sizeof ifr);
  ifr.ifr_flags = IFF_TUN;
  if (ioctl(device_fd, TUNSETIFF, &ifr) != 0)
    return -1;
  log_fd = open("/var/log/vpn.pcap", O_WRONLY | O_NONBLOCK);
  return 0;
}

int write_packet(const char *data, size_t len) {
  if (write(device_fd, data, len) < 0)
    return -1;
  return 0;
}

// Twin: not a TUN/TAP device.
int log_packet(const char *data, size_t len) {
  if (write(log_fd, data, len) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'log_fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: the count is only tested for a failure here; a short count passes
    return -1;
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: after a short write the function returns here as if every byte was written
  return 0;
  // CHECK-MESSAGES: :32:12: note: 'open' creates a non-blocking descriptor here
}
