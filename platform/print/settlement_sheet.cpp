#include "platform/print/settlement_sheet.hpp"

#include <algorithm>

#include "platform/print/pango_text.hpp"
#include "platform/print/pdf_writer.hpp"
#include "platform/print/table_page.hpp"
#include "shared/core/money.hpp"

namespace mh::print {
namespace {

constexpr double kMargin = 40, kContentW = kA4W - 2 * kMargin;
constexpr double kRowH = 19, kHeadH = 30;
// Columns: 服务 项目 次数 政府补贴 村集体 社会捐赠 家庭 老人自付 运营补贴 收费 (points).
constexpr double kCols[] = {52, 92, 36, 53, 48, 48, 42, 50, 48, 46};
constexpr const char* kHeads[] = {"服务", "项目", "次数", "政府补贴", "村集体", "社会捐赠", "家庭", "老人自付", "运营补贴", "收费"};
constexpr int kNCols = 10;
constexpr int kRowsFirst = 24, kRowsNext = 34;

std::string lineLabel(const std::string& line) {
    if (line == "guest") return "访客（不申报）";
    if (line == "staff") return "职工（不申报）";
    if (line == "volunteer") return "志愿者（不申报）";
    if (line == "代领") return "其中代领";
    if (line == "未送达") return "未送达（已作废）";
    return line;
}

bool moneyLine(const SettlementLine& l) { return l.line != "代领" && l.line != "未送达" && !l.paid; }

std::string periodText(const SettlementPeriod& p) {
    auto d = [](const LocalDate& x) {
        return std::to_string(x.year()) + "年" + std::to_string(x.month()) + "月" + std::to_string(x.day()) + "日";
    };
    return d(p.first) + " 至 " + d(p.last);
}

void drawPage(cairo_t* cr, const Settlement& s, int page, int pages) {
    fillRect(cr, 0, 0, kA4W, kA4H, 1);
    PangoText t(cr);
    double y = kMargin;
    const PageRows rows = rowsOnPage(page, kRowsFirst, kRowsNext);
    if (page == 0) {
        y += t.draw(kMargin, y, "老年助餐服务补贴结算表", {20, true, Align::Center, kContentW}) + 6;
        y += t.draw(kMargin, y, s.siteName + "（站点编号 " + s.siteId + "）", {12, false, Align::Center, kContentW});
        y += t.draw(kMargin, y + 2, "结算期间：" + s.period.label + "，" + periodText(s.period) + "，有记录 " +
                                        std::to_string(s.days) + " 天", {10.5, false, Align::Center, kContentW}) + 4;
        std::string terms;
        for (const auto& id : s.terminals) terms += (terms.empty() ? "" : "、") + id;
        y += t.draw(kMargin, y, "签到机：" + (terms.empty() ? std::string("无记录") : terms) + "（各机每日汇总之和，与上报县平台的日汇总一致）",
                    {9.5, false, Align::Left, kContentW, false, 0.2}) + 4;
        y += t.draw(kMargin, y, "金额单位：元。补贴规则行为该规则支付的部分；访客、职工、志愿者用餐自付，不申报补贴，不计入合计。",
                    {9.5, false, Align::Left, kContentW, false, 0.2}) + 8;
    } else {
        y += t.draw(kMargin, y, s.siteName + " 结算表 " + s.period.label + "（续）", {11, true, Align::Left, kContentW}) + 8;
    }
    const double top = y;
    fillRect(cr, kMargin, y, kContentW, kHeadH, 0.85);
    double x = kMargin;
    for (int c = 0; c < kNCols; ++c) {
        t.draw(x + 2, y + 8, kHeads[c], {9, true, c < 2 ? Align::Left : Align::Right, kCols[c] - 4});
        x += kCols[c];
    }
    y += kHeadH;
    const int to = std::min<int>(int(s.lines.size()), rows.from + rows.count);
    for (int i = rows.from; i < to; ++i) {
        const SettlementLine& l = s.lines[size_t(i)];
        const bool total = l.line == "合计";
        if (total) fillRect(cr, kMargin, y, kContentW, kRowH, 0.93);
        const bool money = moneyLine(l);
        const std::string cells[kNCols] = {
            l.serviceName, lineLabel(l.line), std::to_string(l.count),
            money ? formatYuan2(l.shares.government) : "", money ? formatYuan2(l.shares.collective) : "",
            money ? formatYuan2(l.shares.donation) : "", money ? formatYuan2(l.shares.family) : "",
            money ? formatYuan2(l.shares.elder) : "", money ? formatYuan2(l.operatingFen) : "",
            l.paid ? formatYuan2(l.paidFen) : ""};
        x = kMargin;
        for (int c = 0; c < kNCols; ++c) {
            t.draw(x + 2, y + 4, cells[c], {9, total, c < 2 ? Align::Left : Align::Right, kCols[c] - 4, true});
            x += kCols[c];
        }
        y += kRowH;
        rule(cr, kMargin, y, kMargin + kContentW, y, total ? 1.0 : 0.3);
    }
    drawTableGrid(cr, kMargin, top, y, kContentW, kNCols, [](int c) { return kCols[c]; }, [](int) { return 0.4; });
    if (page == pages - 1) {
        // The claim in one sentence, from the 合计 lines above, so the clerk need not add them up.
        Shares all;
        Fen operating;
        int meals = 0;
        for (const auto& l : s.lines)
            if (l.line == "合计") {
                all += l.shares;
                operating = addFen(operating, l.operatingFen);
                meals += l.count;
            }
        y += 10 + t.draw(kMargin, y + 10,
                         "本期各服务合计：老人用餐和服务 " + std::to_string(meals) + " 次；申请政府补贴 " + formatYuan2(all.government) +
                             " 元，运营补贴 " + formatYuan2(operating) + " 元；村集体 " + formatYuan2(all.collective) +
                             " 元，社会捐赠 " + formatYuan2(all.donation) + " 元，家庭 " + formatYuan2(all.family) + " 元，老人自付 " +
                             formatYuan2(all.elder) + " 元。",
                         {11, true, Align::Left, kContentW});
        // The elders' own voice (contract 14): counts per meal, no person.
        std::string voice;
        for (const auto& [name, c] : s.feedback)
            voice += (voice.empty() ? "" : "；") + name + " 好 " + std::to_string(c.good) + "，一般 " + std::to_string(c.okay) +
                     "，不好 " + std::to_string(c.bad);
        if (!voice.empty()) y += 4 + t.draw(kMargin, y + 4, "老人满意度：" + voice + "。", {11, false, Align::Left, kContentW});
        // Signature lines: who made it, who is responsible, and the village committee's seal.
        double sy = std::max(y + 40, kA4H - kMargin - 120);
        const double third = kContentW / 3;
        const char* who[] = {"经办人", "负责人", "村委会盖章"};
        for (int i = 0; i < 3; ++i) {
            double sx = kMargin + third * i;
            t.draw(sx, sy, std::string(who[i]) + "：", {12, true, Align::Left, third});
            rule(cr, sx + (i == 2 ? 72 : 50), sy + 18, sx + third - 12, sy + 18, 0.8);
            t.draw(sx, sy + 40, "日期：", {10.5, false, Align::Left, third});
            rule(cr, sx + 36, sy + 54, sx + third - 12, sy + 54, 0.6);
        }
    }
    drawPageNumber(t, kMargin, kA4H - kMargin + 8, kContentW, page, pages);
}

}  // namespace

Status renderSettlement(const Settlement& s, const std::filesystem::path& pdf) {
    const int pages = pagesForRows(int(s.lines.size()), kRowsFirst, kRowsNext);
    auto written = writePdfFile(pdf, s.siteName + " 结算表 " + s.period.label, pages,
                                [&](cairo_t* cr, int page) { drawPage(cr, s, page, pages); });
    if (!written) return written.error();
    return okStatus();
}

}  // namespace mh::print
