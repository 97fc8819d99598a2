#include "shared/donations/record_donation.hpp"

#include "shared/core/text.hpp"
#include "shared/store/audit_log.hpp"

namespace mh {

Result<Donation> recordDonation(Database& db, const DonationRequest& req, LocalDate today, const std::string& nowIso) {
    std::string donor(trim(req.donor)), purpose(trim(req.purpose));
    if (donor.empty() || !isValidUtf8(donor) || !isValidUtf8(purpose))
        return Error{"donation.donor", "请写明捐赠人（用文字写，不能空着）", "the donor must be named (UTF-8 text)"};
    if (req.amountFen <= Fen{0} || req.amountFen > kMaxDonationFen)
        return Error{"donation.amount", "捐赠金额应大于 0，且不超过 10 万元（10000000 分）",
                     "the amount must be more than 0 and at most 100,000 yuan (10,000,000 fen)"};
    LocalDate day = req.day.value_or(today);
    if (day > today)
        return Error{"donation.date", "捐赠日期不能晚于今天（" + today.iso() + "）",
                     "the donation date cannot be after today (" + today.iso() + ")"};
    Donation d{0, donor, req.amountFen, day.iso(), purpose, req.named};
    try {
        Transaction tx(db);
        d.donationId = DonationStore(db).insert(d, nowIso);
        AuditLog(db).append(nowIso, req.actor.empty() ? "cli" : req.actor, "donation.add",
                            "donation " + std::to_string(d.donationId),
                            donor + " " + std::to_string(d.amountFen.value()) + " fen " + d.day + (d.named ? " named" : "") +
                                (purpose.empty() ? "" : " " + purpose));
        tx.commit();
    } catch (const StoreError& e) {
        if (e.diskFull())
            return Error{"store.full", "磁盘已满，捐赠没有记录", "the disk is full; the donation was not recorded"};
        return Error{"store.error", "捐赠没有记录成功：数据库写入失败", "the donation was not recorded: database write failed"};
    }
    return d;
}

}  // namespace mh
