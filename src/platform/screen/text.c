/* Text through SDL_ttf with fontconfig; a small cache of rendered textures keyed by string,
 * size, colour, wrap width and alignment. Must not decide layout: callers give boxes. */
#include "platform/screen/text.h"

#include <SDL_ttf.h>
#ifndef _WIN32
#include <fontconfig/fontconfig.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"

#define MAX_ENTRIES 128
#define MAX_MEASURES 256
#define KEEP_FRAMES 8     /* a texture not drawn for this many frames is let go */

typedef struct {
    uint64_t key;
    SDL_Texture *texture;
    int w, h;             /* the whole rendering's size: what it is placed by */
    int x0, cw;           /* the columns the texture keeps of it (to_texture) */
    unsigned last;        /* the frame it was last drawn in */
} entry_t;

typedef struct {
    uint64_t key;
    int w, h;
} measure_t;

struct text {
    SDL_Renderer *renderer;
    measure_t measures[MAX_MEASURES];
    int next_measure;
    unsigned frame;
    unsigned renders;     /* strings rendered so far (text_renders) */
    char path[4096];
    bool bold;
    TTF_Font *font;       /* one face, set to each size as it is needed (TTF_SetFontSize): a face
                           * per size would hold FreeType's and HarfBuzz's tables for each */
    int font_px;
    entry_t entries[MAX_ENTRIES];
    text_drawn_t *rec;    /* text_record's list, or NULL */
    int rec_max, *rec_count;
};

#ifdef _WIN32
/* Windows has no fontconfig: DejaVu Sans comes in the fonts folder beside safebase.exe. */
static bool find_font(const char *family, bool bold, char *out, size_t size)
{
    (void)family;
    char *base = SDL_GetBasePath();
    int n = base ? snprintf(out, size, "%sfonts/DejaVuSans%s.ttf", base, bold ? "-Bold" : "") : -1;
    SDL_free(base);
    SDL_RWops *probe = n > 0 && (size_t)n < size ? SDL_RWFromFile(out, "rb") : NULL;
    if (probe)
        SDL_RWclose(probe);
    return probe != NULL;
}
#else
/* Asks fontconfig for the family's file, then lets fontconfig go: nothing else uses it, and
 * its configuration and caches would otherwise stay in memory all session. */
static bool find_font(const char *family, bool bold, char *out, size_t size)
{
    if (!FcInit())
        return false;
    FcPattern *pat = FcNameParse((const FcChar8 *)family);
    bool ok = false;
    if (pat) {
        FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
        FcConfigSubstitute(NULL, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult result;
        FcPattern *match = FcFontMatch(NULL, pat, &result);
        FcChar8 *file = NULL;
        ok = match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch;
        if (ok)
            snprintf(out, size, "%s", (const char *)file);
        if (match)
            FcPatternDestroy(match);
        FcPatternDestroy(pat);
    }
    FcFini();
    return ok;
}
#endif

text_t *text_open(SDL_Renderer *renderer, const char *font_file, bool bold, char *err, size_t errsize)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        /* TRANSLATORS: SDL_ttf draws the text (a library's name); %s is its reason */
        snprintf(err, errsize, _("cannot start SDL_ttf: %s"), TTF_GetError());
        return NULL;
    }
    text_t *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, errsize, "%s", _("out of memory"));
        return NULL;
    }
    t->renderer = renderer;
    t->bold = bold;
    if (font_file && *font_file)
        snprintf(t->path, sizeof t->path, "%s", font_file);
    else if (!find_font("DejaVu Sans", bold, t->path, sizeof t->path)) {
        /* TRANSLATORS: fonts-dejavu-core is a package's name and --font FILE an option: they stay */
        snprintf(err, errsize, "%s", _("no font found: install fonts-dejavu-core or pass --font FILE"));
        free(t);
        return NULL;
    }
    t->font = TTF_OpenFont(t->path, 16);
    if (!t->font) {
        /* TRANSLATORS: the first %s is the font's file, the second the reason */
        snprintf(err, errsize, _("cannot open the font %s: %s"), t->path, TTF_GetError());
        free(t);
        return NULL;
    }
    t->font_px = 16;
    TTF_SetFontHinting(t->font, TTF_HINTING_LIGHT);
    return t;
}

