/* Playlist storage, name order, and the readers of .m3u/.m3u8, .pls and .xspf text (the
 * syntax of each entry is playlistfmt's). Must not open files, fetch or print: the platform
 * reads the file and lists folders; this only turns text into paths. */
#include "core/sound/playlist.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/sound/playlistfmt.h"

#define PATH_ROOM 4096 /* a path's bytes with its NUL, as PATH_MAX on Linux */

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

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool digit(int c)
{
    return c >= '0' && c <= '9';
}

static void take(playlist_t *p, playlist_read_t *r, playlistfmt_kind_t kind, const char *path)
{
    if (kind == PLAYLISTFMT_URL)
        r->urls++;
    else if (kind == PLAYLISTFMT_BAD)
        r->bad++;
    else if (playlist_add(p, path))
        r->added++;
    else
        r->full++;
}

static size_t after_bom(const char *text, size_t len)
{
    return len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* The next line of text from *at (ended by LF, CR or CRLF), blanks around it dropped; false
 * at the end of the text. */
static bool next_line(const char *text, size_t len, size_t *at, const char **line, size_t *n)
{
    if (*at >= len)
        return false;
    size_t i = *at;
    while (i < len && text[i] != '\n' && text[i] != '\r')
        i++;
    const char *s = text + *at;
    size_t m = i - *at;
    while (m > 0 && (s[m - 1] == ' ' || s[m - 1] == '\t'))
        m--;
    while (m > 0 && (*s == ' ' || *s == '\t'))
        s++, m--;
    *line = s;
    *n = m;
    if (i + 1 < len && text[i] == '\r' && text[i + 1] == '\n')
        i++;
    *at = i + 1;
    return true;
}

playlist_read_t playlist_parse_m3u(playlist_t *p, const char *text, size_t len, const char *base_dir)
{
    playlist_read_t r = { 0 };
    char path[PATH_ROOM];
    size_t at = after_bom(text, len);
    const char *line;
    size_t n;
    while (next_line(text, len, &at, &line, &n))
        if (n > 0 && line[0] != '#')
            take(p, &r, playlistfmt_resolve(path, sizeof path, line, n, base_dir, false), path);
    return r;
}

typedef struct {
    unsigned long long number;  /* N of FileN */
    size_t order;               /* the line's place among the File lines */
    const char *value;
    size_t len;
} pls_entry_t;

static int by_number(const void *a, const void *b)
{
    const pls_entry_t *x = a, *y = b;
    if (x->number != y->number)
        return x->number < y->number ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Reads "FileN=value" from line[0..n) into e: true for a File key with a number, false for
 * any other line; *bad is set for "File=" and numbers too long to be one. */
static bool pls_file(const char *line, size_t n, pls_entry_t *e, bool *bad)
{
    const char *eq = memchr(line, '=', n);
    if (!eq)
        return false;
    size_t k = (size_t)(eq - line);
    while (k > 0 && (line[k - 1] == ' ' || line[k - 1] == '\t'))
        k--;
    if (k < 4 || strncasecmp(line, "file", 4) != 0)
        return false;
    size_t digits = 0, significant = 0;
    e->number = 0;
    for (size_t i = 4; i < k; i++) {
        if (!digit((unsigned char)line[i]))
            return false; /* "FileName=": some other key */
        digits++;
        significant += significant > 0 || line[i] != '0';
        if (significant <= 18)
            e->number = e->number * 10 + (unsigned long long)(line[i] - '0');
    }
    if (digits == 0 || significant > 18) {
        *bad = true;
        return false;
    }
    e->value = eq + 1;
    e->len = n - (size_t)(eq + 1 - line);
    return true;
}

/* True for a "[name]" line naming the playlist section (blanks and case aside). */
static bool pls_section(const char *line, size_t n)
{
    if (n < 2 || line[n - 1] != ']')
        return false;
    line++, n -= 2;
    while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
        n--;
    while (n > 0 && (*line == ' ' || *line == '\t'))
        line++, n--;
    return n == 8 && strncasecmp(line, "playlist", 8) == 0;
}

playlist_read_t playlist_parse_pls(playlist_t *p, const char *text, size_t len, const char *base_dir)
{
    playlist_read_t r = { 0 };
    pls_entry_t *list = NULL;
    size_t count = 0, cap = 0;
    bool elsewhere = false; /* in a section other than [playlist] (lines before any are read) */
    size_t at = after_bom(text, len);
    const char *line;
    size_t n;
    while (next_line(text, len, &at, &line, &n)) {
        if (n == 0 || line[0] == ';' || line[0] == '#')
            continue;
        if (line[0] == '[') {
            elsewhere = !pls_section(line, n);
            continue;
        }
        pls_entry_t e;
        bool bad = false;
        if (elsewhere || !pls_file(line, n, &e, &bad)) {
            r.bad += bad;
            continue;
        }
        if (count == cap) {
            size_t grown_cap = cap ? cap * 2 : 64;
            pls_entry_t *grown = realloc(list, grown_cap * sizeof *grown);
            if (!grown) {
                r.full++;
                continue;
            }
            list = grown;
            cap = grown_cap;
        }
        e.order = count;
        list[count++] = e;
    }
    if (count > 1)
        qsort(list, count, sizeof list[0], by_number);
    char path[PATH_ROOM];
    for (size_t i = 0; i < count; i++)
        if (i + 1 == count || list[i + 1].number != list[i].number) /* the last FileN wins */
            take(p, &r, playlistfmt_resolve(path, sizeof path, list[i].value, list[i].len, base_dir, false),
                 path);
    free(list);
    return r;
}

playlist_read_t playlist_parse_xspf(playlist_t *p, const char *text, size_t len, const char *base_dir)
{
    playlist_read_t r = { 0 };
    playlistfmt_xspf_t x;
    playlistfmt_xspf_start(&x, text, len);
    char location[PATH_ROOM], path[PATH_ROOM];
    int track = 0, urls = 0, bad = 0;
    bool done = true; /* the current track has given its file (or there is none yet) */
    for (;;) {
        playlistfmt_xspf_step_t step = playlistfmt_xspf_next(&x, location, sizeof location);
        if (step == PLAYLISTFMT_XSPF_END || x.track != track) {
            if (!done) { /* no location of the track was a local file */
                r.urls += urls > 0;
                r.bad += urls == 0 && bad > 0;
            }
            track = x.track;
            done = false;
            urls = bad = 0;
        }
        if (step == PLAYLISTFMT_XSPF_END)
            break;
        if (done)
            continue; /* a further location of a track that has its file: an alternative */
        playlistfmt_kind_t kind = step == PLAYLISTFMT_XSPF_BROKEN
                                      ? PLAYLISTFMT_BAD
                                      : playlistfmt_resolve(path, sizeof path, location, strlen(location),
                                                            base_dir, true);
        if (kind == PLAYLISTFMT_PATH) {
            take(p, &r, kind, path);
            done = true;
        }
        urls += kind == PLAYLISTFMT_URL;
        bad += kind == PLAYLISTFMT_BAD;
    }
    return r;
}

static bool ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), m = strlen(suffix);
    return n > m && strcasecmp(name + n - m, suffix) == 0;
}

