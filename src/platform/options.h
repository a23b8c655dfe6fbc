/* The command line: getopt_long over the documented options. These names are a contract:
 * options are only ever added, never renamed. No SDL; prints nothing itself. */
#ifndef SAFEBASE_PLATFORM_OPTIONS_H
#define SAFEBASE_PLATFORM_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#define OPTIONS_MAX_MUSIC 16

typedef enum { MODE_RUN, MODE_CHECK, MODE_LIST, MODE_VERSION, MODE_HELP } options_mode_t;

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
    char **files;                     /* --check FILE...: the files */
    int nfiles;
} options_t;

/* Parses argv. Returns true when the options are valid; otherwise false with a one-line
 * message in err (the caller prints it and exits with status 2). */
bool options_parse(int argc, char **argv, options_t *o, char *err, size_t errsize);

/* The --help text. */
const char *options_usage(void);

#endif
