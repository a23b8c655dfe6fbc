/* The command line: getopt_long over the documented options. These names are a contract:
 * options are only ever added, never renamed. No SDL; prints nothing itself. */
#ifndef SAFEBASE_PLATFORM_OPTIONS_H
#define SAFEBASE_PLATFORM_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define OPTIONS_MAX_MUSIC 16

typedef enum { MODE_RUN, MODE_CHECK, MODE_LIST, MODE_VERSION, MODE_HELP, MODE_HISTORY, MODE_REPORT } options_mode_t;

typedef struct {
    options_mode_t mode;
    const char *plan;                 /* --plan NAME|FILE */
    bool start;                       /* --start */
    bool exit_at_end;                 /* --exit-at-end */
    const char *music[OPTIONS_MAX_MUSIC];
    int nmusic;
    const char *log;                  /* --log FILE */
    bool windowed;                    /* --window */
    int window_w, window_h;           /* --window=WxH; 0 = default */
    const char *font;                 /* --font FILE */
    bool timing;                      /* --timing: print startup times to stderr */
    const char *config;               /* --config FILE: settings file instead of safebase.ini */
    /* the screen */
    int display;                      /* --display N; -1 = not given */
    bool presenter;                   /* --presenter: child view full screen + adult window */
    const char *theme;                /* --theme calm|contrast (checked when parsed) */
    bool reduced_motion;              /* --reduced-motion */
    bool child_view;                  /* --child-view */
    bool hide_time;                   /* --hide-time */
    /* the sound */
    bool shuffle;                     /* --shuffle */
    bool no_captions;                 /* --no-captions */
    int volume_percent;               /* --volume PERCENT (0..100); -1 = not given */
    double loudness_target;           /* --loudness-target LUFS (-40..-10); 0 = not given */
    /* the log and history */
    const char *client;               /* --client NAME: a pseudonymous label for the record */
    const char *since, *until;        /* --history --since/--until YYYY-MM-DD */
    bool csv;                         /* --history --csv */
    char **files;                     /* --check FILE...: the files */
    int nfiles;
    const char *plan_file;            /* FILE.plan given as the one plain argument (not with
                                       * --check): opened by the app, not read here */
    const char *log_dir;              /* --log-dir DIR: this device's file and every device's, in DIR */
} options_t;

/* Parses argv. Returns true when the options are valid; otherwise false with a one-line
 * message in err (the caller prints it and exits with status 2). One plain argument (not
 * with --check, --list, --history, --plan) is a plan file to open: o->plan_file. */
bool options_parse(int argc, char **argv, options_t *o, char *err, size_t errsize);

/* Writes the --help text, in the user's language, to out. */
void options_usage(FILE *out);

#endif
