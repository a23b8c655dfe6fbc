/* The loudness cache: measured tracks keyed by path, size and modification time, so a folder
 * is measured once. Reads and writes the cache file's text (a header line, then one track a
 * line); a damaged file or line is ignored, never an error. libc only: the caller does I/O. */
#ifndef SAFEBASE_CORE_LOUDCACHE_H
#define SAFEBASE_CORE_LOUDCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/sound/loudness.h"

#define LOUDCACHE_HEADER "safebase loudness cache 1"
#define LOUDCACHE_MAX 20000   /* entries kept; the oldest go first */

typedef struct {
    char *path;               /* owned */
    int64_t size;             /* bytes */
    int64_t mtime_ns;         /* modification time, ns since 1970 */
    loudness_t m;
} loudcache_entry_t;

typedef struct {
    loudcache_entry_t *items; /* owned; count of them, oldest first */
    int count, cap;
} loudcache_t;

/* Reads cache text into c (which may already hold entries). Returns the number of entries
 * read; 0 when the header is missing (the whole text is ignored). Lines that do not parse
 * are skipped. */
int loudcache_parse(loudcache_t *c, const char *text, size_t len);

/* The entry for path if its size and mtime still match, else NULL. Borrowed from c. */
const loudcache_entry_t *loudcache_find(const loudcache_t *c, const char *path, int64_t size,
                                        int64_t mtime_ns);

/* Adds or replaces the entry for path (the newest goes last; past LOUDCACHE_MAX the oldest
 * is dropped). Returns false when out of memory. */
bool loudcache_put(loudcache_t *c, const char *path, int64_t size, int64_t mtime_ns,
                   const loudness_t *m);

/* The whole cache as text, header first. Returns a malloc'd string (caller frees) and its
 * length in *len, or NULL when out of memory. */
char *loudcache_format(const loudcache_t *c, size_t *len);

void loudcache_free(loudcache_t *c);

#endif
