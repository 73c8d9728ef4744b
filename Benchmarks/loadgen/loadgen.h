// gavel-load: a one-thread epoll WebSocket load generator for Gavel and its peer relays.
// Owns the measurement contract of docs/benchmarks.md: every figure is computed here from
// timestamps taken on this thread, so every server is measured by the same code.
#ifndef GAVEL_LOADGEN_H
#define GAVEL_LOADGEN_H
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum conn_state { C_CONNECTING, C_HANDSHAKE, C_HELLO, C_READY, C_CLOSED };

typedef struct conn {
  int fd, idx;              // idx 0 is the chair; 1..N are the seats
  enum conn_state state;
  char *rbuf; size_t rlen, rcap;   // bytes read, not yet parsed
  char *wbuf; size_t wlen, woff, wcap;  // bytes to write (commands, pongs)
  char *msg; size_t mlen, mcap;    // a fragmented message being reassembled
  int64_t last_seq;         // last event seq applied; gaps are counted
  int cast;                 // the seat's ballot was sent in the current phase
  char seat[16];
  char token[96];
} conn;

// One command sent by the generator; its id is "k<nonce>-<index>".
typedef struct command {
  int64_t t_send, t_done;   // microseconds, monotonic
  int64_t seq;              // ack.seq, or -1
  int conn;
  int status;               // 0 pending, 1 ack, 2 reject
} command;

// A receipt of an event frame at one client: the raw material of the fan-out figures.
typedef struct receipt { uint32_t seq_off, t_off; } receipt;

typedef struct hist { uint64_t n, max; uint64_t b[12288]; } hist;

typedef struct phase_stats {
  const char *name;
  int64_t t0, t1;           // first send, last expected receipt (us)
  int64_t cpu0, cpu1, gcpu0, gcpu1;  // server and generator CPU (ns)
  int64_t spin0, spin1;              // the generator's idle spinning (ns), not counted as busy
  int64_t seq0;
  size_t cmd0, cmd1;        // commands of this phase: [cmd0, cmd1)
  uint64_t deliveries, bytes;
  int capped;
} phase_stats;

typedef struct gen {
  const char *host; int port; const char *path;
  const char *mode;         // "gaveld" or "relay"
  const char *committee;
  int n;                    // seats (delegate connections)
  conn *conns;              // n + 1
  int ep;
  pid_t server_pid;
  // commands
  command *cmds; size_t ncmds, capcmds;
  char nonce[16];
  // fan-out bookkeeping
  int64_t target_seq; int reached;  // connections whose last_seq >= target_seq
  int ready;                 // connections open when the phase began: all must reach the target
  int64_t max_seq_seen;
  int64_t hello_after;       // resume from this seq (no state in the welcome) when > 0
  receipt *rec; size_t nrec, caprec; int recording; int64_t rec_seq0, rec_t0;
  uint64_t rec_bytes;
  uint64_t gaps, closes, rejects;
  // roll call
  int rc_active, rc_next; int64_t rc_next_seq; int rc_done; int rc_sent;
  const char *vote_choice;
} gen;

// time and CPU
int64_t now_us(void);
int64_t now_ns(void);
int64_t idle_spin_ns(void);  // time spent polling without finding anything (wait_for)
int64_t server_cpu_ns(gen *g);
int64_t self_cpu_ns(void);
long server_rss_kb(gen *g);

// net.c
int net_connect_all(gen *g, int first, int last, int timeout_s);
int net_poll(gen *g, int timeout_ms);
int net_send_text(gen *g, conn *c, const char *s, size_t len);
size_t send_command(gen *g, int ci, const char *name, const char *args_json);

// scan.c: top-level fields of one JSON object frame
typedef struct frame_view {
  const char *type; size_t type_len;
  int64_t seq; int has_seq;
  const char *id; size_t id_len;
  const char *code; size_t code_len;
  const char *message; size_t message_len;
} frame_view;
void scan_frame(const char *p, size_t n, frame_view *v);
int find_next_seat(const char *p, size_t n, char *out, size_t cap);

// driver.c: what the loop does with a received message
void on_message(gen *g, conn *c, const char *p, size_t n, int64_t t);
void set_target(gen *g, int64_t seq);
int wait_for(gen *g, int (*done)(gen *), int timeout_ms);
int wait_command(gen *g, size_t k, int timeout_ms);

// hist.c
void hist_add(hist *h, uint64_t v);
uint64_t hist_pct(const hist *h, double p);
void resolve_latency(gen *g, phase_stats *ps, hist *fan, hist *ack, hist *first);

// phases.c
#include <stdio.h>
typedef struct scenario_opts {
  const char *setup;                          // setup file (sections per phase), or NULL
  int repeat, cap_s, rc_cap_s;                // fan-out rounds; time cap per phase (roll call's own)
  const char *fanout;                         // the chair's commands fanned out, "NAME ARGS;…"
  const char *pair_label;                     // fanout-paired: the second server's label
  const char *pair_fanout;                    // fanout-paired: the second server's commands
  const char *rollcall_open, *rollcall_close; // "NAME ARGS" lines of the chair
  const char *choice;                         // every ballot's choice
} scenario_opts;
int run_setup(gen *g, const char *file, const char *section);
int run_scenario(gen *g, const char *name, const scenario_opts *so, FILE *out);
int run_paired_fanout(gen *a, gen *b, const scenario_opts *so, FILE *out);

void die(const char *fmt, ...);
#endif
