/* The loudness cache file: read once at start, looked up by the decoder and loudness threads,
 * rewritten whole after each new measurement. Calls nothing else in the sound room; a damaged
 * or unwritable cache is never an error. */
#include "platform/sound/audiocache.h"

#include <stdio.h>
#include <stdlib.h>

#include "platform/sys/osfile.h"
#include "platform/sys/paths.h"

#define MAX_CACHE_BYTES (16 << 20)

static void load(audiocache_t *c)
{
    FILE *f = c->file[0] ? osfile_fopen(c->file, "rb") : NULL;
    if (!f)
        return;
    osfile_stat_t st; /* a buffer the file's size (a few kB), not the most it may hold */
    size_t size = osfile_fstat(fileno(f), &st) == 0 && st.size >= 0 && st.size < MAX_CACHE_BYTES ? (size_t)st.size : 0;
    char *text = size > 0 ? malloc(size + 1) : NULL;
    size_t len = text ? fread(text, 1, size + 1, f) : 0;
    fclose(f);
    if (text && len == size) /* (a file that grew meanwhile is left for the next start) */
        loudcache_parse(&c->cache, text, len); /* a damaged cache is ignored, never an error */
    free(text);
}

bool audiocache_open(audiocache_t *c)
{
    char dir[4096];
    c->lock = SDL_CreateMutex();
    c->file[0] = '\0';
    if (paths_cache_dir(dir, sizeof dir))
        paths_join(c->file, sizeof c->file, dir, "loudness.txt");
    load(c);
    return c->lock != NULL;
}

void audiocache_close(audiocache_t *c)
{
    loudcache_free(&c->cache);
    if (c->lock)
        SDL_DestroyMutex(c->lock);
    c->lock = NULL;
}

bool audiocache_key(const char *path, int64_t *size, int64_t *mtime_ns)
{
    osfile_stat_t st;
    if (osfile_stat(path, &st) != 0)
        return false;
    *size = st.size;
    *mtime_ns = st.mtime_ns;
    return true;
}

bool audiocache_lookup(audiocache_t *c, const char *path, loudness_t *out)
{
    int64_t size = 0, mtime = 0;
    if (!audiocache_key(path, &size, &mtime))
        return false;
    SDL_LockMutex(c->lock);
    const loudcache_entry_t *e = loudcache_find(&c->cache, path, size, mtime);
    if (e)
        *out = e->m;
    SDL_UnlockMutex(c->lock);
    return e != NULL;
}

static void save(audiocache_t *c)
{
    char dir[4096], tmp[4200];
    const char *file = c->file;
    if (!file[0])
        return;
    paths_dirname(file, dir, sizeof dir);
    if (!paths_mkdirs(dir, 0755, 0700))
        return;
    size_t len;
    SDL_LockMutex(c->lock);
    char *text = loudcache_format(&c->cache, &len);
    SDL_UnlockMutex(c->lock);
    snprintf(tmp, sizeof tmp, "%s.tmp", file);
    FILE *f = text ? osfile_fopen(tmp, "wb") : NULL;
    bool ok = f && fwrite(text, 1, len, f) == len;
    if (f)
        ok = fclose(f) == 0 && ok;
    if (ok)
        osfile_replace(tmp, file);
    else if (f)
        osfile_unlink(tmp);
    free(text);
}

void audiocache_store(audiocache_t *c, const char *path, int64_t size, int64_t mtime_ns,
                      const loudness_t *m)
{
    SDL_LockMutex(c->lock);
    bool put = loudcache_put(&c->cache, path, size, mtime_ns, m);
    SDL_UnlockMutex(c->lock);
    if (put)
        save(c);
}
