#include "shared/peers/claim_book.hpp"

#include "shared/store/checkin_store.hpp"

namespace mh {
namespace {

// A live row: not expired, and not more than one life ahead (a row from before a reboot).
constexpr const char* kLive = "expires_ms > ?1 AND expires_ms <= ?2";

}  // namespace

const char* claimAnswerName(ClaimAnswer a) {
    switch (a) {
        case ClaimAnswer::Granted: return "granted";
        case ClaimAnswer::Held: return "held";
        case ClaimAnswer::Has: break;
    }
    return "has";
}

ClaimBook::ClaimBook(const std::filesystem::path& dbFile, std::string ownTerminal, const MonoClock& clock,
                     std::chrono::milliseconds life)
    : m_db(Database::open(dbFile)), m_own(std::move(ownTerminal)), m_lifeMs(life.count()), m_clock(clock) {
    // A claim is worth nothing after a power cut (its scan died with it): no fsync per claim. The
    // records themselves are written on the engine's connection, which stays synchronous=FULL.
    m_db.exec("PRAGMA synchronous=NORMAL");
    // Twenty scans of this terminal may be taking the write lock in turn while a peer waits 300 ms
    // for our answer: try every millisecond rather than sleep up to 100 ms with the lock free.
    m_db.retryLockEveryMs(5000);
}

void ClaimBook::sweep(std::int64_t now) {
    m_db.cached("DELETE FROM claims WHERE NOT (" + std::string(kLive) + ")").bind(1, now).bind(2, now + m_lifeMs).run();
}

void ClaimBook::insertClaim(const ClaimKey& key, const char* kind, const std::string& terminal, std::int64_t now) {
    m_db.cached("INSERT INTO claims(elder_id, service, day, kind, terminal, expires_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, key.elderId)
        .bind(2, key.service)
        .bind(3, key.day)
        .bind(4, kind)
        .bind(5, terminal)
        .bind(6, now + m_lifeMs)
        .run();
}

OwnClaim ClaimBook::takeOwn(const ClaimKey& key) {
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    const std::int64_t now = m_clock.nowMs();
    sweep(now);
    auto g = m_db.cached("SELECT terminal FROM claims WHERE elder_id = ?3 AND service = ?4 AND day = ?5 AND kind = 'grant' AND " +
                         std::string(kLive) + " ORDER BY claim_id LIMIT 1");
    g.bind(1, now).bind(2, now + m_lifeMs).bind(3, key.elderId).bind(4, key.service).bind(5, key.day);
    if (g.step()) return OwnClaim{0, g.text(0)};  // the grant stays: so does the refusal
    g.reset();
    insertClaim(key, "own", m_own, now);
    OwnClaim taken{m_db.lastInsertId(), {}};
    tx.commit();
    return taken;
}

void ClaimBook::releaseOwn(std::int64_t claim) noexcept {
    if (claim == 0) return;
    try {
        std::lock_guard lock(m_mutex);
        Transaction tx(m_db);
        m_db.cached("DELETE FROM claims WHERE claim_id = ?1 AND kind = 'own'").bind(1, claim).run();
        tx.commit();
    } catch (const std::exception&) {
        // The database is busy or failing: the claim ends with its life (rule 4).
    }
}

bool ClaimBook::ownLive(Database& db, std::int64_t claim) const {
    const std::int64_t now = m_clock.nowMs();
    auto st = db.cached("SELECT 1 FROM claims WHERE claim_id = ?3 AND kind = 'own' AND " + std::string(kLive));
    st.bind(1, now).bind(2, now + m_lifeMs).bind(3, claim);
    return st.step();
}

ClaimAnswer ClaimBook::grant(const ClaimKey& key, const std::string& requester) {
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    const std::int64_t now = m_clock.nowMs();
    sweep(now);
    // Under the write lock: a record committed before this is seen, one committed after it was
    // written under an own claim that this transaction saw (so it answered held), or by a scan whose
    // own claim was refused by the grant written here.
    if (CheckinStore(m_db).counted(ElderId(key.elderId), ServiceId(key.service), key.day)) return ClaimAnswer::Has;
    if (m_own < requester) {
        auto o = m_db.cached("SELECT 1 FROM claims WHERE elder_id = ?3 AND service = ?4 AND day = ?5 AND kind = 'own' AND " +
                             std::string(kLive) + " LIMIT 1");
        o.bind(1, now).bind(2, now + m_lifeMs).bind(3, key.elderId).bind(4, key.service).bind(5, key.day);
        if (o.step()) return ClaimAnswer::Held;
    }
    m_db.cached("DELETE FROM claims WHERE elder_id = ?1 AND service = ?2 AND day = ?3 AND kind = 'grant' AND terminal = ?4")
        .bind(1, key.elderId)
        .bind(2, key.service)
        .bind(3, key.day)
        .bind(4, requester)
        .run();
    insertClaim(key, "grant", requester, now);
    tx.commit();
    return ClaimAnswer::Granted;
}

void ClaimBook::recordArrived(const ClaimKey& key) noexcept {
    try {
        std::lock_guard lock(m_mutex);
        Transaction tx(m_db);
        m_db.cached("DELETE FROM claims WHERE elder_id = ?1 AND service = ?2 AND day = ?3 AND kind = 'grant'")
            .bind(1, key.elderId)
            .bind(2, key.service)
            .bind(3, key.day)
            .run();
        tx.commit();
    } catch (const std::exception&) {
        // Busy or failing: the grants end with their life, and a scan here finds the record anyway.
    }
}

int ClaimBook::countLive(const char* kind) {
    std::lock_guard lock(m_mutex);
    const std::int64_t now = m_clock.nowMs();
    auto st = m_db.cached("SELECT COUNT(*) FROM claims WHERE kind = ?3 AND " + std::string(kLive));
    st.bind(1, now).bind(2, now + m_lifeMs).bind(3, kind);
    st.step();
    return int(st.i64(0));
}

int ClaimBook::liveGrants() { return countLive("grant"); }
int ClaimBook::ownClaims() { return countLive("own"); }

}  // namespace mh
