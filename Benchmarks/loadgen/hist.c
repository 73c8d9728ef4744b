// Latency histograms (log-linear, 1 µs exact below 1 ms, ≤ 0.2 % error above) and the
// attribution of each logged receipt to the command that produced its event: the command
// with the smallest ack.seq ≥ the event's seq (acks carry the seq of the command's last event).
#include "loadgen.h"
#include <stdlib.h>
#include <string.h>

static size_t bucket(uint64_t v) {
  if (v < 1024) return (size_t)v;
  int msb = 63 - __builtin_clzll(v);
  int shift = msb - 9;
  size_t i = 1024 + (size_t)(shift - 1) * 512 + (size_t)((v >> shift) - 512);
  return i < 12288 ? i : 12287;
}

static uint64_t bucket_value(size_t i) {
  if (i < 1024) return i;
  size_t shift = (i - 1024) / 512 + 1, m = (i - 1024) % 512 + 512;
  return ((uint64_t)m << shift) + ((uint64_t)1 << (shift - 1));  // the bucket's midpoint
}

void hist_add(hist *h, uint64_t v) {
  h->b[bucket(v)]++; h->n++;
  if (v > h->max) h->max = v;
}

uint64_t hist_pct(const hist *h, double p) {
  if (h->n == 0) return 0;
  uint64_t want = (uint64_t)(p / 100.0 * (double)h->n + 0.5);
  if (want < 1) want = 1;
  uint64_t seen = 0;
  for (size_t i = 0; i < 12288; i++) {
    seen += h->b[i];
    if (seen >= want) { uint64_t v = bucket_value(i); return v > h->max ? h->max : v; }
  }
  return h->max;
}

void resolve_latency(gen *g, phase_stats *ps, hist *fan, hist *ack, hist *first) {
  int64_t hi = -1;
  for (size_t k = ps->cmd0; k < ps->cmd1; k++) {
    command *c = &g->cmds[k];
    if (c->status != 0) hist_add(ack, (uint64_t)(c->t_done - c->t_send));
    if (c->status == 1 && c->seq > hi) hi = c->seq;
  }
  if (hi < ps->seq0) return;
  // owner[s] = the command whose events include seq0 + s
  size_t range = (size_t)(hi - ps->seq0 + 1);
  int64_t *owner = malloc(range * sizeof *owner);
  for (size_t s = 0; s < range; s++) owner[s] = -1;
  for (size_t k = ps->cmd0; k < ps->cmd1; k++) {
    command *c = &g->cmds[k];
    if (c->status == 1 && c->seq >= ps->seq0 && owner[c->seq - ps->seq0] < 0)
      owner[c->seq - ps->seq0] = (int64_t)k;  // a no-op command acks an earlier seq
  }
  for (size_t s = range; s-- > 0;)  // an event belongs to the next ack at or after it
    if (owner[s] < 0 && s + 1 < range) owner[s] = owner[s + 1];
  // earliest/latest[k - cmd0] = the first and last receipt of command k's events (-1: none)
  size_t ncmd = ps->cmd1 - ps->cmd0;
  int64_t *earliest = malloc((ncmd ? ncmd : 1) * sizeof *earliest);
  int64_t *latest = malloc((ncmd ? ncmd : 1) * sizeof *latest);
  for (size_t k = 0; k < ncmd; k++) earliest[k] = latest[k] = -1;
  for (size_t i = 0; i < g->nrec; i++) {
    receipt r = g->rec[i];
    if (r.seq_off >= range || owner[r.seq_off] < 0) continue;
    int64_t t = g->rec_t0 + r.t_off;
    int64_t lat = t - g->cmds[owner[r.seq_off]].t_send;
    if (lat < 0) lat = 0;
    hist_add(fan, (uint64_t)lat);
    size_t k = (size_t)owner[r.seq_off] - ps->cmd0;
    if (earliest[k] < 0 || lat < earliest[k]) earliest[k] = lat;
    if (lat > latest[k]) latest[k] = lat;
  }
  int rounds = getenv("GAVEL_LOAD_ROUNDS") != NULL;  // one stderr line per command, for diagnosis
  for (size_t k = 0; k < ncmd; k++) {
    if (earliest[k] < 0) continue;
    hist_add(first, (uint64_t)earliest[k]);
    if (rounds) fprintf(stderr, "round port=%d command=%zu first_us=%lld last_us=%lld\n", g->port, k,
                        (long long)earliest[k], (long long)latest[k]);
  }
  free(earliest);
  free(latest);
  free(owner);
}
