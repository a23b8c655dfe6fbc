/* The plan menu: its rows (title, length and audience, whether the plan is the user's own)
 * and which one is chosen. Moves the choice; opening the plan is the loop's. */
#ifndef SAFEBASE_PLATFORM_APP_MENU_H
#define SAFEBASE_PLATFORM_APP_MENU_H

#include <stdbool.h>

#include "core/session/control.h"
#include "platform/screen/draw.h"
#include "platform/sys/catalog.h"

typedef struct {
    draw_menu_item_t items[CATALOG_MAX];
    char detail[CATALOG_MAX][64];   /* "15 min · parent" */
    int count;
    int sel;
} menu_t;

/* The menu of cat's plans (borrowed: the rows point into it), the first chosen. */
void menu_fill(menu_t *m, const catalog_t *cat);

/* Chooses row sel (a plan opened by --plan). */
void menu_choose(menu_t *m, int sel);

/* What act does on the menu: moves the choice (Up, Down; Page Up, Page Down), or returns the row to open (Enter,
 * Space, a click on a row at fy, 0..1 down the window, as d drew it). Returns -1 otherwise. */
int menu_action(menu_t *m, action_t act, float fy, const draw_t *d);

#endif
