/* UTF-8 text: checking it, and editing a short line of it one character at a time (typing
 * and Backspace on the end screen's note). libc only; never allocates, never prints. */
#ifndef SAFEBASE_CORE_UTF8_H
#define SAFEBASE_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Length (1 to 4) of the valid UTF-8 sequence at s[0..n), or 0 if it is not valid: overlong
 * forms, surrogates and code points past U+10FFFF are not. n must be at least 1. */
size_t utf8_sequence(const unsigned char *s, size_t n);

/* The byte offset of the first invalid sequence in s[0..n), or n when all of it is valid. */
size_t utf8_check(const char *s, size_t n);

/* Removes the last character (all its bytes) of the NUL-terminated string s. Returns the new
 * length in bytes. An empty string stays empty. */
size_t utf8_backspace(char *s);

/* Copies src into dst (size bytes in all, size > 0), cut at a character boundary when it does
 * not fit. Returns dst. */
char *utf8_copy(char *dst, size_t size, const char *src);

/* Appends the characters of add to the NUL-terminated string buf (size bytes in all), whole
 * characters only, while they fit. Control characters and invalid bytes are dropped. Returns
 * true when all of add that was kept fitted. */
bool utf8_append(char *buf, size_t size, const char *add);

#endif
