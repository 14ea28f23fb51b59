// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// An mbed TLS session says MBEDTLS_ERR_SSL_WANT_READ or _WANT_WRITE only
// when its send or receive function returns that code (or after a DTLS
// timeout, which has waited already): any other negative value is passed
// back as a failure. A session given functions of the program's own that
// never return those codes (a fuzz harness reading its input from memory,
// as mbed TLS's own programs/fuzz do; a function that returns what recv()
// returns, -1 or a count; a chain of them) cannot spin in a loop that asks
// again on "want". Twins still reported: a function that returns a "want"
// code (also kept in an unsigned local first, or converted from another
// constant, or kept in a global), or mbed TLS's own function's value, or
// a value it cannot be followed to (a call through a pointer), a length its
// caller gave it that is not mbed TLS's, a weak definition, one defined in
// another file (without the project's facts), and a session that mixes
// such a function with mbed TLS's own. C++'s own shapes are in
// nbio-busy-wait-retry-mbedtls-memory-bio.cpp.

#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

struct input {
  const unsigned char *data;
  size_t size, offset;
};

static int memory_send(void *ctx, const unsigned char *buf, size_t len) {
  (void)ctx;
  (void)buf;
  if (len > INT_MAX)
    return -1;
  return (int)len;
}

static int memory_recv(void *ctx, unsigned char *buf, size_t len) {
  struct input *in = (struct input *)ctx;
  if (in->offset == in->size)
    return 0;
  if (len > INT_MAX)
    return -1;
  if (len > in->size - in->offset)
    len = in->size - in->offset;
  memcpy(buf, in->data + in->offset, len);
  in->offset += len;
  return (int)len;
}

static int memory_recv_timeout(void *ctx, unsigned char *buf, size_t len,
                               uint32_t timeout) {
  (void)timeout;
  return memory_recv(ctx, buf, len);
}

// The fuzz harness's shape: asking again on "want read" is what it does
// with every record, and no call can say so.
int fuzz_one(mbedtls_ssl_config *conf, const unsigned char *data,
             size_t size) {
  struct input in = {data, size, 0};
  mbedtls_ssl_context ssl;
  unsigned char buf[256];
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &in, memory_send, memory_recv,
                      memory_recv_timeout);
  if (mbedtls_ssl_handshake(&ssl) == 0) {
    do {
      ret = mbedtls_ssl_read(&ssl, buf, sizeof buf);
      if (ret == MBEDTLS_ERR_SSL_WANT_READ)
        continue;
      if (ret <= 0)
        break;
    } while (1);
  }
  return 0;
}

// A function that returns what recv() returns: -1 is a failure to mbed
// TLS, never "want read".
static int socket_recv(void *ctx, unsigned char *buf, size_t len) {
  int fd = *(int *)ctx;
  return (int)recv(fd, buf, len, 0);
}

int plain_socket(mbedtls_ssl_config *conf, int fd) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &fd, NULL, &socket_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  return ret;
}

// A chain of the program's functions, each returning the next one's value.
static int chained_recv(void *ctx, unsigned char *buf, size_t len,
                        uint32_t timeout) {
  (void)timeout;
  return memory_recv_timeout(ctx, buf, len, 0);
}

int chained(mbedtls_ssl_config *conf, struct input *in) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, in, memory_send, memory_recv, chained_recv);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  return ret;
}

// Twins. A receive function that says "want read" itself when its buffer
// is empty: the loop spins until the other side fills it.
static int queue_recv(void *ctx, unsigned char *buf, size_t len) {
  struct input *in = (struct input *)ctx;
  if (in->offset == in->size)
    return MBEDTLS_ERR_SSL_WANT_READ;
  if (len > in->size - in->offset)
    len = in->size - in->offset;
  memcpy(buf, in->data + in->offset, len);
  in->offset += len;
  return (int)len;
}

