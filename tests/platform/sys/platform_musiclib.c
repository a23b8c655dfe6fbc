/* The music folder as the choose-the-music screen sees it: a temporary tree (nested, hidden and
 * too-deep folders, a symlink loop, playlists, files that are not music) listed in order with
 * counts; a missing folder; 10,000 files scanned while the main thread's calls stay short; a stop
 * mid-scan; the 2000-entry cap; and paths_music_dir reading user-dirs.dirs. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "platform/sys/musiclib.h"
#include "platform/sys/paths.h"

static char tmp[1024];   /* the temporary folder; short, so every path made from it fits */

static void put(const char *rel, const char *text)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", tmp, rel);
    char dir[4096];
    paths_dirname(path, dir, sizeof dir);
    paths_mkdirs(dir, 0755, 0755);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void link_to(const char *target, const char *rel)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", tmp, rel);
    CHECK(symlink(target, path) == 0);
}

static double ms_since(Uint64 t0)
{
    return (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

/* Starts a scan of tmp/rel and waits for its end (at most 20 s). */
static musiclib_t *scan(const char *rel, char *why, size_t whysize)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", tmp, rel);
    musiclib_t *m = musiclib_start(dir, why, whysize);
    CHECK(m != NULL);
    for (int i = 0; m && i < 20000 && !musiclib_done(m, why, whysize); i++)
        SDL_Delay(1);
    CHECK(m && musiclib_done(m, why, whysize));
    return m;
}

static void test_tree(void)
{
    put("Music/a.ogg", "");
    put("Music/b.MP3", "");
    put("Music/notes.txt", "");
    put("Music/cover.jpg", "");
    put("Music/fake.ogg/readme.txt", "");       /* a folder named like music is no track */
    put("Music/apple/x.opus", "");
    put("Music/Banana/y.oga", "");
    put("Music/Banana/.z.ogg", "");             /* hidden: not counted */
    put("Music/Kids/Dance/1.ogg", "");
    put("Music/Kids/Dance/2.flac", "");
    put("Music/Kids/Dance/10.wav", "");
    put("Music/Kids/calm.m3u", "#EXTM3U\n#EXTINF:3,One\nDance/1.ogg\n\n   \r\nDance/2.flac\r\n");
    put("Music/Kids/empty.m3u", "#EXTM3U\n\n");  /* nothing to play: left out */
    put("Music/Mixes.M3U8", "a.ogg\nhttp://example.org/x.ogg\nb.MP3\n");
    put("Music/.hidden/h.ogg", "");
    put("Music/.hidden.m3u", "a.ogg\n");
    put("Music/Loop/z.ogg", "");
    link_to("..", "Music/Loop/back");           /* a loop back to the top */
    link_to("Kids", "Music/Link");              /* a second way into Kids: listed once */
    link_to("../Outside", "Music/Out");         /* a folder elsewhere, through a symlink */
    put("Outside/o.wav", "");
    put("Music/deep/1/2/3/d3.ogg", "");
    put("Music/deep/1/2/3/p.m3u", "d3.ogg\n");
    put("Music/deep/1/2/3/4/d4.ogg", "");       /* one level too deep */
    put("Music/deep/1/2/3/4/q.m3u", "d4.ogg\n");
    put("Music/Zed/z.aiff", "");

    static const struct {
        const char *name, *path;
        bool playlist;
        int tracks;
    } want[] = {
        { "apple", "Music/apple", false, 1 },
        { "Banana", "Music/Banana", false, 1 },
        { "calm.m3u", "Music/Kids/calm.m3u", true, 2 },
        { "deep/1/2/3", "Music/deep/1/2/3", false, 1 },
        { "Kids/Dance", "Music/Kids/Dance", false, 3 },
        { "Loop", "Music/Loop", false, 1 },
        { "Mixes.M3U8", "Music/Mixes.M3U8", true, 2 },
        { "Music", "Music", false, 2 },
        { "Out", "Music/Out", false, 1 },
        { "p.m3u", "Music/deep/1/2/3/p.m3u", true, 1 },
        { "Zed", "Music/Zed", false, 1 },
    };
    int n = (int)(sizeof want / sizeof want[0]);
    char why[512];
    musiclib_t *m = scan("Music/", why, sizeof why);
    if (!m)
        return;
    CHECK_EQ_STR(why, "");
    CHECK_EQ_INT(musiclib_count(m), n);
    for (int i = 0; i < n && i < musiclib_count(m); i++) {
        musiclib_entry_t e;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", tmp, want[i].path);
        CHECK(musiclib_get(m, i, &e));
        CHECK_EQ_STR(e.name, want[i].name);
        CHECK_EQ_STR(e.path, path);
        CHECK_EQ_INT(e.playlist, want[i].playlist);
        CHECK_EQ_INT(e.tracks, want[i].tracks);
    }
    musiclib_entry_t e;
    CHECK(!musiclib_get(m, n, &e));
    CHECK(!musiclib_get(m, -1, &e));
    unsigned v = musiclib_version(m);
    CHECK(v >= (unsigned)n + 1);
    SDL_Delay(5);
    CHECK_EQ_INT(musiclib_version(m), v); /* nothing changes once done */
    musiclib_stop(m);
}

static void test_missing(void)
{
    char why[512], want[4200];
    const char *home = getenv("HOME");
    char *saved = home ? strdup(home) : NULL;
    setenv("HOME", tmp, 1);
    musiclib_t *m = scan("nothing", why, sizeof why);
    CHECK_EQ_STR(why, "no music folder at ~/nothing");
    CHECK_EQ_INT(m ? musiclib_count(m) : -1, 0);
    musiclib_stop(m);
    if (saved)
        setenv("HOME", saved, 1);
    else
        unsetenv("HOME");
    free(saved);

    put("plain.ogg", "");
    m = scan("plain.ogg", why, sizeof why);
    snprintf(want, sizeof want, "%s/plain.ogg is not a folder", tmp);
    CHECK_EQ_STR(why, want);
    musiclib_stop(m);

    put("Quiet/readme.txt", "");
    m = scan("Quiet", why, sizeof why);
    snprintf(want, sizeof want, "no music files or playlists in %s/Quiet", tmp);
    CHECK_EQ_STR(why, want);
    musiclib_stop(m);

    if (geteuid() != 0) { /* root reads any folder */
        put("Locked/a.ogg", "");
        snprintf(want, sizeof want, "%s/Locked", tmp);
        chmod(want, 0);
        m = scan("Locked", why, sizeof why);
        snprintf(want, sizeof want, "cannot read %s/Locked: Permission denied", tmp);
        CHECK_EQ_STR(why, want);
        musiclib_stop(m);
        snprintf(want, sizeof want, "%s/Locked", tmp);
        chmod(want, 0755);
    }
}

static void make_big(void)
{
    for (int d = 0; d < 20; d++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/Big/s%02d", tmp, d);
        CHECK(paths_mkdirs(dir, 0755, 0755));
        for (int i = 0; i < 500; i++) {
            char path[4200];
            snprintf(path, sizeof path, "%s/%d.ogg", dir, d * 500 + i);
            FILE *f = fopen(path, "w");
            if (f)
                fclose(f);
        }
    }
}

/* The main thread polls as a screen would (harder: without waiting a frame between calls). */
static void test_big(void)
{
    char dir[4096], why[512];
    snprintf(dir, sizeof dir, "%s/Big", tmp);
    Uint64 start = SDL_GetPerformanceCounter();
    musiclib_t *m = musiclib_start(dir, why, sizeof why);
    CHECK(m != NULL);
    if (!m)
        return;
    double worst = 0.0;
    long calls = 0;
    bool done = false;
    while (!done && ms_since(start) < 60000.0) {
        musiclib_entry_t e;
        Uint64 t0 = SDL_GetPerformanceCounter();
        unsigned v = musiclib_version(m);
        int n = musiclib_count(m);
        if (n > 0) {
            musiclib_get(m, 0, &e);
            musiclib_get(m, n - 1, &e);
            musiclib_get(m, (int)(v % (unsigned)n), &e);
        }
        done = musiclib_done(m, why, sizeof why);
        double took = ms_since(t0);
        worst = took > worst ? took : worst;
        calls++;
    }
    printf("10,000 files: scanned in %.1f ms; longest main-thread poll %.3f ms over %ld polls\n",
           ms_since(start), worst, calls);
    CHECK(done);
    CHECK(worst < 20.0);
    CHECK_EQ_STR(why, "");
    CHECK_EQ_INT(musiclib_count(m), 20);
    for (int i = 0; i < musiclib_count(m); i++) {
        musiclib_entry_t e;
        char name[16];
        snprintf(name, sizeof name, "s%02d", i);
        CHECK(musiclib_get(m, i, &e));
        CHECK_EQ_STR(e.name, name);
        CHECK_EQ_INT(e.tracks, 500);
    }
    musiclib_stop(m);

    /* stopped at once, and after the first entries: both return promptly, nothing leaks */
    for (int wait = 0; wait < 2; wait++) {
        m = musiclib_start(dir, why, sizeof why);
        CHECK(m != NULL);
        while (m && wait && musiclib_count(m) == 0 && !musiclib_done(m, NULL, 0))
            SDL_Delay(0);
        int seen = m ? musiclib_count(m) : 0;
        Uint64 t0 = SDL_GetPerformanceCounter();
        musiclib_stop(m);
        double took = ms_since(t0);
        printf("stop with %d entries found: %.2f ms\n", seen, took);
        CHECK(took < 1000.0);
    }
}

static void test_cap(void)
{
    for (int i = 0; i < MUSICLIB_MAX + 5; i++) {
        char rel[64];
        snprintf(rel, sizeof rel, "Many/f%04d/a.ogg", i);
        put(rel, "");
    }
    char why[512];
    musiclib_t *m = scan("Many", why, sizeof why);
    CHECK_EQ_STR(why, "showing the first 2000");
    CHECK_EQ_INT(m ? musiclib_count(m) : -1, MUSICLIB_MAX);
    musiclib_entry_t e;
    CHECK(m && musiclib_get(m, MUSICLIB_MAX - 1, &e));
    CHECK_EQ_STR(e.name, "f1999");
    musiclib_stop(m);
}

static const char *music_dir(void)
{
    static char buf[4096];
    return paths_music_dir(buf, sizeof buf) ? buf : "(false)";
}

static void test_paths(void)
{
    char home[4096], cfg[4096], want[4200];
    snprintf(home, sizeof home, "%s/home", tmp);
    snprintf(cfg, sizeof cfg, "%s/cfg", tmp);
    setenv("HOME", home, 1);
    setenv("XDG_CONFIG_HOME", cfg, 1);
    unsetenv("XDG_MUSIC_DIR");

    snprintf(want, sizeof want, "%s/Music", home);
    CHECK_EQ_STR(music_dir(), want); /* no user-dirs.dirs */

    put("cfg/user-dirs.dirs", "# This file is written by xdg-user-dirs-update\n"
                              "XDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
                              "XDG_MUSIC_DIR=\"$HOME/Musik\"\n"
                              "XDG_VIDEOS_DIR=\"$HOME/Videos\"\n");
    snprintf(want, sizeof want, "%s/Musik", home);
    CHECK_EQ_STR(music_dir(), want);

    put("cfg/user-dirs.dirs", "  XDG_MUSIC_DIR=\"/srv/music/\"\n");
    CHECK_EQ_STR(music_dir(), "/srv/music");

    put("cfg/user-dirs.dirs", "XDG_MUSIC_DIR=\"$HOME/My \\\"Best\\\" \\$ongs\"\n");
    snprintf(want, sizeof want, "%s/My \"Best\" $ongs", home);
    CHECK_EQ_STR(music_dir(), want);

    snprintf(want, sizeof want, "%s/Music", home);
    put("cfg/user-dirs.dirs", "XDG_MUSIC_DIR=\"$HOME/\"\n");
    CHECK_EQ_STR(music_dir(), want);
    put("cfg/user-dirs.dirs", "XDG_MUSIC_DIR=\"/srv/music\"\nXDG_MUSIC_DIR=\"$HOME\"\n");
    CHECK_EQ_STR(music_dir(), want); /* the last line wins, and it says there is none */
    put("cfg/user-dirs.dirs", "XDG_MUSIC_DIR=\"Music\"\n");
    CHECK_EQ_STR(music_dir(), want); /* relative: not allowed */
    put("cfg/user-dirs.dirs", "#XDG_MUSIC_DIR=\"/srv/music\"\n");
    CHECK_EQ_STR(music_dir(), want);

    unsetenv("XDG_CONFIG_HOME");
    put("home/.config/user-dirs.dirs", "XDG_MUSIC_DIR=\"$HOME/Songs\"\n");
    snprintf(want, sizeof want, "%s/Songs", home);
    CHECK_EQ_STR(music_dir(), want);

    setenv("XDG_MUSIC_DIR", "/env/music", 1);
    CHECK_EQ_STR(music_dir(), "/env/music");
    unsetenv("XDG_MUSIC_DIR");

    unsetenv("HOME");
    CHECK_EQ_STR(music_dir(), "(false)");
}

int main(void)
{
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    snprintf(tmp, sizeof tmp, "%s/safebase-musiclib-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    test_tree();
    test_missing();
    make_big();
    test_big();
    test_cap();
    test_paths();
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmp);
    SDL_Quit();
    return check_summary();
}
