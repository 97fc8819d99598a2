// Back-office drawing: upload status and donation balance on the settings tab, the donation form
// (amount on a keypad, donor from a short list: no Chinese typing), warnings above the roster, and the
// month's posting shown by the idle waiting screen.
#include <algorithm>

#include "kiosk/ui/posting_summary.hpp"
#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/staff_layout.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {
// Staff are told what to do in words, never a command to type (issue 12).
// A new county connection comes on a setup card, scanned while this tab is open (issue 14).
constexpr const char* kSetupCardHint = "换县平台地址或口令：在这一页把新的县平台接入卡对准扫描口";
constexpr const char* kNewDonorHint = "名单里没有的捐赠人：请管理员在电脑上登记，登记后就会出现在这里";
void colouredWrapped(std::uint32_t colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}
void gap(DrawContext& ctx) { ImGui::Dummy({1, ctx.mm(2)}); }

const std::vector<std::string>& amountKeys() {
    static const std::vector<std::string> k{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", ".", "删除"};
    return k;
}
}  // namespace

void drawUploadSection(const KioskState& st, DrawContext& ctx, float width) {
    const UploadView& u = st.ops.upload;
    colouredWrapped(kBlueText, "上报县平台");
    std::string state = u.lastSuccess + "；" + u.pending;
    ImGui::TextWrapped("%s", state.c_str());
    if (!u.problem.empty()) colouredWrapped(u.needsStaff ? kRedText : kAmberText, u.problem);
    for (const std::string& line : u.refused) colouredWrapped(kRedText, line);
    if (!u.terminal.empty()) ImGui::TextWrapped("%s", u.terminal.c_str());
    if (u.needsStaff) colouredWrapped(kRedText, "需要工作人员处理：改好设置后点“立即上报”");
    if (u.waking) ImGui::TextUnformatted("正在上报…");
    ImGui::TextWrapped("%s", kSetupCardHint);
    if (buttonGrid(ctx, "upload", {"立即上报"}, width, {ctx.mm(50), ctx.mm(kTouchMm)}) == 0) ctx.out.push(OpsCommand{UploadNow{}});
    gap(ctx);
}

void drawPeersSection(const KioskState& st, DrawContext& ctx, float width) {
    const PeersView& p = st.ops.peers;
    if (!p.canPair && p.problem.empty() && p.held.empty()) return;
    colouredWrapped(kBlueText, "本食堂的其他签到机");
    if (!p.problem.empty()) colouredWrapped(kRedText, p.problem);
    for (const std::string& line : p.peers) ImGui::TextWrapped("%s", line.c_str());
    if (!p.held.empty()) colouredWrapped(kAmberText, p.held);
    if (!p.canPair) {
        gap(ctx);
        return;
    }
    if (p.peers.empty()) ImGui::TextWrapped("还没有其他签到机。加一台：按“显示配对码”，在新机器上输入下面的本机网络地址和配对码");
    if (p.codeShown) {
        // The code on a line of its own: read aloud or typed on the other terminal, it must not wrap.
        colouredWrapped(p.codeUsable ? kText : kAmberText, "配对码 " + p.code);
        colouredWrapped(p.codeUsable ? kText : kAmberText, p.codeNote);
        ImGui::TextWrapped("%s", p.address.c_str());
    } else {
        ImGui::TextWrapped("配对码只在这里显示的时候有效（最多 10 分钟，只能用一次，离开本页就收起）");
    }
    if (!p.lastEvent.empty()) ImGui::TextWrapped("%s", p.lastEvent.c_str());
    if (p.codeShown) {
        int tapped = buttonGrid(ctx, "pair", {"换一个配对码", "收起配对码"}, width, {ctx.mm(60), ctx.mm(kTouchMm)});
        if (tapped == 0) ctx.out.push(OpsCommand{NewPairingCode{}});
        if (tapped == 1) ctx.out.push(OpsCommand{HidePairingCode{}});
    } else if (buttonGrid(ctx, "pair", {"显示配对码"}, width, {ctx.mm(60), ctx.mm(kTouchMm)}) == 0) {
        ctx.out.push(OpsCommand{NewPairingCode{}});
    }
    gap(ctx);
}

