#include "shared/checkin/scan_messages.hpp"

namespace mh {

void composeMessage(ScanResult& r, const std::string& detailZh, const std::string& detailEn) {
    const std::string& who = r.maskedName;
    std::string svc = r.serviceName.empty() ? r.service.str() : r.serviceName;
    switch (r.outcome) {
        case Outcome::Accepted: {
            std::string what = r.delivered ? svc + "送餐登记成功" : svc + "签到成功";
            std::string whatEn = r.delivered ? svc + " delivery recorded" : "checked in for " + svc;
            Fen pay = r.elderPays();
            if (!r.priceFen || *r.priceFen == Fen{0}) {
                r.message = who + "，" + what;
                r.messageEn = who + ", " + whatEn;
            } else if (pay == Fen{0}) {
                r.message = who + "，" + what + "，本次免费";
                r.messageEn = who + ", " + whatEn + ", nothing to pay";
            } else {
                r.message = who + "，" + what + "，请付" + formatYuanShort(pay) + "元";
                r.messageEn = who + ", " + whatEn + ", please pay " + formatYuanShort(pay) + " yuan";
            }
            return;
        }
        case Outcome::Duplicate:
            r.message = who + "，您今天已经签到过" + svc + "了，不用再刷";
            r.messageEn = who + ", you are already checked in for " + svc + " today";
            return;
        case Outcome::Unknown:
            if (r.registrationStopped) {
                r.message = "您的登记已停用，请找工作人员";
                r.messageEn = "Your registration has been stopped. Please ask the staff.";
                return;
            }
            r.message = "没有找到您的登记信息，请找工作人员";
            r.messageEn = "This card is not on the roster. Please ask the staff.";
            return;
        case Outcome::Invalid:
            r.message = "没有读懂这张卡，请再刷一次或找工作人员";
            r.messageEn = "The card could not be read. Please try again or ask the staff.";
            if (!detailZh.empty()) {
                r.message += "（" + detailZh + "）";
                r.messageEn += " (" + detailEn + ")";
            }
            return;
        case Outcome::Revoked:
            r.message = who + "，这张卡已经停用（挂失或换了新卡），请找工作人员";
            r.messageEn = who + ", this card is no longer valid (lost or replaced). Please ask the staff.";
            return;
        case Outcome::Closed:
            r.message = "现在不是" + svc + "时间" + (detailZh.empty() ? "" : "（" + detailZh + "）");
            r.messageEn = svc + " is not open now" + (detailEn.empty() ? "" : " (" + detailEn + ")");
            return;
        case Outcome::Ineligible:
            r.message = who + "，您不在" + svc + "的补贴范围内，请找工作人员";
            r.messageEn = who + ", you are not covered for " + svc + ". Please ask the staff.";
            return;
    }
}

}  // namespace mh
