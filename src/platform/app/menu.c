/* The plan menu's rows and choice. Reads the catalogue; draws nothing (draw_menu does). */
#include "platform/app/menu.h"

#include <stdio.h>

#include "core/base/duration.h"
#include "core/base/translate.h"

void menu_fill(menu_t *m, const catalog_t *cat)
{
    m->count = cat->count < CATALOG_MAX ? cat->count : CATALOG_MAX;
    m->sel = 0;
    for (int i = 0; i < m->count; i++) {
        const plan_t *p = &cat->items[i].plan;
        char len[48];
        duration_format_length(plan_total_ms(p), len, sizeof len);
        snprintf(m->detail[i], sizeof m->detail[i], "%s \xC2\xB7 %s", len, _(plan_audience_name(p->audience)));
        m->items[i] = (draw_menu_item_t){ p->title, m->detail[i], cat->items[i].user };
    }
}

void menu_choose(menu_t *m, int sel)
{
    if (sel >= 0 && sel < m->count)
        m->sel = sel;
}

int menu_action(menu_t *m, action_t act, float fy, const draw_t *d)
{
    /* (Page Up and Page Down too: a presenter clicker has those, F5 and little else) */
    if ((act == ACT_UP || act == ACT_BACK) && m->sel > 0)
        m->sel--;
    else if ((act == ACT_DOWN || act == ACT_NEXT) && m->sel < m->count - 1)
        m->sel++;
    else if ((act == ACT_ENTER || act == ACT_PAUSE || act == ACT_RESUME || act == ACT_END) && m->count > 0)
        return m->sel;
    else if (act == ACT_CLICK) {
        int row = draw_menu_row_at(d, m->count, m->sel, fy);
        if (row >= 0)
            m->sel = row;
        return row;
    }
    return -1;
}
