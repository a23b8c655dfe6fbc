/* The decoder thread: keeps each playing voice's ring a few seconds ahead of the audio thread,
 * starts the next track early enough to crossfade into it (or a phase's own music when asked),
 * and closes finished tracks. All file work happens with the lock released; the lock is taken
 * only to look at and publish state. A file that cannot be played is skipped with one warning. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/sound/loudness.h"
#include "platform/sound/audioeng.h"

#define BLOCK_FRAMES 4096
#define CONVERT_FRAMES 1024          /* decoded as float this many frames at a time */
#define PREFILL_FRAMES FRAMES(300)   /* ready before a new voice is let into the mix */
#define LEAD_FRAMES FRAMES(2000)     /* a successor is opened this long before its crossfade
                                      * (it waits, silent, for its moment), so a slow disk
                                      * never shortens a crossfade */
#define REFILL_BELOW FRAMES(1500) /* a voice this little ahead is filled back to AHEAD_FRAMES in
                                      * one go, so the decoder wakes about once a second a track */
#define NAP_MS 250                   /* the decoder looks again at least this often */
#define QUIET_LEVEL 0.01f            /* music below -40 dB: changes are quick and unheard */
#define QUIET_FADE FRAMES(50)

static voice_t *find_voice(audio_t *a, voice_state_t state, bool leading)
{
    for (int i = 0; i < VOICES; i++)
        if (a->voice[i].state == state && (!leading || a->voice[i].leading))
            return &a->voice[i];
    return NULL;
}

int64_t audio_frames_left(const voice_t *v)
{
    if (v->eof)
        return v->wr - v->rd;
    return v->length > 0 ? v->length - v->rd : -1;
}

/* Reports a track's start for --timing. */
static void report_track(audio_t *a, const voice_t *v, int64_t crossfade)
{
    if (a->timing)
        audio_message(&a->timings, "track \"%s\" frame=%lld crossfade=%lld gain=%+.1f %s", v->name,
                      (long long)a->clock, (long long)(crossfade * 1000 / RATE), 20.0 * log10f(v->level.value),
                      a->list.tracks[v->track].measured ? "measured" : "safe");
}

void audio_begin_crossfade(audio_t *a, voice_t *v)
{
    /* swapping tracks while the music is nearly silent (a fade from silence just begun) is
     * quick; a first track, with nothing to swap, fades in fully whatever the level */
    bool others = false;
    for (int i = 0; i < VOICES; i++)
        others |= &a->voice[i] != v && a->voice[i].state == VOICE_ACTIVE && a->voice[i].follows < 0;
    if (others && a->mode.value * a->pause.value < QUIET_LEVEL)
        v->fade_len = QUIET_FADE;
    ramp_init(&v->level, audio_track_gain(a, v->track)); /* not heard yet: its level now */
    for (int i = 0; i < VOICES; i++) {
        voice_t *u = &a->voice[i];
        if (u == v || u->state != VOICE_ACTIVE)
            continue;
        if (u->follows >= 0) { /* still waiting for its turn: never heard */
            u->state = VOICE_DONE;
            continue;
        }
        int64_t out = v->fade_len, left = audio_frames_left(u);
        if (left >= 0 && left < out)
            out = left;
        ramp_within(&u->fade, 0.0f, out > 0 ? out : 1);
    }
    v->follows = -1;
    ramp_init(&v->fade, 0.0f);
    ramp_to(&v->fade, 1.0f, v->fade_len);
    report_track(a, v, v->fade_len);
}

/* Closes the readers of finished voices and frees their slots. */
static void close_done(audio_t *a)
{
    for (int i = 0; i < VOICES; i++) {
        voice_t *v = &a->voice[i];
        if (v->state != VOICE_DONE)
            continue;
        trackread_t *r = v->reader;
        v->reader = NULL;
        v->state = VOICE_FREE;
        SDL_UnlockMutex(a->lock);
        trackread_close(r);
        SDL_LockMutex(a->lock);
    }
}

