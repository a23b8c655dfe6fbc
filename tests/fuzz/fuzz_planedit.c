/* libFuzzer harness for adjusting a plan (planedit_open/step/text/outline), which edits the
 * text of any plan file the user has: the input up to its first 0xFF byte is the plan, the
 * bytes after it (at most 64) are presses, each picking a row (b % PLANEDIT_ROW_KINDS) and a
 * direction (bit 7). After every press the plan keeps its limits, the file to save parses to
 * the same phases, and the outline fits; never a crash, a leak or UB.
 * Built only with -DSAFEBASE_FUZZ=ON (clang); replayed in every build by replay.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/planedit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define OUTLINE_LINES 24

static void check(const planedit_t *e)
{
    const plan_t *p = planedit_plan(e);
    if (!p || p->nphases < 1)
        abort();
    int64_t total = plan_total_ms(p);
    if (total <= 0 || total > PLAN_MAX_TOTAL_MS)
        abort();

    char *text = planedit_text(e, "T (yours)", "x", "2026-01-01");
    if (!text)
        abort();
    plan_t saved;
    plan_errors_t errs;
    if (!plan_parse(text, strlen(text), &saved, &errs))
        abort(); /* the file to save parses */
    if (saved.nphases != p->nphases || plan_total_ms(&saved) != total)
        abort(); /* ... to the same phases */
    plan_free(&saved);
    free(text);

    static char lines[OUTLINE_LINES][PLANEDIT_LINE];
    memset(lines, 'x', sizeof lines);
    int n = planedit_outline(e, lines, OUTLINE_LINES);
    if (n < 1 || n > OUTLINE_LINES)
        abort();
    for (int i = 0; i < n; i++)
        if (!memchr(lines[i], '\0', PLANEDIT_LINE))
            abort();
    if (strncmp(lines[n - 1], "Total: ", 7) != 0)
        abort(); /* the total is always there, last */

    planedit_row_t rows[PLANEDIT_ROW_KINDS];
    int nrows = planedit_rows(e, rows);
    if (nrows < 1 || nrows > PLANEDIT_ROW_KINDS || rows[0] != PLANEDIT_LENGTH)
        abort();
    for (int r = 0; r < PLANEDIT_ROW_KINDS; r++) {
        char value[64];
        memset(value, 'x', sizeof value);
        planedit_value(e, (planedit_row_t)r, value, sizeof value);
        if (!memchr(value, '\0', sizeof value))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *split = memchr(data, 0xFF, size);
    size_t len = split ? (size_t)(split - data) : size;
    const uint8_t *script = split ? split + 1 : data + size;
    size_t presses = (size_t)(data + size - script);
    if (presses > 64)
        presses = 64;

    char *text = malloc(len ? len : 1); /* exactly len bytes: ASan sees any overread */
    if (!text)
        return 0;
    memcpy(text, data, len);
    planedit_t e;
    plan_errors_t errs;
    bool opened = planedit_open(&e, text, len, "/tmp/x", &errs);
    free(text);
    if (!opened) {
        static const planedit_t zero;
        if (memcmp(&e, &zero, sizeof zero) != 0)
            abort(); /* refused: *e is zeroed */
        planedit_free(&e);
        return 0;
    }
    check(&e);
    for (size_t i = 0; i < presses; i++) {
        planedit_row_t row = (planedit_row_t)(script[i] % PLANEDIT_ROW_KINDS);
        int dir = script[i] & 0x80 ? -1 : 1;
        size_t before_len = e.len;
        char *before = malloc(e.len ? e.len : 1);
        if (!before)
            break;
        memcpy(before, e.text, e.len);
        if (!planedit_step(&e, row, dir) &&
            (e.len != before_len || memcmp(e.text, before, before_len) != 0))
            abort(); /* a refused step changes nothing */
        free(before);
        check(&e);
    }
    planedit_free(&e);
    return 0;
}
