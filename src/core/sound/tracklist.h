/* What plays next: the session's music (a list played round and round), a phase's own music
 * (played through once, then the session's music carries on where it was), the built-in
 * fallback when nothing else can play, and what is known of each track (found unplayable,
 * measured loudness). libc only: paths are only strings here; nothing is opened. */
#ifndef SAFEBASE_CORE_TRACKLIST_H
#define SAFEBASE_CORE_TRACKLIST_H

#include <stdbool.h>

#include "core/sound/loudness.h"
#include "core/sound/playlist.h"

#define TRACKLIST_MAX 131072 /* distinct tracks known at once */

typedef struct {
    char *path;       /* owned */
    bool bad;         /* unplayable: skipped from now on */
    bool warned;      /* the user has been told about this file (once is enough) */
    bool measured;    /* loud holds its measured loudness */
    bool measuring;   /* the loudness thread has taken it */
    bool soon;        /* asked for ahead (a phase's own music): measure it before it plays */
    loudness_t loud;
} track_t;

typedef struct {
    track_t *tracks;  /* owned; count of them; an index into it names a track */
    int count, cap;
    int *loop;        /* owned; the session's music, nloop indexes */
    int nloop, loop_pos;
    int *once;        /* owned; a phase's own music, nonce indexes */
    int nonce, once_pos;
    int fallback;     /* the built-in track, or -1 */
    bool on_fallback; /* the last tracklist_next gave the fallback because nothing else plays */
    int *hash;        /* owned; open addressing over tracks by path: index + 1, 0 = empty */
    int hcap;         /* a power of two, at least twice count */
} tracklist_t;

/* An empty list (no fallback). */
void tracklist_init(tracklist_t *t);

/* The index of path, adding it when new. Returns -1 when full or out of memory. */
int tracklist_intern(tracklist_t *t, const char *path);

/* Makes p the session's music, starting from its first track. Returns false when out of
 * memory (the list is then left empty). */
bool tracklist_set_loop(tracklist_t *t, const playlist_t *p);

/* Makes p the music to play through once, from now on (replaces any earlier one). Returns
 * false when out of memory. */
bool tracklist_set_once(tracklist_t *t, const playlist_t *p);

/* The track to play next, moving past it: the once-list's next playable track, else the
 * loop's (wrapping round), else the fallback. Returns -1 when nothing playable is left. */
int tracklist_next(tracklist_t *t);

/* The once-list's next playable track, moving past it; -1 when it has none left. */
int tracklist_next_once(tracklist_t *t);

/* Up to max indexes that tracklist_next would return in turn, without moving. Returns how
 * many were written. */
int tracklist_peek(const tracklist_t *t, int *out, int max);

/* Marks a track unplayable. */
void tracklist_mark_bad(tracklist_t *t, int index);

/* Forgets everything (tracks, lists, fallback) but keeps the memory for reuse. */
void tracklist_clear(tracklist_t *t);

void tracklist_free(tracklist_t *t);

#endif
