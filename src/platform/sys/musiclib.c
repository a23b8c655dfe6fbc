/* The music folder's contents for the choose-the-music screen: a low-priority thread walks the
 * folder (hidden names skipped, each folder once however symlinks point) and adds entries in
 * name order. The lock is held only to add a pointer or copy one; never during I/O. */
#include "platform/sys/musiclib.h"

#include <SDL.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"
#include "core/base/utf8.h"
#include "core/sound/playlist.h"
#include "platform/sys/osfile.h"
#include "platform/sys/paths.h"

#define LIST_MAX PLAYLIST_FILE_MAX /* bytes of a playlist read, as musicdir_expand reads them */

/* One entry, written once by the thread before it is added, then only read until the end. */
typedef struct {
    char *name;         /* full length; musiclib_get shortens it */
    char *path;
    bool playlist;
    int tracks;
} item_t;

struct musiclib {
    SDL_Thread *thread;
    SDL_mutex *lock;
    SDL_atomic_t stop;
    char root[4096];
    char shown[4096];   /* root as messages show it: "~/Music" */
    /* written by the thread under lock (it alone writes, so it reads them without) */
    item_t **items;     /* count of them, in name order */
    int count, cap;
    unsigned version;
    bool done;
    char why[4352];  /* room for shown and a sentence */
};

typedef struct {
    bool used;
    uint64_t dev, ino;
} folder_id_t;

/* The thread's own state. */
typedef struct {
    musiclib_t *m;
    folder_id_t *seen;  /* folders entered: a hash set, seen_cap a power of two */
    size_t seen_cap, seen_count;
    char *text;         /* LIST_MAX + 1 bytes to read playlists into, made when first needed
                         * (only the pages a playlist fills are touched) */
    bool full;          /* stop adding: MUSICLIB_MAX reached or out of memory */
    char why[4352];  /* room for shown and a sentence */
} scan_t;

