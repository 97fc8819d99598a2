// An elder's id and a service's id as two types, not two strings (issue #22): a use case that takes
// (elderId, serviceId) no longer accepts them swapped, and neither is taken for the other or for any
// string without saying so. Both are the same text as before (in SQL, JSON and on cards): converted
// with ElderId(text) one way and .str() the other, where they meet the outside.
#pragma once
#include <compare>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace mh {

// One id type per Tag; the tags are never defined, they only keep the types apart.
template <typename Tag>
class StrongId {
public:
    StrongId() = default;
    explicit StrongId(std::string id) : m_id(std::move(id)) {}
    explicit StrongId(std::string_view id) : m_id(id) {}
    explicit StrongId(const char* id) : m_id(id) {}
    [[nodiscard]] const std::string& str() const { return m_id; }
    [[nodiscard]] bool empty() const { return m_id.empty(); }
    auto operator<=>(const StrongId&) const = default;

private:
    std::string m_id;
};

struct ElderIdTag;
struct ServiceIdTag;
// The roster's id of an elder ("E0001"): what a card carries and every record names.
using ElderId = StrongId<ElderIdTag>;
// A service's id in site.toml ("lunch", "bath").
using ServiceId = StrongId<ServiceIdTag>;

}  // namespace mh

template <typename Tag>
struct std::hash<mh::StrongId<Tag>> {
    std::size_t operator()(const mh::StrongId<Tag>& id) const noexcept { return std::hash<std::string>{}(id.str()); }
};
