/* Game controllers through SDL_GameController, plugged in and out while the app runs. Opens
 * what is plugged in and closes what goes; buttons become actions in input.c. */
#ifndef SAFEBASE_PLATFORM_PAD_H
#define SAFEBASE_PLATFORM_PAD_H

#include <SDL.h>
#include <stdbool.h>

#define PAD_MAX 4

typedef struct {
    SDL_GameController *open[PAD_MAX];
} pads_t;

/* Handles SDL_CONTROLLERDEVICEADDED / REMOVED. Returns true and a message for the screen in
 * msg when a controller came or went; false for any other event. */
bool pads_handle(pads_t *p, const SDL_Event *e, char *msg, size_t size);

/* Closes every open controller. */
void pads_close(pads_t *p);

#endif
