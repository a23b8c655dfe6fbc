/* Tests of the remembered choices: round trip through the text, bad lines named by number
 * while the good ones apply, CRLF and a BOM, the limits, removal, the recent list's order. */
#include <stdlib.h>

#include "check.h"
#include "core/plan/choices.h"

static bool parse(choices_t *c, const char *text, char *err, size_t errsize)
{
    return choices_parse(c, text, strlen(text), err, errsize);
}

static void test_round_trip(void)
{
    choices_t c, d;
    choices_init(&c);
    CHECK(choices_get(&c, "plan", "calm-down", "music") == NULL);
    CHECK(choices_set(&c, "plan", "calm-down", "music", "/home/a/Music/rain.ogg"));
    CHECK(choices_set(&c, "plan", "bedtime", "music", "~/Music/sleep folder"));
    CHECK(choices_set(&c, "client", "Sam", "plan", "calm-down"));
    CHECK(choices_set(&c, "client", "Sam", "music", "/x/waves.flac"));
    CHECK(choices_set(&c, "client", "Zoë Ñúñez 日本", "plan", "bedtime"));
    CHECK(choices_add_recent(&c, "/x/waves.flac"));
    CHECK(choices_add_recent(&c, "/home/a/Music/rain.ogg"));
    CHECK_EQ_STR(choices_get(&c, "plan", "calm-down", "music"), "/home/a/Music/rain.ogg");
    CHECK_EQ_STR(choices_get(&c, "client", "Sam", "plan"), "calm-down");
    CHECK(choices_get(&c, "client", "Zoë Ñúñez 日本", "music") == NULL);
    CHECK(choices_get(&c, "plan", "calm-down", "plan") == NULL);   /* plans have no plan */
    CHECK(choices_get(&c, "session", "calm-down", "music") == NULL);

    char *text = choices_encode(&c);
    CHECK(text != NULL);
    CHECK(text && text[0] == '#');
    CHECK(text && strstr(text, "delete") != NULL);
    CHECK(text && strstr(text, "plan\tcalm-down\tmusic\t/home/a/Music/rain.ogg\n") != NULL);
    CHECK(text && strstr(text, "client\tSam\tplan\tcalm-down\nclient\tSam\tmusic\t/x/waves.flac\n") != NULL);
    CHECK(text && strstr(text, "recent\tmusic\t/home/a/Music/rain.ogg\nrecent\tmusic\t/x/waves.flac\n") != NULL);
    int comments = 0;
    for (const char *p = text; p && *p; p = strchr(p, '\n') + 1)
        comments += *p == '#';
    CHECK_EQ_INT(comments, 2);

    char err[256];
    choices_init(&d);
    CHECK(text && choices_parse(&d, text, strlen(text), err, sizeof err));
    CHECK_EQ_STR(err, "");
    CHECK_EQ_STR(choices_get(&d, "plan", "bedtime", "music"), "~/Music/sleep folder");
    CHECK_EQ_STR(choices_get(&d, "client", "Sam", "music"), "/x/waves.flac");
    CHECK_EQ_STR(choices_get(&d, "client", "Zoë Ñúñez 日本", "plan"), "bedtime");
    const char *r[CHOICES_RECENT];
    CHECK_EQ_INT(choices_recent(&d, r, CHOICES_RECENT), 2);
    CHECK_EQ_STR(r[0], "/home/a/Music/rain.ogg");
    CHECK_EQ_STR(r[1], "/x/waves.flac");
    char *again = choices_encode(&d);
    CHECK(text && again && strcmp(text, again) == 0);   /* the same file twice */
    free(again);
    free(text);
    choices_free(&d);
    choices_free(&c);

    choices_init(&c);
    text = choices_encode(&c);   /* empty: only the header */
    CHECK(text && text[0] == '#' && strstr(text, "\nplan") == NULL);
    CHECK(text && choices_parse(&c, text, strlen(text), err, sizeof err));
    free(text);
    CHECK(parse(&c, "", err, sizeof err));
    CHECK_EQ_INT(c.plan_count + c.client_count + c.recent_count, 0);
    choices_free(&c);
}

