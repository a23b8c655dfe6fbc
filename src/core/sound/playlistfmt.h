/* The small syntaxes inside playlist files: an entry (a path, a file:// URI, a web address)
 * turned into a local path, and the <location> elements of XSPF's XML. libc only: text in,
 * paths out; it never opens a file and never fetches anything. */
#ifndef SAFEBASE_CORE_PLAYLISTFMT_H
#define SAFEBASE_CORE_PLAYLISTFMT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    PLAYLISTFMT_PATH,   /* a local path was written to out */
    PLAYLISTFMT_URL,    /* a web address (any scheme but file:): never fetched */
    PLAYLISTFMT_BAD     /* no usable path: a bad %-escape, %00, a file:// URI on another host,
                         * a NUL byte, empty, or longer than out */
} playlistfmt_kind_t;

/* Turns one entry, s[0..n) (blanks around it ignored), into a path in out:
 * - a file: URI ("file:///a/b%20c.mp3", "file://localhost/...", "file:/a") is percent-decoded;
 * - "scheme://..." (http, https, rtsp, mms, ftp, smb...) is a URL. A "scheme:" without "//"
 *   is not ("Artist: Song.mp3" is a file name people write; "spotify:track:..." then fails
 *   to open, by its name);
 * - a Windows path ("C:\Music\x.mp3", "C:/x", "\\server\x") is kept exactly as written;
 * - anything else is a path: with uri_ref set it is a URI reference and percent-decoded,
 *   without (m3u, pls) it is taken literally ("a%20b.mp3" is a file of that name). A relative
 *   one is joined to base_dir ("..": left to the file system), an absolute one kept.
 * The query and fragment of a URI ("?", "#") are not split off: they are part of the name, as
 *   mpv reads them (a writer that means them must escape them as %3F and %23).
 * Returns what the entry is; out holds the path only for PLAYLISTFMT_PATH. */
playlistfmt_kind_t playlistfmt_resolve(char *out, size_t outsize, const char *s, size_t n,
                                       const char *base_dir, bool uri_ref);

/* A walk through XSPF text for the <location> of each <track> in the <trackList>. */
typedef struct {
    const char *text;
    size_t len, pos;
    bool in_list;   /* inside <trackList> */
    int depth;      /* elements open inside the current <track>; -1 outside any track */
    int track;      /* tracks begun so far: the number of the track the last location is in */
} playlistfmt_xspf_t;

typedef enum {
    PLAYLISTFMT_XSPF_END,   /* no more locations (the end of the text, however malformed) */
    PLAYLISTFMT_XSPF_FOUND, /* out holds the location's text */
    PLAYLISTFMT_XSPF_BROKEN /* a location whose text cannot be read: an unknown or broken
                             * reference, an element inside it, cut off, longer than out */
} playlistfmt_xspf_step_t;

void playlistfmt_xspf_start(playlistfmt_xspf_t *x, const char *text, size_t len);

/* Moves to the next <location> directly inside a <track> inside <trackList> (a playlist's own
 * <location>, or one inside an <extension>, is not a track's) and writes its text to out with
 * the XML decoded: &amp; &lt; &gt; &quot; &apos;, &#233; and &#xE9; (as UTF-8), CDATA
 * sections, comments dropped, white space around it trimmed. Element names match without
 * regard to case or a namespace prefix. xml:base is not applied: relative locations are
 * relative to the playlist's folder, which is what every player writing XSPF means.
 * x->track is the number (from 1) of the track the location belongs to. Never reads past
 * len; on malformed XML it returns what it could find. */
playlistfmt_xspf_step_t playlistfmt_xspf_next(playlistfmt_xspf_t *x, char *out, size_t outsize);

#endif
