/* Parses the command line with getopt_long into options_t. Never prints or exits: main()
 * decides. No SDL here. */
#include "platform/options.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_START = 256, OPT_EXIT_AT_END, OPT_LOG, OPT_WINDOW, OPT_CHECK, OPT_LIST, OPT_VERSION,
       OPT_FONT, OPT_TIMING };

const char *options_usage(void)
{
    return "Usage: safebase [OPTION]...\n"
           "       safebase --check FILE...\n"
           "A calm full-screen timer, music player and log for attachment-based movement and\n"
           "play sessions.\n\n"
           "  -p, --plan NAME|FILE   open this plan (a built-in id like special-playtime, a\n"
           "                         title, or a plan file) on its ready screen\n"
           "      --start            start the session at once (needs --plan)\n"
           "      --exit-at-end      quit when the session ends (for scripts)\n"
           "  -m, --music PATH       play this music: a file, a folder or an .m3u playlist\n"
           "                         (repeatable); replaces the plan's music\n"
           "      --log FILE         append sessions to FILE (default\n"
           "                         $XDG_DATA_HOME/safebase/sessions.csv)\n"
           "      --window[=WxH]     run in a window instead of full screen\n"
           "      --font FILE        use this TTF/OTF font instead of DejaVu Sans\n"
           "      --timing           print start-up times to standard error\n"
           "      --check FILE...    check plan files, print every mistake, exit 0 if all valid\n"
           "      --list             list all plans with their length and audience\n"
           "      --version          print the version\n"
           "  -h, --help             show this help\n\n"
           "Keys in a session: Space pause, Right/PageDown next, Left/PageUp back, Up +1 min,\n"
           "R reconnect, L look-back, Esc twice end, F1 or ? help.\n";
}

static bool parse_window(const char *arg, options_t *o, char *err, size_t errsize)
{
    o->windowed = true;
    if (!arg)
        return true;
    int w = 0, h = 0;
    char tail = 0;
    if (sscanf(arg, "%dx%d%c", &w, &h, &tail) != 2 || w < 160 || h < 120 || w > 16384 || h > 16384) {
        snprintf(err, errsize, "--window: bad size \"%s\" (expected WxH, e.g. 1280x720)", arg);
        return false;
    }
    o->window_w = w;
    o->window_h = h;
    return true;
}

static bool take(int c, const char *arg, options_t *o, char *err, size_t errsize)
{
    switch (c) {
    case 'p': o->plan = arg; return true;
    case 'm':
        if (o->nmusic >= OPTIONS_MAX_MUSIC) {
            snprintf(err, errsize, "--music: at most %d sources", OPTIONS_MAX_MUSIC);
            return false;
        }
        o->music[o->nmusic++] = arg;
        return true;
    case 'h': o->mode = MODE_HELP; return true;
    case OPT_START: o->start = true; return true;
    case OPT_EXIT_AT_END: o->exit_at_end = true; return true;
    case OPT_LOG: o->log = arg; return true;
    case OPT_WINDOW: return parse_window(arg, o, err, errsize);
    case OPT_CHECK: o->mode = MODE_CHECK; return true;
    case OPT_LIST: o->mode = MODE_LIST; return true;
    case OPT_VERSION: o->mode = MODE_VERSION; return true;
    case OPT_FONT: o->font = arg; return true;
    case OPT_TIMING: o->timing = true; return true;
    default: return false;
    }
}

static bool non_empty(const char *name, const char *value, char *err, size_t errsize)
{
    if (value && !*value) {
        snprintf(err, errsize, "%s: empty value", name);
        return false;
    }
    return true;
}

bool options_parse(int argc, char **argv, options_t *o, char *err, size_t errsize)
{
    static const struct option longs[] = {
        { "plan", required_argument, NULL, 'p' },     { "music", required_argument, NULL, 'm' },
        { "help", no_argument, NULL, 'h' },           { "start", no_argument, NULL, OPT_START },
        { "exit-at-end", no_argument, NULL, OPT_EXIT_AT_END },
        { "log", required_argument, NULL, OPT_LOG },  { "window", optional_argument, NULL, OPT_WINDOW },
        { "check", no_argument, NULL, OPT_CHECK },    { "list", no_argument, NULL, OPT_LIST },
        { "version", no_argument, NULL, OPT_VERSION }, { "font", required_argument, NULL, OPT_FONT },
        { "timing", no_argument, NULL, OPT_TIMING },  { NULL, 0, NULL, 0 },
    };
    memset(o, 0, sizeof *o);
    opterr = 0;
    optind = 1;
    int c, index = 0;
    while ((c = getopt_long(argc, argv, ":p:m:h", longs, &index)) != -1) {
        if (c == '?') {
            snprintf(err, errsize, "unknown option \"%s\" (see --help)", argv[optind - 1]);
            return false;
        }
        if (c == ':') {
            snprintf(err, errsize, "option \"%s\" needs a value (see --help)", argv[optind - 1]);
            return false;
        }
        if (!non_empty(argv[optind - 1], optarg, err, errsize) || !take(c, optarg, o, err, errsize))
            return false;
    }
    o->files = argv + optind;
    o->nfiles = argc - optind;
    if (o->mode == MODE_CHECK && o->nfiles == 0) {
        snprintf(err, errsize, "--check needs at least one plan file");
        return false;
    }
    if (o->mode != MODE_CHECK && o->nfiles > 0) {
        snprintf(err, errsize, "unexpected argument \"%s\" (see --help)", o->files[0]);
        return false;
    }
    if (o->start && !o->plan && o->mode == MODE_RUN) {
        snprintf(err, errsize, "--start needs --plan");
        return false;
    }
    return true;
}
