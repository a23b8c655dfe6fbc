/* The mixer: mixes the music voices (crossfade x loudness x starvation envelopes, then the
 * mode, pause and duck ramps), the cues, the master volume and the safety limiter, and notes
 * what is worth reporting as events. No clock, no file, no lock: the caller serialises calls. */
#include "core/sound/mix.h"

#include <math.h>
#include <string.h>

#include "core/sound/loudness.h"

#define CHUNK 256                    /* frames mixed per inner step */
#define DECLICK_FRAMES MIX_FRAMES(10)  /* a voice about to run dry fades out over at least this */
#define REFILL_FRAMES MIX_FRAMES(200)  /* a starved voice comes back with this much ready */
#define PAUSE_FADE_MS 1000
#define DUCK_MS 200
#define DUCK_DB (-10.0f)
#define SOFT_DB (-12.0f)
#define LEVEL_GLIDE_MS 3000          /* a track's gain moving to its measured value */
#define CUE_REPEAT_FRAMES MIX_FRAMES(250)
#define CUE_REFERENCE_LUFS (-23.0)   /* the cues' level is set against music at this target */
#define LIMITER_RELEASE_MS 150
#define SOUND_THRESHOLD 0.001f       /* -60 dBFS: "sound" for timing reports */
#define QUIET_BEFORE_SOUND MIX_FRAMES(300)
#define QUIET_LEVEL 0.01f            /* music below -40 dB: changes are quick and unheard */
#define QUIET_FADE MIX_FRAMES(50)

static void note(mix_t *m, const mix_event_t *e)
{
    if (m->nevents < MIX_EVENTS)
        m->events[m->nevents++] = *e;
    else
        m->dropped++;
}

void mix_init(mix_t *m, int16_t *const rings[MIX_VOICES], const tracklist_t *list)
{
    memset(m, 0, sizeof *m);
    for (int i = 0; i < MIX_VOICES; i++)
        m->voice[i].ring = rings[i];
    m->list = list;
    m->target_lufs = CUE_REFERENCE_LUFS;
    m->fade_frames = MIX_FRAMES(1500);
    ramp_init(&m->mode, 0.0f);
    ramp_init(&m->pause, 1.0f);
    ramp_init(&m->duck, 1.0f);
    ramp_init(&m->out, 1.0f);
    m->duck_until = m->duck_at = -1;
    m->master = 1.0f;
    m->cue_gain = 1.0f;
    limiter_init(&m->limiter, (float)loudness_db_to_gain(LOUDNESS_CEILING_DBTP),
                 (int)MIX_FRAMES(LIMITER_RELEASE_MS));
}

void mix_configure(mix_t *m, int volume_percent, double target_lufs)
{
    int v = volume_percent < 0 ? 0 : volume_percent > 100 ? 100 : volume_percent;
    m->master = (float)v / 100.0f;
    limiter_set_ceiling(&m->limiter, m->master * (float)loudness_db_to_gain(LOUDNESS_CEILING_DBTP));
    m->target_lufs = target_lufs;
    /* the cues keep their place above the music whatever its loudness */
    m->cue_gain = (float)loudness_db_to_gain(target_lufs - CUE_REFERENCE_LUFS);
}

int mix_music_mode(mix_t *m, music_mode_t mode, int fade_ms)
{
    if (fade_ms < MIX_MIN_FADE_MS)
        fade_ms = MIX_MIN_FADE_MS;
    if (mode == MUSIC_CONTINUE)
        return fade_ms;
    float target = mode == MUSIC_PLAY ? 1.0f : mode == MUSIC_SOFT ? ramp_db(SOFT_DB) : 0.0f;
    m->fade_frames = MIX_FRAMES(fade_ms);
    ramp_to(&m->mode, target, m->fade_frames);
    return fade_ms;
}

void mix_pause(mix_t *m, bool paused)
{
    ramp_to(&m->pause, paused ? 0.0f : 1.0f, MIX_FRAMES(PAUSE_FADE_MS));
}

void mix_cue(mix_t *m, int cue, int64_t moment_ms, double asked_ms)
{
    if (cue >= 0 && cue < MIX_CUE_SOUNDS && m->nasked < MIX_CUE_VOICES)
        m->asked[m->nasked++] = (mix_cue_request_t){ cue, moment_ms, asked_ms };
}

