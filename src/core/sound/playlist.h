/* A playlist: an ordered list of track paths, and the reader for .m3u/.m3u8 text.
 * libc only: it is handed the text and the playlist's folder; it never opens a file. */
#ifndef SAFEBASE_CORE_PLAYLIST_H
#define SAFEBASE_CORE_PLAYLIST_H

#include <stdbool.h>
#include <stddef.h>

#define PLAYLIST_MAX 4096

typedef struct {
    char **paths;   /* owned, count of them */
    int count;
    int cap;
} playlist_t;

/* Appends a copy of path. Returns false when full or out of memory. */
bool playlist_add(playlist_t *p, const char *path);

/* Reads .m3u text: one path a line; blank lines, "#" lines (#EXTM3U, #EXTINF...) and URLs are
 * skipped; CRLF and a UTF-8 BOM are fine; relative paths are taken relative to base_dir.
 * Appends the tracks to p and returns how many were added. */
int playlist_parse_m3u(playlist_t *p, const char *text, size_t len, const char *base_dir);

/* Orders file names as people expect: letters without regard to case, numbers by value
 * ("2 Song" before "10 Song"), ties broken byte by byte. Returns <0, 0 or >0 like strcmp. */
int playlist_compare_names(const char *a, const char *b);

/* Sorts the paths with playlist_compare_names. */
void playlist_sort(playlist_t *p);

/* Shuffles with the given seed (a Fisher-Yates pass driven by a small LCG). */
void playlist_shuffle(playlist_t *p, unsigned seed);

void playlist_free(playlist_t *p);

/* True for the file endings Safe Base tries to play (ogg oga opus mp3 flac wav aif aiff), in
 * any case. */
bool playlist_is_audio_name(const char *name);

#endif
