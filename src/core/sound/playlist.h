/* A playlist: an ordered list of track paths, and the readers of playlist files (.m3u/.m3u8,
 * .pls, .xspf) as players write them. libc only: it is handed the text and the playlist's
 * folder; it never opens a file and never fetches a web address. */
#ifndef SAFEBASE_CORE_PLAYLIST_H
#define SAFEBASE_CORE_PLAYLIST_H

#include <stdbool.h>
#include <stddef.h>

#define PLAYLIST_MAX 131072
#define PLAYLIST_FILE_MAX (8 << 20) /* bytes of a playlist file read: 10,000 long paths are ~2 MB */

typedef struct {
    char **paths;   /* owned, count of them */
    int count;
    int cap;
} playlist_t;

/* Appends a copy of path. Returns false when full or out of memory. */
bool playlist_add(playlist_t *p, const char *path);

/* What reading a playlist's text found. */
typedef struct {
    int added;  /* tracks appended to the playlist */
    int urls;   /* web addresses (http, https, rtsp, mms, ftp, any scheme but file:), skipped:
                 * Safe Base never fetches anything */
    int bad;    /* entries naming no usable path, skipped: a bad %-escape or %00 in a URI, a
                 * file:// URI on another host, "File=" without a number, an XML location that
                 * cannot be read, a path longer than 4095 bytes */
    int full;   /* local entries dropped because the playlist held PLAYLIST_MAX or memory ran out */
} playlist_read_t;

/* The three readers below append the tracks that text[0..len) names to p (the text need not
 * end with a NUL; a UTF-8 BOM and CRLF, LF or lone CR line ends are fine) and say what they
 * found. A relative path is taken relative to base_dir ("..", too); an absolute one as it is;
 * "file:///a/b%20c.mp3" and "file://localhost/..." are percent-decoded; a Windows path
 * ("C:\Music\x.mp3") is kept as written, to fail by name when it is opened. Never crash,
 * whatever the text: what could be read is returned. */

/* .m3u/.m3u8: one entry a line, blanks around it dropped; blank lines and "#" lines (#EXTM3U,
 * #EXTINF...) skipped. A plain path is taken literally, "%20" and all: only file: URIs are
 * percent-decoded. */
playlist_read_t playlist_parse_m3u(playlist_t *p, const char *text, size_t len, const char *base_dir);

/* .pls: "FileN=" entries (paths, file: URIs or web addresses) in the order of N, not of the
 * lines, as players play them (a second FileN replaces the first); keys without regard to
 * case; TitleN, LengthN, NumberOfEntries, Version, ";" comments and other sections ignored. */
playlist_read_t playlist_parse_pls(playlist_t *p, const char *text, size_t len, const char *base_dir);

/* .xspf: the <location> of each <track> in <trackList>, a URI: file: URIs and relative
 * references (resolved against base_dir) are percent-decoded, XML references (&amp; &#233;
 * &#xE9;...) and CDATA decoded. A track with several locations (alternatives) gives its first
 * local file; it counts as a URL or a bad entry only when none is one. */
playlist_read_t playlist_parse_xspf(playlist_t *p, const char *text, size_t len, const char *base_dir);

/* Reads text with the reader for name's ending (.m3u .m3u8 .pls .xspf, in any case); reads
 * nothing (all zero) for any other name. */
playlist_read_t playlist_parse_any(playlist_t *p, const char *text, size_t len, const char *base_dir,
                                   const char *name);

/* True for the playlist endings playlist_parse_any reads: .m3u .m3u8 .pls .xspf, in any case. */
bool playlist_is_playlist_name(const char *name);

/* The length of text[0..len) without its last line when that line has no end (a file cut at
 * PLAYLIST_FILE_MAX ends in the middle of an entry, which must not be read as a whole one). */
size_t playlist_whole_lines(const char *text, size_t len);

/* Orders file names as people expect: letters without regard to case, numbers by value
 * ("2 Song" before "10 Song"), ties broken byte by byte. Returns <0, 0 or >0 like strcmp. */
int playlist_compare_names(const char *a, const char *b);

/* Sorts the paths with playlist_compare_names. */
void playlist_sort(playlist_t *p);

/* Shuffles with the given seed (a Fisher-Yates pass driven by a small LCG). */
void playlist_shuffle(playlist_t *p, unsigned seed);

void playlist_free(playlist_t *p);

/* True for the file endings Safe Base tries to play, in any case: ogg oga opus mp3 flac wav
 * aif aiff m4a m4b aac alac wma ape wv mka caf (what FFmpeg decodes; the video containers
 * mp4 and webm are left out). */
bool playlist_is_audio_name(const char *name);

#endif
