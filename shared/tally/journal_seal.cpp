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

}  // namespace mh
