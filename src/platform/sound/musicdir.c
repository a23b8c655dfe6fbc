/* Expands music sources into playlist entries: folders by name, playlist files (.m3u/.m3u8,
 * .pls, .xspf) read here and parsed by core/sound/playlist. No SDL, no decoding, no network:
 * whether a file really plays is found out by the decoder. */
#include "platform/sound/musicdir.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"
#include "platform/sound/musictree.h"
#include "platform/sys/osfile.h"
#include "platform/sys/paths.h"

/* A folder's sound files, its sub-folders' too (musictree), in name order or shuffled. */
static bool expand_folder(playlist_t *list, const char *dir, bool shuffle, unsigned seed, char *why,
                          size_t whysize)
{
    int before = list->count;
    musictree_t found;
    if (!musictree_list(list, dir, &found, why, whysize))
        return false;
    if (shuffle) { /* only what this folder added, in place */
        playlist_t added = { list->paths + before, list->count - before, list->count - before };
        playlist_shuffle(&added, seed);
    }
    /* TRANSLATORS: why a music folder plays nothing, after "Music \"FOLDER\": " */
    if (found.added == 0 && found.unreadable)
        snprintf(why, whysize, "%s", _("no music files in the folder (some of its folders could not be opened)"));
    else if (found.added == 0)
        /* TRANSLATORS: why a music folder plays nothing, after "Music \"FOLDER\": " */
        snprintf(why, whysize, "%s", _("no music files in the folder"));
    else if (found.cut)
        /* TRANSLATORS: a music folder with too many files for the music list */
        snprintf(why, whysize, _("the folder holds more than %d music files: the first %d play"),
                 PLAYLIST_MAX, found.added);
    return found.added > 0;
}

/* Reads up to PLAYLIST_FILE_MAX bytes of path into a new buffer the caller frees; *cut when
 * the file holds more. NULL, errno set, when it cannot be read. */
