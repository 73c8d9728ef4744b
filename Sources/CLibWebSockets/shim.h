// What Swift cannot import from libwebsockets.h (4.1.6): LWS_PRE, the variadic logger,
// option macros that OR several bits, and a timer that knows its owner. Also a prefetch hint. See shared/libwebsockets-notes.md §5.
#ifndef GAVEL_CLWS_SHIM_H
#define GAVEL_CLWS_SHIM_H
#include <libwebsockets.h>
#include <ev.h>

enum { LWSSHIM_PRE = LWS_PRE };

/// Asks the CPU to start loading the first `lines` cache lines at `p` (a hint; never faults).
static inline void lwsshim_prefetch(const void *p, int lines) {
  for (int i = 0; i < lines; i++) __builtin_prefetch((const char *)p + 64 * i);
}

static inline void lwsshim_log(int level, const char *msg) { _lws_log(level, "%s\n", msg); }

static inline unsigned long long lwsshim_opt_validate_utf8(void) {
  return (unsigned long long)LWS_SERVER_OPTION_VALIDATE_UTF8;
}
static inline unsigned long long lwsshim_opt_do_ssl_global_init(void) {
  return (unsigned long long)LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
}
static inline unsigned long long lwsshim_opt_fail_upon_unable_to_bind(void) {
  return (unsigned long long)LWS_SERVER_OPTION_FAIL_UPON_UNABLE_TO_BIND;
}
static inline unsigned long long lwsshim_opt_libev(void) {
  return (unsigned long long)LWS_SERVER_OPTION_LIBEV;
}
static inline unsigned long long lwsshim_opt_disable_ipv6(void) {
  return (unsigned long long)LWS_SERVER_OPTION_DISABLE_IPV6;
}
static inline unsigned long long lwsshim_opt_http_headers_security_best_practices_enforce(void) {
  return (unsigned long long)LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE;
}

/// The event loop lws runs on when its libev plugin is installed (epoll: the cost of a wait does
/// not grow with the number of connections, as poll's does). Opaque to Swift. libev must not
/// touch the signal mask: gaveld takes its signals with sigwait on a thread of its own.
static inline void *lwsshim_ev_loop_new(void) {
  return ev_loop_new(EVFLAG_AUTO | EVFLAG_NOSIGMASK);
}
/// Waits for and handles one round of events (the equivalent of one lws_service).
static inline void lwsshim_ev_run_once(void *loop) { ev_run((struct ev_loop *)loop, EVRUN_ONCE); }
static inline void lwsshim_ev_loop_destroy(void *loop) { ev_loop_destroy((struct ev_loop *)loop); }
static inline int lwsshim_ev_backend_is_epoll(void *loop) {
  return ev_backend((struct ev_loop *)loop) == EVBACKEND_EPOLL;
}

/// lws 4.1.6's libev glue arms its timer with ev_timer_start on a watcher that may already be
/// running, which libev ignores: an lws timer (sul) due before the one armed waits for it. lws
/// does service every ripe timer whenever anything wakes its loop, so a pacemaker wakes it (a
/// cancel) every `seconds`; no timer is then more than that late.
typedef struct lwsshim_pacemaker {
  ev_timer timer;
  struct lws_context *context;
} lwsshim_pacemaker;

static void lwsshim_pacemaker_beat(struct ev_loop *loop, ev_timer *timer, int revents) {
  (void)loop;
  (void)revents;
  lws_cancel_service(((lwsshim_pacemaker *)timer)->context);
}

static inline void *lwsshim_pacemaker_start(void *loop, struct lws_context *context, double seconds) {
  lwsshim_pacemaker *pacemaker = (lwsshim_pacemaker *)calloc(1, sizeof *pacemaker);
  if (!pacemaker) return NULL;
  pacemaker->context = context;
  ev_timer_init(&pacemaker->timer, lwsshim_pacemaker_beat, seconds, seconds);
  ev_timer_start((struct ev_loop *)loop, &pacemaker->timer);
  return pacemaker;
}

static inline void lwsshim_pacemaker_stop(void *loop, void *pacemaker) {
  if (!pacemaker) return;
  ev_timer_stop((struct ev_loop *)loop, &((lwsshim_pacemaker *)pacemaker)->timer);
  free(pacemaker);
}

/// An lws timer (sul) that can find its owner: the sul is the first member, so the pointer lws
/// hands the callback is the pointer to this struct.
typedef struct lwsshim_timer {
  lws_sorted_usec_list_t sul;
  void *owner;
} lwsshim_timer;

#endif
