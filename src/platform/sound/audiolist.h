/* The lister thread: turns what the app asked to play (files, folders, playlists) into the
 * engine's track list, off the caller's thread, so a folder of 10,000 tracks never holds up a
 * frame. audio.c queues a job and returns at once; the jobs run in the order asked. */
#ifndef SAFEBASE_PLATFORM_AUDIOLIST_H
#define SAFEBASE_PLATFORM_AUDIOLIST_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/sound/audioeng.h"

/* Queues a job (copying the sources) and wakes the lister. A LIST_LOOP job stops the decoder
 * starting tracks from the old list at once (the old music fades out) until the new list is
 * in place. Returns false when out of memory (the job is then dropped with a warning). Call
 * without the lock. */
bool audiolist_queue(audio_t *a, listjob_kind_t kind, const char *const *sources, int count,
                     const char *fallback, bool shuffle, int64_t fade_frames);

/* Runs until the engine's quit flag is set; returns 0. */
int audiolist_main(void *arg);

/* Frees the jobs still queued (at close, after the thread has stopped). */
void audiolist_drop_all(audio_t *a);

#endif
