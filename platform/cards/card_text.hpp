// Text on printed cards (elder cards, county setup cards): one line in the CJK font, shrunk until it
// fits, so a long name or address never runs off the card.
#pragma once
#include <cairo.h>

#include <string>

namespace mh {

struct CardInk {
    double r = 0.1, g = 0.1, b = 0.1;
};

// Draws `text` with its top-left at (x, y), from `px` down by 8% steps until it fits `maxWidth` or
// reaches `minPx`; returns the height used.
double drawFittedText(cairo_t* cr, const std::string& text, double x, double y, double px, bool bold,
                      double maxWidth, double minPx, CardInk ink = {});

}  // namespace mh