static void test_bad_lines(void)
{
    choices_t c;
    char err[512];
    choices_init(&c);
    const char *text = "# choices\n"
                       "plan\tcalm\tmusic\t/a.ogg\n"            /* 2: good */
                       "plan\tcalm\tvolume\t7\n"                /* 3: no such key */
                       "\n"
                       "client\tSam\tplan\n"                    /* 5: too few fields */
                       "client\tSam\tmusic\t/b.ogg\n"           /* 6: good */
                       "session\tx\tmusic\t/c.ogg\n"            /* 7: no such scope */
                       "plan\t\tmusic\t/d.ogg\n"                /* 8: empty name */
                       "recent\tmusic\t/e.ogg\n";               /* 9: good */
    CHECK(!parse(&c, text, err, sizeof err));
    CHECK(strncmp(err, "line 3: ", 8) == 0);
    CHECK(strstr(err, "\"volume\"") != NULL);
    CHECK(strstr(err, "line 5: ") != NULL);
    CHECK(strstr(err, "line 7: ") != NULL && strstr(err, "\"session\"") != NULL);
    CHECK(strstr(err, "line 8") == NULL);          /* only the first three are named... */
    CHECK(strstr(err, "(and 1 more)") != NULL);    /* ...and the rest counted */
    CHECK_EQ_STR(choices_get(&c, "plan", "calm", "music"), "/a.ogg");
    CHECK_EQ_STR(choices_get(&c, "client", "Sam", "music"), "/b.ogg");
    CHECK(choices_get(&c, "client", "Sam", "plan") == NULL);
    CHECK_EQ_INT(c.plan_count, 1);
    CHECK_EQ_INT(c.recent_count, 1);

    CHECK(!parse(&c, "plan\tx\tmusic\t/a\tb\n", err, sizeof err));
    CHECK(strncmp(err, "line 1: ", 8) == 0);
    CHECK(!parse(&c, "plan\tx\tmusic\ta\x01z\n", err, sizeof err));   /* a control character */
    CHECK(strstr(err, "control") != NULL);
    CHECK(choices_get(&c, "plan", "x", "music") == NULL);
    CHECK(!choices_parse(&c, "plan\tx\tmusic\ta\0z\nplan\ty\tmusic\t/y\n", 33, err, sizeof err));
    CHECK(strncmp(err, "line 1: ", 8) == 0);
    CHECK_EQ_STR(choices_get(&c, "plan", "y", "music"), "/y");
    /* a small err still holds a cut, terminated message; no err at all is fine */
    char tiny[8];
    CHECK(!parse(&c, "nonsense\n", tiny, sizeof tiny));
    CHECK_EQ_STR(tiny, "line 1:");
    CHECK(!parse(&c, "nonsense\n", NULL, 0));
    choices_free(&c);
}

static void test_crlf_bom(void)
{
    choices_t c;
    char err[256];
    choices_init(&c);
    CHECK(parse(&c, "\xEF\xBB\xBF# edited on Windows\r\nplan\tcalm\tmusic\t/a.ogg\r\n\r\n"
                    "recent\tmusic\t/a.ogg\r\nclient\tAnn\tplan\tcalm", err, sizeof err));
    CHECK_EQ_STR(err, "");
    CHECK_EQ_STR(choices_get(&c, "plan", "calm", "music"), "/a.ogg");
    CHECK_EQ_STR(choices_get(&c, "client", "Ann", "plan"), "calm");   /* no final newline */
    const char *r[2];
    CHECK_EQ_INT(choices_recent(&c, r, 2), 1);
    CHECK_EQ_STR(r[0], "/a.ogg");
    /* a BOM that is not at the start is a bad byte on its line */
    CHECK(!parse(&c, "plan\tcalm\tmusic\t/b\n\xEF\xBB\xBFplan\tx\tmusic\t/c\n", err, sizeof err));
    CHECK(strncmp(err, "line 2: ", 8) == 0);
    CHECK_EQ_STR(choices_get(&c, "plan", "calm", "music"), "/b");   /* read over what was there */
    choices_free(&c);
}