void text_close(text_t *t)
{
    if (!t)
        return;
    for (int i = 0; i < MAX_ENTRIES; i++)
        if (t->entries[i].texture)
            SDL_DestroyTexture(t->entries[i].texture);
    TTF_CloseFont(t->font);
    free(t);
}

const char *text_font_path(const text_t *t)
{
    return t->path;
}

/* The face at px pixels. Changing size empties SDL_ttf's glyph cache, which costs little: each
 * string is rendered once and then drawn from its texture. */
static TTF_Font *font_at(text_t *t, int px)
{
    if (px != t->font_px) {
        if (TTF_SetFontSize(t->font, px) != 0)
            return NULL;
        t->font_px = px;
    }
    return t->font;
}

static uint64_t hash_key(const char *s, int px, SDL_Color c, int max_w, text_align_t align)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    uint64_t extra[4] = { (uint64_t)px, ((uint64_t)c.r << 24) | ((uint64_t)c.g << 16) | ((uint64_t)c.b << 8) | c.a,
                          (uint64_t)max_w, (uint64_t)align };
    for (int i = 0; i < 4; i++)
        h = (h ^ extra[i]) * 1099511628211ULL;
    return h;
}

static SDL_Surface *render(text_t *t, const char *str, int px, SDL_Color color, int max_w, text_align_t align)
{
    TTF_Font *font = font_at(t, px);
    if (!font)
        return NULL;
    if (max_w <= 0)
        return TTF_RenderUTF8_Blended(font, str, color);
    TTF_SetFontWrappedAlign(font, align == TEXT_CENTER ? TTF_WRAPPED_ALIGN_CENTER
                                  : align == TEXT_RIGHT ? TTF_WRAPPED_ALIGN_RIGHT : TTF_WRAPPED_ALIGN_LEFT);
    return TTF_RenderUTF8_Blended_Wrapped(font, str, color, (Uint32)max_w);
}

/* The columns [*x0, *x1) of a wrapped rendering worth keeping. SDL_ttf makes a centred or
 * right-aligned wrapped surface as wide as the wrap width, however short its lines: the empty
 * margins are cut, evenly for centred text, so every line stays where the alignment put it. */
static void used_columns(const SDL_Surface *s, text_align_t align, int *x0, int *x1)
{
    int lo = s->w, hi = 0;
    Uint32 amask = s->format->Amask;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)(const void *)((const Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < lo; x++)
            if (row[x] & amask) {
                lo = x;
                break;
            }
        for (int x = s->w - 1; x >= hi; x--)
            if (row[x] & amask) {
                hi = x + 1;
                break;
            }
    }
    *x0 = 0;
    *x1 = s->w;
    if (hi <= lo) /* nothing drawn: kept whole */
        return;
    if (align == TEXT_LEFT) {
        *x1 = hi;
    } else if (align == TEXT_RIGHT) {
        *x0 = lo;
    } else {
        int k = lo < s->w - hi ? lo : s->w - hi;
        *x0 = k;
        *x1 = s->w - k;
    }
}

/* A texture of the rendered surface: of its used columns [*x0, *x0 + *cw) when wrapped. The
 * caller still frees surf. */
static SDL_Texture *to_texture(SDL_Renderer *renderer, SDL_Surface *surf, text_align_t align, bool wrapped, int *x0_out,
                               int *cw)
{
    int x0 = 0, x1 = surf->w;
    if (wrapped && surf->format->BytesPerPixel == 4 && surf->format->Amask && !SDL_MUSTLOCK(surf))
        used_columns(surf, align, &x0, &x1);
    *x0_out = x0;
    *cw = x1 - x0;
    if (x0 == 0 && x1 == surf->w)
        return SDL_CreateTextureFromSurface(renderer, surf);
    SDL_Surface *part = SDL_CreateRGBSurfaceWithFormatFrom((Uint8 *)surf->pixels + x0 * 4, x1 - x0, surf->h, 32,
                                                           surf->pitch, surf->format->format);
    SDL_Texture *tex = part ? SDL_CreateTextureFromSurface(renderer, part) : NULL;
    SDL_FreeSurface(part);
    return tex;
}

