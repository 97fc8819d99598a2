// `kiosk posting` and `kiosk donation add` run as a user would: the files they write, what the PDF
// text and the CSV say (and must never say), and refusals that change nothing.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <regex>
#include <sstream>

#include "shared/core/categories.hpp"
#include "shared/core/money_json.hpp"
#include "shared/core/text.hpp"
#include "shared/posting/monthly_figures.hpp"
#include "shared/store/donation_store.hpp"
#include "support/month_generator.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"
#include "support/skip.hpp"

using namespace mh;
using namespace mh::test;
namespace fs = std::filesystem;

namespace {

struct Run {
    int exit = -1;
    std::string out;
};

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// `path`: the PATH the kiosk sees (for a stand-in `lp`); empty: ours.
Run run(const std::vector<std::string>& args, const std::string& path = "") {
    std::string cmd = (path.empty() ? "" : "env PATH=" + quote(path) + " ") + quote(KIOSK_EXE);
    for (const auto& a : args) cmd += " " + quote(a);
    cmd += " 2>/dev/null";
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int status = pclose(p);
    r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string pdfText(const fs::path& pdf, bool layout) {
    std::string cmd = std::string("pdftotext -enc UTF-8 ") + (layout ? "-layout " : "") + quote(pdf.string()) + " -";
    std::string text;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    REQUIRE(pclose(p) == 0);
    return text;
}

std::pair<unsigned, unsigned> pngSize(const fs::path& png) {
    std::string d = readFile(png);
    REQUIRE(d.size() > 24);
    REQUIRE(d.compare(1, 3, "PNG") == 0);
    auto be = [&](size_t i) {
        return unsigned((unsigned char)d[i]) << 24 | unsigned((unsigned char)d[i + 1]) << 16 |
               unsigned((unsigned char)d[i + 2]) << 8 | unsigned((unsigned char)d[i + 3]);
    };
    return {be(16), be(20)};
}

size_t count(const std::string& hay, const std::string& needle) {
    size_t n = 0;
    for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
    return n;
}

// What no public output may carry: a full name, an ID number, or a category beside a name.
void checkPrivacy(const std::string& text, const MonthBook& book) {
    for (const auto& e : book.elders) {
        CAPTURE(e.name);
        CHECK(text.find(e.name) == std::string::npos);
        CHECK(text.find(e.idNumber) == std::string::npos);
        CHECK(text.find(e.idNumber.substr(14)) == std::string::npos);  // not even the last four digits
    }
    CHECK_FALSE(std::regex_search(text, std::regex("[0-9]{17}[0-9X]")));
    for (const auto& line : splitOn(text, '\n')) {
        if (line.find('*') == std::string::npos) continue;  // lines with a masked name
        for (const auto& c : allCategories()) {
            CAPTURE(line);
            CHECK(line.find(std::string(c.zh)) == std::string::npos);
        }
    }
}

}  // namespace

TEST_CASE("posting writes a PDF with real text, a PNG and the contract CSV, matching the figures") {
    TempDir dir;
    auto site = makeSite(dir.path(), postingToml());
    MonthBook book = generateMonth(*site, 2026, 10, 10, 0.7);
    site.reset();
    std::string s = dir.path().string();

    Run named = run({"donation", "add", "--site", s, "--donor", "晋源爱心企业", "--amount-fen", "50000", "--date",
                     "2026-10-08", "--purpose", "助餐", "--named"});
    REQUIRE(named.exit == 0);
    auto j = nlohmann::json::parse(named.out);
    CHECK(j["amount_fen"] == 50000);
    CHECK(j["named"] == true);
    CHECK(j["balance_fen"].get<Fen>() == 50000_fen - book.donationShareFen);
    Run anon = run({"donation", "add", "--site", s, "--donor", "不留名的好心人", "--amount-fen", "12345", "--date", "2026-10-20"});
    REQUIRE(anon.exit == 0);
    CHECK(nlohmann::json::parse(anon.out)["balance_fen"].get<Fen>() == 62345_fen - book.donationShareFen);

    fs::path out = dir.path() / "out";
    Run p = run({"posting", "--site", s, "--month", "2026-10", "--out", out.string()});
    REQUIRE(p.exit == 0);
    auto pj = nlohmann::json::parse(p.out);
    CHECK(pj["meals"] == book.counted["lunch"] + book.counted["breakfast"]);
    // Ten elders fit on the first sheet; the 收费标准 (contract 10) needs more room than is left
    // under their table, so it follows on a second.
    CHECK(pj["pages"] == 2);

    auto opened = Site::open(dir.path());
    REQUIRE(opened.ok());
    MonthlyFigures f = loadMonthlyFigures(**opened, 2026, 10);

    std::string text = pdfText(out / "posting-2026-10.pdf", false);
    CHECK(text.find("北关村老年食堂") != std::string::npos);
    CHECK(text.find("2026年10月") != std::string::npos);
    CHECK(text.find("村委会 王主任 0357-1234567") != std::string::npos);
    for (Share sh : kAllShares) {
        CHECK(text.find(std::string(shareLabelZh(sh))) != std::string::npos);
        CHECK(text.find(formatYuan2(f.shares.at(sh))) != std::string::npos);
    }
    for (const auto& sv : f.services) CHECK(text.find(sv.name) != std::string::npos);
    for (const auto& [rule, n] : f.byRule) CHECK(text.find(rule) != std::string::npos);
    CHECK(text.find("晋源爱心企业") != std::string::npos);
    CHECK(text.find("500.00") != std::string::npos);
    CHECK(text.find("不留名的好心人") == std::string::npos);
    for (const auto& e : f.elders) CHECK(text.find(e.maskedName) != std::string::npos);
    checkPrivacy(text, book);
    checkPrivacy(pdfText(out / "posting-2026-10.pdf", true), book);

    std::string csv = readFile(out / "posting-2026-10.csv");
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    auto lines = splitOn(csv.substr(3), '\n');
    lines.pop_back();
    CHECK(lines.front() == "姓名,村,早餐,午餐,助医,助洁");
    CHECK(lines.size() == book.perElder.size() + 2);
    CHECK(lines.back() == "合计,," + std::to_string(book.counted["breakfast"]) + "," + std::to_string(book.counted["lunch"]) +
                              "," + std::to_string(book.counted["health"]) + "," + std::to_string(book.counted["clean"]));
    checkPrivacy(csv, book);
    for (const auto& c : allCategories()) CHECK(csv.find(std::string(c.zh)) == std::string::npos);

    auto [w, h] = pngSize(out / "posting-2026-10.png");
    CHECK(w == 1191);  // A4 at 2 px per point
    CHECK(h > 1684u * 2 - 1);
    CHECK(fs::file_size(out / "posting-2026-10.png") > 50'000);  // a drawn page, not a blank one
}

TEST_CASE("a long honour roll gets sheets of its own and names every named donor with the amount") {
    TempDir dir;
    auto site = makeSite(dir.path(), postingToml());
    generateMonth(*site, 2026, 10, 10, 0.5);
    DonationStore donations(site->db());
    for (int i = 1; i <= 80; ++i)
        donations.insert({0, "重阳节捐款人" + std::to_string(i) + "号", Fen(1000 + i), "2026-10-2" + std::to_string(i % 10), "", i != 40}, "t");
    site.reset();
    fs::path out = dir.path() / "out";
    Run p = run({"posting", "--site", dir.path().string(), "--month", "2026-10", "--out", out.string()});
    REQUIRE(p.exit == 0);
    std::string text = pdfText(out / "posting-2026-10.pdf", true);
    CHECK(text.find("光荣榜名单见第") != std::string::npos);
    for (int i = 1; i <= 80; ++i) {
        std::string name = "重阳节捐款人" + std::to_string(i) + "号";
        CAPTURE(name);
        size_t at = text.find(name + " ");  // the name, then its amount further along the same line
        if (i == 40) {
            CHECK(at == std::string::npos);  // did not agree to be named
            continue;
        }
        REQUIRE(at != std::string::npos);
        size_t eol = text.find('\n', at);
        CHECK(text.substr(at, eol - at).find(formatYuan2(Fen(1000 + i)) + " 元") != std::string::npos);
    }
}

TEST_CASE("a posting of 400 elders lists every elder across continuation pages") {
    TempDir dir;
    auto site = makeSite(dir.path(), postingToml());
    MonthBook book = generateMonth(*site, 2026, 10, 400, 0.15);
    site.reset();
    fs::path out = dir.path() / "out";
    Run p = run({"posting", "--site", dir.path().string(), "--month", "2026-10", "--out", out.string()});
    REQUIRE(p.exit == 0);
    int pages = nlohmann::json::parse(p.out)["pages"];
    CHECK(pages >= 3);
    CHECK(pages <= 6);

    std::string text = pdfText(out / "posting-2026-10.pdf", false);
    std::string csv = readFile(out / "posting-2026-10.csv");
    auto lines = splitOn(csv.substr(3), '\n');
    lines.pop_back();
    REQUIRE(lines.size() == book.perElder.size() + 2);
    // Each masked name is printed at least as often as the CSV lists it.
    std::map<std::string, size_t> names;
    for (size_t i = 1; i + 1 < lines.size(); ++i) ++names[splitOn(lines[i], ',')[0]];
    for (const auto& [name, n] : names) {
        CAPTURE(name);
        CHECK(count(text, name) >= n);
    }
    std::string squeezed;  // pdftotext keeps only some of the spaces
    for (char c : text)
        if (c != ' ') squeezed += c;
    CHECK(squeezed.find("第" + std::to_string(pages) + "页/共" + std::to_string(pages) + "页") != std::string::npos);
    checkPrivacy(text, book);
    checkPrivacy(csv, book);
    auto [w, h] = pngSize(out / "posting-2026-10.png");
    CHECK(w == 1191);
    CHECK(h > 1684u * unsigned(pages) - 1);
}

namespace {

std::string squeeze(const std::string& text) {  // pdftotext keeps only some of the spaces
    std::string out;
    for (char c : text)
        if (c != ' ') out += c;
    return out;
}

std::string regexEscape(const std::string& s) {
    static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
    return std::regex_replace(s, special, R"(\$&)");
}

// One page of the PDF as text, laid out as printed.
std::string pdfPage(const fs::path& pdf, int page) {
    auto r = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", "-layout", "-f", std::to_string(page), "-l",
                         std::to_string(page), pdf.string(), "-"});
    REQUIRE(r.exitCode == 0);
    return r.out;
}

}  // namespace

