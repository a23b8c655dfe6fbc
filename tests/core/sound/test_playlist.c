/* Tests of playlists: .m3u text becomes paths (comments, URLs, CRLF and a BOM handled,
 * relative paths joined to the playlist's folder), names sort the way people expect, and a
 * shuffle keeps every track exactly once. */
#include "check.h"
#include "core/sound/playlist.h"

#include <stdlib.h>
#include <string.h>

static void test_m3u(void)
{
    static const char text[] = "\xEF\xBB\xBF#EXTM3U\r\n#EXTINF:123,Artist - Song\r\n"
                               "song one.mp3\r\n\r\n  /abs/two.ogg  \n"
                               "http://example.com/stream.mp3\nsub/three.flac";
    playlist_t p = { 0 };
    CHECK_EQ_INT(playlist_parse_m3u(&p, text, sizeof text - 1, "/music"), 3);
    CHECK_EQ_STR(p.paths[0], "/music/song one.mp3");
    CHECK_EQ_STR(p.paths[1], "/abs/two.ogg");
    CHECK_EQ_STR(p.paths[2], "/music/sub/three.flac");
    playlist_free(&p);
    CHECK_EQ_INT(playlist_parse_m3u(&p, "", 0, "/music"), 0);
    CHECK_EQ_INT(playlist_parse_m3u(&p, "# only comments\n#\n", 18, "/music"), 0);
    playlist_free(&p);
}

static void test_name_order(void)
{
    static const char *names[] = { "10 Tenth.ogg", "b.ogg", "2 Second.ogg", "A.ogg", "1 First.ogg",
                                   "Track 9.mp3", "track 10.mp3", "03 Third.ogg" };
    static const char *want[] = { "1 First.ogg", "2 Second.ogg", "03 Third.ogg", "10 Tenth.ogg",
                                  "A.ogg", "b.ogg", "Track 9.mp3", "track 10.mp3" };
    playlist_t p = { 0 };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        playlist_add(&p, names[i]);
    playlist_sort(&p);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        CHECK_EQ_STR(p.paths[i], want[i]);
    CHECK(playlist_compare_names("a", "A") != 0); /* ties are broken, so the order is stable */
    CHECK(playlist_compare_names("x", "x") == 0);
    CHECK(playlist_compare_names("song", "song 2") < 0);
    playlist_free(&p);
}

static void test_shuffle(void)
{
    playlist_t p = { 0 }, q = { 0 };
    char name[16];
    for (int i = 0; i < 50; i++) {
        snprintf(name, sizeof name, "%02d.ogg", i);
        playlist_add(&p, name);
        playlist_add(&q, name);
    }
    playlist_shuffle(&q, 42);
    int moved = 0;
    for (int i = 0; i < 50; i++)
        moved += strcmp(p.paths[i], q.paths[i]) != 0;
    CHECK(moved > 25);
    playlist_sort(&q);
    for (int i = 0; i < 50; i++)
        CHECK_EQ_STR(q.paths[i], p.paths[i]); /* each track still there exactly once */
    playlist_free(&p);
    playlist_free(&q);
}

int main(void)
{
    test_m3u();
    test_name_order();
    test_shuffle();
    return check_summary();
}
