// What Swift cannot import from libwebsockets.h (4.1.6): LWS_PRE, the variadic logger,
// option macros that OR several bits, and a timer that knows its owner. See shared/libwebsockets-notes.md §5.
#ifndef GAVEL_CLWS_SHIM_H
#define GAVEL_CLWS_SHIM_H
#include <libwebsockets.h>

enum { LWSSHIM_PRE = LWS_PRE };

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
static inline unsigned long long lwsshim_opt_disable_ipv6(void) {
  return (unsigned long long)LWS_SERVER_OPTION_DISABLE_IPV6;
}
static inline unsigned long long lwsshim_opt_http_headers_security_best_practices_enforce(void) {
  return (unsigned long long)LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE;
}

/// An lws timer (sul) that can find its owner: the sul is the first member, so the pointer lws
/// hands the callback is the pointer to this struct.
typedef struct lwsshim_timer {
  lws_sorted_usec_list_t sul;
  void *owner;
} lwsshim_timer;

#endif
