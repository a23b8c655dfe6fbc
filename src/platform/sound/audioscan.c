/* The loudness thread: measures a track's EBU R128 integrated loudness (libebur128) and true
 * peak (core/sound/truepeak) at low priority, only for what will play soon, never a whole
 * library, and caches the results keyed by path, size and mtime (audiocache), so a track is
 * measured once. It never delays the session: until a track is measured it plays at a safe
 * lower level. It opens a file before it plays, so an unplayable file is usually reported
 * before its turn. It calls only the engine's helpers and the cache below it, never the front or
 * the decoder. */
#include "platform/sound/audioscan.h"

#include <ebur128.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"
#include "core/sound/loudness.h"
#include "core/sound/truepeak.h"
#include "platform/sound/audiocache.h"
#include "platform/sound/audioeng.h"

#define SCAN_BLOCK 4096
#define MIN_TRACK_FRAMES RATE        /* less than a second of sound is not music to play */
#define AHEAD 2                      /* the playlist's next tracks measured ahead */
#define AHEAD_LEFT_FRAMES FRAMES(90000) /* ... once the playing track has this little left (a
                                         * 3-minute track takes well under a second to measure),
                                         * so a 30-s session of long tracks measures one, not three */

typedef struct {
    audioscan_measure_t m;
    bool cached;
} measure_t;

/* The read state of one measurement, freed in one place. */
typedef struct {
    trackread_t *reader;
    ebur128_state *st;
    truepeak_t *tp;
    float *buf;
} scan_t;

static void scan_free(scan_t *s)
{
    free(s->buf);
    free(s->tp);
    if (s->st)
        ebur128_destroy(&s->st);
    if (s->reader)
        trackread_close(s->reader);
}

bool audioscan_measure(const char *path, SDL_atomic_t *quit, audioscan_measure_t *m)
{
    memset(m, 0, sizeof *m);
    scan_t s = { trackread_open_native(path, m->why, sizeof m->why), NULL, NULL, NULL };
    if (!s.reader)
        return false;
    m->rate = trackread_rate(s.reader);
    m->length = trackread_length(s.reader);
    /* libebur128 for the integrated loudness only, its histogram keeping the memory flat
     * however long the track; the true peak's interpolation, most of libebur128's cost, is
     * done where it can matter only (core/sound/truepeak) */
    s.st = ebur128_init(2, (unsigned long)m->rate, EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM);
    s.tp = malloc(sizeof *s.tp);
    s.buf = malloc(sizeof(float) * 2 * SCAN_BLOCK);
    /* (both refuse only absurd rates, which trackread does not give, or no memory) */
    bool ready = s.st && s.tp && s.buf && truepeak_init(s.tp, 2, m->rate, true);
    int64_t frames = 0;
    int n = 0;
    while (ready && !(quit && SDL_AtomicGet(quit)) && (n = trackread_read(s.reader, s.buf, SCAN_BLOCK)) > 0) {
        ebur128_add_frames_float(s.st, s.buf, (size_t)n);
        truepeak_add(s.tp, s.buf, (size_t)n);
        frames += n;
    }
    m->frames = m->rate > 0 ? frames * RATE / m->rate : 0;
    bool ok = ready && frames > 0 && !(quit && SDL_AtomicGet(quit)) &&
              ebur128_loudness_global(s.st, &m->loud.integrated_lufs) == EBUR128_SUCCESS;
    if (!ready)
        /* TRANSLATORS: why a music file is skipped (said after "Skipping music \"NAME\": ") */
        snprintf(m->why, sizeof m->why, _("its loudness could not be measured (out of memory, or a rate of %d Hz)"),
                 m->rate);
    else if (!ok)
        snprintf(m->why, sizeof m->why, "%s",
                 trackread_error(s.reader)[0] ? trackread_error(s.reader) : TRACKREAD_NO_SOUND);
    if (ready) {
        double peak = truepeak_max(s.tp);
        m->loud.true_peak_db = peak > 0.0 ? 20.0 * log10(peak) : -HUGE_VAL;
        m->filtered = s.tp->frames > 0 ? (double)s.tp->filtered / (2.0 * (double)s.tp->frames) : 0.0;
    }
    scan_free(&s);
    return ok;
}

