/* Tests of equal loudness: the gain brings any measured track to the target, never lets its
 * true peak pass the ceiling, never boosts beyond the limit, and an unmeasured track plays no
 * louder than it will once measured. Also the cache's text: round trip, a changed file is a
 * miss, damage is ignored line by line. */
#include "check.h"
#include "core/sound/loudcache.h"
#include "core/sound/loudness.h"

#include <math.h>
#include <stdlib.h>

#define NEAR(a, b) (fabs((a) - (b)) < 0.005)

static void test_gain(void)
{
    /* 20 LU apart in, the same loudness out */
    loudness_t loud = { -13.0, -1.5 }, quiet = { -33.0, -21.0 };
    double gl = loudness_gain_db(&loud, -23.0, LOUDNESS_CEILING_DBTP);
    double gq = loudness_gain_db(&quiet, -23.0, LOUDNESS_CEILING_DBTP);
    CHECK(NEAR(gl, -10.0));
    CHECK(NEAR(gq, 10.0));
    CHECK(NEAR(loud.integrated_lufs + gl, quiet.integrated_lufs + gq));
    /* a dynamic track whose peaks would clip is lowered until its true peak is at the ceiling */
    loudness_t peaky = { -30.0, -3.0 };
    double gp = loudness_gain_db(&peaky, -23.0, -1.0);
    CHECK(NEAR(gp, 2.0));
    CHECK(peaky.true_peak_db + gp <= -1.0 + 1e-9);
    /* a whisper is raised at most LOUDNESS_MAX_BOOST_DB */
    loudness_t whisper = { -60.0, -50.0 };
    CHECK(NEAR(loudness_gain_db(&whisper, -23.0, -1.0), LOUDNESS_MAX_BOOST_DB));
    /* silence (gated away, -inf, NaN) is left alone */
    loudness_t silent = { -HUGE_VAL, -HUGE_VAL }, nan_in = { NAN, NAN }, gated = { -70.0, -60.0 };
    CHECK(loudness_gain_db(&silent, -23.0, -1.0) == 0.0);
    CHECK(loudness_gain_db(&nan_in, -23.0, -1.0) == 0.0);
    CHECK(loudness_gain_db(&gated, -23.0, -1.0) == 0.0);
    /* the target moves the gain one for one */
    CHECK(NEAR(loudness_gain_db(&quiet, -16.0, -1.0) - gq, 7.0));
    CHECK(NEAR(loudness_db_to_gain(-6.0206), 0.5));
}

static void test_safe_gain(void)
{
    /* never louder before measuring than after, for anything quieter than the assumption */
    for (double target = -40.0; target <= -10.0; target += 1.0) {
        double safe = loudness_safe_gain_db(target);
        for (double lufs = LOUDNESS_ASSUMED_LUFS; lufs > -60.0; lufs -= 0.5) {
            loudness_t m = { lufs, lufs + 12.0 > 0.0 ? 0.0 : lufs + 12.0 };
            double measured = loudness_gain_db(&m, target, LOUDNESS_CEILING_DBTP);
            if (m.true_peak_db + safe > LOUDNESS_CEILING_DBTP)
                continue; /* the peak limit rules; the master limiter guards the rest */
            CHECK(safe <= measured + 1e-9);
        }
    }
    CHECK(loudness_safe_gain_db(-23.0) <= -15.0); /* well down: about -18 dB at the default */
}

