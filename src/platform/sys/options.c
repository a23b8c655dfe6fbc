/* Parses the command line with getopt_long into options_t, and writes --help. Never prints
 * anything else, never exits: main() decides. No SDL here. */
#include "platform/sys/options.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"

enum { OPT_START = 256, OPT_EXIT_AT_END, OPT_LOG, OPT_WINDOW, OPT_CHECK, OPT_LIST, OPT_VERSION,
       OPT_FONT, OPT_TIMING, OPT_CONFIG, OPT_DISPLAY, OPT_PRESENTER, OPT_THEME, OPT_REDUCED_MOTION,
       OPT_CHILD_VIEW, OPT_HIDE_TIME, OPT_SHUFFLE, OPT_NO_CAPTIONS, OPT_VOLUME, OPT_LOUDNESS,
       OPT_CLIENT, OPT_HISTORY, OPT_SINCE, OPT_UNTIL, OPT_CSV, OPT_REPORT, OPT_LOG_DIR };

void options_usage(FILE *out)
{
    /* TRANSLATORS: --help, in parts. Option names (--plan), their arguments in capitals (NAME,
       FILE, WxH, PERCENT, LUFS, DATE, DIR) and the values people type (calm, contrast,
       special-playtime) stay in English; keep the options' column and lines under 80
       characters. */
    fputs(_("Usage: safebase [OPTION]... [FILE.plan]\n"
            "       safebase --check FILE...\n"
            "A calm full-screen timer, music player and log for attachment-based movement and\n"
            "play sessions.\n\n"), out);
    /* TRANSLATORS: --help, the options without a heading (see "Usage: ...") */
    fputs(_("  -p, --plan NAME|FILE   open this plan (a built-in id like special-playtime, a\n"
            "                         title, or a plan file) on its ready screen\n"
            "  FILE.plan              open this plan file on its ready screen (a file someone\n"
            "                         sent; it is not added to your plans)\n"
            "      --start            start the session at once (needs --plan or FILE.plan)\n"
            "      --exit-at-end      quit when the session ends (for scripts)\n"
            "  -m, --music PATH       play this music: a file, a folder or a playlist (.m3u, .pls, .xspf)\n"
            "                         (repeatable); replaces the plan's music\n"
            "      --log FILE         append sessions to FILE (default\n"
            "                         $XDG_DATA_HOME/safebase/sessions.csv)\n"
            "      --window[=WxH]     run in a window instead of full screen\n"
            "      --font FILE        use this TTF/OTF font instead of DejaVu Sans\n"
            "      --timing           print start-up times to standard error\n"
            "      --config FILE      read settings from FILE instead of\n"
            "                         $XDG_CONFIG_HOME/safebase/safebase.ini\n"), out);
    /* TRANSLATORS: --help, the screen's options (see "Usage: ...") */
    fputs(_("\nScreen:\n"
            "      --display N        use monitor N (0 is the first)\n"
            "      --presenter        child view full screen, adult view in a window on\n"
            "                         another monitor\n"
            "      --theme NAME       calm (default) or contrast (high contrast)\n"
            "      --reduced-motion   move the disk once a second, no animation\n"
            "      --child-view       show only the disk and the colour, no words\n"
            "      --hide-time        do not show the minutes and seconds left\n"), out);
    /* TRANSLATORS: --help, the sound's options (see "Usage: ...") */
    fputs(_("\nSound:\n"
            "      --shuffle          shuffle the music of a folder\n"
            "      --no-captions      do not show cues as text on screen\n"
            "      --volume PERCENT   master volume cap, 0 to 100 (default 100)\n"
            "      --loudness-target LUFS  play music at this loudness (default -23)\n"), out);
    /* TRANSLATORS: --help, the log's options (see "Usage: ...") */
    fputs(_("\nLog and history:\n"
            "      --client NAME      label this session with a pseudonymous client name\n"
            "      --history          print sessions, minutes and days this week; with\n"
            "                         --since DATE, --until DATE (YYYY-MM-DD), --client NAME,\n"
            "                         --plan NAME to choose, and --csv for the rows as CSV\n"
            "      --report           print a printable HTML page of the sessions (one client\n"
            "                         with --client NAME; --since, --until, --plan choose)\n"
            "      --log-dir DIR      a folder shared between devices (a sync tool's): this\n"
            "                         device writes its own file in it and reads every one\n"), out);
    /* TRANSLATORS: --help, the other options (see "Usage: ...") */
    fputs(_("\nOther:\n"
            "      --check FILE...    check plan files, print every mistake, exit 0 if all valid\n"
            "      --list             list all plans with their length and audience\n"
            "      --version          print the version\n"
            "  -h, --help             show this help\n\n"), out);
    /* TRANSLATORS: --help, the keys (see "Usage: "); the keys' names stay as on the keyboard
       (Space, Right, PageDown, Left, PageUp, Up, R, L, Esc, F1, ?): the keys do not change */
    fputs(_("Keys in a session: Space pause, Right/PageDown next, Left/PageUp back, Up +1 min,\n"
            "R reconnect, L look-back, Esc twice end, F1 or ? help.\n"), out);
}

