/* Opens and closes the app's devices in order. Decides nothing about screens or sessions;
 * says on stderr what failed and leaves a notice for the screen. */
#include "platform/app/devices.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

#include "core/base/translate.h"
#include "platform/sys/i18n.h"
#include "platform/sys/paths.h"

/* The monitor asked for (--display N or display = N), or the first when there is none such. */
static int pick_display(const settings_t *settings, look_t *look)
{
    int n = SDL_GetNumVideoDisplays(), want = settings->display;
    if (want > 0 && want >= n) {
        char msg[160];
        int found = n < 1 ? 1 : n;
        /* TRANSLATORS: --display N (or display = N in the settings) asked for a monitor that is
           not there; the first %d is the one asked for, the second how many there are */
        i18n_say(stderr, _("there is no display %d (found %d); using display 0"), want, found);
        /* TRANSLATORS: a notice on the screen: the monitor asked for (%d) is not there */
        snprintf(msg, sizeof msg, _("No display %d: using the first"), want);
        look_notice(look, msg, false);
        return 0;
    }
    return want > 0 ? want : 0;
}

/* --presenter: the adult's window on another display, the child view here. */
static void open_presenter(devices_t *d, const settings_t *settings, int display, look_t *look)
{
    char msg[256];
    if (!presenter_open(&d->presenter, display, settings, msg, sizeof msg)) {
        i18n_say(stderr, "--presenter: %s", msg);
        look_notice(look, msg, false);
    }
    SDL_RaiseWindow(d->window.win);
}

static void open_audio(devices_t *d, const options_t *opts, look_t *look)
{
    char sounds[4096], assets[4096], why[512];
    paths_assets(assets, sizeof assets);
    paths_join(sounds, sizeof sounds, assets, "sounds");
    Uint64 from = SDL_GetPerformanceCounter();
    d->audio = audio_open(sounds, why, sizeof why);
    if (opts->timing && d->audio) /* (the device may take much longer to run: audio_wait_running) */
        fprintf(stderr, "safebase: timing: sound device opened driver=%s in=%.1f at=%lld\n",
                SDL_GetCurrentAudioDriver() ? SDL_GetCurrentAudioDriver() : "?",
                (double)(SDL_GetPerformanceCounter() - from) * 1000.0 / (double)SDL_GetPerformanceFrequency(),
                (long long)SDL_GetTicks64());
    if (!d->audio) {
        /* TRANSLATORS: %s says why there is no sound (from the sound system, or "no audio: ...") */
        i18n_say(stderr, _("%s; the session runs with visual cues only"), why);
        /* TRANSLATORS: a notice on the screen when there is no sound; the cues are shown as words */
        look_notice(look, _("No sound: visual cues only"), false);
    }
}

bool devices_open(devices_t *d, const options_t *opts, const settings_t *settings, look_t *look, char *err,
                  size_t errsize)
{
    memset(d, 0, sizeof *d);
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    /* who keeps the screen awake, and why, as the desktop's screen saver is told over D-Bus
     * (org.freedesktop.ScreenSaver.Inhibit, which SDL calls while look.c disables it) */
    SDL_SetHint(SDL_HINT_APP_NAME, "Safe Base");
    /* TRANSLATORS: why the screen saver is held off, shown by some desktops' power settings */
    SDL_SetHint(SDL_HINT_SCREENSAVER_INHIBIT_ACTIVITY_NAME, _("A session is running"));
    /* drawing in software: show it through X11 shared memory, not through an OpenGL texture
     * (which, without a GPU, costs more than the drawing itself) */
    SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
    const char *asked = SDL_getenv("SDL_VIDEODRIVER"), *x11 = SDL_getenv("DISPLAY");
    bool no_desktop = !x11 && !SDL_getenv("WAYLAND_DISPLAY");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        if (x11)
            /* TRANSLATORS: the first %s is the X display (":0"), the second SDL's reason */
            snprintf(err, errsize, _("cannot open the display %s: %s"), x11, SDL_GetError());
        else if (no_desktop)
            /* TRANSLATORS: %s is SDL's reason; DISPLAY and WAYLAND_DISPLAY are environment
               variables (they stay as they are) */
            snprintf(err, errsize, _("cannot open the display: %s (DISPLAY and WAYLAND_DISPLAY are not set: "
                                     "start Safe Base from a desktop)"), SDL_GetError());
        else
            /* TRANSLATORS: %s is SDL's reason */
            snprintf(err, errsize, _("cannot open the display: %s"), SDL_GetError());
        return false;
    }
    /* with no display SDL falls back to drawing off screen: a session nobody sees */
    if (strcmp(SDL_GetCurrentVideoDriver(), "offscreen") == 0 && !(asked && strstr(asked, "offscreen"))) {
        /* TRANSLATORS: DISPLAY and WAYLAND_DISPLAY are environment variables (they stay as they are) */
        snprintf(err, errsize, "%s", _("no display to show the session on (DISPLAY and WAYLAND_DISPLAY "
                                       "are not set): start Safe Base from a desktop"));
        return false;
    }
    int display = pick_display(settings, look);
    if (!window_open(&d->window, display, opts->windowed, opts->window_w, opts->window_h, err, errsize))
        return false;
    d->text = text_open(d->window.renderer, settings->font, false, err, errsize);
    if (!d->text)
        return false;
    draw_init(&d->draw, d->window.renderer, d->text, settings->theme);
    d->draw.retained = d->window.surface_mode;
    if (opts->presenter)
        open_presenter(d, settings, display, look);
    if (opts->start) /* the session starts soon after the first frame, once the sound runs */
        open_audio(d, opts, look);
    return true;
}

bool devices_late(devices_t *d, const options_t *opts, look_t *look)
{
    window_fullscreen_late(&d->window);
    /* controllers present now are announced as if plugged in (pad.c) */
    if (SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) != 0)
        /* TRANSLATORS: %s is SDL's reason */
        i18n_say(stderr, _("game controllers unavailable: %s"), SDL_GetError());
    if (opts->start)
        return false;
    open_audio(d, opts, look);
    return true;
}

void devices_close(devices_t *d)
{
    audio_close(d->audio);
    presenter_close(&d->presenter);
    pads_close(&d->pads);
    draw_free(&d->draw);
    text_close(d->text);
    window_close(&d->window);
    SDL_EnableScreenSaver();
    SDL_Quit();
}
