// ICU transliteration, made once per process and shared under a mutex (a Transliterator is not
// safe to use from two threads at once).
#include "platform/voice/hanzi_pinyin.hpp"

#include <memory>
#include <mutex>
#include <string>

#include <unicode/parseerr.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace mh::platform {

namespace {
// Dishes' polyphones, read as a canteen says them. A phrase goes first so that it wins over its
// characters' rules (ICU takes the first rule that matches at a position).
std::string menuReadings() {
    static const char* const kReadings[][2] = {
        {"重庆", "chong2 qing4"}, {"猪肚", "zhu1 du3"}, {"羊肚", "yang2 du3"}, {"肚丝", "du3 si1"},
        {"担担", "dan4 dan4"},    {"粘豆包", "nian2 dou4 bao1"},
        {"干", "gan1"},           {"炸", "zha2"},       {"茄", "qie2"},       {"长", "chang2"},
        {"地", "di4"},            {"调", "tiao2"},      {"扒", "pa2"},        {"粘", "nian2"},
    };
    std::string rules;
    for (const auto& [hanzi, pinyin] : kReadings) rules += std::string(hanzi) + " > ' " + pinyin + " '; ";
    return rules;
}

struct Converter {
    std::mutex mutex;
    std::unique_ptr<icu::Transliterator> t;
    Converter() {
        UErrorCode e = U_ZERO_ERROR;
        UParseError where;
        // Punctuation to commas first: the voice pauses at ", " and would spell "：" out. Then the
        // readings a menu needs where ICU's commonest reading is another word's (炸鸡 is zha2, not the
        // zha4 of 爆炸; 干煸 gan1, not the gan4 of 干活): phrases before the characters they hold.
        const std::string rules =
            "[[:Punctuation:][:Symbol:]] > ', '; " + menuReadings() + "::Han-Latin; ::Latin-NumericPinyin; ::Any-Lower;";
        t.reset(icu::Transliterator::createFromRules("hanzi-pinyin", icu::UnicodeString::fromUTF8(rules), UTRANS_FORWARD,
                                                     where, e));
        if (U_FAILURE(e)) t.reset();
    }
};

Converter& converter() {
    static Converter c;
    return c;
}

// One ", " between phrases, none doubled, none at either end, single spaces.
std::string tidy(const std::string& in) {
    std::string out;
    bool pendingComma = false;
    for (char c : in) {
        if (c == ',') {
            pendingComma = !out.empty();
            continue;
        }
        if (c == ' ') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        if (pendingComma) {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            out += ", ";
            pendingComma = false;
        }
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}
}  // namespace

std::string hanziToPinyin(const std::string& text) {
    Converter& c = converter();
    if (!c.t) return {};
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
    {
        std::lock_guard lock(c.mutex);
        c.t->transliterate(s);
    }
    std::string out;
    s.toUTF8String(out);
    return tidy(out);
}

}  // namespace mh::platform
