/* The decoder thread: keeps each playing voice's ring a few seconds ahead of the audio thread,
 * starts the next track early enough to crossfade into it (or a phase's own music when asked;
 * core/sound/mix decides how the voices overlap), and closes finished tracks. All file work
 * happens with the lock released; the lock is taken only to look at and publish state. A file
 * that cannot be played is skipped with one warning. It calls only the engine's helpers and
 * the cache below it, never the front (audio.c) or the other threads. */
#include "platform/sound/audiodec.h"

#include <stdio.h>
#include <string.h>

#include "core/base/translate.h"
#include "core/sound/loudness.h"
#include "platform/sound/audiocache.h"
#include "platform/sound/audioeng.h"
#include "platform/sys/paths.h"

#define BLOCK_FRAMES 4096
#define CONVERT_FRAMES 1024          /* decoded as float this many frames at a time */
#define PREFILL_FRAMES FRAMES(300)   /* ready before a new voice is let into the mix */
#define LEAD_FRAMES FRAMES(2000)     /* a successor is opened this long before its crossfade
                                      * (it waits, silent, for its moment), so a slow disk
                                      * never shortens a crossfade */
#define REFILL_BELOW FRAMES(1500) /* a voice this little ahead is filled back to AHEAD_FRAMES in
                                      * one go, so the decoder wakes about once a second a track */
#define NAP_MS 250                   /* the decoder looks again at least this often */

/* Closes the readers of finished voices and frees their slots. */
static void close_done(audio_t *a)
{
    for (int i = 0; i < MIX_VOICES; i++) {
        mix_voice_t *v = &a->mix.voice[i];
        if (v->state != MIX_VOICE_DONE)
            continue;
        trackread_t *r = a->file[i].reader;
        a->file[i].reader = NULL;
        v->state = MIX_VOICE_FREE;
        SDL_UnlockMutex(a->lock);
        trackread_close(r);
        SDL_LockMutex(a->lock);
    }
}

/* Whether to start a track now, and with which fade. */
static bool want_start(audio_t *a, int64_t *fade, bool *switching)
{
    mix_t *m = &a->mix;
    if (a->loops_queued > 0) /* new music is being listed: nothing from the old list */
        return false;
    mix_voice_t *spare = mix_find_voice(m, MIX_VOICE_FREE, false);
    *switching = a->switch_pending;
    *fade = a->switch_pending ? a->switch_fade : m->fade_frames;
    if (a->switch_pending && !spare) { /* all busy crossfading: hurry the quietest out */
        mix_hurry_out(m);
        return false;
    }
    if (a->switch_pending || !spare)
        return spare != NULL;
    if (a->exhausted)
        return false;
    mix_voice_t *lead = mix_find_voice(m, MIX_VOICE_ACTIVE, true);
    if (!lead)
        return true;
    if (mix_held(m)) /* held music stands still: its next track can wait (readied now, it would
                      * replace this one at once, unheard, e.g. before a session's music begins) */
        return false;
    int64_t left = mix_frames_left(lead);
    return !lead->handed_off && lead->follows < 0 && left >= 0 && left <= m->fade_frames + LEAD_FRAMES;
}

/* Reads up to max frames into dst (16-bit stereo), like trackread_read: the frames read, 0 at
 * the end, -1 when the file turns out to be damaged. */
static int read_s16(trackread_t *r, int16_t *dst, int max)
{
    float block[2 * CONVERT_FRAMES];
    int got = 0;
    while (got < max) {
        int n = trackread_read(r, block, max - got < CONVERT_FRAMES ? max - got : CONVERT_FRAMES);
        if (n <= 0)
            return got > 0 ? got : n;
        audioeng_to_s16(block, dst + got * 2, 2 * n);
        got += n;
    }
    return got;
}

/* Reads up to PREFILL_FRAMES into a voice nobody else looks at yet. Returns frames read, or
 * -1 with the reason in why when the file gives no sound at all. */
static int64_t prefill(mix_voice_t *v, trackread_t *r, char *why, size_t whysize)
{
    int64_t got = 0;
    while (got < PREFILL_FRAMES) {
        int n = read_s16(r, v->ring + got * 2, (int)(PREFILL_FRAMES - got));
        if (n <= 0) {
            v->eof = true;
            break;
        }
        got += n;
    }
    if (got == 0)
        snprintf(why, whysize, "%s", trackread_error(r)[0] ? trackread_error(r) : TRACKREAD_NO_SOUND);
    return got > 0 ? got : -1;
}

static void begin_voice(audio_t *a, mix_voice_t *v, int track, const char *source)
{
    audioeng_file_t *f = &a->file[v - a->mix.voice];
    const char *path = a->list.tracks[track].path, *slash = paths_last_separator(path);
    mix_voice_load(v, a->gen, track);
    f->reader = NULL;
    snprintf(f->source, sizeof f->source, "%s", source);
    snprintf(f->name, sizeof f->name, "%s", slash ? slash + 1 : path);
}

