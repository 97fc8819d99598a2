#include "upload/upload_fixture.hpp"

#include <doctest/doctest.h>

#include "shared/roster/roster_import.hpp"
#include "shared/store/terminal_identity.hpp"
#include "shared/upload/tally_uploader.hpp"

namespace mh::test {

LocalDate D(const char* iso) { return *LocalDate::parse(iso); }

UploadSite::UploadSite(const std::string& endpoint, int elders, const std::string& extraToml) {
    std::string extra = extraToml;
    if (!endpoint.empty()) extra += "\n[upload]\nendpoint = \"" + endpoint + "\"\ntoken_file = \"upload.token\"\n";
    site = makeSite(dir.path(), standardToml(extra));
    writeFile(dir.path() / "upload.token", std::string(kToken) + "\n");
    std::string csv = "elder_id,name,birth_date,categories,village\n";
    for (int i = 1; i <= elders; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "E%03d", i);
        csv += std::string(id) + ",张桂兰,1940-03-0" + std::to_string(1 + i % 9) + "," + (i % 2 ? "dibao" : "") + ",北关村\n";
    }
    auto rep = importRoster(*site, csv, D("2026-01-01"), "2026-01-01T09:00:00+08:00", "test");
    REQUIRE(rep.ok());
    REQUIRE(int(rep->rejected.size()) == 0);
}

std::int64_t UploadSite::lunches(LocalDate day, int n, bool delivered) {
    CheckInEngine engine(*site, clock);
    std::int64_t last = 0;
    for (int i = 1; i <= n; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "E%03d", i);
        LocalDateTime when{day, 11, 30, 0};
        auto r = engine.checkInManually(ElderId(id), ServiceId("lunch"), when, delivered, "测试员");
        REQUIRE(r.ok());
        REQUIRE(r->accepted());
        last = *r->recordId;
    }
    return last;
}

std::string UploadSite::key(const std::string& day, int revision) const {
    return idempotencyKey(site->config().siteId, loadTerminalIdentity(site->db()).id, day, revision);
}

std::int64_t UploadSite::at(LocalDate day, int hh, int mm) const {
    return site->timeZone().toUnix(LocalDateTime{day, hh, mm, 0});
}

}  // namespace mh::test
