// Reads the few top-level fields the generator needs (type, seq, id, code, message) from one
// server frame, whatever the key order, skipping nested values without building a tree.
#define _GNU_SOURCE
#include "loadgen.h"
#include <string.h>

static const char *skip_ws(const char *p, const char *e) {
  while (p < e && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++;
  return p;
}

static const char *skip_string(const char *p, const char *e) {  // p at the opening quote
  for (p++; p < e; p++) {
    if (*p == '\\') { p++; continue; }
    if (*p == '"') return p + 1;
  }
  return e;
}

static const char *skip_value(const char *p, const char *e) {
  p = skip_ws(p, e);
  if (p >= e) return e;
  if (*p == '"') return skip_string(p, e);
  if (*p == '{' || *p == '[') {
    int depth = 0;
    while (p < e) {
      if (*p == '"') { p = skip_string(p, e); continue; }
      if (*p == '{' || *p == '[') depth++;
      else if (*p == '}' || *p == ']') { if (--depth == 0) return p + 1; }
      p++;
    }
    return e;
  }
  while (p < e && *p != ',' && *p != '}' && *p != ']') p++;
  return p;
}

static int key_is(const char *k, size_t kl, const char *want) {
  size_t wl = strlen(want);
  return kl == wl && memcmp(k, want, wl) == 0;
}

void scan_frame(const char *p, size_t n, frame_view *v) {
  memset(v, 0, sizeof *v);
  const char *e = p + n;
  p = skip_ws(p, e);
  if (p >= e || *p != '{') return;
  p++;
  while (p < e) {
    p = skip_ws(p, e);
    if (p >= e || *p == '}') return;
    if (*p == ',') { p++; continue; }
    if (*p != '"') return;
    const char *k = p + 1, *ke = skip_string(p, e) - 1;
    size_t kl = (size_t)(ke - k);
    p = skip_ws(ke + 1, e);
    if (p >= e || *p != ':') return;
    p = skip_ws(p + 1, e);
    const char *ve = skip_value(p, e);
    int str = *p == '"';
    const char *s = p + str; size_t sl = (size_t)(ve - p) - (str ? 2 : 0);
    if (key_is(k, kl, "type") && str) { v->type = s; v->type_len = sl; }
    else if (key_is(k, kl, "seq") && !str) {
      int64_t x = 0; for (const char *q = p; q < ve && *q >= '0' && *q <= '9'; q++) x = x * 10 + (*q - '0');
      v->seq = x; v->has_seq = 1;
    }
    else if (key_is(k, kl, "id") && str) { v->id = s; v->id_len = sl; }
    else if (key_is(k, kl, "code") && str) { v->code = s; v->code_len = sl; }
    else if (key_is(k, kl, "message") && str) { v->message = s; v->message_len = sl; }
    p = ve;
  }
}

// The seat whose turn it is in a roll call, from an event's patch: either a replaced
// "/vote/next" value, or the "next" member of a newly added vote object. 0 if absent or null.
int find_next_seat(const char *p, size_t n, char *out, size_t cap) {
  static const char *pats[] = {"\"path\":\"/vote/next\",\"value\":\"", "\"next\":\""};
  for (int i = 0; i < 2; i++) {
    const char *m = memmem(p, n, pats[i], strlen(pats[i]));
    if (!m) continue;
    const char *s = m + strlen(pats[i]), *q = s;
    while (q < p + n && *q != '"') q++;
    size_t l = (size_t)(q - s);
    if (l == 0 || l >= cap) return 0;
    memcpy(out, s, l); out[l] = 0;
    return 1;
  }
  return 0;
}
