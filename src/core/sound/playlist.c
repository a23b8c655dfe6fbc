/* Playlist storage and the .m3u reader. Must not open files or print: the platform reads
 * the file and lists folders; this only turns text into paths. */
#include "core/sound/playlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool playlist_add(playlist_t *p, const char *path)
{
    if (p->count >= PLAYLIST_MAX)
        return false;
    if (p->count == p->cap) {
        int cap = p->cap ? p->cap * 2 : 16;
        char **grown = realloc(p->paths, (size_t)cap * sizeof *grown);
        if (!grown)
            return false;
        p->paths = grown;
        p->cap = cap;
    }
    char *copy = strdup(path);
    if (!copy)
        return false;
    p->paths[p->count++] = copy;
    return true;
}

/* True when line[0..n) holds "://" (the line is not NUL-terminated: no strstr). */
static bool has_scheme(const char *line, size_t n)
{
    for (size_t i = 0; i + 3 <= n; i++)
        if (line[i] == ':' && line[i + 1] == '/' && line[i + 2] == '/')
            return true;
    return false;
}

static bool add_line(playlist_t *p, const char *line, size_t n, const char *base_dir)
{
    while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
        n--;
    while (n > 0 && (*line == ' ' || *line == '\t'))
        line++, n--;
    if (n == 0 || line[0] == '#' || memchr(line, '\0', n) || n > 4000)
        return false;
    if (has_scheme(line, n))
        return false; /* a URL: we never go on the network */
    char path[4200];
    if (line[0] == '/' || !base_dir || !*base_dir)
        snprintf(path, sizeof path, "%.*s", (int)n, line);
    else
        snprintf(path, sizeof path, "%s/%.*s", base_dir, (int)n, line);
    return playlist_add(p, path);
}

int playlist_parse_m3u(playlist_t *p, const char *text, size_t len, const char *base_dir)
{
    int added = 0;
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        added += add_line(p, text + i, end - i, base_dir);
        i = end + 1;
    }
    return added;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool digit(int c)
{
    return c >= '0' && c <= '9';
}

/* Compares the digit runs at *a and *b by value, moving past them. */
static int compare_numbers(const unsigned char **a, const unsigned char **b)
{
    while (**a == '0')
        (*a)++;
    while (**b == '0')
        (*b)++;
    const unsigned char *sa = *a, *sb = *b;
    while (digit(**a))
        (*a)++;
    while (digit(**b))
        (*b)++;
    size_t la = (size_t)(*a - sa), lb = (size_t)(*b - sb);
    if (la != lb)
        return la < lb ? -1 : 1;
    int c = memcmp(sa, sb, la);
    return c < 0 ? -1 : c > 0;
}

int playlist_compare_names(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    while (*x && *y) {
        if (digit(*x) && digit(*y)) {
            int c = compare_numbers(&x, &y);
            if (c)
                return c;
            continue;
        }
        if (lower(*x) != lower(*y))
            return lower(*x) < lower(*y) ? -1 : 1;
        x++, y++;
    }
    if (*x || *y)
        return *x ? 1 : -1;
    int c = strcmp(a, b);
    return c < 0 ? -1 : c > 0;
}

static int by_name(const void *a, const void *b)
{
    return playlist_compare_names(*(char *const *)a, *(char *const *)b);
}

void playlist_sort(playlist_t *p)
{
    if (p->count > 1)
        qsort(p->paths, (size_t)p->count, sizeof p->paths[0], by_name);
}

void playlist_shuffle(playlist_t *p, unsigned seed)
{
    for (int i = p->count - 1; i > 0; i--) {
        seed = seed * 1103515245u + 12345u;
        int j = (int)((seed >> 8) % (unsigned)(i + 1));
        char *t = p->paths[i];
        p->paths[i] = p->paths[j];
        p->paths[j] = t;
    }
}

void playlist_free(playlist_t *p)
{
    for (int i = 0; i < p->count; i++)
        free(p->paths[i]);
    free(p->paths);
    p->paths = NULL;
    p->count = p->cap = 0;
}

bool playlist_is_audio_name(const char *name)
{
    static const char *const exts[] = { ".ogg", ".oga", ".opus", ".mp3", ".flac", ".wav", ".aif", ".aiff" };
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t e = strlen(exts[i]);
        if (n > e && strcasecmp(name + n - e, exts[i]) == 0)
            return true;
    }
    return false;
}