void mix_schedule_clear(mix_t *m)
{
    m->nscheduled = 0;
}

void mix_schedule_add(mix_t *m, int cue, int64_t moment_ms)
{
    if (cue >= 0 && cue < MIX_CUE_SOUNDS && m->nscheduled < MIX_CUE_VOICES)
        m->scheduled[m->nscheduled++] = (mix_cue_request_t){ cue, moment_ms, -1.0 };
}

bool mix_fade_out(mix_t *m, int ms)
{
    ramp_to(&m->out, 0.0f, MIX_FRAMES(ms));
    return m->quiet_frames < MIX_FRAMES(ms);
}

bool mix_held(const mix_t *m)
{
    return ramp_settled(&m->mode) && ramp_settled(&m->pause) && m->mode.value * m->pause.value == 0.0f;
}

float mix_track_gain(const mix_t *m, int track)
{
    const tracklist_t *l = m->list;
    if (!l || track < 0 || track >= l->count || !l->tracks[track].measured)
        return (float)loudness_db_to_gain(loudness_safe_gain_db(m->target_lufs));
    double db = loudness_gain_db(&l->tracks[track].loud, m->target_lufs, LOUDNESS_CEILING_DBTP);
    return (float)loudness_db_to_gain(db);
}

int64_t mix_frames_left(const mix_voice_t *v)
{
    if (v->eof)
        return v->wr - v->rd;
    return v->length > 0 ? v->length - v->rd : -1;
}

mix_voice_t *mix_find_voice(mix_t *m, mix_voice_state_t state, bool leading)
{
    for (int i = 0; i < MIX_VOICES; i++)
        if (m->voice[i].state == state && (!leading || m->voice[i].leading))
            return &m->voice[i];
    return NULL;
}

void mix_voice_load(mix_voice_t *v, unsigned gen, int track)
{
    int16_t *ring = v->ring;
    memset(v, 0, sizeof *v);
    v->ring = ring;
    v->state = MIX_VOICE_LOADING;
    v->gen = gen;
    v->track = track;
}

/* Notes a track's start for the timing reports. */
static void report_track(mix_t *m, const mix_voice_t *v, int64_t crossfade)
{
    const tracklist_t *l = m->list;
    note(m, &(mix_event_t){ .kind = MIX_EVENT_TRACK, .frame = m->clock, .voice = (int)(v - m->voice),
                            .track = v->track, .crossfade = crossfade, .gain = v->level.value,
                            .measured = l && v->track >= 0 && v->track < l->count &&
                                        l->tracks[v->track].measured });
}

/* Starts v's fade in, and fades every other playing voice out within it (or within what it
 * has left). */
static void begin_crossfade(mix_t *m, mix_voice_t *v)
{
    /* swapping tracks while the music is nearly silent (a fade from silence just begun) is
     * quick; a first track, with nothing to swap, fades in fully whatever the level */
    bool others = false;
    for (int i = 0; i < MIX_VOICES; i++)
        others |= &m->voice[i] != v && m->voice[i].state == MIX_VOICE_ACTIVE && m->voice[i].follows < 0;
    if (others && m->mode.value * m->pause.value < QUIET_LEVEL)
        v->fade_len = QUIET_FADE;
    ramp_init(&v->level, mix_track_gain(m, v->track)); /* not heard yet: its level now */
    for (int i = 0; i < MIX_VOICES; i++) {
        mix_voice_t *u = &m->voice[i];
        if (u == v || u->state != MIX_VOICE_ACTIVE)
            continue;
        if (u->follows >= 0) { /* still waiting for its turn: never heard */
            u->state = MIX_VOICE_DONE;
            continue;
        }
        int64_t out = v->fade_len, left = mix_frames_left(u);
        if (left >= 0 && left < out)
            out = left;
        ramp_within(&u->fade, 0.0f, out > 0 ? out : 1);
    }
    v->follows = -1;
    ramp_init(&v->fade, 0.0f);
    ramp_to(&v->fade, 1.0f, v->fade_len);
    report_track(m, v, v->fade_len);
}

