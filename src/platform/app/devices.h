/* What the app opens and closes: SDL, the window and its drawing, the font, the presenter's
 * window, the sound and the game controllers, in order, with what the first frame does not
 * need left until it is shown. Problems that leave the app running are put in the look's
 * notice; the rest is decided by the loop. */
#ifndef SAFEBASE_PLATFORM_APP_DEVICES_H
#define SAFEBASE_PLATFORM_APP_DEVICES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/plan/settings.h"
#include "platform/app/look.h"
#include "platform/screen/draw.h"
#include "platform/screen/presenter.h"
#include "platform/screen/text.h"
#include "platform/screen/window.h"
#include "platform/sound/audio.h"
#include "platform/sys/options.h"
#include "platform/sys/pad.h"

typedef struct {
    window_t window;              /* screen/window.c */
    text_t *text;
    draw_t draw;                  /* screen/draw.c draws into it */
    presenter_t presenter;        /* --presenter: the adult's window */
    audio_t *audio;               /* NULL: no sound, visual cues only */
    pads_t pads;
} devices_t;

/* Starts SDL, opens the window on the display asked for, the font, drawing, the presenter's
 * window (--presenter), and the sound when --start needs it before the first frame. Notices
 * (no such display, no presenter, no sound) go to look. Returns false with the reason in err
 * ("" when it was said already). Call devices_close whatever it returns. */
bool devices_open(devices_t *d, const options_t *opts, const settings_t *settings, look_t *look, char *err,
                  size_t errsize);

/* Right after the first frame is shown: full screen for the window manager, the game
 * controllers, and the sound unless devices_open opened it. Returns true when it opened the
 * sound now (the open plan's music is then to be handed to it). */
bool devices_late(devices_t *d, const options_t *opts, look_t *look);

/* Closes everything, in the reverse order, and SDL. */
void devices_close(devices_t *d);

#endif
