// Layout of the 公示: title, totals, a bar chart of meals per day, money by share, counts by rule,
// the honour roll, then the per-elder table in as many columns as fit, continued on further pages.
// Sizes are in points on A4 (595×842); the PNG draws the same pages scaled.
//
// Invariants:
//  (1) one plan, two outputs: PostingPainter::plan() lays out every page once and drawPage(p) draws
//      page p the same way on the PDF and on the PNG, so the two can never disagree;
//  (2) both files or neither: each is drawn under a temporary name (AtomicFile) and renamed only when
//      both are whole, the PNG last, so a PNG on disk means a complete posting (contract 2);
//  (3) the PNG stays printable and bounded: at most kPngPages pages, else page 1 and a note band;
//  (4) a write failure names its real cause (ENOSPC, EACCES ...) through drawFailure, and drawing
//      stops at the first failure (pdf_writer.hpp);
//  (5) public by design: it draws only what MonthlyFigures carries (masked names, villages, counts).
//
// Sections (grep "[SECTION]"):
//   [SECTION] Page geometry
//   [SECTION] The painter: one method per block of the page
//   [SECTION] Planning the per-elder table and the honour roll over the pages
//   [SECTION] Whole pages, and the PNG's note band
//   [SECTION] renderPosting: both files, atomically
#include "platform/print/posting_renderer.hpp"

#include "platform/image/png_file.hpp"
#include "shared/core/atomic_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>

#include "platform/print/draw_failure.hpp"
#include "platform/print/elder_table_flow.hpp"
#include "platform/print/pango_text.hpp"
#include "platform/print/pdf_writer.hpp"

namespace mh::print {
namespace {

// [SECTION] Page geometry
constexpr double kPageW = kA4W, kPageH = kA4H, kMargin = 36;
constexpr double kContentW = kPageW - 2 * kMargin;
constexpr double kFooterTop = kPageH - kMargin - 30;
constexpr double kColumnGap = 10;
// The PNG holds every page up to this many; a longer posting gets page 1 and a note band (kPngNoteH
// points tall) instead.
constexpr int kPngPages = 6;
constexpr double kPngNoteH = 74;

std::string dateZh(LocalDate d) {
    return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日";
}

// The per-elder table: its type size and columns, chosen so the widest names fit. Villages are
// headings inside the table, so a block is only 姓名 plus one narrow column per service.
struct ElderTable {
    double font = 11, rowH = 18, headerH = 20;
    std::vector<double> colW;  // 姓名, then one per service
    double blockW = 0;
    int blocks = 1;            // blocks side by side
};

// [SECTION] The painter: one method per block of the page
class PostingPainter {
public:
    PostingPainter(const MonthlyFigures& f, LocalDate postedOn) : m_f(f), m_postedOn(postedOn) {}

    // Measures everything on a scratch surface and splits the elders over pages.
    void plan();
    [[nodiscard]] int pages() const { return int(m_pages.size() + (m_feeOwnPage ? 1 : 0) + m_rollPages.size()); }
    void drawPage(cairo_t* cr, int page);
    // The band under page 1 in the PNG of a long posting: how many pages there are, and where to read them.
    void drawPngNote(cairo_t* cr, int pages);

private:
    double drawSummary(PangoText& t, cairo_t* cr, double y);
    double drawSection(PangoText& t, cairo_t* cr, double y, const std::string& title);
    double drawTotals(PangoText& t, cairo_t* cr, double y);
    double drawChart(PangoText& t, cairo_t* cr, double y);
    double drawMoneyAndRules(PangoText& t, cairo_t* cr, double y);
    double drawFeeSchedule(PangoText& t, cairo_t* cr, double y);
    double drawHonourRoll(PangoText& t, cairo_t* cr, double y);
    void drawElders(PangoText& t, cairo_t* cr, int page);
    void drawFooter(PangoText& t, cairo_t* cr, int page);
    void planRoll(PangoText& t);
    void drawRollPage(PangoText& t, cairo_t* cr, int rollPage);
    [[nodiscard]] ElderTable measureTable(PangoText& t, double font) const;
    [[nodiscard]] std::string unit(const ServiceMonth& s) const { return s.kind == "meal" ? "份" : "人次"; }

