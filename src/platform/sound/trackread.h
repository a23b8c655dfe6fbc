/* One music file read as 48 kHz stereo float, a block at a time: libsndfile decodes (WAV,
 * FLAC, Ogg Vorbis, Opus, MP3...), SDL_AudioStream resamples. Memory stays the same whatever
 * the file's length. A reader belongs to one thread; nothing here locks or prints. */
#ifndef SAFEBASE_PLATFORM_TRACKREAD_H
#define SAFEBASE_PLATFORM_TRACKREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TRACKREAD_RATE 48000
#define TRACKREAD_NO_SOUND "no sound could be read from it (the file seems damaged)"

typedef struct trackread trackread_t;

/* Opens path for reading. Returns NULL with a plain reason in why ("the file is empty", "it
 * is not a sound file Safe Base can play"...) when it cannot be played. Caller closes it. */
trackread_t *trackread_open(const char *path, char *why, size_t whysize);

/* Reads up to max frames (interleaved stereo floats, 2 * max of them) into out. Returns the
 * frames written: 0 at the end of the track, -1 when the file turns out to be damaged (the
 * reason is then in trackread_error). */
int trackread_read(trackread_t *t, float *out, int max);

/* The frames the whole track should give at 48 kHz, as the file's header says; 0 when it
 * does not say. (MP3 lengths are estimates.) */
int64_t trackread_length(const trackread_t *t);

/* Why the last read failed, or "". Borrowed. */
const char *trackread_error(const trackread_t *t);

void trackread_close(trackread_t *t);

#endif