static void test_limits(void)
{
    choices_t c;
    char err[256];
    choices_init(&c);
    char *big = malloc(CHOICES_MAX_TEXT + 2);
    memset(big, 'm', CHOICES_MAX_TEXT + 1);
    big[CHOICES_MAX_TEXT + 1] = '\0';
    CHECK(!choices_set(&c, "plan", "p", "music", big));          /* 4096 bytes */
    big[CHOICES_MAX_TEXT] = '\0';
    CHECK(choices_set(&c, "plan", "p", "music", big));           /* 4095 bytes */
    CHECK(choices_set(&c, "plan", big, "music", big));
    CHECK(choices_set(&c, "client", big, "music", big));
    CHECK(choices_add_recent(&c, big));
    char *text = choices_encode(&c);
    choices_t d;
    choices_init(&d);
    CHECK(text && choices_parse(&d, text, strlen(text), err, sizeof err));
    CHECK_EQ_STR(choices_get(&d, "client", big, "music"), big);
    CHECK_EQ_STR(choices_get(&d, "plan", big, "music"), big);
    choices_free(&d);
    free(text);
    /* a line with a 4096-byte value is refused, the lines around it kept */
    size_t n = strlen("plan\tq\tmusic\t") + CHOICES_MAX_TEXT + 1;
    char *line = malloc(n + 64);
    snprintf(line, n + 64, "plan\ta\tmusic\t/a\nplan\tq\tmusic\t%sm\nplan\tb\tmusic\t/b\n", big);
    choices_init(&d);
    CHECK(!parse(&d, line, err, sizeof err));
    CHECK(strncmp(err, "line 2: ", 8) == 0 && strstr(err, "4095") != NULL);
    CHECK(choices_get(&d, "plan", "q", "music") == NULL);
    CHECK_EQ_STR(choices_get(&d, "plan", "b", "music"), "/b");
    choices_free(&d);
    free(line);
    free(big);

    CHECK(!choices_set(&c, "plan", "", "music", "/a"));
    CHECK(!choices_set(&c, "plan", "p", "music", ""));
    CHECK(!choices_set(&c, "plan", NULL, "music", "/a"));
    CHECK(!choices_set(&c, "plan", "p", "plan", "x"));          /* plans remember only music */
    CHECK(!choices_set(&c, "clients", "p", "plan", "x"));
    CHECK(!choices_add_recent(&c, ""));
    /* many clients */
    for (int i = 0; i < 500; i++) {
        char name[32];
        snprintf(name, sizeof name, "client %d", i);
        CHECK(choices_set(&c, "client", name, "plan", name + 7));
    }
    CHECK_EQ_STR(choices_get(&c, "client", "client 377", "plan"), "377");
    CHECK_EQ_INT(c.client_count, 501);
    choices_free(&c);
    CHECK_EQ_INT(c.client_count, 0);
    choices_free(&c);   /* twice is fine */
}

static void test_control_characters(void)
{
    choices_t c;
    choices_init(&c);
    const char *bad[] = { "a\tb", "a\nb", "a\rb", "a\x1b[31m", "del\x7f", "c1\xC2\x85", "\x01" };
    for (int i = 0; i < 7; i++) {
        CHECK(!choices_set(&c, "client", bad[i], "plan", "p"));
        CHECK(!choices_set(&c, "client", "Sam", "music", bad[i]));
        CHECK(!choices_add_recent(&c, bad[i]));
    }
    CHECK_EQ_INT(c.client_count + c.recent_count, 0);
    CHECK(choices_set(&c, "client", "Ann Lee ( \xC2\xA0 nbsp )", "plan", "p"));   /* U+00A0 is no control */
    choices_free(&c);
}

