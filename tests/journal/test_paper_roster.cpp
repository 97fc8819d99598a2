// The power-cut sheet and its entry afterwards (contract 13) through the real executable:
// `paper-roster` prints every active elder with a box per service on numbered A4 pages, and
// `scan --at TIME --paper` records them with source "paper", which the tally and the review show.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "integration/backup_site.hpp"

using namespace mh;
using test::BackupSite;
using test::kiosk;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// What pdftotext reads of one page of the sheet (1-based), or of all of it (page 0).
std::string pdfText(const fs::path& pdf, int page = 0) {
    std::vector<std::string> args{"/usr/bin/pdftotext", "-enc", "UTF-8"};
    if (page > 0) args.insert(args.end(), {"-f", std::to_string(page), "-l", std::to_string(page)});
    args.insert(args.end(), {pdf.string(), "-"});
    auto r = test::runProcess(args);
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    return r.out;
}

int count(const std::string& text, const std::string& word) {
    int n = 0;
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) ++n;
    return n;
}

Json tallyRecord(const BackupSite& s, const std::string& date, std::int64_t record) {
    auto r = kiosk({"tally", "--site", s.site, "--date", date});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    const Json tally = Json::parse(r.out);  // kept: a range-for over a temporary's member would dangle
    for (const Json& rec : tally["records"])
        if (rec["record_id"] == record) return rec;
    FAIL("record " << record << " is not in the tally");
    return {};
}

Json backdatedItem(const BackupSite& s, const std::string& date, std::int64_t record) {
    auto r = kiosk({"review", "--site", s.site, "--date", date});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    const Json review = Json::parse(r.out);
    for (const Json& i : review["items"])
        if (i["kind"] == "backdated" && i["record"] == record) return i;
    FAIL("no backdated item for record " << record << " in " << r.out);
    return {};
}

}  // namespace

TEST_CASE("paper-roster prints every active elder, masked, with a box per service, on numbered pages with the header row and a signature line on each") {
    BackupSite s(70);
    // E70 has left: the roster marks them inactive and the sheet leaves them off.
    test::writeFile(s.dir.path() / "left.csv", "elder_id,name,categories,village,active\nE70,李桂兰,tekun,南庄,0\nE69,赵春花,tekun,东村,1\n");
    auto imp = kiosk({"roster", "import", "--site", s.site, (s.dir.path() / "left.csv").string()});
    REQUIRE_MESSAGE(imp.exitCode == 0, imp.err);

    const fs::path pdf = s.dir.path() / "paper.pdf";
    auto r = kiosk({"paper-roster", "--site", s.site, "--date", "2026-11-24", "--out", pdf.string()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    const Json out = Json::parse(r.out);
    CHECK(out["elders"] == 69);
    const int pages = out["pages"].get<int>();
    CHECK(pages >= 2);
    REQUIRE(fs::exists(pdf));

    const std::string all = pdfText(pdf);
    CHECK(all.find("北关村老年食堂 停电签到表") != std::string::npos);
    CHECK(all.find("2026年11月24日 星期二") != std::string::npos);
    CHECK(count(all, "王*英") == 68);
    CHECK(all.find("赵*花") != std::string::npos);
    CHECK(all.find("东村") != std::string::npos);
    CHECK(all.find("王秀英") == std::string::npos);   // never the full name
    CHECK(all.find("李*兰") == std::string::npos);    // nor the elder who left
    for (int p = 1; p <= pages; ++p) {
        INFO("page " << p);
        const std::string text = pdfText(pdf, p);
        CHECK(count(text, "序号") == 1);  // the header row, repeated on every page
        CHECK(text.find("早餐") != std::string::npos);
        CHECK(text.find("午餐") != std::string::npos);
        CHECK(text.find("助医") != std::string::npos);
        CHECK(text.find("10:30–13:30") != std::string::npos);
        CHECK(text.find("经办人") != std::string::npos);
        CHECK(text.find("日期") != std::string::npos);
        CHECK(text.find("第 " + std::to_string(p) + " 页，共 " + std::to_string(pages) + " 页") != std::string::npos);
    }
    // Meals before the other services: the boxes a power cut at lunch needs sit next to the name.
    const std::string first = pdfText(pdf, 1);
    CHECK(first.find("午餐") < first.find("助医"));

    auto bad = kiosk({"paper-roster", "--site", s.site, "--date", "24.11.2026", "--out", pdf.string()});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("--date") != std::string::npos);
}

TEST_CASE("scan --at --paper records source paper in the result, the tally and the review's 纸质补录, a plain scan --at keeps the card's source, --paper without --at exits 2") {
    BackupSite s(5);
    auto noTime = kiosk({"scan", "--site", s.site, "--service", "lunch", "--paper", s.card(1)});
    CHECK(noTime.exitCode == 2);
    CHECK(noTime.err.find("--at") != std::string::npos);
    CHECK(noTime.out.empty());

    auto paper = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T11:32", "--paper", s.card(1)});
    REQUIRE_MESSAGE(paper.exitCode == 0, paper.err);
    const Json p = Json::parse(paper.out);
    CHECK(p["outcome"] == "accepted");
    CHECK(p["source"] == "paper");
    const std::int64_t paperId = p["record_id"].get<std::int64_t>();

    // The sheet names elders by roster id: a paper entry may give that instead of a card.
    auto byId = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T11:40", "--paper", "E2"});
    REQUIRE_MESSAGE(byId.exitCode == 0, byId.err);
    CHECK(Json::parse(byId.out)["source"] == "paper");
    // Without --paper a roster id is no card: refused as invalid, as before.
    auto plainId = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T11:41", "E3"});
    CHECK(plainId.exitCode == 1);
    CHECK(Json::parse(plainId.out)["outcome"] == "invalid");

    auto plain = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T11:45", s.card(4)});
    REQUIRE_MESSAGE(plain.exitCode == 0, plain.err);
    CHECK(Json::parse(plain.out)["source"] == "card");
    const std::int64_t plainRec = Json::parse(plain.out)["record_id"].get<std::int64_t>();

    const Json tp = tallyRecord(s, "2026-11-24", paperId);
    CHECK(tp["source"] == "paper");
    CHECK(tp["at"].get<std::string>().rfind("2026-11-24T11:32", 0) == 0);
    CHECK(tp.contains("entered_at"));
    CHECK(tallyRecord(s, "2026-11-24", plainRec)["source"] == "card");

    const Json ip = backdatedItem(s, "2026-11-24", paperId);
    CHECK(ip["source"] == "paper");
    CHECK(ip["label"] == "纸质补录");
    CHECK(backdatedItem(s, "2026-11-24", plainRec)["label"] == "补录");

    // A paper entry is still a check-in: the same elder and service that day is a duplicate.
    auto again = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T11:50", "--paper", "E1"});
    CHECK(again.exitCode == 1);
    CHECK(Json::parse(again.out)["outcome"] == "duplicate");
}