int queue_reader(mbedtls_ssl_config *conf, struct input *in) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, in, memory_send, queue_recv, NULL);
  while ((ret = mbedtls_ssl_handshake(&ssl)) == MBEDTLS_ERR_SSL_WANT_READ)
    ;
  // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// One that hands on what mbed TLS's own receive function returns, on a
// context the program may have made non-blocking.
static int traced_recv(void *ctx, unsigned char *buf, size_t len) {
  return mbedtls_net_recv(ctx, buf, len);
}

int traced_reader(mbedtls_ssl_config *conf, mbedtls_net_context *net) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, net, NULL, traced_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// One whose value comes from a call through a pointer, out of view.
struct hooks {
  int (*pull)(void *, unsigned char *, size_t);
};
static struct hooks active_hooks;

static int hooked_recv(void *ctx, unsigned char *buf, size_t len) {
  int n = active_hooks.pull(ctx, buf, len);
  return n;
}

int hooked_reader(mbedtls_ssl_config *conf, void *ctx) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, ctx, NULL, hooked_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// One that keeps the code in an unsigned local before it returns it.
static int stored_recv(void *ctx, unsigned char *buf, size_t len) {
  size_t code = (size_t)MBEDTLS_ERR_SSL_WANT_READ;
  (void)ctx;
  (void)buf;
  (void)len;
  return (int)code;
}

int stored_reader(mbedtls_ssl_config *conf, void *ctx) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, ctx, NULL, stored_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// The code as another constant: what the caller sees is the converted
// value, -0x6900.
static int converted_recv(void *ctx, unsigned char *buf, size_t len) {
  (void)ctx;
  (void)buf;
  if (len == 0)
    return (int)0xFFFF9700u;
  return (int)len;
}

int converted_reader(mbedtls_ssl_config *conf, void *ctx) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, ctx, NULL, converted_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// The code kept in an unsigned global by another function, or in a
// variable of the file's that a block-scope extern names.
static size_t last_status;
int status_code;
void remember_want(void) {
  last_status = (size_t)MBEDTLS_ERR_SSL_WANT_READ;
  status_code = MBEDTLS_ERR_SSL_WANT_READ;
}

static int remembered_recv(void *ctx, unsigned char *buf, size_t len) {
  (void)ctx;
  (void)buf;
  (void)len;
  return (int)last_status;
}

static int extern_recv(void *ctx, unsigned char *buf, size_t len) {
  extern int status_code;
  (void)ctx;
  (void)buf;
  (void)len;
  return status_code;
}

int remembered_reader(mbedtls_ssl_config *conf, void *ctx) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, ctx, NULL, remembered_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

int extern_reader(mbedtls_ssl_config *conf, void *ctx) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, ctx, NULL, extern_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// A quiet function's length given a code by its caller: the count it
// hands back is the code.
static int echo_length(void *ctx, unsigned char *buf, size_t len) {
  (void)ctx;
  (void)buf;
  return (int)len;
}

static int coded_recv(void *ctx, unsigned char *buf, size_t len) {
  (void)len;
  return echo_length(ctx, buf, (size_t)MBEDTLS_ERR_SSL_WANT_READ);
}

int coded_reader(mbedtls_ssl_config *conf, void *ctx) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, ctx, NULL, coded_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// A weak definition: the one that runs may be another file's.
__attribute__((weak)) int platform_recv(void *ctx, unsigned char *buf,
                                        size_t len) {
  (void)ctx;
  (void)buf;
  (void)len;
  return -1;
}

int platform_reader(mbedtls_ssl_config *conf, void *ctx) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, ctx, NULL, platform_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// One defined in another file: without the project's facts, not known.
int elsewhere_recv(void *ctx, unsigned char *buf, size_t len);

int elsewhere_reader(mbedtls_ssl_config *conf, void *ctx) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, ctx, NULL, elsewhere_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// A quiet receive function with mbed TLS's own send function, on a
// context given from out of view: writes may say "want write".
int mixed(mbedtls_ssl_config *conf, mbedtls_net_context *net) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, net, mbedtls_net_send, memory_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}