void drawDonationSection(const KioskState& st, DrawContext& ctx, float width) {
    const DonationView& d = st.ops.donation;
    colouredWrapped(kBlueText, "社会捐赠");
    std::uint32_t c = d.warn == DonationWarn::None ? kText : d.warn == DonationWarn::Low ? kAmberText : kRedText;
    colouredWrapped(c, d.balanceText);
    if (buttonGrid(ctx, "donate", {"记录捐赠"}, width, {ctx.mm(50), ctx.mm(kTouchMm)}) == 0)
        ctx.out.push(OpsCommand{StartDonation{}});
    gap(ctx);
    if (!st.ops.postingStatus.empty()) {
        colouredWrapped(kBlueText, "月度公示");
        ImGui::TextWrapped("%s", st.ops.postingStatus.c_str());
        gap(ctx);
    }
    if (!st.ops.backupStatus.empty()) {
        colouredWrapped(kBlueText, "数据备份");
        ImGui::TextWrapped("%s", st.ops.backupStatus.c_str());
        gap(ctx);
    }
}

void drawOpsWarnings(const KioskState& st) {
    const DonationView& d = st.ops.donation;
    if (d.warn != DonationWarn::None)
        colouredWrapped(d.warn == DonationWarn::Exhausted ? kRedText : kAmberText, d.balanceText + "（见“设置”）");
    if (st.ops.upload.needsStaff) colouredWrapped(kRedText, "上报出错，需要处理：" + st.ops.upload.problem + "（见“设置”）");
}

void drawDonationForm(const KioskState& st, DrawContext& ctx, float width) {
    const DonationForm& f = st.ops.form;
    float key = ctx.mm(kTouchMm);
    colouredWrapped(kBlueText, "记录一笔捐赠（今天收到）");
    std::string amount = "金额：" + (f.amount.empty() ? std::string("（用下面的数字键输入）") : f.amount + " 元");
    ImGui::TextUnformatted(amount.c_str());
    int k = buttonGrid(ctx, "amount", amountKeys(), width, {key, key});
    if (k >= 0) ctx.out.push(OpsCommand{DonationKey{amountKeys()[size_t(k)]}});

    std::string who = "捐赠人：" + (f.donor.empty() ? std::string("（点下面的名字）") : drawable(f.donor));
    ImGui::TextUnformatted(who.c_str());
    // Labels drawable (a rare character beyond the atlas shows as *); the pick carries the stored name.
    std::vector<std::string> donors{kAnonymousDonor}, labels{kAnonymousDonor};
    for (const auto& n : f.recentDonors) donors.push_back(n), labels.push_back(drawable(n));
    int d = buttonGrid(ctx, "donor", labels, width, {ctx.mm(45), key});
    if (d >= 0) ctx.out.push(OpsCommand{PickDonor{donors[size_t(d)]}});
    ImGui::TextWrapped("%s", kNewDonorHint);
    if (!f.donor.empty() && f.donor != kAnonymousDonor) {
        std::string named = f.named ? "上光荣榜：是（捐赠人同意公开）" : "上光荣榜：否（不公开姓名）";
        ImGui::TextUnformatted(named.c_str());
        if (buttonGrid(ctx, "named", {f.named ? "改为不公开" : "改为上光荣榜"}, width, {ctx.mm(60), key}) == 0)
            ctx.out.push(OpsCommand{ToggleDonorNamed{}});
    }
    gap(ctx);
    // The confirmation that follows names the amount and the donor; this button stays left of the
    // 作废 column, where that confirmation's 确认 never comes (staff_layout.hpp).
    float ask = computeStaffLayout(ctx.panel()).askWidth;
    if (buttonGrid(ctx, "save", {"记录这笔捐赠"}, ask, {std::min(ctx.mm(70), ask), key}, ButtonStyle::Primary) == 0)
        ctx.out.push(OpsCommand{SaveDonation{}});
    if (buttonGrid(ctx, "cancel", {"取消"}, width, {ctx.mm(40), key}) == 0) ctx.out.push(OpsCommand{CancelDonation{}});
}