playlist_read_t playlist_parse_any(playlist_t *p, const char *text, size_t len, const char *base_dir,
                                   const char *name)
{
    if (ends_with(name, ".m3u") || ends_with(name, ".m3u8"))
        return playlist_parse_m3u(p, text, len, base_dir);
    if (ends_with(name, ".pls"))
        return playlist_parse_pls(p, text, len, base_dir);
    if (ends_with(name, ".xspf"))
        return playlist_parse_xspf(p, text, len, base_dir);
    return (playlist_read_t){ 0 };
}

bool playlist_is_playlist_name(const char *name)
{
    return ends_with(name, ".m3u") || ends_with(name, ".m3u8") || ends_with(name, ".pls") ||
           ends_with(name, ".xspf");
}

size_t playlist_whole_lines(const char *text, size_t len)
{
    while (len > 0 && text[len - 1] != '\n' && text[len - 1] != '\r')
        len--;
    return len;
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
    static const char *const exts[] = { ".ogg", ".oga", ".opus", ".mp3", ".flac", ".wav", ".aif", ".aiff",
                                        ".m4a", ".m4b", ".aac", ".alac", ".wma", ".ape", ".wv", ".mka",
                                        ".caf" };
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (ends_with(name, exts[i]))
            return true;
    return false;
}
