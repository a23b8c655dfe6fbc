/* The loudness cache's table and text form. Each line is
 *   SIZE MTIME_NS LOUDNESS TRUE_PEAK PATH
 * with the two levels in hundredths of a dB (integers, so no locale can change the decimal
 * point) and control characters and '%' in the path written as %XX. No I/O here. */
#include "core/sound/loudcache.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SILENT_CENTI (-99999)   /* stands for -infinity (silence) */
#define MAX_PATH_BYTES 4096

static long long to_centi(double db)
{
    if (!isfinite(db) || db < -900.0)
        return SILENT_CENTI;
    if (db > 900.0)
        db = 900.0;
    return llround(db * 100.0);
}

static double from_centi(long long c)
{
    return c <= SILENT_CENTI ? -HUGE_VAL : (double)c / 100.0;
}

static int hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Decodes %XX escapes of src[0..n) into out. Returns false on a bad escape, a NUL, an empty
 * path or one that does not fit. */
static bool unescape(const char *src, size_t n, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)src[i];
        if (c == '%') {
            if (n - i < 3 || hex(src[i + 1]) < 0 || hex(src[i + 2]) < 0)
                return false;
            c = hex(src[i + 1]) * 16 + hex(src[i + 2]);
            i += 2;
        }
        if (c == 0 || o + 1 >= size)
            return false;
        out[o++] = (char)c;
    }
    out[o] = '\0';
    return o > 0;
}

static void drop(loudcache_t *c, int index)
{
    free(c->items[index].path);
    memmove(&c->items[index], &c->items[index + 1], (size_t)(c->count - index - 1) * sizeof c->items[0]);
    c->count--;
}

/* Adds an entry at the end (the newest), dropping the oldest when full. */
static bool append(loudcache_t *c, const char *path, int64_t size, int64_t mtime_ns, const loudness_t *m)
{
    if (c->count >= LOUDCACHE_MAX)
        drop(c, 0);
    if (c->count == c->cap) {
        int cap = c->cap ? c->cap * 2 : 64;
        loudcache_entry_t *grown = realloc(c->items, (size_t)cap * sizeof *grown);
        if (!grown)
            return false;
        c->items = grown;
        c->cap = cap;
    }
    char *copy = strdup(path);
    if (!copy)
        return false;
    c->items[c->count++] = (loudcache_entry_t){ copy, size, mtime_ns, *m };
    return true;
}

/* Reads a decimal integer ending in a space from *p, moving past the space. */
static bool read_int(const char **p, const char *end, long long *out)
{
    char buf[24];
    size_t k = 0;
    while (*p < end && **p != ' ' && k < sizeof buf - 1)
        buf[k++] = *(*p)++;
    if (k == 0 || *p >= end || **p != ' ')
        return false;
    (*p)++;
    buf[k] = '\0';
    char *stop;
    errno = 0;
    long long v = strtoll(buf, &stop, 10);
    if (*stop || errno)
        return false;
    *out = v;
    return true;
}

/* Reads one line; returns false (and changes nothing) when it does not parse. */
static bool parse_line(loudcache_t *c, const char *line, size_t n)
{
    const char *p = line, *end = line + n;
    long long size, mtime, lufs, tp;
    if (!read_int(&p, end, &size) || !read_int(&p, end, &mtime) || !read_int(&p, end, &lufs) ||
        !read_int(&p, end, &tp))
        return false;
    if (size < 0 || lufs < SILENT_CENTI || lufs > 90000 || tp < SILENT_CENTI || tp > 90000)
        return false;
    char path[MAX_PATH_BYTES];
    if (!unescape(p, (size_t)(end - p), path, sizeof path))
        return false;
    loudness_t m = { from_centi(lufs), from_centi(tp) };
    return append(c, path, size, mtime, &m);
}

int loudcache_parse(loudcache_t *c, const char *text, size_t len)
{
    size_t hl = strlen(LOUDCACHE_HEADER);
    if (len < hl || memcmp(text, LOUDCACHE_HEADER, hl) != 0 || (len > hl && text[hl] != '\n'))
        return 0;
    int added = 0;
    size_t i = hl + 1;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (nl) /* a last line without its newline was cut short: ignore it */
            added += parse_line(c, text + i, end - i);
        i = end + 1;
    }
    return added;
}

const loudcache_entry_t *loudcache_find(const loudcache_t *c, const char *path, int64_t size,
                                        int64_t mtime_ns)
{
    for (int i = c->count - 1; i >= 0; i--) {
        const loudcache_entry_t *e = &c->items[i];
        if (strcmp(e->path, path) == 0)
            return e->size == size && e->mtime_ns == mtime_ns ? e : NULL;
    }
    return NULL;
}

bool loudcache_put(loudcache_t *c, const char *path, int64_t size, int64_t mtime_ns,
                   const loudness_t *m)
{
    for (int i = 0; i < c->count; i++) {
        if (strcmp(c->items[i].path, path) == 0) {
            drop(c, i);
            break;
        }
    }
    return append(c, path, size, mtime_ns, m);
}

/* Appends path with %XX escapes. Returns the bytes written. */
static size_t escape(const char *path, char *out)
{
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (*p < 0x20 || *p == 0x7F || *p == '%')
            o += (size_t)sprintf(out + o, "%%%02X", *p);
        else
            out[o++] = (char)*p;
    }
    return o;
}

char *loudcache_format(const loudcache_t *c, size_t *len)
{
    size_t cap = strlen(LOUDCACHE_HEADER) + 2;
    for (int i = 0; i < c->count; i++)
        cap += 4 * 24 + 3 * strlen(c->items[i].path) + 2;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    size_t o = (size_t)sprintf(out, "%s\n", LOUDCACHE_HEADER);
    for (int i = 0; i < c->count; i++) {
        const loudcache_entry_t *e = &c->items[i];
        o += (size_t)sprintf(out + o, "%lld %lld %lld %lld ", (long long)e->size, (long long)e->mtime_ns,
                             to_centi(e->m.integrated_lufs), to_centi(e->m.true_peak_db));
        o += escape(e->path, out + o);
        out[o++] = '\n';
    }
    out[o] = '\0';
    *len = o;
    return out;
}

void loudcache_free(loudcache_t *c)
{
    for (int i = 0; i < c->count; i++)
        free(c->items[i].path);
    free(c->items);
    c->items = NULL;
    c->count = c->cap = 0;
}