static uint64_t entry_key(const char *str, int px, SDL_Color color, int max_w, text_align_t align)
{
    color.a = 255; /* rendered opaque; the alpha is applied when drawn, so fades reuse it */
    return hash_key(str, px, color, max_w, align);
}

/* The cached texture for key, marked as drawn this frame; NULL when there is none. */
static entry_t *cached(text_t *t, uint64_t key)
{
    for (int i = 0; i < MAX_ENTRIES; i++)
        if (t->entries[i].texture && t->entries[i].key == key) {
            t->entries[i].last = t->frame;
            return &t->entries[i];
        }
    return NULL;
}

void text_keep(text_t *t, const char *str, int px, SDL_Color color, int max_w, text_align_t align)
{
    if (str && *str && px > 0)
        cached(t, entry_key(str, px, color, max_w, align));
}

static entry_t *entry_for(text_t *t, const char *str, int px, SDL_Color color, int max_w, text_align_t align)
{
    uint64_t key = entry_key(str, px, color, max_w, align);
    entry_t *hit = cached(t, key);
    if (hit)
        return hit;
    entry_t *free_slot = NULL, *oldest = &t->entries[0];
    for (int i = 0; i < MAX_ENTRIES; i++) {
        entry_t *e = &t->entries[i];
        if (!e->texture && !free_slot)
            free_slot = e;
        if (e->last < oldest->last)
            oldest = e;
    }
    if (!free_slot) { /* full: the texture drawn longest ago makes room */
        SDL_DestroyTexture(oldest->texture);
        oldest->texture = NULL;
        free_slot = oldest;
    }
    color.a = 255; /* rendered opaque, as its key says: SDL_ttf would bake a fade's alpha into it */
    SDL_Surface *surf = render(t, str, px, color, max_w, align);
    if (!surf)
        return NULL;
    t->renders++;
    free_slot->texture = to_texture(t->renderer, surf, align, max_w > 0, &free_slot->x0, &free_slot->cw);
    free_slot->w = surf->w;
    free_slot->h = surf->h;
    SDL_FreeSurface(surf);
    if (!free_slot->texture)
        return NULL;
    free_slot->key = key;
    free_slot->last = t->frame;
    return free_slot;
}

void text_measure(text_t *t, const char *str, int px, int max_w, int *w, int *h)
{
    *w = *h = 0;
    if (!str || !*str || px <= 0)
        return;
    SDL_Color any = { 255, 255, 255, 255 };
    uint64_t key = hash_key(str, px, any, max_w, TEXT_LEFT) | 1; /* 0 marks a free slot */
    for (int i = 0; i < MAX_MEASURES; i++) {
        if (t->measures[i].key == key) {
            *w = t->measures[i].w;
            *h = t->measures[i].h;
            return;
        }
    }
    if (max_w <= 0) { /* the size a rendering would have, without rendering it */
        TTF_Font *font = font_at(t, px);
        if (!font || TTF_SizeUTF8(font, str, w, h) != 0) {
            *w = *h = 0;
            return;
        }
    } else {
        SDL_Surface *surf = render(t, str, px, any, max_w, TEXT_LEFT);
        if (!surf)
            return;
        *w = surf->w;
        *h = surf->h;
        SDL_FreeSurface(surf);
    }
    t->measures[t->next_measure] = (measure_t){ key, *w, *h };
    t->next_measure = (t->next_measure + 1) % MAX_MEASURES;
}

void text_set_renderer(text_t *t, SDL_Renderer *renderer)
{
    for (int i = 0; i < MAX_ENTRIES; i++) {
        if (t->entries[i].texture)
            SDL_DestroyTexture(t->entries[i].texture);
        t->entries[i] = (entry_t){ 0 };
    }
    t->renderer = renderer;
}

