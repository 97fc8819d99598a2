#include "support/test_site.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <random>
#include <sstream>

#include "shared/core/id_number.hpp"

namespace mh::test {
namespace fs = std::filesystem;

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    m_path = fs::temp_directory_path() /
             ("mealhall-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(rd()));
    fs::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

std::string standardToml(const std::string& extra) {
    return R"(
[site]
id = "141022-001"
name = "北关村老年食堂"
timezone = "Asia/Shanghai"

[policy]
unsubsidised = "full_price"

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
)" + extra;
}

std::unique_ptr<Site> makeSite(const fs::path& dir, const std::string& toml) {
    auto site = Site::init(dir, "141022-001", "测试食堂");
    REQUIRE_MESSAGE(site.ok(), (site.ok() ? "" : site.error().message));
    // Tests run on fake clocks set to days before the real one: a site made "now" would take them
    // for a clock gone back (contract 3's clock check). Tests of that check set created_at themselves.
    site->get()->db().exec("UPDATE terminal SET created_at = 0");
    site->reset();
    writeFile(dir / kSiteToml, toml);
    auto opened = Site::open(dir);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    return std::move(*opened);
}

std::string makeIdNumber(const std::string& yyyymmdd, int seq, bool female) {
    char buf[32];
    int sexDigit = female ? 2 : 3;
    std::snprintf(buf, sizeof buf, "141022%s%02d%d", yyyymmdd.c_str(), seq % 100, sexDigit);
    std::string s = buf;
    return s + idCheckChar(s);
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeFile(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

}  // namespace mh::test
