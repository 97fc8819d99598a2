// ICU transliteration, made once per process and shared under a mutex (a Transliterator is not
// safe to use from two threads at once).
#include "platform/voice/hanzi_pinyin.hpp"

#include <memory>
#include <mutex>

#include <unicode/parseerr.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace mh::platform {

namespace {
struct Converter {
    std::mutex mutex;
    std::unique_ptr<icu::Transliterator> t;
    Converter() {
        UErrorCode e = U_ZERO_ERROR;
        UParseError where;
        // Punctuation to commas first: the voice pauses at ", " and would spell "：" out.
        t.reset(icu::Transliterator::createFromRules(
            "hanzi-pinyin", "[[:Punctuation:][:Symbol:]] > ', '; ::Han-Latin; ::Latin-NumericPinyin; ::Any-Lower;",
            UTRANS_FORWARD, where, e));
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