void drawNotice(const KioskState& st, DrawContext& ctx, ImVec2 min, ImVec2 max) {
    const PostingSummary& p = *st.ops.posting;
    const FontSet& f = ctx.fonts;
    float maxW = max.x - min.x, cx = (min.x + max.x) / 2;
    float px = f.sizes.bodyPx, minPx = f.sizes.minBodyPx;
    // Lines stacked by ink: a line's box is mostly blank space above and below its characters.
    float line = px * 0.95f;
    // Title and then as many lines as fit; a line too wide even at the smallest size is left out.
    std::string title = noticeTitle(p, st.now.date);
    float y = min.y;
    drawMixedCentred(ctx, fitMixed(f, px, minPx, title, maxW), cx, y, kBlueText, title, "posting-title");
    y += line;
    int n = 0;
    for (const auto& l : p.lines) {
        if (y + mixedSize(f, px, l).y * 0.92f > max.y) break;  // its ink must end inside the box
        float lPx = fitMixed(f, px, minPx, l, maxW);
        if (mixedSize(f, lPx, l).x > maxW) continue;
        drawMixedCentred(ctx, lPx, cx, y, kText, l, "posting-line" + std::to_string(n++));
        y += line;
    }
    // A tap anywhere brings back the plain waiting screen (a scan works on this view as on any other).
    // (Not on the training frame, which is outside the screen's window.)
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
        ctx.out.push(OpsCommand{HidePosting{}});
}

std::vector<std::string> opsTexts(const KioskState& st) {
    std::vector<std::string> out{
        "上报县平台", "需要工作人员处理：改好设置后点“立即上报”", "正在上报…", "立即上报", "社会捐赠", "记录捐赠",
        "（见“设置”）", "上报出错，需要处理：", kSetupCardHint, "已换成新的县平台接入：，正在上报",
        "公示打印机：不打印月度公示以后送打印机", "记录一笔捐赠（今天收到）", "金额：（用下面的数字键输入）元",
        "捐赠人：（点下面的名字）", kNewDonorHint, "上光荣榜：是（捐赠人同意公开）",
        "上光荣榜：否（不公开姓名）", "改为不公开", "改为上光荣榜", "确认记录这笔捐赠", "取消", "删除", kAnonymousDonor,
        "正在上报，请稍候", "上报没有运行", "没有记录捐赠", "请先用数字键输入金额（元）", "金额太大（不超过 10 万元），请重新输入",
        "请点选捐赠人，或点“匿名”", "已记录：捐赠元（上光荣榜）", "；名单同步：", "月度公示", kPleaseScan.zh,
        // The backup's words (backup_job.cpp, site_backup.cpp), digits included.
        "数据备份上次备份：分钟前小时前天已经没有备份了，请检查U盘还没有备份过0123456789做成：不在或已满，联系县信息科（）",
        // The posting summary's words (posting_summary.cpp), so its arrival does not rebuild the atlas.
        "上本月公示 · 助餐人次其中送餐用餐老人社会捐赠元次",
        // The peers section (drawPeersSection, site_services.cpp's notes), digits included.
        "本食堂的其他签到机还没有其他签到机。加一台：按“显示配对码”，在新机器上输入下面的本机网络地址和配对码换一个配对码收起详细：网络地址另一台签到机",
        "配对码只在这里显示的时候有效（最多 10 分钟，只能用一次，离开本页就收起）已显示，内有效",
        "已换了新的配对码本机没有在等候其他签到机最后联系落后条联系不上两台机器重复 · 0123456789:.",
        "另一台签到机送来条时间不对的记录，已搁置，请核对"};
    const OpsState& o = st.ops;
    out.insert(out.end(), {o.upload.lastSuccess, o.upload.pending, o.upload.problem, o.upload.terminal,
                           o.donation.balanceText, drawable(o.form.donor), o.postingStatus,
                           o.backupStatus, o.peers.code, o.peers.codeNote, o.peers.address, o.peers.problem,
                           o.peers.lastEvent, o.peers.held});
    out.insert(out.end(), o.peers.peers.begin(), o.peers.peers.end());
    out.insert(out.end(), o.upload.refused.begin(), o.upload.refused.end());
    out.push_back(drawable(st.printer));
    for (const auto& p : st.printers) out.push_back(drawable(p));
    for (const auto& n : o.form.recentDonors) out.push_back(drawable(n));
    if (o.posting) {
        out.push_back(o.posting->title);
        out.insert(out.end(), o.posting->lines.begin(), o.posting->lines.end());
    }
    return out;
}

}  // namespace mh::ui
