/* Controller hotplug: SDL announces each controller (also those present at start) with
 * SDL_CONTROLLERDEVICEADDED. With none open, SDL_WaitEventTimeout keeps sleeping on the
 * display connection: nothing here polls. */
#include "platform/sys/pad.h"

#include <stdio.h>

#include "core/base/translate.h"

static const char *name_of(SDL_GameController *c)
{
    const char *n = SDL_GameControllerName(c);
    /* TRANSLATORS: a controller whose name is not known, in "Controller ready: %s" */
    return n ? n : _("a game controller");
}

bool pads_handle(pads_t *p, const SDL_Event *e, char *msg, size_t size)
{
    if (e->type == SDL_CONTROLLERDEVICEADDED) {
        for (int i = 0; i < PAD_MAX; i++) {
            if (p->open[i])
                continue;
            p->open[i] = SDL_GameControllerOpen(e->cdevice.which);
            if (!p->open[i]) {
                /* TRANSLATORS: a banner when a game controller is plugged in; %s is SDL's reason */
                snprintf(msg, size, _("Cannot use the controller: %s"), SDL_GetError());
                return true;
            }
            /* TRANSLATORS: a banner when a game controller is plugged in; %s is its name */
            snprintf(msg, size, _("Controller ready: %s"), name_of(p->open[i]));
            return true;
        }
        /* TRANSLATORS: a banner when one more game controller is plugged in */
        snprintf(msg, size, P_("Too many controllers: %d is in use", "Too many controllers: %d are in use", PAD_MAX),
                 PAD_MAX);
        return true;
    }
    if (e->type == SDL_CONTROLLERDEVICEREMOVED) {
        SDL_GameController *gone = SDL_GameControllerFromInstanceID(e->cdevice.which);
        for (int i = 0; i < PAD_MAX; i++) {
            if (p->open[i] && p->open[i] == gone) {
                /* TRANSLATORS: a banner when a game controller is unplugged; %s is its name */
                snprintf(msg, size, _("Controller unplugged: %s"), name_of(gone));
                SDL_GameControllerClose(gone);
                p->open[i] = NULL;
                return true;
            }
        }
    }
    return false;
}

void pads_close(pads_t *p)
{
    for (int i = 0; i < PAD_MAX; i++) {
        if (p->open[i])
            SDL_GameControllerClose(p->open[i]);
        p->open[i] = NULL;
    }
}
