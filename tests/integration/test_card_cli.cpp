// Cards end to end, through the kiosk executable: `card issue` prints a card, `decode` reads it back
// through the camera pipeline, and `scan` accepts or refuses what was read.
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <nlohmann/json.hpp>

#include "bench/corpus/frame_synth.hpp"
#include "platform/vision/frame_decoder.hpp"
#include "platform/vision/image_file.hpp"
#include "platform/vision/image_ops.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"

using namespace mh;
using mh::test::kiosk;
namespace fs = std::filesystem;

namespace {

const char* kRoster =
    "elder_id,name,birth_date,categories,village,card_serial,active\n"
    "E0001,张桂兰,1940-03-08,dibao,北关村,1,1\n"
    "E0002,欧阳小明,1950-07-01,,南关村,,1\n"
    "E0003,王秀英,1938-01-02,,西街村,1,0\n";

struct CardSite {
    test::TempDir tmp;
    fs::path dir = tmp.path() / "site";
    CardSite(const std::string& roster = kRoster) {
        test::makeSite(dir);
        test::writeFile(tmp.path() / "roster.csv", roster);
        auto r = kiosk({"roster", "import", "--site", dir.string(), (tmp.path() / "roster.csv").string()});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    }
    fs::path issue(const std::string& elder, const std::string& name = "card.png") {
        fs::path out = tmp.path() / name;
        auto r = kiosk({"card", "issue", "--site", dir.string(), "--elder", elder, "--out", out.string()});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return out;
    }
    nlohmann::json scan(const std::string& payload, const std::string& at = "2026-11-24T11:30") {
        auto r = kiosk({"scan", "--site", dir.string(), "--service", "lunch", "--at", at, payload});
        REQUIRE_MESSAGE((r.exitCode == 0 || r.exitCode == 1), r.err);
        return nlohmann::json::parse(r.out);
    }
};

std::string decodeOne(const fs::path& image) {
    auto r = kiosk({"decode", image.string()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    REQUIRE(!r.out.empty());
    CHECK(r.out.back() == '\n');
    return r.out.substr(0, r.out.find('\n'));
}

}  // namespace

TEST_CASE("a card printed by `card issue` decodes back and is accepted by `scan`") {
    CardSite s;
    fs::path card = s.issue("E0001");
    auto img = loadGrayImage(card);
    REQUIRE(img.ok());
    CHECK(img->width == 1011);  // ID-1 at 300 dpi
    CHECK(img->height == 638);
    // 300 dpi recorded in the file (pHYs: 11811 pixels per metre on both axes, unit metre).
    std::string bytes = test::readFile(card);
    auto phys = bytes.find("pHYs");
    REQUIRE(phys != std::string::npos);
    CHECK(bytes.substr(phys + 4, 9) == std::string("\x00\x00\x2e\x23\x00\x00\x2e\x23\x01", 9));
    std::string payload = decodeOne(card);
    CHECK(payload.rfind("MH1:E0001:1:", 0) == 0);
    auto j = s.scan(payload);
    CHECK(j["outcome"] == "accepted");
    CHECK(j["elder_id"] == "E0001");
}

TEST_CASE("an elder with no card serial in the roster gets serial 1") {
    CardSite s;
    std::string payload = decodeOne(s.issue("E0002"));
    CHECK(payload.rfind("MH1:E0002:1:", 0) == 0);
    CHECK(s.scan(payload)["outcome"] == "accepted");
}

TEST_CASE("a tampered payload is refused as invalid") {
    CardSite s;
    std::string payload = decodeOne(s.issue("E0001"));
    std::string otherElder = payload;
    otherElder.replace(4, 5, "E0002");  // someone else's id under E0001's signature
    CHECK(s.scan(otherElder)["outcome"] == "invalid");
    std::string flipped = payload;
    flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
    CHECK(s.scan(flipped)["outcome"] == "invalid");
}

TEST_CASE("a card issued by another site's key is refused as invalid") {
    CardSite mine, theirs;  // same roster, different signing keys
    std::string foreign = decodeOne(theirs.issue("E0001"));
    CHECK(mine.scan(foreign)["outcome"] == "invalid");
}

TEST_CASE("a replaced card is refused as revoked and the new card is accepted") {
    CardSite s;
    std::string oldPayload = decodeOne(s.issue("E0001", "old.png"));
    std::string roster = kRoster;
    roster.replace(roster.find("北关村,1,1"), std::string("北关村,1,1").size(), "北关村,2,1");
    test::writeFile(s.tmp.path() / "roster2.csv", roster);
    auto imp = kiosk({"roster", "import", "--site", s.dir.string(), (s.tmp.path() / "roster2.csv").string()});
    REQUIRE_MESSAGE(imp.exitCode == 0, imp.err);
    std::string newPayload = decodeOne(s.issue("E0001", "new.png"));
    CHECK(newPayload.rfind("MH1:E0001:2:", 0) == 0);
    CHECK(s.scan(oldPayload)["outcome"] == "revoked");
    CHECK(s.scan(newPayload)["outcome"] == "accepted");
}

TEST_CASE("`card issue` refuses an unknown or inactive elder and bad usage") {
    CardSite s;
    fs::path out = s.tmp.path() / "x.png";
    CHECK(kiosk({"card", "issue", "--site", s.dir.string(), "--elder", "E9999", "--out", out.string()}).exitCode == 1);
    CHECK(kiosk({"card", "issue", "--site", s.dir.string(), "--elder", "E0003", "--out", out.string()}).exitCode == 1);
    CHECK_FALSE(fs::exists(out));
    CHECK(kiosk({"card", "issue", "--site", s.dir.string(), "--out", out.string()}).exitCode == 2);
    auto unwritable = kiosk({"card", "issue", "--site", s.dir.string(), "--elder", "E0001", "--out",
                                (s.tmp.path() / "no-such-dir" / "c.png").string()});
    CHECK(unwritable.exitCode == 2);
    CHECK(unwritable.err.find("无法写入文件") != std::string::npos);
    CHECK(kiosk({"card", "issue", "--site", (s.tmp.path() / "nosite").string(), "--elder", "E0001", "--out",
                    out.string()}).exitCode == 2);
}

TEST_CASE("`card issue --all` prints an A4 sheet of the active roster whose cards decode") {
    CardSite s;
    fs::path out = s.tmp.path() / "sheet.png";
    auto r = kiosk({"card", "issue", "--site", s.dir.string(), "--all", "--out", out.string()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["cards"].size() == 2);  // E0003 is inactive
    auto img = loadGrayImage(out);
    REQUIRE(img.ok());
    CHECK(img->width == 2480);
    CHECK(img->height == 3508);
    // The decoder returns one code per image: crop each card slot (2 columns, top row) and read it.
    FrameDecoder decoder(FrameDecoderOptions{0.0, false});
    for (int col = 0; col < 2; ++col) {
        auto slot = cropGray(*img, col * img->width / 2, 0, img->width / 2, img->height / 5);
        auto d = decoder.decode(slot);
        REQUIRE(d.payload);
        CHECK(*d.payload == j["cards"][col]["payload"].get<std::string>());
        CHECK(s.scan(*d.payload)["outcome"] == "accepted");
    }
}

TEST_CASE("`decode` of a full A4 sheet of ten cards prints every card's payload, one per line") {
    std::string roster = "elder_id,name,birth_date,village,card_serial\n";
    const char* names[] = {"张桂兰", "欧阳小明", "王秀英", "李建国", "赵淑珍", "刘德华", "陈玉兰", "杨明", "黄秀梅", "周国强", "吴芳"};
    for (int i = 1; i <= 11; ++i)
        roster += "E00" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "," + names[i - 1] + ",1940-03-08,北关村,1\n";
    CardSite s(roster);
    fs::path out = s.tmp.path() / "sheet.png";
    auto r = kiosk({"card", "issue", "--site", s.dir.string(), "--all", "--out", out.string()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["cards"].size() == 11);
    REQUIRE(j["files"].size() == 2);  // ten on the first sheet, one on sheet-2.png
    std::set<std::string> onFirst, onSecond;
    for (size_t i = 0; i < 11; ++i) (i < 10 ? onFirst : onSecond).insert(j["cards"][i]["payload"].get<std::string>());

    auto d = kiosk({"decode", j["files"][0].get<std::string>(), j["files"][1].get<std::string>()});
    REQUIRE_MESSAGE(d.exitCode == 0, d.err);
    std::vector<std::string> lines;
    std::istringstream in(d.out);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    REQUIRE(lines.size() == 11);
    CHECK(std::set<std::string>(lines.begin(), lines.begin() + 10) == onFirst);  // each once, the first file first
    CHECK(lines[10] == *onSecond.begin());
}

TEST_CASE("`decode` reads JPEG camera-like frames, exits 1 on a picture with no code and 2 on an unreadable file") {
    test::TempDir tmp;
    CardKeyPair key = CardKeyPair::generate();
    corpus::FrameSynth synth(key, 2);
    auto frame = synth.make(corpus::Difficulty::Easy, 640, 480, 3);
    fs::path jpg = tmp.path() / "frame.jpg", blank = tmp.path() / "blank.png", junk = tmp.path() / "junk.png";
    REQUIRE(saveGrayJpeg(frame.image, jpg, 85).ok());
    REQUIRE(saveGrayPng(GrayImage(320, 240, 200), blank).ok());
    test::writeFile(junk, "not a picture");

    CHECK(decodeOne(jpg) == frame.payload);
    auto none = kiosk({"decode", blank.string()});
    CHECK(none.exitCode == 1);
    CHECK(none.out.empty());
    CHECK(kiosk({"decode", junk.string()}).exitCode == 2);
    CHECK(kiosk({"decode", (tmp.path() / "missing.png").string()}).exitCode == 2);
    // A legacy Code 128 card number reads too.
    ZXing::BitMatrix bars = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128).setMargin(20).encode("LEGACY-0042", 600, 120);
    GrayImage legacy(bars.width(), bars.height());
    for (int y = 0; y < legacy.height; ++y)
        for (int x = 0; x < legacy.width; ++x) legacy.at(x, y) = bars.get(x, y) ? 0 : 255;
    REQUIRE(saveGrayPng(legacy, tmp.path() / "legacy.png").ok());
    CHECK(decodeOne(tmp.path() / "legacy.png") == "LEGACY-0042");
    // Several files: one line per readable code, in order; the worst exit code wins.
    auto many = kiosk({"decode", jpg.string(), blank.string(), jpg.string()});
    CHECK(many.exitCode == 1);
    CHECK(many.out == frame.payload + "\n" + frame.payload + "\n");
}

TEST_CASE("`listen --replay` checks in each card in the folder once, however often it loops") {
    CardSite s;
    fs::path folder = s.tmp.path() / "frames";
    fs::create_directories(folder);
    s.issue("E0001", "frames/a.png");
    s.issue("E0002", "frames/b.png");
    // health is open all day in the test policy, so the test does not depend on the time of day.
    auto r = kiosk({"listen", "--site", s.dir.string(), "--service", "health", "--replay", folder.string(), "--seconds", "1.5"});
    CHECK_MESSAGE(r.exitCode == 0, r.err);
    std::vector<nlohmann::json> lines;
    for (size_t at = 0, nl; (nl = r.out.find('\n', at)) != std::string::npos; at = nl + 1)
        lines.push_back(nlohmann::json::parse(r.out.substr(at, nl - at)));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]["elder_id"] == "E0001");
    CHECK(lines[1]["elder_id"] == "E0002");
    for (const auto& j : lines) {
        CHECK(j["outcome"] == "accepted");
        CHECK(j["source"] == "replay");
    }
}

TEST_CASE("`listen` with no camera attached waits and says so, and is not an error") {
    CardSite s;
    auto r = kiosk({"listen", "--site", s.dir.string(), "--service", "health", "--camera", "/dev/video-none", "--seconds", "0.5"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.empty());
    CHECK(r.err.find("不可用") != std::string::npos);
    CHECK(kiosk({"listen", "--site", s.dir.string(), "--service", "nosuch", "--seconds", "0.1"}).exitCode == 2);
}
