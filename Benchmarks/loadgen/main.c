// gavel-load's command line: opens the chair's connection, runs the [start] setup, opens one
// connection per seat (measuring the server's RSS per idle connection), then runs each scenario
// and prints one JSON line per scenario on stdout. With --pair-port it also holds N + 1
// connections to a second server (a peer relay) for the fanout-paired scenario.
#define _GNU_SOURCE
#include "loadgen.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static void usage(void) {
  fprintf(stderr,
          "usage: gavel-load --port P --n N [--host 127.0.0.1] [--path /ws] [--mode relay|gaveld]\n"
          "  [--committee ID] [--tokens FILE (lines: CODE TOKEN; 'chair TOKEN' first)] [--server-pid PID]\n"
          "  [--scenarios idle,fanout,rollcall,burst] [--repeat R] [--cap SECONDS] [--rollcall-cap SECONDS] [--setup FILE]\n"
          "  [--fanout 'NAME ARGS[;NAME ARGS…]'] [--rollcall-open 'NAME ARGS'] [--rollcall-close 'NAME ARGS'] [--choice yes]\n"
          "  [--pair-port P --pair-pid PID [--pair-label LABEL] [--pair-fanout 'NAME ARGS;…']]\n"
          "  (a peer relay alongside, for --scenarios fanout-paired)\n");
  exit(2);
}

static void load_tokens(gen *g, const char *file) {
  for (int i = 0; i <= g->n; i++) {
    if (i == 0) snprintf(g->conns[i].seat, sizeof g->conns[i].seat, "chair");
    else snprintf(g->conns[i].seat, sizeof g->conns[i].seat, "S%04d", i);
    snprintf(g->conns[i].token, sizeof g->conns[i].token, "bench");
  }
  if (!file) return;
  FILE *f = fopen(file, "r");
  if (!f) die("cannot read tokens file %s", file);
  char code[32], tok[96];
  while (fscanf(f, "%31s %95s", code, tok) == 2) {
    int i = strcmp(code, "chair") == 0 ? 0 : (int)strtol(code + 1, NULL, 10);
    if (i < 0 || i > g->n) continue;
    snprintf(g->conns[i].token, sizeof g->conns[i].token, "%s", tok);
  }
  fclose(f);
}

static void idle_report(gen *g, long rss0, double connect_s) {
  int64_t until = now_us() + 1000000;  // let the server settle before reading its RSS
  while (now_us() < until) net_poll(g, 50);
  long rss1 = server_rss_kb(g);
  struct rusage ru; getrusage(RUSAGE_SELF, &ru);
  printf("{\"scenario\":\"idle\",\"n\":%d,\"connections\":%d,\"connect_s\":%.3f,\"rss_base_kb\":%ld,"
         "\"rss_kb\":%ld,\"rss_per_conn_bytes\":%.0f,\"gen_maxrss_kb\":%ld,\"closes\":%llu}\n",
         g->n, g->n + 1, connect_s, rss0, rss1, g->n ? (double)(rss1 - rss0) * 1024.0 / g->n : 0,
         ru.ru_maxrss, (unsigned long long)g->closes);
  fflush(stdout);
}

// Allocates g's connections (tokens from `tokens`, or none) and its epoll.
static void gen_init(gen *g, const char *tokens) {
  snprintf(g->nonce, sizeof g->nonce, "%lx", (unsigned long)(time(NULL) ^ getpid() ^ (g->port << 8)) & 0xffffff);
  g->conns = calloc((size_t)g->n + 1, sizeof *g->conns);
  for (int i = 0; i <= g->n; i++) { g->conns[i].idx = i; g->conns[i].fd = -1; g->conns[i].last_seq = -1; }
  load_tokens(g, tokens);
  g->ep = epoll_create1(0);
}

// Opens the chair's connection, runs the [start] setup, then opens every seat's connection;
// returns the seconds that took and sets *rss0 to the server's RSS before the seats joined.
static double gen_open(gen *g, const char *setup, long *rss0) {
  if (net_connect_all(g, 0, 0, 30) < 0) die("the chair could not connect");
  if (run_setup(g, setup, "start") < 0) die("setup [start] failed");
  *rss0 = server_rss_kb(g);
  if (strcmp(g->mode, "gaveld") == 0) g->hello_after = g->max_seq_seen;
  int64_t t0 = now_us();
  if (net_connect_all(g, 1, g->n, 300) < 0) die("could not open %d connections", g->n);
  return (double)(now_us() - t0) / 1e6;
}

