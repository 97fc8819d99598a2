// Elders as the site stores them: what the job needs and no more (no full ID number, contract 5).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "shared/core/elder.hpp"
#include "shared/core/ids.hpp"
#include "shared/store/database.hpp"

namespace mh {

// The `updated_at` of a peer stub: never a time the roster writes.
inline constexpr const char* kPeerStubMark = "peer-stub";

class ElderStore {
public:
    explicit ElderStore(Database& db) : m_db(db) {}

    // An elder kept only because a peer terminal's record names them (FeedStore, contract 11):
    // inactive, with the peer's name and nothing else. A roster import treats them as new.
    [[nodiscard]] bool isPeerStub(const ElderId& elder);

    [[nodiscard]] std::optional<Elder> byElderId(const ElderId& elder);
    [[nodiscard]] std::optional<Elder> byIdHash(const std::string& idHash);
    [[nodiscard]] std::optional<Elder> byLegacyCard(const std::string& card);
    [[nodiscard]] std::vector<Elder> all();
    // Insert or replace by elder_id; the caller holds the transaction.
    void upsert(const Elder& e, const std::string& updatedAt);

private:
    std::optional<Elder> one(const char* where, const std::string& value);
    Database& m_db;
};

}  // namespace mh
