/* The mixer's arithmetic: music voices played out of their rings (crossfade x loudness x
 * starvation envelopes), the mode, pause, duck and closing ramps, the cues, the master volume
 * and the limiter, rendered a buffer at a time. libc only: no clock (now_ms is an argument), no
 * file, no lock, no printing; what the platform should report comes out as mix_event_t. */
#ifndef SAFEBASE_CORE_MIX_H
#define SAFEBASE_CORE_MIX_H

#include <stdbool.h>
#include <stdint.h>

#include "core/plan/plan.h"
#include "core/sound/limiter.h"
#include "core/sound/ramp.h"
#include "core/sound/tracklist.h"

#define MIX_RATE 48000
#define MIX_FRAMES(ms) ((int64_t)(ms) * MIX_RATE / 1000)
#define MIX_VOICES 3                 /* two crossfading, one more for a change mid-crossfade */
#define MIX_RING_FRAMES (1 << 17)    /* per voice: 2.7 s of 16-bit stereo, 512 KiB */
#define MIX_CUE_VOICES 4             /* cues sounding at once (and asked or scheduled ahead) */
#define MIX_CUE_SOUNDS 3             /* distinct cue sounds (indexes 0..2) */
#define MIX_MIN_FADE_MS 500          /* no music fade is shorter */
#define MIX_EVENTS 16

typedef enum { MIX_VOICE_FREE, MIX_VOICE_LOADING, MIX_VOICE_ACTIVE, MIX_VOICE_DONE } mix_voice_state_t;

/* One music track playing out of its ring. The decoder writes the ring beyond wr (and then
 * advances wr, sets eof and length); the mixer reads it before wr and advances rd. */
typedef struct {
    mix_voice_state_t state;
    int16_t *ring;           /* MIX_RING_FRAMES stereo frames; borrowed (mix_init's caller owns) */
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
} mix_voice_t;

typedef struct {
    const int16_t *data;     /* a cue sound, 16-bit stereo; borrowed (the caller owns it) */
    int64_t frames;
} mix_sound_t;

typedef struct {
    const int16_t *data;
    int64_t frames, pos;
    int64_t wait;            /* frames of silence before it begins */
    bool active;
} mix_cue_voice_t;

typedef struct {
    int cue;
    int64_t moment_ms;
    double asked_ms;         /* when it was asked for; < 0 for a scheduled cue */
} mix_cue_request_t;

typedef enum { MIX_EVENT_CUE, MIX_EVENT_TRACK, MIX_EVENT_SOUND } mix_event_kind_t;

/* Something worth a timing report. frame is the output frame it concerns. */
typedef struct {
    mix_event_kind_t kind;
    int64_t frame;
    double at_ms;            /* CUE: when it leaves the limiter; SOUND: its first sound */
    int offset;              /* SOUND: frames into the buffer rendered at now_ms */
    int cue;                 /* CUE: which, the moment it was for and when it was asked */
    int64_t moment_ms;
    double asked_ms;
    int voice, track;        /* TRACK: the voice (index), its track, */
    int64_t crossfade;       /* its fade in (frames; 0 = at once), */
    float gain;              /* its loudness gain (linear) */
    bool measured;           /* and whether that gain is measured or the safe level */
} mix_event_t;

