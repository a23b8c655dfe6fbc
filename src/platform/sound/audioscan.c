/* The loudness thread: measures each track's EBU R128 integrated loudness and true peak with
 * libebur128 at low priority, the playing and next tracks first, and keeps the results in
 * $XDG_CACHE_HOME/safebase/loudness.txt keyed by path, size and mtime, so a folder is measured
 * once. It never delays the session: until a track is measured it plays at a safe lower level.
 * It is also the first to open every file, so most unplayable files are reported here early. */
#include <ebur128.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/sound/loudcache.h"
#include "core/sound/loudness.h"
#include "platform/sound/audioeng.h"
#include "platform/sys/paths.h"

#define SCAN_BLOCK 4096
#define MAX_CACHE_BYTES (16 << 20)
#define MIN_TRACK_FRAMES RATE        /* less than a second of sound is not music to play */

typedef struct {
    loudness_t m;
    int64_t frames;                  /* measured length */
    int64_t length;                  /* length the header gave (0 = none) */
    bool cached;
    char why[200];
} measure_t;

void audio_load_cache(audio_t *a)
{
    FILE *f = a->cache_file[0] ? fopen(a->cache_file, "rb") : NULL;
    if (!f)
        return;
    struct stat st; /* a buffer the file's size (a few kB), not the most it may hold */
    size_t size = fstat(fileno(f), &st) == 0 && st.st_size >= 0 && st.st_size < MAX_CACHE_BYTES ? (size_t)st.st_size : 0;
    char *text = size > 0 ? malloc(size + 1) : NULL;
    size_t len = text ? fread(text, 1, size + 1, f) : 0;
    fclose(f);
    if (text && len == size) /* (a file that grew meanwhile is left for the next start) */
        loudcache_parse(&a->cache, text, len); /* a damaged cache is ignored, never an error */
    free(text);
}

/* The file's size and modification time (ns), the cache's key with its path. */
static bool file_key(const char *path, int64_t *size, int64_t *mtime)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return false;
    *size = st.st_size;
    *mtime = (int64_t)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    return true;
}

bool audio_cached_loudness(audio_t *a, const char *path, loudness_t *out)
{
    int64_t size = 0, mtime = 0;
    if (!file_key(path, &size, &mtime))
        return false;
    SDL_LockMutex(a->cache_lock);
    const loudcache_entry_t *e = loudcache_find(&a->cache, path, size, mtime);
    if (e)
        *out = e->m;
    SDL_UnlockMutex(a->cache_lock);
    return e != NULL;
}

/* Writes the cache to a temporary file and renames it over the old one, so a crash never
 * leaves half a cache. Failing to write is not worth troubling the user with. */
static void save_cache(audio_t *a)
{
    char dir[4096], tmp[4200];
    const char *file = a->cache_file;
    if (!file[0])
        return;
    paths_dirname(file, dir, sizeof dir);
    if (!paths_mkdirs(dir, 0700))
        return;
    size_t len;
    SDL_LockMutex(a->cache_lock);
    char *text = loudcache_format(&a->cache, &len);
    SDL_UnlockMutex(a->cache_lock);
    snprintf(tmp, sizeof tmp, "%s.tmp", file);
    FILE *f = text ? fopen(tmp, "wb") : NULL;
    bool ok = f && fwrite(text, 1, len, f) == len;
    if (f)
        ok = fclose(f) == 0 && ok;
    if (ok)
        rename(tmp, file);
    else if (f)
        remove(tmp);
    free(text);
}

/* Decodes the whole track through libebur128. Returns false with m->why when it cannot. */
static bool measure(audio_t *a, const char *path, measure_t *m)
{
    trackread_t *r = trackread_open(path, m->why, sizeof m->why);
    if (!r)
        return false;
    /* the histogram keeps libebur128's memory flat, however long the track */
    ebur128_state *st = ebur128_init(2, RATE, EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK | EBUR128_MODE_HISTOGRAM);
    float *buf = malloc(sizeof(float) * 2 * SCAN_BLOCK);
    int n = 0;
    m->length = trackread_length(r);
    while (st && buf && !SDL_AtomicGet(&a->quit) && (n = trackread_read(r, buf, SCAN_BLOCK)) > 0) {
        ebur128_add_frames_float(st, buf, (size_t)n);
        m->frames += n;
    }
    double tp[2] = { 0.0, 0.0 };
    bool ok = st && buf && m->frames > 0 && !SDL_AtomicGet(&a->quit) &&
              ebur128_loudness_global(st, &m->m.integrated_lufs) == EBUR128_SUCCESS &&
              ebur128_true_peak(st, 0, &tp[0]) == EBUR128_SUCCESS &&
              ebur128_true_peak(st, 1, &tp[1]) == EBUR128_SUCCESS;
    if (!ok)
        snprintf(m->why, sizeof m->why, "%s", !st || !buf ? "out of memory"
                                              : trackread_error(r)[0] ? trackread_error(r) : TRACKREAD_NO_SOUND);
    double peak = tp[0] > tp[1] ? tp[0] : tp[1];
    m->m.true_peak_db = peak > 0.0 ? 20.0 * log10(peak) : -HUGE_VAL;
    free(buf);
    if (st)
        ebur128_destroy(&st);
    trackread_close(r);
    return ok;
}

