// Writing a multi-page A4 PDF through cairo to a file we own: the posting, the menu sheet and every
// later printout draw their pages through this, so a full disk is named as such (the write's errno
// is kept) and drawing stops at the first failure.
#pragma once
#include <filesystem>
#include <functional>
#include <string>

#include <cairo.h>

#include "shared/core/result.hpp"

namespace mh::print {

inline constexpr double kA4W = 595.28, kA4H = 841.89;  // points

// Draws `pages` pages of `width`×`height` points with `drawPage(cr, page)` into `temp` (already
// created, e.g. an AtomicFile's temp path); errors name `finalName`. Returns the pages written.
Result<int> writePdfPages(const std::filesystem::path& temp, const std::filesystem::path& finalName, const std::string& title,
                          int pages, const std::function<void(cairo_t*, int)>& drawPage, double width = kA4W,
                          double height = kA4H);

// The whole file: `pages` pages drawn into a temporary beside `pdf`, which takes its name only when
// every page was written (a failed print leaves no half PDF). Returns the pages written.
Result<int> writePdfFile(const std::filesystem::path& pdf, const std::string& title, int pages,
                         const std::function<void(cairo_t*, int)>& drawPage);

// The two strokes every printout's tables are made of: a filled grey box (1 white, 0 black) and a
// black rule `width` points thick.
void fillRect(cairo_t* cr, double x, double y, double w, double h, double gray);
void rule(cairo_t* cr, double x0, double y0, double x1, double y1, double width);

}  // namespace mh::print