static void test_cache_round_trip(void)
{
    loudcache_t c = { 0 };
    loudness_t a = { -18.25, -0.5 }, b = { -31.0, -12.34 }, s = { -HUGE_VAL, -HUGE_VAL };
    CHECK(loudcache_put(&c, "/music/a song.ogg", 1234, 1700000000123456789LL, &a));
    CHECK(loudcache_put(&c, "/music/100%\nodd\tname.mp3", 99, 5, &b));
    CHECK(loudcache_put(&c, "/music/silence.wav", 44, 6, &s));
    size_t len;
    char *text = loudcache_format(&c, &len);
    CHECK(text != NULL);
    loudcache_t d = { 0 };
    CHECK_EQ_INT(loudcache_parse(&d, text, len), 3);
    const loudcache_entry_t *e = loudcache_find(&d, "/music/a song.ogg", 1234, 1700000000123456789LL);
    CHECK(e && NEAR(e->m.integrated_lufs, -18.25) && NEAR(e->m.true_peak_db, -0.5));
    e = loudcache_find(&d, "/music/100%\nodd\tname.mp3", 99, 5);
    CHECK(e && NEAR(e->m.true_peak_db, -12.34));
    e = loudcache_find(&d, "/music/silence.wav", 44, 6);
    CHECK(e && isinf(e->m.integrated_lufs) && e->m.integrated_lufs < 0);
    /* the key is path, size and mtime: a changed file is measured again */
    CHECK(loudcache_find(&d, "/music/a song.ogg", 1235, 1700000000123456789LL) == NULL);
    CHECK(loudcache_find(&d, "/music/a song.ogg", 1234, 1700000000123456790LL) == NULL);
    CHECK(loudcache_find(&d, "/music/other.ogg", 1234, 1700000000123456789LL) == NULL);
    /* putting a path again replaces it */
    loudness_t a2 = { -20.0, -3.0 };
    CHECK(loudcache_put(&d, "/music/a song.ogg", 2000, 7, &a2));
    CHECK_EQ_INT(d.count, 3);
    CHECK(loudcache_find(&d, "/music/a song.ogg", 1234, 1700000000123456789LL) == NULL);
    e = loudcache_find(&d, "/music/a song.ogg", 2000, 7);
    CHECK(e && NEAR(e->m.integrated_lufs, -20.0));
    free(text);
    loudcache_free(&c);
    loudcache_free(&d);
}

static void test_cache_damage(void)
{
    loudcache_t c = { 0 };
    static const char no_header[] = "1 2 -2300 -100 /a.ogg\n";
    CHECK_EQ_INT(loudcache_parse(&c, no_header, sizeof no_header - 1), 0);
    static const char wrong_version[] = "safebase loudness cache 9\n1 2 -2300 -100 /a.ogg\n";
    CHECK_EQ_INT(loudcache_parse(&c, wrong_version, sizeof wrong_version - 1), 0);
    static const char binary[] = "\x00\xff\x13garbage";
    CHECK_EQ_INT(loudcache_parse(&c, binary, sizeof binary - 1), 0);
    static const char mixed[] =
        LOUDCACHE_HEADER "\n"
        "1 2 -2300 -100 /good.ogg\n"
        "x 2 -2300 -100 /bad-size.ogg\n"
        "1 2 -2300.5 -100 /bad-level.ogg\n"
        "1 2 -2300 -100\n"                      /* no path */
        "1 2 -2300 -100 /bad%escape.ogg\n"
        "1 99999999999999999999999 -2300 -100 /overflow.ogg\n"
        "-5 2 -2300 -100 /negative.ogg\n"
        "\n"
        "3 4 -1800 -50 /also-good.flac\n"
        "5 6 -1800 -50 /cut-short.flac";        /* the last line has no newline: a torn write */
    CHECK_EQ_INT(loudcache_parse(&c, mixed, sizeof mixed - 1), 2);
    CHECK(loudcache_find(&c, "/good.ogg", 1, 2) != NULL);
    CHECK(loudcache_find(&c, "/also-good.flac", 3, 4) != NULL);
    CHECK(loudcache_find(&c, "/cut-short.flac", 5, 6) == NULL);
    CHECK(loudcache_find(&c, "/bad-size.ogg", 1, 2) == NULL);
    loudcache_free(&c);
}

static void test_cache_bounded(void)
{
    /* a cache file grown past the limit keeps the newest entries */
    int n = LOUDCACHE_MAX + 10;
    size_t cap = (size_t)n * 48 + 64, len = 0;
    char *text = malloc(cap);
    CHECK(text != NULL);
    if (!text)
        return;
    len += (size_t)snprintf(text, cap, "%s\n", LOUDCACHE_HEADER);
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(text + len, cap - len, "%d %d -2000 -200 /m/%d.ogg\n", i, i, i);
    loudcache_t c = { 0 };
    CHECK_EQ_INT(loudcache_parse(&c, text, len), n);
    CHECK_EQ_INT(c.count, LOUDCACHE_MAX);
    CHECK(loudcache_find(&c, "/m/0.ogg", 0, 0) == NULL); /* the oldest went */
    char path[64];
    snprintf(path, sizeof path, "/m/%d.ogg", n - 1);
    CHECK(loudcache_find(&c, path, n - 1, n - 1) != NULL);
    free(text);
    loudcache_free(&c);
}

int main(void)
{
    test_gain();
    test_safe_gain();
    test_cache_round_trip();
    test_cache_damage();
    test_cache_bounded();
    return check_summary();
}
