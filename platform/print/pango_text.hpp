// Text on a cairo surface through Pango, in points: the same calls lay out the PDF (real, selectable
// text) and the PNG, so what is measured for one is what is drawn on the other.
#pragma once
#include <string>

#include <cairo.h>
#include <pango/pangocairo.h>

namespace mh::print {

inline constexpr const char* kCjkFamily = "Noto Sans CJK SC";

enum class Align { Left, Center, Right };

struct TextStyle {
    double sizePt = 10;
    bool bold = false;
    Align align = Align::Left;
    double width = -1;      // wrap (or align) inside this width; -1: one unbounded line
    bool ellipsize = false; // with a width: cut with … rather than wrap
    double gray = 0;        // 0 black … 1 white
};

// One Pango context bound to one cairo context; font metrics unhinted so sizes do not depend on
// the surface (PDF points vs PNG pixels).
class PangoText {
public:
    explicit PangoText(cairo_t* cr);
    ~PangoText();
    PangoText(const PangoText&) = delete;
    PangoText& operator=(const PangoText&) = delete;

    // Width and height of the text in points.
    [[nodiscard]] std::pair<double, double> measure(const std::string& text, const TextStyle& st);
    // Draws with the top-left of the box at (x, y); returns the height drawn.
    double draw(double x, double y, const std::string& text, const TextStyle& st);

private:
    PangoLayout* layout(const std::string& text, const TextStyle& st);
    cairo_t* m_cr;
    PangoContext* m_ctx;
    PangoLayout* m_layout;
    PangoFontDescription* m_font;
};

}  // namespace mh::print