/* Whether to start a track now, and with which fade. */
static bool want_start(audio_t *a, int64_t *fade, bool *switching)
{
    voice_t *spare = find_voice(a, VOICE_FREE, false);
    *switching = a->switch_pending;
    *fade = a->switch_pending ? a->switch_fade : a->fade_frames;
    if (a->switch_pending && !spare) { /* all busy crossfading: hurry the quietest out */
        voice_t *q = NULL;
        for (int i = 0; i < VOICES; i++)
            if (a->voice[i].state == VOICE_ACTIVE && !a->voice[i].leading &&
                (!q || a->voice[i].fade.value < q->fade.value))
                q = &a->voice[i];
        if (q)
            ramp_within(&q->fade, 0.0f, FRAMES(MIN_FADE_MS));
        return false;
    }
    if (a->switch_pending || !spare)
        return spare != NULL;
    if (a->exhausted)
        return false;
    voice_t *lead = find_voice(a, VOICE_ACTIVE, true);
    if (!lead)
        return true;
    if (audio_held(a)) /* held music stands still: its next track can wait (readied now, it would
                        * replace this one at once, unheard, e.g. before a session's music begins) */
        return false;
    int64_t left = audio_frames_left(lead);
    return !lead->handed_off && lead->follows < 0 && left >= 0 && left <= a->fade_frames + LEAD_FRAMES;
}

/* Lets a loaded voice into the mix as the leading one. Silent music changes at once; a phase's
 * music crossfades now; the playlist's next track waits to overlap only the old one's last
 * fade. */
static void commit(audio_t *a, voice_t *v, int64_t fade, bool switching)
{
    voice_t *old = find_voice(a, VOICE_ACTIVE, true);
    bool held = audio_held(a);
    v->fade_len = fade;
    v->leading = true;
    v->handed_off = v->starved = false;
    v->follows = -1;
    ramp_init(&v->gate, 1.0f);
    ramp_init(&v->level, audio_track_gain(a, v->track));
    v->state = VOICE_ACTIVE;
    if (old)
        old->leading = false;
    if (held) { /* nothing is heard now: swap at once, the mode's fade brings it in */
        for (int i = 0; i < VOICES; i++)
            if (&a->voice[i] != v && a->voice[i].state == VOICE_ACTIVE)
                a->voice[i].state = VOICE_DONE;
        ramp_init(&v->fade, 1.0f);
        report_track(a, v, 0);
        return;
    }
    int64_t left = old ? audio_frames_left(old) : -1;
    if (!switching && old && old->follows < 0 && left > v->fade_len) {
        v->follows = (int)(old - a->voice);
        v->follow_rd = old->rd + left - v->fade_len;
        ramp_init(&v->fade, 0.0f);
        return;
    }
    audio_begin_crossfade(a, v);
}

/* Reads up to max frames into dst (16-bit stereo), like trackread_read: the frames read, 0 at
 * the end, -1 when the file turns out to be damaged. */
static int read_s16(trackread_t *r, Sint16 *dst, int max)
{
    float block[2 * CONVERT_FRAMES];
    int got = 0;
    while (got < max) {
        int n = trackread_read(r, block, max - got < CONVERT_FRAMES ? max - got : CONVERT_FRAMES);
        if (n <= 0)
            return got > 0 ? got : n;
        audio_to_s16(block, dst + got * 2, 2 * n);
        got += n;
    }
    return got;
}

/* Reads up to PREFILL_FRAMES into a voice nobody else looks at yet. Returns frames read, or
 * -1 with the reason in why when the file gives no sound at all. */
static int64_t prefill(voice_t *v, trackread_t *r, char *why, size_t whysize)
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

