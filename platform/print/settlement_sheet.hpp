// The settlement for the civil-affairs office (contract 12, `settlement`): A4 pages of real text a
// 民政局 clerk can check line by line against the CSV (the same lines, money in yuan), with the
// signature lines 经办人 / 负责人 / 村委会盖章 on the last page.
#pragma once
#include <filesystem>

#include "shared/core/result.hpp"
#include "shared/eats/settlement.hpp"

namespace mh::print {

// Writes the PDF atomically (a temp file renamed when whole).
Status renderSettlement(const Settlement& s, const std::filesystem::path& pdf);

}  // namespace mh::print
