// The journal's signed head and report (see journal_seal.hpp).
#include "shared/tally/journal_seal.hpp"

#include <sodium.h>

namespace mh {

std::string journalSignedText(const std::string& siteId, const std::string& terminal, std::int64_t seq,
                              const std::string& head) {
    return "mealhall.journal.v1:" + siteId + ":" + terminal + ":" + std::to_string(seq) + ":" + head;
}

JournalSeal sealJournal(Site& site) {
    const JournalCheck check = verifyJournal(site.db());
    const JournalHead& h = check.head;
    JournalSeal seal;
    seal.seq = h.seq;
    seal.head = h.head;
    if (check.problem) {
        seal.problem = check.problem->en;
        return seal;
    }
    const std::string text = journalSignedText(site.config().siteId, h.terminal, h.seq, h.head);
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                         site.keys().card.sec.data());
    char b64[sodium_base64_ENCODED_LEN(crypto_sign_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(b64, sizeof b64, sig, sizeof sig, sodium_base64_VARIANT_ORIGINAL);
    seal.sig = b64;
    return seal;
}

JournalReport journalReport(Site& site) {
    JournalReport r;
    r.check = verifyJournal(site.db());
    r.terminal = journalHead(site.db()).terminal;
    auto st = site.db().prepare(
        "SELECT terminal, seq, hash FROM journal j WHERE seq = (SELECT MAX(seq) FROM journal WHERE terminal = j.terminal)"
        " ORDER BY terminal <> ?1, terminal");
    st.bind(1, r.terminal);
    while (st.step()) r.chains.push_back(JournalChainHead{st.text(0), st.i64(1), st.text(2)});
    return r;
}

std::optional<Error> checkTallyAgainstJournal(Site& site, const nlohmann::json& tally) {
    auto bad = [](const std::string& zh, const std::string& en) {
        return Error{"journal.tally", "日报和账本对不上：" + zh, "the tally does not match the journal: " + en};
    };
    try {
        const std::string terminal = tally.at("terminal").get<std::string>();
        const nlohmann::json& j = tally.at("journal");
        const std::int64_t seq = j.at("seq").get<std::int64_t>();
        const std::string head = j.at("head").get<std::string>();
        if (tally.at("site_id").get<std::string>() != site.config().siteId)
            return bad("不是本站的日报", "it is another site's tally");
        // The signature: the site's key over the signed text.
        const std::string text = journalSignedText(site.config().siteId, terminal, seq, head);
        const std::string sig64 = j.value("sig", std::string());
        unsigned char sig[crypto_sign_BYTES];
        size_t len = 0;
        if (sodium_base642bin(sig, sizeof sig, sig64.data(), sig64.size(), nullptr, &len, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) != 0 ||
            len != sizeof sig ||
            crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                                        site.keys().card.pub.data()) != 0)
            return bad("签名不对", "its signature is not the site's");
        // The head: entry `seq` of the terminal's chain here.
        Database& db = site.db();
        auto entry = db.prepare("SELECT hash FROM journal WHERE terminal = ?1 AND seq = ?2");
        entry.bind(1, terminal).bind(2, seq);
        if (seq > 0 && (!entry.step() || entry.text(0) != head))
            return bad("账本里没有这个签过名的位置（第 " + std::to_string(seq) + " 条）",
                       "its signed head is not entry " + std::to_string(seq) + " of the chain here");
        // Each record: the row of the terminal's chain (at or before the head) says what the tally says.
        auto row = db.prepare(
            "SELECT c.elder_id, c.service, c.at, c.price_fen, c.government_fen, c.collective_fen, c.donation_fen,"
            " c.family_fen, c.elder_fen, j.seq FROM checkins c JOIN journal j ON j.tbl = 'checkins'"
            " AND j.row_key = CAST(c.record_id AS TEXT) AND j.terminal = c.origin_terminal"
            " WHERE c.origin_terminal = ?1 AND c.origin_record = ?2");
        for (const nlohmann::json& r : tally.at("records")) {
            const std::int64_t id = r.at("record_id").get<std::int64_t>();
            const std::string name = "记录 " + std::to_string(id), nameEn = "record " + std::to_string(id);
            row.bind(1, terminal).bind(2, id);
            if (!row.step()) {
                row.reset();
                return bad(name + " 不在账本里", nameEn + " is not in the journal");
            }
            const nlohmann::json& sh = r.at("shares_fen");
            const bool same = row.text(0) == r.at("elder_id").get<std::string>() &&
                              row.text(1) == r.at("service").get<std::string>() && row.text(2) == r.at("at").get<std::string>() &&
                              row.i64(3) == r.at("price_fen").get<std::int64_t>() &&
                              row.i64(4) == sh.at("government").get<std::int64_t>() &&
                              row.i64(5) == sh.at("collective").get<std::int64_t>() &&
                              row.i64(6) == sh.at("donation").get<std::int64_t>() &&
                              row.i64(7) == sh.at("family").get<std::int64_t>() &&
                              row.i64(8) == sh.at("elder").get<std::int64_t>();
            const bool before = row.i64(9) <= seq;
            row.reset();
            if (!same) return bad(name + " 和账本里的不一样", nameEn + " differs from the journal");
            if (!before) return bad(name + " 在签名之后才记下", nameEn + " was journalled after the signed head");
        }
    } catch (const nlohmann::json::exception&) {
        return Error{"journal.tally_format", "这不是一份带账本的日报", "this is not a tally with a journal"};
    }
    return std::nullopt;
}

}  // namespace mh
