/* What a part of the app asks the loop to do to the screen, instead of doing it itself: the
 * session runner (run.c), the log's part (applog.c) and the ready screen (ready.c) fill one;
 * app.c carries it out. Types only. Within one request the last ask of each kind wins. */
#ifndef SAFEBASE_PLATFORM_APP_REQUEST_H
#define SAFEBASE_PLATFORM_APP_REQUEST_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "platform/app/look.h"

typedef struct {
    bool set_screen;              /* show screen */
    screen_t screen;
    bool set_bg;                  /* fade the background to bg */
    SDL_Color bg;
    char banner[640];             /* a message along the bottom for banner_ms... */
    int64_t banner_ms;            /* ...when > 0 */
    bool set_notice;              /* replace the lasting notice with notice ("" clears it) */
    char notice[640];
    bool to_menu;                 /* leave for the plan menu (after everything above) */
    bool help_off;                /* close the help overlay */
    bool text_input;              /* start taking typed text (the end screen's note) */
    int64_t exit_at;              /* > 0: quit at this moment (--exit-at-end) */
    const void *open_entry;       /* a catalog_entry_t to open on its ready screen (before set_screen) */
    bool menu_changed;            /* the catalogue was read again: the menu's rows follow */
    bool music_changed;           /* the open plan's music was chosen: hand it to the sound */
    bool start;                   /* start the open plan's session (after open_entry) */
} app_request_t;

#endif
