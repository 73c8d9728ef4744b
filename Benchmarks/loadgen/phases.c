// The scenarios of issue 9 and the setup script that prepares a real committee for them.
// Setup file: sections "[start]", "[fanout]", "[rollcall]", "[burst]" run before the phase of
// that name; lines are `chair NAME ARGS`, `seat CODE NAME ARGS`, `each NAME ARGS` (the chair,
// once per seat, "$SEAT" replaced; pipelined) and `seats K NAME ARGS` (the first K seats act
// for themselves; pipelined). A leading '?' tolerates a reject.
#define _GNU_SOURCE
#include "loadgen.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int wait_all(gen *g, size_t from, int tolerate, int timeout_ms) {
  for (size_t k = from; k < g->ncmds; k++) {
    if (wait_command(g, k, timeout_ms) < 0) {
      if (g->cmds[k].status == 2 && tolerate) continue;
      fprintf(stderr, "gavel-load: setup command %zu failed (%s)\n", k,
              g->cmds[k].status == 0 ? "no answer" : "rejected");
      return -1;
    }
  }
  return 0;
}

static char *subst_seat(const char *tmpl, const char *seat) {
  static char out[2048];
  const char *m = strstr(tmpl, "$SEAT");
  if (!m) { snprintf(out, sizeof out, "%s", tmpl); return out; }
  snprintf(out, sizeof out, "%.*s%s%s", (int)(m - tmpl), tmpl, seat, m + 5);
  return out;
}

static int ready_count(gen *g);
static int all_reached(gen *g);

// Waits until every open connection has every event seen so far, so that a phase never starts
// while the server is still delivering its setup (which would be timed with the phase).
static int settle_all(gen *g, int timeout_ms) {
  g->ready = ready_count(g);
  set_target(g, g->max_seq_seen);
  int rc = wait_for(g, all_reached, timeout_ms);
  g->target_seq = 0;
  if (rc < 0) fprintf(stderr, "gavel-load: setup events did not reach every connection\n");
  return rc;
}

int run_setup(gen *g, const char *file, const char *section) {
  if (!file) return 0;
  FILE *f = fopen(file, "r");
  if (!f) die("cannot read setup file %s", file);
  char line[4096], want[64]; int in = 0;
  snprintf(want, sizeof want, "[%s]", section);
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = 0;
    if (line[0] == '[') { in = strcmp(line, want) == 0; continue; }
    if (!in || line[0] == '#' || line[0] == 0) continue;
    char *p = line; int tol = 0;
    if (*p == '?') { tol = 1; p++; }
    char verb[16], a[64], b[64]; int used = 0;
    if (sscanf(p, "%15s %n", verb, &used) != 1) continue;
    p += used;
    size_t from = g->ncmds;
    if (strcmp(verb, "chair") == 0 && sscanf(p, "%63s %n", a, &used) == 1) {
      send_command(g, 0, a, p + used);
    } else if (strcmp(verb, "seat") == 0 && sscanf(p, "%63s %63s %n", a, b, &used) == 2) {
      int i = (int)strtol(a + 1, NULL, 10);
      if (i < 1 || i > g->n) die("setup: no seat %s", a);
      send_command(g, i, b, p + used);
    } else if (strcmp(verb, "each") == 0 && sscanf(p, "%63s %n", a, &used) == 1) {
      for (int i = 1; i <= g->n; i++) send_command(g, 0, a, subst_seat(p + used, g->conns[i].seat));
    } else if (strcmp(verb, "seats") == 0 && sscanf(p, "%63s %63s %n", a, b, &used) == 2) {
      int k = atoi(a); if (k > g->n) k = g->n;
      for (int i = 1; i <= k; i++) send_command(g, i, b, subst_seat(p + used, g->conns[i].seat));
    } else {
      die("setup: cannot read line: %s", line);
    }
    if (wait_all(g, from, tol, 60000) < 0) { fclose(f); return -1; }
  }
  fclose(f);
  return settle_all(g, 60000);
}

static int ready_count(gen *g) {
  int r = 0;
  for (int i = 0; i <= g->n; i++) r += g->conns[i].state == C_READY;
  return r;
}
static int all_reached(gen *g) { return g->reached >= g->ready; }

static void begin(gen *g, phase_stats *ps, const char *name) {
  memset(ps, 0, sizeof *ps);
  ps->name = name;
  g->ready = ready_count(g);
  ps->seq0 = g->max_seq_seen + 1;
  ps->cmd0 = g->ncmds;
  g->nrec = 0; g->rec_bytes = 0; g->rec_seq0 = ps->seq0;
  g->target_seq = 0;
  for (int i = 0; i <= g->n; i++) g->conns[i].cast = 0;
  ps->cpu0 = server_cpu_ns(g); ps->gcpu0 = self_cpu_ns(); ps->spin0 = idle_spin_ns();
  ps->t0 = g->rec_t0 = now_us();
  g->recording = 1;
}

