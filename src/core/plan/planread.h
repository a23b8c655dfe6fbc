/* The plan reader's lowest layer: splits plan text into checked lines (BOM, CRLF, length,
 * UTF-8, control characters) and offers small text helpers. Private to the plan module.
 * libc only; knows nothing of sections or keys; never allocates, never prints. */
#ifndef SAFEBASE_CORE_PLANREAD_H
#define SAFEBASE_CORE_PLANREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/plan/plan.h"

typedef struct {
    const char *text;
    size_t len, pos;
    int line;                          /* number of the line last returned */
} planread_t;

typedef struct {
    int number;                        /* 1-based line number */
    bool bad;                          /* true: error says what is wrong with the line */
    char error[160];                   /* room for a translation */
    char text[PLAN_MAX_LINE + 1];      /* the line, trimmed, NUL-terminated; bad bytes become
                                        * '?' so its shape can still be read; empty if too long */
} planread_line_t;

/* Starts reading text[0..len), skipping a UTF-8 byte order mark. */
void planread_init(planread_t *r, const char *text, size_t len);

/* Reads the next line into *out. Returns false at the end of the text. */
bool planread_next(planread_t *r, planread_line_t *out);

/* Line number (1-based) of the first NUL byte in text[0..len), or 0 if there is none. */
int planread_find_nul(const char *text, size_t len);

/* Number of UTF-8 code points in s (which must be valid UTF-8). */
size_t planread_chars(const char *s);

/* Trims spaces and tabs from both ends of s, in place. Returns s. */
char *planread_trim(char *s);

/* Lower-cases ASCII letters of s in place. Returns s. */
char *planread_lower(char *s);

/* Case-insensitive ASCII equality. */
bool planread_iequal(const char *a, const char *b);

/* Copies s into buf for an error message, cut at a character boundary with "..." when it
 * is longer than size - 1 bytes. Returns buf. */
char *planread_quote(const char *s, char *buf, size_t size);

#endif
