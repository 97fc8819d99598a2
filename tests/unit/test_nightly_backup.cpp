// The nightly backup ([backup] to/keep): once a night after end_of_day on a made-up clock, the newest
// `keep` copies stay, a missing stick is a plain sentence, and the staff screen's age wording.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "shared/backup/site_backup.hpp"
#include "support/test_site.hpp"

using namespace mh;
namespace fs = std::filesystem;

namespace {
std::int64_t at(Site& site, const std::string& local) { return site.timeZone().toUnix(*LocalDateTime::parse(local)); }
}  // namespace

TEST_CASE("the nightly backup runs once a night after end_of_day and keeps the newest `keep`") {
    test::TempDir dir;
    fs::path usb = dir.path() / "usb" / "mealhall-backups";
    auto site = test::makeSite(dir.path() / "site",
                               test::standardToml("\n[backup]\nto = \"" + usb.string() + "\"\nkeep = 3\n"));
    // Before end_of_day (20:00): nothing, not even the folder.
    auto early = nightlyBackup(*site, at(*site, "2026-11-01T19:59"));
    REQUIRE(early.ok());
    CHECK_FALSE(early->made);
    CHECK_FALSE(fs::exists(usb));

    for (int day = 1; day <= 10; ++day) {
        CAPTURE(day);
        std::string d = (day < 10 ? "2026-11-0" : "2026-11-") + std::to_string(day);
        auto night = nightlyBackup(*site, at(*site, d + "T20:05"));
        REQUIRE_MESSAGE(night.ok(), night.error().message);
        CHECK(night->made);
        CHECK(night->removed == (day > 3 ? 1 : 0));
        // Later the same night, and after midnight: already done.
        CHECK_FALSE(nightlyBackup(*site, at(*site, d + "T23:30"))->made);
    }
    std::vector<fs::path> left = listBackups(usb);
    REQUIRE(left.size() == 3);
    CHECK(left[0].filename().string().find("20261108-2005") != std::string::npos);
    CHECK(left[2].filename().string().find("20261110-2005") != std::string::npos);
    struct stat st {};
    REQUIRE(::stat(usb.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("a nightly backup onto a missing stick fails with a sentence for staff and leaves nothing") {
    test::TempDir dir;
    fs::path blocker = dir.path() / "not-a-folder";
    test::writeFile(blocker, "x");  // the mount point is a file: nothing can be written under it
    auto site = test::makeSite(dir.path() / "site",
                               test::standardToml("\n[backup]\nto = \"" + (blocker / "b").string() + "\"\n"));
    auto night = nightlyBackup(*site, at(*site, "2026-11-01T21:00"));
    REQUIRE_FALSE(night.ok());
    CHECK(night.error().message.find("U盘") != std::string::npos);
    CHECK(night.error().message.find("/") == std::string::npos);  // no paths on staff screens
}

TEST_CASE("[backup] keys are checked with their line") {
    auto bad = parseSiteConfig(test::standardToml("\n[backup]\nto = \"usb\"\n"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("行") != std::string::npos);
    CHECK_FALSE(parseSiteConfig(test::standardToml("\n[backup]\nkeep = 0\n")).ok());
    CHECK_FALSE(parseSiteConfig(test::standardToml("\n[backup]\nkept = 3\n")).ok());
    auto good = parseSiteConfig(test::standardToml("\n[backup]\nto = \"/media/usb/b\"\nkeep = 10\n"));
    REQUIRE(good.ok());
    CHECK(good->backupTo == "/media/usb/b");
    CHECK(good->backupKeep == 10);
    // init's default carries a commented example and still parses.
    CHECK(defaultSiteToml("141022-001", "北关村").find("# [backup]") != std::string::npos);
}

TEST_CASE("the backup age for staff, in plain Chinese") {
    const std::int64_t now = 1'800'000'000;
    CHECK(backupAgeText(std::nullopt, now) == "还没有备份过，请检查U盘");
    CHECK(backupAgeText(now - 600, now) == "上次备份：10分钟前");
    CHECK(backupAgeText(now - 3 * 3600, now) == "上次备份：3小时前");
    CHECK(backupAgeText(now - 30 * 3600, now) == "上次备份：1天前");
    CHECK(backupAgeText(now - 3 * 86400, now) == "已经3天没有备份了，请检查U盘");
}
