/* Text on screen through SDL_ttf: the font is found with fontconfig (DejaVu Sans unless told
 * otherwise), each string is rendered to a texture once and reused while it is on screen. */
#ifndef SAFEBASE_PLATFORM_TEXT_H
#define SAFEBASE_PLATFORM_TEXT_H

#include <SDL.h>
#include <stdbool.h>

typedef struct text text_t;

typedef enum { TEXT_LEFT, TEXT_CENTER, TEXT_RIGHT } text_align_t;

/* Finds the font (font_file, or fontconfig's match for "DejaVu Sans") and prepares a cache
 * for renderer. Returns NULL with the reason in err. Caller frees with text_close. */
text_t *text_open(SDL_Renderer *renderer, const char *font_file, bool bold, char *err, size_t errsize);
void text_close(text_t *t);

/* Draws UTF-8 str at em size px pixels (digits are about 0.73 px tall) in color (its alpha
 * fades the text without rendering it again), wrapped to max_w (0 = no wrap), lines
 * aligned in the box starting at x (left), x-centre or right edge. Returns the height used.
 * An empty string draws nothing. */
int text_draw(text_t *t, const char *str, int px, SDL_Color color, int x, int y, int max_w,
              text_align_t align);

/* Measures what text_draw would draw: width and height (0 x 0 for an empty string). Keeps the
 * answer (not a texture) in a small cache, so measuring the same text again is cheap. */
void text_measure(text_t *t, const char *str, int px, int max_w, int *w, int *h);

/* Draws like text_draw inside box (x, y, w, h): aligned in the box's width and cut at its
 * edges if it is larger (the layout sizes boxes to fit; the cut only guards the rest). */
void text_draw_box(text_t *t, const char *str, int px, SDL_Color color, int x, int y, int w, int h,
                   int max_w, text_align_t align);

/* Keeps str's texture (if there is one; nothing is rendered) as if drawn this frame: for text
 * still on screen in a frame that redraws only other parts, so it is not let go and rendered
 * again at the next whole frame. Same arguments as text_draw's that matter. */
void text_keep(text_t *t, const char *str, int px, SDL_Color color, int max_w, text_align_t align);

/* Where one text_draw or text_draw_box call put its text (for tests: text_record). */
typedef struct {
    SDL_Rect at;          /* the pixels it covers: the rendering's used part, cut to the box given */
    int w, h;             /* the whole rendering's size */
    int cut;              /* columns and rows of it text_draw_box cut off at its box's edges */
    char str[256];        /* its first bytes (UTF-8, possibly cut inside a character) */
} text_drawn_t;

/* From now on (list not NULL) every text drawn is also noted in list[*count] while *count < max
 * (*count still counts the rest); list NULL stops it. What is drawn does not change. */
void text_record(text_t *t, text_drawn_t *list, int max, int *count);

/* Forgets every texture (call when the renderer is replaced) and uses renderer from now on. */
void text_set_renderer(text_t *t, SDL_Renderer *renderer);

/* How many strings have been rendered (not drawn from the cache) so far. */
unsigned text_renders(const text_t *t);

/* Forgets textures not drawn in the last few frames; call once per presented frame. */
void text_end_frame(text_t *t);

/* The font file in use. */
const char *text_font_path(const text_t *t);

#endif
