/* Tests of playlists: .m3u/.m3u8, .pls and .xspf text become paths as players write them
 * (comments, CRLF/CR and a BOM, relative paths joined to the playlist's folder, file:// URIs
 * decoded, web addresses counted and never added, .pls in the order of N, XSPF's XML decoded),
 * malformed and random text never crashes, names sort the way people expect, and a shuffle
 * keeps every track exactly once. */
#include "check.h"
#include "core/sound/playlist.h"

#include <stdlib.h>
#include <string.h>

/* Checks what a reader found (call evaluated once): added, urls, bad, full. */
#define READ(call, a, u, b, f) do { \
    playlist_read_t read_ = (call); \
    CHECK_EQ_INT(read_.added, a); CHECK_EQ_INT(read_.urls, u); CHECK_EQ_INT(read_.bad, b); \
    CHECK_EQ_INT(read_.full, f); \
} while (0)

static playlist_read_t m3u(playlist_t *p, const char *text)
{
    return playlist_parse_m3u(p, text, strlen(text), "/music");
}

static void test_m3u(void)
{
    static const char text[] = "\xEF\xBB\xBF#EXTM3U\r\n#EXTINF:123,Artist - Song\r\n"
                               "song one.mp3\r\n\r\n  /abs/two.ogg  \n"
                               "http://example.com/stream.mp3\nsub/three.flac";
    playlist_t p = { 0 };
    READ(playlist_parse_m3u(&p, text, sizeof text - 1, "/music"), 3, 1, 0, 0);
    CHECK_EQ_INT(p.count, 3);
    CHECK_EQ_STR(p.paths[0], "/music/song one.mp3");
    CHECK_EQ_STR(p.paths[1], "/abs/two.ogg");
    CHECK_EQ_STR(p.paths[2], "/music/sub/three.flac");
    playlist_free(&p);
    READ(playlist_parse_m3u(&p, "", 0, "/music"), 0, 0, 0, 0);
    READ(m3u(&p, "# only comments\n#\n\t \n"), 0, 0, 0, 0);
    CHECK_EQ_INT(p.count, 0);

    /* lone CR line ends (old Macs), tabs around an entry, no newline at the end */
    READ(m3u(&p, "a.mp3\rb.mp3\r\r\tc.mp3\t\r\nd.mp3"), 4, 0, 0, 0);
    CHECK_EQ_STR(p.paths[1], "/music/b.mp3");
    CHECK_EQ_STR(p.paths[2], "/music/c.mp3");
    CHECK_EQ_STR(p.paths[3], "/music/d.mp3");
    playlist_free(&p);

    /* a text cut in the middle of its BOM is just text */
    READ(playlist_parse_m3u(&p, "\xEF\xBB", 2, "/music"), 1, 0, 0, 0);
    playlist_free(&p);
}

/* file:// URIs as VLC, Rhythmbox and others write them in .m3u8 */
static void test_m3u_file_uris(void)
{
    playlist_t p = { 0 };
    READ(m3u(&p, "#EXTM3U\n"
                 "file:///home/a/b%20c.mp3\n"
                 "file://localhost/x/Caf%C3%A9.ogg\n"
                 "FILE://LOCALHOST/up/case.flac\n"
                 "file:/one/slash.mp3\n"
                 "file:///keep+plus%2bsign%25.mp3\n"
                 "file:///C:/Music/x.mp3\n"
                 "file:///a%2fb.mp3\n"),
         7, 0, 0, 0);
    CHECK_EQ_STR(p.paths[0], "/home/a/b c.mp3");
    CHECK_EQ_STR(p.paths[1], "/x/Caf\xC3\xA9.ogg");
    CHECK_EQ_STR(p.paths[2], "/up/case.flac");
    CHECK_EQ_STR(p.paths[3], "/one/slash.mp3");
    CHECK_EQ_STR(p.paths[4], "/keep+plus+sign%.mp3");
    CHECK_EQ_STR(p.paths[5], "C:/Music/x.mp3");  /* a Windows path: fails by name when opened */
    CHECK_EQ_STR(p.paths[6], "/a/b.mp3");
    playlist_free(&p);

    /* each bad entry is skipped and counted; the rest still plays */
    READ(m3u(&p, "file:///bad%zz.mp3\n"
                 "file:///nul%00.mp3\n"
                 "file:///cut%4\n"
                 "file:///cut%\n"
                 "file:///half%G0.mp3\n"
                 "file://server/share/x.mp3\n"   /* another machine: no local path */
                 "file://localhostx/y.mp3\n"
                 "file:relative.mp3\n"
                 "file://\n"
                 "file:\n"
                 "good.mp3\n"),
         1, 0, 10, 0);
    CHECK_EQ_STR(p.paths[0], "/music/good.mp3");
    playlist_free(&p);
}