static bool parse_window(const char *arg, options_t *o, char *err, size_t errsize)
{
    o->windowed = true;
    if (!arg)
        return true;
    char *x = NULL, *end = NULL; /* strtol, not sscanf: "99999999999x1" must not overflow */
    long w = strtol(arg, &x, 10), h = *x == 'x' ? strtol(x + 1, &end, 10) : 0;
    if (x == arg || *x != 'x' || end == x + 1 || *end || w < 160 || h < 120 || w > 16384 ||
        h > 16384) {
        /* TRANSLATORS: said after "safebase: "; --window and WxH stay as they are */
        snprintf(err, errsize, _("--window: bad size \"%s\" (expected WxH, e.g. 1280x720)"), arg);
        return false;
    }
    o->window_w = (int)w;
    o->window_h = (int)h;
    return true;
}

static bool parse_int(const char *name, const char *arg, int lo, int hi, int *out, char *err,
                      size_t errsize)
{
    char *end = NULL;
    long v = strtol(arg, &end, 10);
    if (!*arg || *end || v < lo || v > hi) {
        /* TRANSLATORS: said after "safebase: ": the first %s is an option (--volume), the second
           the value given */
        snprintf(err, errsize, _("%s: \"%s\" is not a whole number from %d to %d"), name, arg, lo, hi);
        return false;
    }
    *out = (int)v;
    return true;
}

static bool parse_lufs(const char *arg, options_t *o, char *err, size_t errsize)
{
    char *end = NULL;
    double v = strtod(arg, &end);
    if (!*arg || *end || !(v >= -40.0 && v <= -10.0)) {
        snprintf(err, errsize, _("--loudness-target: \"%s\" is not a loudness from -40 to -10 LUFS"), arg);
        return false;
    }
    o->loudness_target = v;
    return true;
}

