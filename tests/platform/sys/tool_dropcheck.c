/* tool_dropcheck: a window titled "dropcheck" that prints what is dropped on it, one line per
 * event, flushed at once: "DROPBEGIN", "DROPFILE <path>", "DROPTEXT <text>", "DROPCOMPLETE".
 * Ends after 20 s, or on SDL_QUIT. For tests/e2e/e2e_xdnd_selftest.sh, which checks that
 * tests/e2e/xdnd.py's drops arrive as SDL's drop events. */
#include <SDL.h>
#include <stdio.h>

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  if (SDL_Init(SDL_INIT_VIDEO) != 0) {
    fprintf(stderr, "tool_dropcheck: %s\n", SDL_GetError());
    return 1;
  }
  SDL_EventState(SDL_DROPFILE, SDL_ENABLE);
  SDL_EventState(SDL_DROPTEXT, SDL_ENABLE);
  SDL_Window *win = SDL_CreateWindow("dropcheck", 0, 0, 320, 200, SDL_WINDOW_SHOWN);
  if (win == NULL) {
    fprintf(stderr, "tool_dropcheck: %s\n", SDL_GetError());
    SDL_Quit();
    return 1;
  }
  printf("READY\n");
  fflush(stdout);
  Uint32 end = SDL_GetTicks() + 20000;
  int running = 1;
  while (running && !SDL_TICKS_PASSED(SDL_GetTicks(), end)) {
    SDL_Event ev;
    if (!SDL_WaitEventTimeout(&ev, 100))
      continue;
    switch (ev.type) {
    case SDL_QUIT:
      running = 0;
      break;
    case SDL_DROPBEGIN:
      printf("DROPBEGIN\n");
      break;
    case SDL_DROPFILE:
      printf("DROPFILE %s\n", ev.drop.file ? ev.drop.file : "(null)");
      break;
    case SDL_DROPTEXT:
      printf("DROPTEXT %s\n", ev.drop.file ? ev.drop.file : "(null)");
      break;
    case SDL_DROPCOMPLETE:
      printf("DROPCOMPLETE\n");
      break;
    default:
      break;
    }
    if (ev.type == SDL_DROPFILE || ev.type == SDL_DROPTEXT)
      SDL_free(ev.drop.file);
    fflush(stdout);
  }
  SDL_DestroyWindow(win);
  SDL_Quit();
  return 0;
}