static void test_m3u_paths(void)
{
    playlist_t p = { 0 };
    READ(m3u(&p, "a%20b.mp3\n"              /* a plain path is literal: no %-decoding */
                 "../other/x.ogg\n"
                 "Artist: Song.mp3\n"       /* a colon is no scheme */
                 "C:\\Music\\x.mp3\n"
                 "\\\\server\\share\\y.mp3\n"
                 "d:/z.mp3\n"
                 "smb:/not/a/url.mp3\n"),
         7, 0, 0, 0);
    CHECK_EQ_STR(p.paths[0], "/music/a%20b.mp3");
    CHECK_EQ_STR(p.paths[1], "/music/../other/x.ogg");
    CHECK_EQ_STR(p.paths[2], "/music/Artist: Song.mp3");
    CHECK_EQ_STR(p.paths[3], "C:\\Music\\x.mp3");
    CHECK_EQ_STR(p.paths[4], "\\\\server\\share\\y.mp3");
    CHECK_EQ_STR(p.paths[5], "d:/z.mp3");
    CHECK_EQ_STR(p.paths[6], "/music/smb:/not/a/url.mp3");
    playlist_free(&p);

    /* web addresses of every kind are counted, never added */
    READ(m3u(&p, "http://a/b.mp3\nhttps://a/b.ogg\nrtsp://a/s\nmms://a/s\nftp://a/b.mp3\nHTTP://A/B\n"
                 "smb://nas/x.mp3\nsftp://h/x.ogg\nicecast+http://h/x\n"),
         0, 9, 0, 0);
    CHECK_EQ_INT(p.count, 0);

    /* the folder: "/" gives no double slash, none at all leaves the path as written */
    READ(playlist_parse_m3u(&p, "x.mp3\n", 6, "/"), 1, 0, 0, 0);
    READ(playlist_parse_m3u(&p, "x.mp3\n", 6, "/music/"), 1, 0, 0, 0);
    READ(playlist_parse_m3u(&p, "x.mp3\n", 6, NULL), 1, 0, 0, 0);
    READ(playlist_parse_m3u(&p, "x.mp3\n", 6, ""), 1, 0, 0, 0);
    CHECK_EQ_STR(p.paths[0], "/x.mp3");
    CHECK_EQ_STR(p.paths[1], "/music/x.mp3");
    CHECK_EQ_STR(p.paths[2], "x.mp3");
    CHECK_EQ_STR(p.paths[3], "x.mp3");
    playlist_free(&p);

    /* a NUL byte in a line, a line longer than any path: bad, and the next line reads */
    static const char nul[] = "a\0b.mp3\nafter.mp3\n";
    READ(playlist_parse_m3u(&p, nul, sizeof nul - 1, "/music"), 1, 0, 1, 0);
    size_t big = 100000;
    char *huge = malloc(big + 16);
    memset(huge, 'x', big);
    memcpy(huge + big, "\nlast.mp3", 9);
    READ(playlist_parse_m3u(&p, huge, big + 9, "/music"), 1, 0, 1, 0);
    memcpy(huge, "file:///", 8);
    READ(playlist_parse_m3u(&p, huge, big + 9, "/music"), 1, 0, 1, 0);
    /* 4095 bytes is the longest path: one more is bad */
    memset(huge, 'y', 5000);
    huge[0] = '/';
    READ(playlist_parse_m3u(&p, huge, 4095, "/music"), 1, 0, 0, 0);
    READ(playlist_parse_m3u(&p, huge, 4096, "/music"), 0, 0, 1, 0);
    free(huge);
    CHECK_EQ_STR(p.paths[0], "/music/after.mp3");
    CHECK_EQ_STR(p.paths[1], "/music/last.mp3");
    CHECK_EQ_STR(p.paths[2], "/music/last.mp3");
    CHECK_EQ_INT(strlen(p.paths[3]), 4095);
    playlist_free(&p);
}

static playlist_read_t pls(playlist_t *p, const char *text)
{
    return playlist_parse_pls(p, text, strlen(text), "/music");
}