void mix_commit(mix_t *m, mix_voice_t *v, int64_t fade, bool switching)
{
    mix_voice_t *old = mix_find_voice(m, MIX_VOICE_ACTIVE, true);
    bool held = mix_held(m);
    v->fade_len = fade;
    v->leading = true;
    v->handed_off = v->starved = false;
    v->follows = -1;
    ramp_init(&v->gate, 1.0f);
    ramp_init(&v->level, mix_track_gain(m, v->track));
    v->state = MIX_VOICE_ACTIVE;
    if (old)
        old->leading = false;
    if (held) { /* nothing is heard now: swap at once, the mode's fade brings it in */
        for (int i = 0; i < MIX_VOICES; i++)
            if (&m->voice[i] != v && m->voice[i].state == MIX_VOICE_ACTIVE)
                m->voice[i].state = MIX_VOICE_DONE;
        ramp_init(&v->fade, 1.0f);
        report_track(m, v, 0);
        return;
    }
    int64_t left = old ? mix_frames_left(old) : -1;
    if (!switching && old && old->follows < 0 && left > v->fade_len) {
        v->follows = (int)(old - m->voice);
        v->follow_rd = old->rd + left - v->fade_len;
        ramp_init(&v->fade, 0.0f);
        return;
    }
    begin_crossfade(m, v);
}

void mix_retire(mix_t *m)
{
    bool held = mix_held(m);
    for (int i = 0; i < MIX_VOICES; i++) {
        mix_voice_t *v = &m->voice[i];
        if (v->state != MIX_VOICE_ACTIVE)
            continue;
        v->leading = false;
        if (held || v->follows >= 0)
            v->state = MIX_VOICE_DONE;
        else
            ramp_to(&v->fade, 0.0f, m->fade_frames);
    }
}

void mix_hurry_out(mix_t *m)
{
    mix_voice_t *q = NULL;
    for (int i = 0; i < MIX_VOICES; i++)
        if (m->voice[i].state == MIX_VOICE_ACTIVE && !m->voice[i].leading &&
            (!q || m->voice[i].fade.value < q->fade.value))
            q = &m->voice[i];
    if (q)
        ramp_within(&q->fade, 0.0f, MIX_FRAMES(MIX_MIN_FADE_MS));
}

void mix_track_measured(mix_t *m, unsigned gen, int track)
{
    float gain = mix_track_gain(m, track);
    for (int i = 0; i < MIX_VOICES; i++) { /* a playing track glides to its level */
        mix_voice_t *v = &m->voice[i];
        if (v->state == MIX_VOICE_ACTIVE && v->gen == gen && v->track == track)
            ramp_to(&v->level, gain, MIX_FRAMES(LEVEL_GLIDE_MS));
    }
}

/* A cue voice for a new cue: a free one; NULL when all are busy (a cue is never cut off). */
static mix_cue_voice_t *free_cue_voice(mix_t *m)
{
    for (int i = 0; i < MIX_CUE_VOICES; i++)
        if (!m->cues[i].active)
            return &m->cues[i];
    return NULL;
}

/* True when the same cue began less than CUE_REPEAT_FRAMES ago (quick key presses): a second
 * copy on top would only make it louder. */
static bool just_started(const mix_t *m, const int16_t *data)
{
    for (int i = 0; i < MIX_CUE_VOICES; i++)
        if (m->cues[i].active && m->cues[i].data == data && m->cues[i].pos < CUE_REPEAT_FRAMES)
            return true;
    return false;
}

static bool begun(const mix_t *m, const mix_cue_request_t *q)
{
    for (int i = 0; i < m->nstarted && i < 8; i++)
        if (m->started[i].cue == q->cue && m->started[i].moment_ms == q->moment_ms)
            return true;
    return false;
}

