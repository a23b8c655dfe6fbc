/* tool_events: the app as main.c starts it, plus one thread that plays a script of input
 * events into it, for tests/e2e/e2e_controller.sh (there is no /dev/uinput for a real virtual
 * gamepad). The script is SAFEBASE_EVENTS, or the file it names: one command a line (or
 * separated by ';'), '#' starts a comment:
 *   wait MS          sleep MS milliseconds
 *   pad BUTTON       press and, 50 ms later, let go: a, b, x, y, start, back, dpad_up,
 *                    dpad_down, dpad_left, dpad_right
 *   drop PATH        SDL_DROPBEGIN, SDL_DROPFILE with PATH, SDL_DROPCOMPLETE
 *   quit             SDL_QUIT
 * The controller is SDL's virtual joystick, attached once the app has started its game
 * controller subsystem (after its first frame), with SDL's own mapping for it: the app opens
 * it as it opens any controller (pad.c), and a press sets the button's state, so SDL itself
 * makes the SDL_CONTROLLERBUTTONDOWN/UP events. With SAFEBASE_EVENTS_PUSH=1 (or when the
 * virtual joystick cannot be made) the button events are pushed instead, from `which` 0.
 * Every command is said on stderr as "tool_events: ..." when it is done. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/app/app.h"
#include "platform/sys/catalog.h"
#include "platform/sys/config.h"
#include "platform/sys/options.h"

#define SCRIPT_MAX 16384
#define START_WAIT_MS 15000

typedef struct {
    char script[SCRIPT_MAX];
    bool push;                  /* push the button events rather than press a virtual pad */
    SDL_Joystick *joy;          /* the virtual pad, once attached */
    SDL_JoystickID pad_id;
    SDL_atomic_t done;          /* app_run has returned: stop */
} player_t;

static const struct {
    const char *name;
    SDL_GameControllerButton button;
} buttons[] = {
    { "a", SDL_CONTROLLER_BUTTON_A },
    { "b", SDL_CONTROLLER_BUTTON_B },
    { "x", SDL_CONTROLLER_BUTTON_X },
    { "y", SDL_CONTROLLER_BUTTON_Y },
    { "start", SDL_CONTROLLER_BUTTON_START },
    { "back", SDL_CONTROLLER_BUTTON_BACK },
    { "dpad_up", SDL_CONTROLLER_BUTTON_DPAD_UP },
    { "dpad_down", SDL_CONTROLLER_BUTTON_DPAD_DOWN },
    { "dpad_left", SDL_CONTROLLER_BUTTON_DPAD_LEFT },
    { "dpad_right", SDL_CONTROLLER_BUTTON_DPAD_RIGHT },
};

/* Sleeps ms in short steps; false when the app has ended meanwhile. */
static bool nap(player_t *p, int ms)
{
    for (int left = ms; left > 0 && !SDL_AtomicGet(&p->done); left -= 10)
        SDL_Delay(left < 10 ? (Uint32)left : 10);
    return !SDL_AtomicGet(&p->done);
}

/* Waits until cond(p) holds (up to START_WAIT_MS); false when it never does. */
static bool wait_until(player_t *p, bool (*cond)(player_t *))
{
    for (int t = 0; t < START_WAIT_MS; t += 10) {
        if (cond(p))
            return true;
        if (!nap(p, 10))
            return false;
    }
    return cond(p);
}

static SDL_Window *app_window(void)
{
    SDL_Window *w = SDL_GetKeyboardFocus();
    for (Uint32 id = 1; !w && id < 64; id++)
        w = SDL_GetWindowFromID(id);
    return w;
}

static bool has_window(player_t *p)
{
    (void)p;
    return SDL_WasInit(SDL_INIT_VIDEO) && app_window() != NULL;
}

static bool has_pads(player_t *p)
{
    (void)p;
    return SDL_WasInit(SDL_INIT_GAMECONTROLLER) != 0;
}

static bool pad_opened(player_t *p)
{
    return SDL_GameControllerFromInstanceID(p->pad_id) != NULL; /* the app's pads_handle opened it */
}

/* Attaches the virtual pad once the app listens for controllers, and waits until the app has
 * opened it. False (and said why) when that cannot be. */
