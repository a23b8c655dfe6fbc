/* Durations: reads "1m30s"-style text into milliseconds and writes "m:ss" / "2 min 30 s" (units
 * in the user's language: core/base/translate.h). libc only. Digits are parsed by hand (no strtod, so no
 * locale surprises); no clock, no allocation, no printing. */
#include "core/base/duration.h"

#include <ctype.h>
#include <stdio.h>

#include "core/base/translate.h"

#define SCALE 1000000000LL               /* fractions are kept in billionths of a ms */
#define MAX_MS (100LL * 3600 * 1000)     /* 100 hours */
#define MAX_FRACTION_DIGITS 9

enum { UNIT_NONE, UNIT_H, UNIT_M, UNIT_S, UNIT_MS };

static const int64_t unit_ms[] = { 1000, 3600000, 60000, 1000, 1 };

static const char *skip_space(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* Reads "123" or "1.25" at *pp into whole and fraction (fraction/10^9 of one). */
static bool read_number(const char **pp, int64_t *whole, int64_t *fraction)
{
    const char *p = *pp;
    int64_t w = 0, f = 0, scale = SCALE;
    if (!isdigit((unsigned char)*p))
        return false;
    for (; isdigit((unsigned char)*p); p++) {
        w = w * 10 + (*p - '0');
        if (w > MAX_MS)
            return false;
    }
    if (*p == '.') {
        p++;
        if (!isdigit((unsigned char)*p))
            return false;
        for (int n = 0; isdigit((unsigned char)*p); p++, n++) {
            if (n < MAX_FRACTION_DIGITS) {
                scale /= 10;
                f += (*p - '0') * scale;
            }
        }
    }
    *whole = w;
    *fraction = f;
    *pp = p;
    return true;
}

/* Reads an optional unit ("h", "m", "s", "ms", any case) at *pp. */
static int read_unit(const char **pp)
{
    const char *p = *pp;
    int c = tolower((unsigned char)p[0]);
    int unit = UNIT_NONE;
    if (c == 'h') {
        unit = UNIT_H;
    } else if (c == 'm' && tolower((unsigned char)p[1]) == 's') {
        unit = UNIT_MS;
        p++;
    } else if (c == 'm') {
        unit = UNIT_M;
    } else if (c == 's') {
        unit = UNIT_S;
    }
    if (unit != UNIT_NONE)
        p++;
    if (isalpha((unsigned char)*p) || *p == '.')
        return -1;  /* "5x", "1e3s", "2min", "2s.5": not a unit we know */
    *pp = p;
    return unit;
}

bool duration_parse(const char *text, int64_t *out_ms)
{
    if (!text)
        return false;
    const char *p = skip_space(text);
    int64_t total = 0;  /* in billionths of a ms */
    int last_unit = UNIT_NONE, parts = 0;
    while (*p) {
        int64_t whole, fraction;
        if (!read_number(&p, &whole, &fraction))
            return false;
        p = skip_space(p);
        int unit = read_unit(&p);
        if (unit < 0 || (unit == UNIT_NONE && (parts > 0 || *skip_space(p))))
            return false;  /* a plain number must stand alone */
        if (unit != UNIT_NONE && unit <= last_unit)
            return false;  /* units once each, largest first */
        if (whole > MAX_MS / unit_ms[unit])
            return false;
        total += whole * unit_ms[unit] * SCALE + fraction * unit_ms[unit];
        last_unit = unit;
        parts++;
        p = skip_space(p);
    }
    if (parts == 0)
        return false;
    int64_t ms = (total + SCALE / 2) / SCALE;
    if (ms > MAX_MS)
        return false;
    *out_ms = ms;
    return true;
}

char *duration_format_clock(int64_t ms, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    int64_t secs = ms > 0 ? (ms + 999) / 1000 : 0;
    long long h = secs / 3600, m = secs / 60 % 60, s = secs % 60;
    if (h > 0)
        snprintf(buf, size, "%lld:%02lld:%02lld", h, m, s);
    else
        snprintf(buf, size, "%lld:%02lld", m, s);
    return buf;
}

/* Before a part of a length: a space after an earlier part. False when buf is full. */
static bool next_part(size_t size, size_t *used, char *buf)
{
    if (*used > 0 && *used < size)
        *used += (size_t)snprintf(buf + *used, size - *used, " ");
    return *used < size;
}

char *duration_format_length(int64_t ms, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    int64_t secs = ms > 0 ? (ms + 500) / 1000 : 0;
    if (ms > 0 && secs == 0)
        secs = 1;
    long long h = secs / 3600, m = secs / 60 % 60, s = secs % 60;
    size_t used = 0;
    buf[0] = '\0';
    if (h > 0)
        /* TRANSLATORS: a length in hours, abbreviated ("1 h"). A length is written as up to
           three such parts, largest first, joined by a space: "1 h 5 min", "2 min 30 s". */
        used += (size_t)snprintf(buf, size, _("%lld h"), h);
    if (m > 0 && next_part(size, &used, buf))
        /* TRANSLATORS: a length in minutes, abbreviated ("15 min"); see "%lld h". */
        used += (size_t)snprintf(buf + used, size - used, _("%lld min"), m);
    if ((s > 0 || secs == 0) && next_part(size, &used, buf))
        /* TRANSLATORS: a length in seconds, abbreviated ("45 s"); see "%lld h". */
        snprintf(buf + used, size - used, _("%lld s"), s);
    return buf;
}
