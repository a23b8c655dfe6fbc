/* Controller hotplug: SDL announces each controller (also those present at start) with
 * SDL_CONTROLLERDEVICEADDED. With none open, SDL_WaitEventTimeout keeps sleeping on the
 * display connection: nothing here polls. */
#include "platform/sys/pad.h"

#include <stdio.h>

static const char *name_of(SDL_GameController *c)
{
    const char *n = SDL_GameControllerName(c);
    return n ? n : "a game controller";
}

bool pads_handle(pads_t *p, const SDL_Event *e, char *msg, size_t size)
{
    if (e->type == SDL_CONTROLLERDEVICEADDED) {
        for (int i = 0; i < PAD_MAX; i++) {
            if (p->open[i])
                continue;
            p->open[i] = SDL_GameControllerOpen(e->cdevice.which);
            if (!p->open[i]) {
                snprintf(msg, size, "Cannot use the controller: %s", SDL_GetError());
                return true;
            }
            snprintf(msg, size, "Controller ready: %s", name_of(p->open[i]));
            return true;
        }
        snprintf(msg, size, "Too many controllers: %d are in use", PAD_MAX);
        return true;
    }
    if (e->type == SDL_CONTROLLERDEVICEREMOVED) {
        SDL_GameController *gone = SDL_GameControllerFromInstanceID(e->cdevice.which);
        for (int i = 0; i < PAD_MAX; i++) {
            if (p->open[i] && p->open[i] == gone) {
                snprintf(msg, size, "Controller unplugged: %s", name_of(gone));
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
