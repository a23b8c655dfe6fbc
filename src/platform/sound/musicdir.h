/* Turns what a user points at (a music file, a folder, an .m3u playlist) into playlist
 * entries. Reads folders and playlist files; never decodes audio, never prints. */
#ifndef SAFEBASE_PLATFORM_MUSICDIR_H
#define SAFEBASE_PLATFORM_MUSICDIR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/sound/playlist.h"

/* Appends the tracks that source names: a file as itself, a folder's audio files sorted by
 * name (or shuffled with seed when shuffle is set; not recursive), an .m3u/.m3u8 file's
 * entries in their order. Returns false with a reason in why when the source is missing or
 * unreadable or holds no audio file. */
bool musicdir_expand(playlist_t *list, const char *source, bool shuffle, unsigned seed, char *why,
                     size_t whysize);

/* True for the file endings we try to play: ogg oga opus mp3 flac wav aif aiff. */
bool musicdir_is_audio_name(const char *name);

#endif
