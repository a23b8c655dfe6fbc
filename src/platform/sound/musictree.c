/* The walk behind musictree_list: one folder at a time, its entries sorted with the playlist's
 * natural order, files before sub-folders. Memory is the list itself plus one folder's names
 * per level being walked; a stat() only where the folder entry does not say what it is. */
#include "platform/sound/musictree.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/sys/osfile.h"
#include "platform/sys/paths.h"

typedef struct {
    uint64_t dev, ino;
} folder_id_t;

typedef struct {
    folder_id_t *seen;   /* folders read so far (a link loop reads nothing twice) */
    int nseen, cap;
    musictree_t *out;
} walk_t;

/* Records a folder; false when it was seen before (or no memory to remember it). */
static bool first_visit(walk_t *w, const osfile_stat_t *st)
{
    for (int i = 0; i < w->nseen; i++)
        if (w->seen[i].dev == st->dev && w->seen[i].ino == st->ino)
            return false;
    if (w->nseen == w->cap) {
        int cap = w->cap ? w->cap * 2 : 32;
        folder_id_t *grown = realloc(w->seen, (size_t)cap * sizeof *grown);
        if (!grown)
            return false;
        w->seen = grown;
        w->cap = cap;
    }
    w->seen[w->nseen++] = (folder_id_t){ st->dev, st->ino };
    return true;
}

/* Whether a folder entry is a folder (following links). */
static bool is_folder(const char *dir, const char *name, osfile_kind_t kind)
{
    if (kind != OSFILE_OTHER)
        return kind == OSFILE_FOLDER;
    char path[4096];
    osfile_stat_t st;
    return paths_join(path, sizeof path, dir, name) && osfile_stat(path, &st) == 0 && st.kind == OSFILE_FOLDER;
}

/* Reads one folder's names into files and folders. Returns false when it cannot be opened. */
static bool read_folder(const char *dir, playlist_t *files, playlist_t *folders, int *err)
{
    osfile_dir_t *d = osfile_opendir(dir);
    if (!d) {
        *err = errno;
        return false;
    }
    const char *name;
    osfile_kind_t kind;
    while ((name = osfile_readdir(d, &kind))) {
        if (name[0] == '.')
            continue; /* hidden, and "." and ".." */
        /* a sound file's name is trusted without a stat() (10,000 of them on a cold disk);
         * a folder so named is found out by the decoder, which says so */
        if (playlist_is_audio_name(name) && kind != OSFILE_FOLDER)
            playlist_add(files, name);
        else if (is_folder(dir, name, kind))
            playlist_add(folders, name);
    }
    osfile_closedir(d);
    playlist_sort(files);
    playlist_sort(folders);
    return true;
}

static void walk(walk_t *w, playlist_t *list, const char *dir, int depth)
{
    osfile_stat_t st;
    if (osfile_stat(dir, &st) != 0 || !first_visit(w, &st))
        return;
    playlist_t files = { 0 }, folders = { 0 };
    int err = 0;
    if (!read_folder(dir, &files, &folders, &err)) {
        w->out->unreadable++;
        return;
    }
    char path[4096];
    for (int i = 0; i < files.count && !w->out->cut; i++) {
        if (!paths_join(path, sizeof path, dir, files.paths[i]))
            continue;
        if (playlist_add(list, path))
            w->out->added++;
        else
            w->out->cut = true;
    }
    playlist_free(&files);
    for (int i = 0; i < folders.count && !w->out->cut && depth < MUSICTREE_DEPTH; i++)
        if (paths_join(path, sizeof path, dir, folders.paths[i]))
            walk(w, list, path, depth + 1);
    playlist_free(&folders);
}

bool musictree_list(playlist_t *list, const char *dir, musictree_t *out, char *why, size_t whysize)
{
    *out = (musictree_t){ 0 };
    osfile_dir_t *d = osfile_opendir(dir); /* the folder itself must open: its failure is the caller's message */
    if (!d) {
        snprintf(why, whysize, "cannot open the folder: %s", strerror(errno));
        return false;
    }
    osfile_closedir(d);
    walk_t w = { .out = out };
    walk(&w, list, dir, 0);
    free(w.seen);
    return true;
}