/* Starts a cue wait frames into this render's buffer, dips the music under it. */
static void start_cue(mix_t *m, const mix_cue_request_t *q, int64_t wait, double now_ms)
{
    mix_cue_voice_t *c = free_cue_voice(m);
    const mix_sound_t *s = &m->sound[q->cue];
    if (!s->data || !c || just_started(m, s->data) || begun(m, q))
        return;
    *c = (mix_cue_voice_t){ s->data, s->frames, 0, wait, true };
    m->started[m->nstarted++ % 8] = (mix_cue_request_t){ q->cue, q->moment_ms, q->asked_ms };
    int64_t at = m->clock + wait, until = at + s->frames - MIX_FRAMES(DUCK_MS);
    if (m->duck_at < 0 || at < m->duck_at)
        m->duck_at = at;
    if (until > m->duck_until)
        m->duck_until = until;
    /* it leaves the limiter LIMITER_LOOKAHEAD - 1 frames later */
    note(m, &(mix_event_t){ .kind = MIX_EVENT_CUE, .cue = q->cue, .moment_ms = q->moment_ms,
                            .asked_ms = q->asked_ms,
                            .at_ms = now_ms + (double)(wait + LIMITER_LOOKAHEAD - 1) * 1000.0 / MIX_RATE,
                            .frame = at + LIMITER_LOOKAHEAD - 1 });
}

/* Starts the cues due in this render's buffer of frames (which begins sounding at now_ms):
 * scheduled ones at their exact frame, asked-for ones at once. */
static void start_cues(mix_t *m, double now_ms, int frames)
{
    double span = frames * 1000.0 / MIX_RATE;
    for (int i = 0; i < m->nscheduled;) {
        mix_cue_request_t q = m->scheduled[i];
        if (q.moment_ms > now_ms + span) {
            i++;
            continue;
        }
        int64_t wait = (int64_t)((q.moment_ms - now_ms) * MIX_RATE / 1000.0) - (LIMITER_LOOKAHEAD - 1);
        start_cue(m, &q, wait > 0 ? wait : 0, now_ms);
        m->scheduled[i] = m->scheduled[--m->nscheduled];
    }
    for (int r = 0; r < m->nasked; r++)
        start_cue(m, &m->asked[r], 0, now_ms);
    m->nasked = 0;
}

/* The shared gain of all music for n frames (mode x pause x duck), into g. */
static void global_gains(mix_t *m, float *g, int n)
{
    bool duck_due = (m->duck_at >= 0 && m->clock + n > m->duck_at) || (m->duck_until >= 0 && m->clock + n > m->duck_until);
    if (!duck_due && ramp_settled(&m->mode) && ramp_settled(&m->pause) && ramp_settled(&m->duck)) {
        float k = m->mode.value * m->pause.value * m->duck.value; /* standing still: one gain */
        for (int f = 0; f < n; f++)
            g[f] = k;
        return;
    }
    for (int f = 0; f < n; f++) {
        if (m->duck_at >= 0 && m->clock + f >= m->duck_at) {
            ramp_to(&m->duck, ramp_db(DUCK_DB), MIX_FRAMES(DUCK_MS));
            m->duck_at = -1;
        }
        if (m->duck_until >= 0 && m->duck_at < 0 && m->clock + f >= m->duck_until) {
            ramp_to(&m->duck, 1.0f, MIX_FRAMES(DUCK_MS));
            m->duck_until = -1;
        }
        g[f] = ramp_next(&m->mode) * ramp_next(&m->pause) * ramp_next(&m->duck);
    }
}

/* Watches a voice's supply before mixing n frames: a voice near its true end, or whose
 * decoder fell behind, fades out over what is left so it never stops with a jump. Returns
 * the frames it can give. */
