/* The loudness cache file ($XDG_CACHE_HOME/safebase/loudness.txt): measured tracks keyed by
 * path, size and mtime, read at start, looked up and added to from any thread (its own lock).
 * It knows nothing of the engine or the threads; the text form is core/sound/loudcache's. */
#ifndef SAFEBASE_PLATFORM_AUDIOCACHE_H
#define SAFEBASE_PLATFORM_AUDIOCACHE_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/sound/loudcache.h"

typedef struct {
    loudcache_t cache;       /* under lock */
    SDL_mutex *lock;
    char file[4096];         /* "" = no cache directory: nothing is kept */
} audiocache_t;

/* Finds the cache file and reads it into c (a damaged or missing file gives an empty cache).
 * Returns false when no lock could be made (then call audiocache_close). */
bool audiocache_open(audiocache_t *c);
void audiocache_close(audiocache_t *c);

/* A file's key: its size and modification time (ns). Returns false when it cannot be read. */
bool audiocache_key(const char *path, int64_t *size, int64_t *mtime_ns);

/* The cached loudness of path if the file is unchanged since it was measured. Stats the file:
 * call without other locks held. */
bool audiocache_lookup(audiocache_t *c, const char *path, loudness_t *out);

/* Adds a measurement keyed by size and mtime, and rewrites the file (to a temporary name, then
 * renamed over it, so a crash never leaves half a cache; failing to write is not reported). */
void audiocache_store(audiocache_t *c, const char *path, int64_t size, int64_t mtime_ns,
                      const loudness_t *m);

#endif
