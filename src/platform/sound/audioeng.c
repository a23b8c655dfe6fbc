/* The engine's shared helpers: the message queues, the clock, marking a file bad and reporting
 * the mixer's events as timing messages (with the texts the tests and the bench read). The
 * lowest unit of the sound room: it calls nothing above it, and touches no file or thread. */
#include "platform/sound/audioeng.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "core/base/translate.h"

void audioeng_message(messages_t *q, const char *fmt, ...)
{
    if (q->count >= MAX_MESSAGES) {
        q->dropped++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(q->text[(q->head + q->count++) % MAX_MESSAGES], MESSAGE_CHARS, fmt, ap);
    va_end(ap);
}

void audioeng_to_s16(const float *in, int16_t *out, int n)
{
    for (int i = 0; i < n; i++) {
        float x = in[i] * 32768.0f;
        out[i] = (int16_t)(x >= 32767.0f ? 32767 : x <= -32768.0f ? -32768 : lrintf(x));
    }
}

double audioeng_now_ms(const audio_t *a)
{
    Uint64 d = SDL_GetPerformanceCounter() - a->pc0;
    return (double)a->t0_ms + (double)d * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

void audioeng_mark_bad(audio_t *a, unsigned gen, int track, const char *why)
{
    if (gen != a->gen || track < 0 || track >= a->list.count || a->list.tracks[track].bad)
        return;
    a->list.tracks[track].bad = true;
    if (a->list.tracks[track].warned)
        return;
    a->list.tracks[track].warned = true;
    /* TRANSLATORS: a file of the chosen music (%1$s) that cannot play, and why */
    audioeng_message(&a->warnings, _("Skipping music \"%s\": %s"), a->list.tracks[track].path, why);
}

static const char *cue_name(int c)
{
    static const char *const names[] = { "chime", "ending-soon", "end" };
    _Static_assert(sizeof names / sizeof *names == AUDIO_CUE_COUNT, "a name for each cue");
    return c >= 0 && c < AUDIO_CUE_COUNT ? names[c] : "?";
}

static void report(audio_t *a, const mix_event_t *e)
{
    switch (e->kind) {
    case MIX_EVENT_CUE:
        audioeng_message(&a->timings, "cue %s moment=%lld asked=%.1f started=%.1f frame=%lld", cue_name(e->cue),
                         (long long)e->moment_ms, e->asked_ms, e->at_ms, (long long)e->frame);
        break;
    case MIX_EVENT_TRACK:
        audioeng_message(&a->timings, "track \"%s\" frame=%lld crossfade=%lld gain=%+.1f %s",
                         a->file[e->voice].name, (long long)e->frame, (long long)(e->crossfade * 1000 / RATE),
                         20.0 * log10f(e->gain), e->measured ? "measured" : "safe");
        break;
    case MIX_EVENT_SOUND: {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        double mono = (double)ts.tv_sec + ts.tv_nsec / 1e9 + e->offset / (double)RATE;
        audioeng_message(&a->timings, "sound frame=%lld at=%.1f monotonic=%.4f", (long long)e->frame, e->at_ms,
                         mono);
        break;
    }
    }
}

void audioeng_report(audio_t *a)
{
    mix_t *m = &a->mix;
    for (int i = 0; a->timing && i < m->nevents; i++)
        report(a, &m->events[i]);
    if (a->timing)
        a->timings.dropped += m->dropped; /* said as "(N more messages)" */
    m->nevents = 0;
    m->dropped = 0;
}
