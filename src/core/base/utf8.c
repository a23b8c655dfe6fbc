/* Checks UTF-8 and edits short UTF-8 strings by whole characters. libc only; never
 * allocates, never prints; a bad byte is reported by offset, never "fixed" silently. */
#include "core/base/utf8.h"

#include <string.h>

size_t utf8_sequence(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++) {
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    }
    return len;
}

size_t utf8_check(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (u[i] < 0x80) { /* the common case: plain ASCII */
            i++;
            continue;
        }
        size_t len = utf8_sequence(u + i, n - i);
        if (len == 0)
            return i;
        i += len;
    }
    return n;
}

size_t utf8_backspace(char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        n--;
        if (((unsigned char)s[n] & 0xC0) != 0x80) /* not a continuation byte: a character starts here */
            break;
    }
    s[n] = '\0';
    return n;
}

bool utf8_append(char *buf, size_t size, const char *add)
{
    size_t have = strlen(buf), n = strlen(add);
    const unsigned char *u = (const unsigned char *)add;
    for (size_t i = 0; i < n;) {
        size_t len = utf8_sequence(u + i, n - i);
        if (len == 0 || u[i] < 0x20 || u[i] == 0x7F) {
            i++; /* a control character or a bad byte: dropped */
            continue;
        }
        if (have + len >= size)
            return false;
        memcpy(buf + have, add + i, len);
        have += len;
        buf[have] = '\0';
        i += len;
    }
    return true;
}

char *utf8_copy(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
    return dst;
}