static void end(gen *g, phase_stats *ps) {
  ps->t1 = now_us();
  ps->cpu1 = server_cpu_ns(g); ps->gcpu1 = self_cpu_ns(); ps->spin1 = idle_spin_ns();
  g->recording = 0;
  ps->cmd1 = g->ncmds;
  ps->deliveries = g->nrec; ps->bytes = g->rec_bytes;
}

// Waits until every open connection has every event up to the ack of command k.
static int settle(gen *g, size_t k, int64_t deadline) {
  int left = (int)((deadline - now_us()) / 1000);
  if (left <= 0 || wait_command(g, k, left) < 0) return -1;
  set_target(g, g->cmds[k].seq);
  left = (int)((deadline - now_us()) / 1000);
  return left > 0 ? wait_for(g, all_reached, left) : -1;
}

// The chair's commands ("NAME ARGS;NAME ARGS…"), sent in turn (gaveld: speakers.next, then
// speaker.end).
typedef struct command_list { char buf[1024]; char *names[8], *args[8]; int k; } command_list;

static void parse_commands(command_list *l, const char *cmds) {
  snprintf(l->buf, sizeof l->buf, "%s", cmds);
  l->k = 0;
  for (char *save = NULL, *c = strtok_r(l->buf, ";", &save); c && l->k < 8; c = strtok_r(NULL, ";", &save)) {
    while (*c == ' ') c++;
    char *sp = strchr(c, ' ');
    l->names[l->k] = c; l->args[l->k] = "{}";
    if (sp) { *sp = 0; l->args[l->k] = sp + 1; }
    l->k++;
  }
  if (l->k == 0) die("--fanout names no command");
}

// Round r of a fan-out: the chair sends the list's next command, and the round ends when every
// connection has its event.
static int fanout_round(gen *g, const command_list *l, int r, int64_t dl) {
  return settle(g, send_command(g, 0, l->names[r % l->k], l->args[r % l->k]), dl);
}

static int fanout(gen *g, int repeat, const char *cmds, int64_t dl) {
  command_list l;
  parse_commands(&l, cmds);
  for (int r = 0; r < repeat; r++)
    if (fanout_round(g, &l, r, dl) < 0) return -1;
  return 0;
}

static int rc_finished(gen *g) {
  if (g->rc_sent < g->n) return 0;
  for (size_t k = g->ncmds; k-- > 0 && g->cmds[k].conn != 0;) if (g->cmds[k].status == 0) return 0;
  return 1;
}

static int rollcall(gen *g, const char *open, const char *close, int64_t dl) {
  char name[64]; const char *args = "{}"; int used = 0;
  g->rc_active = 1; g->rc_sent = 0; g->rc_next = 0; g->rc_next_seq = 0;
  if (sscanf(open, "%63s %n", name, &used) == 1 && open[used]) args = open + used;
  size_t k = send_command(g, 0, name, args);
  if (wait_command(g, k, 10000) < 0) { g->rc_active = 0; return -1; }
  int rc = wait_for(g, rc_finished, (int)((dl - now_us()) / 1000));
  g->rc_active = 0;
  if (rc < 0) return -1;
  args = "{}"; used = 0;
  if (sscanf(close, "%63s %n", name, &used) == 1 && close[used]) args = close + used;
  return settle(g, send_command(g, 0, name, args), dl);
}

static int burst(gen *g, const char *choice, int64_t dl) {
  char args[64]; snprintf(args, sizeof args, "{\"choice\":\"%s\"}", choice);
  size_t first = g->ncmds;
  for (int i = 1; i <= g->n; i++) send_command(g, i, "vote.cast", args);
  size_t last = 0; int64_t hi = -1;
  for (size_t k = first; k < g->ncmds; k++) {
    int left = (int)((dl - now_us()) / 1000);
    if (left <= 0) return -1;
    if (wait_command(g, k, left) == 0 && g->cmds[k].seq > hi) { hi = g->cmds[k].seq; last = k; }
  }
  if (hi < 0) return -1;
  return settle(g, last, dl);
}

static void print_lat(FILE *o, const char *key, hist *h) {
  fprintf(o, ",\"%s\":{\"n\":%llu,\"p50\":%llu,\"p99\":%llu,\"max\":%llu}", key, (unsigned long long)h->n,
          (unsigned long long)hist_pct(h, 50), (unsigned long long)hist_pct(h, 99), (unsigned long long)h->max);
}

