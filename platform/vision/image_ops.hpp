// Small pixel operations the decoder's extra passes need: resampling and contrast stretch.
#pragma once
#include "shared/ports/gray_image.hpp"

namespace mh {

// Resize to (w, h) with stb_image_resize; shrinking averages, so sensor noise is smoothed instead of
// aliased. Empty for an empty source or size.
GrayImage resizeGray(const GrayImage& src, int w, int h);

// Maps the 2nd..98th percentile of luma onto 0..255: rescues dim, washed-out or glared frames.
GrayImage stretchContrast(const GrayImage& src);

// 3x3 box filter: takes the edge off sensor and JPEG noise before binarizing.
GrayImage boxBlur3(const GrayImage& src);

// A copy of a rectangle, clipped to the image.
GrayImage cropGray(const GrayImage& src, int x, int y, int w, int h);

}  // namespace mh
