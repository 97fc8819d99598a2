#include "platform/print/pango_text.hpp"

namespace mh::print {

PangoText::PangoText(cairo_t* cr) : m_cr(cr) {
    m_ctx = pango_cairo_create_context(cr);
    pango_cairo_context_set_resolution(m_ctx, 72.0);  // 1 pt of font size = 1 cairo unit
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(m_ctx, fo);
    cairo_font_options_destroy(fo);
    m_layout = pango_layout_new(m_ctx);
    m_font = pango_font_description_from_string(kCjkFamily);
}

PangoText::~PangoText() {
    pango_font_description_free(m_font);
    g_object_unref(m_layout);
    g_object_unref(m_ctx);
}

PangoLayout* PangoText::layout(const std::string& text, const TextStyle& st) {
    pango_cairo_update_context(m_cr, m_ctx);
    pango_layout_context_changed(m_layout);
    pango_font_description_set_size(m_font, int(st.sizePt * PANGO_SCALE));
    pango_font_description_set_weight(m_font, st.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(m_layout, m_font);
    pango_layout_set_text(m_layout, text.c_str(), int(text.size()));
    if (st.width > 0) {
        pango_layout_set_width(m_layout, int(st.width * PANGO_SCALE));
        pango_layout_set_wrap(m_layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_ellipsize(m_layout, st.ellipsize ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
    } else {
        pango_layout_set_width(m_layout, -1);
        pango_layout_set_ellipsize(m_layout, PANGO_ELLIPSIZE_NONE);
    }
    pango_layout_set_alignment(m_layout, st.align == Align::Center  ? PANGO_ALIGN_CENTER
                                         : st.align == Align::Right ? PANGO_ALIGN_RIGHT
                                                                    : PANGO_ALIGN_LEFT);
    return m_layout;
}

std::pair<double, double> PangoText::measure(const std::string& text, const TextStyle& st) {
    int w = 0, h = 0;
    pango_layout_get_size(layout(text, st), &w, &h);
    return {double(w) / PANGO_SCALE, double(h) / PANGO_SCALE};
}

double PangoText::draw(double x, double y, const std::string& text, const TextStyle& st) {
    PangoLayout* l = layout(text, st);
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    cairo_save(m_cr);
    cairo_set_source_rgb(m_cr, st.gray, st.gray, st.gray);
    cairo_move_to(m_cr, x, y);
    pango_cairo_show_layout(m_cr, l);
    cairo_restore(m_cr);
    return double(h) / PANGO_SCALE;
}

}  // namespace mh::print
