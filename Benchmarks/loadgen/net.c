// The generator's transport: non-blocking sockets on one epoll, the RFC 6455 client handshake
// and framing (masked client frames, fragmented server messages, ping/pong, close). One receive
// timestamp per read() call: every frame found in that read was received at that instant.
#define _GNU_SOURCE
#include "loadgen.h"
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint32_t rand32(void) {
  rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
  return (uint32_t)rng;
}

static void grow(char **buf, size_t *cap, size_t need) {
  if (need <= *cap) return;
  size_t c = *cap ? *cap : 4096;
  while (c < need) c *= 2;
  *buf = realloc(*buf, c);
  if (!*buf) die("out of memory");
  *cap = c;
}

static void watch(gen *g, conn *c, uint32_t events, int op) {
  struct epoll_event ev = {.events = events, .data.u32 = (uint32_t)c->idx};
  if (epoll_ctl(g->ep, op, c->fd, &ev) < 0) die("epoll_ctl: %s", strerror(errno));
}

static void conn_close(gen *g, conn *c, const char *why) {
  if (c->state == C_CLOSED) return;
  if (why) fprintf(stderr, "gavel-load: connection %d closed: %s\n", c->idx, why);
  epoll_ctl(g->ep, EPOLL_CTL_DEL, c->fd, NULL);
  close(c->fd);
  c->state = C_CLOSED;
  g->closes++;
}

static void flush(gen *g, conn *c) {
  while (c->woff < c->wlen) {
    ssize_t k = send(c->fd, c->wbuf + c->woff, c->wlen - c->woff, MSG_NOSIGNAL);
    if (k < 0) {
      if (errno == EAGAIN) { watch(g, c, EPOLLIN | EPOLLOUT, EPOLL_CTL_MOD); return; }
      conn_close(g, c, strerror(errno));
      return;
    }
    c->woff += (size_t)k;
  }
  c->woff = c->wlen = 0;
}

static void queue_bytes(gen *g, conn *c, const void *p, size_t n) {
  grow(&c->wbuf, &c->wcap, c->wlen + n);
  memcpy(c->wbuf + c->wlen, p, n);
  c->wlen += n;
  if (c->woff == 0 && c->wlen == n) flush(g, c);  // nothing was pending: write now
}

static void send_frame(gen *g, conn *c, int opcode, const char *s, size_t len) {
  unsigned char h[14]; size_t hl = 0;
  h[hl++] = (unsigned char)(0x80 | opcode);
  if (len < 126) h[hl++] = (unsigned char)(0x80 | len);
  else if (len < 65536) { h[hl++] = 0x80 | 126; h[hl++] = (unsigned char)(len >> 8); h[hl++] = (unsigned char)len; }
  else { h[hl++] = 0x80 | 127; for (int i = 7; i >= 0; i--) h[hl++] = (unsigned char)(len >> (8 * i)); }
  uint32_t m = rand32(); unsigned char mk[4]; memcpy(mk, &m, 4);
  memcpy(h + hl, mk, 4); hl += 4;
  grow(&c->wbuf, &c->wcap, c->wlen + hl + len);
  int was_idle = c->wlen == 0;
  memcpy(c->wbuf + c->wlen, h, hl);
  unsigned char *d = (unsigned char *)c->wbuf + c->wlen + hl;
  for (size_t i = 0; i < len; i++) d[i] = (unsigned char)s[i] ^ mk[i & 3];
  c->wlen += hl + len;
  if (was_idle) flush(g, c);
}

int net_send_text(gen *g, conn *c, const char *s, size_t len) {
  if (c->state == C_CLOSED) return -1;
  send_frame(g, c, 1, s, len);
  return 0;
}

static void send_handshake(gen *g, conn *c) {
  unsigned char key[16]; char b64[25];
  static const char *al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (int i = 0; i < 16; i++) key[i] = (unsigned char)rand32();
  int o = 0;
  for (int i = 0; i < 15; i += 3) {
    uint32_t v = (uint32_t)key[i] << 16 | (uint32_t)key[i + 1] << 8 | key[i + 2];
    b64[o++] = al[v >> 18]; b64[o++] = al[(v >> 12) & 63]; b64[o++] = al[(v >> 6) & 63]; b64[o++] = al[v & 63];
  }
  uint32_t v = (uint32_t)key[15] << 16;
  b64[o++] = al[v >> 18]; b64[o++] = al[(v >> 12) & 63]; b64[o++] = '='; b64[o++] = '='; b64[o] = 0;
  char req[512];
  int n = snprintf(req, sizeof req,
                   "GET %s HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n",
                   g->path, g->host, g->port, b64);
  c->state = C_HANDSHAKE;
  queue_bytes(g, c, req, (size_t)n);
}

static void send_hello(gen *g, conn *c) {
  char hello[256], after[40] = "";
  if (g->hello_after > 0) snprintf(after, sizeof after, ",\"after\":%lld", (long long)g->hello_after);
  int n = snprintf(hello, sizeof hello, "{\"type\":\"hello\",\"token\":\"%s\",\"committee\":\"%s\"%s}",
                   c->token, g->committee, after);
  c->state = C_HELLO;
  net_send_text(g, c, hello, (size_t)n);
}

