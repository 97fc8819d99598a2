#include "shared/store/donation_store.hpp"

namespace mh {

std::int64_t DonationStore::insert(const Donation& d, const std::string& recordedAt) {
    // Born here: the origin is this terminal and the donation's own id (contract 11).
    auto st = m_db.prepare(
        "INSERT INTO donations(donation_id, donor, amount_fen, day, purpose, named, recorded_at, origin_terminal,"
        " origin_record) SELECT n, ?1,?2,?3,?4,?5,?6, (SELECT terminal_id FROM terminal WHERE id = 1), n"
        " FROM (SELECT MAX((SELECT COALESCE(MAX(donation_id), 0) FROM donations), (SELECT COALESCE(MAX(origin_record), 0) FROM donations"
        " WHERE origin_terminal = (SELECT terminal_id FROM terminal WHERE id = 1))) + 1 AS n)");
    st.bind(1, d.donor).bind(2, d.amountFen).bind(3, d.day).bind(4, d.purpose).bind(5, d.named).bind(6, recordedAt);
    st.run();
    return m_db.lastInsertId();
}

std::vector<Donation> DonationStore::forDays(const std::string& from, const std::string& to) {
    auto st = m_db.prepare(
        "SELECT donation_id, donor, amount_fen, day, purpose, named FROM donations"
        " WHERE day BETWEEN ?1 AND ?2 ORDER BY day, donation_id");
    st.bind(1, from).bind(2, to);
    std::vector<Donation> out;
    while (st.step()) out.push_back({st.i64(0), st.text(1), st.fen(2), st.text(3), st.text(4), st.i64(5) != 0});
    return out;
}

DonationBalance DonationStore::balance(LocalDate asOf) {
    DonationBalance b;
    std::string day = asOf.iso();
    // fen_sum (database.cpp): SUM that saturates instead of failing with "integer overflow", so one
    // bad row cannot make every balance, `donation add` and the posting fail for good.
    auto got = m_db.prepare("SELECT fen_sum(amount_fen) FROM donations WHERE day <= ?1");
    got.bind(1, day);
    if (got.step()) b.receivedFen = got.fen(0);
    auto spent = m_db.prepare("SELECT fen_sum(donation_fen) FROM checkins WHERE voided = 0 AND day <= ?1");
    spent.bind(1, day);
    if (spent.step()) b.spentFen = spent.fen(0);
    auto recent = m_db.prepare(
        "SELECT fen_sum(donation_fen) FROM checkins WHERE voided = 0 AND day > ?1 AND day <= ?2");
    recent.bind(1, asOf.plusDays(-kDonationRateWindowDays).iso()).bind(2, day);
    if (recent.step()) b.recentFen = recent.fen(0);
    return b;
}

std::string donationBalanceText(const DonationBalance& b, bool english) {
    std::string yuan = formatYuan2(b.balanceFen());
    int days = b.daysCovered();
    switch (b.level()) {
        case DonationLevel::Exhausted:
            return english ? "Donation balance " + yuan + " yuan: used up, meals still draw on it - please top up"
                           : "捐赠余额 " + yuan + " 元，已用完，助餐仍在使用捐赠份额，请尽快补充";
        case DonationLevel::Low:
            return english ? "Donation balance " + yuan + " yuan: about " + std::to_string(days) +
                                 " days left at the recent rate - please top up"
                           : "捐赠余额 " + yuan + " 元，按近期用量约可用 " + std::to_string(days) + " 天，请及时补充";
        case DonationLevel::Ok: break;
    }
    if (days < 0) return english ? "Donation balance " + yuan + " yuan" : "捐赠余额 " + yuan + " 元";
    // Past a year the day count says nothing a cadre can act on.
    if (days > 365)
        return english ? "Donation balance " + yuan + " yuan, more than a year at the recent rate"
                       : "捐赠余额 " + yuan + " 元，按近期用量够用一年以上";
    return english ? "Donation balance " + yuan + " yuan, about " + std::to_string(days) + " days at the recent rate"
                   : "捐赠余额 " + yuan + " 元，按近期用量约可用 " + std::to_string(days) + " 天";
}

}  // namespace mh
