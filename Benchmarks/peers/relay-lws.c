// The C peer: a minimal broadcast relay on Debian's libwebsockets, the transport's own limit.
// Same message pattern as gaveld: a command frame in, one event frame to every connection (encoded
// once, shared through a ring), then an ack to the sender after that event. Nothing is
// authenticated or persisted. One lws_write per WRITEABLE callback; a connection that falls a
// whole ring behind is dropped, as gaveld drops slow consumers.
// Run: relay-lws PORT
#define _GNU_SOURCE
#include <libwebsockets.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#define RING 65536
#define MAX_MSG 65536

typedef struct msg { size_t len; unsigned char *buf; } msg;  // buf has LWS_PRE headroom
typedef struct priv { struct priv *next; uint64_t after; size_t len; unsigned char buf[]; } priv;
typedef struct pss {
  uint64_t tail;                 // next ring message to send
  priv *ph, *pt;                 // this connection's own frames (welcome, acks)
  char *rx; size_t rxlen, rxcap; // a command being reassembled
} pss;

static msg ring[RING];
static uint64_t head;            // messages broadcast so far == the last seq
static volatile int stop;

static priv *new_priv(uint64_t after, const char *s, size_t n) {
  priv *p = malloc(sizeof *p + LWS_PRE + n);
  p->next = NULL; p->after = after; p->len = n;
  memcpy(p->buf + LWS_PRE, s, n);
  return p;
}

static void push_priv(struct lws *wsi, pss *ps, priv *p) {
  if (ps->pt) ps->pt->next = p; else ps->ph = p;
  ps->pt = p;
  lws_callback_on_writable(wsi);
}

// The raw text of a top-level member: a string's contents (no quotes) or an object.
static int member(const char *s, size_t n, const char *key, const char **v, size_t *vl) {
  char pat[32]; int pl = snprintf(pat, sizeof pat, "\"%s\":", key);
  const char *m = memmem(s, n, pat, (size_t)pl);
  if (!m) return 0;
  const char *p = m + pl, *e = s + n;
  if (p < e && *p == '"') {
    const char *q = ++p;
    while (q < e && *q != '"') q += *q == '\\' ? 2 : 1;
    *v = p; *vl = (size_t)(q - p); return 1;
  }
  if (p < e && *p == '{') {
    int depth = 0; const char *q = p;
    for (; q < e; q++) {
      if (*q == '"') { for (q++; q < e && *q != '"'; q += *q == '\\' ? 2 : 1) {} continue; }
      if (*q == '{') depth++;
      else if (*q == '}' && --depth == 0) { q++; break; }
    }
    *v = p; *vl = (size_t)(q - p); return 1;
  }
  return 0;
}