// Parses every complete frame in c->rbuf; returns -1 if the connection was closed.
static int parse_frames(gen *g, conn *c, int64_t t) {
  size_t off = 0;
  if (c->state == C_HANDSHAKE) {
    char *end = memmem(c->rbuf, c->rlen, "\r\n\r\n", 4);
    if (!end) return 0;
    if (c->rlen < 12 || memcmp(c->rbuf + 9, "101", 3) != 0) {
      fprintf(stderr, "gavel-load: handshake refused: %.*s\n", (int)(end - c->rbuf), c->rbuf);
      conn_close(g, c, NULL); return -1;
    }
    off = (size_t)(end - c->rbuf) + 4;
    send_hello(g, c);
  }
  while (c->state != C_CLOSED) {
    size_t avail = c->rlen - off;
    if (avail < 2) break;
    const unsigned char *h = (const unsigned char *)c->rbuf + off;
    int fin = h[0] & 0x80, op = h[0] & 15;
    uint64_t len = h[1] & 127; size_t hl = 2;
    if (len == 126) { if (avail < 4) break; len = (uint64_t)h[2] << 8 | h[3]; hl = 4; }
    else if (len == 127) {
      if (avail < 10) break;
      len = 0; for (int i = 0; i < 8; i++) len = len << 8 | h[2 + i];
      hl = 10;
    }
    if (avail < hl + len) break;
    const char *p = c->rbuf + off + hl;
    off += hl + len;
    if (op == 9) { send_frame(g, c, 10, p, len); continue; }
    if (op == 10) continue;
    if (op == 8) {
      int code = len >= 2 ? ((unsigned char)p[0] << 8 | (unsigned char)p[1]) : 1005;
      char why[160]; snprintf(why, sizeof why, "close frame %d %.*s", code, (int)(len > 2 ? len - 2 : 0), p + 2);
      conn_close(g, c, why); return -1;
    }
    if (op == 0 || !fin) {  // fragmented message
      grow(&c->msg, &c->mcap, c->mlen + len);
      memcpy(c->msg + c->mlen, p, len); c->mlen += len;
      if (!fin) continue;
      on_message(g, c, c->msg, c->mlen, t);
      c->mlen = 0;
      continue;
    }
    on_message(g, c, p, len, t);
  }
  if (c->state == C_CLOSED) return -1;
  if (off) { memmove(c->rbuf, c->rbuf + off, c->rlen - off); c->rlen -= off; }
  return 0;
}

static void on_readable(gen *g, conn *c) {
  for (;;) {
    grow(&c->rbuf, &c->rcap, c->rlen + 65536);
    ssize_t k = recv(c->fd, c->rbuf + c->rlen, c->rcap - c->rlen, 0);
    if (k == 0) { conn_close(g, c, "peer closed the socket"); return; }
    if (k < 0) { if (errno != EAGAIN) conn_close(g, c, strerror(errno)); return; }
    c->rlen += (size_t)k;
    if (parse_frames(g, c, now_us()) < 0) return;
    if ((size_t)k < 65536) return;  // drained; level-triggered epoll brings us back
  }
}

int net_poll(gen *g, int timeout_ms) {
  struct epoll_event evs[512];
  int k = epoll_wait(g->ep, evs, 512, timeout_ms);
  if (k < 0 && errno != EINTR) die("epoll_wait: %s", strerror(errno));
  for (int i = 0; i < k; i++) {
    conn *c = &g->conns[evs[i].data.u32];
    if (c->state == C_CLOSED) continue;
    if (c->state == C_CONNECTING) {
      int err = 0; socklen_t l = sizeof err;
      getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &l);
      if (err) { conn_close(g, c, strerror(err)); continue; }
      watch(g, c, EPOLLIN, EPOLL_CTL_MOD);
      send_handshake(g, c);
      continue;
    }
    if (evs[i].events & EPOLLOUT) {
      flush(g, c);
      if (c->state != C_CLOSED && c->wlen == 0) watch(g, c, EPOLLIN, EPOLL_CTL_MOD);
    }
    if (c->state != C_CLOSED && (evs[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))) on_readable(g, c);
  }
  return k;
}

static void start_connect(gen *g, conn *c) {
  c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (c->fd < 0) die("socket: %s (raise the file limit: ulimit -n)", strerror(errno));
  int one = 1;
  setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)g->port)};
  inet_pton(AF_INET, g->host, &a.sin_addr);
  c->state = C_CONNECTING;
  watch(g, c, EPOLLOUT, EPOLL_CTL_ADD);
  if (connect(c->fd, (struct sockaddr *)&a, sizeof a) < 0 && errno != EINPROGRESS)
    die("connect: %s", strerror(errno));
}

// Opens connections [first, last], at most 64 handshakes in flight, and waits for every welcome.
int net_connect_all(gen *g, int first, int last, int timeout_s) {
  int64_t deadline = now_us() + (int64_t)timeout_s * 1000000;
  int next = first;
  for (;;) {
    int pending = 0, ready = 0, closed = 0;
    for (int i = first; i <= last && i < next; i++) {
      enum conn_state s = g->conns[i].state;
      if (s == C_READY) ready++; else if (s == C_CLOSED) closed++; else pending++;
    }
    if (closed) { fprintf(stderr, "gavel-load: %d connections failed to open\n", closed); return -1; }
    if (ready == last - first + 1) return 0;
    while (pending < 64 && next <= last) { start_connect(g, &g->conns[next++]); pending++; }
    if (now_us() > deadline) { fprintf(stderr, "gavel-load: connecting timed out\n"); return -1; }
    net_poll(g, 100);
  }
}
