// Upload bench: a 300-elder site's 30-day backlog delivered to a loopback county platform by the real
// uploader (outbox + curl client), against a bare libcurl loop POSTing the same bodies in the same run.
#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

#include "platform/net/curl_http_client.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/upload/tally_uploader.hpp"
#include "shared/upload/upload_outbox.hpp"
#include "support/fake_county.hpp"

using namespace mh;
namespace fs = std::filesystem;
using Clk = std::chrono::steady_clock;

namespace {

double secondsSince(Clk::time_point t0) { return std::chrono::duration<double>(Clk::now() - t0).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::unique_ptr<Site> makeBenchSite(const fs::path& dir, const std::string& endpoint) {
    auto made = Site::init(dir, "141022-001", "北关村老年食堂");
    if (!made) throw std::runtime_error(made.error().en);
    made->reset();
    std::ofstream(dir / "site.toml") << R"([site]
id = "141022-001"
name = "北关村老年食堂"
[[service]]
id = "lunch"
name = "午餐"
opens = "10:30"
closes = "13:30"
price_fen = 1000
[[rule]]
name = "低保高龄"
categories = ["dibao"]
min_age = 80
government_fen = 600
collective_fen = 200
[[rule]]
name = "高龄"
min_age = 80
government_fen = 300
collective_fen = 100
[upload]
endpoint = ")" << endpoint << "\"\n";
    std::ofstream(dir / "upload.token") << "secret-token\n";
    auto site = Site::open(dir);
    if (!site) throw std::runtime_error(site.error().en);
    return std::move(*site);
}

// 300 elders, each at lunch every day for 30 days (the busiest site the county papers describe).
void fillRecords(Site& site, LocalDate first, int days, int elders) {
    std::string csv = "elder_id,name,birth_date,categories,village\n";
    for (int i = 1; i <= elders; ++i) {
        char row[128];
        std::snprintf(row, sizeof row, "E%04d,张桂兰,1940-%02d-%02d,%s,北关村\n", i, 1 + i % 12, 1 + i % 28, i % 3 ? "dibao" : "");
        csv += row;
    }
    auto rep = importRoster(site, csv, first, "2026-01-01T09:00:00+08:00", "bench");
    if (!rep) throw std::runtime_error(rep.error().en);
    CheckinStore store(site.db());
    for (int d = 0; d < days; ++d) {
        LocalDate day = first.plusDays(d);
        Transaction tx(site.db());
        for (int i = 1; i <= elders; ++i) {
            CheckinRecord r;
            char id[16];
            std::snprintf(id, sizeof id, "E%04d", i);
            r.elderId = ElderId(id);
            r.service = ServiceId("lunch");
            r.serviceKind = "meal";
            r.day = day.iso();
            r.at = day.iso() + "T11:" + std::to_string(10 + i % 50) + ":00+08:00";
            r.delivered = i % 10 == 0;
            r.rule = i % 3 ? std::optional<std::string>("低保高龄") : std::optional<std::string>("高龄");
            r.priceFen = 1000_fen;
            r.shares.government = Fen(i % 3 ? 600 : 300);
            r.shares.collective = Fen(i % 3 ? 200 : 100);
            r.shares.elder = 1000_fen - r.shares.government - r.shares.collective;
            r.categories = i % 3 ? "dibao" : "";
            r.source = "card";
            store.insert(r);
        }
        tx.commit();
    }
}

void resetOutbox(Site& site) {
    site.db().exec("DELETE FROM upload_outbox; DELETE FROM upload_outbox_sig; DELETE FROM upload_state;");
}

size_t discard(char*, size_t s, size_t n, void*) { return s * n; }

// The baseline: one libcurl handle POSTing the same bodies with the same headers, nothing else.
double bareCurl(const std::string& url, const std::vector<OutboxEntry>& entries) {
    CURL* c = curl_easy_init();
    auto t0 = Clk::now();
    for (const auto& e : entries) {
        curl_slist* h = nullptr;
        h = curl_slist_append(h, "Authorization: Bearer secret-token");
        h = curl_slist_append(h, ("Idempotency-Key: 141022-001/" + e.day + "/" + std::to_string(e.revision)).c_str());
        h = curl_slist_append(h, "Content-Type: application/json; charset=utf-8");
        h = curl_slist_append(h, "Expect:");
        curl_easy_setopt(c, CURLOPT_URL, url.c_str());
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, e.body.data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(e.body.size()));
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
        CURLcode rc = curl_easy_perform(c);
        long status = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        curl_slist_free_all(h);
        if (rc != CURLE_OK || status >= 300) throw std::runtime_error("baseline POST failed");
    }
    double s = secondsSince(t0);
    curl_easy_cleanup(c);
    return s;
}

}  // namespace

