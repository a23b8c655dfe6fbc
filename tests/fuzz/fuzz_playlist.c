/* libFuzzer harness for the playlist readers: the same bytes through .m3u, .pls and .xspf
 * (playlist_parse_m3u, _pls, _xspf), as when read from a file (not NUL-terminated). Each must
 * count what it added; every entry must be a path Safe Base may open (absolute under the base
 * folder, or a Windows path kept to fail by name), never a URL; then a shuffle must keep every
 * entry. Built only with -DSAFEBASE_FUZZ=ON (clang). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/sound/playlist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool local(const char *path)
{
    if (path[0] == '/' || (path[0] == '\\' && path[1] == '\\'))
        return true;
    bool letter = (path[0] >= 'a' && path[0] <= 'z') || (path[0] >= 'A' && path[0] <= 'Z');
    return letter && path[1] == ':' && (path[2] == '\\' || path[2] == '/');
}

static void check(playlist_read_t (*parse)(playlist_t *, const char *, size_t, const char *),
                  const uint8_t *data, size_t size)
{
    /* the reader is handed exactly size bytes (libFuzzer's copy ends there: ASan sees overreads) */
    playlist_t p = { 0 };
    playlist_read_t r = parse(&p, (const char *)data, size, "/music");
    if (r.added != p.count || p.count < 0 || p.count > PLAYLIST_MAX || r.urls < 0 || r.bad < 0 || r.full < 0)
        abort();
    for (int i = 0; i < p.count; i++) {
        const char *path = p.paths[i];
        if (!path || !path[0] || !local(path) || strlen(path) >= 4096)
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
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check(playlist_parse_m3u, data, size);
    check(playlist_parse_pls, data, size);
    check(playlist_parse_xspf, data, size);
    return 0;
}
