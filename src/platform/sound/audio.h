/* Sound: the user's music streamed from disk with fades, crossfades and equal loudness, and
 * the soft cues. Everything here is gentle by construction: every level change is a ramp and
 * no call blocks. Without an audio device every call is a harmless no-op (a NULL audio_t), so
 * the session carries on with visual cues only. */
#ifndef SAFEBASE_PLATFORM_AUDIO_H
#define SAFEBASE_PLATFORM_AUDIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/plan/plan.h"

typedef struct audio audio_t;

typedef enum { AUDIO_CUE_CHIME, AUDIO_CUE_ENDING_SOON, AUDIO_CUE_END, AUDIO_CUE_COUNT } audio_cue_t;

/* Opens the audio device and loads the cue sounds from sounds_dir. Returns NULL when no
 * device opens, with the reason in err; the caller then runs silently. Caller closes it. */
audio_t *audio_open(const char *sounds_dir, char *err, size_t errsize);
void audio_close(audio_t *a);

/* Sets the master volume cap (0..100 %: nothing, music or cue, goes above it), the loudness
 * music is played at (LUFS), and whether to report timings (audio_poll_timing). */
void audio_configure(audio_t *a, int volume_percent, double target_lufs, bool timing);

/* Replaces the music: files, folders (their sub-folders too, sorted by name, or shuffled) or
 * playlists, expanded into a looping playlist; fallback plays when none of them is playable.
 * Returns at once: the sources are read on the engine's own thread, the old music fades out
 * meanwhile, and the first track is made ready, silent, until audio_music_mode() asks for
 * sound. Loudness is measured in the background, only for what will play soon. */
void audio_set_music(audio_t *a, const char *const *sources, int count, const char *fallback,
                     bool shuffle);

/* Measures a source's loudness ahead of time (a phase's track, so it is ready when needed):
 * its first two tracks, in the background. */
void audio_prepare(audio_t *a, const char *source);

/* Fades the music to a mode's level over fade_ms (at least 0.5 s): MUSIC_PLAY full,
 * MUSIC_SOFT 12 dB down, MUSIC_SILENCE off; MUSIC_CONTINUE keeps the level. */
void audio_music_mode(audio_t *a, music_mode_t mode, int fade_ms);

/* Crossfades over fade_ms to a source (a file, a folder or an .m3u playlist), which plays
 * through once; then the playlist goes on where it was. */
void audio_play_track(audio_t *a, const char *source, int fade_ms);

/* Pause fades the music out over a second and holds its place; resume fades it back in. */
void audio_pause(audio_t *a, bool paused);

/* Plays a cue at once (the moment, on SDL_GetTicks64's clock, is for timing reports); the
 * music dips about 10 dB under it with 200 ms ramps. */
void audio_cue(audio_t *a, audio_cue_t cue, int64_t moment_ms);

/* A cue the session will give at a known moment (on SDL_GetTicks64's clock). */
typedef struct {
    audio_cue_t cue;
    int64_t moment_ms;
} audio_timed_cue_t;

/* Replaces the schedule of coming cues (n = 0 clears it): each sounds exactly at its moment,
 * to the sample, however late the app gets round to it. When audio_cue later asks for the
 * same cue and moment, it is not played twice. */
void audio_schedule(audio_t *a, const audio_timed_cue_t *cues, int n);

/* Takes the oldest pending warning (a skipped file...) into buf. Returns false when none. */
bool audio_poll_warning(audio_t *a, char *buf, size_t size);

/* Takes the oldest timing report (when a cue sounded, a track started...) into buf; only
 * when configured with timing. Returns false when none. */
bool audio_poll_timing(audio_t *a, char *buf, size_t size);

/* Waits (at most timeout_ms) until the device runs: the mixer has rendered a second buffer,
 * which a device asks for only once it plays the first (PulseAudio can take a second or two to
 * start a new stream). Returns true once it runs, false at the timeout or without a device.
 * With timing, says when the first two buffers were asked for. */
bool audio_wait_running(audio_t *a, int timeout_ms);

#endif
