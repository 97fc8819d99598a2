// An elder as the roster knows them: a plain value that the store, the use cases and the screens
// pass around. What the job needs and no more (no full ID number, contract 5). It lives in core so
// that callers holding an Elder need no storage header (shared/store/elder_store.hpp keeps the table).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/id_number.hpp"

namespace mh {

struct Elder {
    std::string elderId;
    std::string name;
    std::optional<std::string> idHash;
    std::optional<std::string> idLast4;
    std::optional<LocalDate> birth;
    std::optional<Sex> sex;
    std::vector<std::string> categories;  // codes
    std::string village;
    std::string phone;
    std::vector<std::string> diets;       // diet codes (低盐 …): staff and kitchen only, never public
    std::string cardSerial = "1";
    std::optional<std::string> legacyCard;
    bool active = true;

    [[nodiscard]] bool hasCategory(std::string_view code) const;
    [[nodiscard]] std::string categoriesText() const;  // "dibao|duju"
    bool operator==(const Elder&) const = default;
};

}  // namespace mh
