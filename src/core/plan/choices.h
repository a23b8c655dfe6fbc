/* What Safe Base remembers between runs: the music chosen per plan, the last plan and the
 * music per client, and the recent music choices; read from and written to a small text file
 * a person can read (choices.tsv). libc only: text in, text out; never a file, never prints. */
#ifndef SAFEBASE_CORE_CHOICES_H
#define SAFEBASE_CORE_CHOICES_H

#include <stdbool.h>
#include <stddef.h>

#define CHOICES_RECENT 8            /* recent music choices kept */
#define CHOICES_MAX_TEXT 4095       /* bytes in one name or value */

typedef struct choices_item choices_item_t;   /* one plan's or client's choices (choices.c) */

/* Caller-owned; the heap inside grows with any number of plans and clients. */
typedef struct {
    choices_item_t *plans, *clients;
    int plan_count, plan_cap, client_count, client_cap;
    char *recent[CHOICES_RECENT];   /* newest first */
    int recent_count;
} choices_t;

void choices_init(choices_t *c);
void choices_free(choices_t *c);

/* Reads text over *c (after init). Bad lines are skipped and the first few named in err as
 * "line N: why"; returns false when any line was bad (the good ones still apply). Handles
 * CRLF and a BOM. */
bool choices_parse(choices_t *c, const char *text, size_t len, char *err, size_t errsize);

/* malloc'd text; NULL on out of memory. */
char *choices_encode(const choices_t *c);

/* scope "plan" or "client"; key "music" or "plan". NULL when unset. Borrowed until the next
 * change. */
const char *choices_get(const choices_t *c, const char *scope, const char *name, const char *key);

/* Sets (value NULL: removes). False when name/value hold a tab, newline or other control
 * character, or are empty or over 4095 bytes, or out of memory (or scope/key is not one of
 * the above). */
bool choices_set(choices_t *c, const char *scope, const char *name, const char *key, const char *value);

/* To the front; duplicates removed; at most CHOICES_RECENT (8). False as choices_set. */
bool choices_add_recent(choices_t *c, const char *music);

/* Newest first into out[0..max); returns how many. Borrowed until the next change. */
int choices_recent(const choices_t *c, const char **out, int max);

#endif
