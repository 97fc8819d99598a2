// Every fixed sentence the kiosk shows or says, in Chinese with its tone-numbered pinyin beside it
// (espeak-ng's cmn-latn-pinyin voice reads the pinyin; `-v cmn` reads characters wrongly).
#pragma once
#include <string>
#include <vector>

#include "shared/core/scan_result.hpp"
#include "shared/core/money.hpp"

namespace mh::ui {

struct Phrase {
    const char* zh;
    const char* pinyin;
};

inline constexpr Phrase kPleaseScan{"请刷卡", "qing3 shua1 ka3"};
// The reader is called 扫描口 everywhere: on the printed card, the screen and the voice.
inline constexpr Phrase kHoldCard{"把卡对准下面的扫描口", "ba3 ka3 dui4 zhun3 xia4 mian4 de sao3 miao2 kou3"};
inline constexpr Phrase kHoldCardShort{"把卡对准扫描口", "ba3 ka3 dui4 zhun3 sao3 miao2 kou3"};  // a 7" panel
inline constexpr Phrase kReplay{"再听一遍", "zai4 ting1 yi2 bian4"};
inline constexpr Phrase kReadMenu{"听菜谱", "ting1 cai4 pu3"};  // the waiting screen's button: today's menu aloud
inline constexpr Phrase kFree{"免费", "mian3 fei4"};
inline constexpr Phrase kAskStaff{"请找工作人员", "qing3 zhao3 gong1 zuo4 ren2 yuan2"};
inline constexpr Phrase kStaff{"工作人员", "gong1 zuo4 ren2 yuan2"};
// Under 没有登记 for an elder the roster marks inactive (active=0).
inline constexpr Phrase kRegistrationStopped{"登记已停用，请找工作人员",
                                             "deng1 ji4 yi3 ting2 yong4, qing3 zhao3 gong1 zuo4 ren2 yuan2"};
// The second unreadable card in a row: a damaged card, so retrying will not help.
inline constexpr Phrase kCardUnreadable{"这张卡读不出来，请找工作人员",
                                        "zhe4 zhang1 ka3 du2 bu5 chu1 lai2, qing3 zhao3 gong1 zuo4 ren2 yuan2"};
// The huge word when the store could not write the scan: five characters, so it fits a 7" panel at
// 20 mm (请找工作人员, six, runs off its edge).
inline constexpr Phrase kGoToStaff{"找工作人员", "zhao3 gong1 zuo4 ren2 yuan2"};
// Under 找工作人员 when the scan could not be written (StoreFault): why, and that it did not count.
inline constexpr Phrase kStorageFull{"存储已满，这次没有记上", "cun2 chu3 yi3 man3, zhe4 ci4 mei2 you3 ji4 shang4"};
inline constexpr Phrase kStorageFailed{"存储出错，这次没有记上", "cun2 chu3 chu1 cuo4, zhe4 ci4 mei2 you3 ji4 shang4"};
// The picker (issue 23): several services open at the door, the elder taps the one they came for.
inline constexpr Phrase kChooseOne{"请点您要的一项", "qing3 dian3 nin2 yao4 de yi2 xiang4"};
inline constexpr Phrase kBack{"返回", "fan3 hui2"};
// The three faces after an accepted meal (contract 14), in the order drawn; said back on a tap.
inline constexpr Phrase kFaceGood{"好", "hao3"};
inline constexpr Phrase kFaceOkay{"一般", "yi4 ban1"};
inline constexpr Phrase kFaceBad{"不好", "bu4 hao3"};
inline constexpr Phrase kThanks{"谢谢", "xie4 xie5"};
inline constexpr Phrase kHowWasTheMeal{"饭菜怎么样？点一个", "fan4 cai4 zen3 me yang4? dian3 yi2 ge4"};
// The face for a score (3 好, 2 一般, 1 不好).
Phrase facePhrase(int score);
// How the voice says a service's name, for the common ones (espeak reads characters wrongly, so a
// name it has no pinyin for is left unsaid: the screen still shows it). Empty when unknown.
std::string servicePinyin(const std::string& name);
inline constexpr Phrase kNothingOpen{"现在没有开放的服务", "xian4 zai4 mei2 you3 kai1 fang4 de fu2 wu4"};

// The huge word of a result screen: four characters at most, so it fits a 7" panel at 20 mm.
Phrase outcomeWord(Outcome o, bool delivered);
// The huge word of this result: the outcome's, or 找工作人员 when the store failed (StoreFault).
Phrase resultWord(const ScanResult& r);
// The line under it (what to do next, or why when the word already says it), one short sentence.
Phrase outcomeHint(const ScanResult& r);

// "请付 2 元" / "免费" / "" (refusals) and its pinyin with number words ("qing3 fu4 liang3 yuan2").
std::string payText(const ScanResult& r);
std::string payPinyin(const ScanResult& r);
// 0..99999 yuan as pinyin number words: 2 → liang3, 12 → shi2 er4, 105 → yi4 bai3 ling2 wu3.
std::string yuanPinyin(Fen fen);

// Text the atlas can draw: ImWchar is 16 bits, so a character beyond the BMP (some rare surname
// characters) becomes '*' — a masked form rather than a '?' box.
std::string drawable(const std::string& utf8);

// Weekday the Chinese way: 星期三.
std::string weekdayZh(int weekday0Sunday);

// Every fixed text, for building the font atlas's glyph ranges.
std::vector<std::string> allFixedTexts();

}  // namespace mh::ui
