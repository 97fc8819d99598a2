// Chinese text the kiosk did not write itself (a dish a cook typed) as the tone-numbered pinyin the
// cmn-latn-pinyin voice reads: ICU's Han-Latin transliterator (the most common reading of each
// character, but a dish's reading for the polyphones menus are full of: 炸鸡, 干煸, 茄子, 长豆角) then
// Latin-NumericPinyin. Fixed sentences keep their hand-written pinyin (texts.hpp).
#pragma once
#include <string>

namespace mh::platform {

// "今天午餐：红烧豆腐、青菜" → "jin1 tian1 wu3 can1, hong2 shao1 dou4 fu3, qing1 cai4": Chinese
// punctuation becomes a pause (", "); empty when ICU cannot make the transliterator.
std::string hanziToPinyin(const std::string& text);

}  // namespace mh::platform
