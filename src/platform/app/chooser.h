/* The music chooser (M on the ready screen, or the Adjust screen's music row): Safe Base's own
 * music, no music, the recent choices, and the folders and playlists of the user's music
 * folder as platform/sound/musiclib.c finds them in the background. Holds the list and the
 * choice; plays nothing; draws through the form screen. */
#ifndef SAFEBASE_PLATFORM_APP_CHOOSER_H
#define SAFEBASE_PLATFORM_APP_CHOOSER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/session/control.h"
#include "platform/screen/formscreen.h"
#include "platform/sys/musiclib.h"

#define CHOOSER_RECENT 8
#define CHOOSER_ROWS (2 + CHOOSER_RECENT + MUSICLIB_MAX)

typedef enum { CHOOSER_NONE, CHOOSER_CHANGED, CHOOSER_CHOSEN, CHOOSER_LEAVE } chooser_result_t;

typedef struct {
    musiclib_t *lib;              /* the scan of the music folder; NULL when none could start */
    char dir[4096];               /* the music folder */
    char shown_dir[4096];         /* ...as the screen says it ("~/Music") */
    char why[320];                /* the scan's last word ("no music folder at ...") */
    char recent[CHOOSER_RECENT][4096];
    int nrecent;
    int sel;
    unsigned version;             /* the scan's version the rows were copied at */
    int64_t copied_at;
    /* the rows: 2 fixed, the recent ones, the library's */
    int nrows;
    char (*names)[256];           /* heap: CHOOSER_ROWS of them */
    char (*details)[48];
    const char **namep, **detailp;
    char chosen[4096];            /* after CHOOSER_CHOSEN: "builtin", "none" or an absolute path */
    char chosen_name[256];        /* and its name for a banner */
    char head[160], note[4600];
} chooser_t;

/* Opens the chooser on music folder dir (scanned in the background), with the recent choices
 * (newest first) and current ("builtin", "none", a path or NULL) chosen if it is listed.
 * False when out of memory. */
bool chooser_open(chooser_t *c, const char *dir, const char *const *recent, int nrecent, const char *current);

/* Stops the scan and frees the rows (also on a chooser never opened, zeroed). */
void chooser_close(chooser_t *c);

/* Once per turn of the loop: copies what the scan found since (at most every 100 ms, and when
 * it ends). Returns true when the rows changed (draw again). */
bool chooser_poll(chooser_t *c, int64_t now);

/* Up/Down move (Left/Right a page), Enter or A chooses, Esc or B leaves, a tap chooses a row. */
chooser_result_t chooser_action(chooser_t *c, action_t act, float fx, float fy, const draw_t *d);

/* The form to draw (pointing into c). */
void chooser_form(chooser_t *c, draw_form_t *f);

#endif
