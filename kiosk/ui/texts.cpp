// The kiosk's fixed sentences and the pinyin of amounts.
#include "kiosk/ui/texts.hpp"

namespace mh::ui {

Phrase outcomeWord(Outcome o, bool delivered) {
    switch (o) {
        case Outcome::Accepted: return delivered ? Phrase{"送餐登记", "song4 can1 deng1 ji4"} : Phrase{"签到成功", "qian1 dao4 cheng2 gong1"};
        case Outcome::Duplicate: return {"已经签过", "yi3 jing1 qian1 guo4"};
        case Outcome::Unknown: return {"没有登记", "mei2 you3 deng1 ji4"};
        case Outcome::Invalid: return {"没有读出", "mei2 you3 du2 chu1"};
        case Outcome::Revoked: return {"卡已停用", "ka3 yi3 ting2 yong4"};
        case Outcome::Closed: return {"现在没开", "xian4 zai4 mei2 kai1"};
        case Outcome::Ineligible: break;
    }
    return {"不能签到", "bu4 neng2 qian1 dao4"};
}

Phrase resultWord(const ScanResult& r) {
    return r.storeFault == StoreFault::None ? outcomeWord(r.outcome, r.delivered) : kGoToStaff;
}

Phrase outcomeHint(const ScanResult& r) {
    if (r.storeFault == StoreFault::Full) return kStorageFull;
    if (r.storeFault == StoreFault::Failed) return kStorageFailed;
    switch (r.outcome) {
        case Outcome::Accepted: return {"祝您用餐愉快", "zhu4 nin2 yong4 can1 yu2 kuai4"};
        case Outcome::Duplicate: return {"今天已经签过了", "jin1 tian1 yi3 jing1 qian1 guo4 le"};
        case Outcome::Invalid:
            if (r.repeatedFailure) return kCardUnreadable;
            return {"请再刷一次", "qing3 zai4 shua1 yi2 ci4"};
        case Outcome::Closed: return {"请按时间再来", "qing3 an4 shi2 jian1 zai4 lai2"};
        case Outcome::Unknown:
            if (r.registrationStopped) return kRegistrationStopped;
            break;
        default: break;
    }
    return kAskStaff;
}

std::string payText(const ScanResult& r) {
    if (!r.accepted() || !r.priceFen || *r.priceFen == Fen{0}) return r.accepted() ? kFree.zh : "";
    Fen pay = r.elderPays();
    if (pay == Fen{0}) return kFree.zh;
    return "请付 " + formatYuanShort(pay) + " 元";
}

namespace {
const char* const kDigits[] = {"ling2", "yi1", "er4", "san1", "si4", "wu3", "liu4", "qi1", "ba1", "jiu3"};

// Pinyin of 0..9999 the way a shopkeeper says it: 两 before 百/千 and alone, 十二 not 一十二.
std::string under10000(int n) {
    if (n == 0) return kDigits[0];
    if (n == 2) return "liang3";
    static const char* const kUnits[] = {"qian1", "bai3", "shi2", ""};
    int parts[4] = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
    std::string out;
    bool pendingZero = false;
    for (int i = 0; i < 4; ++i) {
        int d = parts[i];
        if (d == 0) {
            if (!out.empty()) pendingZero = true;
            continue;
        }
        if (pendingZero) out += " ling2";
        pendingZero = false;
        if (!out.empty()) out += " ";
        bool leadingTen = i == 2 && out.empty() && d == 1;
        if (!leadingTen) out += (d == 2 && i < 2) ? "liang3" : kDigits[d];
        if (*kUnits[i]) out += std::string(leadingTen ? "" : " ") + kUnits[i];
    }
    return out;
}
}  // namespace

std::string yuanPinyin(Fen money) {
    // Reading money aloud is formatting: digits of the integer fen.
    const std::int64_t fen = money.value();
    std::int64_t yuan = fen / 100;
    int jiao = int(fen % 100 / 10), fenPart = int(fen % 10);
    std::string out = yuan >= 10000 ? under10000(int(yuan / 10000)) + " wan4" +
                                          (yuan % 10000 ? " " + under10000(int(yuan % 10000)) : "")
                                    : under10000(int(yuan));
    if (yuan == 0 && (jiao || fenPart)) out.clear();
    if (!out.empty()) out += " yuan2";
    if (jiao) out += std::string(out.empty() ? "" : " ") + (jiao == 2 ? "liang3" : kDigits[jiao]) + " jiao3";
    if (fenPart) out += std::string(out.empty() ? "" : " ") + (fenPart == 2 ? "liang3" : kDigits[fenPart]) + " fen1";
    return out;
}

std::string payPinyin(const ScanResult& r) {
    if (!r.accepted()) return "";
    if (!r.priceFen || *r.priceFen == Fen{0} || r.elderPays() == Fen{0}) return kFree.pinyin;
    return "qing3 fu4 " + yuanPinyin(r.elderPays());
}

std::string drawable(const std::string& utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0xF0) {  // a 4-byte sequence: beyond the BMP
            out += '*';
            i += 4;
            continue;
        }
        out += utf8[i++];
    }
    return out;
}

