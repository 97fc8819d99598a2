#include "platform/cards/card_text.hpp"

#include <pango/pangocairo.h>

namespace mh {

double drawFittedText(cairo_t* cr, const std::string& text, double x, double y, double px, bool bold,
                      double maxWidth, double minPx, CardInk ink) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    int w = 0, h = 0;
    for (;;) {
        PangoFontDescription* fd = pango_font_description_from_string("Noto Sans CJK SC");
        pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_absolute_size(fd, px * PANGO_SCALE);
        pango_layout_set_font_description(layout, fd);
        pango_font_description_free(fd);
        pango_layout_set_text(layout, text.c_str(), -1);
        pango_layout_get_pixel_size(layout, &w, &h);
        if (w <= maxWidth || px < minPx) break;
        px *= 0.92;
    }
    cairo_set_source_rgb(cr, ink.r, ink.g, ink.b);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
    return h;
}

}  // namespace mh