int main() {
    constexpr int kDays = 30, kElders = 300, kRounds = 5;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    fs::path dir = fs::temp_directory_path() / ("mealhall-bench-upload-" + std::to_string(std::random_device{}()));
    int rc = 0;
    try {
        auto county = std::make_unique<mh::test::FakeCounty>();
        auto site = makeBenchSite(dir, county->endpoint());
        const LocalDate first = *LocalDate::parse("2026-10-01");
        fillRecords(*site, first, kDays, kElders);
        FakeClock clock(site->timeZone().toUnix(LocalDateTime{first.plusDays(kDays), 8, 0, 0}));

        std::vector<double> whole, sendOnly, baseline, commits;
        std::vector<OutboxEntry> bodies;
        for (int round = 0; round < kRounds; ++round) {
            // (a) freeze 30 days and deliver them, as `kiosk upload` does after a month offline
            county->clear();
            resetOutbox(*site);
            {
                CurlHttpClient http;
                UploadOptions o;
                o.respectSchedule = false;
                o.pullRoster = false;
                auto t0 = Clk::now();
                UploadRunReport rep = TallyUploader(*site, clock, http, o).run();
                whole.push_back(secondsSince(t0));
                if (rep.pendingDays != 0 || int(rep.delivered.size()) != kDays)
                    throw std::runtime_error("backlog not delivered: " + std::to_string(rep.delivered.size()) + " " + (rep.error ? rep.error->en : ""));
            }
            // (b) the same with the days already frozen: sending alone
            county->clear();
            resetOutbox(*site);
            UploadOutbox(*site).freezeDue(clock.nowUnix());
            bodies = UploadOutbox(*site).pending();
            {
                CurlHttpClient http;
                UploadOptions o;
                o.respectSchedule = false;
                o.pullRoster = false;
                auto t0 = Clk::now();
                UploadRunReport rep = TallyUploader(*site, clock, http, o).run();
                sendOnly.push_back(secondsSince(t0));
                if (int(rep.delivered.size()) != kDays || county->stored().size() != size_t(kDays))
                    throw std::runtime_error("backlog not delivered");
            }
            // (c) baseline: bare libcurl, same bodies, fresh receiver
            county->clear();
            baseline.push_back(bareCurl(county->endpoint() + "/tallies", bodies));
            // (d) what durability alone costs: one committed transaction per delivered day
            {
                auto t0 = Clk::now();
                for (int d = 0; d < kDays; ++d) {
                    Transaction tx(site->db());
                    UploadOutbox(*site).setState("bench", std::to_string(d));
                    tx.commit();
                }
                commits.push_back(secondsSince(t0));
            }
        }
        size_t total = 0, biggest = 0;
        for (const auto& e : bodies) {
            total += e.body.size();
            biggest = std::max(biggest, e.body.size());
        }
        double w = median(whole), so = median(sendOnly), b = median(baseline);
        std::printf("bench_upload: %d-day backlog, %d elders/day, loopback receiver, median of %d rounds\n", kDays, kElders, kRounds);
        std::printf("  freeze + deliver 30 days (kiosk upload path): %8.1f ms  (target < 2000 ms)\n", w * 1e3);
        std::printf("  deliver 30 frozen days (uploader):            %8.1f ms\n", so * 1e3);
        std::printf("  baseline: bare libcurl loop, same 30 POSTs:   %8.1f ms\n", b * 1e3);
        std::printf("  30 durable commits alone (WAL, synchronous=FULL; freezing pays one a day): %6.1f ms\n", median(commits) * 1e3);
        std::printf("  ratio uploader/baseline: %.2f (send only), %.2f (with freezing)\n", so / b, w / b);
        std::printf("  bytes per day's tally: %zu average, %zu largest (%d records)\n", total / bodies.size(), biggest, kElders);
        rc = w < 2.0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_upload failed: %s\n", e.what());
        rc = 2;
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return rc;
}
