/* The sound engine's shared state, private to audio.c (the calls the app makes), audiomix.c
 * (the audio thread's mixing), audiodec.c (the decoder thread) and audioscan.c (the loudness
 * thread). One mutex guards it; nobody holds it across file I/O or decoding, so the audio
 * thread never waits for the disk. */
#ifndef SAFEBASE_PLATFORM_AUDIOENG_H
#define SAFEBASE_PLATFORM_AUDIOENG_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/sound/limiter.h"
#include "core/sound/loudcache.h"
#include "core/plan/plan.h"
#include "core/sound/ramp.h"
#include "core/sound/tracklist.h"
#include "platform/sound/audio.h"
#include "platform/sound/trackread.h"

#define RATE TRACKREAD_RATE
#define FRAMES(ms) ((int64_t)(ms) * RATE / 1000)
#define VOICES 3                     /* two crossfading, one more for a change mid-crossfade */
#define RING_FRAMES (1 << 17)        /* per voice: 2.7 s decoded ahead, 16-bit: 512 KiB */
#define AHEAD_FRAMES FRAMES(2500)    /* the decoder keeps this much ready */
#define DECLICK_FRAMES FRAMES(10)    /* a voice about to run dry fades out over at least this */
#define MIN_FADE_MS 500
#define PAUSE_FADE_MS 1000
#define DUCK_MS 200
#define DUCK_DB (-10.0f)
#define SOFT_DB (-12.0f)
#define LEVEL_GLIDE_MS 3000          /* a track's gain moving to its measured value */
#define CUE_VOICES 4
#define AUDIO_CUE_REFERENCE_LUFS (-23.0)  /* the cues' level is set against music at this target */
#define MAX_MESSAGES 32
#define MESSAGE_CHARS 400

typedef enum { VOICE_FREE, VOICE_LOADING, VOICE_ACTIVE, VOICE_DONE } voice_state_t;

typedef struct {
    voice_state_t state;
    trackread_t *reader;     /* the decoder thread's alone */
    Sint16 *ring;            /* RING_FRAMES stereo frames; written beyond wr by the decoder
                              * without the lock, read before wr by the mixer */
    int64_t wr, rd;          /* frames written and read since the track began */
    int64_t length;          /* frames the track should last (0 = unknown) */
    bool eof;                /* wr is the true end of the track */
    bool leading;            /* the music follows this voice; the others are fading out */
    bool handed_off;         /* its successor has been asked for */
    bool starved;            /* the decoder fell behind: faded out, waiting to refill */
    int follows;             /* >= 0: waits, silent, for that voice to reach follow_rd, then */
    int64_t follow_rd;       /* crossfades from it (a playlist overlaps only its fade) */
    int64_t fade_len;        /* frames of its fade in */
    ramp_t fade;             /* crossfade envelope */
    ramp_t level;            /* equal-loudness gain */
    ramp_t gate;             /* the starvation fade */
    unsigned gen;            /* the music generation it belongs to */
    int track;               /* its index in the tracklist of that generation */
    char source[1024];       /* the phase source that asked for it ("" = the playlist) */
    char name[256];          /* the file's name, for messages */
} voice_t;

typedef struct {
    const Sint16 *data;      /* a cue sound: 16-bit stereo frames, owned by the engine */
    int64_t frames, pos;
    int64_t wait;            /* frames of silence before it begins */
    bool active;
} cue_voice_t;

typedef struct {
    audio_cue_t cue;
    int64_t moment_ms;
    double asked_ms;         /* when audio_cue was called; < 0 for a scheduled cue */
} cue_request_t;

typedef struct {
    char text[MAX_MESSAGES][MESSAGE_CHARS];
    int head, count, dropped;
} messages_t;