static size_t slot_of(uint64_t dev, uint64_t ino, size_t cap)
{
    uint64_t h = (uint64_t)dev * 0x9E3779B97F4A7C15u ^ (uint64_t)ino * 0xC2B2AE3D27D4EB4Fu;
    return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

static void seen_put(folder_id_t *set, size_t cap, uint64_t dev, uint64_t ino)
{
    size_t i = slot_of(dev, ino, cap);
    while (set[i].used)
        i = (i + 1) & (cap - 1);
    set[i] = (folder_id_t){ true, dev, ino };
}

/* Notes the folder; false when it was entered before (a loop or a second way in), or when there
 * is no memory to note it (then it is not entered either: no loop can follow). */
static bool first_visit(scan_t *s, const osfile_stat_t *st)
{
    if (s->seen_cap) {
        for (size_t i = slot_of(st->dev, st->ino, s->seen_cap); s->seen[i].used; i = (i + 1) & (s->seen_cap - 1))
            if (s->seen[i].dev == st->dev && s->seen[i].ino == st->ino)
                return false;
    }
    if (2 * (s->seen_count + 1) > s->seen_cap) {
        size_t cap = s->seen_cap ? 2 * s->seen_cap : 64;
        folder_id_t *set = calloc(cap, sizeof *set);
        if (!set)
            return false;
        for (size_t i = 0; i < s->seen_cap; i++)
            if (s->seen[i].used)
                seen_put(set, cap, s->seen[i].dev, s->seen[i].ino);
        free(s->seen);
        s->seen = set;
        s->seen_cap = cap;
    }
    seen_put(s->seen, s->seen_cap, st->dev, st->ino);
    s->seen_count++;
    return true;
}

static bool stopping(const scan_t *s)
{
    return s->full || SDL_AtomicGet(&s->m->stop);
}

static int by_name(const item_t *a, const item_t *b)
{
    int c = playlist_compare_names(a->name, b->name);
    return c ? c : strcmp(a->path, b->path);
}

/* Adds an entry in name order: the pointer array grows and shifts under the lock, nothing else. */
static void add_item(scan_t *s, bool playlist, const char *name, const char *path, int tracks)
{
    musiclib_t *m = s->m;
    if (m->count >= MUSICLIB_MAX) {
        s->full = true;
        return;
    }
    size_t ln = strlen(name) + 1, lp = strlen(path) + 1;
    item_t *it = malloc(sizeof *it + ln + lp);
    if (!it) {
        snprintf(s->why, sizeof s->why, "%s", _("out of memory"));
        s->full = true;
        return;
    }
    it->name = (char *)(it + 1);
    it->path = it->name + ln;
    memcpy(it->name, name, ln);
    memcpy(it->path, path, lp);
    it->playlist = playlist;
    it->tracks = tracks;
    int lo = 0, hi = m->count;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (by_name(m->items[mid], it) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    SDL_LockMutex(m->lock);
    if (m->count == m->cap) {
        int cap = m->cap ? 2 * m->cap : 64;
        cap = cap > MUSICLIB_MAX ? MUSICLIB_MAX : cap;
        item_t **grown = realloc(m->items, (size_t)cap * sizeof(item_t *));
        if (!grown) {
            SDL_UnlockMutex(m->lock);
            free(it);
            snprintf(s->why, sizeof s->why, "%s", _("out of memory"));
            s->full = true;
            return;
        }
        m->items = grown;
        m->cap = cap;
    }
    memmove(m->items + lo + 1, m->items + lo, (size_t)(m->count - lo) * sizeof(item_t *));
    m->items[lo] = it;
    m->count++;
    m->version++;
    SDL_UnlockMutex(m->lock);
}

enum { KIND_OTHER, KIND_FILE, KIND_FOLDER };

/* What a folder entry is, following symlinks; stat only when readdir does not say. */
static int kind_of(const char *dir, const char *name, osfile_kind_t said)
{
    if (said == OSFILE_FOLDER)
        return KIND_FOLDER;
    if (said == OSFILE_REGULAR)
        return KIND_FILE;
    char path[4096];
    osfile_stat_t st;
    if (!paths_join(path, sizeof path, dir, name) || osfile_stat(path, &st) != 0)
        return KIND_OTHER;
    return st.kind == OSFILE_FOLDER ? KIND_FOLDER : st.kind == OSFILE_REGULAR ? KIND_FILE : KIND_OTHER;
}

/* The tracks a playlist (.m3u/.m3u8, .pls, .xspf) names, counted as musicdir_expand reads
 * them: web addresses and entries that name no file are not tracks, and of a file larger than
 * LIST_MAX only the whole lines of its start. */
static int playlist_tracks(scan_t *s, const char *path, const char *dir)
{
    if (!s->text && !(s->text = malloc(LIST_MAX + 1)))
        return 0;
    FILE *f = osfile_fopen(path, "rb");
    if (!f)
        return 0;
    size_t len = fread(s->text, 1, LIST_MAX + 1, f);
    fclose(f);
    if (len > LIST_MAX)
        len = playlist_whole_lines(s->text, LIST_MAX);
    playlist_t list = { 0 };
    int n = playlist_parse_any(&list, s->text, len, dir, path).added;
    playlist_free(&list);
    return n;
}

static void scan_folder(scan_t *s, const char *dir, const char *rel, int depth);

/* Goes into each subfolder not entered before (names sorted, so which ones a full list keeps
 * does not depend on the order of readdir). */
static void scan_subfolders(scan_t *s, const char *dir, const char *rel, int depth, playlist_t *names)
{
    playlist_sort(names);
    for (int i = 0; i < names->count && !stopping(s); i++) {
        char path[4096], sub[4096];
        osfile_stat_t st;
        if (!paths_join(path, sizeof path, dir, names->paths[i]) || osfile_stat(path, &st) != 0 ||
            st.kind != OSFILE_FOLDER || !first_visit(s, &st))
            continue;
        if (depth == 0)
            snprintf(sub, sizeof sub, "%s", names->paths[i]);
        else if (!paths_join(sub, sizeof sub, rel, names->paths[i]))
            continue;
        scan_folder(s, path, sub, depth + 1);
    }
}

/* Adds dir when it holds sound files, then its playlists, then looks into its subfolders. */
static void scan_folder(scan_t *s, const char *dir, const char *rel, int depth)
{
    osfile_dir_t *d = osfile_opendir(dir);
    if (!d) {
        if (depth == 0)
            /* TRANSLATORS: the music chooser: a folder (%1$s) that cannot be read, and why */
            snprintf(s->why, sizeof s->why, _("cannot read %s: %s"), s->m->shown, strerror(errno));
        return;
    }
    playlist_t folders = { 0 }, lists = { 0 };
    int tracks = 0;
    const char *entry;
    osfile_kind_t said;
    while (!stopping(s) && (entry = osfile_readdir(d, &said))) {
        if (entry[0] == '.')
            continue;
        int kind = kind_of(dir, entry, said);
        if (kind == KIND_FOLDER && depth < MUSICLIB_DEPTH)
            playlist_add(&folders, entry);
        else if (kind == KIND_FILE && playlist_is_audio_name(entry))
            tracks++;
        else if (kind == KIND_FILE && playlist_is_playlist_name(entry))
            playlist_add(&lists, entry);
    }
    osfile_closedir(d);
    if (tracks > 0 && !stopping(s)) {
        const char *base = paths_last_separator(dir);
        const char *name = depth > 0 ? rel : base && base[1] ? base + 1 : dir;
        add_item(s, false, name, dir, tracks < PLAYLIST_MAX ? tracks : PLAYLIST_MAX);
    }
    playlist_sort(&lists);
    for (int i = 0; i < lists.count && !stopping(s); i++) {
        char path[4096];
        int n = paths_join(path, sizeof path, dir, lists.paths[i]) ? playlist_tracks(s, path, dir) : 0;
        if (n > 0)
            add_item(s, true, lists.paths[i], path, n);
    }
    playlist_free(&lists);
    scan_subfolders(s, dir, rel, depth, &folders);
    playlist_free(&folders);
}

static void finish(musiclib_t *m, const char *why)
{
    SDL_LockMutex(m->lock);
    snprintf(m->why, sizeof m->why, "%s", why);
    m->done = true;
    m->version++;
    SDL_UnlockMutex(m->lock);
}

static int scan_main(void *arg)
{
    musiclib_t *m = arg;
    SDL_SetThreadPriority(SDL_THREAD_PRIORITY_LOW);
    scan_t s = { .m = m };
    osfile_stat_t st;
    if (osfile_stat(m->root, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            /* TRANSLATORS: the music chooser: %s is the music folder ("~/Music") */
            snprintf(s.why, sizeof s.why, _("no music folder at %s"), m->shown);
        else
            snprintf(s.why, sizeof s.why, _("cannot read %s: %s"), m->shown, strerror(errno));
    } else if (st.kind != OSFILE_FOLDER) {
        /* TRANSLATORS: the music chooser: %s is the music folder ("~/Music") */
        snprintf(s.why, sizeof s.why, _("%s is not a folder"), m->shown);
    } else {
        first_visit(&s, &st);
        scan_folder(&s, m->root, "", 0);
        if (!s.why[0] && s.full)
            /* TRANSLATORS: the music chooser, when the music folder holds more than it lists */
            snprintf(s.why, sizeof s.why, _("showing the first %d"), MUSICLIB_MAX);
        else if (!s.why[0] && m->count == 0 && !SDL_AtomicGet(&m->stop))
            /* TRANSLATORS: the music chooser: %s is the music folder ("~/Music") */
            snprintf(s.why, sizeof s.why, _("no music files or playlists in %s"), m->shown);
    }
    free(s.seen);
    free(s.text);
    finish(m, s.why);
    return 0;
}

musiclib_t *musiclib_start(const char *dir, char *why, size_t whysize)
{
    musiclib_t *m = calloc(1, sizeof *m);
    if (!m) {
        snprintf(why, whysize, "%s", _("out of memory"));
        return NULL;
    }
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    bool fits = n < sizeof m->root;
    snprintf(m->root, sizeof m->root, "%.*s", (int)(fits ? n : sizeof m->root - 1), dir);
    paths_shown(m->root, m->shown, sizeof m->shown);
    m->lock = SDL_CreateMutex();
    if (m->lock && !fits) {
        finish(m, _("the music folder's name is too long"));
        return m;
    }
    m->thread = m->lock ? SDL_CreateThread(scan_main, "musiclib", m) : NULL;
    if (!m->thread) {
        /* TRANSLATORS: the music chooser; %s is SDL's reason */
        snprintf(why, whysize, _("cannot start looking through the music folder: %s"), SDL_GetError());
        if (m->lock)
            SDL_DestroyMutex(m->lock);
        free(m);
        return NULL;
    }
    return m;
}

unsigned musiclib_version(musiclib_t *m)
{
    SDL_LockMutex(m->lock);
    unsigned v = m->version;
    SDL_UnlockMutex(m->lock);
    return v;
}

int musiclib_count(musiclib_t *m)
{
    SDL_LockMutex(m->lock);
    int n = m->count;
    SDL_UnlockMutex(m->lock);
    return n;
}


bool musiclib_get(musiclib_t *m, int i, musiclib_entry_t *out)
{
    SDL_LockMutex(m->lock);
    const item_t *it = i >= 0 && i < m->count ? m->items[i] : NULL;
    SDL_UnlockMutex(m->lock);
    if (!it)
        return false;
    /* an item never changes once added and lives until musiclib_stop: copied without the lock */
    utf8_copy(out->name, sizeof out->name, it->name);
    utf8_copy(out->path, sizeof out->path, it->path);
    out->playlist = it->playlist;
    out->tracks = it->tracks;
    return true;
}

bool musiclib_done(musiclib_t *m, char *why, size_t whysize)
{
    SDL_LockMutex(m->lock);
    bool done = m->done;
    if (why && whysize)
        snprintf(why, whysize, "%s", done ? m->why : "");
    SDL_UnlockMutex(m->lock);
    return done;
}

void musiclib_stop(musiclib_t *m)
{
    if (!m)
        return;
    SDL_AtomicSet(&m->stop, 1);
    if (m->thread)
        SDL_WaitThread(m->thread, NULL);
    for (int i = 0; i < m->count; i++)
        free(m->items[i]);
    free(m->items);
    SDL_DestroyMutex(m->lock);
    free(m);
}
