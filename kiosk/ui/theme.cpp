// Which colour and shape each scan outcome gets.
#include "kiosk/ui/theme.hpp"

namespace mh::ui {

OutcomeLook lookOf(Outcome o) {
    switch (o) {
        case Outcome::Accepted: return {IconShape::TickCircle, kGreen, kGreenText, kBackground, kText, false};
        case Outcome::Duplicate: return {IconShape::Triangle, kAmber, rgb(0xFFD166), kDupBackground, kOnDarkText, true};
        case Outcome::Closed: return {IconShape::Clock, kOnDarkText, rgb(0xC9DAFF), kInfoBackground, kOnDarkText, true};
        case Outcome::Invalid: return {IconShape::QuestionSquare, kOnDarkText, rgb(0xC9DAFF), kInfoBackground, kOnDarkText, true};
        default: break;
    }
    return {IconShape::Cross, rgb(0xFFFFFF), rgb(0xFFD0D6), kStopBackground, kOnDarkText, true};
}

OutcomeLook lookOf(const ScanResult& r) {
    // A scan the store could not write is a stop like every "go to staff" refusal: red, a cross.
    return r.storeFault == StoreFault::None ? lookOf(r.outcome) : lookOf(Outcome::Ineligible);
}

}  // namespace mh::ui
