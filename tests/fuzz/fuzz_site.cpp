#include "fuzz_site.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace mh::fuzz {
namespace fs = std::filesystem;

void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz property broken: %s\n", what);
    std::abort();
}

ScratchDir::ScratchDir() {
    fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    std::string pattern = (base / "mealhall-fuzz-XXXXXX").string();
    require(::mkdtemp(pattern.data()) != nullptr, "mkdtemp");
    m_path = pattern;
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

SiteTemplate::SiteTemplate(const std::string& toml) {
    auto made = Site::init(dir(), "141022-001", "测试食堂");
    require(made.ok(), "Site::init");
    // Scans are given times in November 2026, before the real clock: the site must not think its
    // clock went back (contract 3's clock check), as in the unit tests.
    made->get()->db().exec("UPDATE terminal SET created_at = 0");
    made->reset();  // closed: the database is one file, checkpointed, ready to copy
    std::ofstream(dir() / kSiteToml, std::ios::binary | std::ios::trunc) << toml;
}

ScratchSite::ScratchSite(const SiteTemplate& from) {
    fs::path dir = m_scratch.path() / "site";
    fs::copy(from.dir(), dir, fs::copy_options::recursive);
    auto opened = Site::open(dir);
    if (!opened) std::fprintf(stderr, "%s\n", opened.error().en.c_str());
    require(opened.ok(), "Site::open");
    m_site = std::move(*opened);
}

std::string fuzzSiteToml() {
    return R"(
[site]
id = "141022-001"
name = "北关村老年食堂"
timezone = "Asia/Shanghai"

[policy]
unsubsidised = "full_price"

[cards]
allow_unsigned = true

[[service]]
id = "breakfast"
name = "早餐"
kind = "meal"
opens = "07:00"
closes = "09:00"
price_fen = 300

[[service]]
id = "lunch"
name = "午餐"
kind = "meal"
opens = "10:30"
closes = "13:30"
price_fen = 1000

[[service]]
id = "health"
name = "助医"
kind = "service"
opens = "00:00"
closes = "24:00"
price_fen = 0

[[rule]]
name = "特困供养"
categories = ["tekun"]
government_fen = 1000

[[rule]]
name = "低保高龄"
categories = ["dibao"]
min_age = 80
government_fen = 600
collective_fen = 200

[[rule]]
name = "高龄"
min_age = 80
services = ["lunch"]
government_fen = 300
collective_fen = 100
donation_fen = 100
)";
}

std::string fuzzRosterCsv() {
    // The ID numbers have correct check digits (region 141022); tests/fuzz/corpus/scan holds them.
    return "elder_id,name,id_number,birth_date,categories,village,card_serial,active,legacy_card\n"
           "E1,张桂兰,141022194001021128,,dibao,北关村,1,1,\n"
           "E2,王秀英,14102219600607122X,,,南关村,1,1,OLD-0002\n"
           "E3,李淑珍,,1930-05-05,tekun,北关村,3,1,\n"
           "E4,刘玉兰,,1950-01-01,,,1,0,OLD-0004\n";
}

}  // namespace mh::fuzz
