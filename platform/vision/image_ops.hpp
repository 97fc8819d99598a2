// Small pixel operations the decoder's extra passes need: resampling and contrast stretch.
#pragma once
#include "shared/ports/gray_image.hpp"

namespace mh {

// Bilinear resize to (w, h). Downscaling by averaging first (box) when shrinking by 2 or more, so
// sensor noise is smoothed instead of aliased.
GrayImage resizeGray(const GrayImage& src, int w, int h);

// Maps the 2nd..98th percentile of luma onto 0..255: rescues dim, washed-out or glared frames.
GrayImage stretchContrast(const GrayImage& src);

// 3x3 box filter: takes the edge off sensor and JPEG noise before binarizing.
GrayImage boxBlur3(const GrayImage& src);

// A copy of a rectangle, clipped to the image.
GrayImage cropGray(const GrayImage& src, int x, int y, int w, int h);

}  // namespace mh