std::string weekdayZh(int w) {
    static const char* const kNames[] = {"日", "一", "二", "三", "四", "五", "六"};
    return std::string("星期") + kNames[((w % 7) + 7) % 7];
}

std::string servicePinyin(const std::string& name) {
    static const std::vector<std::pair<std::string, std::string>> kKnown{
        {"早餐", "zao3 can1"},     {"午餐", "wu3 can1"},       {"晚餐", "wan3 can1"},   {"助餐", "zhu4 can1"},
        {"助洁", "zhu4 jie2"},     {"助医", "zhu4 yi1"},       {"助浴", "zhu4 yu4"},    {"理发", "li3 fa4"},
        {"书法班", "shu1 fa3 ban1"}, {"量血压", "liang2 xue4 ya1"}, {"体检", "ti3 jian3"}, {"唱歌", "chang4 ge1"},
        {"健康讲座", "jian4 kang1 jiang3 zuo4"}, {"按摩", "an4 mo2"}, {"康复", "kang1 fu4"}};
    for (const auto& [zh, py] : kKnown)
        if (zh == name) return py;
    return "";
}

Phrase facePhrase(int score) {
    return score >= 3 ? kFaceGood : score == 2 ? kFaceOkay : kFaceBad;
}

std::vector<std::string> allFixedTexts() {
    std::vector<std::string> out{kPleaseScan.zh, kChooseOne.zh, kBack.zh, kFaceGood.zh, kFaceOkay.zh, kFaceBad.zh, kThanks.zh,
                                 kHowWasTheMeal.zh, kHoldCard.zh, kHoldCardShort.zh, kReplay.zh, kReadMenu.zh, "今天…", kFree.zh, kAskStaff.zh, kStaff.zh,
                                 kNothingOpen.zh, "请付元月日星期一二三四五六日正在开放下一个时间明天",
                                 "密码输入确定删除返回今日名单已送餐作废人次锁定分钟不对没有声音喇叭请检查（）●：，。错误太多还可以试设置工作人员经常来今天还没的老人近天按姓村身份证后位补签点名字模式开关闭打开记为音量小大声取消这条记录原因是：刷错了重复登记用餐测试没有找到现在客"};
    for (Outcome o : {Outcome::Accepted, Outcome::Invalid, Outcome::Unknown, Outcome::Revoked, Outcome::Closed,
                      Outcome::Duplicate, Outcome::Ineligible}) {
        out.push_back(outcomeWord(o, false).zh);
        out.push_back(outcomeWord(o, true).zh);
        ScanResult r;
        r.outcome = o;
        out.push_back(outcomeHint(r).zh);
    }
    out.push_back("先点补签哪一项：再点老人的名字");  // staff 补签's service row (screen_staff.cpp)
    out.push_back(kRegistrationStopped.zh);
    out.push_back(kCardUnreadable.zh);
    out.push_back(kStorageFull.zh);
    out.push_back(kStorageFailed.zh);
    // The settings tab's panel-size section (screen_staff.cpp).
    out.insert(out.end(), {"不知道这块屏幕的实际尺寸，字和按钮可能偏小或偏大：请用尺子量下面的横条，再点屏幕尺寸",
                           "屏幕尺寸：英寸（工作人员选的）", "下面的横条应当正好 10 厘米长："});
    return out;
}

}  // namespace mh::ui