struct audio {
    bool device_open;         /* SDL_mixer has the device, our mixer hooked in */
    SDL_mutex *lock;
    SDL_cond *wake_decoder, *wake_scanner;
    SDL_Thread *decoder, *scanner;
    SDL_atomic_t quit;
    /* settings */
    double target_lufs;
    float master;            /* the volume cap as a linear factor */
    bool timing;
    char cache_file[4096];
    loudcache_t cache;       /* measured loudness by path, size and mtime; under cache_lock */
    SDL_mutex *cache_lock;
    /* music */
    tracklist_t list;
    unsigned gen;            /* bumped whenever the music is replaced */
    bool exhausted;          /* nothing playable is left: stop asking */
    bool fell_back;          /* the user was told the built-in music plays instead */
    voice_t voice[VOICES];
    int64_t fade_frames;     /* the plan's fade */
    bool switch_pending;     /* a phase asked for its own music: start it now */
    int64_t switch_fade;
    char switch_source[1024];
    ramp_t mode, pause, duck;
    ramp_t out;              /* the whole output: fades everything out when the app closes */
    int64_t duck_until;      /* the frame at which the dip under cues ends; -1 = none */
    /* cues */
    Sint16 *cue_data[AUDIO_CUE_COUNT];   /* 16-bit stereo, whole; freed at close */
    int64_t cue_frames[AUDIO_CUE_COUNT];
    float cue_gain;
    cue_voice_t cues[CUE_VOICES];
    cue_request_t cue_requests[CUE_VOICES];   /* asked for now */
    int ncue_requests;
    cue_request_t scheduled[CUE_VOICES];      /* to sound at their moment */
    int nscheduled;
    audio_timed_cue_t started[8];             /* the latest cues begun, so none sounds twice */
    int nstarted;
    int64_t duck_at;         /* the frame at which the dip under a cue begins; -1 = none */
    /* the output */
    limiter_t limiter;
    int64_t clock;           /* frames mixed since the mixer began */
    int64_t quiet_frames;    /* output frames in a row under the sound threshold */
    Uint64 pc0;              /* performance counter at the tick boundary t0_ms */
    int64_t t0_ms;
    /* messages for the app */
    messages_t warnings, timings;
};

/* Queues a message (printf-style) for the app; call with the lock held. */
void audio_message(messages_t *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Converts n decoded samples (floats, full scale +-1) to 16 bits, rounded and clipped. Decoded
 * sound is kept in 16 bits (the cues, the voices' rings): half the memory of float, and no
 * loss a listener could hear (the sources are 16-bit, or lossy). */
void audio_to_s16(const float *in, Sint16 *out, int n);

/* Milliseconds on SDL_GetTicks64's clock, with a fraction. */
double audio_now_ms(const audio_t *a);

/* True when the music is silent and standing still (paused or in a silent phase). Lock held. */
bool audio_held(const audio_t *a);

/* Marks a track of generation gen unplayable and warns once, naming the file. Lock held. */
void audio_mark_bad(audio_t *a, unsigned gen, int track, const char *why);

/* The gain (linear) a track should play at now: measured, or the safe level. Lock held. */
float audio_track_gain(const audio_t *a, int track);

/* Reads the loudness cache file into a->cache (audioscan.c); a damaged file is ignored. */
void audio_load_cache(audio_t *a);

/* The cached loudness of path if the file is unchanged since it was measured. Takes
 * cache_lock (not the engine's lock) and stats the file: call without the engine's lock. */
bool audio_cached_loudness(audio_t *a, const char *path, loudness_t *out);

/* Frames a voice has left: exact once its end is read, else from the file's header; -1 when
 * not known. Lock held. */
int64_t audio_frames_left(const voice_t *v);

/* Starts v's fade in, and fades every other playing voice out within it (or within what it
 * has left). Lock held; called by the decoder and, for a waiting voice, by the mixer. */
void audio_begin_crossfade(audio_t *a, voice_t *v);

/* The mixer, installed with Mix_HookMusic (audiomix.c). */
void audiomix_callback(void *udata, Uint8 *stream, int len);

/* The decoder thread (audiodec.c) and the loudness thread (audioscan.c). */
int audiodec_main(void *arg);
int audioscan_main(void *arg);

#endif
