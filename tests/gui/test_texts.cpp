// What the kiosk says: amounts in pinyin number words for the voice, and the pay line.
#include <doctest/doctest.h>

#include "kiosk/ui/texts.hpp"

using namespace mh;
using namespace mh::ui;

TEST_CASE("amounts are read the way a shopkeeper says them") {
    CHECK(yuanPinyin(200_fen) == "liang3 yuan2");
    CHECK(yuanPinyin(100_fen) == "yi1 yuan2");
    CHECK(yuanPinyin(1000_fen) == "shi2 yuan2");
    CHECK(yuanPinyin(1200_fen) == "shi2 er4 yuan2");
    CHECK(yuanPinyin(2000_fen) == "er4 shi2 yuan2");
    CHECK(yuanPinyin(10500_fen) == "yi1 bai3 ling2 wu3 yuan2");
    CHECK(yuanPinyin(20000_fen) == "liang3 bai3 yuan2");
    CHECK(yuanPinyin(250_fen) == "liang3 yuan2 wu3 jiao3");
    CHECK(yuanPinyin(50_fen) == "wu3 jiao3");
}

TEST_CASE("the pay line says the elder's share, 免费 for nothing, and nothing on a refusal") {
    ScanResult r;
    r.outcome = Outcome::Accepted;
    r.priceFen = 1000_fen;
    r.shares = Shares{600_fen, 200_fen, 0_fen, 0_fen, 200_fen};
    CHECK(payText(r) == "请付 2 元");
    CHECK(payPinyin(r) == "qing3 fu4 liang3 yuan2");
    r.shares = Shares{1000_fen, 0_fen, 0_fen, 0_fen, 0_fen};
    CHECK(payText(r) == "免费");
    r.outcome = Outcome::Duplicate;
    CHECK(payText(r).empty());
}

TEST_CASE("weekdays are written the Chinese way") {
    CHECK(weekdayZh(0) == "星期日");
    CHECK(weekdayZh(3) == "星期三");
}

TEST_CASE("every outcome word fits in four characters so it is 20 mm tall on a 7-inch panel") {
    for (Outcome o : {Outcome::Accepted, Outcome::Invalid, Outcome::Unknown, Outcome::Revoked, Outcome::Closed,
                      Outcome::Duplicate, Outcome::Ineligible})
        for (bool delivered : {false, true}) CHECK(std::string(outcomeWord(o, delivered).zh).size() == 12);
}

TEST_CASE("a rare character beyond 16-bit ImWchar is shown as * rather than a ? box") {
    // 𠀀 (U+20000) is in CJK Extension B, beyond the Basic Multilingual Plane.
    CHECK(drawable("张\xF0\xA0\x80\x80兰") == "张*兰");
    CHECK(drawable("王建国") == "王建国");
}