static bool attach_pad(player_t *p)
{
    if (!wait_until(p, has_pads)) {
        fprintf(stderr, "tool_events: the app never started its game controllers\n");
        return false;
    }
    SDL_VirtualJoystickDesc desc;
    SDL_zero(desc);
    desc.version = SDL_VIRTUAL_JOYSTICK_DESC_VERSION;
    desc.type = SDL_JOYSTICK_TYPE_GAMECONTROLLER;
    desc.naxes = SDL_CONTROLLER_AXIS_MAX;
    desc.nbuttons = SDL_CONTROLLER_BUTTON_MAX;
    desc.button_mask = (1u << SDL_CONTROLLER_BUTTON_MAX) - 1;
    desc.axis_mask = (1u << SDL_CONTROLLER_AXIS_MAX) - 1;
    desc.name = "Safe Base test pad";
    int index = SDL_JoystickAttachVirtualEx(&desc);
    if (index < 0) {
        fprintf(stderr, "tool_events: no virtual joystick: %s\n", SDL_GetError());
        return false;
    }
    p->joy = SDL_JoystickOpen(index);
    if (!p->joy) {
        fprintf(stderr, "tool_events: cannot open the virtual joystick: %s\n", SDL_GetError());
        return false;
    }
    p->pad_id = SDL_JoystickInstanceID(p->joy);
    if (!wait_until(p, pad_opened)) {
        fprintf(stderr, "tool_events: the app did not open the virtual controller (a game controller: %s)\n",
                SDL_IsGameController(index) ? "yes" : "no");
        return false;
    }
    fprintf(stderr, "tool_events: virtual controller attached and opened by the app\n");
    return true;
}

static void push_button(SDL_GameControllerButton b, bool down)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = down ? SDL_CONTROLLERBUTTONDOWN : SDL_CONTROLLERBUTTONUP;
    e.cbutton.timestamp = SDL_GetTicks();
    e.cbutton.which = 0;
    e.cbutton.button = (Uint8)b;
    e.cbutton.state = down ? SDL_PRESSED : SDL_RELEASED;
    if (SDL_PushEvent(&e) != 1)
        fprintf(stderr, "tool_events: the button event was not taken: %s\n", SDL_GetError());
}

/* Sets the virtual pad's button that SDL's mapping binds to b. */
static bool set_button(player_t *p, SDL_GameControllerButton b, bool down)
{
    SDL_GameController *c = SDL_GameControllerFromInstanceID(p->pad_id);
    SDL_GameControllerButtonBind bind = c ? SDL_GameControllerGetBindForButton(c, b)
                                          : (SDL_GameControllerButtonBind){ .bindType = SDL_CONTROLLER_BINDTYPE_NONE };
    if (bind.bindType != SDL_CONTROLLER_BINDTYPE_BUTTON) {
        fprintf(stderr, "tool_events: the controller has no binding for %s\n", SDL_GameControllerGetStringForButton(b));
        return false;
    }
    return SDL_JoystickSetVirtualButton(p->joy, bind.value.button, down ? SDL_PRESSED : SDL_RELEASED) == 0;
}

static bool press(player_t *p, const char *name)
{
    int i = 0, n = (int)(sizeof buttons / sizeof buttons[0]);
    while (i < n && strcmp(buttons[i].name, name) != 0)
        i++;
    if (i == n) {
        fprintf(stderr, "tool_events: no button \"%s\"\n", name);
        return false;
    }
    if (!p->push && !p->joy && !attach_pad(p)) {
        fprintf(stderr, "tool_events: pushing the button events instead\n");
        p->push = true;
    }
    SDL_GameControllerButton b = buttons[i].button;
    if (p->push)
        push_button(b, true);
    else if (!set_button(p, b, true))
        return false;
    nap(p, 50);
    if (SDL_AtomicGet(&p->done))
        return false;
    if (p->push)
        push_button(b, false);
    else
        set_button(p, b, false);
    fprintf(stderr, "tool_events: pad %s%s\n", name, p->push ? " (pushed)" : "");
    return true;
}