// One JSON line of a phase's figures; `label`, when given, names the server in the line.
static void report(gen *g, phase_stats *ps, FILE *o, const char *label) {
  static hist fan, ack, first;
  memset(&fan, 0, sizeof fan); memset(&ack, 0, sizeof ack); memset(&first, 0, sizeof first);
  resolve_latency(g, ps, &fan, &ack, &first);
  int64_t last_ack = ps->t0, acked = 0, rejected = 0;
  for (size_t k = ps->cmd0; k < ps->cmd1; k++) {
    command *c = &g->cmds[k];
    if (c->status == 1) { acked++; if (c->t_done > last_ack) last_ack = c->t_done; }
    rejected += c->status == 2;
  }
  double wall = (double)(ps->t1 - ps->t0) / 1e6, ackwall = (double)(last_ack - ps->t0) / 1e6;
  double scpu = ps->cpu0 >= 0 ? (double)(ps->cpu1 - ps->cpu0) / 1e9 : -1;
  double gcpu = (double)(ps->gcpu1 - ps->gcpu0 - (ps->spin1 - ps->spin0)) / 1e9;
  if (gcpu < 0) gcpu = 0;
  if (label) fprintf(o, "{\"server\":\"%s\",", label); else fputc('{', o);
  fprintf(o, "\"scenario\":\"%s\",\"n\":%d,\"connections\":%d,\"commands\":%zu,\"acked\":%lld,"
             "\"rejected\":%lld,\"deliveries\":%llu,\"bytes_per_delivery\":%.0f,\"wall_s\":%.4f,"
             "\"deliveries_per_s\":%.0f,\"acks_per_s\":%.0f,\"server_cpu_s\":%.4f,"
             "\"server_cpu_ms_per_1k\":%.4f,\"gen_cpu_s\":%.4f,\"gen_cpu_frac\":%.3f,"
             "\"client_bound\":%s,\"capped\":%s,\"gaps\":%llu,\"closes\":%llu",
          ps->name, g->n, g->ready, ps->cmd1 - ps->cmd0, (long long)acked, (long long)rejected,
          (unsigned long long)ps->deliveries, ps->deliveries ? (double)ps->bytes / (double)ps->deliveries : 0,
          wall, wall > 0 ? (double)ps->deliveries / wall : 0, ackwall > 0 ? (double)acked / ackwall : 0,
          scpu, ps->deliveries && scpu >= 0 ? scpu * 1e6 / (double)ps->deliveries : -1, gcpu,
          wall > 0 ? gcpu / wall : 0, wall > 0 && gcpu / wall > 0.9 ? "true" : "false",
          ps->capped ? "true" : "false", (unsigned long long)g->gaps, (unsigned long long)g->closes);
  print_lat(o, "fanout_us", &fan);
  print_lat(o, "ack_us", &ack);
  print_lat(o, "first_us", &first);
  fprintf(o, "}\n");
  fflush(o);
}

int run_scenario(gen *g, const char *name, const scenario_opts *so, FILE *out) {
  phase_stats ps;
  if (run_setup(g, so->setup, name) < 0) return -1;
  int cap = strcmp(name, "rollcall") == 0 && so->rc_cap_s > 0 ? so->rc_cap_s : so->cap_s;
  int64_t dl = now_us() + (int64_t)cap * 1000000;
  begin(g, &ps, name);
  int rc = -1;
  if (strcmp(name, "fanout") == 0) rc = fanout(g, so->repeat, so->fanout, dl);
  else if (strcmp(name, "rollcall") == 0) rc = rollcall(g, so->rollcall_open, so->rollcall_close, dl);
  else if (strcmp(name, "burst") == 0) rc = burst(g, so->choice, dl);
  else die("unknown scenario %s", name);
  end(g, &ps);
  ps.capped = rc < 0;
  if (rc < 0) fprintf(stderr, "gavel-load: %s did not complete within %d s; figures are partial\n", name, cap);
  report(g, &ps, out, NULL);
  return 0;
}

// Fan-out on two servers up at once, rounds alternating between them (a, b, b, a, a, b, …), each
// server `repeat` rounds: a slow spell of the machine then falls on both servers' rounds alike
// instead of on one server's whole phase (method.md). The idle server's connections are not
// polled while the other's round runs; nothing is sent to them meanwhile.
int run_paired_fanout(gen *a, gen *b, const scenario_opts *so, FILE *out) {
  phase_stats pa, pb;
  if (run_setup(a, so->setup, "fanout") < 0) return -1;
  command_list la, lb;
  parse_commands(&la, so->fanout);
  parse_commands(&lb, so->pair_fanout ? so->pair_fanout : so->fanout);
  int64_t dl = now_us() + (int64_t)so->cap_s * 2 * 1000000;
  begin(a, &pa, "fanout-paired");
  begin(b, &pb, "fanout-paired");
  int rc = 0;
  for (int r = 0; r < 2 * so->repeat && rc == 0; r++) {
    int on_a = ((r + 1) / 2) % 2 == 0;
    rc = fanout_round(on_a ? a : b, on_a ? &la : &lb, r / 2, dl);
  }
  end(a, &pa); end(b, &pb);
  pa.capped = pb.capped = rc < 0;
  if (rc < 0) fprintf(stderr, "gavel-load: fanout-paired did not complete within %d s; figures are partial\n", 2 * so->cap_s);
  report(a, &pa, out, NULL);
  report(b, &pb, out, so->pair_label ? so->pair_label : "pair");
  return 0;
}
