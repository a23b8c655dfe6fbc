/* The loudness thread: measures each track's EBU R128 integrated loudness and true peak with
 * libebur128 at low priority, the playing and next tracks first, and keeps the results in
 * $XDG_CACHE_HOME/safebase/loudness.txt keyed by path, size and mtime, so a folder is measured
 * once. It never delays the session: until a track is measured it plays at a safe lower level.
 * It is also the first to open every file, so most unplayable files are reported here early.
 * It calls only the engine's helpers and the cache below it, never the front or the decoder. */
#include "platform/sound/audioscan.h"

#include <ebur128.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/sound/loudness.h"
#include "platform/sound/audiocache.h"
#include "platform/sound/audioeng.h"

#define SCAN_BLOCK 4096
#define MIN_TRACK_FRAMES RATE        /* less than a second of sound is not music to play */

typedef struct {
    loudness_t m;
    int64_t frames;                  /* measured length */
    int64_t length;                  /* length the header gave (0 = none) */
    bool cached;
    char why[200];
} measure_t;

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
    for (int i = 0; i < MIX_VOICES; i++) {
        const mix_voice_t *v = &a->mix.voice[i];
        if ((v->state == MIX_VOICE_LOADING || (v->state == MIX_VOICE_ACTIVE && v->leading)) && v->gen == a->gen)
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
        audioeng_mark_bad(a, gen, index, m->why);
        return;
    }
    if (!m->cached && m->frames < MIN_TRACK_FRAMES) {
        audioeng_mark_bad(a, gen, index, "it holds less than a second of sound");
        return;
    }
    if (!m->cached && m->length > 0 && m->frames < m->length / 2 && !t->warned) {
        t->warned = true;
        audioeng_message(&a->warnings, "Music \"%s\" stops after %.0f of its %.0f seconds: the file seems damaged",
                         t->path, (double)m->frames / RATE, (double)m->length / RATE);
    }
    t->measured = true;
    t->loud = m->m;
    float gain = mix_track_gain(&a->mix, index);
    mix_track_measured(&a->mix, gen, index);
    if (a->timing)
        audioeng_message(&a->timings, "loudness \"%s\" integrated=%.2f true_peak=%.2f gain=%+.2f frame=%lld %s %.0f ms",
                         t->path, m->m.integrated_lufs, m->m.true_peak_db, 20.0 * log10f(gain),
                         (long long)a->mix.clock, m->cached ? "cached" : "measured", took_ms);
}

/* Looks the track up in the cache, or measures it and adds it. */
static bool find_or_measure(audio_t *a, const char *path, measure_t *m)
{
    if (audiocache_lookup(&a->cache, path, &m->m)) {
        m->cached = true;
        return true;
    }
    int64_t size = 0, mtime = 0;
    bool keyed = audiocache_key(path, &size, &mtime);
    bool ok = measure(a, path, m);
    /* only sound results are kept: a short or damaged file is looked at (and reported) again */
    if (ok && keyed && m->frames >= MIN_TRACK_FRAMES && (m->length == 0 || m->frames >= m->length / 2))
        audiocache_store(&a->cache, path, size, mtime, &m->m);
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
