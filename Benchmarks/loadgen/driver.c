// What the generator does with each server frame: welcomes open connections, events advance
// each connection's seq (gaps are counted, receipts are logged while a phase records), acks and
// rejects close commands, and roll-call turns trigger the next seat's ballot.
#define _GNU_SOURCE
#include "loadgen.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void die(const char *fmt, ...) {
  va_list ap; va_start(ap, fmt);
  fprintf(stderr, "gavel-load: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n");
  va_end(ap);
  exit(1);
}

int64_t now_ns(void) {
  struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t now_us(void) { return now_ns() / 1000; }

int64_t self_cpu_ns(void) {
  struct timespec ts; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

// The server's CPU time (all its threads), read through its process CPU-time clock.
int64_t server_cpu_ns(gen *g) {
  clockid_t cid; struct timespec ts;
  if (g->server_pid <= 0 || clock_getcpuclockid(g->server_pid, &cid) != 0) return -1;
  if (clock_gettime(cid, &ts) != 0) return -1;
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

long server_rss_kb(gen *g) {
  char path[64], line[256]; long kb = -1;
  snprintf(path, sizeof path, "/proc/%d/status", (int)g->server_pid);
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  while (fgets(line, sizeof line, f))
    if (strncmp(line, "VmRSS:", 6) == 0) { kb = strtol(line + 6, NULL, 10); break; }
  fclose(f);
  return kb;
}

size_t send_command(gen *g, int ci, const char *name, const char *args_json) {
  if (g->ncmds == g->capcmds) {
    g->capcmds = g->capcmds ? g->capcmds * 2 : 1024;
    g->cmds = realloc(g->cmds, g->capcmds * sizeof *g->cmds);
    if (!g->cmds) die("out of memory");
  }
  size_t k = g->ncmds++;
  command *cmd = &g->cmds[k];
  memset(cmd, 0, sizeof *cmd);
  cmd->seq = -1; cmd->conn = ci;
  size_t al = strlen(args_json);
  char stackbuf[1024]; char *buf = stackbuf; size_t cap = al + 256;
  if (cap > sizeof stackbuf) buf = malloc(cap);
  int n = snprintf(buf, cap, "{\"type\":\"command\",\"id\":\"k%s-%zu\",\"name\":\"%s\",\"args\":%s}",
                   g->nonce, k, name, args_json);
  cmd->t_send = now_us();
  net_send_text(g, &g->conns[ci], buf, (size_t)n);
  if (buf != stackbuf) free(buf);
  return k;
}

void set_target(gen *g, int64_t seq) {
  g->target_seq = seq; g->reached = 0;
  for (int i = 0; i <= g->n; i++)
    if (g->conns[i].state == C_READY && g->conns[i].last_seq >= seq) g->reached++;
}

static void rc_maybe_cast(gen *g) {
  if (!g->rc_active || g->rc_next <= 0 || g->rc_next > g->n) return;
  conn *c = &g->conns[g->rc_next];
  if (c->cast || c->last_seq < g->rc_next_seq) return;
  c->cast = 1; g->rc_sent++;
  char args[64]; snprintf(args, sizeof args, "{\"choice\":\"%s\"}", g->vote_choice);
  send_command(g, c->idx, "vote.cast", args);
}

static void rc_on_new_event(gen *g, const char *p, size_t n, int64_t seq) {
  if (strcmp(g->mode, "gaveld") == 0) {
    char seat[16];
    if (!find_next_seat(p, n, seat, sizeof seat)) return;
    g->rc_next = (int)strtol(seat + 1, NULL, 10);  // seat codes are S0001…SNNNN
  } else {
    g->rc_next = g->rc_sent + 1;  // peers have no rules: the roll is called in seat order
  }
  g->rc_next_seq = seq;
  rc_maybe_cast(g);
}

static void on_event(gen *g, conn *c, const char *p, size_t n, const frame_view *v, int64_t t) {
  if (c->last_seq >= 0 && v->seq != c->last_seq + 1) g->gaps++;
  int64_t before = c->last_seq;
  c->last_seq = v->seq;
  if (g->recording) {
    g->rec_bytes += n;
    if (g->nrec == g->caprec) {
      g->caprec = g->caprec ? g->caprec * 2 : 1 << 20;
      g->rec = realloc(g->rec, g->caprec * sizeof *g->rec);
      if (!g->rec) die("out of memory for receipts");
    }
    g->rec[g->nrec++] = (receipt){(uint32_t)(v->seq - g->rec_seq0), (uint32_t)(t - g->rec_t0)};
    if (g->nrec <= 3 && getenv("GAVEL_LOAD_DUMP"))  // a sample of each phase's events, for docs
      fprintf(stderr, "event sample: %.*s\n", (int)n, p);
  }
  if (g->target_seq > 0 && before < g->target_seq && v->seq >= g->target_seq) g->reached++;
  if (v->seq > g->max_seq_seen) {
    g->max_seq_seen = v->seq;
    if (g->rc_active) rc_on_new_event(g, p, n, v->seq);
  } else if (g->rc_active && c->idx == g->rc_next) {
    rc_maybe_cast(g);
  }
}

static size_t command_index(gen *g, const frame_view *v) {
  size_t nl = strlen(g->nonce);
  if (v->id_len < nl + 3 || v->id[0] != 'k' || memcmp(v->id + 1, g->nonce, nl) != 0) return (size_t)-1;
  size_t k = 0;
  for (size_t i = nl + 2; i < v->id_len; i++) k = k * 10 + (size_t)(v->id[i] - '0');
  return k < g->ncmds ? k : (size_t)-1;
}

void on_message(gen *g, conn *c, const char *p, size_t n, int64_t t) {
  frame_view v;
  scan_frame(p, n, &v);
  if (v.type_len == 5 && memcmp(v.type, "event", 5) == 0) { on_event(g, c, p, n, &v, t); return; }
  if ((v.type_len == 3 && memcmp(v.type, "ack", 3) == 0) ||
      (v.type_len == 6 && memcmp(v.type, "reject", 6) == 0)) {
    size_t k = command_index(g, &v);
    if (k == (size_t)-1) return;
    command *cmd = &g->cmds[k];
    cmd->t_done = t;
    if (v.type[0] == 'a') { cmd->status = 1; cmd->seq = v.seq; return; }
    cmd->status = 2;
    if (g->rejects++ < 5)
      fprintf(stderr, "gavel-load: command %zu rejected: %.*s: %.*s\n", k, (int)v.code_len, v.code,
              (int)v.message_len, v.message);
    return;
  }
  if (v.type_len == 7 && memcmp(v.type, "welcome", 7) == 0) {
    c->state = C_READY;
    c->last_seq = v.has_seq ? v.seq : 0;
    if (c->last_seq > g->max_seq_seen) g->max_seq_seen = c->last_seq;
    return;
  }
  fprintf(stderr, "gavel-load: unexpected frame on connection %d: %.*s\n", c->idx, (int)(n > 200 ? 200 : n), p);
}

// Waiting polls without sleeping for up to SPIN_US after the last event, then sleeps in
// epoll_wait. On loopback the server's sending thread pays for waking a sleeping reader
// (sock_def_readable → try_to_wake_up → an IPI to this core) — a cost a real client machine
// bears itself — and a sender slower by a little makes the reader sleep more often, so a
// sleeping generator magnifies small differences between servers. Polls that find nothing are
// counted (idle_spin_ns, for the whole process: a paired run waits on two servers) and left out
// of the generator's CPU for the client-bound flag.
#define SPIN_US 2000
static int64_t spin_ns;
int64_t idle_spin_ns(void) { return spin_ns; }

int wait_for(gen *g, int (*done)(gen *), int timeout_ms) {
  int64_t deadline = now_ns() + (int64_t)timeout_ms * 1000000;
  int64_t last = now_ns(), idle_since = -1;
  while (!done(g)) {
    int64_t t = now_ns();
    if (t > deadline) return -1;
    if (t - last < SPIN_US * 1000) {
      if (net_poll(g, 0) > 0) {
        last = now_ns();
        if (idle_since >= 0) spin_ns += t - idle_since;  // the empty polls before this one
        idle_since = -1;
      } else if (idle_since < 0) {
        idle_since = t;
      }
    } else {
      if (idle_since >= 0) spin_ns += t - idle_since;
      idle_since = -1;
      if (net_poll(g, 20) > 0) last = now_ns();
    }
  }
  if (idle_since >= 0) spin_ns += now_ns() - idle_since;
  return 0;
}

static size_t waited_cmd;
static int cmd_done(gen *g) { return g->cmds[waited_cmd].status != 0; }

int wait_command(gen *g, size_t k, int timeout_ms) {
  waited_cmd = k;
  if (wait_for(g, cmd_done, timeout_ms) < 0) return -1;
  return g->cmds[k].status == 1 ? 0 : -1;
}