typedef struct {
    mix_voice_t voice[MIX_VOICES];
    const tracklist_t *list; /* borrowed: the tracks' loudness (NULL: all at the safe level) */
    double target_lufs;
    int64_t fade_frames;     /* the plan's fade */
    ramp_t mode, pause, duck;
    ramp_t out;              /* the whole output: fades everything out when the app closes */
    int64_t duck_at;         /* the frame at which the dip under a cue begins; -1 = none */
    int64_t duck_until;      /* the frame at which the dip under cues ends; -1 = none */
    mix_sound_t sound[MIX_CUE_SOUNDS];
    float cue_gain;
    mix_cue_voice_t cues[MIX_CUE_VOICES];
    mix_cue_request_t asked[MIX_CUE_VOICES];      /* to sound at once */
    int nasked;
    mix_cue_request_t scheduled[MIX_CUE_VOICES];  /* to sound at their moment */
    int nscheduled;
    mix_cue_request_t started[8];                 /* the latest cues begun, so none sounds twice */
    int nstarted;
    float master;            /* the volume cap as a linear factor */
    limiter_t limiter;
    int64_t clock;           /* frames mixed since the mixer began */
    int64_t quiet_frames;    /* output frames in a row under the sound threshold */
    mix_event_t events[MIX_EVENTS];  /* for the caller to report and clear (nevents = 0) */
    int nevents, dropped;
} mix_t;

/* A silent mixer: no music (mode silent), full volume, -23 LUFS. rings are the voices' ring
 * memory (MIX_RING_FRAMES stereo frames each) and list the tracks; both borrowed, to outlive m. */
void mix_init(mix_t *m, int16_t *const rings[MIX_VOICES], const tracklist_t *list);

/* The volume cap (0..100 %, clamped) and the music's loudness target (the cues keep their
 * place above it). */
void mix_configure(mix_t *m, int volume_percent, double target_lufs);

/* Fades the music to a mode's level (MUSIC_CONTINUE: no change). Returns the fade used (ms,
 * at least MIX_MIN_FADE_MS), which becomes the plan's fade. */
int mix_music_mode(mix_t *m, music_mode_t mode, int fade_ms);

/* Pause fades the music out over a second and holds its place; resume fades it back in. */
void mix_pause(mix_t *m, bool paused);

/* A cue to start at the next render; dropped when MIX_CUE_VOICES are already waiting. */
void mix_cue(mix_t *m, int cue, int64_t moment_ms, double asked_ms);

/* Forgets the schedule; then adds one cue to sound at its moment (same clock as now_ms). */
void mix_schedule_clear(mix_t *m);
void mix_schedule_add(mix_t *m, int cue, int64_t moment_ms);

/* Mixes frames stereo float frames into out (overwritten), which start sounding at now_ms.
 * Returns true when a voice finished (its slot can be reused). */
bool mix_render(mix_t *m, float *out, int frames, double now_ms);

/* Starts fading the whole output out over ms. Returns true when anything was sounding lately
 * (worth waiting for the fade: until ramp_settled(&m->out)). */
bool mix_fade_out(mix_t *m, int ms);

/* True when the music is silent and standing still (paused or in a silent phase). */
bool mix_held(const mix_t *m);

/* The gain (linear) a track should play at now: measured, or the safe level. */
float mix_track_gain(const mix_t *m, int track);

/* Frames a voice has left: exact once its end is read, else from the file's header; -1 when
 * not known. */
int64_t mix_frames_left(const mix_voice_t *v);

/* The first voice in state (and leading, if asked), or NULL. */
mix_voice_t *mix_find_voice(mix_t *m, mix_voice_state_t state, bool leading);

/* Clears a free voice (keeping its ring) to load a track of generation gen into. */
void mix_voice_load(mix_voice_t *v, unsigned gen, int track);

/* Lets a loaded voice (wr frames ready) into the mix as the leading one with a fade in of
 * fade frames. Held music changes at once; switching (a phase's music) crossfades now; the
 * playlist's next track waits to overlap only the old one's last fade. */
void mix_commit(mix_t *m, mix_voice_t *v, int64_t fade, bool switching);

/* Sends every voice on its way out: at once when the music is held, else over the fade. */
void mix_retire(mix_t *m);

/* All voices busy and a change asked for: hurries the quietest fading voice out. */
void mix_hurry_out(mix_t *m);

/* A track's loudness became known: its playing voices glide to their new gain. */
void mix_track_measured(mix_t *m, unsigned gen, int track);

#endif
