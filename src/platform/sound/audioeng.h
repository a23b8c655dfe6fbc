/* The sound engine's shared state and the helpers every thread uses (the message queues, the
 * clock, marking a file bad, reporting the mixer's events). The lowest unit of the sound room:
 * it calls nothing above it (not the front, the mixer callback or the threads). One mutex
 * guards the state; nobody holds it across file I/O or decoding. */
#ifndef SAFEBASE_PLATFORM_AUDIOENG_H
#define SAFEBASE_PLATFORM_AUDIOENG_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/base/printf.h"
#include "core/sound/mix.h"
#include "core/sound/tracklist.h"
#include "platform/sound/audio.h"
#include "platform/sound/audiocache.h"
#include "platform/sound/trackread.h"

#define RATE TRACKREAD_RATE
#define FRAMES(ms) MIX_FRAMES(ms)
#define AHEAD_FRAMES FRAMES(2500)    /* the decoder keeps this much ready */
#define MAX_MESSAGES 32
#define MESSAGE_CHARS 400

_Static_assert(RATE == MIX_RATE, "the mixer runs at the decoder's rate");
_Static_assert(AUDIO_CUE_COUNT <= MIX_CUE_SOUNDS, "every cue has a sound slot in the mixer");

/* What the platform keeps of a voice beside the mixer's mix_voice_t (same index). */
typedef struct {
    trackread_t *reader;     /* the decoder thread's alone */
    char source[1024];       /* the phase source that asked for it ("" = the playlist) */
    char name[256];          /* the file's name, for messages */
} audioeng_file_t;

/* What the lister thread is asked to do (audiolist.c). */
typedef enum {
    LIST_LOOP,     /* make the sources the session's music (audio_set_music) */
    LIST_ONCE,     /* crossfade to them, played through once (audio_play_track) */
    LIST_PREPARE   /* measure their first tracks ahead of time (audio_prepare) */
} listjob_kind_t;

typedef struct listjob {
    listjob_kind_t kind;
    char **sources;          /* owned, count of them */
    int count;
    char *fallback;          /* owned or NULL (LIST_LOOP) */
    bool shuffle;
    int64_t fade_frames;     /* LIST_ONCE's crossfade */
    struct listjob *next;
} listjob_t;

typedef struct {
    char text[MAX_MESSAGES][MESSAGE_CHARS];
    int head, count, dropped;
} messages_t;

struct audio {
    bool device_open;         /* SDL_mixer has the device, our mixer hooked in */
    SDL_mutex *lock;
    SDL_cond *wake_decoder, *wake_scanner, *wake_lister;
    SDL_Thread *decoder, *scanner, *lister;
    SDL_atomic_t quit;
    bool timing;
    audiocache_t cache;       /* measured loudness by path, size and mtime; its own lock */
    /* music */
    tracklist_t list;
    unsigned gen;            /* bumped whenever the music is replaced */
    bool exhausted;          /* nothing playable is left: stop asking */
    bool fell_back;          /* the user was told the built-in music plays instead */
    listjob_t *jobs;         /* queued for the lister, oldest first (audiolist.c) */
    int loops_queued;        /* LIST_LOOP jobs queued or being expanded: until the new list is
                              * in place the decoder starts nothing from the old one */
    mix_t mix;               /* voices, ramps, cues, limiter: all the arithmetic */
    audioeng_file_t file[MIX_VOICES];
    int16_t *ring[MIX_VOICES];               /* owned: the voices' rings (the mixer borrows) */
    bool switch_pending;     /* a phase asked for its own music: start it now */
    int64_t switch_fade;
    char switch_source[1024];
    int16_t *cue_data[AUDIO_CUE_COUNT];      /* owned: 16-bit stereo, whole (the mixer borrows) */
    Uint64 pc0;              /* performance counter at the tick boundary t0_ms */
    int64_t t0_ms;
    /* messages for the app */
    messages_t warnings, timings;
    /* the device's start (audio_wait_running): buffers the mixer has rendered, when the first
     * two were (SDL_GetTicks64's clock), and the condition of whoever waits (NULL: nobody);
     * written by the mixer callback, all under the lock */
    int64_t buffers;
    double buffer_at[2];
    SDL_cond *running;
};

/* Queues a message (printf-style) for the app; call with the lock held. */
void audioeng_message(messages_t *q, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* Converts n decoded samples (floats, full scale +-1) to 16 bits, rounded and clipped. Decoded
 * sound is kept in 16 bits (the cues, the voices' rings): half the memory of float, and no
 * loss a listener could hear (the sources are 16-bit, or lossy). */
void audioeng_to_s16(const float *in, int16_t *out, int n);

/* Milliseconds on SDL_GetTicks64's clock, with a fraction. */
double audioeng_now_ms(const audio_t *a);

/* Marks a track of generation gen unplayable and warns once, naming the file. Lock held. */
void audioeng_mark_bad(audio_t *a, unsigned gen, int track, const char *why);

/* Turns the mixer's events into timing messages (when timing; else drops them) and clears
 * them. Lock held; call after every mix_* call that may note events, before unlocking. */
void audioeng_report(audio_t *a);

#endif
