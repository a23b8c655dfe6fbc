/* Sound: the user's music streamed from disk with fades and crossfades, and the soft cues.
 * Everything here is gentle by construction: every level change is a ramp. Without an audio
 * device every call is a harmless no-op, so the session carries on with visual cues only. */
#ifndef SAFEBASE_PLATFORM_AUDIO_H
#define SAFEBASE_PLATFORM_AUDIO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/plan.h"

typedef struct audio audio_t;

typedef enum { AUDIO_CUE_CHIME, AUDIO_CUE_ENDING_SOON, AUDIO_CUE_END, AUDIO_CUE_COUNT } audio_cue_t;

/* Opens the audio device and loads the cue sounds from sounds_dir. Returns NULL when no
 * device opens, with the reason in err; the caller then runs silently. Caller closes it. */
audio_t *audio_open(const char *sounds_dir, char *err, size_t errsize);
void audio_close(audio_t *a);

/* Sets the music: files, folders (sorted by name) or .m3u playlists, expanded into a looping
 * playlist; fallback is played when none of them is playable. Nothing plays until
 * audio_music_mode() asks for it. Returns the number of tracks found. */
int audio_set_music(audio_t *a, const char *const *sources, int count, const char *fallback);

/* Fades the music to a mode's level over fade_ms: MUSIC_PLAY full, MUSIC_SOFT 12 dB down,
 * MUSIC_SILENCE off; MUSIC_CONTINUE keeps the level. */
void audio_music_mode(audio_t *a, music_mode_t mode, int fade_ms);

/* Crossfades to a specific track over fade_ms; the playlist goes on after it. */
void audio_play_track(audio_t *a, const char *path, int fade_ms);

/* Pause fades the music out over a second and holds its place; resume fades it back in. */
void audio_pause(audio_t *a, bool paused);

/* Plays a cue now; the music dips about 10 dB under it with 200 ms ramps. */
void audio_cue(audio_t *a, audio_cue_t cue);

/* Takes the oldest pending warning (a skipped file...) into buf. Returns false when none. */
bool audio_poll_warning(audio_t *a, char *buf, size_t size);

#endif