int main(int argc, char **argv) {
  gen g = {.host = "127.0.0.1", .path = "/ws", .mode = "relay", .committee = "bench", .n = 100};
  gen pair = {.mode = "relay"};
  scenario_opts so = {.repeat = 50, .cap_s = 60, .fanout = "speakers.next {}",
                      .rollcall_open = "vote.open {}", .rollcall_close = "vote.close {}", .choice = "yes"};
  const char *tokens = NULL, *scenarios = "idle,fanout,rollcall,burst";
  static struct option opts[] = {
      {"host", 1, 0, 'h'}, {"port", 1, 0, 'p'}, {"path", 1, 0, 'P'}, {"mode", 1, 0, 'm'},
      {"committee", 1, 0, 'c'}, {"n", 1, 0, 'n'}, {"tokens", 1, 0, 't'}, {"server-pid", 1, 0, 's'},
      {"scenarios", 1, 0, 'S'}, {"repeat", 1, 0, 'r'}, {"cap", 1, 0, 'C'}, {"setup", 1, 0, 'u'},
      {"fanout", 1, 0, 'f'}, {"rollcall-open", 1, 0, 'o'}, {"rollcall-close", 1, 0, 'x'},
      {"choice", 1, 0, 'v'}, {"rollcall-cap", 1, 0, 'R'}, {"pair-port", 1, 0, 'q'},
      {"pair-pid", 1, 0, 'Q'}, {"pair-label", 1, 0, 'L'}, {"pair-fanout", 1, 0, 'F'}, {0, 0, 0, 0}};
  int ch;
  while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
    switch (ch) {
    case 'h': g.host = optarg; break;
    case 'p': g.port = atoi(optarg); break;
    case 'P': g.path = optarg; break;
    case 'm': g.mode = optarg; break;
    case 'c': g.committee = optarg; break;
    case 'n': g.n = atoi(optarg); break;
    case 't': tokens = optarg; break;
    case 's': g.server_pid = atoi(optarg); break;
    case 'S': scenarios = optarg; break;
    case 'r': so.repeat = atoi(optarg); break;
    case 'C': so.cap_s = atoi(optarg); break;
    case 'u': so.setup = optarg; break;
    case 'f': so.fanout = optarg; break;
    case 'o': so.rollcall_open = optarg; break;
    case 'x': so.rollcall_close = optarg; break;
    case 'v': so.choice = optarg; break;
    case 'R': so.rc_cap_s = atoi(optarg); break;
    case 'q': pair.port = atoi(optarg); break;
    case 'Q': pair.server_pid = atoi(optarg); break;
    case 'L': so.pair_label = optarg; break;
    case 'F': so.pair_fanout = optarg; break;
    default: usage();
    }
  }
  if (g.port <= 0 || g.n <= 0) usage();
  g.vote_choice = so.choice;
  gen_init(&g, tokens);
  long rss0;
  double connect_s = gen_open(&g, so.setup, &rss0);
  if (pair.port > 0) {  // a relay: the same N, host and path; no tokens, no setup
    pair.host = g.host; pair.path = g.path; pair.committee = g.committee; pair.n = g.n;
    pair.vote_choice = so.choice;
    gen_init(&pair, NULL);
    long pair_rss0;
    gen_open(&pair, NULL, &pair_rss0);
  }

  char *list = strdup(scenarios);
  for (char *s = strtok(list, ","); s; s = strtok(NULL, ",")) {
    if (strcmp(s, "idle") == 0) idle_report(&g, rss0, connect_s);
    else if (strcmp(s, "fanout-paired") == 0) {
      if (pair.port <= 0) die("fanout-paired needs --pair-port and --pair-pid");
      if (run_paired_fanout(&g, &pair, &so, stdout) < 0) die("scenario %s failed", s);
    }
    else if (run_scenario(&g, s, &so, stdout) < 0) die("scenario %s failed", s);
  }
  return 0;
}