static void begin_voice(audio_t *a, voice_t *v, int track, const char *source)
{
    const char *path = a->list.tracks[track].path, *slash = strrchr(path, '/');
    Sint16 *ring = v->ring;
    memset(v, 0, sizeof *v);
    v->ring = ring;
    v->state = VOICE_LOADING;
    v->gen = a->gen;
    v->track = track;
    snprintf(v->source, sizeof v->source, "%s", source);
    snprintf(v->name, sizeof v->name, "%s", slash ? slash + 1 : path);
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
        audio_message(&a->warnings, "None of the chosen music can be played: playing Safe Base's own music");
    }
    voice_t *v = find_voice(a, VOICE_FREE, false), *lead = find_voice(a, VOICE_ACTIVE, true);
    if (lead)
        lead->handed_off = true;
    begin_voice(a, v, track, source);
    unsigned gen = a->gen;
    bool measured = a->list.tracks[track].measured;
    snprintf(path, sizeof path, "%s", a->list.tracks[track].path);
    SDL_UnlockMutex(a->lock);
    loudness_t loud;
    bool cached = !measured && audio_cached_loudness(a, path, &loud);
    trackread_t *r = trackread_open(path, why, sizeof why);
    int64_t got = r ? prefill(v, r, why, sizeof why) : -1;
    if (got < 0) {
        trackread_close(r);
        r = NULL;
    }
    SDL_LockMutex(a->lock);
    v->reader = r;
    if (!r) {
        audio_mark_bad(a, gen, track, why);
        v->state = VOICE_FREE;
        if (lead && lead->state == VOICE_ACTIVE && lead->leading)
            lead->handed_off = false; /* try the next one */
        if (switching && gen == a->gen)
            a->switch_pending = true; /* a phase's music: on to its next file */
        return;
    }
    v->wr = got;
    v->length = trackread_length(r);
    if (gen != a->gen) { /* the music was replaced meanwhile */
        v->state = VOICE_DONE;
        return;
    }
    if (cached) { /* measured in an earlier session: it starts at its level */
        a->list.tracks[track].loud = loud;
        a->list.tracks[track].measured = true;
    }
    commit(a, v, fade, switching);
}

static bool needs(const voice_t *v, int64_t below)
{
    return v->state == VOICE_ACTIVE && !v->eof && v->wr - v->rd < below;
}

/* The playing voice that most needs decoding, or NULL when all are more than below ahead. */
static voice_t *neediest(audio_t *a, int64_t below)
{
    voice_t *best = NULL;
    for (int i = 0; i < VOICES; i++) {
        voice_t *v = &a->voice[i];
        if (needs(v, below) && (!best || v->wr - v->rd < best->wr - best->rd))
            best = v;
    }
    return best;
}

/* Decodes one block into v's ring. Called and returns with the lock held. */
static void fill(audio_t *a, voice_t *v)
{
    trackread_t *r = v->reader;
    int64_t start = v->wr, at = start & (RING_FRAMES - 1);
    int64_t space = RING_FRAMES - (v->wr - v->rd), want = BLOCK_FRAMES;
    if (want > space)
        want = space;
    if (want > RING_FRAMES - at)
        want = RING_FRAMES - at; /* up to the wrap; the next call goes on from there */
    unsigned gen = v->gen;
    int track = v->track;
    SDL_UnlockMutex(a->lock);
    int n = want > 0 ? read_s16(r, v->ring + at * 2, (int)want) : 0;
    SDL_LockMutex(a->lock);
    if (v->reader != r || v->wr != start)
        return; /* retired meanwhile */
    if (n > 0) {
        v->wr += n;
        return;
    }
    v->eof = true;
    if (n < 0 && gen == a->gen && !a->list.tracks[track].warned) {
        a->list.tracks[track].warned = true;
        audio_message(&a->warnings, "Music \"%s\" stops early: %s", a->list.tracks[track].path,
                      trackread_error(r));
    }
}

int audiodec_main(void *arg)
{
    audio_t *a = arg;
    voice_t *topping = NULL; /* being filled from REFILL_BELOW back up to AHEAD_FRAMES */
    SDL_LockMutex(a->lock);
    while (!SDL_AtomicGet(&a->quit)) {
        close_done(a);
        int64_t fade;
        bool switching;
        if (want_start(a, &fade, &switching)) {
            start_track(a, fade, switching);
            continue;
        }
        voice_t *v = neediest(a, REFILL_BELOW);
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
