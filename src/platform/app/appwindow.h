/* The app's start-up after its first frame, and full screen (appwindow.c; app_start_up and
 * app_shut_down are in appstate.h). What the first frame does not need waits for it, so the
 * screen comes up as soon as it can. Private to app.c. */
#ifndef SAFEBASE_PLATFORM_APPWINDOW_H
#define SAFEBASE_PLATFORM_APPWINDOW_H

#include "platform/app/appstate.h"

/* Call once, right after the first frame is shown: makes a full-screen window full screen for
 * the window manager (SDL may wait up to 100 ms for it here), starts the game controllers, and
 * opens the sound (unless --start needed it sooner) and gives it the open plan's music. */
void app_start_up_late(app_t *app);

/* F: full screen (a borderless window over the whole display, full screen for the window
 * manager) to an ordinary window with a border, centred on the same display (1280x720, or
 * --window's size), and back. */
void app_toggle_fullscreen(app_t *app);

#endif
