#include "support/month_generator.hpp"
#include "support/test_site.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <stdexcept>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/core/id_number.hpp"
#include "shared/posting/monthly_figures.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/checkin_store.hpp"

namespace mh::test {
namespace {

const char* kSurnames[] = {"张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "欧阳"};
const char* kGiven[] = {"桂兰", "秀英", "淑珍", "玉兰", "凤英", "建国", "福来", "德胜", "长顺", "保国", "金山", "永发", "三",
                        "春花", "振华", "宝山", "桂香", "德明", "素珍", "有财", "志强", "秀梅", "淑芬"};
const char* kVillages[] = {"北关村", "南关村", "西街村", "东沟村"};
const char* kCategories[] = {"tekun", "dibao", "dibao|duju", "", "kunnan", "", "shineng|kongchao", ""};

std::string idFor(int year, int i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "141022%04d%02d%02d%03d", year, 1 + i % 12, 1 + i % 28, i % 1000);
    std::string s = buf;
    return s + idCheckChar(s);
}

}  // namespace

std::string postingToml() {
    std::string toml = standardToml("\n[[service]]\nid = \"clean\"\nname = \"助洁\"\nkind = \"service\"\nprice_fen = 0\n");
    const std::string tz = "timezone = \"Asia/Shanghai\"\n";
    toml.insert(toml.find(tz) + tz.size(), "contact = \"村委会 王主任 0357-1234567\"\n");
    return toml;
}

MonthBook generateMonth(Site& site, int year, unsigned month, int elders, double lunchRate, unsigned seed) {
    MonthBook book;
    site.db().exec("PRAGMA synchronous=OFF");
    std::mt19937 rng(seed);
    std::string csv = "elder_id,name,id_number,birth_date,categories,village\n";
    for (int i = 0; i < elders; ++i) {
        GeneratedElder e;
        char id[16];
        std::snprintf(id, sizeof id, "E%05d", i + 1);
        e.elderId = id;
        e.name = std::string(kSurnames[i % 17]) + kGiven[(i / 17 + i) % 23];
        e.village = kVillages[i % 4];
        e.categories = kCategories[i % 8];
        int birthYear = 1930 + (i * 7) % 35;  // ages about 61 to 96
        e.idNumber = idFor(birthYear, i);
        csv += e.elderId + "," + e.name + "," + e.idNumber + ",," + e.categories + "," + e.village + "\n";
        book.elders.push_back(e);
    }
    LocalDate last = lastDayOfMonth(year, month);
    auto imported = importRoster(site, csv, last, last.iso() + "T08:00:00+08:00", "test");
    if (!imported || !imported->rejected.empty()) throw std::runtime_error("generated roster was refused");

    FakeClock clock(site.timeZone().toUnix(LocalDateTime{last, 21, 0, 0}));
    CheckInEngine engine(site, clock);
    std::uniform_real_distribution<double> u(0, 1);
    auto record = [&](const GeneratedElder& e, const std::string& svc, LocalDateTime at, bool delivered) {
        bool manual = u(rng) < 0.1;
        auto r = manual ? engine.checkInManually(ElderId(e.elderId), ServiceId(svc), at, delivered, "测试员")
                        : engine.scan(ScanRequest{e.idNumber, ServiceId(svc), at, delivered});
        if (!r || !r->accepted()) throw std::runtime_error("generated check-in was refused");
        ++book.records;
        if (u(rng) < 0.02) {  // a mistake, voided by staff; half of them are checked in again
            if (!engine.voidRecord(*r->recordId, "刷错了", "测试员")) throw std::runtime_error("void failed");
            ++book.voided[svc];
            if (u(rng) < 0.5) return;
            r = engine.scan(ScanRequest{e.idNumber, ServiceId(svc), at, delivered});
            if (!r || !r->accepted()) throw std::runtime_error("re-check-in was refused");
            ++book.records;
        }
        ++book.counted[svc];
        if (delivered) ++book.delivered[svc];
        ++book.perElder[e.elderId][svc];
        if (svc == "lunch" || svc == "breakfast") ++book.mealsPerDay[at.date.iso()];
        book.donationShareFen += r->shares->donation;
    };
    for (unsigned d = 1; d <= last.day(); ++d) {
        LocalDate day = LocalDate::of(year, month, d);
        for (const auto& e : book.elders) {
            if (u(rng) < lunchRate) record(e, "lunch", {day, 11, int(rng() % 60), 0}, u(rng) < 0.08);
            if (u(rng) < lunchRate * 0.25) record(e, "breakfast", {day, 7, 30, 0}, false);
            if (u(rng) < 0.02) record(e, "health", {day, 15, 0, 0}, false);
            if (u(rng) < 0.01) record(e, "clean", {day, 9, 30, 0}, false);
        }
    }
    return book;
}

int fillBigMonth(Site& site, int year, unsigned month, int elders, int lunches) {
    static const char* villages[] = {"北关村", "南关村", "西街村", "东沟村", "前进村", "红旗村",
                                     "王家庄", "李家堡", "上河村", "下河村", "石门村", "新庄村"};
    site.db().exec("PRAGMA synchronous=OFF");
    std::string csv = "elder_id,name,village\n";
    for (int i = 0; i < elders; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "B%05d", i + 1);
        csv += std::string(id) + "," + kSurnames[i % 17] + kGiven[(i / 17 + i) % 23] + "," + villages[i % 12] + "\n";
    }
    LocalDate last = lastDayOfMonth(year, month);
    auto imported = importRoster(site, csv, last, last.iso() + "T08:00:00+08:00", "test");
    if (!imported || !imported->rejected.empty()) throw std::runtime_error("generated roster was refused");
    const ServiceDef* lunch = nullptr;
    for (const auto& s : site.config().services)
        if (s.id == "lunch") lunch = &s;
    if (!lunch) throw std::runtime_error("the site has no lunch service");
    Transaction tx(site.db());
    CheckinStore store(site.db());
    int written = 0;
    for (int i = 0; i < elders; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "B%05d", i + 1);
        for (int d = 1; d <= lunches && d <= int(last.day()); ++d) {
            LocalDate day = LocalDate::of(year, month, unsigned(d));
            CheckinRecord r;
            r.elderId = ElderId(id);
            r.service = ServiceId("lunch");
            r.serviceKind = "meal";
            r.day = day.iso();
            r.at = day.iso() + "T11:30:00+08:00";
            r.priceFen = lunch->priceFen;
            r.shares.elder = std::min<Fen>(lunch->priceFen, 300_fen);
            r.shares.government = lunch->priceFen - r.shares.elder;
            r.source = "card";
            store.insert(r);
            ++written;
        }
    }
    tx.commit();
    return written;
}

}  // namespace mh::test