static int64_t supply(mix_voice_t *v, int n)
{
    int64_t avail = v->wr - v->rd;
    if (v->eof) {
        if (avail <= n + DECLICK_FRAMES)
            ramp_within(&v->fade, 0.0f, avail > 0 ? avail : 1);
        return avail < n ? avail : n;
    }
    if (v->starved) {
        if (avail < REFILL_FRAMES) /* fading out over what is left, then waiting */
            return ramp_settled(&v->gate) ? 0 : avail < n ? avail : n;
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
static bool mix_voice(mix_voice_t *v, const float *g, float *out, int n)
{
    int64_t give = supply(v, n);
    const int64_t mask = MIX_RING_FRAMES - 1;
    /* its own envelopes standing still (nearly always): one gain, no steps */
    bool still = ramp_settled(&v->fade) && ramp_settled(&v->level) && ramp_settled(&v->gate);
    float k0 = v->fade.value * v->level.value * v->gate.value;
    for (int64_t f = 0; f < give; f++) {
        const int16_t *s = &v->ring[((v->rd + f) & mask) * 2];
        float env = still ? k0 : ramp_next(&v->fade) * ramp_next(&v->level) * ramp_next(&v->gate);
        float k = env * g[f] * (1.0f / 32768.0f);
        out[f * 2] += (float)s[0] * k;
        out[f * 2 + 1] += (float)s[1] * k;
    }
    v->rd += give;
    bool drained = v->eof && v->rd >= v->wr;
    bool faded = !v->leading && ramp_settled(&v->fade) && v->fade.value == 0.0f;
    if (drained || faded) {
        v->state = MIX_VOICE_DONE;
        v->leading = false;
    }
    return drained || faded;
}

/* For a voice waiting to follow another: true (and its crossfade begun) when that one has
 * reached the point where its last fade starts, or has ended. */
static bool follow_now(mix_t *m, mix_voice_t *v)
{
    const mix_voice_t *p = &m->voice[v->follows];
    bool due = p->state != MIX_VOICE_ACTIVE || p->rd >= v->follow_rd ||
               (p->eof && p->wr - p->rd <= v->fade_len);
    if (due)
        begin_crossfade(m, v);
    return due;
}

/* Mixes the music into out[0..n) frames. Held (paused or silent) music stands still.
 * Returns true when a voice finished. */
static bool mix_music(mix_t *m, float *out, int n)
{
    bool freed = false;
    float g[CHUNK];
    bool held = mix_held(m);
    global_gains(m, g, n);
    for (int i = 0; i < MIX_VOICES; i++) {
        mix_voice_t *v = &m->voice[i];
        if (v->state != MIX_VOICE_ACTIVE)
            continue;
        if (held) {
            if (!v->leading) { /* inaudible and on its way out anyway */
                v->state = MIX_VOICE_DONE;
                freed = true;
            }
            continue;
        }
        if (v->follows >= 0 && !follow_now(m, v))
            continue;
        freed |= mix_voice(v, g, out, n);
    }
    return freed;
}

static void mix_cues(mix_t *m, float *out, int n)
{
    for (int i = 0; i < MIX_CUE_VOICES; i++) {
        mix_cue_voice_t *c = &m->cues[i];
        if (!c->active)
            continue;
        int64_t skip = c->wait < n ? c->wait : n;
        c->wait -= skip;
        int64_t left = c->frames - c->pos, k = left < n - skip ? left : n - skip;
        const int16_t *s = c->data + c->pos * 2;
        float *o = out + skip * 2, gain = m->cue_gain / 32768.0f;
        for (int64_t f = 0; f < k * 2; f++)
            o[f] += (float)s[f] * gain;
        c->pos += k;
        c->active = c->pos < c->frames;
    }
}

/* Notes when sound begins after a quiet spell (for the "Space to first sound" bench). */
static void watch_sound(mix_t *m, const float *out, int frames, int64_t start, double now_ms)
{
    int first = -1;
    for (int f = 0; f < frames * 2 && first < 0; f++)
        if (fabsf(out[f]) >= SOUND_THRESHOLD)
            first = f / 2;
    if (first < 0) {
        m->quiet_frames += frames;
        return;
    }
    if (m->quiet_frames + first >= QUIET_BEFORE_SOUND)
        note(m, &(mix_event_t){ .kind = MIX_EVENT_SOUND, .frame = start + first, .offset = first,
                                .at_ms = now_ms + first * 1000.0 / MIX_RATE });
    m->quiet_frames = 0;
}

bool mix_render(mix_t *m, float *out, int frames, double now_ms)
{
    memset(out, 0, sizeof(float) * 2 * (size_t)(frames > 0 ? frames : 0));
    int64_t start = m->clock;
    bool freed = false;
    start_cues(m, now_ms, frames);
    for (int done = 0; done < frames;) {
        int n = frames - done < CHUNK ? frames - done : CHUNK;
        freed |= mix_music(m, out + done * 2, n);
        mix_cues(m, out + done * 2, n);
        m->clock += n;
        done += n;
    }
    bool out_still = ramp_settled(&m->out);
    for (int f = 0; f < frames; f++) {
        float k = m->master * (out_still ? m->out.value : ramp_next(&m->out));
        out[f * 2] *= k;
        out[f * 2 + 1] *= k;
    }
    limiter_process(&m->limiter, out, frames);
    watch_sound(m, out, frames, start, now_ms);
    return freed;
}
