// The elders' voice at the door (contract 14): with [feedback] enabled, an accepted meal keeps its
// headline and offers three faces for kFeedbackSeconds; one tap records the meal's score through the
// same use case as `kiosk feedback`, says the word back and returns to 请刷卡. Nothing here waits:
// the next card is scanned at once (kiosk_controller_checkin.cpp drops the faces first).
#include "kiosk/ui/kiosk_controller.hpp"

#include <iostream>

#include "shared/feedback/feedback_book.hpp"

namespace mh::ui {

void KioskController::askFeedback(const ScanResult& shown) {
    if (!m_site.config().feedbackEnabled || !shown.accepted() || !shown.recordId || shown.delivered ||
        shown.storeFault != StoreFault::None)
        return;
    // Meals only: 助医 or a class is not eaten. A volunteer scanning delivered meals has no elder
    // in front of the kiosk to ask.
    const ServiceDef* svc = m_site.config().findService(shown.service.str());
    if (!svc || svc->kind != ServiceKind::Meal) return;
    m_state.feedback = FeedbackAsk{*shown.recordId, m_clock.nowUnix()};
    m_state.screen = ScreenId::Feedback;
}

void KioskController::giveFeedback(int score) {
    if (m_state.screen != ScreenId::Feedback || !m_state.feedback) return;
    auto s = parseFeedbackScore(score);
    if (!s) return;
    std::int64_t recordId = m_state.feedback->recordId;
    backToWaiting();
    auto given = recordFeedback(m_site, {recordId, *s, std::nullopt, kFeedbackFromScreen}, m_clock.nowUnix());
    // A score that could not be kept (the disk full) is not worth stopping the door for: the journal
    // says so, and the elder still hears thanks.
    if (!given) std::cerr << "评价（记录 " << recordId << "）：" << given.error().message << "\n";
    if (m_speaker) m_speaker->sayFeedback(score);
}

}  // namespace mh::ui
