/* Lists the sound files under a music folder and its sub-folders, in the order people expect:
 * a folder's own files by name, then each sub-folder's, by name. Reads folders only: never
 * opens or decodes a file, never prints. */
#ifndef SAFEBASE_PLATFORM_MUSICTREE_H
#define SAFEBASE_PLATFORM_MUSICTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/sound/playlist.h"

#define MUSICTREE_DEPTH 8 /* sub-folders this deep are read (Music/Artist/Album/CD 1 is 3) */

typedef struct {
    int added;        /* sound files appended */
    int unreadable;   /* sub-folders that could not be opened (skipped) */
    bool cut;         /* the list reached PLAYLIST_MAX: the rest is left out */
} musictree_t;

/* Appends the sound files (by their names' endings: playlist_is_audio_name) under dir.
 * Hidden files and folders (".name") are skipped, a folder reached twice through links is
 * read once, and folders deeper than MUSICTREE_DEPTH are left out. Returns false with a
 * reason in why when dir itself cannot be read. */
bool musictree_list(playlist_t *list, const char *dir, musictree_t *out, char *why, size_t whysize);

#endif
