/* Turns what a user points at (a music file, a folder, a playlist: .m3u/.m3u8, .pls, .xspf)
 * into playlist entries. Reads folders and playlist files; never decodes audio, never fetches
 * a web address, never prints. */
#ifndef SAFEBASE_PLATFORM_MUSICDIR_H
#define SAFEBASE_PLATFORM_MUSICDIR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/sound/playlist.h"

/* What expanding one source found. */
typedef struct {
    playlist_read_t read;   /* read.added: the tracks appended (a file, a folder or a playlist);
                             * for a playlist also its web addresses (urls), unreadable
                             * entries (bad) and entries past PLAYLIST_MAX (full) */
    bool cut;               /* the playlist file is larger than PLAYLIST_FILE_MAX (8 MiB): only
                             * its first 8 MiB was read */
} musicdir_info_t;

/* Appends the tracks that source names: a file as itself, a folder's audio files sorted by
 * name, its sub-folders' too (musictree.h), or shuffled with seed when shuffle is set, a
 * playlist's entries in
 * its order (playlist_parse_any). Returns false with a reason in why when the source is
 * missing or unreadable or holds no audio file ("the playlist lists no files, only web
 * addresses (3), which Safe Base never fetches"). */
bool musicdir_expand(playlist_t *list, const char *source, bool shuffle, unsigned seed, char *why,
                     size_t whysize);

/* As musicdir_expand, and fills info when not NULL. When it returns true, why holds what the
 * user should still be told, or "" when nothing: "3 web addresses in it were skipped (Safe
 * Base never fetches anything)", "1 entry in it could not be read as a file name", "the
 * playlist is larger than 8 MB: only its first 8 MB was read"..., joined by "; ". */
bool musicdir_expand_ex(playlist_t *list, const char *source, bool shuffle, unsigned seed,
                        musicdir_info_t *info, char *why, size_t whysize);

#endif