static char *read_playlist(const char *path, size_t *len, bool *cut)
{
    FILE *f = osfile_fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 0, n = 0;
    char *text = NULL;
    *cut = false;
    for (;;) {
        if (n == cap) {
            if (cap > PLAYLIST_FILE_MAX) { /* one byte more than the limit came: there is more */
                *cut = true;
                n = PLAYLIST_FILE_MAX;
                break;
            }
            size_t grown_cap = cap ? cap * 4 : 1 << 16;
            grown_cap = grown_cap > PLAYLIST_FILE_MAX ? PLAYLIST_FILE_MAX + 1 : grown_cap;
            char *grown = realloc(text, grown_cap);
            if (!grown) {
                free(text);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            text = grown;
            cap = grown_cap;
        }
        size_t got = fread(text + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int err = ferror(f) ? errno : 0;
    fclose(f);
    if (err) {
        free(text);
        errno = err;
        return NULL;
    }
    *len = *cut ? playlist_whole_lines(text, n) : n;
    return text;
}

/* Appends a note to why, after "; " when it holds one already. */
static void note(char *why, size_t whysize, const char *text)
{
    size_t n = strlen(why);
    if (n + 1 < whysize)
        snprintf(why + n, whysize - n, "%s%s", n ? "; " : "", text);
}

/* Why a playlist gave no track. */
static void say_empty(const musicdir_info_t *info, char *why, size_t whysize)
{
    const playlist_read_t *r = &info->read;
    /* TRANSLATORS: why a playlist plays nothing, after "Music \"FILE\": " */
    if (r->full > 0)
        snprintf(why, whysize, _("the music list is full (%d tracks): nothing more was added"), PLAYLIST_MAX);
    else if (r->urls > 0 && r->bad > 0)
        /* TRANSLATORS: why a playlist plays nothing: %1$d web addresses, %2$d entries that are
           not file names (the plural follows the entries) */
        snprintf(why, whysize, P_("the playlist lists no files, only web addresses (%d), which Safe Base never "
                                  "fetches, and %d entry that cannot be read as a file name",
                                  "the playlist lists no files, only web addresses (%d), which Safe Base never "
                                  "fetches, and %d entries that cannot be read as file names", r->bad),
                 r->urls, r->bad);
    else if (r->urls > 0)
        /* TRANSLATORS: why a playlist plays nothing: %d web addresses */
        snprintf(why, whysize, _("the playlist lists no files, only web addresses (%d), which Safe Base never "
                 "fetches"), r->urls);
    else if (r->bad > 0)
        /* TRANSLATORS: why a playlist plays nothing */
        snprintf(why, whysize, P_("the playlist lists no files: %d entry in it cannot be read as a file name",
                                  "the playlist lists no files: %d entries in it cannot be read as file names", r->bad),
                 r->bad);
    else
        /* TRANSLATORS: why a playlist plays nothing */
        snprintf(why, whysize, "%s", _("the playlist lists no files"));
    if (info->cut)
        /* TRANSLATORS: added after "; " to why a playlist plays nothing */
        note(why, whysize, _("it is larger than 8 MB and only its first 8 MB was read"));
}

/* What the user should still hear about a playlist that plays. */
static void say_skipped(const musicdir_info_t *info, char *why, size_t whysize)
{
    const playlist_read_t *r = &info->read;
    char text[256];
    why[0] = '\0';
    if (r->urls > 0) {
        /* TRANSLATORS: what a playlist that plays left out, after "Music \"FILE\": "; these
           notes are joined with "; " */
        snprintf(text, sizeof text, P_("%d web address in it was skipped (Safe Base never fetches anything)",
                                       "%d web addresses in it were skipped (Safe Base never fetches anything)", r->urls),
                 r->urls);
        note(why, whysize, text);
    }
    if (r->bad > 0) {
        /* TRANSLATORS: what a playlist that plays left out (see "%d web address in it...") */
        snprintf(text, sizeof text, P_("%d entry in it could not be read as a file name",
                                       "%d entries in it could not be read as a file name", r->bad), r->bad);
        note(why, whysize, text);
    }
    if (r->full > 0) {
        /* TRANSLATORS: what a playlist that plays left out: %1$d tracks past the first %2$d */
        snprintf(text, sizeof text, P_("%d track past the first %d was left out",
                                       "%d tracks past the first %d were left out", r->full), r->full, PLAYLIST_MAX);
        note(why, whysize, text);
    }
    if (info->cut)
        /* TRANSLATORS: what a playlist that plays left out (see "%d web address in it...") */
        note(why, whysize, _("the playlist is larger than 8 MB: only its first 8 MB was read"));
}

static bool expand_playlist(playlist_t *list, const char *path, musicdir_info_t *info, char *why,
                            size_t whysize)
{
    size_t len = 0;
    char *text = read_playlist(path, &len, &info->cut);
    if (!text) {
        /* TRANSLATORS: %s says why (the system's words) */
        snprintf(why, whysize, _("cannot read the playlist: %s"), strerror(errno));
        return false;
    }
    char dir[4096];
    paths_dirname(path, dir, sizeof dir);
    info->read = playlist_parse_any(list, text, len, dir, path);
    free(text);
    if (info->read.added == 0) {
        say_empty(info, why, whysize);
        return false;
    }
    say_skipped(info, why, whysize);
    return true;
}

bool musicdir_expand_ex(playlist_t *list, const char *source, bool shuffle, unsigned seed,
                        musicdir_info_t *info, char *why, size_t whysize)
{
    musicdir_info_t scratch = { 0 };
    info = info ? info : &scratch;
    memset(info, 0, sizeof *info);
    if (whysize > 0)
        why[0] = '\0';
    osfile_stat_t st;
    if (osfile_stat(source, &st) != 0) {
        /* TRANSLATORS: a music source given that does not exist */
        snprintf(why, whysize, "%s", errno == ENOENT ? _("there is no such file or folder") : strerror(errno));
        return false;
    }
    if (st.kind == OSFILE_FOLDER) {
        int before = list->count;
        bool ok = expand_folder(list, source, shuffle, seed, why, whysize);
        info->read.added = list->count - before;
        return ok;
    }
    if (playlist_is_playlist_name(source))
        return expand_playlist(list, source, info, why, whysize);
    if (!playlist_add(list, source)) {
        snprintf(why, whysize, "%s", _("the playlist is full"));
        info->read.full = 1;
        return false;
    }
    info->read.added = 1;
    return true;
}

bool musicdir_expand(playlist_t *list, const char *source, bool shuffle, unsigned seed, char *why,
                     size_t whysize)
{
    bool ok = musicdir_expand_ex(list, source, shuffle, seed, NULL, why, whysize);
    if (ok && whysize > 0)
        why[0] = '\0'; /* its callers read why only on failure; say nothing else */
    return ok;
}
