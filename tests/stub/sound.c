/* The sound room's whole interface (platform/sound/audio.h) as a stub: no device ever opens. */
#include <stdio.h>

#include "platform/sound/audio.h"

audio_t *audio_open(const char *sounds_dir, char *err, size_t errsize)
{
    (void)sounds_dir;
    snprintf(err, errsize, "no audio: the sound room is a stub here");
    return NULL;
}
void audio_close(audio_t *a) { (void)a; }
void audio_configure(audio_t *a, int volume_percent, double target_lufs, bool timing) { (void)a, (void)volume_percent, (void)target_lufs, (void)timing; }
void audio_set_music(audio_t *a, const char *const *sources, int count, const char *fallback, bool shuffle)
{
    (void)a, (void)sources, (void)count, (void)fallback, (void)shuffle;
}
void audio_prepare(audio_t *a, const char *source) { (void)a, (void)source; }
void audio_music_mode(audio_t *a, music_mode_t mode, int fade_ms) { (void)a, (void)mode, (void)fade_ms; }
void audio_play_track(audio_t *a, const char *source, int fade_ms) { (void)a, (void)source, (void)fade_ms; }
void audio_pause(audio_t *a, bool paused) { (void)a, (void)paused; }
void audio_cue(audio_t *a, audio_cue_t cue, int64_t moment_ms) { (void)a, (void)cue, (void)moment_ms; }
void audio_schedule(audio_t *a, const audio_timed_cue_t *cues, int n) { (void)a, (void)cues, (void)n; }
bool audio_poll_warning(audio_t *a, char *buf, size_t size) { (void)a, (void)buf, (void)size; return false; }
bool audio_poll_timing(audio_t *a, char *buf, size_t size) { (void)a, (void)buf, (void)size; return false; }
bool audio_wait_running(audio_t *a, int timeout_ms) { (void)a, (void)timeout_ms; return false; }
