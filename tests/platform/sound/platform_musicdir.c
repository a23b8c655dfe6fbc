/* Music sources on disk through musicdir_expand_ex: real .m3u8 (file:// URIs), .pls and .xspf
 * files written here, in a temporary folder, give their tracks in order with what was skipped
 * and clear messages (web addresses only, nothing readable, empty, missing, larger than 8 MB);
 * and the music chooser's scan (musiclib) lists each playlist with the count that plays. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "platform/sound/musicdir.h"
#include "platform/sys/musiclib.h"
#include "platform/sys/paths.h"

static char tmp[1024];   /* the temporary folder; short, so every path made from it fits */

static void put(const char *rel, const char *text)
{
    char path[4096], dir[4096];
    snprintf(path, sizeof path, "%s/%s", tmp, rel);
    paths_dirname(path, dir, sizeof dir);
    paths_mkdirs(dir, 0755, 0755);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static const char *at(const char *rel)
{
    static char path[4][4096];
    static int next;
    next = (next + 1) % 4;
    snprintf(path[next], sizeof path[next], "%s/%s", tmp, rel);
    return path[next];
}

/* Expands tmp/rel into a fresh list; the caller frees it. */
static bool expand(const char *rel, playlist_t *list, musicdir_info_t *info, char *why, size_t whysize)
{
    memset(list, 0, sizeof *list);
    return musicdir_expand_ex(list, at(rel), false, 0, info, why, whysize);
}

static void test_formats(void)
{
    put("Music/My Band/01 Caf\xC3\xA9.ogg", "");
    put("Music/My Band/02 Two.flac", "");
    put("Music/other.mp3", "");
    char text[8192];
    /* as VLC writes an .m3u8: file:// URIs, percent-encoded */
    snprintf(text, sizeof text,
             "#EXTM3U\r\n#EXTINF:10,One\r\nfile://%s/Music/My%%20Band/01%%20Caf%%C3%%A9.ogg\r\n"
             "#EXTINF:-1,Radio\r\nhttp://radio.example/stream\r\n../Music/other.mp3\r\n", tmp);
    put("Lists/vlc.m3u8", text);
    playlist_t list;
    musicdir_info_t info;
    char why[512];
    CHECK(expand("Lists/vlc.m3u8", &list, &info, why, sizeof why));
    CHECK_EQ_INT(list.count, 2);
    CHECK_EQ_INT(info.read.added, 2);
    CHECK_EQ_INT(info.read.urls, 1);
    CHECK(!info.cut);
    CHECK_EQ_STR(list.paths[0], at("Music/My Band/01 Caf\xC3\xA9.ogg"));
    CHECK_EQ_STR(list.paths[1], at("Lists/../Music/other.mp3"));
    CHECK_EQ_STR(why, "1 web address in it was skipped (Safe Base never fetches anything)");
    playlist_free(&list);

    /* the old call says nothing when the playlist plays */
    memset(&list, 0, sizeof list);
    CHECK(musicdir_expand(&list, at("Lists/vlc.m3u8"), false, 0, why, sizeof why));
    CHECK_EQ_STR(why, "");
    CHECK_EQ_INT(list.count, 2);
    playlist_free(&list);

    /* .pls: in the order of N */
    snprintf(text, sizeof text,
             "[playlist]\nFile3=http://a/1\nFile2=My Band/02 Two.flac\nFile1=file://localhost%s/Music/other.mp3\n"
             "File4=file:///x%%zz.mp3\nFile5=https://b/2\nNumberOfEntries=5\nVersion=2\n", tmp);
    put("Music/radio.PLS", text);
    CHECK(expand("Music/radio.PLS", &list, &info, why, sizeof why));
    CHECK_EQ_INT(list.count, 2);
    CHECK_EQ_STR(list.paths[0], at("Music/other.mp3"));
    CHECK_EQ_STR(list.paths[1], at("Music/My Band/02 Two.flac"));
    CHECK_EQ_INT(info.read.urls, 2);
    CHECK_EQ_INT(info.read.bad, 1);
    CHECK_EQ_STR(why, "2 web addresses in it were skipped (Safe Base never fetches anything); "
                      "1 entry in it could not be read as a file name");
    playlist_free(&list);

    /* .xspf: relative URI references decoded, XML references, an absolute file:// URI */
    snprintf(text, sizeof text,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<playlist xmlns=\"http://xspf.org/ns/0/\" version=\"1\">\n <trackList>\n"
             "  <track><location>My%%20Band/02%%20Two.flac</location><title>Two</title></track>\n"
             "  <track><location>file://%s/Music/My%%20Band/01%%20Caf&#xE9;.ogg</location></track>\n"
             "  <track><location>other.mp3</location></track>\n"
             " </trackList>\n</playlist>\n", tmp);
    put("Music/vlc.xspf", text);
    CHECK(expand("Music/vlc.xspf", &list, &info, why, sizeof why));
    CHECK_EQ_INT(list.count, 3);
    CHECK_EQ_STR(list.paths[0], at("Music/My Band/02 Two.flac"));
    CHECK_EQ_STR(list.paths[1], at("Music/My Band/01 Caf\xC3\xA9.ogg"));
    CHECK_EQ_STR(list.paths[2], at("Music/other.mp3"));
    CHECK_EQ_STR(why, "");
    playlist_free(&list);
}

static void test_messages(void)
{
    playlist_t list;
    musicdir_info_t info;
    char why[512];
    put("Lists/urls.m3u", "#EXTM3U\nhttp://example.com/a.mp3\nhttps://example.com/b.ogg\nmms://x/y\n");
    CHECK(!expand("Lists/urls.m3u", &list, &info, why, sizeof why));
    CHECK_EQ_STR(why, "the playlist lists no files, only web addresses (3), which Safe Base never fetches");
    CHECK_EQ_INT(info.read.urls, 3);
    CHECK_EQ_INT(list.count, 0);
    playlist_free(&list);

    put("Lists/mixed.xspf", "<trackList><track><location>http://a/b</location></track>"
                            "<track><location>file:///x%zz</location></track></trackList>");
    CHECK(!expand("Lists/mixed.xspf", &list, &info, why, sizeof why));
    CHECK_EQ_STR(why, "the playlist lists no files, only web addresses (1), which Safe Base never fetches, "
                      "and 1 entry that cannot be read as a file name");
    playlist_free(&list);

    put("Lists/bad.pls", "[playlist]\nFile1=file://nas/share/a.mp3\nFile=b.mp3\n");
    CHECK(!expand("Lists/bad.pls", &list, &info, why, sizeof why));
    CHECK_EQ_STR(why, "the playlist lists no files: 2 entries in it cannot be read as file names");
    playlist_free(&list);

    put("Lists/empty.m3u8", "#EXTM3U\n");
    CHECK(!expand("Lists/empty.m3u8", &list, &info, why, sizeof why));
    CHECK_EQ_STR(why, "the playlist lists no files");
    playlist_free(&list);

    put("Lists/notxml.xspf", "this is not XML");
    CHECK(!expand("Lists/notxml.xspf", &list, &info, why, sizeof why));
    CHECK_EQ_STR(why, "the playlist lists no files");
    playlist_free(&list);

    CHECK(!expand("Lists/gone.pls", &list, &info, why, sizeof why));
    CHECK_EQ_STR(why, "there is no such file or folder");
    playlist_free(&list);

    if (geteuid() != 0) { /* root reads any file */
        put("Lists/locked.m3u", "a.ogg\n");
        chmod(at("Lists/locked.m3u"), 0);
        CHECK(!expand("Lists/locked.m3u", &list, &info, why, sizeof why));
        CHECK_EQ_STR(why, "cannot read the playlist: Permission denied");
        playlist_free(&list);
    }

    /* a plain file and a folder say how many they added */
    CHECK(expand("Music/other.mp3", &list, &info, why, sizeof why));
    CHECK_EQ_INT(info.read.added, 1);
    CHECK_EQ_STR(why, "");
    playlist_free(&list);
    CHECK(expand("Music/My Band", &list, &info, why, sizeof why));
    CHECK_EQ_INT(info.read.added, 2);
    CHECK_EQ_INT(list.count, 2);
    playlist_free(&list);
    CHECK(expand("Music/other.mp3", &list, NULL, why, sizeof why)); /* info is optional */
    playlist_free(&list);
}

/* A playlist larger than 8 MB: the first 8 MB of whole lines are read, and it says so. */
static void test_large(void)
{
    FILE *f = fopen(at("Lists/huge.m3u"), "w");
    CHECK(f != NULL);
    if (!f)
        return;
    long written = 0;
    for (int i = 0; written <= PLAYLIST_FILE_MAX + 1000; i++) {
        int n = fprintf(f, "#EXTINF:1,A long title for entry %d to make the file big quickly\n"
                           "Music/some/long/folder/name/entry-%06d.ogg\n", i, i);
        written += n > 0 ? n : 1;
    }
    fclose(f);
    playlist_t list;
    musicdir_info_t info;
    char why[512];
    CHECK(expand("Lists/huge.m3u", &list, &info, why, sizeof why));
    CHECK(info.cut);
    CHECK(list.count > 50000 && list.count < PLAYLIST_MAX); /* 8 MB of entries, all kept */
    CHECK_EQ_INT(info.read.full, 0);
    CHECK_EQ_INT(info.read.bad, 0); /* the cut line is not read as a whole entry */
    CHECK_EQ_STR(why, "the playlist is larger than 8 MB: only its first 8 MB was read");
    playlist_free(&list);

    /* cut, and nothing to play in its first 8 MB */
    f = fopen(at("Lists/huge-urls.m3u"), "w");
    CHECK(f != NULL);
    if (!f)
        return;
    for (long n = 0; n <= PLAYLIST_FILE_MAX;)
        n += fprintf(f, "http://example.com/a-stream-with-a-long-name.mp3\n");
    fclose(f);
    CHECK(!expand("Lists/huge-urls.m3u", &list, &info, why, sizeof why));
    CHECK(info.cut);
    char want[256];
    snprintf(want, sizeof want, "the playlist lists no files, only web addresses (%d), which Safe Base never "
             "fetches; it is larger than 8 MB and only its first 8 MB was read", info.read.urls);
    CHECK_EQ_STR(why, want);
    playlist_free(&list);
    unlink(at("Lists/huge.m3u"));
    unlink(at("Lists/huge-urls.m3u"));
}

/* The chooser lists .m3u8, .pls and .xspf files with the number of tracks that play. */
static void test_chooser(void)
{
    char why[512];
    musiclib_t *m = musiclib_start(at("Music"), why, sizeof why);
    CHECK(m != NULL);
    for (int i = 0; m && i < 20000 && !musiclib_done(m, why, sizeof why); i++)
        SDL_Delay(1);
    CHECK(m && musiclib_done(m, why, sizeof why));
    static const struct {
        const char *name;
        bool playlist;
        int tracks;
    } want[] = {
        { "Music", false, 1 }, { "My Band", false, 2 }, { "radio.PLS", true, 2 }, { "vlc.xspf", true, 3 },
    };
    int n = (int)(sizeof want / sizeof want[0]);
    CHECK_EQ_INT(m ? musiclib_count(m) : -1, n);
    for (int i = 0; m && i < n && i < musiclib_count(m); i++) {
        musiclib_entry_t e;
        CHECK(musiclib_get(m, i, &e));
        CHECK_EQ_STR(e.name, want[i].name);
        CHECK_EQ_INT(e.playlist, want[i].playlist);
        CHECK_EQ_INT(e.tracks, want[i].tracks);
    }
    musiclib_stop(m);
}

int main(void)
{
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    snprintf(tmp, sizeof tmp, "%s/safebase-musicdir-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    test_formats();
    test_messages();
    test_large();
    test_chooser();
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmp);
    SDL_Quit();
    return check_summary();
}
