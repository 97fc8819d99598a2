#include "platform/print/pdf_writer.hpp"

#include <cairo-pdf.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "platform/print/draw_failure.hpp"
#include "shared/core/atomic_file.hpp"

namespace mh::print {
namespace {

// cairo's stream interface to a descriptor we own, so a failed write keeps its errno (ENOSPC,
// EACCES …) and the error can name the real cause.
struct PdfStream {
    int fd = -1;
    int err = 0;
};

cairo_status_t writePdfBytes(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<PdfStream*>(closure);
    while (length > 0) {
        ssize_t n = ::write(out->fd, data, length);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            out->err = n < 0 ? errno : EIO;
            return CAIRO_STATUS_WRITE_ERROR;
        }
        data += n;
        length -= unsigned(n);
    }
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<int> writePdfPages(const std::filesystem::path& temp, const std::filesystem::path& finalName, const std::string& title,
                          int pages, const std::function<void(cairo_t*, int)>& drawPage, double width, double height) {
    PdfStream stream{::open(temp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC)};
    if (stream.fd < 0) return drawFailure(finalName, CAIRO_STATUS_SUCCESS, errno);
    cairo_surface_t* doc = cairo_pdf_surface_create_for_stream(writePdfBytes, &stream, width, height);
    cairo_pdf_surface_set_metadata(doc, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_t* cr = cairo_create(doc);
    // Stop at the first failure: a full disk should not cost drawing twenty more pages.
    for (int p = 0; p < pages && cairo_status(cr) == CAIRO_STATUS_SUCCESS; ++p) {
        drawPage(cr, p);
        cairo_show_page(cr);
    }
    cairo_status_t drawn = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(doc);
    cairo_status_t status = drawn != CAIRO_STATUS_SUCCESS ? drawn : cairo_surface_status(doc);
    cairo_surface_destroy(doc);
    if (::close(stream.fd) != 0 && status == CAIRO_STATUS_SUCCESS) {
        stream.err = errno;
        status = CAIRO_STATUS_WRITE_ERROR;
    }
    if (status != CAIRO_STATUS_SUCCESS) return drawFailure(finalName, status, stream.err);
    return pages;
}

Result<int> writePdfFile(const std::filesystem::path& pdf, const std::string& title, int pages,
                         const std::function<void(cairo_t*, int)>& drawPage) {
    AtomicFile file(pdf);
    if (!file.ok()) return drawFailure(pdf, CAIRO_STATUS_SUCCESS, errno);
    auto written = writePdfPages(file.tempPath(), pdf, title, pages, drawPage);
    if (!written) return written.error();
    if (auto committed = file.commit(); !committed) return drawFailure(pdf, CAIRO_STATUS_SUCCESS, 0);
    return pages;
}

void fillRect(cairo_t* cr, double x, double y, double w, double h, double gray) {
    cairo_set_source_rgb(cr, gray, gray, gray);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
}

void rule(cairo_t* cr, double x0, double y0, double x1, double y1, double width) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
}

}  // namespace mh::print
