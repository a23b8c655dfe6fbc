/* The History screen from the start menu: this week's days with a session, sessions and
 * minutes, a bar chart of minutes per day over the last four weeks, the last sessions, and a
 * client's trend, from a history the caller loaded (h, owned by hs); drawing changes nothing. */
#ifndef SAFEBASE_PLATFORM_HISTORYSCREEN_H
#define SAFEBASE_PLATFORM_HISTORYSCREEN_H

#include <stdbool.h>

#include "core/log/history.h"
#include "platform/screen/draw.h"

typedef struct {
    history_t *h;            /* owned; NULL when closed */
    long bad;                /* damaged lines skipped (named on stderr) */
    bool missing;            /* no log yet */
    char error[600];         /* why the log could not be read; "" when it could */
} historyscreen_t;

/* Frees the history and empties hs. */
void historyscreen_close(historyscreen_t *hs);

/* Draws the screen. client_hint says how to change the client filter. */
void historyscreen_draw(draw_t *d, const historyscreen_t *hs, const char *client_hint, const draw_overlay_t *o);

#endif