TEST_CASE("a month of 3,000 elders makes all three files, a multi-page PDF, in under 300 MB") {
    TempDir dir;
    auto site = makeSite(dir.path(), postingToml());
    REQUIRE(fillBigMonth(*site, 2026, 10, 3000, 10) == 30000);
    site.reset();
    fs::path out = dir.path() / "out";
    // The real verb as staff run it; its peak memory from wait4 (the test process is small when it forks).
    auto p = runProcess({kioskExe(), "posting", "--site", dir.path().string(), "--month", "2026-10", "--out",
                         out.string(), "--no-print"});
    CAPTURE(p.err);
    REQUIRE(p.exitCode == 0);
    MESSAGE("kiosk posting, 3,000 elders: peak RSS " << p.maxRssKb / 1024 << " MB");
    CHECK(p.maxRssKb > 0);
    CHECK(p.maxRssKb < 300 * 1024);
    auto j = nlohmann::json::parse(p.out);
    const int pages = j["pages"];
    CHECK(j["served_elders"] == 3000);
    CHECK(j["meals"] == 30000);
    CHECK(pages >= 15);  // 3,000 names at 100-odd a sheet
    const fs::path pdf = out / "posting-2026-10.pdf";
    auto info = runProcess({"/usr/bin/pdfinfo", pdf.string()});
    REQUIRE(info.exitCode == 0);
    CHECK(std::regex_search(info.out, std::regex("Pages:\\s+" + std::to_string(pages) + "\\n")));
    CHECK(info.out.find("595.28 x 841.89") != std::string::npos);  // A4 portrait

    auto opened = Site::open(dir.path());
    REQUIRE(opened.ok());
    const MonthlyFigures f = loadMonthlyFigures(**opened, 2026, 10);
    REQUIRE(f.elders.size() == 3000);
    // Every sheet is numbered; every sheet the table runs on has its header row again.
    int tablePages = 0;
    std::string lastTablePage;
    for (int page = 1; page <= pages; ++page) {
        CAPTURE(page);
        std::string text = pdfPage(pdf, page);
        CHECK(squeeze(text).find("第" + std::to_string(page) + "页/共" + std::to_string(pages) + "页") != std::string::npos);
        if (text.find('*') == std::string::npos) continue;
        ++tablePages;
        lastTablePage = text;
        CHECK(text.find("姓名") != std::string::npos);
        if (page > 1) CHECK(text.find("老人服务次数明细（续）") != std::string::npos);
    }
    CHECK(tablePages >= pages - 1);
    // The last elder of the list, with their count, on the last sheet of the table.
    const ElderMonth& lastElder = f.elders.back();
    std::string counts;
    for (int n : lastElder.counts) counts += "\\s+" + (n ? std::to_string(n) : std::string("·"));
    CAPTURE(lastElder.maskedName);
    CHECK(std::regex_search(lastTablePage, std::regex(regexEscape(lastElder.maskedName) + counts)));
    CHECK(lastTablePage.find(lastElder.village) != std::string::npos);

    std::string csv = readFile(out / "posting-2026-10.csv");
    CHECK(splitOn(csv, '\n').size() == 3000 + 2 + 1);  // header, elders, 合计, and the final newline
    // The picture for the WeChat group: page 1 (every total) and a note saying where the full list is.
    auto [w, h] = pngSize(out / "posting-2026-10.png");
    CHECK(w == 1191);
    CHECK(h > 1684u);
    CHECK(h < 1684u * 2);
    CHECK(fs::file_size(out / "posting-2026-10.png") > 50'000);
    for (const auto& e : fs::directory_iterator(out)) CHECK(e.path().extension() != ".part");
    if (const char* keep = std::getenv("MEALHALL_SHOT_DIR"))  // to look at the pages by eye
        for (const char* ext : {".pdf", ".png"})
            fs::copy_file(out / (std::string("posting-2026-10") + ext), fs::path(keep) / (std::string("posting-3000") + ext),
                          fs::copy_options::overwrite_existing);
}

TEST_CASE("a full disk under the posting folder is named as a full disk, and leaves no half-written file") {
    // A small tmpfs, nearly filled, in a mount namespace of its own (root, as CI runs).
    if (::geteuid() != 0 || runProcess({"/usr/bin/unshare", "-m", "true"}).exitCode != 0) {
        return mh::test::skipTest("not root (or no unshare): the full disk is checked in CI, which runs as root");
    }
    TempDir dir;
    auto site = makeSite(dir.path(), postingToml());
    generateMonth(*site, 2026, 10, 10, 0.7);
    site.reset();
    const std::string out = (dir.path() / "out").string();
    fs::create_directories(out);
    // 1 MiB of tmpfs with 12 KiB left: room for the CSV, not for the drawn files.
    std::string script = "mount -t tmpfs -o size=1m tmpfs " + out + " && head -c 1036288 /dev/zero > " + out +
                         "/filler && " + kioskExe() + " posting --site " + dir.path().string() +
                         " --month 2026-10 --no-print --out " + out + "; echo \"exit=$?\"; ls -A " + out;
    auto zh = runProcess({"/usr/bin/unshare", "-m", "/bin/sh", "-c", script});
    CAPTURE(zh.err);
    CHECK(zh.out.find("exit=1") != std::string::npos);
    CHECK(zh.err.find("磁盘已满") != std::string::npos);
    CHECK(zh.err.find("posting-2026-10.p") != std::string::npos);  // the PDF or the PNG, whichever found the disk full
    CHECK(zh.err.find("是否") == std::string::npos);  // a cause, not a question
    CHECK(zh.out.find(".part") == std::string::npos);  // no temporary file left behind
    CHECK(zh.out.find("posting-2026-10.pdf") == std::string::npos);
    CHECK(zh.out.find("posting-2026-10.png") == std::string::npos);
    auto en = runProcess({"/usr/bin/unshare", "-m", "/bin/sh", "-c", [&] {
                              std::string s = script;
                              s.replace(s.find(" posting "), 9, " --lang en posting ");
                              return s;
                          }()});
    CHECK(en.err.find("the disk is full") != std::string::npos);
}

TEST_CASE("bad posting and donation input is refused with exit 2 and records nothing") {
    TempDir dir;
    auto site = makeSite(dir.path(), postingToml());
    site.reset();
    std::string s = dir.path().string(), out = (dir.path() / "out").string();
    CHECK(run({"posting", "--site", s, "--month", "2026-13", "--out", out}).exit == 2);
    CHECK(run({"posting", "--site", s, "--month", "10/2026", "--out", out}).exit == 2);
    CHECK(run({"posting", "--site", (dir.path() / "nope").string(), "--month", "2026-10", "--out", out}).exit == 2);
    CHECK(run({"posting", "--site", s, "--month", "2026-10"}).exit == 2);
    CHECK_FALSE(fs::exists(dir.path() / "out" / "posting-2026-13.pdf"));

    CHECK(run({"donation", "add", "--site", s, "--donor", "某人", "--amount-fen", "0"}).exit == 2);
    CHECK(run({"donation", "add", "--site", s, "--donor", "某人", "--amount-fen", "-500"}).exit == 2);
    CHECK(run({"donation", "add", "--site", s, "--donor", "某人", "--amount-fen", "12.50"}).exit == 2);
    CHECK(run({"donation", "add", "--site", s, "--donor", "  ", "--amount-fen", "100"}).exit == 2);
    CHECK(run({"donation", "add", "--site", s, "--donor", "某人", "--amount-fen", "100", "--date", "2026-02-30"}).exit == 2);
    CHECK(run({"donation", "add", "--site", s, "--donor", "某人", "--amount-fen", "100", "--date", "2999-01-01"}).exit == 2);
    CHECK(run({"donation", "add", "--site", s, "--amount-fen", "100"}).exit == 2);

    Run ok = run({"donation", "add", "--site", s, "--donor", "某人", "--amount-fen", "100", "--date", "2026-10-01"});
    REQUIRE(ok.exit == 0);
    CHECK(nlohmann::json::parse(ok.out)["received_fen"] == 100);  // none of the refused ones counted
    auto opened = Site::open(dir.path());
    REQUIRE(opened.ok());
    auto st = (*opened)->db().prepare("SELECT actor, action, detail FROM audit WHERE action = 'donation.add'");
    REQUIRE(st.step());
    CHECK(st.text(2).find("某人 100 fen 2026-10-01") != std::string::npos);
    CHECK_FALSE(st.step());
}

TEST_CASE("with [posting] printer set, posting hands the PDF to lp, and a failed print keeps the files") {
    TempDir dir;
    auto site = makeSite(dir.path(), postingToml() + "\n[posting]\nprinter = \"公示打印机\"\n");
    generateMonth(*site, 2026, 10, 3, 0.5);
    site.reset();
    // A stand-in for CUPS's lp that records its arguments and exits with $LP_EXIT.
    fs::path bin = dir.path() / "bin";
    fs::create_directories(bin);
    writeFile(bin / "lp", "#!/bin/sh\nprintf '%s\\n' \"$@\" >> \"$(dirname \"$0\")/lp-args\"\nexit $(cat \"$(dirname \"$0\")/lp-exit\")\n");
    fs::permissions(bin / "lp", fs::perms::owner_all);
    writeFile(bin / "lp-exit", "0");
    std::string s = dir.path().string(), out = (dir.path() / "out").string();
    std::string path = bin.string() + ":/usr/bin:/bin";

    Run ok = run({"posting", "--site", s, "--month", "2026-10", "--out", out}, path);
    CHECK(ok.exit == 0);
    CHECK(nlohmann::json::parse(ok.out)["printed"] == true);
    CHECK(readFile(bin / "lp-args") == "-d\n公示打印机\n--\n" + (fs::path(out) / "posting-2026-10.pdf").string() + "\n");

    fs::remove(bin / "lp-args");
    CHECK(run({"posting", "--site", s, "--month", "2026-10", "--out", out, "--no-print"}, path).exit == 0);
    CHECK_FALSE(fs::exists(bin / "lp-args"));

    writeFile(bin / "lp-exit", "1");
    fs::remove_all(out);
    Run refused = run({"posting", "--site", s, "--month", "2026-10", "--out", out}, path);
    CHECK(refused.exit == 1);
    CHECK(nlohmann::json::parse(refused.out)["printed"] == false);
    CHECK(fs::exists(fs::path(out) / "posting-2026-10.pdf"));
    CHECK(fs::exists(fs::path(out) / "posting-2026-10.csv"));

    fs::path empty = dir.path() / "nothing";  // no lp at all
    fs::create_directories(empty);
    CHECK(run({"posting", "--site", s, "--month", "2026-10", "--out", out}, empty.string()).exit == 1);
    CHECK(fs::exists(fs::path(out) / "posting-2026-10.png"));
}

TEST_CASE("donation add refuses more than 10,000,000 fen with a clear message, and a bad old row breaks nothing") {
    TempDir dir;
    auto site = makeSite(dir.path(), postingToml());
    generateMonth(*site, 2026, 10, 10, 0.7);
    // The largest integer, as a peer could leave it before peers were checked (contract 11): every
    // sum over it used to fail, so `donation add` and `posting` failed for good.
    site->db().exec("INSERT INTO donations(donor, amount_fen, day, purpose, named, recorded_at, origin_terminal,"
                    " origin_record) VALUES('x', 9223372036854775807, '2026-10-05', '', 0,"
                    " '2026-10-05T10:00:00+08:00', 'zz9evil1', 1)");
    site.reset();
    std::string s = dir.path().string();

    std::string cmd = quote(KIOSK_EXE) + " donation add --site " + quote(s) +
                      " --donor 某人 --amount-fen 10000001 --date 2026-10-08 2>&1 >/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::string err;
    char buf[1024];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) err.append(buf, n);
    int status = pclose(p);
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(err.find("不超过 10 万元") != std::string::npos);

    Run most = run({"donation", "add", "--site", s, "--donor", "某人", "--amount-fen", "10000000", "--date", "2026-10-08"});
    CHECK(most.exit == 0);
    Run posting = run({"posting", "--site", s, "--month", "2026-10", "--out", (dir.path() / "out").string()});
    CHECK(posting.exit == 0);
}