/* Opens the next track into a free voice and commits it. Called and returns with the lock. */
static void start_track(audio_t *a, int64_t fade, bool switching)
{
    char source[sizeof a->switch_source], path[4096], why[200];
    snprintf(source, sizeof source, "%s", switching ? a->switch_source : "");
    a->switch_pending = false;
    int track = switching ? tracklist_next_once(&a->list) : tracklist_next(&a->list);
    if (track < 0) { /* a phase's music that cannot play leaves the current music alone */
        a->exhausted = !switching;
        return;
    }
    if (a->list.on_fallback && a->list.nloop > 0 && !a->fell_back) {
        a->fell_back = true;
        /* TRANSLATORS: a banner during a session */
        audioeng_message(&a->warnings, "%s", _("None of the chosen music can be played: playing Safe Base's own music"));
    }
    mix_voice_t *v = mix_find_voice(&a->mix, MIX_VOICE_FREE, false);
    mix_voice_t *lead = mix_find_voice(&a->mix, MIX_VOICE_ACTIVE, true);
    if (lead)
        lead->handed_off = true;
    begin_voice(a, v, track, source);
    unsigned gen = a->gen;
    bool measured = a->list.tracks[track].measured;
    snprintf(path, sizeof path, "%s", a->list.tracks[track].path);
    SDL_UnlockMutex(a->lock);
    loudness_t loud;
    bool cached = !measured && audiocache_lookup(&a->cache, path, &loud);
    trackread_t *r = trackread_open(path, why, sizeof why);
    int64_t got = r ? prefill(v, r, why, sizeof why) : -1;
    if (got < 0) {
        trackread_close(r);
        r = NULL;
    }
    SDL_LockMutex(a->lock);
    a->file[v - a->mix.voice].reader = r;
    if (!r) {
        audioeng_mark_bad(a, gen, track, why);
        v->state = MIX_VOICE_FREE;
        if (lead && lead->state == MIX_VOICE_ACTIVE && lead->leading)
            lead->handed_off = false; /* try the next one */
        if (switching && gen == a->gen)
            a->switch_pending = true; /* a phase's music: on to its next file */
        return;
    }
    v->wr = got;
    v->length = trackread_length(r);
    if (gen != a->gen) { /* the music was replaced meanwhile */
        v->state = MIX_VOICE_DONE;
        return;
    }
    if (cached) { /* measured in an earlier session: it starts at its level */
        a->list.tracks[track].loud = loud;
        a->list.tracks[track].measured = true;
    }
    mix_commit(&a->mix, v, fade, switching);
    audioeng_report(a);
}

static bool needs(const mix_voice_t *v, int64_t below)
{
    return v->state == MIX_VOICE_ACTIVE && !v->eof && v->wr - v->rd < below;
}

/* The playing voice that most needs decoding, or NULL when all are more than below ahead. */
static mix_voice_t *neediest(audio_t *a, int64_t below)
{
    mix_voice_t *best = NULL;
    for (int i = 0; i < MIX_VOICES; i++) {
        mix_voice_t *v = &a->mix.voice[i];
        if (needs(v, below) && (!best || v->wr - v->rd < best->wr - best->rd))
            best = v;
    }
    return best;
}

/* Decodes one block into v's ring. Called and returns with the lock held. */
static void fill(audio_t *a, mix_voice_t *v)
{
    trackread_t *r = a->file[v - a->mix.voice].reader;
    int64_t start = v->wr, at = start & (MIX_RING_FRAMES - 1);
    int64_t space = MIX_RING_FRAMES - (v->wr - v->rd), want = BLOCK_FRAMES;
    if (want > space)
        want = space;
    if (want > MIX_RING_FRAMES - at)
        want = MIX_RING_FRAMES - at; /* up to the wrap; the next call goes on from there */
    unsigned gen = v->gen;
    int track = v->track;
    SDL_UnlockMutex(a->lock);
    int n = want > 0 ? read_s16(r, v->ring + at * 2, (int)want) : 0;
    SDL_LockMutex(a->lock);
    if (a->file[v - a->mix.voice].reader != r || v->wr != start)
        return; /* retired meanwhile */
    if (n > 0) {
        v->wr += n;
        return;
    }
    v->eof = true;
    if (n < 0 && gen == a->gen && !a->list.tracks[track].warned) {
        a->list.tracks[track].warned = true;
        /* TRANSLATORS: a music file (%1$s) that could not be read to its end, and why */
        audioeng_message(&a->warnings, _("Music \"%s\" stops early: %s"), a->list.tracks[track].path,
                         trackread_error(r));
    }
}

int audiodec_main(void *arg)
{
    audio_t *a = arg;
    mix_voice_t *topping = NULL; /* being filled from REFILL_BELOW back up to AHEAD_FRAMES */
    SDL_LockMutex(a->lock);
    while (!SDL_AtomicGet(&a->quit)) {
        close_done(a);
        int64_t fade;
        bool switching;
        if (want_start(a, &fade, &switching)) {
            start_track(a, fade, switching);
            continue;
        }
        mix_voice_t *v = neediest(a, REFILL_BELOW);
        if (!v && topping && needs(topping, AHEAD_FRAMES))
            v = topping;
        topping = v;
        if (v) {
            fill(a, v);
            continue;
        }
        SDL_CondWaitTimeout(a->wake_decoder, a->lock, NAP_MS);
    }
    SDL_UnlockMutex(a->lock);
    return 0;
}
