/* User settings: the safebase.ini file ($XDG_CONFIG_HOME/safebase/safebase.ini) read into a
 * struct with defaults. A bad line is reported with its line number and that setting keeps
 * its default; the rest still apply. libc only: the caller hands in the text. */
#ifndef SAFEBASE_CORE_SETTINGS_H
#define SAFEBASE_CORE_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#define SETTINGS_MAX_ERRORS 16

typedef enum { THEME_CALM, THEME_CONTRAST } theme_t;

typedef struct {
    /* screen (issue: the session screen) */
    theme_t theme;              /* theme = calm | contrast */
    bool reduced_motion;        /* reduced_motion = yes|no: the disk moves once a second, no animation */
    bool child_view;            /* child_view = yes|no: only the disk and the colour */
    bool hide_time;             /* hide_time = yes|no: no m:ss digits */
    char font[1024];            /* font = FILE ("" = DejaVu Sans through fontconfig) */
    int display;                /* display = N (0-based monitor index) */
    /* sound (issue: music and cues) */
    bool captions;              /* captions = yes|no: cues also shown as text (default yes) */
    int volume_percent;         /* volume = 0..100: master cap no track or cue exceeds (default 100) */
    double loudness_target;     /* loudness_target = -40..-10 LUFS (default -23) */
    bool shuffle;               /* shuffle = yes|no: folder order shuffled */
    char music[1024];           /* music = PATH: default music for plans that do not name one */
    /* the log */
    char log_dir[1024];         /* log_dir = DIR: a folder shared between devices, as written
                                 * ("" = none; relative to the settings file's folder, ~/ = home) */
} settings_t;

typedef struct {
    int line;
    char message[240];                /* in the user's language (core/base/translate.h) */
} settings_error_t;

typedef struct {
    settings_error_t items[SETTINGS_MAX_ERRORS];
    int count;
    int dropped;
} settings_errors_t;

/* Fills s with the defaults. */
void settings_defaults(settings_t *s);

/* Applies the settings in text[0..len) over *s (call settings_defaults first). Returns true
 * when every line was good; otherwise false, with each bad line in *errs, its setting left as
 * it was. Never allocates. */
bool settings_parse(const char *text, size_t len, settings_t *s, settings_errors_t *errs);

#endif
