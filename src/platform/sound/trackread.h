/* One music file read as 48 kHz stereo float, a block at a time: FFmpeg's libraries read the
 * container, decode (WAV, AIFF, FLAC, Ogg Vorbis, Opus, MP3, AAC and ALAC in .m4a, WMA, ...)
 * and resample. A reader belongs to one thread; several may run at once on different threads.
 * Nothing here locks, prints, or opens anything but the file named (no address, no other file). */
#ifndef SAFEBASE_PLATFORM_TRACKREAD_H
#define SAFEBASE_PLATFORM_TRACKREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TRACKREAD_RATE 48000
#define TRACKREAD_NO_SOUND trackread_no_sound()

typedef struct trackread trackread_t;

/* The reason given when a file opens but gives no sound, in the user's language. */
const char *trackread_no_sound(void);

/* Opens path for reading. Returns NULL with a plain reason in why ("the file is empty", "it
 * is not a sound file Safe Base can play", "the file is damaged (...)"..., in the user's
 * language) when it cannot be played. Caller closes it. Channels become two: mono goes to both
 * sides at its own level; more than two are folded: left = front left / 2 + the others' sum /
 * (2 * (n - 2)), right the same with front right (5.1: FL/2 + (FC + LFE + BL + BR)/8), which
 * never clips more than the input. Memory stays the same whatever the file's length, but for
 * .m4a, whose index FFmpeg keeps whole (about 8 MB an hour of AAC). */
trackread_t *trackread_open(const char *path, char *why, size_t whysize);

/* Opens path like trackread_open, but reads at the file's own sample rate (no resampling):
 * stereo float (mono duplicated, more channels folded to two as trackread_open does). For the
 * loudness analysis, which works at any rate and must not pay for resampling. */
trackread_t *trackread_open_native(const char *path, char *why, size_t whysize);

/* The rate trackread_read delivers: TRACKREAD_RATE, or the file's own for a native reader. */
int trackread_rate(const trackread_t *t);

/* Reads up to max frames (interleaved stereo floats, 2 * max of them) into out. Returns the
 * frames written (max until the end): 0 at the end of the track, -1 when the file turns out
 * to be damaged (the reason is then in trackread_error), after every frame that could be
 * decoded. Damage FFmpeg can step over (a few bad packets) is skipped silently. */
int trackread_read(trackread_t *t, float *out, int max);

/* The frames the whole track should give at 48 kHz (for a native reader too), as the file's
 * header says; 0 when it does not say. (MP3 and WMA lengths are estimates, a few tens of
 * milliseconds off; a file cut short reads fewer.) */
int64_t trackread_length(const trackread_t *t);

/* Why the last read failed, or "". Borrowed. */
const char *trackread_error(const trackread_t *t);

void trackread_close(trackread_t *t);

#endif
