// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// A stand-in for libssh2's public header as a project that carries libssh2
// in its own tree sees it: included with -I, so not a system header. Only
// what the tests call is declared, with libssh2's names and shapes. Like
// the real header, it has a struct of libssh2's own whose field holds a
// channel (the poll descriptor), which says nothing about the program.

#ifndef NBIO_TEST_IN_TREE_LIBSSH2_H
#define NBIO_TEST_IN_TREE_LIBSSH2_H

#include <stddef.h>
#include <string.h>
#include <sys/types.h>

typedef struct _LIBSSH2_SESSION LIBSSH2_SESSION;
typedef struct _LIBSSH2_CHANNEL LIBSSH2_CHANNEL;
typedef struct _LIBSSH2_LISTENER LIBSSH2_LISTENER;

typedef struct _LIBSSH2_POLLFD {
  unsigned char type;
  union {
    int socket;
    LIBSSH2_CHANNEL *channel;
    LIBSSH2_LISTENER *listener;
  } fd;
  unsigned long events;
  unsigned long revents;
} LIBSSH2_POLLFD;

#define LIBSSH2_ERROR_EAGAIN -37

#ifdef __cplusplus
extern "C" {
#endif

LIBSSH2_SESSION *libssh2_session_init_ex(void *alloc, void *free_,
                                         void *realloc_, void *abstract);
#define libssh2_session_init() libssh2_session_init_ex(NULL, NULL, NULL, NULL)
int libssh2_session_handshake(LIBSSH2_SESSION *session, int sock);
void libssh2_session_set_blocking(LIBSSH2_SESSION *session, int blocking);
int libssh2_session_disconnect_ex(LIBSSH2_SESSION *session, int reason,
                                  const char *description, const char *lang);
#define libssh2_session_disconnect(session, description)                       \
  libssh2_session_disconnect_ex((session), 11, (description), "")
int libssh2_session_free(LIBSSH2_SESSION *session);
int libssh2_userauth_password_ex(LIBSSH2_SESSION *session,
                                 const char *username, unsigned username_len,
                                 const char *password, unsigned password_len,
                                 void *change_cb);
#define libssh2_userauth_password(session, username, password)                 \
  libssh2_userauth_password_ex((session), (username),                          \
                               (unsigned)strlen(username), (password),         \
                               (unsigned)strlen(password), NULL)
LIBSSH2_CHANNEL *libssh2_channel_open_ex(LIBSSH2_SESSION *session,
                                         const char *channel_type,
                                         unsigned channel_type_len,
                                         unsigned window_size,
                                         unsigned packet_size,
                                         const char *message,
                                         unsigned message_len);
#define libssh2_channel_open_session(session)                                  \
  libssh2_channel_open_ex((session), "session", sizeof("session") - 1,         \
                          2 * 1024 * 1024, 32768, NULL, 0)
ssize_t libssh2_channel_read_ex(LIBSSH2_CHANNEL *channel, int stream_id,
                                char *buf, size_t buflen);
#define libssh2_channel_read(channel, buf, buflen)                             \
  libssh2_channel_read_ex((channel), 0, (buf), (buflen))
int libssh2_channel_free(LIBSSH2_CHANNEL *channel);

#ifdef __cplusplus
}
#endif

#endif
