/* Tests of the order of play: the session's music loops, a phase's music plays once and
 * hands back to where the loop was, unplayable tracks are skipped for good, and when nothing
 * plays the built-in fallback does (or nothing, when there is none). */
#include "check.h"
#include "core/sound/tracklist.h"

#include <stdio.h>

static void make(playlist_t *p, const char *const *paths, int n)
{
    *p = (playlist_t){ 0 };
    for (int i = 0; i < n; i++)
        playlist_add(p, paths[i]);
}

static const char *next_path(tracklist_t *t)
{
    int i = tracklist_next(t);
    return i < 0 ? "(none)" : t->tracks[i].path;
}

static void test_loop_and_once(void)
{
    tracklist_t t;
    tracklist_init(&t);
    static const char *main_music[] = { "a.ogg", "b.ogg", "c.ogg" }, *phase[] = { "p1.mp3", "b.ogg" };
    playlist_t m, p;
    make(&m, main_music, 3);
    make(&p, phase, 2);
    CHECK(tracklist_set_loop(&t, &m));
    CHECK_EQ_STR(next_path(&t), "a.ogg");
    CHECK_EQ_STR(next_path(&t), "b.ogg");
    CHECK(tracklist_set_once(&t, &p));
    int peek[4];
    CHECK_EQ_INT(tracklist_peek(&t, peek, 4), 4);
    CHECK_EQ_STR(t.tracks[peek[0]].path, "p1.mp3");
    CHECK_EQ_STR(t.tracks[peek[2]].path, "c.ogg");
    CHECK_EQ_STR(next_path(&t), "p1.mp3");
    CHECK_EQ_STR(t.tracks[tracklist_next_once(&t)].path, "b.ogg");
    CHECK_EQ_INT(tracklist_next_once(&t), -1); /* the phase's music is over */
    CHECK_EQ_STR(next_path(&t), "c.ogg"); /* the loop carries on where it was */
    CHECK_EQ_STR(next_path(&t), "a.ogg"); /* and wraps round */
    CHECK_EQ_INT(t.count, 4);             /* b.ogg is one track, in both lists */
    playlist_free(&m);
    playlist_free(&p);
    tracklist_free(&t);
}

static void test_bad_and_fallback(void)
{
    tracklist_t t;
    tracklist_init(&t);
    static const char *music[] = { "good.ogg", "corrupt.ogg", "empty.mp3", "notes.mp3", "good2.flac" };
    playlist_t m;
    make(&m, music, 5);
    tracklist_set_loop(&t, &m);
    t.fallback = tracklist_intern(&t, "builtin.ogg");
    for (int i = 1; i <= 3; i++)
        tracklist_mark_bad(&t, i);
    for (int round = 0; round < 3; round++) {
        CHECK_EQ_STR(next_path(&t), "good.ogg");
        CHECK_EQ_STR(next_path(&t), "good2.flac");
        CHECK(!t.on_fallback);
    }
    tracklist_mark_bad(&t, 0);
    tracklist_mark_bad(&t, 4);
    CHECK_EQ_STR(next_path(&t), "builtin.ogg");
    CHECK(t.on_fallback);
    CHECK_EQ_STR(next_path(&t), "builtin.ogg");
    tracklist_mark_bad(&t, t.fallback);
    CHECK_EQ_STR(next_path(&t), "(none)");
    int peek[2];
    CHECK_EQ_INT(tracklist_peek(&t, peek, 2), 0);
    playlist_free(&m);
    tracklist_free(&t);
}

static void test_fallback_in_the_loop(void)
{
    /* the built-in folder plays with its own first track as the fallback: not a stand-in */
    tracklist_t t;
    tracklist_init(&t);
    static const char *music[] = { "calm.ogg", "drift.ogg" };
    playlist_t m;
    make(&m, music, 2);
    tracklist_set_loop(&t, &m);
    t.fallback = tracklist_intern(&t, "calm.ogg");
    CHECK_EQ_INT(t.count, 2);
    CHECK_EQ_STR(next_path(&t), "calm.ogg");
    CHECK(!t.on_fallback);
    playlist_free(&m);
    tracklist_free(&t);
}

static void test_empty_and_many(void)
{
    tracklist_t t;
    tracklist_init(&t);
    CHECK_EQ_INT(tracklist_next(&t), -1);
    playlist_t m = { 0 };
    char name[32];
    for (int i = 0; i < 3000; i++) {
        snprintf(name, sizeof name, "/music/%04d.ogg", i);
        playlist_add(&m, name);
    }
    CHECK(tracklist_set_loop(&t, &m));
    CHECK_EQ_INT(t.count, 3000);
    CHECK_EQ_INT(tracklist_intern(&t, "/music/1234.ogg"), 1234);
    CHECK(tracklist_set_loop(&t, &m)); /* the same paths again: no new tracks */
    CHECK_EQ_INT(t.count, 3000);
    for (int i = 0; i < 2999; i++)
        tracklist_next(&t);
    CHECK_EQ_STR(next_path(&t), "/music/2999.ogg");
    CHECK_EQ_STR(next_path(&t), "/music/0000.ogg");
    tracklist_clear(&t);
    CHECK_EQ_INT(tracklist_next(&t), -1);
    CHECK_EQ_INT(tracklist_intern(&t, "again.ogg"), 0);
    playlist_free(&m);
    tracklist_free(&t);
}

int main(void)
{
    test_loop_and_once();
    test_bad_and_fallback();
    test_fallback_in_the_loop();
    test_empty_and_many();
    return check_summary();
}