static bool take(int c, const char *arg, options_t *o, char *err, size_t errsize)
{
    switch (c) {
    case 'p': o->plan = arg; return true;
    case 'm':
        if (o->nmusic >= OPTIONS_MAX_MUSIC) {
            snprintf(err, errsize, _("--music: at most %d sources"), OPTIONS_MAX_MUSIC);
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
    case OPT_CONFIG: o->config = arg; return true;
    case OPT_DISPLAY: return parse_int("--display", arg, 0, 63, &o->display, err, errsize);
    case OPT_PRESENTER: o->presenter = true; return true;
    case OPT_THEME:
        if (strcmp(arg, "calm") != 0 && strcmp(arg, "contrast") != 0) {
            /* TRANSLATORS: calm and contrast are the values to type: keep them */
            snprintf(err, errsize, _("--theme: unknown theme \"%s\" (calm or contrast)"), arg);
            return false;
        }
        o->theme = arg;
        return true;
    case OPT_REDUCED_MOTION: o->reduced_motion = true; return true;
    case OPT_CHILD_VIEW: o->child_view = true; return true;
    case OPT_HIDE_TIME: o->hide_time = true; return true;
    case OPT_SHUFFLE: o->shuffle = true; return true;
    case OPT_NO_CAPTIONS: o->no_captions = true; return true;
    case OPT_VOLUME: return parse_int("--volume", arg, 0, 100, &o->volume_percent, err, errsize);
    case OPT_LOUDNESS: return parse_lufs(arg, o, err, errsize);
    case OPT_CLIENT: o->client = arg; return true;
    case OPT_HISTORY: o->mode = MODE_HISTORY; return true;
    case OPT_SINCE: o->since = arg; return true;
    case OPT_UNTIL: o->until = arg; return true;
    case OPT_CSV: o->csv = true; return true;
    case OPT_REPORT: o->mode = MODE_REPORT; return true;
    case OPT_LOG_DIR: o->log_dir = arg; return true;
    default: return false;
    }
}

static bool non_empty(const char *name, const char *value, char *err, size_t errsize)
{
    if (value && !*value) {
        /* TRANSLATORS: %s is an option (--music) given an empty value */
        snprintf(err, errsize, _("%s: empty value"), name);
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
        { "timing", no_argument, NULL, OPT_TIMING },  { "config", required_argument, NULL, OPT_CONFIG },
        { "display", required_argument, NULL, OPT_DISPLAY },
        { "presenter", no_argument, NULL, OPT_PRESENTER },
        { "theme", required_argument, NULL, OPT_THEME },
        { "reduced-motion", no_argument, NULL, OPT_REDUCED_MOTION },
        { "child-view", no_argument, NULL, OPT_CHILD_VIEW },
        { "hide-time", no_argument, NULL, OPT_HIDE_TIME },
        { "shuffle", no_argument, NULL, OPT_SHUFFLE },
        { "no-captions", no_argument, NULL, OPT_NO_CAPTIONS },
        { "volume", required_argument, NULL, OPT_VOLUME },
        { "loudness-target", required_argument, NULL, OPT_LOUDNESS },
        { "client", required_argument, NULL, OPT_CLIENT },
        { "history", no_argument, NULL, OPT_HISTORY },
        { "since", required_argument, NULL, OPT_SINCE },
        { "until", required_argument, NULL, OPT_UNTIL },
        { "csv", no_argument, NULL, OPT_CSV },
        { "report", no_argument, NULL, OPT_REPORT },
        { "log-dir", required_argument, NULL, OPT_LOG_DIR },
        { NULL, 0, NULL, 0 },
    };
    memset(o, 0, sizeof *o);
    o->display = -1;
    o->volume_percent = -1;
    opterr = 0;
    optind = 1;
    int c, index = 0;
    while ((c = getopt_long(argc, argv, ":p:m:h", longs, &index)) != -1) {
        if (c == '?') {
            /* TRANSLATORS: said after "safebase: "; option names (--help) stay as they are */
            snprintf(err, errsize, _("unknown option \"%s\" (see --help)"), argv[optind - 1]);
            return false;
        }
        if (c == ':') {
            snprintf(err, errsize, _("option \"%s\" needs a value (see --help)"), argv[optind - 1]);
            return false;
        }
        if (!non_empty(argv[optind - 1], optarg, err, errsize) || !take(c, optarg, o, err, errsize))
            return false;
    }
    o->files = argv + optind;
    o->nfiles = argc - optind;
    if (o->mode == MODE_CHECK && o->nfiles == 0) {
        snprintf(err, errsize, "%s", _("--check needs at least one plan file"));
        return false;
    }
    if (o->mode == MODE_RUN && o->nfiles > 1) {
        if (o->nfiles > 2)
            /* TRANSLATORS: said after "safebase: ": the first two of more than two plan files */
            snprintf(err, errsize, _("more than one plan file given, \"%s\" and \"%s\" and more: open one "
                     "at a time (see --help)"), o->files[0], o->files[1]);
        else
            snprintf(err, errsize, _("more than one plan file given, \"%s\" and \"%s\": open one "
                     "at a time (see --help)"), o->files[0], o->files[1]);
        return false;
    }
    if (o->mode == MODE_RUN && o->nfiles == 1 && o->plan) {
        snprintf(err, errsize, _("both --plan \"%s\" and the plan file \"%s\" given: choose one "
                 "(see --help)"), o->plan, o->files[0]);
        return false;
    }
    if (o->mode == MODE_RUN && o->nfiles == 1 && !*o->files[0]) {
        snprintf(err, errsize, "%s", _("empty plan file name (see --help)"));
        return false;
    }
    if (o->mode != MODE_CHECK && o->mode != MODE_RUN && o->nfiles > 0) {
        snprintf(err, errsize, _("unexpected argument \"%s\" (see --help)"), o->files[0]);
        return false;
    }
    if (o->mode == MODE_RUN && o->nfiles == 1)
        o->plan_file = o->files[0];
    if (((o->since || o->until) && o->mode != MODE_HISTORY && o->mode != MODE_REPORT) ||
        (o->csv && o->mode != MODE_HISTORY)) {
        snprintf(err, errsize, "%s",
                 _("--since, --until and --csv go with --history (--since and --until with --report too)"));
        return false;
    }
    if (o->log && o->log_dir) {
        snprintf(err, errsize, "%s", _("--log and --log-dir both given: one log or one shared folder"));
        return false;
    }
    if (o->start && !o->plan && !o->plan_file && o->mode == MODE_RUN) {
        snprintf(err, errsize, "%s", _("--start needs --plan or a plan file"));
        return false;
    }
    return true;
}