static void test_pls(void)
{
    playlist_t p = { 0 };
    /* as Winamp, VLC, foobar2000 and Audacious write it, with the entries out of order */
    READ(pls(&p, "\xEF\xBB\xBF[playlist]\r\n"
                 "File2=b.mp3\r\nTitle2=Bee\r\nLength2=200\r\n"
                 "file1=file:///a/A%20One.mp3\r\nLength1=-1\r\n"
                 "FILE3=http://radio.example/stream\r\n"
                 "File10 = ten.ogg \r\n"
                 "File9=/abs/nine.ogg\r\n"
                 "NumberOfEntries=5\r\nVersion=2\r\n"),
         4, 1, 0, 0);
    CHECK_EQ_INT(p.count, 4);
    CHECK_EQ_STR(p.paths[0], "/a/A One.mp3");
    CHECK_EQ_STR(p.paths[1], "/music/b.mp3");
    CHECK_EQ_STR(p.paths[2], "/abs/nine.ogg");      /* 9 before 10: by number, not text */
    CHECK_EQ_STR(p.paths[3], "/music/ten.ogg");
    playlist_free(&p);

    /* File= without a number, File1= with nothing, a number too long: bad; FileName= and other
     * keys: ignored; File01 after File1: the same entry, the later line wins */
    READ(pls(&p, "[Playlist]\nFile=nonumber.mp3\nFile4=\nFileName=x.mp3\nFile1=first.mp3\n"
                 "File01=second.mp3\nFile1234567890123456789=long.mp3\nFile000000000000000000002=two.mp3\n"
                 "; a comment\n# another\nnonsense line\n=\n"),
         2, 0, 3, 0);
    CHECK_EQ_STR(p.paths[0], "/music/second.mp3");
    CHECK_EQ_STR(p.paths[1], "/music/two.mp3");
    playlist_free(&p);

    /* keys before any section are read; another section's are not, until [playlist] again */
    READ(pls(&p, "File3=c.mp3\n[other]\nFile1=no.mp3\n[ playlist ]\rFile2=b.mp3\r[x]\nFile0=no.mp3"), 2, 0, 0, 0);
    CHECK_EQ_STR(p.paths[0], "/music/b.mp3");
    CHECK_EQ_STR(p.paths[1], "/music/c.mp3");
    playlist_free(&p);

    /* a plain path is literal; Windows paths kept; only web addresses in it */
    READ(pls(&p, "[playlist]\nFile1=a%20b.mp3\nFile2=C:\\M\\x.mp3\nFile3=../up.ogg\n"), 3, 0, 0, 0);
    CHECK_EQ_STR(p.paths[0], "/music/a%20b.mp3");
    CHECK_EQ_STR(p.paths[1], "C:\\M\\x.mp3");
    CHECK_EQ_STR(p.paths[2], "/music/../up.ogg");
    playlist_free(&p);
    READ(pls(&p, "[playlist]\nNumberOfEntries=2\nFile1=http://a/1\nFile2=https://b/2\n"), 0, 2, 0, 0);
    READ(pls(&p, ""), 0, 0, 0, 0);
    READ(pls(&p, "[playlist]"), 0, 0, 0, 0);
    READ(pls(&p, "[playlist"), 0, 0, 0, 0);
    READ(pls(&p, "File"), 0, 0, 0, 0);
    READ(pls(&p, "File1"), 0, 0, 0, 0);
    READ(pls(&p, "File1="), 0, 0, 1, 0);
    CHECK_EQ_INT(p.count, 0);
}

