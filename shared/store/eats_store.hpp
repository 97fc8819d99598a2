// Contract 12's tables (everyone who eats): meals nobody claims a subsidy for (guests, staff,
// volunteers) and their voids, what a driver found at the door of a delivered meal, and the concern
// notes staff marked handled. Each table is append-only and keyed by its origin (terminal, record)
// like check-ins and voids, and replicates through the feed (feed kinds other_meal, other_void,
// delivery, handled: eatsFeedRow and importEatsEntry, called by FeedStore).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/core/ids.hpp"
#include "shared/core/money.hpp"
#include "shared/store/database.hpp"

namespace mh {

struct OtherMeal {
    std::int64_t mealId = 0;  // this database's id; shares the id space of check-in records
    std::string service;
    std::string kind;  // guest | staff | volunteer
    std::string day;   // YYYY-MM-DD, local
    std::string at;    // local ISO time with offset
    std::optional<std::string> enteredAt;
    int count = 1;
    Fen paidFen;  // what all `count` meals paid together
    std::string name;   // a volunteer's name (anyone's, where given)
    int minutes = 0;    // a volunteer's hours, in minutes
    bool voided = false;
    std::string originTerminal;
    std::int64_t originRecord = 0;
};

struct DeliveryOutcome {
    std::int64_t outcomeId = 0;
    std::int64_t recordId = 0;  // this database's id of the delivered record (0: not here)
    std::string outcome;        // delivered | not_home | refused
    std::string staff;          // the driver
    std::string note;
    std::string at;
    bool handled = false;       // staff marked the note handled
    std::string originTerminal;
    std::int64_t originRecord = 0;
};

class EatsStore {
public:
    explicit EatsStore(Database& db) : m_db(db) {}

    // A new record id for this terminal, above every check-in and other meal this database holds or
    // held, so `void --record N` names one thing. Used by insertOtherMeal and CheckinStore::insert.
    [[nodiscard]] std::int64_t nextRecordId();
    // Own meal; returns its id. The caller holds the transaction.
    std::int64_t insertOtherMeal(const OtherMeal& m);
    [[nodiscard]] std::optional<OtherMeal> otherMeal(std::int64_t mealId);
    // The meals with day in [from, to] this terminal has seen (its own and its peers'), voided ones
    // included; `ownOnly`: only those born here.
    [[nodiscard]] std::vector<OtherMeal> otherMeals(const std::string& from, const std::string& to, bool ownOnly);
    // The caller holds the transaction.
    void voidOtherMeal(std::int64_t mealId, const std::string& at, const std::string& staff, const std::string& reason);

    // The outcome of a delivered record (this database's id); the caller holds the transaction.
    std::int64_t insertOutcome(std::int64_t recordId, const std::string& outcome, const std::string& staff,
                               const std::string& note, const std::string& at);
    // The outcomes of records of `day` (any terminal's), oldest first.
    [[nodiscard]] std::vector<DeliveryOutcome> outcomesOfDay(const std::string& day);
    // Outcomes with a note staff have not marked handled, any day, oldest first.
    [[nodiscard]] std::vector<DeliveryOutcome> openConcerns();
    [[nodiscard]] std::optional<DeliveryOutcome> outcome(std::int64_t outcomeId);
    void markHandled(std::int64_t outcomeId, const std::string& staff, const std::string& at);

    // The elder's counted 代领 records with day in [from, to], over every terminal this one has seen.
    [[nodiscard]] int proxyUses(const ElderId& elder, const std::string& from, const std::string& to);

private:
    Database& m_db;
};

// The feed entry of one row of the tables above (kind other_meal, other_void, delivery, handled); null
// for another kind or a row that is gone.
nlohmann::json eatsFeedRow(Database& db, const std::string& kind, std::int64_t localId);
// The table of a feed kind above, or nullptr.
const char* eatsFeedTable(const std::string& kind);
// Imports one checked entry of those kinds (its origin is not this terminal, it is not here yet and
// was not written in the future). False: refused (a money field out of bounds, or a row it names
// that is not here: the feed sends a row before what names it, so that is a lie or a gap).
bool importEatsEntry(Database& db, const nlohmann::json& e);

}  // namespace mh
