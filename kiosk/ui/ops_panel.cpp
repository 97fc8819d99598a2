// The staff back office and the idle posting rotation (see ops_panel.hpp).
#include "kiosk/ui/ops_panel.hpp"

#include <algorithm>
#include <cstdio>

#include "kiosk/ui/kiosk_state.hpp"
#include "shared/staff/staff_audit.hpp"
#include "kiosk/ui/texts.hpp"
#include "shared/core/text.hpp"
#include "shared/donations/record_donation.hpp"
#include "shared/donations/donation_balance.hpp"
#include "shared/upload/day_due.hpp"
#include "shared/upload/site_status.hpp"
#include "shared/upload/upload_status.hpp"

namespace mh::ui {

namespace {
constexpr int kRecentDonors = 6;

std::string monthDay(const std::string& isoDay) {
    auto d = LocalDate::parse(isoDay.substr(0, 10));
    if (!d) return isoDay;
    return std::to_string(d->month()) + "月" + std::to_string(d->day()) + "日";
}
}  // namespace

std::string shortLocalTime(const std::string& iso) {
    if (iso.size() < 16 || iso[10] != 'T') return iso;
    return monthDay(iso) + " " + iso.substr(11, 5);
}

std::optional<Fen> parseTypedYuan(const std::string& typed) {
    if (typed.empty() || typed == ".") return std::nullopt;
    // Digits typed by staff: whole numbers until the one place they become money, at the end.
    std::int64_t yuan = 0, cents = 0;
    int decimals = -1;
    for (char c : typed) {
        if (c == '.') {
            if (decimals >= 0) return std::nullopt;
            decimals = 0;
        } else if (c >= '0' && c <= '9') {
            if (decimals < 0) {
                yuan = yuan * 10 + (c - '0');
                if (yuan > kMaxDonationFen.value()) return std::nullopt;
            } else {
                if (++decimals > 2) return std::nullopt;
                cents = cents * 10 + (c - '0');
            }
        } else {
            return std::nullopt;
        }
    }
    if (decimals == 1) cents *= 10;
    return Fen(yuan * 100 + cents);
}

std::string typeYuanKey(const std::string& typed, const std::string& key) {
    if (key == "删除") return typed.empty() ? typed : typed.substr(0, typed.size() - 1);
    if (key == ".") return typed.find('.') == std::string::npos && !typed.empty() ? typed + "." : typed;
    if (key.size() != 1 || key[0] < '0' || key[0] > '9') return typed;
    auto dot = typed.find('.');
    if (dot != std::string::npos) return typed.size() - dot > 2 ? typed : typed + key;
    if (typed == "0") return key;  // no leading zeros
    return typed.size() >= 8 ? typed : typed + key;
}

std::string staffWords(const std::string& message) {
    // The uploader's sentences are written for whoever reads the log and may name the settings file;
    // a staff screen says what to do in words instead (no file names, keys or commands).
    for (const char* tech : {"site.toml", "[upload]", "endpoint", "kiosk "})
        if (message.find(tech) != std::string::npos) return "上报地址或设置有问题，请管理员按县里给的地址检查上报设置";
    return drawable(message);
}

void OpsPanel::loadUpload(OpsState& ops) {
    UploadStatus s = readUploadStatus(m_site);
    UploadView v;
    v.configured = s.configured;
    v.lastSuccess = s.lastSuccessAt.empty() ? "还没有上报成功过" : "上次上报成功：" + shortLocalTime(s.lastSuccessAt);
    if (s.daysPending == 0) v.pending = "没有待上报的数据";
    else
        v.pending = "待上报：" + std::to_string(s.daysPending) + " 天" +
                    (s.oldestPendingDay.empty() ? "" : "（最早 " + monthDay(s.oldestPendingDay) + "）");
    if (!s.configured) v.problem = "还没有填县平台的上报地址，数据先保存在本机；请管理员按县里给的地址设置";
    else if (!s.lastError.empty())
        v.problem = staffWords(s.lastError) + (s.lastErrorAt.empty() ? "" : "（" + shortLocalTime(s.lastErrorAt) + "）");
    if (!s.rosterError.empty()) v.problem += (v.problem.empty() ? "" : "；") + ("名单同步：" + staffWords(s.rosterError));
    // The same facts `kiosk status` prints (siteStatus): this terminal and the days the county refused.
    SiteStatus facts = siteStatus(m_site, m_clock.nowUnix(), /*checkDatabase=*/false);
    v.terminal = facts.terminal.empty() ? "" : "本机编号：" + facts.terminal;
    for (const RefusedDay& r : facts.refusedDays)
        v.refused.push_back("县平台拒收了 " + r.day + " 的汇总（第 " + std::to_string(r.revision) +
                            " 版），县平台答复：" + drawable(r.countyAnswer) + "。请联系县信息科；改正后会重新上报。");
    v.needsStaff = s.needsStaff || !v.refused.empty();
    if (v.problem.empty() && !v.refused.empty()) v.problem = "有 " + std::to_string(v.refused.size()) + " 天的汇总被县平台拒收";
    v.waking = ops.upload.waking;
    ops.upload = v;
    // The posting job's last word rides along: staff look at both on the settings tab.
    ops.postingStatus = m_link.postingStatus ? m_link.postingStatus() : "";
    ops.backupStatus = m_link.backupStatus ? m_link.backupStatus() : "";
    if (m_link.peers) ops.peers = m_link.peers();
}

void OpsPanel::loadDonation(OpsState& ops, LocalDate today) {
    DonationBalance b = donationBalance(m_site, today);
    ops.donation.balanceText = donationBalanceText(b, false);
    DonationLevel level = b.level();
    ops.donation.warn = level == DonationLevel::Exhausted ? DonationWarn::Exhausted
                        : level == DonationLevel::Low     ? DonationWarn::Low
                                                          : DonationWarn::None;
}

bool OpsPanel::recordChanged(LocalDate day, const LocalDateTime& now) {
    if (!isDayDue(day, now, m_site.config()) || !m_link.wakeUpload) return false;
    m_link.wakeUpload();
    return true;
}

void OpsPanel::apply(const OpsCommand& c, KioskState& st) {
    OpsState& ops = st.ops;
    std::visit(
        [&](const auto& cmd) {
            using T = std::decay_t<decltype(cmd)>;
            if constexpr (std::is_same_v<T, UploadNow>) {
                if (m_link.wakeUpload) {
                    m_link.wakeUpload();
                    ops.upload.waking = true;
                    st.staffMessage = "正在上报，请稍候";
                } else {
                    st.staffMessage = "上报没有运行";
                }
                auditStaffAction(m_site, m_clock, "upload.now", "", m_link.wakeUpload ? "uploader woken" : "uploader not running");
            } else if constexpr (std::is_same_v<T, StartDonation>) {
                ops.form = {};
                // As stored; drawn through drawable().
                ops.form.recentDonors = recentDonors(m_site, st.now.date, kRecentDonors, kAnonymousDonor);
                st.staffTab = StaffTab::Donation;
                st.staffMessage.clear();
            } else if constexpr (std::is_same_v<T, DonationKey>) {
                ops.form.amount = typeYuanKey(ops.form.amount, cmd.key);
            } else if constexpr (std::is_same_v<T, PickDonor>) {
                ops.form.donor = cmd.donor;
                if (cmd.donor == kAnonymousDonor) ops.form.named = false;
            } else if constexpr (std::is_same_v<T, ToggleDonorNamed>) {
                ops.form.named = !ops.form.named && ops.form.donor != kAnonymousDonor;
            } else if constexpr (std::is_same_v<T, SaveDonation>) {
                saveDonation(st);
            } else if constexpr (std::is_same_v<T, CancelDonation>) {
                ops.form = {};
                st.staffTab = StaffTab::Settings;
                st.staffMessage = "没有记录捐赠";
            } else if constexpr (std::is_same_v<T, HidePosting>) {
                ops.postingShown = false;
            } else if constexpr (std::is_same_v<T, NewPairingCode>) {
                const bool wasShown = ops.peers.codeShown;
                std::string problem = m_link.showPairingCode ? m_link.showPairingCode() : "本机不能加入其他签到机（培训模式）";
                if (m_link.peers) ops.peers = m_link.peers();
                st.staffMessage = !problem.empty() ? problem : wasShown ? "已换了新的配对码" : "配对码已显示，10 分钟内有效";
                if (problem.empty()) auditStaffAction(m_site, m_clock, "peers.new_code", "", "");
            } else if constexpr (std::is_same_v<T, HidePairingCode>) {
                if (m_link.hidePairingCode) m_link.hidePairingCode();
                if (m_link.peers) ops.peers = m_link.peers();
                st.staffMessage = "配对码已收起";
            }
        },
        c);
}

std::optional<Fen> OpsPanel::checkedDonation(KioskState& st) {
    const DonationForm& f = st.ops.form;
    auto fen = parseTypedYuan(f.amount);
    if (!fen || *fen <= Fen{0}) {
        st.staffMessage = "请先用数字键输入金额（元）";
        return std::nullopt;
    }
    if (f.donor.empty()) {
        st.staffMessage = "请点选捐赠人，或点“匿名”";
        return std::nullopt;
    }
    return fen;
}

std::optional<StaffConfirmation> OpsPanel::donationQuestion(KioskState& st) const {
    auto fen = checkedDonation(st);
    if (!fen) return std::nullopt;
    const DonationForm& f = st.ops.form;
    bool named = f.named && f.donor != kAnonymousDonor;
    return StaffConfirmation{"记录这笔捐赠吗？",
                             {"金额：" + formatYuan2(*fen) + " 元", "捐赠人：" + drawable(f.donor),
                              named ? "上光荣榜：是" : "上光荣榜：否"},
                             "确认记录"};
}

void OpsPanel::saveDonation(KioskState& st) {
    DonationForm& f = st.ops.form;
    auto fen = checkedDonation(st);
    if (!fen) return;
    auto recorded = recordDonation(m_site.db(),
                                   {f.donor, *fen, st.now.date, "", f.named && f.donor != kAnonymousDonor, kStaffScreenActor},
                                   st.now.date, m_site.timeZone().isoWithOffset(m_clock.nowUnix()));
    if (!recorded) {
        st.staffMessage = recorded.error().message;
        return;
    }
    const Donation& d = *recorded;
    st.staffMessage = "已记录：" + drawable(d.donor) + " 捐赠 " + formatYuan2(d.amountFen) + " 元" + (d.named ? "（上光荣榜）" : "");
    f = {};
    st.staffTab = StaffTab::Settings;
    loadDonation(st.ops, st.now.date);
}

bool OpsPanel::tick(KioskState& st) {
    bool changed = false;
    // A code lives only while staff look at it: leaving the settings tab (or the staff screens, by
    // hand or by their time-out) withdraws it.
    const bool onSettings = st.screen == ScreenId::Roster && st.staffTab == StaffTab::Settings;
    if (!onSettings && st.ops.peers.codeShown) {
        if (m_link.hidePairingCode) m_link.hidePairingCode();
        st.ops.peers.codeShown = false;
        st.ops.peers.code.clear();
        changed = true;
    }
    // The code changes under the staff's eyes when a terminal joins or it expires.
    if (m_link.peers && onSettings) {
        PeersView v = m_link.peers();
        if (!(v == st.ops.peers)) {
            st.ops.peers = std::move(v);
            changed = true;
        }
    }
    if (m_link.posting) {
        auto p = m_link.posting();
        bool differs = p.has_value() != st.ops.posting.has_value() ||
                       (p && (p->month != st.ops.posting->month || p->lines != st.ops.posting->lines));
        if (differs) {
            st.ops.posting = std::move(p);
            changed = true;
        }
    }
    if (m_link.uploadRuns) {
        int runs = m_link.uploadRuns();
        if (runs != m_runsSeen) {
            m_runsSeen = runs;
            st.ops.upload.waking = false;
            if (st.screen == ScreenId::Roster && st.staffTab == StaffTab::Settings) {
                loadUpload(st.ops);
                changed = true;
            }
        }
    }
    bool show = false;
    if (st.screen == ScreenId::Checkin && st.ops.posting) {
        std::int64_t idle = m_clock.nowUnix() - m_lastActivity;
        if (idle >= kIdleBeforePostingSeconds)
            show = (idle - kIdleBeforePostingSeconds) % kPostingCycleSeconds < kPostingShownSeconds;
    }
    if (show != st.ops.postingShown) {
        st.ops.postingShown = show;
        changed = true;
    }
    return changed;
}

std::int64_t OpsPanel::secondsToNextChange(const KioskState& st) const {
    std::int64_t wait = 60;
    // A run finishing is noticed soon after 立即上报 while staff watch the settings tab.
    if (st.ops.upload.waking) wait = 1;
    // A code shown: a join, its expiry or leaving the tab (which withdraws it) show within a second.
    if (st.ops.peers.codeShown) wait = 1;
    if (st.screen == ScreenId::Checkin && st.ops.posting) {
        std::int64_t idle = m_clock.nowUnix() - m_lastActivity;
        if (idle < kIdleBeforePostingSeconds) return std::min(wait, kIdleBeforePostingSeconds - idle);
        std::int64_t phase = (idle - kIdleBeforePostingSeconds) % kPostingCycleSeconds;
        return std::min(wait, phase < kPostingShownSeconds ? kPostingShownSeconds - phase : kPostingCycleSeconds - phase);
    }
    return wait;
}

}  // namespace mh::ui
