/* libFuzzer harness for the journal decoder (journal_decode), which reads a file left beside
 * the log by an app that may have crashed mid-write: any bytes are refused with a reason or
 * decoded into entries that encode and decode again to the same entries; never a crash or UB.
 * Built only with -DSAFEBASE_FUZZ=ON (clang); replayed in every build by replay.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/log/journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static journal_t j, again;   /* large */
    static char buf[JOURNAL_MAX_BYTES];
    char err[300];
    memset(&j, 0, sizeof j);
    if (!journal_decode((const char *)data, size, &j, err, sizeof err)) {
        if (!err[0] || !memchr(err, '\0', sizeof err))
            abort(); /* refused: says why */
        return 0;
    }
    if (j.count < 0 || j.count > JOURNAL_MAX_ENTRIES)
        abort();
    for (int i = 0; i < j.count; i++)
        if (j.items[i].len < 1 || j.items[i].len > RECORD_MAX_LINE)
            abort();
    int n = journal_encode(&j, buf, sizeof buf);
    if (n < 0)
        abort(); /* what was read can be written back */
    memset(&again, 0, sizeof again);
    if (!journal_decode(buf, (size_t)n, &again, err, sizeof err) || again.count != j.count)
        abort();
    for (int i = 0; i < j.count; i++)
        if (again.items[i].kind != j.items[i].kind || again.items[i].len != j.items[i].len ||
            memcmp(again.items[i].line, j.items[i].line, (size_t)j.items[i].len) != 0)
            abort();
    return 0;
}
