/* The audio thread: mixes the music voices (crossfade x loudness x starvation envelopes, then
 * the mode, pause and duck ramps), the cues, the master volume and the safety limiter. It
 * holds the engine's lock for the few microseconds that takes and never touches a file. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "platform/sound/audioeng.h"

#define CHUNK 256                    /* frames mixed per inner step */
#define SOUND_THRESHOLD 0.001f       /* -60 dBFS: "sound" for timing reports */
#define QUIET_BEFORE_SOUND FRAMES(300)
#define REFILL_FRAMES FRAMES(200)    /* a starved voice comes back with this much ready */
#define CUE_REPEAT_FRAMES FRAMES(250)

static const char *cue_name(audio_cue_t c)
{
    static const char *names[AUDIO_CUE_COUNT] = { "chime", "ending-soon", "end" };
    return names[c];
}

/* A cue voice for a new cue: a free one; NULL when all are busy (a cue is never cut off). */
static cue_voice_t *free_cue_voice(audio_t *a)
{
    for (int i = 0; i < CUE_VOICES; i++)
        if (!a->cues[i].active)
            return &a->cues[i];
    return NULL;
}

/* True when the same cue began less than CUE_REPEAT_FRAMES ago (quick key presses): a second
 * copy on top would only make it louder. */
static bool just_started(const audio_t *a, const Sint16 *data)
{
    for (int i = 0; i < CUE_VOICES; i++)
        if (a->cues[i].active && a->cues[i].data == data && a->cues[i].pos < CUE_REPEAT_FRAMES)
            return true;
    return false;
}

static bool begun(const audio_t *a, const cue_request_t *q)
{
    for (int i = 0; i < a->nstarted && i < 8; i++)
        if (a->started[i].cue == q->cue && a->started[i].moment_ms == q->moment_ms)
            return true;
    return false;
}

/* Starts a cue wait frames into this callback's buffer, dips the music under it. */
static void start_cue(audio_t *a, const cue_request_t *q, int64_t wait, double now_ms)
{
    cue_voice_t *c = free_cue_voice(a);
    const Sint16 *data = a->cue_data[q->cue];
    if (!data || !c || just_started(a, data) || begun(a, q))
        return;
    *c = (cue_voice_t){ data, a->cue_frames[q->cue], 0, wait, true };
    a->started[a->nstarted++ % 8] = (audio_timed_cue_t){ q->cue, q->moment_ms };
    int64_t at = a->clock + wait, until = at + a->cue_frames[q->cue] - FRAMES(DUCK_MS);
    if (a->duck_at < 0 || at < a->duck_at)
        a->duck_at = at;
    if (until > a->duck_until)
        a->duck_until = until;
    if (a->timing) /* it leaves the limiter LIMITER_LOOKAHEAD - 1 frames later */
        audio_message(&a->timings, "cue %s moment=%lld asked=%.1f started=%.1f frame=%lld", cue_name(q->cue),
                      (long long)q->moment_ms, q->asked_ms,
                      now_ms + (double)(wait + LIMITER_LOOKAHEAD - 1) * 1000.0 / RATE,
                      (long long)(at + LIMITER_LOOKAHEAD - 1));
}

/* Starts the cues due in this callback's buffer of frames (which begins sounding at now_ms):
 * scheduled ones at their exact frame, asked-for ones at once. */
static void start_cues(audio_t *a, double now_ms, int frames)
{
    double span = frames * 1000.0 / RATE;
    for (int i = 0; i < a->nscheduled;) {
        cue_request_t q = a->scheduled[i];
        if (q.moment_ms > now_ms + span) {
            i++;
            continue;
        }
        int64_t wait = (int64_t)((q.moment_ms - now_ms) * RATE / 1000.0) - (LIMITER_LOOKAHEAD - 1);
        start_cue(a, &q, wait > 0 ? wait : 0, now_ms);
        a->scheduled[i] = a->scheduled[--a->nscheduled];
    }
    for (int r = 0; r < a->ncue_requests; r++)
        start_cue(a, &a->cue_requests[r], 0, now_ms);
    a->ncue_requests = 0;
}

/* The shared gain of all music for n frames (mode x pause x duck), into g. */
static void global_gains(audio_t *a, float *g, int n)
{
    bool duck_due = (a->duck_at >= 0 && a->clock + n > a->duck_at) || (a->duck_until >= 0 && a->clock + n > a->duck_until);
    if (!duck_due && ramp_settled(&a->mode) && ramp_settled(&a->pause) && ramp_settled(&a->duck)) {
        float k = a->mode.value * a->pause.value * a->duck.value; /* standing still: one gain */
        for (int f = 0; f < n; f++)
            g[f] = k;
        return;
    }
    for (int f = 0; f < n; f++) {
        if (a->duck_at >= 0 && a->clock + f >= a->duck_at) {
            ramp_to(&a->duck, ramp_db(DUCK_DB), FRAMES(DUCK_MS));
            a->duck_at = -1;
        }
        if (a->duck_until >= 0 && a->duck_at < 0 && a->clock + f >= a->duck_until) {
            ramp_to(&a->duck, 1.0f, FRAMES(DUCK_MS));
            a->duck_until = -1;
        }
        g[f] = ramp_next(&a->mode) * ramp_next(&a->pause) * ramp_next(&a->duck);
    }
}

/* Watches a voice's supply before mixing n frames: a voice near its true end, or whose
 * decoder fell behind, fades out over what is left so it never stops with a jump. Returns
 * the frames it can give. */
