/* libFuzzer harness for the session-log reader (logread_feed/finish) and the history it feeds
 * (history_add): any bytes, cut into chunks at any points, give records in line order, each
 * bad line with a reason, and sums that only grow; never a crash, an overread or UB.
 * The first byte picks the chunk size, so a line split across chunks is exercised too.
 * Built only with -DSAFEBASE_FUZZ=ON (clang); replayed in every build by replay.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/log/history.h"
#include "core/log/logread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
    history_t *h;
    long last_line;
    long rows, bad;
} seen_t;

static void on_event(void *ctx, const logread_event_t *ev)
{
    seen_t *s = ctx;
    if (ev->line < 1 || ev->line < s->last_line)
        abort(); /* records come out in the order of their lines */
    s->last_line = ev->line;
    if (ev->kind == LOGREAD_BAD) {
        if (!ev->why || !ev->why[0] || strlen(ev->why) >= 240)
            abort();
        s->bad++;
    } else if (ev->kind == LOGREAD_ROW) {
        if (!ev->row)
            abort();
        long before = s->h->sessions;
        int64_t ms = s->h->total_ms;
        history_add(s->h, ev->row);
        if (s->h->sessions < before || s->h->total_ms < ms)
            abort(); /* the sums only grow */
        s->rows++;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t chunk = 1 + data[0] % 64;
    data++, size--;
    static logread_t r;          /* large: one record's buffers */
    static history_t h;
    history_query_t q = { .today = 20000, .since = HISTORY_NO_DAY, .until = HISTORY_NO_DAY };
    history_init(&h, &q);
    seen_t s = { .h = &h };
    logread_init(&r, false);
    for (size_t at = 0; at < size; at += chunk) {
        size_t n = size - at < chunk ? size - at : chunk;
        char *copy = malloc(n); /* exactly n bytes: ASan sees any read past a chunk */
        if (!copy)
            return 0;
        memcpy(copy, data + at, n);
        logread_feed(&r, copy, n, on_event, &s);
        free(copy);
    }
    logread_finish(&r, on_event, &s);
    if (h.sessions > s.rows)
        abort(); /* no session counted that was not read */
    return 0;
}
