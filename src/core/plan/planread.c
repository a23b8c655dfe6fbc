/* Splits plan text into checked lines and offers the small text helpers the plan parser uses.
 * libc only. It does not know about sections or keys, never allocates and never prints:
 * a bad line comes back marked bad with a short message. */
#include "core/plan/planread.h"

#include <stdio.h>
#include <string.h>

#include "core/base/translate.h"
#include "core/base/utf8.h"

void planread_init(planread_t *r, const char *text, size_t len)
{
    r->text = text;
    r->len = text ? len : 0;
    r->pos = 0;
    r->line = 0;
    if (r->len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        r->pos = 3;
}

int planread_find_nul(const char *text, size_t len)
{
    if (!text)
        return 0;
    const char *nul = memchr(text, '\0', len);
    if (!nul)
        return 0;
    int line = 1;
    for (const char *p = text; p < nul; p++) {
        if (*p == '\n' || (*p == '\r' && !(p + 1 < nul && p[1] == '\n')))
            line++;
    }
    return line;
}

/* Checks a copied line: the first bad byte (control character or invalid UTF-8) is described
 * in err; every bad byte is replaced by '?' so the line can still be read for its shape.
 * Returns false if there was one. */
static bool check_line(char *s, size_t n, char *err, size_t errsize)
{
    unsigned char *u = (unsigned char *)s;
    bool ok = true;
    for (size_t i = 0; i < n;) {
        size_t len = utf8_sequence(u + i, n - i);
        bool control = (u[i] < 0x20 && u[i] != '\t') || u[i] == 0x7F;
        if (ok && control)
            snprintf(err, errsize, _("control character 0x%02x at column %zu"), u[i], i + 1);
        else if (ok && len == 0)
            snprintf(err, errsize, _("invalid UTF-8 (byte 0x%02x at column %zu)"), u[i], i + 1);
        if (control || len == 0) {
            ok = false;
            u[i] = '?';
            len = 1;
        }
        i += len;
    }
    return ok;
}

bool planread_next(planread_t *r, planread_line_t *out)
{
    if (r->pos >= r->len)
        return false;
    const char *start = r->text + r->pos;
    size_t n = 0, rest = r->len - r->pos;
    while (n < rest && start[n] != '\n' && start[n] != '\r')
        n++;
    size_t eol = n;
    if (eol < rest)
        eol += (start[eol] == '\r' && eol + 1 < rest && start[eol + 1] == '\n') ? 2 : 1;
    r->pos += eol;
    out->number = ++r->line;
    out->bad = false;
    out->error[0] = '\0';
    out->text[0] = '\0';
    if (n > PLAN_MAX_LINE) {
        out->bad = true;
        snprintf(out->error, sizeof out->error, _("line is longer than %d bytes"), PLAN_MAX_LINE);
        return true;
    }
    memcpy(out->text, start, n);
    out->text[n] = '\0';
    out->bad = !check_line(out->text, n, out->error, sizeof out->error);
    planread_trim(out->text);
    return true;
}

size_t planread_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    }
    return n;
}

char *planread_trim(char *s)
{
    size_t start = 0, end = strlen(s);
    while (s[start] == ' ' || s[start] == '\t')
        start++;
    while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    memmove(s, s + start, end - start);
    s[end - start] = '\0';
    return s;
}

char *planread_lower(char *s)
{
    for (char *p = s; *p; p++) {
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    }
    return s;
}

bool planread_iequal(const char *a, const char *b)
{
    for (;; a++, b++) {
        char ca = (*a >= 'A' && *a <= 'Z') ? (char)(*a - 'A' + 'a') : *a;
        char cb = (*b >= 'A' && *b <= 'Z') ? (char)(*b - 'A' + 'a') : *b;
        if (ca != cb)
            return false;
        if (ca == '\0')
            return true;
    }
}

char *planread_quote(const char *s, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    size_t n = strlen(s);
    if (n < size) {
        memcpy(buf, s, n + 1);
        return buf;
    }
    if (size < 4) {
        buf[0] = '\0';
        return buf;
    }
    n = size - 4;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;  /* do not cut a character in half */
    memcpy(buf, s, n);
    memcpy(buf + n, "...", 4);
    return buf;
}