void text_record(text_t *t, text_drawn_t *list, int max, int *count)
{
    t->rec = list && count ? list : NULL;
    t->rec_max = max;
    t->rec_count = count;
}

/* Notes str drawn at `at` in text_record's list, when there is one. */
static void note(text_t *t, const char *str, const entry_t *e, SDL_Rect at, int cut)
{
    if (!t->rec)
        return;
    if (*t->rec_count >= 0 && *t->rec_count < t->rec_max) {
        text_drawn_t *n = &t->rec[*t->rec_count];
        *n = (text_drawn_t){ .at = at, .w = e->w, .h = e->h, .cut = cut };
        snprintf(n->str, sizeof n->str, "%s", str);
    }
    ++*t->rec_count;
}

/* Draws the part src of e's whole rendering at dst (the same size): only what the texture
 * kept of it, so a cut margin changes nothing on screen. Returns where it drew (w 0: nothing);
 * *cut: how many columns and rows of what the texture kept lay outside src. */
static SDL_Rect copy_part(text_t *t, const entry_t *e, SDL_Rect src, SDL_Rect dst, Uint8 alpha, int *cut)
{
    int lo = src.x > e->x0 ? src.x : e->x0;
    int hi = src.x + src.w < e->x0 + e->cw ? src.x + src.w : e->x0 + e->cw;
    *cut = (lo - e->x0) + (e->x0 + e->cw - hi) + (e->h - src.h);
    if (hi <= lo)
        return (SDL_Rect){ dst.x, dst.y, 0, 0 };
    dst.x += lo - src.x;
    dst.w = src.w = hi - lo;
    src.x = lo - e->x0;
    SDL_SetTextureAlphaMod(e->texture, alpha);
    SDL_RenderCopy(t->renderer, e->texture, &src, &dst);
    return dst;
}

void text_draw_box(text_t *t, const char *str, int px, SDL_Color color, int x, int y, int w, int h,
                   int max_w, text_align_t align)
{
    if (!str || !*str || px <= 0 || w <= 0 || h <= 0)
        return;
    entry_t *e = entry_for(t, str, px, color, max_w, align);
    if (!e)
        return;
    SDL_Rect src = { 0, 0, e->w < w ? e->w : w, e->h < h ? e->h : h };
    SDL_Rect dst = { x, y, src.w, src.h };
    if (align == TEXT_CENTER)
        dst.x = x + (w - src.w) / 2;
    else if (align == TEXT_RIGHT)
        dst.x = x + w - src.w;
    /* a wrapped texture can be wider than its lines: keep the part the alignment put them in */
    if (align == TEXT_CENTER)
        src.x = (e->w - src.w) / 2;
    else if (align == TEXT_RIGHT)
        src.x = e->w - src.w;
    int cut;
    SDL_Rect at = copy_part(t, e, src, dst, color.a, &cut);
    note(t, str, e, at, cut);
}

int text_draw(text_t *t, const char *str, int px, SDL_Color color, int x, int y, int max_w,
              text_align_t align)
{
    if (!str || !*str || px <= 0)
        return 0;
    entry_t *e = entry_for(t, str, px, color, max_w, align);
    if (!e)
        return 0;
    SDL_Rect dst = { x, y, e->w, e->h };
    if (align == TEXT_CENTER)
        dst.x = x - e->w / 2;
    else if (align == TEXT_RIGHT)
        dst.x = x - e->w;
    int cut;
    SDL_Rect at = copy_part(t, e, (SDL_Rect){ 0, 0, e->w, e->h }, dst, color.a, &cut);
    note(t, str, e, at, cut);
    return e->h;
}

unsigned text_renders(const text_t *t)
{
    return t->renders;
}

void text_end_frame(text_t *t)
{
    t->frame++;
    for (int i = 0; i < MAX_ENTRIES; i++) {
        entry_t *e = &t->entries[i];
        if (e->texture && t->frame - e->last > KEEP_FRAMES) {
            SDL_DestroyTexture(e->texture);
            e->texture = NULL;
        }
    }
}
