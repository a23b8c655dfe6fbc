/* Tests of safebase.ini reading: defaults, every key, and bad lines reported at their line
 * while the other settings still apply. */
#include "check.h"
#include "core/plan/settings.h"

static bool parse(const char *text, settings_t *s, settings_errors_t *e)
{
    settings_defaults(s);
    return settings_parse(text, strlen(text), s, e);
}

static void test_defaults(void)
{
    settings_t s;
    settings_defaults(&s);
    CHECK_EQ_INT(s.theme, THEME_CALM);
    CHECK(s.captions && !s.reduced_motion && !s.child_view && !s.hide_time && !s.shuffle);
    CHECK_EQ_INT(s.volume_percent, 100);
    CHECK(s.loudness_target == -23.0);
    CHECK_EQ_STR(s.font, "");
}

static void test_all_keys(void)
{
    settings_t s;
    settings_errors_t e;
    const char *text = "\xEF\xBB\xBF# my settings\r\n[safebase]\r\ntheme = Contrast\r\nreduced_motion = yes\n"
                       "child_view = on\nhide_time = 1\ncaptions = no\nvolume = 70\nloudness_target = -20.5\n"
                       "shuffle = true\nfont = /usr/share/fonts/x.ttf\nmusic = ~/Music/calm\ndisplay = 1\n";
    CHECK(parse(text, &s, &e));
    CHECK_EQ_INT(e.count, 0);
    CHECK_EQ_INT(s.theme, THEME_CONTRAST);
    CHECK(s.reduced_motion && s.child_view && s.hide_time && !s.captions && s.shuffle);
    CHECK_EQ_INT(s.volume_percent, 70);
    CHECK(s.loudness_target == -20.5);
    CHECK_EQ_STR(s.font, "/usr/share/fonts/x.ttf");
    CHECK_EQ_STR(s.music, "~/Music/calm");
    CHECK_EQ_INT(s.display, 1);
}

static void test_bad_lines(void)
{
    settings_t s;
    settings_errors_t e;
    const char *text = "volume = 150\ntheme = dark\nreduced_motion = yes\ncolour = blue\njust words\n"
                       "loudness_target = 0\n";
    CHECK(!parse(text, &s, &e));
    CHECK_EQ_INT(e.count, 5);
    CHECK_EQ_INT(e.items[0].line, 1);
    CHECK(strstr(e.items[0].message, "volume") != NULL);
    CHECK_EQ_INT(e.items[1].line, 2);
    CHECK(strstr(e.items[1].message, "calm or contrast") != NULL);
    CHECK_EQ_INT(e.items[2].line, 4);
    CHECK(strstr(e.items[2].message, "unknown setting \"colour\"") != NULL);
    CHECK_EQ_INT(e.items[3].line, 5);
    CHECK_EQ_INT(e.items[4].line, 6);
    /* the bad ones keep their defaults, the good one applies */
    CHECK_EQ_INT(s.volume_percent, 100);
    CHECK_EQ_INT(s.theme, THEME_CALM);
    CHECK(s.loudness_target == -23.0);
    CHECK(s.reduced_motion);
}

static void test_binary_and_utf8(void)
{
    settings_t s;
    settings_errors_t e;
    settings_defaults(&s);
    CHECK(!settings_parse("theme = calm\n\0\x01\x02", 16, &s, &e));
    CHECK_EQ_INT(e.count, 1);
    CHECK_EQ_INT(e.items[0].line, 2);
    CHECK(strstr(e.items[0].message, "binary") != NULL);
    CHECK(!parse("font = caf\xC3\n", &s, &e));
    CHECK_EQ_INT(e.items[0].line, 1);
    CHECK(parse("", &s, &e)); /* an empty file is fine: all defaults */
}

int main(void)
{
    test_defaults();
    test_all_keys();
    test_bad_lines();
    test_binary_and_utf8();
    return check_summary();
}