/* The next track to measure: the playing one, then the next few, then any. Lock held. */
static int pick(audio_t *a)
{
    int order[8], n = 0;
    for (int i = 0; i < VOICES; i++) {
        const voice_t *v = &a->voice[i];
        if ((v->state == VOICE_LOADING || (v->state == VOICE_ACTIVE && v->leading)) && v->gen == a->gen)
            order[n++] = v->track;
    }
    n += tracklist_peek(&a->list, order + n, 4);
    for (int k = 0; k < n + a->list.count; k++) {
        int i = k < n ? order[k] : k - n;
        const track_t *t = &a->list.tracks[i];
        if (!t->measured && !t->bad && !t->measuring)
            return i;
    }
    return -1;
}

/* Hands a result to the engine: the track's gain, or its warning. Lock held. */
static void publish(audio_t *a, unsigned gen, int index, bool ok, const measure_t *m, double took_ms)
{
    if (gen != a->gen)
        return;
    track_t *t = &a->list.tracks[index];
    t->measuring = false;
    if (!ok) {
        audio_mark_bad(a, gen, index, m->why);
        return;
    }
    if (!m->cached && m->frames < MIN_TRACK_FRAMES) {
        audio_mark_bad(a, gen, index, "it holds less than a second of sound");
        return;
    }
    if (!m->cached && m->length > 0 && m->frames < m->length / 2 && !t->warned) {
        t->warned = true;
        audio_message(&a->warnings, "Music \"%s\" stops after %.0f of its %.0f seconds: the file seems damaged",
                      t->path, (double)m->frames / RATE, (double)m->length / RATE);
    }
    t->measured = true;
    t->loud = m->m;
    float gain = audio_track_gain(a, index);
    for (int i = 0; i < VOICES; i++) { /* a playing track glides to its level */
        voice_t *v = &a->voice[i];
        if (v->state == VOICE_ACTIVE && v->gen == gen && v->track == index)
            ramp_to(&v->level, gain, FRAMES(LEVEL_GLIDE_MS));
    }
    if (a->timing)
        audio_message(&a->timings, "loudness \"%s\" integrated=%.2f true_peak=%.2f gain=%+.2f frame=%lld %s %.0f ms",
                      t->path, m->m.integrated_lufs, m->m.true_peak_db, 20.0 * log10f(gain),
                      (long long)a->clock, m->cached ? "cached" : "measured", took_ms);
}

/* Looks the track up in the cache, or measures it and adds it. */
static bool find_or_measure(audio_t *a, const char *path, measure_t *m)
{
    if (audio_cached_loudness(a, path, &m->m)) {
        m->cached = true;
        return true;
    }
    int64_t size = 0, mtime = 0;
    bool keyed = file_key(path, &size, &mtime);
    bool ok = measure(a, path, m);
    /* only sound results are kept: a short or damaged file is looked at (and reported) again */
    if (ok && keyed && m->frames >= MIN_TRACK_FRAMES && (m->length == 0 || m->frames >= m->length / 2)) {
        SDL_LockMutex(a->cache_lock);
        bool put = loudcache_put(&a->cache, path, size, mtime, &m->m);
        SDL_UnlockMutex(a->cache_lock);
        if (put)
            save_cache(a);
    }
    return ok;
}

int audioscan_main(void *arg)
{
    audio_t *a = arg;
    SDL_SetThreadPriority(SDL_THREAD_PRIORITY_LOW);
    SDL_LockMutex(a->lock);
    while (!SDL_AtomicGet(&a->quit)) {
        int index = pick(a);
        if (index < 0) {
            SDL_CondWaitTimeout(a->wake_scanner, a->lock, 1000);
            continue;
        }
        a->list.tracks[index].measuring = true;
        unsigned gen = a->gen;
        char path[4096];
        snprintf(path, sizeof path, "%s", a->list.tracks[index].path);
        SDL_UnlockMutex(a->lock);
        measure_t m = { 0 };
        Uint64 t0 = SDL_GetTicks64();
        bool ok = find_or_measure(a, path, &m);
        double took = (double)(SDL_GetTicks64() - t0);
        SDL_LockMutex(a->lock);
        if (!SDL_AtomicGet(&a->quit))
            publish(a, gen, index, ok, &m, took);
    }
    SDL_UnlockMutex(a->lock);
    return 0;
}
