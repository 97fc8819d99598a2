// The first-run flow's steps (see first_run_controller.hpp).
#include "kiosk/ui/first_run_controller.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "kiosk/ui/texts.hpp"
#include "shared/core/text.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/site/first_run_steps.hpp"
#include "shared/site/setup_card_apply.hpp"
#include "shared/staff/kiosk_prefs.hpp"
#include "shared/staff/staff_pin.hpp"

namespace mh::ui {
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kMaxSiteId = 32, kMaxTypedName = 40, kMaxPin = 12;
constexpr std::size_t kRejectedShown = 5;

// Contract 10's rule, the same as `init` and site.toml (isValidSiteId).
bool validSiteId(const std::string& s) { return s.size() <= kMaxSiteId && isValidSiteId(s); }
}  // namespace

std::vector<std::string> findCsvFiles(const std::vector<fs::path>& roots, std::size_t limit) {
    std::vector<std::string> out;
    for (const auto& root : roots) {
        std::error_code ec;
        fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
        // A stick's own folders a few levels down at most: /media/USER/LABEL/名单/x.csv.
        for (; !ec && it != end && out.size() < limit; it.increment(ec)) {
            if (it.depth() > 4) {
                it.disable_recursion_pending();
                continue;
            }
            std::error_code fe;
            if (!it->is_regular_file(fe)) continue;
            std::string ext = toUpperAscii(it->path().extension().string());
            if (ext == ".CSV" && it->path().filename().string()[0] != '.') out.push_back(it->path().string());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

FirstRunController::FirstRunController(FirstRunOptions options, const Clock& clock) : m_opt(std::move(options)), m_clock(clock) {}

std::string FirstRunController::nowIso() const {
    if (m_staging) return m_staging->site().timeZone().isoWithOffset(m_clock.nowUnix());
    // Before the site exists: the time zone a new site.toml starts with.
    auto tz = TimeZone::load(SiteConfig{}.timezone);
    return tz ? tz->isoWithOffset(m_clock.nowUnix()) : std::to_string(m_clock.nowUnix());
}

void FirstRunController::problem(const std::string& text) {
    m_state.message = text;
    m_state.messageIsProblem = true;
}
void FirstRunController::note(const std::string& text) {
    m_state.message = text;
    m_state.messageIsProblem = false;
}

void FirstRunController::apply(const FirstRunCommand& c) {
    std::visit(
        [this](const auto& cmd) {
            using T = std::decay_t<decltype(cmd)>;
            if constexpr (std::is_same_v<T, FrKey>) key(cmd.key);
            else if constexpr (std::is_same_v<T, FrNext>) next();
            else if constexpr (std::is_same_v<T, FrBack>) back();
            else if constexpr (std::is_same_v<T, FrSkip>) skip();
            else if constexpr (std::is_same_v<T, FrBar>) {
                float lo = float(std::min(m_state.screenW, m_state.screenH)) * 0.15f;
                m_state.barPx = std::clamp(cmd.px, lo, float(m_state.screenW) * 0.95f);
            } else if constexpr (std::is_same_v<T, FrPickFile>) importRoster(cmd.index);
            else if constexpr (std::is_same_v<T, FrRescan>) {
                m_state.csvFiles = findCsvFiles(m_opt.usbRoots);
                note(m_state.csvFiles.empty() ? "没有找到名单文件：请插好U盘，等几秒再点“重新查找”" : "");
            } else if constexpr (std::is_same_v<T, FrScan>) scan(cmd.payload);
        },
        c);
}

void FirstRunController::key(const std::string& k) {
    if (k == "ABC" || k == "123") {
        m_state.letters = k == "ABC";
        return;
    }
    std::string* text = nullptr;
    std::size_t max = 0;
    switch (m_state.step) {
        case FirstRunStep::SiteId: text = &m_state.siteId, max = kMaxSiteId; break;
        case FirstRunStep::SiteName: text = &m_state.siteName, max = kMaxTypedName; break;
        case FirstRunStep::Pin:
        case FirstRunStep::PinAgain: text = &m_state.pinDigits, max = kMaxPin; break;
        default: return;
    }
    m_state.message.clear();
    if (k == "删除") {
        // A name taken from the card is Chinese: delete whole characters, never half of one.
        auto cps = splitCodePoints(*text);
        if (!cps.empty()) text->resize(text->size() - cps.back().size());
        return;
    }
    bool pin = m_state.step == FirstRunStep::Pin || m_state.step == FirstRunStep::PinAgain;
    std::string add = k == "空格" ? " " : k;
    bool ok = add.size() == 1 && ((add[0] >= '0' && add[0] <= '9') ||
                                  (!pin && ((add[0] >= 'A' && add[0] <= 'Z') || add[0] == '-' ||
                                            (add[0] == ' ' && m_state.step == FirstRunStep::SiteName))));
    if (ok && text->size() < max) *text += add;
}

void FirstRunController::next() {
    switch (m_state.step) {
        case FirstRunStep::SiteId:
            if (!validSiteId(m_state.siteId)) {
                problem("请输入站点编号：六位县代码、-、站点号（数字），例如 141022-001");
                return;
            }
            m_state.step = FirstRunStep::SiteName;
            m_state.message.clear();
            return;
        case FirstRunStep::SiteName: {
            std::string name(trim(m_state.siteName));
            if (name.empty()) {
                problem("请输入站点名称");
                return;
            }
            m_staging.reset();  // came back to change the id or name: start the site again
            auto staged = FirstRunStaging::begin(m_opt.siteDir, m_state.siteId, name, m_clock, kFirstRunActor);
            if (!staged) {
                problem(staged.error().message);
                return;
            }
            m_staging = std::move(*staged);
            m_state.step = FirstRunStep::Pin;
            m_state.pinDigits.clear();
            m_state.message.clear();
            // A card scanned at the first screens is applied as soon as the site exists.
            if (m_card && !m_state.cardApplied) applyCard();
            return;
        }
        case FirstRunStep::Pin:
            if (m_state.pinDigits.size() < 4) {
                problem("密码要 4 到 12 位数字");
                return;
            }
            if (commonPin(m_state.pinDigits)) {
                problem("这个密码太容易被猜到（如 1234、1111），请换一个");
                m_state.pinDigits.clear();
                return;
            }
            m_firstPin = m_state.pinDigits;
            m_state.pinDigits.clear();
            m_state.step = FirstRunStep::PinAgain;
            m_state.message.clear();
            return;
        case FirstRunStep::PinAgain: {
            if (m_state.pinDigits != m_firstPin) {
                problem("两次输入的密码不一样，请重新输入");
                m_state.pinDigits.clear();
                m_firstPin.clear();
                m_state.step = FirstRunStep::Pin;
                return;
            }
            StaffPin pin(m_staging->site().db(), m_clock);
            if (auto st = pin.set(m_firstPin, nowIso(), kFirstRunActor); !st) {
                problem(st.error().message);
                m_state.pinDigits.clear();
                m_state.step = FirstRunStep::Pin;
                return;
            }
            m_state.pinDigits.clear();
            m_firstPin.clear();
            m_state.step = FirstRunStep::PanelSize;
            m_state.message.clear();
            return;
        }
        case FirstRunStep::PanelSize: {
            // The bar is 10 cm on the ruler: that many pixels a millimetre, and so the diagonal.
            double pxPerMm = double(m_state.barPx) / 100.0;
            double inch = std::hypot(double(m_state.screenW), double(m_state.screenH)) / pxPerMm / 25.4;
            const std::string value = panelInchText(inch, /*measured=*/true);
            if (!savePanelSize(m_staging->site(), kFirstRunActor, nowIso(), "0", value)) {
                problem("面板尺寸没有保存（数据库写入失败），请再点一次下一步");
                return;
            }
            m_state.pickedDiagonalInch = std::strtod(value.c_str(), nullptr);
            m_state.step = FirstRunStep::Roster;
            m_state.csvFiles = findCsvFiles(m_opt.usbRoots);
            m_state.message.clear();
            return;
        }
        case FirstRunStep::Roster:
        case FirstRunStep::SetupCard: {
            // An optional step not done: 下一步 is a skip, and is audited as one.
            const bool roster = m_state.step == FirstRunStep::Roster;
            if (!(roster ? m_state.rosterImported : m_state.cardApplied)) {
                skip();
            } else if (roster) {
                m_state.step = FirstRunStep::SetupCard;
                m_state.message.clear();
            } else {
                finish();
            }
            return;
        }
        case FirstRunStep::Done: return;
    }
}

void FirstRunController::back() {
    m_state.message.clear();
    switch (m_state.step) {
        case FirstRunStep::SiteName: m_state.step = FirstRunStep::SiteId; break;
        case FirstRunStep::Pin:
            // The site id or name is to change: what was made for it goes (a new one is made on 下一步).
            m_staging.reset();
            m_state.cardApplied = false;
            m_state.step = FirstRunStep::SiteName;
            break;
        case FirstRunStep::PinAgain:
            m_state.pinDigits.clear();
            m_state.step = FirstRunStep::Pin;
            break;
        case FirstRunStep::PanelSize: m_state.step = FirstRunStep::Pin; m_state.pinDigits.clear(); break;
        case FirstRunStep::Roster: m_state.step = FirstRunStep::PanelSize; break;
        case FirstRunStep::SetupCard: m_state.step = FirstRunStep::Roster; break;
        default: break;
    }
}

void FirstRunController::skip() {
    if (m_state.step == FirstRunStep::Roster) {
        recordFirstRunSkip(m_staging->site(), FirstRunSkippable::Roster, kFirstRunActor, nowIso());
        m_state.step = FirstRunStep::SetupCard;
        m_state.message.clear();
    } else if (m_state.step == FirstRunStep::SetupCard) {
        recordFirstRunSkip(m_staging->site(), FirstRunSkippable::SetupCard, kFirstRunActor, nowIso());
        finish();
    }
}

void FirstRunController::importRoster(std::size_t index) {
    if (m_state.step != FirstRunStep::Roster || index >= m_state.csvFiles.size()) return;
    Site& site = m_staging->site();
    LocalDate today = site.timeZone().toLocal(m_clock.nowUnix()).date;
    auto report = importRosterFile(site, m_state.csvFiles[index], today, nowIso(), kFirstRunActor);
    m_state.rosterLines.clear();
    if (!report) {
        problem(report.error().message);
        m_state.rosterSummary.clear();
        return;
    }
    m_state.rosterImported = true;
    // Only the counts that say something (新增 57 人，退回 2 行): a 7" panel then has a line more for
    // the refused rows.
    std::string summary;
    auto part = [&](const char* what, int n, const char* unit) {
        if (n == 0) return;
        summary += (summary.empty() ? "" : "，") + std::string(what) + " " + std::to_string(n) + " " + unit;
    };
    part("新增", report->added, "人");
    part("更新", report->updated, "人");
    part("未变", report->unchanged, "人");
    part("退回", report->rejectedCount(), "行");
    m_state.rosterSummary = summary.empty() ? std::string("名单文件里没有老人") : summary;
    for (std::size_t i = 0; i < report->rejected.size() && i < kRejectedShown; ++i)
        m_state.rosterLines.push_back("第" + std::to_string(report->rejected[i].line) + "行：" + drawable(report->rejected[i].reason));
    if (report->rejectedCount() > int(kRejectedShown))
        m_state.rosterLines.push_back("……另有 " + std::to_string(report->rejectedCount() - int(kRejectedShown)) + " 行退回");
    note(report->rejectedCount() > 0 ? "请在表格里改好退回的行，再导入一次" : "名单已导入");
}

void FirstRunController::scan(const std::string& payload) {
    if (!looksLikeSetupCard(payload)) {
        note("现在还不能签到：请先完成设置");
        return;
    }
    if (!m_opt.setupKeysProblem.empty()) {
        problem(m_opt.setupKeysProblem);
        return;
    }
    // Before the site id is set the card gives it; afterwards it must be for that site.
    bool idFixed = m_state.step != FirstRunStep::SiteId && m_state.step != FirstRunStep::SiteName;
    // The card's dates are the county's (the default time zone: a site made here has it until site.toml says otherwise).
    auto tz = TimeZone::load(SiteConfig{}.timezone);
    LocalDate today = tz ? tz->toLocal(m_clock.nowUnix()).date : LocalDate::fromDayNumber(m_clock.nowUnix() / 86400);
    auto card = verifySetupCard(payload, m_opt.trustedSetupKeys, today, idFixed ? std::optional(m_state.siteId) : std::nullopt);
    if (!card) {
        problem(card.error().message);
        return;
    }
    m_card = *card;
    m_state.cardRead = true;
    m_state.cardApplied = false;
    m_state.cardSiteId = card->siteId;
    m_state.cardEndpoint = card->endpoint;
    m_state.cardIssued = card->issued.iso();
    if (!idFixed) {
        m_state.siteId = card->siteId;
        if (!card->siteName.empty()) m_state.siteName = card->siteName;
        note("已读县平台接入卡：站点编号 " + card->siteId + (card->siteName.empty() ? "" : "，名称 " + card->siteName));
        return;
    }
    applyCard();
}

void FirstRunController::applyCard() {
    if (!m_card || !m_staging) return;
    auto applied = applySetupCard(m_staging->site(), *m_card, nowIso(), kFirstRunActor);
    if (!applied) {
        problem(applied.error().message);
        return;
    }
    m_state.cardApplied = true;
    note("已接入县平台：" + m_card->endpoint);
}

void FirstRunController::finish() {
    if (!m_staging) return;
    if (auto st = m_staging->commit(nowIso(), kFirstRunActor); !st) {
        problem(st.error().message);
        return;
    }
    m_staging.reset();
    m_state.step = FirstRunStep::Done;
    m_state.message.clear();
}

}  // namespace mh::ui
