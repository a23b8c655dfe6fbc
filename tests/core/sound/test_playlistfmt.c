/* Tests of the syntaxes inside playlists: one entry at a time (percent-decoding at its edges,
 * file:// hosts, schemes, Windows paths, relative references, room in the buffer), and the
 * XSPF walk (which <location>s count, the track each is in, references, CDATA, comments). */
#include "check.h"
#include "core/sound/playlistfmt.h"

#include <string.h>

static char out[4096];

static playlistfmt_kind_t entry(const char *s, bool uri_ref)
{
    return playlistfmt_resolve(out, sizeof out, s, strlen(s), "/base", uri_ref);
}

static void test_percent(void)
{
    static const struct {
        const char *in, *want;    /* want NULL: bad */
    } cases[] = {
        { "file:///a%20b", "/a b" },
        { "file:///%41%42%43", "/ABC" },
        { "file:///low%2fer%2Fcase", "/low/er/case" },
        { "file:///%C3%A9t%C3%A9", "/\xC3\xA9t\xC3\xA9" },
        { "file:///%E2%82%AC", "/\xE2\x82\xAC" },
        { "file:///pct%25", "/pct%" },
        { "file:///%2525", "/%25" },          /* decoded once only */
        { "file:///plus+", "/plus+" },          /* '+' is not a space in a path */
        { "file:///%FF", "/\xFF" },             /* bytes as they are: Linux names are bytes */
        { "file:///q?x#y", "/q?x#y" },         /* no query or fragment split off (as mpv) */
        { "file:///%", NULL },
        { "file:///%2", NULL },
        { "file:///%%", NULL },
        { "file:///%zz", NULL },
        { "file:///%2G", NULL },
        { "file:///%G2", NULL },
        { "file:///a%00b", NULL },
        { "file:///%0", NULL },
        { "  file:///trimmed  ", "/trimmed" },
        { "\tfile:///t\r\n", "/t" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        playlistfmt_kind_t k = entry(cases[i].in, false);
        if (cases[i].want) {
            CHECK_EQ_INT(k, PLAYLISTFMT_PATH);
            CHECK_EQ_STR(out, cases[i].want);
        } else {
            CHECK_EQ_INT(k, PLAYLISTFMT_BAD);
        }
    }
}

static void test_kinds(void)
{
    CHECK_EQ_INT(entry("file://localhost/a", false), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "/a");
    CHECK_EQ_INT(entry("file://LocalHost/a", false), PLAYLISTFMT_PATH);
    CHECK_EQ_INT(entry("file://nas/a", false), PLAYLISTFMT_BAD);
    CHECK_EQ_INT(entry("file://localhost", false), PLAYLISTFMT_BAD);
    CHECK_EQ_INT(entry("file:a", false), PLAYLISTFMT_BAD);
    CHECK_EQ_INT(entry("file:///", false), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "/");
    CHECK_EQ_INT(entry("file:///C:/x.mp3", false), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "C:/x.mp3");
    CHECK_EQ_INT(entry("file:///C:", false), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "/C:"); /* no drive path: stays absolute (found by the fuzzer) */
    CHECK_EQ_INT(entry("file:///Cx/y", false), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "/Cx/y");

    static const char *const urls[] = { "http://a", "https://a/b", "rtsp://a", "mms://a", "ftp://a",
                                        "HTTPS://A", "git+ssh://a", "a.b-c://d", "smb://nas/x" };
    for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
        CHECK_EQ_INT(entry(urls[i], false), PLAYLISTFMT_URL);
        CHECK_EQ_INT(entry(urls[i], true), PLAYLISTFMT_URL);
    }
    /* not URLs: no "//", a one-letter "scheme" (a drive), a scheme that starts with a digit */
    CHECK_EQ_INT(entry("mailto:x", true), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "/base/mailto:x");
    CHECK_EQ_INT(entry("http:/one-slash", false), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "/base/http:/one-slash");
    CHECK_EQ_INT(entry("1http://x", false), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "/base/1http://x");
    CHECK_EQ_INT(entry("C:\\Music\\a b.mp3", false), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "C:\\Music\\a b.mp3");
    CHECK_EQ_INT(entry("c:/Music/a%20b.mp3", true), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "c:/Music/a%20b.mp3");   /* kept as written, even in a URI */
    CHECK_EQ_INT(entry("\\\\server\\x", false), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "\\\\server\\x");

    /* relative and absolute, literal or decoded */
    CHECK_EQ_INT(entry("a%20b.ogg", false), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "/base/a%20b.ogg");
    CHECK_EQ_INT(entry("a%20b.ogg", true), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "/base/a b.ogg");
    CHECK_EQ_INT(entry("a%2", true), PLAYLISTFMT_BAD);
    CHECK_EQ_INT(entry("a%2", false), PLAYLISTFMT_PATH);
    CHECK_EQ_INT(entry("../../x.ogg", true), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "/base/../../x.ogg");
    CHECK_EQ_INT(entry("/abs/%C3%A9.ogg", true), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(out, "/abs/\xC3\xA9.ogg");
    CHECK_EQ_INT(entry("", false), PLAYLISTFMT_BAD);
    CHECK_EQ_INT(entry("   ", true), PLAYLISTFMT_BAD);

    /* room: the path with its NUL must fit */
    char small[12];
    CHECK_EQ_INT(playlistfmt_resolve(small, sizeof small, "abcde", 5, "/base", false), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(small, "/base/abcde"); /* 11 bytes and the NUL */
    CHECK_EQ_INT(playlistfmt_resolve(small, sizeof small, "abcdef", 6, "/base", false), PLAYLISTFMT_BAD);
    CHECK_EQ_INT(playlistfmt_resolve(small, sizeof small, "x", 1, "/a-very-long-base", false), PLAYLISTFMT_BAD);
    CHECK_EQ_INT(playlistfmt_resolve(small, 0, "x", 1, "/b", false), PLAYLISTFMT_BAD);
    CHECK_EQ_INT(playlistfmt_resolve(small, sizeof small, "file:///%41", 8, "/b", false), PLAYLISTFMT_PATH);
    CHECK_EQ_STR(small, "/"); /* only the 8 bytes it was given: "file:///" */
}

typedef struct {
    int track;
    playlistfmt_xspf_step_t step;
    const char *text;
} found_t;

/* Walks text and checks each step against want[0..n). */
static void walk(const char *text, const found_t *want, int n)
{
    playlistfmt_xspf_t x;
    playlistfmt_xspf_start(&x, text, strlen(text));
    char loc[256];
    for (int i = 0; i < n; i++) {
        playlistfmt_xspf_step_t step = playlistfmt_xspf_next(&x, loc, sizeof loc);
        CHECK_EQ_INT(step, want[i].step);
        CHECK_EQ_INT(x.track, want[i].track);
        if (want[i].step == PLAYLISTFMT_XSPF_FOUND)
            CHECK_EQ_STR(loc, want[i].text);
    }
    CHECK_EQ_INT(playlistfmt_xspf_next(&x, loc, sizeof loc), PLAYLISTFMT_XSPF_END);
    CHECK_EQ_INT(playlistfmt_xspf_next(&x, loc, sizeof loc), PLAYLISTFMT_XSPF_END); /* and stays there */
}

static void test_xspf_walk(void)
{
    static const found_t basic[] = {
        { 1, PLAYLISTFMT_XSPF_FOUND, "a.ogg" },
        { 1, PLAYLISTFMT_XSPF_FOUND, "alt.ogg" },
        { 3, PLAYLISTFMT_XSPF_FOUND, "c & <d> \"e\" 'f' \xC3\xA9\xC3\xA9" },
        { 4, PLAYLISTFMT_XSPF_FOUND, "raw &amp; <x>" },
        { 5, PLAYLISTFMT_XSPF_BROKEN, NULL },
        { 6, PLAYLISTFMT_XSPF_FOUND, "kept" },
    };
    walk("<playlist><location>playlist.xspf</location><trackList>"
         "<track><location> a.ogg </location><location>alt.ogg</location>"
         "<extension><location>no.ogg</location></extension></track>"
         "<track><title>no location</title></track>"
         "<track><location>c &amp; &lt;d&gt; &quot;e&quot; &apos;f&apos; &#233;&#xe9;</location></track>"
         "<track><location><![CDATA[raw &amp; <x>]]></location></track>"
         "<track><location>&bogus;</location></track>"
         "<track><location>ke<!-- a comment -->pt</location></track>"
         "</trackList><track><location>after.ogg</location></track></playlist>",
         basic, 6);

    /* a location too long for out is broken, and the walk goes on */
    static char longer[600];
    memset(longer, 0, sizeof longer);
    strcat(longer, "<trackList><track><location>");
    for (int i = 0; i < 300; i++)
        strcat(longer, "x");
    strcat(longer, "</location></track><track><location>ok</location></track></trackList>");
    static const found_t lengths[] = { { 1, PLAYLISTFMT_XSPF_BROKEN, NULL }, { 2, PLAYLISTFMT_XSPF_FOUND, "ok" } };
    walk(longer, lengths, 2);

    /* a raw NUL byte inside a location spoils it */
    static const char nul[] = "<trackList><track><location>a\0b</location></track></trackList>";
    playlistfmt_xspf_t x;
    char loc[64];
    playlistfmt_xspf_start(&x, nul, sizeof nul - 1);
    CHECK_EQ_INT(playlistfmt_xspf_next(&x, loc, sizeof loc), PLAYLISTFMT_XSPF_BROKEN);
    CHECK_EQ_INT(playlistfmt_xspf_next(&x, loc, 0), PLAYLISTFMT_XSPF_END);

    /* nothing to find */
    walk("", NULL, 0);
    walk("not xml at all", NULL, 0);
    walk("<trackList><track><location>cut", (const found_t[]){ { 1, PLAYLISTFMT_XSPF_BROKEN, NULL } }, 1);
}

int main(void)
{
    test_percent();
    test_kinds();
    test_xspf_walk();
    return check_summary();
}