static int64_t supply(voice_t *v, int n)
{
    int64_t avail = v->wr - v->rd;
    if (v->eof) {
        if (avail <= n + DECLICK_FRAMES)
            ramp_within(&v->fade, 0.0f, avail > 0 ? avail : 1);
        return avail < n ? avail : n;
    }
    if (v->starved) {
        if (avail < REFILL_FRAMES)
            return 0;
        v->starved = false;
        ramp_to(&v->gate, 1.0f, DECLICK_FRAMES * 2);
    }
    if (avail <= n + DECLICK_FRAMES) { /* running dry: fade over what is left, then wait */
        ramp_within(&v->gate, 0.0f, avail > 0 ? avail : 1);
        v->starved = true;
    }
    return avail < n ? avail : n;
}

/* Mixes one voice; returns true when it has finished (its slot can be reused). */
static bool mix_voice(voice_t *v, const float *g, float *out, int n)
{
    int64_t give = supply(v, n);
    const int64_t mask = RING_FRAMES - 1;
    /* its own envelopes standing still (nearly always): one gain, no steps */
    bool still = ramp_settled(&v->fade) && ramp_settled(&v->level) && ramp_settled(&v->gate);
    float k0 = v->fade.value * v->level.value * v->gate.value;
    for (int64_t f = 0; f < give; f++) {
        const Sint16 *s = &v->ring[((v->rd + f) & mask) * 2];
        float env = still ? k0 : ramp_next(&v->fade) * ramp_next(&v->level) * ramp_next(&v->gate);
        float k = env * g[f] * (1.0f / 32768.0f);
        out[f * 2] += (float)s[0] * k;
        out[f * 2 + 1] += (float)s[1] * k;
    }
    v->rd += give;
    bool drained = v->eof && v->rd >= v->wr;
    bool faded = !v->leading && ramp_settled(&v->fade) && v->fade.value == 0.0f;
    if (drained || faded) {
        v->state = VOICE_DONE;
        v->leading = false;
    }
    return drained || faded;
}

/* For a voice waiting to follow another: true (and its crossfade begun) when that one has
 * reached the point where its last fade starts, or has ended. */
static bool follow_now(audio_t *a, voice_t *v)
{
    const voice_t *p = &a->voice[v->follows];
    bool due = p->state != VOICE_ACTIVE || p->rd >= v->follow_rd ||
               (p->eof && p->wr - p->rd <= v->fade_len);
    if (due)
        audio_begin_crossfade(a, v);
    return due;
}

/* Mixes the music into out[0..n) frames. Held (paused or silent) music stands still.
 * Returns true when a voice finished. */
static bool mix_music(audio_t *a, float *out, int n)
{
    bool freed = false;
    float g[CHUNK];
    bool held = audio_held(a);
    global_gains(a, g, n);
    for (int i = 0; i < VOICES; i++) {
        voice_t *v = &a->voice[i];
        if (v->state != VOICE_ACTIVE)
            continue;
        if (held) {
            if (!v->leading) { /* inaudible and on its way out anyway */
                v->state = VOICE_DONE;
                freed = true;
            }
            continue;
        }
        if (v->follows >= 0 && !follow_now(a, v))
            continue;
        freed |= mix_voice(v, g, out, n);
    }
    return freed;
}

static void mix_cues(audio_t *a, float *out, int n)
{
    for (int i = 0; i < CUE_VOICES; i++) {
        cue_voice_t *c = &a->cues[i];
        if (!c->active)
            continue;
        int64_t skip = c->wait < n ? c->wait : n;
        c->wait -= skip;
        int64_t left = c->frames - c->pos, k = left < n - skip ? left : n - skip;
        const Sint16 *s = c->data + c->pos * 2;
        float *o = out + skip * 2, gain = a->cue_gain / 32768.0f;
        for (int64_t f = 0; f < k * 2; f++)
            o[f] += (float)s[f] * gain;
        c->pos += k;
        c->active = c->pos < c->frames;
    }
}

/* Notes when sound begins after a quiet spell (for the "Space to first sound" bench). */
static void watch_sound(audio_t *a, const float *out, int frames, int64_t start, double now_ms)
{
    int first = -1;
    for (int f = 0; f < frames * 2 && first < 0; f++)
        if (fabsf(out[f]) >= SOUND_THRESHOLD)
            first = f / 2;
    if (first < 0) {
        a->quiet_frames += frames;
        return;
    }
    if (a->quiet_frames + first >= QUIET_BEFORE_SOUND && a->timing) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        double mono = (double)ts.tv_sec + ts.tv_nsec / 1e9 + first / (double)RATE;
        audio_message(&a->timings, "sound frame=%lld at=%.1f monotonic=%.4f", (long long)start + first,
                      now_ms + first * 1000.0 / RATE, mono);
    }
    a->quiet_frames = 0;
}

void audiomix_callback(void *udata, Uint8 *stream, int len)
{
    audio_t *a = udata;
    float *out = (float *)stream;
    int frames = len / (int)(2 * sizeof(float));
    memset(stream, 0, (size_t)len);
    double now_ms = audio_now_ms(a);
    SDL_LockMutex(a->lock);
    int64_t start = a->clock;
    bool freed = false;
    start_cues(a, now_ms, frames);
    for (int done = 0; done < frames;) {
        int n = frames - done < CHUNK ? frames - done : CHUNK;
        freed |= mix_music(a, out + done * 2, n);
        mix_cues(a, out + done * 2, n);
        a->clock += n;
        done += n;
    }
    bool out_still = ramp_settled(&a->out);
    for (int f = 0; f < frames; f++) {
        float k = a->master * (out_still ? a->out.value : ramp_next(&a->out));
        out[f * 2] *= k;
        out[f * 2 + 1] *= k;
    }
    limiter_process(&a->limiter, out, frames);
    watch_sound(a, out, frames, start, now_ms);
    SDL_UnlockMutex(a->lock);
    if (freed)
        SDL_CondSignal(a->wake_decoder);
}