/* Whether the thread should take track i. Lock held. */
static bool wanted(const audio_t *a, int i)
{
    if (i < 0 || i >= a->list.count)
        return false;
    const track_t *t = &a->list.tracks[i];
    return !t->measured && !t->bad && !t->measuring;
}

/* The next track to measure: the playing or loading ones, the next AHEAD the playlist will
 * give (once the playing one has AHEAD_LEFT_FRAMES left, or does not say), then those asked for ahead (a phase's own music); -1 when none of them needs it.
 * Nothing else: a library of thousands is measured a track at a time as it plays. Lock held. */
static int pick(const audio_t *a)
{
    int order[MIX_VOICES + AHEAD], n = 0;
    bool near_end = true; /* nothing plays yet, or what plays ends soon (or says not when) */
    for (int i = 0; i < MIX_VOICES; i++) {
        const mix_voice_t *v = &a->mix.voice[i];
        if ((v->state == MIX_VOICE_LOADING || (v->state == MIX_VOICE_ACTIVE && v->leading)) && v->gen == a->gen) {
            order[n++] = v->track;
            int64_t left = v->state == MIX_VOICE_ACTIVE ? mix_frames_left(v) : -1;
            if (left > AHEAD_LEFT_FRAMES)
                near_end = false;
        }
    }
    if (near_end)
        n += tracklist_peek(&a->list, order + n, AHEAD);
    for (int k = 0; k < n; k++)
        if (wanted(a, order[k]))
            return order[k];
    for (int i = 0; i < a->list.count; i++)
        if (a->list.tracks[i].soon && wanted(a, i))
            return i;
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
        audioeng_mark_bad(a, gen, index, m->m.why);
        return;
    }
    if (!m->cached && m->m.frames < MIN_TRACK_FRAMES) {
        /* TRANSLATORS: why a music file is skipped (said after "Skipping music \"NAME\": ") */
        audioeng_mark_bad(a, gen, index, _("it holds less than a second of sound"));
        return;
    }
    if (!m->cached && m->m.length > 0 && m->m.frames < m->m.length / 2 && !t->warned) {
        t->warned = true;
        long heard = (long)((m->m.frames + RATE / 2) / RATE), length = (long)((m->m.length + RATE / 2) / RATE);
        /* TRANSLATORS: keep the file name between straight double quotes: the screen's banner
         * finds it there */
        audioeng_message(&a->warnings, P_("Music \"%s\" stops after %ld of its %ld second: the file seems damaged",
                                          "Music \"%s\" stops after %ld of its %ld seconds: the file seems damaged",
                                          length),
                         t->path, heard, length);
    }
    t->measured = true;
    t->loud = m->m.loud;
    float gain = mix_track_gain(&a->mix, index);
    mix_track_measured(&a->mix, gen, index);
    if (a->timing && m->cached)
        audioeng_message(&a->timings, "loudness \"%s\" integrated=%.2f true_peak=%.2f gain=%+.2f frame=%lld cached %.0f ms",
                         t->path, m->m.loud.integrated_lufs, m->m.loud.true_peak_db, 20.0 * log10f(gain),
                         (long long)a->mix.clock, took_ms);
    else if (a->timing)
        audioeng_message(&a->timings, "loudness \"%s\" integrated=%.2f true_peak=%.2f gain=%+.2f frame=%lld measured %.0f ms"
                         " at %d Hz, interpolated %.0f%%", t->path, m->m.loud.integrated_lufs, m->m.loud.true_peak_db,
                         20.0 * log10f(gain), (long long)a->mix.clock, took_ms, m->m.rate, 100.0 * m->m.filtered);
}

/* Looks the track up in the cache, or measures it and adds it. */
static bool find_or_measure(audio_t *a, const char *path, measure_t *m)
{
    if (audiocache_lookup(&a->cache, path, &m->m.loud)) {
        m->cached = true;
        return true;
    }
    int64_t size = 0, mtime = 0;
    bool keyed = audiocache_key(path, &size, &mtime);
    bool ok = audioscan_measure(path, &a->quit, &m->m);
    /* only sound results are kept: a short or damaged file is looked at (and reported) again */
    if (ok && keyed && m->m.frames >= MIN_TRACK_FRAMES && (m->m.length == 0 || m->m.frames >= m->m.length / 2))
        audiocache_store(&a->cache, path, size, mtime, &m->m.loud);
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
