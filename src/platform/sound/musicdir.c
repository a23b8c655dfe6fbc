/* Expands music sources into playlist entries: folders by name, .m3u files line by line.
 * No SDL, no decoding: whether a file really plays is found out by the decoder. */
#include "platform/sound/musicdir.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "platform/sys/paths.h"

static bool ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), m = strlen(suffix);
    return n > m && strcasecmp(name + n - m, suffix) == 0;
}

bool musicdir_is_audio_name(const char *name)
{
    return playlist_is_audio_name(name);
}

static bool expand_folder(playlist_t *list, const char *dir, bool shuffle, unsigned seed, char *why,
                          size_t whysize)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(why, whysize, "cannot open the folder: %s", strerror(errno));
        return false;
    }
    playlist_t names = { 0 };
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.' && musicdir_is_audio_name(e->d_name))
            playlist_add(&names, e->d_name);
    closedir(d);
    playlist_sort(&names);
    if (shuffle)
        playlist_shuffle(&names, seed);
    for (int i = 0; i < names.count; i++) {
        char path[4096];
        if (paths_join(path, sizeof path, dir, names.paths[i]))
            playlist_add(list, path);
    }
    int found = names.count;
    playlist_free(&names);
    if (found == 0)
        snprintf(why, whysize, "no music files in the folder");
    return found > 0;
}

static bool expand_m3u(playlist_t *list, const char *path, char *why, size_t whysize)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(why, whysize, "cannot open the playlist: %s", strerror(errno));
        return false;
    }
    size_t cap = 1 << 20;
    char *text = malloc(cap);
    size_t len = text ? fread(text, 1, cap, f) : 0;
    fclose(f);
    char dir[4096];
    paths_dirname(path, dir, sizeof dir);
    int added = text ? playlist_parse_m3u(list, text, len, dir) : 0;
    free(text);
    if (added == 0)
        snprintf(why, whysize, "the playlist lists no files");
    return added > 0;
}

bool musicdir_expand(playlist_t *list, const char *source, bool shuffle, unsigned seed, char *why,
                     size_t whysize)
{
    struct stat st;
    if (stat(source, &st) != 0) {
        snprintf(why, whysize, "%s", errno == ENOENT ? "there is no such file or folder" : strerror(errno));
        return false;
    }
    if (S_ISDIR(st.st_mode))
        return expand_folder(list, source, shuffle, seed, why, whysize);
    if (ends_with(source, ".m3u") || ends_with(source, ".m3u8"))
        return expand_m3u(list, source, why, whysize);
    if (!playlist_add(list, source)) {
        snprintf(why, whysize, "the playlist is full");
        return false;
    }
    return true;
}
