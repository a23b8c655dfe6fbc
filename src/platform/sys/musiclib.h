/* What the music folder holds, for a "choose the music" screen: the folders with sound files in
 * them and the playlists (.m3u/.m3u8, .pls, .xspf), found by a low-priority thread while the screen keeps drawing.
 * Never decodes audio, never prints; the main thread's calls only copy under a short lock. */
#ifndef SAFEBASE_PLATFORM_SYS_MUSICLIB_H
#define SAFEBASE_PLATFORM_SYS_MUSICLIB_H

#include <stdbool.h>
#include <stddef.h>

#define MUSICLIB_DEPTH 4          /* folders this far below the music folder are looked into */
#define MUSICLIB_MAX 2000         /* entries kept; the scan stops there */

typedef struct musiclib musiclib_t;

typedef struct {
    char name[256];     /* shown: the path relative to the music folder ("Kids/Dance"), the music
                           folder's own base name for itself, or the playlist's file name */
    char path[4096];    /* absolute */
    bool playlist;      /* an .m3u/.m3u8, .pls or .xspf file (else a folder) */
    int tracks;         /* sound files directly in the folder (what musicdir_expand would play),
                           or the playlist's local files (web addresses are not counted) */
} musiclib_entry_t;

/* Starts scanning dir in the background. Returns NULL only on out of memory or when no thread
 * can start (why says so). The caller owns the result: musiclib_stop frees it. */
musiclib_t *musiclib_start(const char *dir, char *why, size_t whysize);

/* Changes each time entries are added or the scan ends; lets the screen redraw only then. */
unsigned musiclib_version(musiclib_t *m);

/* The entries found so far. */
int musiclib_count(musiclib_t *m);

/* Copies entry i (in name order: case-insensitive, numbers by value) into out. Returns false
 * when there is no entry i. The order may shift while the scan goes on. */
bool musiclib_get(musiclib_t *m, int i, musiclib_entry_t *out);

/* True when the scan has ended; then why is "" or says what went wrong or what was left out:
 * "no music folder at ~/Music", "cannot read /x/Music: Permission denied", "no music files or
 * playlists in ~/Music", "showing the first 2000". While it runs, why is "". */
bool musiclib_done(musiclib_t *m, char *why, size_t whysize);

/* Asks the thread to stop, waits for it (it looks at the stop flag between directory entries)
 * and frees everything. NULL is fine. */
void musiclib_stop(musiclib_t *m);

#endif
