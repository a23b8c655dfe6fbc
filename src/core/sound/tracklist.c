/* The order of play and what is known of each track. Paths are interned once, so a track
 * that is in the session's music and in a phase's is measured and warned about once. */
#include "core/sound/tracklist.h"

#include <stdlib.h>
#include <string.h>

void tracklist_init(tracklist_t *t)
{
    memset(t, 0, sizeof *t);
    t->fallback = -1;
}

static unsigned hash_path(const char *s)
{
    unsigned h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The hash slot holding path, or the empty slot where it would go. */
static int slot_of(const tracklist_t *t, const char *path)
{
    int mask = t->hcap - 1;
    for (int s = (int)(hash_path(path) & (unsigned)mask);; s = (s + 1) & mask)
        if (t->hash[s] == 0 || strcmp(t->tracks[t->hash[s] - 1].path, path) == 0)
            return s;
}

/* Makes room for one more track (array and hash). Returns false when out of memory. */
static bool grow(tracklist_t *t)
{
    if (t->count == t->cap) {
        int cap = t->cap ? t->cap * 2 : 32;
        track_t *grown = realloc(t->tracks, (size_t)cap * sizeof *grown);
        if (!grown)
            return false;
        t->tracks = grown;
        t->cap = cap;
    }
    if ((t->count + 1) * 2 <= t->hcap)
        return true;
    int hcap = t->hcap ? t->hcap * 2 : 64;
    int *hash = calloc((size_t)hcap, sizeof *hash);
    if (!hash)
        return false;
    free(t->hash);
    t->hash = hash;
    t->hcap = hcap;
    for (int i = 0; i < t->count; i++)
        t->hash[slot_of(t, t->tracks[i].path)] = i + 1;
    return true;
}

int tracklist_intern(tracklist_t *t, const char *path)
{
    if (t->hcap > 0) {
        int s = slot_of(t, path);
        if (t->hash[s])
            return t->hash[s] - 1;
    }
    if (t->count >= TRACKLIST_MAX || !grow(t))
        return -1;
    char *copy = strdup(path);
    if (!copy)
        return -1;
    t->tracks[t->count] = (track_t){ .path = copy };
    t->hash[slot_of(t, path)] = t->count + 1;
    return t->count++;
}

/* Interns every path of p into a new index array. Returns false when out of memory. */
static bool intern_all(tracklist_t *t, const playlist_t *p, int **out, int *n)
{
    free(*out);
    *out = NULL;
    *n = 0;
    if (p->count == 0)
        return true;
    int *idx = malloc((size_t)p->count * sizeof *idx);
    if (!idx)
        return false;
    int k = 0;
    for (int i = 0; i < p->count; i++) {
        int j = tracklist_intern(t, p->paths[i]);
        if (j >= 0)
            idx[k++] = j;
    }
    *out = idx;
    *n = k;
    return true;
}

bool tracklist_set_loop(tracklist_t *t, const playlist_t *p)
{
    t->loop_pos = 0;
    return intern_all(t, p, &t->loop, &t->nloop);
}

bool tracklist_set_once(tracklist_t *t, const playlist_t *p)
{
    t->once_pos = 0;
    return intern_all(t, p, &t->once, &t->nonce);
}

static bool playable(const tracklist_t *t, int index)
{
    return index >= 0 && index < t->count && !t->tracks[index].bad;
}

/* The next playable track from the given positions, moving them past it; -1 when none.
 * *fallback tells whether it is the fallback standing in. */
static int pick(const tracklist_t *t, int *once_pos, int *loop_pos, bool *fallback)
{
    *fallback = false;
    while (*once_pos < t->nonce) {
        int i = t->once[(*once_pos)++];
        if (playable(t, i))
            return i;
    }
    for (int k = 0; k < t->nloop; k++) {
        int at = (*loop_pos + k) % t->nloop;
        if (playable(t, t->loop[at])) {
            *loop_pos = (at + 1) % t->nloop;
            return t->loop[at];
        }
    }
    *fallback = playable(t, t->fallback);
    return *fallback ? t->fallback : -1;
}

int tracklist_next(tracklist_t *t)
{
    return pick(t, &t->once_pos, &t->loop_pos, &t->on_fallback);
}

int tracklist_next_once(tracklist_t *t)
{
    while (t->once_pos < t->nonce) {
        int i = t->once[t->once_pos++];
        if (playable(t, i))
            return i;
    }
    return -1;
}

int tracklist_peek(const tracklist_t *t, int *out, int max)
{
    int once_pos = t->once_pos, loop_pos = t->loop_pos, n = 0;
    bool fallback;
    while (n < max) {
        int i = pick(t, &once_pos, &loop_pos, &fallback);
        if (i < 0)
            break;
        out[n++] = i;
    }
    return n;
}

void tracklist_mark_bad(tracklist_t *t, int index)
{
    if (index >= 0 && index < t->count)
        t->tracks[index].bad = true;
}

void tracklist_clear(tracklist_t *t)
{
    for (int i = 0; i < t->count; i++)
        free(t->tracks[i].path);
    if (t->hash)
        memset(t->hash, 0, (size_t)t->hcap * sizeof *t->hash);
    t->count = 0;
    t->nloop = t->loop_pos = t->nonce = t->once_pos = 0;
    t->fallback = -1;
}

void tracklist_free(tracklist_t *t)
{
    tracklist_clear(t);
    free(t->tracks);
    free(t->loop);
    free(t->once);
    free(t->hash);
    tracklist_init(t);
}