static void drop(const char *path)
{
    SDL_Window *w = app_window();
    Uint32 id = w ? SDL_GetWindowID(w) : 0;
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_DROPBEGIN;
    e.drop.windowID = id;
    SDL_PushEvent(&e);
    e.type = SDL_DROPFILE;
    e.drop.file = SDL_strdup(path);
    if (SDL_PushEvent(&e) != 1)
        SDL_free(e.drop.file);
    e.type = SDL_DROPCOMPLETE;
    e.drop.file = NULL;
    SDL_PushEvent(&e);
    fprintf(stderr, "tool_events: drop %s\n", path);
}

static int play(void *data)
{
    player_t *p = data;
    if (!wait_until(p, has_window)) {
        fprintf(stderr, "tool_events: the app never opened its window\n");
        return 1;
    }
    char *save = NULL;
    for (char *line = strtok_r(p->script, "\n;", &save); line; line = strtok_r(NULL, "\n;", &save)) {
        line[strcspn(line, "#\r")] = '\0';
        line += strspn(line, " \t");
        size_t len = strlen(line);
        while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
            line[--len] = '\0';
        if (!line[0])
            continue;
        if (SDL_AtomicGet(&p->done))
            return 0;
        if (strncmp(line, "wait ", 5) == 0) {
            nap(p, atoi(line + 5));
        } else if (strncmp(line, "pad ", 4) == 0) {
            press(p, line + 4 + strspn(line + 4, " \t"));
        } else if (strncmp(line, "drop ", 5) == 0) {
            drop(line + 5 + strspn(line + 5, " \t"));
        } else if (strcmp(line, "quit") == 0) {
            SDL_Event e;
            SDL_zero(e);
            e.type = SDL_QUIT;
            SDL_PushEvent(&e);
            fprintf(stderr, "tool_events: quit\n");
        } else {
            fprintf(stderr, "tool_events: not a command: %s\n", line);
        }
    }
    fprintf(stderr, "tool_events: end of the script\n");
    return 0;
}

/* The script: the file SAFEBASE_EVENTS names, or its text. */
static bool load_script(player_t *p)
{
    const char *s = getenv("SAFEBASE_EVENTS");
    if (!s)
        return false;
    FILE *f = fopen(s, "r");
    if (f) {
        size_t n = fread(p->script, 1, sizeof p->script - 1, f);
        fclose(f);
        p->script[n] = '\0';
    } else {
        snprintf(p->script, sizeof p->script, "%s", s);
    }
    const char *push = getenv("SAFEBASE_EVENTS_PUSH");
    p->push = push && strcmp(push, "1") == 0;
    return true;
}

/* main.c's resolve_plan: --plan names a catalogue id or title, or a file that joins it. */
static catalog_entry_t *resolve_plan(catalog_t *cat, const char *name)
{
    catalog_entry_t *e = catalog_find(cat, name);
    if (e || cat->count >= CATALOG_MAX)
        return e;
    e = &cat->items[cat->count];
    memset(e, 0, sizeof *e);
    if (!realpath(name, e->path))
        return NULL;
    const char *base = strrchr(e->path, '/');
    base = base ? base + 1 : e->path;
    snprintf(e->id, sizeof e->id, "%.*s", (int)strcspn(base, "."), base);
    e->opened = true;
    if (!catalog_load_file(name, &e->plan, stderr))
        return NULL;
    cat->count++;
    return e;
}

int main(int argc, char **argv)
{
    options_t opts;
    char err[512];
    if (!options_parse(argc, argv, &opts, err, sizeof err)) {
        fprintf(stderr, "tool_events: %s\n", err);
        return 2;
    }
    static catalog_t cat;
    static player_t player;
    catalog_load_all(&cat, stderr);
    catalog_entry_t *entry = NULL;
    if (opts.plan && !(entry = resolve_plan(&cat, opts.plan))) {
        fprintf(stderr, "tool_events: no plan named \"%s\"\n", opts.plan);
        return 2;
    }
    settings_t settings;
    config_load(&settings, &opts, stderr);
    SDL_Thread *thread = NULL;
    if (load_script(&player))
        thread = SDL_CreateThread(play, "events", &player);
    int status = app_run(&opts, &settings, &cat, entry);
    SDL_AtomicSet(&player.done, 1);
    if (thread)
        SDL_WaitThread(thread, NULL);
    catalog_free(&cat);
    return status;
}