    const MonthlyFigures& m_f;
    LocalDate m_postedOn;
    // A posting made before the month is over must not name a future day as its end.
    [[nodiscard]] LocalDate periodEnd() const { return m_postedOn < m_f.last ? m_postedOn : m_f.last; }
    [[nodiscard]] std::string periodNote() const { return m_postedOn < m_f.last ? "（本月尚未结束）" : ""; }
    ElderTable m_table;
    std::vector<TablePage> m_pages;
    // A roll too long for the first sheet gets sheets of its own after the table: page → column →
    // honour-roll entries.
    bool m_rollOverflow = false;
    std::vector<std::vector<std::vector<size_t>>> m_rollPages;
    double m_firstTop = 0, m_nextTop = 0;  // where the table's header row starts
    double m_eldersTitleH = 0;
    // 收费标准 goes under the end of the table, or on a page of its own after it when there is no room.
    int m_feePage = -1;
    double m_feeTop = 0;
    bool m_feeOwnPage = false;
};

void line(cairo_t* cr, double x0, double y0, double x1, double y1, double width, double gray) {
    cairo_set_source_rgb(cr, gray, gray, gray);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
}

double PostingPainter::drawSection(PangoText& t, cairo_t* cr, double y, const std::string& title) {
    fillRect(cr, kMargin, y + 3, 4, 14, 0.15);
    double h = t.draw(kMargin + 10, y, title, {13, true});
    return y + h + 4;
}

double PostingPainter::drawSummary(PangoText& t, cairo_t* cr, double y) {
    t.draw(kMargin, y, m_f.siteName, {16, true, Align::Center, kContentW});
    y += 24;
    std::string period = std::to_string(m_f.year) + "年" + std::to_string(m_f.month) + "月";
    y += t.draw(kMargin, y, period + " 助餐助洁助医服务公示", {22, true, Align::Center, kContentW});
    y += 2;
    y += t.draw(kMargin, y,
                "统计期间：" + dateZh(m_f.first) + " 至 " + dateZh(periodEnd()) + periodNote() + "　　站点编号：" + m_f.siteId,
                {10, false, Align::Center, kContentW, false, 0.25});
    line(cr, kMargin, y + 6, kPageW - kMargin, y + 6, 1.2, 0);
    y += 14;
    y = drawTotals(t, cr, y);
    y = drawChart(t, cr, y + 8);
    y = drawMoneyAndRules(t, cr, y + 8);
    return drawHonourRoll(t, cr, y + 8);
}

double PostingPainter::drawTotals(PangoText& t, cairo_t* cr, double y) {
    y = drawSection(t, cr, y, "一、本月服务总体情况");
    struct Box { std::string label, value, unit; };
    std::vector<Box> boxes{{"供餐总数", std::to_string(m_f.meals), "份"},
                           {"其中堂食", std::to_string(m_f.mealsInHall), "份"},
                           {"其中送餐", std::to_string(m_f.mealsDelivered), "份"},
                           {"就餐老人", std::to_string(m_f.mealElders), "人"}};
    double w = (kContentW - 3 * 8) / 4, h = 46;
    for (size_t i = 0; i < boxes.size(); ++i) {
        double x = kMargin + double(i) * (w + 8);
        fillRect(cr, x, y, w, h, 0.93);
        t.draw(x, y + 5, boxes[i].label, {10, false, Align::Center, w, false, 0.25});
        t.draw(x, y + 20, boxes[i].value + " " + boxes[i].unit, {18, true, Align::Center, w});
    }
    y += h + 6;
    std::string each = "各项服务：";
    for (size_t i = 0; i < m_f.services.size(); ++i) {
        const auto& s = m_f.services[i];
        // No-break spaces keep a number with its unit when the line wraps.
        each += (i ? "；" : "") + s.name + "\u00a0" + std::to_string(s.count) + "\u00a0" + unit(s);
        if (s.delivered) each += "（含送餐\u00a0" + std::to_string(s.delivered) + "）";
    }
    each += "。共服务老人\u00a0" + std::to_string(m_f.servedElders) + "\u00a0人。";
    y += t.draw(kMargin, y, each, {11, false, Align::Left, kContentW});
    std::string safety = "食品安全：晨检\u00a0" + std::to_string(m_f.safetyMorningDays) + "\u00a0天，留样\u00a0" +
                         std::to_string(m_f.safetySamples) + "\u00a0次，检查\u00a0" + std::to_string(m_f.safetyChecks) + "\u00a0次。";
    y += 2 + t.draw(kMargin, y + 2, safety, {11, false, Align::Left, kContentW});
    // Contract 12: everyone who eats is in the book; these meals are in no claim and no figure above.
    auto n = [](int v) { return "\u00a0" + std::to_string(v) + "\u00a0"; };
    std::string others = "其他用餐：访客" + n(m_f.guestMeals) + "餐，职工" + n(m_f.staffMeals) + "餐，志愿者" +
                         n(m_f.volunteerMeals) + "餐（自付，不申报补贴）；代领" + n(m_f.proxyMeals) + "次；送餐未送达" +
                         n(m_f.notDelivered) + "次。";
    y += 2 + t.draw(kMargin, y + 2, others, {11, false, Align::Left, kContentW});
    // The elders' scores per meal (contract 14): counts only.
    for (const auto& s : m_f.services) {
        if (!s.feedbackShown) continue;
        std::string line = s.name + "满意度：好\u00a0" + std::to_string(s.feedbackGood) + "，一般\u00a0" +
                           std::to_string(s.feedbackOkay) + "，不好\u00a0" + std::to_string(s.feedbackBad) + "。";
        y += 2 + t.draw(kMargin, y + 2, line, {11, false, Align::Left, kContentW});
    }
    return y;
}

double PostingPainter::drawChart(PangoText& t, cairo_t* cr, double y) {
    y = drawSection(t, cr, y, "二、每日供餐份数");
    const double chartH = 80, labelH = 12, valueH = 10;
    int most = 1;
    for (int n : m_f.mealsPerDay) most = std::max(most, n);
    size_t days = m_f.mealsPerDay.size();
    double slot = kContentW / double(days), barW = slot * 0.68;
    double base = y + valueH + chartH;
    for (double frac : {0.5, 1.0}) line(cr, kMargin, base - chartH * frac, kPageW - kMargin, base - chartH * frac, 0.4, 0.8);
    for (size_t i = 0; i < days; ++i) {
        int n = m_f.mealsPerDay[i];
        double x = kMargin + double(i) * slot;
        double h = chartH * n / most;
        fillRect(cr, x + (slot - barW) / 2, base - h, barW, h, 0.4);
        if (n > 0) t.draw(x - 4, base - h - valueH, std::to_string(n), {6.5, false, Align::Center, slot + 8});
        t.draw(x, base + 2, std::to_string(i + 1), {7, false, Align::Center, slot, false, 0.3});
    }
    line(cr, kMargin, base, kPageW - kMargin, base, 0.8, 0);
    return base + labelH + 4;
}

double PostingPainter::drawMoneyAndRules(PangoText& t, cairo_t* cr, double y) {
    double half = (kContentW - 20) / 2;
    double top = y;
    // Money by share: yuan with two decimals, labels as contract 9 names them.
    double ly = top + t.draw(kMargin, top, "三、资金构成（元）", {13, true});
    auto row = [&](double x, double yy, const std::string& a, const std::string& b, bool strong) {
        t.draw(x + 4, yy, a, {11, strong});
        t.draw(x, yy, b, {11, strong, Align::Right, half - 4});
        line(cr, x, yy + 17, x + half, yy + 17, 0.4, 0.7);
        return yy + 18.5;
    };
    ly += 4;
    for (Share s : kAllShares) ly = row(kMargin, ly, std::string(shareLabelZh(s)), formatYuan2(m_f.shares.at(s)), false);
    ly = row(kMargin, ly, "合计（服务价款）", formatYuan2(m_f.priceFen), true);

    double rx = kMargin + half + 20;
    double ry = top + t.draw(rx, top, "四、享受补贴人次（按补贴标准）", {13, true}) + 4;
    if (m_f.byRule.empty()) ry += t.draw(rx + 4, ry, "本月没有享受补贴的记录。", {11});
    for (const auto& [rule, n] : m_f.byRule) ry = row(rx, ry, rule, std::to_string(n) + " 人次", false);
    return std::max(ly, ry);
}

// The rules the figures above were computed with, so a villager can check them (contract 10).
double PostingPainter::drawFeeSchedule(PangoText& t, cairo_t* cr, double y) {
    y = drawSection(t, cr, y, "七、收费标准（本月执行的价格和补贴）");
    for (const auto& l : m_f.feeSchedule)
        y += t.draw(kMargin + 10, y, "· " + l, {8.5, false, Align::Left, kContentW - 10});
    return y;
}

double PostingPainter::drawHonourRoll(PangoText& t, cairo_t* cr, double y) {
    y = drawSection(t, cr, y, "五、爱心捐赠光荣榜");
    if (m_f.honourRoll.empty()) {
        y += t.draw(kMargin + 10, y, "本月暂无署名捐赠。", {11});
    } else if (m_rollOverflow) {
        y += t.draw(kMargin + 10, y,
                    "本月共有 " + std::to_string(m_f.honourRoll.size()) + " 笔署名捐赠，光荣榜名单见第 " +
                        std::to_string(m_pages.size() + (m_feeOwnPage ? 1 : 0) + 1) + " 页。",
                    {11, true});
    } else {
        // Entries in two columns, each a wrapped name (purpose in gray under it) and the amount
        // right-aligned: a long company name must never push the amount off the sheet.
        double colW = (kContentW - 10 - 16) / 2, amountW = 90;
        double rowY = y, pairH = 0;
        for (size_t i = 0; i < m_f.honourRoll.size(); ++i) {
            const Donation& d = m_f.honourRoll[i];
            double x = kMargin + 10 + double(i % 2) * (colW + 16);
            double h = t.draw(x, rowY, d.donor, {11, true, Align::Left, colW - amountW});
            if (!d.purpose.empty())
                h += t.draw(x, rowY + h, "用于：" + d.purpose, {9, false, Align::Left, colW - amountW, false, 0.35});
            t.draw(x + colW - amountW, rowY, formatYuan2(d.amountFen) + " 元", {11, true, Align::Right, amountW});
            line(cr, x, rowY + h + 2, x + colW, rowY + h + 2, 0.4, 0.75);
            pairH = std::max(pairH, h + 5);
            if (i % 2 == 1 || i + 1 == m_f.honourRoll.size()) {
                rowY += pairH;
                pairH = 0;
            }
        }
        y = rowY;
    }
    // An overdrawn balance is said in words: "-76.00" on a notice board reads like a typo.
    Fen left = m_f.balance.balanceFen();
    std::string balance = left >= Fen{0} ? "截至" + dateZh(periodEnd()) + "捐赠结余 " + formatYuan2(left) + " 元。"
                                    : "截至" + dateZh(periodEnd()) + "捐赠已用完，另有 " + formatYuan2(-left) +
                                          " 元助餐捐赠份额尚待捐赠补足。";
    std::string tail = "本月收到社会捐赠 " + std::to_string(m_f.donationsCount) + " 笔，共 " +
                       formatYuan2(m_f.donationsFen) + " 元；本月助餐使用捐赠 " + formatYuan2(m_f.shares.donation) +
                       " 元；" + balance + "衷心感谢各位爱心人士！";
    return y + 2 + t.draw(kMargin + 10, y + 2, tail, {10, false, Align::Left, kContentW - 10, false, 0.25});
}

// [SECTION] Planning the per-elder table and the honour roll over the pages
ElderTable PostingPainter::measureTable(PangoText& t, double font) const {
    ElderTable tb{font, font * 1.75, font * 2.0};
    TextStyle cell{font}, head{font, true};
    double nameW = t.measure("姓名", head).first;
    for (const auto& e : m_f.elders) nameW = std::max(nameW, t.measure(e.maskedName, cell).first);
    tb.colW = {std::max(nameW, font * 3.5) + 12};  // room for the village heading too (cut with … if longer)
    for (const auto& s : m_f.services)
        tb.colW.push_back(std::max(t.measure(s.name, head).first, t.measure("99", cell).first) + 10);
    for (double w : tb.colW) tb.blockW += w;
    tb.blocks = std::clamp(int((kContentW + kColumnGap) / (tb.blockW + kColumnGap)), 1, 4);
    return tb;
}

void PostingPainter::plan() {
    cairo_surface_t* scratch = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t* cr = cairo_create(scratch);
    {
        PangoText t(cr);
        double summaryBottom = drawSummary(t, cr, kMargin);
        if (summaryBottom > kFooterTop - 20) {
            m_rollOverflow = true;
            summaryBottom = drawSummary(t, cr, kMargin);
            planRoll(t);
        }
        m_eldersTitleH = t.measure("六", {13, true}).second + 4 + t.measure("姓", {9}).second + 6;
        const double firstTop = summaryBottom + 8 + m_eldersTitleH, nextTop = kMargin + 22 + m_eldersTitleH;
        auto rowsFrom = [&](double top) { return int((kFooterTop - 6 - top - m_table.headerH) / m_table.rowH); };
        size_t n = m_f.elders.size();

        // Type size by list length: large for a small village; a narrow block when the names are
        // wide. A list that fits under the summary (down to 9 pt) stays on one sheet, in as few
        // columns as it needs: one long column reads more easily than four short ones.
        double font = n <= 40 ? 11 : 10;
        bool onePage = false;
        for (double f = font; f >= 9 && !onePage; f -= 0.5) {
            m_table = measureTable(t, f);
            for (int b = 1; b <= m_table.blocks && !onePage; ++b)
                if (flowElderTable(m_f.elders, rowsFrom(firstTop), rowsFrom(firstTop), b).size() == 1) {
                    m_table.blocks = b;
                    onePage = true;
                }
        }
        if (!onePage) {
            // A long list: the largest type (10 pt down to 9) that still gives three columns.
            for (double f = 10; f >= 9; f -= 0.5)
                if ((m_table = measureTable(t, f)).blocks >= 3) break;
            while (m_table.blockW > kContentW && m_table.font > 7) m_table = measureTable(t, m_table.font - 0.5);
        }

        // Fewer than four rows under the summary is not worth starting the table there.
        int firstRows = rowsFrom(firstTop) >= 4 ? rowsFrom(firstTop) : 0;
        m_pages = flowElderTable(m_f.elders, firstRows, rowsFrom(nextTop), m_table.blocks);
        m_firstTop = firstTop;
        m_nextTop = nextTop;

        // Where the table ends on its last page; the fee schedule follows it if it fits there.
        double feeH = drawFeeSchedule(t, cr, 0);
        size_t last = m_pages.size() - 1;
        double top = last == 0 ? firstTop : nextTop, bottom = top + 24;
        if (!m_f.elders.empty()) {
            size_t rows = 0;
            for (const auto& col : m_pages[last].columns) rows = std::max(rows, col.size());
            bottom = top + m_table.headerH + double(rows) * m_table.rowH;
        }
        if (bottom + 14 + feeH <= kFooterTop - 6) {
            m_feePage = int(last);
            m_feeTop = bottom + 14;
        } else {
            m_feeOwnPage = true;
            m_feePage = int(m_pages.size());
            m_feeTop = kMargin + 22;
        }
    }
    cairo_destroy(cr);
    cairo_surface_destroy(scratch);
}

void PostingPainter::drawElders(PangoText& t, cairo_t* cr, int page) {
    const TablePage& pg = m_pages[size_t(page)];
    bool firstTable = page == 0 || (m_pages[0].columns.empty() && page == 1);
    double top = page == 0 ? m_firstTop : m_nextTop;
    double y = drawSection(t, cr, top - m_eldersTitleH, firstTable ? "六、老人服务次数明细" : "六、老人服务次数明细（续）");
    t.draw(kMargin + 10, y, "按村排列；姓名已做隐私处理；送餐计入相应餐次；“·”表示本月未使用。",
           {9, false, Align::Left, -1, false, 0.3});
    if (m_f.elders.empty()) {
        t.draw(kMargin + 10, top, "本月没有服务记录。", {11});
        return;
    }
    const ElderTable& tb = m_table;
    TextStyle cell{tb.font}, head{tb.font, true};
    std::vector<std::string> heads{"姓名"};
    for (const auto& sv : m_f.services) heads.push_back(sv.name);
    double textDy = (tb.rowH - tb.font * 1.45) / 2;
    for (size_t b = 0; b < pg.columns.size(); ++b) {
        double x0 = kMargin + double(b) * (tb.blockW + kColumnGap);
        fillRect(cr, x0, top, tb.blockW, tb.headerH, 0.85);
        double x = x0;
        for (size_t c = 0; c < heads.size(); ++c) {
            TextStyle hs = head;
            hs.width = tb.colW[c];
            hs.align = c == 0 ? Align::Left : Align::Center;
            t.draw(c == 0 ? x + 5 : x, top + (tb.headerH - tb.font * 1.45) / 2, heads[c], hs);
            x += tb.colW[c];
        }
        double y = top + tb.headerH;
        int stripe = 0;
        for (const TableRow& row : pg.columns[b]) {
            const ElderMonth& e = m_f.elders[row.elder];
            if (row.heading) {
                // The village as a heading row: find your village, then your name.
                std::string v = e.village.empty() ? "（未填村名）" : e.village;
                t.draw(x0 + 3, y + textDy, row.continued ? v + "（续）" : v,
                       {tb.font, true, Align::Left, tb.blockW - 6, true});
                line(cr, x0, y + tb.rowH - 1, x0 + tb.blockW, y + tb.rowH - 1, 0.8, 0.2);
                stripe = 0;
                y += tb.rowH;
                continue;
            }
            if (stripe++ % 2 == 1) fillRect(cr, x0, y, tb.blockW, tb.rowH, 0.94);
            t.draw(x0 + 8, y + textDy, e.maskedName, cell);
            double cx = x0 + tb.colW[0];
            for (size_t c = 0; c < e.counts.size(); ++c) {
                // A zero is a light dot, so the eye finds the real counts.
                bool zero = e.counts[c] == 0;
                t.draw(cx, y + textDy, zero ? "·" : std::to_string(e.counts[c]),
                       {tb.font, false, Align::Center, tb.colW[c + 1], false, zero ? 0.6 : 0});
                cx += tb.colW[c + 1];
            }
            y += tb.rowH;
        }
        line(cr, x0, y, x0 + tb.blockW, y, 0.8, 0);
    }
}

namespace {
constexpr int kRollColumns = 3;
constexpr double kRollFont = 10, kRollAmountW = 62;
double rollColumnW() { return (kContentW - 2 * kColumnGap) / kRollColumns; }
}  // namespace

void PostingPainter::planRoll(PangoText& t) {
    const double top = kMargin + 22 + 26, bottom = kFooterTop - 8;
    m_rollPages.assign(1, std::vector<std::vector<size_t>>(1));
    double y = top;
    for (size_t i = 0; i < m_f.honourRoll.size(); ++i) {
        double h = t.measure(m_f.honourRoll[i].donor, {kRollFont, false, Align::Left, rollColumnW() - kRollAmountW}).second + 5;
        if (y + h > bottom) {
            if (m_rollPages.back().size() == size_t(kRollColumns)) m_rollPages.emplace_back();
            m_rollPages.back().emplace_back();
            y = top;
        }
        m_rollPages.back().back().push_back(i);
        y += h;
    }
}

void PostingPainter::drawRollPage(PangoText& t, cairo_t* cr, int rollPage) {
    double y = drawSection(t, cr, kMargin + 22, rollPage == 0 ? "五、爱心捐赠光荣榜" : "五、爱心捐赠光荣榜（续）");
    y += 4;
    const auto& cols = m_rollPages[size_t(rollPage)];
    for (size_t c = 0; c < cols.size(); ++c) {
        double x = kMargin + double(c) * (rollColumnW() + kColumnGap), cy = y;
        for (size_t i : cols[c]) {
            const Donation& d = m_f.honourRoll[i];
            double h = t.draw(x, cy, d.donor, {kRollFont, false, Align::Left, rollColumnW() - kRollAmountW});
            t.draw(x + rollColumnW() - kRollAmountW, cy, formatYuan2(d.amountFen) + " 元",
                   {kRollFont, true, Align::Right, kRollAmountW});
            line(cr, x, cy + h + 2, x + rollColumnW(), cy + h + 2, 0.4, 0.75);
            cy += h + 5;
        }
    }
}

void PostingPainter::drawFooter(PangoText& t, cairo_t* cr, int page) {
    line(cr, kMargin, kFooterTop, kPageW - kMargin, kFooterTop, 0.6, 0.3);
    std::string contact = m_f.contact.empty() ? "如有疑问，请向本站点工作人员反映" : "如有疑问请联系：" + m_f.contact;
    t.draw(kMargin, kFooterTop + 5, "公示日期：" + dateZh(m_postedOn) + "　　" + contact,
           {9.5, false, Align::Left, kContentW - 80, true});
    t.draw(kMargin, kFooterTop + 5,
           "第 " + std::to_string(page + 1) + " 页 / 共 " + std::to_string(pages()) + " 页",
           {9.5, false, Align::Right, kContentW});
}

// [SECTION] Whole pages, and the PNG's note band
void PostingPainter::drawPage(cairo_t* cr, int page) {
    fillRect(cr, 0, 0, kPageW, kPageH, 1);
    PangoText t(cr);
    if (page == 0) {
        drawSummary(t, cr, kMargin);
    } else {
        t.draw(kMargin, kMargin, m_f.siteName + " " + std::to_string(m_f.year) + "年" + std::to_string(m_f.month) +
                                     "月 助餐助洁助医服务公示（续）",
               {11, true, Align::Center, kContentW, false, 0.2});
    }
    int afterTable = int(m_pages.size()) + (m_feeOwnPage ? 1 : 0);
    if (page >= afterTable) drawRollPage(t, cr, page - afterTable);
    else if (size_t(page) < m_pages.size() && (!m_pages[size_t(page)].columns.empty() || m_f.elders.empty()))
        drawElders(t, cr, page);
    if (page == m_feePage) drawFeeSchedule(t, cr, m_feeTop);
    drawFooter(t, cr, page);
}

void PostingPainter::drawPngNote(cairo_t* cr, int pages) {
    fillRect(cr, 0, 0, kPageW, kPngNoteH, 1);
    fillRect(cr, kMargin, 10, kContentW, kPngNoteH - 20, 0.9);
    fillRect(cr, kMargin, 10, 5, kPngNoteH - 20, 0.15);
    PangoText t(cr);
    double y = 16;
    y += t.draw(kMargin + 16, y, "此图只有公示的第 1 页（全文共 " + std::to_string(pages) + " 页）", {13, true});
    t.draw(kMargin + 16, y + 2,
           "本月共服务老人 " + std::to_string(m_f.servedElders) + " 人，每位老人的服务次数请看食堂公告栏张贴的全文，或向工作人员索取。",
           {10.5, false, Align::Left, kContentW - 26});
}

}  // namespace

// [SECTION] renderPosting: both files, atomically
Result<PostingOutput> renderPosting(const MonthlyFigures& f, LocalDate postedOn, const std::filesystem::path& pdf,
                                    const std::filesystem::path& png, double pngScale) {
    PostingPainter painter(f, postedOn);
    painter.plan();
    PostingOutput out;
    out.pages = painter.pages();

    // Both files are drawn under temporary names and renamed only when both are whole (contract 2),
    // the PNG last: a PNG on disk means a complete posting.
    AtomicFile pdfFile(pdf);
    if (!pdfFile.ok()) return drawFailure(pdf, CAIRO_STATUS_SUCCESS, errno);
    AtomicFile pngFile(png);
    if (!pngFile.ok()) return drawFailure(png, CAIRO_STATUS_SUCCESS, errno);
    std::string title = f.siteName + " " + std::to_string(f.year) + "年" + std::to_string(f.month) + "月服务公示";
    if (auto written = writePdfPages(pdfFile.tempPath(), pdf, title, out.pages, [&](cairo_t* cr, int p) { painter.drawPage(cr, p); });
        !written)
        return written.error();

    // One tall image, pages one under another with a thin gap: a "long picture" as WeChat shows it.
    // A long month would make a picture no phone can show (and beyond cairo's 32767-pixel limit),
    // so past kPngPages pages it holds the first page — every total, the money, the honour roll —
    // and a band saying where the full list hangs. Memory stays within kPngPages pages either way.
    const double gap = 6;
    const int shown = out.pages <= kPngPages ? out.pages : 1;
    const double noteH = shown < out.pages ? kPngNoteH : 0;
    out.pngWidth = int(std::lround(kPageW * pngScale));
    int pageH = int(std::lround(kPageH * pngScale));
    out.pngHeight = pageH * shown + int(gap * pngScale) * (shown - 1) + int(std::lround(noteH * pngScale));
    cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, out.pngWidth, out.pngHeight);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        Error e = drawFailure(png, cairo_surface_status(img), 0);
        cairo_surface_destroy(img);
        return e;
    }
    cairo_t* cr = cairo_create(img);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_paint(cr);
    for (int p = 0; p < shown; ++p) {
        cairo_save(cr);
        cairo_translate(cr, 0, double(p) * (pageH + int(gap * pngScale)));
        cairo_scale(cr, pngScale, pngScale);
        painter.drawPage(cr, p);
        cairo_restore(cr);
    }
    if (noteH > 0) {
        cairo_save(cr);
        cairo_translate(cr, 0, double(pageH));
        cairo_scale(cr, pngScale, pngScale);
        painter.drawPngNote(cr, out.pages);
        cairo_restore(cr);
    }
    cairo_status_t drawn = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_flush(img);
    if (drawn != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        return drawFailure(png, drawn, 0);
    }
    int err = 0;
    bool pngOk = encodePng({cairo_image_surface_get_data(img), out.pngWidth, out.pngHeight, cairo_image_surface_get_stride(img),
                            PixelLayout::CairoRgb24},
                           pngFile.tempPath(), &err);
    cairo_surface_destroy(img);
    if (!pngOk) return drawFailure(png, CAIRO_STATUS_SUCCESS, err);
    if (auto committed = pdfFile.commit(); !committed) return drawFailure(pdf, CAIRO_STATUS_SUCCESS, 0);
    if (auto committed = pngFile.commit(); !committed) return drawFailure(png, CAIRO_STATUS_SUCCESS, 0);
    return out;
}

}  // namespace mh::print
