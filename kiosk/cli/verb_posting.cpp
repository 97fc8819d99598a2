// Verbs of the month's public side: `posting` (the 公示 as PDF, PNG and CSV) and `donation add`.
#include <iostream>

#include "cli/cli_common.hpp"
#include "platform/print/lp_printer.hpp"
#include "platform/print/posting_renderer.hpp"
#include "shared/core/money_json.hpp"
#include "shared/core/text.hpp"
#include "shared/posting/posting_print.hpp"
#include "shared/posting/produce_posting.hpp"
#include "shared/donations/record_donation.hpp"
#include "shared/donations/donation_balance.hpp"

namespace mh::cli {
namespace fs = std::filesystem;
namespace {

struct PostingArgs {
    std::string site = kDefaultSite, month, out;
    bool noPrint = false;
};

int runPosting(const PostingArgs& a, Context& ctx) {
    auto ym = parseYearMonth(a.month);
    if (!ym) {
        ctx.say("--month 应写成 2026-10 这样的年-月", "--month must look like 2026-10");
        return kUsage;
    }
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    LocalDate today = ctx.today(*site);
    const MonthStage stage = monthStage(YearMonth{ym->first, ym->second}, today);
    if (stage == MonthStage::NotBegun) {
        ctx.say(a.month + " 还没有开始，不能公示", a.month + " has not begun: there is nothing to post");
        return kUsage;
    }
    // Made here as well as in producePosting, so a bad --out is a usage error (exit 2), said first.
    std::error_code ec;
    fs::create_directories(a.out, ec);
    if (!fs::is_directory(a.out, ec)) {
        ctx.say("无法创建输出目录 " + a.out, "cannot create the output folder " + a.out);
        return kUsage;
    }
    if (stage == MonthStage::Running)
        ctx.say("注意：" + a.month + " 还没有结束，公示中的数字以今天为止", "note: " + a.month +
                " has not ended yet; the figures run up to today");

    print::PostingRenderer renderer;
    auto produced = producePosting(*site, renderer, {ym->first, ym->second, a.out, today});
    if (!produced) {
        ctx.error(produced.error());
        return kRefused;
    }
    const MonthlyFigures& f = produced->figures;
    const fs::path& pdf = produced->files.pdf;
    nlohmann::ordered_json j;
    j["month"] = a.month;
    j["pdf"] = pdf.string();
    j["png"] = produced->files.png.string();
    j["csv"] = produced->files.csv.string();
    j["pages"] = produced->pages;
    j["meals"] = f.meals;
    j["meals_delivered"] = f.mealsDelivered;
    j["meal_elders"] = f.mealElders;
    j["served_elders"] = f.servedElders;
    j["price_fen"] = f.priceFen;
    // Printing is the last step: the files stand whether or not the printer takes the job.
    int exit = kDone;
    if (!a.noPrint) {
        PostingPrint printed = printPosting(*site, pdf, print::printWithLp);
        if (printed.sent) j["printed"] = printed.result.ok();
        if (!printed.result) {
            ctx.error(printed.result.error());
            exit = kRefused;
        }
    }
    printJson(j);
    return exit;
}

struct DonationArgs {
    std::string site = kDefaultSite, donor, date, purpose, staff;
    std::int64_t amountFen = 0;
    bool named = false;
};

int runDonationAdd(const DonationArgs& a, Context& ctx, Site& site) {
    LocalDate today = ctx.today(site);
    DonationRequest req{a.donor, Fen(a.amountFen), std::nullopt, a.purpose, a.named, a.staff.empty() ? "cli" : a.staff};
    if (!a.date.empty()) {
        req.day = ctx.parseDate(a.date);
        if (!req.day) return kUsage;
    }
    auto recorded = recordDonation(site.db(), req, today, ctx.nowIso(site));
    if (!recorded) {
        ctx.error(recorded.error());
        return recorded.error().code.rfind("store.", 0) == 0 ? kRefused : kUsage;
    }
    const Donation& d = *recorded;
    DonationBalance b = donationBalance(site, today);
    static const char* kLevels[] = {"ok", "low", "exhausted"};
    nlohmann::ordered_json j;
    j["donation_id"] = d.donationId;
    j["donor"] = d.donor;
    j["amount_fen"] = d.amountFen;
    j["date"] = d.day;
    j["purpose"] = d.purpose;
    j["named"] = d.named;
    j["balance_fen"] = b.balanceFen();
    j["received_fen"] = b.receivedFen;
    j["spent_fen"] = b.spentFen;
    j["days_covered"] = b.daysCovered();
    j["balance_level"] = kLevels[int(b.level())];
    printJson(j);
    ctx.say(donationBalanceText(b, false), donationBalanceText(b, true));
    return kDone;
}

}  // namespace

void registerPostingVerbs(CLI::App& app, Context& ctx) {
    Verb<PostingArgs>(app, ctx, "posting", "the monthly public posting (公示): PDF, PNG and CSV", runPosting)
        .site()
        .required("--month", &PostingArgs::month, "month, YYYY-MM")
        .required("--out", &PostingArgs::out, "output folder")
        .flag("--no-print", &PostingArgs::noPrint, "do not send the PDF to [posting] printer");
    Verb<DonationArgs>(verbGroup(app, "donation", "donations (社会捐赠)"), ctx, "add", "record a donation; prints the donation balance",
                       runDonationAdd)
        .site()
        .required("--donor", &DonationArgs::donor, "who gave")
        .required("--amount-fen", &DonationArgs::amountFen, "amount in fen (100 fen = 1 yuan)")
        .option("--date", &DonationArgs::date, "local date received, YYYY-MM-DD (default: today)")
        .option("--purpose", &DonationArgs::purpose, "what it is for")
        .flag("--named", &DonationArgs::named, "the donor agrees to be named on the honour roll")
        .option("--staff", &DonationArgs::staff, "who recorded it (for the audit log)");
}

}  // namespace mh::cli