/* An XSPF playlist as VLC 3 writes it, with the cases people meet added. */
static const char xspf_vlc[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<playlist xmlns=\"http://xspf.org/ns/0/\" xmlns:vlc=\"http://www.videolan.org/vlc/playlist/ns/0/\" version=\"1\">\n"
    "\t<title>Playlist</title>\n"
    "\t<location>file:///not/a/track.mp3</location>\n"
    "\t<!-- <trackList><track><location>commented.mp3</location></track></trackList> -->\n"
    "\t<trackList>\n"
    "\t\t<track>\n"
    "\t\t\t<location>file:///home/a/Caf%C3%A9%20Tunes/01%20-%20One.mp3</location>\n"
    "\t\t\t<title>One &amp; Only</title>\n"
    "\t\t\t<duration>123000</duration>\n"
    "\t\t\t<extension application=\"http://www.videolan.org/vlc/playlist/0\">\n"
    "\t\t\t\t<vlc:id>0</vlc:id>\n"
    "\t\t\t\t<vlc:option>start-time=3</vlc:option>\n"
    "\t\t\t\t<location>file:///inside/extension.mp3</location>\n"
    "\t\t\t</extension>\n"
    "\t\t</track>\n"
    "\t\t<track><location>sub/two%20words.ogg</location></track>\n"
    "\t\t<track foo=\"a>b\" bar='<location>'>\n"
    "\t\t\t<location>\n\t\t\t\t%2Fabs/R&amp;B &lt;mix&gt; &#233;&#xE9;&#128512;.flac\n\t\t\t</location>\n"
    "\t\t</track>\n"
    "\t\t<track><location><![CDATA[file:///cdata/a&b <c>%20d.mp3]]></location></track>\n"
    "\t\t<track><location>http://example.com/stream</location></track>\n"
    "\t\t<track><location>http://example.com/alt</location><location>../alt.ogg</location>"
    "<location>second-alternative.ogg</location></track>\n"
    "\t\t<track><location>file:///x%zz.mp3</location></track>\n"
    "\t\t<track><location>&nbsp;x.mp3</location></track>\n"
    "\t\t<track><location>a.mp3<b>x</b></location></track>\n"
    "\t\t<track><annotation>no location</annotation></track>\n"
    "\t\t<track/>\n"
    "\t\t<track><location/></track>\n"
    "\t\t<track><location>Simon & Garfunkel.mp3</location></track>\n"
    "\t</trackList>\n"
    "\t<extension application=\"http://www.videolan.org/vlc/playlist/0\">\n"
    "\t\t<vlc:item tid=\"0\"/>\n"
    "\t</extension>\n"
    "</playlist>\n";

static void test_xspf(void)
{
    playlist_t p = { 0 };
    READ(playlist_parse_xspf(&p, xspf_vlc, sizeof xspf_vlc - 1, "/music"), 6, 1, 4, 0);
    CHECK_EQ_INT(p.count, 6);
    CHECK_EQ_STR(p.paths[0], "/home/a/Caf\xC3\xA9 Tunes/01 - One.mp3");
    CHECK_EQ_STR(p.paths[1], "/music/sub/two words.ogg");   /* relative: decoded, joined */
    CHECK_EQ_STR(p.paths[2], "/music//abs/R&B <mix> \xC3\xA9\xC3\xA9\xF0\x9F\x98\x80.flac");
    CHECK_EQ_STR(p.paths[3], "/cdata/a&b <c> d.mp3");
    CHECK_EQ_STR(p.paths[4], "/music/../alt.ogg");          /* the first local alternative */
    CHECK_EQ_STR(p.paths[5], "/music/Simon & Garfunkel.mp3");
    playlist_free(&p);

    /* a namespace prefix, other white space, an absolute path written as a URI reference */
    static const char prefixed[] =
        "\xEF\xBB\xBF<x:playlist xmlns:x='http://xspf.org/ns/0/'><x:trackList>"
        "<x:track><x:location>/srv/m%C3%BCsic/a.ogg</x:location></x:track>"
        "<x:track >\r\n<x:location\t>file://localhost/b.ogg</x:location ></x:track>"
        "</x:trackList></x:playlist>";
    READ(playlist_parse_xspf(&p, prefixed, sizeof prefixed - 1, "/music"), 2, 0, 0, 0);
    CHECK_EQ_STR(p.paths[0], "/srv/m\xC3\xBCsic/a.ogg");
    CHECK_EQ_STR(p.paths[1], "/b.ogg");
    playlist_free(&p);

    /* character references that name no character */
    static const char refs[] =
        "<trackList><track><location>a&#0;.mp3</location></track>"
        "<track><location>a&#xD800;.mp3</location></track>"
        "<track><location>a&#x110000;.mp3</location></track>"
        "<track><location>a&#x;.mp3</location></track>"
        "<track><location>a&#12a;.mp3</location></track>"
        "<track><location>a&#65;&#x42;&#X43;.mp3</location></track></trackList>";
    READ(playlist_parse_xspf(&p, refs, sizeof refs - 1, "/m"), 1, 0, 5, 0);
    CHECK_EQ_STR(p.paths[0], "/m/aABC.mp3");
    playlist_free(&p);
}

/* Truncated, unbalanced and strange XML: never a crash, what was found is returned. */
static void test_xspf_malformed(void)
{
    playlist_t p = { 0 };
    static const char cut[] = "<playlist><trackList><track><location>file:///a.mp3</location></track>"
                              "<track><location>file:///b";
    READ(playlist_parse_xspf(&p, cut, sizeof cut - 1, "/m"), 1, 0, 1, 0);
    CHECK_EQ_STR(p.paths[0], "/a.mp3");
    playlist_free(&p);

    /* a track never closed still gives its location; a location never closed is bad */
    static const char open[] = "<trackList><track><location>a.ogg</location><track><location>b.ogg"
                               "</track><track><location>c.ogg</location>";
    READ(playlist_parse_xspf(&p, open, sizeof open - 1, "/m"), 2, 0, 1, 0);
    CHECK_EQ_STR(p.paths[0], "/m/a.ogg");
    CHECK_EQ_STR(p.paths[1], "/m/c.ogg");
    playlist_free(&p);

    static const char *const junk[] = {
        "", "<", "<<<>>>", "</", "</>", "<!", "<!--", "<![CDATA[", "<?", "<?xml", "&", "&#",
        "<trackList", "<trackList>", "<trackList><track", "<trackList><track><location",
        "<trackList><track><location>", "<trackList><track><location>a&",
        "<trackList><track><location>a&#x", "<trackList><track><location><![CDATA[x",
        "<trackList><track><location><!-- x", "<trackList><track><location>x</",
        "<trackList><track><location>x</location", "</track></trackList><location>x</location>",
        "<location>outside.mp3</location>", "<track><location>no-list.mp3</location></track>",
        "<trackList><track a=\"unclosed><location>x</location></track></trackList>",
        "<!DOCTYPE playlist [ <!ENTITY x \"<location>\"> ]><trackList><track><location>d.ogg</location>",
    };
    int added = 0;
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
        added += playlist_parse_xspf(&p, junk[i], strlen(junk[i]), "/m").added;
    CHECK_EQ_INT(added, 1);
    CHECK_EQ_STR(p.paths[0], "/m/d.ogg");
    playlist_free(&p);

    /* every prefix of a real playlist: never more than the whole gives, never a crash */
    size_t len = sizeof xspf_vlc - 1;
    int most = 0;
    bool grows = true;
    for (size_t n = 0; n <= len; n++) {
        playlist_read_t r = playlist_parse_xspf(&p, xspf_vlc, n, "/music");
        grows = grows && r.added >= most && r.added <= 6;
        most = r.added;
        playlist_free(&p);
    }
    CHECK(grows);
    CHECK_EQ_INT(most, 6);
}

static void test_any(void)
{
    static const char m3u_text[] = "a.mp3\n";
    static const char pls_text[] = "[playlist]\nFile1=a.mp3\nFile2=b.mp3\n";
    static const char xspf_text[] = "<trackList><track><location>a.mp3</location></track>"
                                    "<track><location>b.mp3</location></track>"
                                    "<track><location>c.mp3</location></track></trackList>";
    playlist_t p = { 0 };
    CHECK_EQ_INT(playlist_parse_any(&p, m3u_text, sizeof m3u_text - 1, "/m", "/x/List.M3U").added, 1);
    CHECK_EQ_INT(playlist_parse_any(&p, m3u_text, sizeof m3u_text - 1, "/m", "list.m3u8").added, 1);
    CHECK_EQ_INT(playlist_parse_any(&p, pls_text, sizeof pls_text - 1, "/m", "radio.PLS").added, 2);
    CHECK_EQ_INT(playlist_parse_any(&p, xspf_text, sizeof xspf_text - 1, "/m", "vlc.Xspf").added, 3);
    CHECK_EQ_INT(playlist_parse_any(&p, m3u_text, sizeof m3u_text - 1, "/m", "notes.txt").added, 0);
    CHECK_EQ_INT(playlist_parse_any(&p, m3u_text, sizeof m3u_text - 1, "/m", ".m3u").added, 0);
    CHECK_EQ_INT(p.count, 7);
    playlist_free(&p);

    CHECK(playlist_is_playlist_name("a.m3u") && playlist_is_playlist_name("A.M3U8"));
    CHECK(playlist_is_playlist_name("a.pls") && playlist_is_playlist_name("/d/b.XSPF"));
    CHECK(!playlist_is_playlist_name("a.mp3") && !playlist_is_playlist_name("pls") &&
          !playlist_is_playlist_name(".xspf") && !playlist_is_playlist_name("a.xspf.txt"));

    static const char *const audio[] = { "a.ogg", "a.oga", "a.opus", "a.mp3", "a.flac", "a.wav", "a.aif",
                                         "a.aiff", "a.m4a", "a.m4b", "a.aac", "a.alac", "a.wma", "a.ape",
                                         "a.wv", "a.mka", "a.caf", "B.M4A", "x y.WV" };
    for (size_t i = 0; i < sizeof audio / sizeof audio[0]; i++)
        CHECK(playlist_is_audio_name(audio[i]));
    static const char *const not_audio[] = { "a.mp4", "a.webm", "a.m3u", "a.txt", "m4a", ".m4a", "a.mp",
                                             "a.caff", "wv" };
    for (size_t i = 0; i < sizeof not_audio / sizeof not_audio[0]; i++)
        CHECK(!playlist_is_audio_name(not_audio[i]));

    CHECK_EQ_INT(playlist_whole_lines("a\nb\nc", 5), 4);
    CHECK_EQ_INT(playlist_whole_lines("a\r\nb", 4), 3);
    CHECK_EQ_INT(playlist_whole_lines("a\rb", 3), 2);
    CHECK_EQ_INT(playlist_whole_lines("abc", 3), 0);
    CHECK_EQ_INT(playlist_whole_lines("a\n", 2), 2);
}

/* A playlist longer than PLAYLIST_MAX: the rest is counted as left out. */
static void test_full(void)
{
    size_t n = PLAYLIST_MAX + 10;
    char *text = malloc(n * 8);
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(text + len, 8, "%06zu\n", i);
    playlist_t p = { 0 };
    READ(playlist_parse_m3u(&p, text, len, "/m"), PLAYLIST_MAX, 0, 0, 10);
    char last[32];
    snprintf(last, sizeof last, "/m/%06d", PLAYLIST_MAX - 1);
    CHECK_EQ_STR(p.paths[PLAYLIST_MAX - 1], last);
    READ(playlist_parse_m3u(&p, "http://x/y\nz\n", 13, "/m"), 0, 1, 0, 1);
    playlist_free(&p);
    free(text);
}

/* A path Safe Base may hand the decoder: absolute, or a Windows path kept to fail by name;
 * never anything a library could take for a URL ("http:...", "smb:..."). */
static bool local(const char *path)
{
    if (path[0] == '/' || (path[0] == '\\' && path[1] == '\\'))
        return true;
    bool letter = (path[0] >= 'a' && path[0] <= 'z') || (path[0] >= 'A' && path[0] <= 'Z');
    return letter && path[1] == ':' && (path[2] == '\\' || path[2] == '/');
}

/* Random bytes and random pieces of playlists through every reader: no crash, counts add up. */
static void test_random(void)
{
    static const char *const pieces[] = { "\n", "\r", "\r\n", "#EXTM3U", "file://", "file:///", "%", "%2",
                                          "%20", "%00", "%zz", "http://", "[playlist]", "File1=", "File",
                                          "=", "<trackList>", "<track>", "</track>", "<location>",
                                          "</location>", "&amp;", "&#", ";", "<![CDATA[", "]]>", "<!--",
                                          "-->", "a", "/", "..", " ", "C:\\", "\xEF\xBB\xBF", "<", ">" };
    unsigned seed = 12345;
    char text[512];
    bool sane = true;
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        while (len < sizeof text - 16) {
            seed = seed * 1103515245u + 12345u;
            if ((seed >> 16) % 9 == 0)
                break;
            if (round % 3 == 0) {
                text[len++] = (char)(seed >> 8);
            } else {
                const char *piece = pieces[(seed >> 8) % (sizeof pieces / sizeof pieces[0])];
                size_t m = strlen(piece);
                memcpy(text + len, piece, m);
                len += m;
            }
        }
        playlist_t p = { 0 };
        playlist_read_t r[3] = { playlist_parse_m3u(&p, text, len, "/m"), playlist_parse_pls(&p, text, len, "/m"),
                                 playlist_parse_xspf(&p, text, len, "/m") };
        sane = sane && r[0].added + r[1].added + r[2].added == p.count;
        for (int i = 0; i < p.count; i++)
            sane = sane && local(p.paths[i]);
        playlist_free(&p);
    }
    CHECK(sane);
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
    test_m3u_file_uris();
    test_m3u_paths();
    test_pls();
    test_xspf();
    test_xspf_malformed();
    test_any();
    test_full();
    test_random();
    test_name_order();
    test_shuffle();
    return check_summary();
}
