/* libFuzzer harness for the remembered choices (choices_parse/encode/set/add_recent), which
 * read choices.tsv from the user's config folder, a file a person may have edited: any bytes
 * give choices whose text reads back cleanly to the same text; then a few changes made with
 * bytes from the input's end keep that round trip; never a crash, a leak or UB.
 * Built only with -DSAFEBASE_FUZZ=ON (clang); replayed in every build by replay.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/choices.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* encode(c) parses without a bad line to choices that encode to the very same text. */
static void round_trip(const choices_t *c)
{
    char err[300];
    char *text = choices_encode(c);
    if (!text)
        abort();
    choices_t again;
    choices_init(&again);
    if (!choices_parse(&again, text, strlen(text), err, sizeof err))
        abort(); /* what is written reads back without a bad line */
    char *text2 = choices_encode(&again);
    if (!text2 || strcmp(text, text2) != 0)
        abort();
    if (again.recent_count != c->recent_count || again.plan_count != c->plan_count ||
        again.client_count != c->client_count)
        abort();
    free(text2);
    free(text);
    choices_free(&again);
}

/* The next string of the script: a length byte (0..15), then that many bytes. */
static const char *take(const uint8_t **p, const uint8_t *end, char *buf)
{
    if (*p >= end)
        return "";
    size_t n = **p % 16;
    (*p)++;
    if (n > (size_t)(end - *p))
        n = (size_t)(end - *p);
    memcpy(buf, *p, n);
    buf[n] = '\0';
    *p += n;
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[300];
    choices_t c;
    choices_init(&c);
    memset(err, 'x', sizeof err);
    bool ok = choices_parse(&c, (const char *)data, size, err, sizeof err);
    if (!memchr(err, '\0', sizeof err) || ok != (err[0] == '\0'))
        abort(); /* a bad line is named, a good file says nothing */
    if (c.recent_count < 0 || c.recent_count > CHOICES_RECENT)
        abort();
    round_trip(&c);

    /* A few changes, scripted by the input's last 64 bytes. */
    static const char *const scopes[] = { "plan", "client", "recent", "" };
    static const char *const keys[] = { "music", "plan", "Music", "" };
    const uint8_t *p = data + (size > 64 ? size - 64 : 0), *end = data + size;
    for (int op = 0; op < 6 && p < end; op++) {
        uint8_t b = *p++;
        char name[16], value[16];
        const char *n = take(&p, end, name), *v = take(&p, end, value);
        if (b & 0x80) {
            if (choices_add_recent(&c, v)) {
                const char *recent[CHOICES_RECENT];
                int count = choices_recent(&c, recent, CHOICES_RECENT);
                if (count < 1 || count > CHOICES_RECENT || strcmp(recent[0], v) != 0)
                    abort(); /* the newest is first */
                for (int i = 1; i < count; i++)
                    if (strcmp(recent[i], v) == 0)
                        abort(); /* no duplicates */
            }
            continue;
        }
        const char *scope = scopes[b & 3], *key = keys[(b >> 2) & 3];
        const char *set = b & 0x40 ? NULL : v;
        if (choices_set(&c, scope, n, key, set)) {
            const char *got = choices_get(&c, scope, n, key);
            if (set ? !got || strcmp(got, set) != 0 : got != NULL)
                abort(); /* a set reads back; a removed one is gone */
        }
    }
    round_trip(&c);
    choices_free(&c);
    return 0;
}
