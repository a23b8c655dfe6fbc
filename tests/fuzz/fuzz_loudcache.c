/* libFuzzer harness for the loudness cache reader (loudcache_parse), which reads a file in the
 * user's cache folder that a crash or another version may have left damaged: any bytes give
 * entries with a path and sane numbers (or none), whose text reads back to the same entries,
 * and whose gains never exceed the documented boost; never a crash, a leak or UB.
 * Built only with -DSAFEBASE_FUZZ=ON (clang); replayed in every build by replay.c. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/sound/loudcache.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    loudcache_t c = { 0 }, again = { 0 };
    int n = loudcache_parse(&c, (const char *)data, size);
    if (n < 0 || n != c.count || c.count > LOUDCACHE_MAX)
        abort();
    for (int i = 0; i < c.count; i++) {
        const loudcache_entry_t *e = &c.items[i];
        if (!e->path || !e->path[0] || e->size < 0)
            abort();
        double g = loudness_gain_db(&e->m, -23.0, LOUDNESS_CEILING_DBTP);
        if (isnan(g) || g > LOUDNESS_MAX_BOOST_DB + 1e-9)
            abort(); /* never louder than the documented boost, whatever the file says */
    }
    size_t len = 0;
    char *text = loudcache_format(&c, &len);
    if (text) {
        if (loudcache_parse(&again, text, len) != c.count)
            abort(); /* what was kept is written so that it reads back */
        free(text);
    }
    loudcache_free(&again);
    loudcache_free(&c);
    return 0;
}