static void test_removal(void)
{
    choices_t c;
    choices_init(&c);
    CHECK(choices_set(&c, "client", "Sam", "plan", "calm"));
    CHECK(choices_set(&c, "client", "Sam", "music", "/a"));
    CHECK(choices_set(&c, "client", "Ann", "plan", "bed"));
    CHECK(choices_set(&c, "plan", "calm", "music", "/a"));
    CHECK(choices_set(&c, "client", "Sam", "plan", "bed"));   /* replaces */
    CHECK_EQ_STR(choices_get(&c, "client", "Sam", "plan"), "bed");
    CHECK(choices_set(&c, "client", "Sam", "plan", NULL));
    CHECK(choices_get(&c, "client", "Sam", "plan") == NULL);
    CHECK_EQ_STR(choices_get(&c, "client", "Sam", "music"), "/a");
    CHECK(choices_set(&c, "client", "Sam", "music", NULL));
    CHECK_EQ_INT(c.client_count, 1);                         /* Sam is gone, Ann stays */
    CHECK_EQ_STR(choices_get(&c, "client", "Ann", "plan"), "bed");
    CHECK(choices_set(&c, "client", "Nobody", "music", NULL)); /* removing nothing is fine */
    CHECK(choices_set(&c, "plan", "calm", "music", NULL));
    CHECK_EQ_INT(c.plan_count, 0);
    char *text = choices_encode(&c);
    CHECK(text && strstr(text, "Sam") == NULL && strstr(text, "plan\tcalm") == NULL);
    CHECK(text && strstr(text, "client\tAnn\tplan\tbed\n") != NULL);
    free(text);
    choices_free(&c);
}

static void test_recent(void)
{
    choices_t c;
    char err[256];
    const char *r[CHOICES_RECENT + 4];
    choices_init(&c);
    CHECK_EQ_INT(choices_recent(&c, r, CHOICES_RECENT), 0);
    for (int i = 1; i <= 10; i++) {
        char m[16];
        snprintf(m, sizeof m, "/m%d", i);
        CHECK(choices_add_recent(&c, m));
    }
    CHECK_EQ_INT(choices_recent(&c, r, CHOICES_RECENT + 4), CHOICES_RECENT);
    CHECK_EQ_STR(r[0], "/m10");
    CHECK_EQ_STR(r[7], "/m3");
    CHECK(choices_add_recent(&c, "/m5"));   /* again: to the front, not twice */
    CHECK_EQ_INT(choices_recent(&c, r, CHOICES_RECENT), CHOICES_RECENT);
    CHECK_EQ_STR(r[0], "/m5");
    CHECK_EQ_STR(r[1], "/m10");
    CHECK_EQ_STR(r[5], "/m6");
    CHECK_EQ_STR(r[6], "/m4");
    CHECK_EQ_STR(r[7], "/m3");
    CHECK(choices_add_recent(&c, "/m5"));   /* already the newest */
    CHECK_EQ_INT(choices_recent(&c, r, 2), 2);
    CHECK_EQ_STR(r[0], "/m5");
    CHECK_EQ_STR(r[1], "/m10");
    CHECK(choices_add_recent(&c, "/m3"));   /* the oldest to the front */
    CHECK_EQ_INT(choices_recent(&c, r, CHOICES_RECENT), CHOICES_RECENT);
    CHECK_EQ_STR(r[0], "/m3");
    CHECK_EQ_STR(r[7], "/m4");
    choices_free(&c);

    /* in the file: newest first; a duplicate or a ninth is left out quietly */
    choices_init(&c);
    CHECK(parse(&c, "recent\tmusic\t/a\nrecent\tmusic\t/b\nrecent\tmusic\t/a\nrecent\tmusic\t/c\n"
                    "recent\tmusic\t/d\nrecent\tmusic\t/e\nrecent\tmusic\t/f\nrecent\tmusic\t/g\n"
                    "recent\tmusic\t/h\nrecent\tmusic\t/i\n", err, sizeof err));
    CHECK_EQ_INT(choices_recent(&c, r, CHOICES_RECENT + 4), CHOICES_RECENT);
    CHECK_EQ_STR(r[0], "/a");
    CHECK_EQ_STR(r[1], "/b");
    CHECK_EQ_STR(r[7], "/h");
    CHECK(!parse(&c, "recent\tplan\t/x\n", err, sizeof err));
    CHECK(strncmp(err, "line 1: ", 8) == 0);
    choices_free(&c);
}

int main(void)
{
    test_round_trip();
    test_bad_lines();
    test_crlf_bom();
    test_limits();
    test_control_characters();
    test_removal();
    test_recent();
    return check_summary();
}
