// 今日核对 on the 更多 page (contract 13): today's review items from the same use case as `review`,
// one plain line each; 处理好了 asks first (two stray taps change nothing) and then marks the item
// through the same use case as `review --handle`, audited under the staff screen's name.
#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/texts.hpp"
#include "shared/reports/daily_review.hpp"
#include "shared/reports/review_lines.hpp"
#include "shared/staff/staff_audit.hpp"

namespace mh::ui {

void KioskController::loadReview() {
    tick();
    m_state.review.lines.clear();
    try {
        for (const ReviewItem& item : dailyReview(m_site, m_state.now.date).items)
            m_state.review.lines.push_back({item.id, drawable(reviewItemLine(item, m_site.config())), item.handled});
    } catch (const StoreError& e) {
        m_state.staffMessage = std::string("读不出今日核对（数据库出错）：") + e.what();
        m_state.staffMessageIsProblem = true;
    }
}

void KioskController::askHandleReview(const std::string& id) {
    for (const ReviewLine& line : m_state.review.lines)
        if (line.id == id && !line.handled) {
            ask({"这一项处理好了吗？", {line.text, "标记以后记在操作记录里"}, "确认处理好了"}, [this, id] { handleReview(id); });
            return;
        }
}

void KioskController::handleReview(const std::string& id) {
    auto item = markReviewHandled(m_site, id, kStaffScreenActor, m_clock.nowUnix());
    m_state.staffMessage = item ? "已标记处理好了" : item.error().message;
    m_state.staffMessageIsProblem = !item;
    loadReview();
}

}  // namespace mh::ui
