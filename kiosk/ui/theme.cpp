// Which colour and shape each scan outcome gets.
#include "kiosk/ui/theme.hpp"

namespace mh::ui {

OutcomeLook lookOf(Outcome o) {
    switch (o) {
        case Outcome::Accepted: return {IconShape::TickCircle, kGreen, kGreenText};
        case Outcome::Duplicate: return {IconShape::Triangle, kAmber, kAmberText};
        case Outcome::Closed: return {IconShape::Clock, kBlue, kBlueText};
        case Outcome::Invalid: return {IconShape::QuestionSquare, kBlue, kBlueText};
        default: break;
    }
    return {IconShape::Octagon, kRed, kRedText};
}

}  // namespace mh::ui