static long long now_ms(void) {
  struct timeval tv; gettimeofday(&tv, NULL);
  return (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

static void on_frame(struct lws *wsi, pss *ps, const char *s, size_t n) {
  const char *type, *id, *name, *args; size_t tl, il, nl, al;
  char out[MAX_MSG + 512];
  if (!member(s, n, "type", &type, &tl)) return;
  if (tl == 5 && memcmp(type, "hello", 5) == 0) {
    int k = snprintf(out, sizeof out, "{\"type\":\"welcome\",\"protocol\":1,\"committee\":\"bench\",\"seq\":%llu,\"resumed\":false}",
                     (unsigned long long)head);
    ps->tail = head;  // the welcome's seq covers every earlier event
    push_priv(wsi, ps, new_priv(0, out, (size_t)k));
    return;
  }
  if (tl != 7 || memcmp(type, "command", 7) != 0) return;
  if (!member(s, n, "id", &id, &il) || !member(s, n, "name", &name, &nl)) return;
  if (!member(s, n, "args", &args, &al)) { args = "{}"; al = 2; }
  uint64_t seq = head + 1;
  int k = snprintf(out, sizeof out,
                   "{\"type\":\"event\",\"seq\":%llu,\"at\":%lld,\"name\":\"%.*s\",\"data\":%.*s,\"patch\":[{\"op\":\"replace\","
                   "\"path\":\"/last\",\"value\":{\"id\":\"%.*s\",\"name\":\"%.*s\",\"args\":%.*s}}]}",
                   (unsigned long long)seq, now_ms(), (int)nl, name, (int)al, args, (int)il, id, (int)nl, name, (int)al, args);
  msg *m = &ring[head % RING];
  free(m->buf);
  m->buf = malloc(LWS_PRE + (size_t)k);
  memcpy(m->buf + LWS_PRE, out, (size_t)k);
  m->len = (size_t)k;
  head = seq;
  k = snprintf(out, sizeof out, "{\"type\":\"ack\",\"id\":\"%.*s\",\"seq\":%llu}", (int)il, id, (unsigned long long)seq);
  push_priv(wsi, ps, new_priv(seq, out, (size_t)k));
  lws_callback_on_writable_all_protocol(lws_get_context(wsi), lws_get_protocol(wsi));
}

static int writeable(struct lws *wsi, pss *ps) {
  if (head - ps->tail > RING) return -1;  // fell a whole ring behind: drop it
  unsigned char *p; size_t n;
  if (ps->ph && ps->ph->after <= ps->tail) {
    priv *q = ps->ph;
    if (lws_write(wsi, q->buf + LWS_PRE, q->len, LWS_WRITE_TEXT) < (int)q->len) return -1;
    ps->ph = q->next; if (!ps->ph) ps->pt = NULL;
    free(q);
  } else if (ps->tail < head) {
    msg *m = &ring[ps->tail % RING];
    p = m->buf + LWS_PRE; n = m->len;
    if (lws_write(wsi, p, n, LWS_WRITE_TEXT) < (int)n) return -1;
    ps->tail++;
  }
  if (ps->tail < head || ps->ph) lws_callback_on_writable(wsi);
  return 0;
}

static int callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len) {
  pss *ps = user;
  switch (reason) {
  case LWS_CALLBACK_ESTABLISHED:
    memset(ps, 0, sizeof *ps);
    ps->tail = head;
    return 0;
  case LWS_CALLBACK_CLOSED:
    for (priv *q = ps->ph, *nx; q; q = nx) { nx = q->next; free(q); }
    free(ps->rx);
    return 0;
  case LWS_CALLBACK_RECEIVE:
    if (ps->rxlen + len > MAX_MSG) return -1;
    if (ps->rxlen + len > ps->rxcap) { ps->rxcap = ps->rxlen + len + 1024; ps->rx = realloc(ps->rx, ps->rxcap); }
    memcpy(ps->rx + ps->rxlen, in, len); ps->rxlen += len;
    if (lws_is_final_fragment(wsi) && lws_remaining_packet_payload(wsi) == 0) {
      on_frame(wsi, ps, ps->rx, ps->rxlen);
      ps->rxlen = 0;
    }
    return 0;
  case LWS_CALLBACK_SERVER_WRITEABLE:
    return writeable(wsi, ps);
  default:
    return lws_callback_http_dummy(wsi, reason, user, in, len);
  }
}

static void on_signal(int s) { (void)s; stop = 1; }

int main(int argc, char **argv) {
  struct lws_protocols protocols[] = {
      {"gavel-relay", callback, sizeof(pss), 4096, 0, NULL, 0},
      {NULL, NULL, 0, 0, 0, NULL, 0}};
  struct lws_context_creation_info info;
  memset(&info, 0, sizeof info);
  info.port = argc > 1 ? atoi(argv[1]) : 0;
  info.iface = "127.0.0.1";
  info.protocols = protocols;
  info.options = LWS_SERVER_OPTION_FAIL_UPON_UNABLE_TO_BIND | LWS_SERVER_OPTION_DISABLE_IPV6;
  lws_set_log_level(LLL_ERR, NULL);
  signal(SIGTERM, on_signal); signal(SIGINT, on_signal);
  struct lws_context *ctx = lws_create_context(&info);
  if (!ctx) { fprintf(stderr, "relay-lws: cannot listen on port %d\n", info.port); return 2; }
  struct lws_vhost *vh = lws_get_vhost_by_name(ctx, "default");
  printf("relay listening on http://127.0.0.1:%d\n", vh ? lws_get_vhost_listen_port(vh) : info.port);
  fflush(stdout);
  while (!stop && lws_service(ctx, 0) >= 0) {}
  lws_context_destroy(ctx);
  return 0;
}
