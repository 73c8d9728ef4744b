// What Swift cannot import from sqlite3.h: the SQLITE_TRANSIENT / SQLITE_STATIC destructor casts.
#ifndef GAVEL_CSQLITE_SHIM_H
#define GAVEL_CSQLITE_SHIM_H
#include <sqlite3.h>

static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }
static inline sqlite3_destructor_type csqlite_static(void) { return SQLITE_STATIC; }

#endif
