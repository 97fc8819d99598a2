// `delivery`: what the driver found at the door (contract 12), the visit alerts it raises, and the
// day's route sheet (`delivery sheet`).
#include <iostream>

#include "cli/cli_common.hpp"
#include "cli/eats_peers.hpp"
#include "platform/print/route_sheet.hpp"
#include "shared/eats/delivery_outcomes.hpp"
#include "shared/eats/route_sheet.hpp"

namespace mh::cli {
namespace {

struct DeliveryArgs {
    std::string site = kDefaultSite, outcome, by, note, at;
    std::int64_t record = 0;
};

int runDelivery(const DeliveryArgs& a, Context& ctx, CLI::App* self) {
    // `delivery sheet` and the others run their own callbacks first; this one then has nothing to do.
    if (a.record == 0 && a.outcome.empty() && a.by.empty()) {
        if (self && !self->get_subcommands().empty()) return ctx.exitCode;
        ctx.say("请写 --record、--outcome 和 --by（或 delivery sheet / alerts / handled）",
                "give --record, --outcome and --by (or delivery sheet / alerts / handled)");
        return kUsage;
    }
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    auto at = ctx.parseAt(a.at);
    if (!at) return kUsage;
    auto done = recordDelivery(*site, ctx.clock, DeliveryRequest{a.record, a.outcome, a.by, a.note, *at});
    if (!done) return ctx.failWith(done.error(), {"delivery.outcome", "delivery.by"});
    nlohmann::ordered_json j;
    j["outcome_id"] = done->outcomeId;
    j["record_id"] = done->recordId;
    j["elder_id"] = done->elderId.str();
    j["name"] = done->maskedName;
    j["outcome"] = done->outcome;
    j["voided"] = done->voided;
    j["at"] = done->at;
    printJson(j);
    std::cout.flush();
    syncPeersNow(*site, ctx);
    return kDone;
}

struct AlertsArgs {
    std::string site = kDefaultSite, date;
};

int runAlerts(const AlertsArgs& a, Context& ctx, Site& site) {
    auto day = ctx.dateOrToday(a.date, site);
    if (!day) return kUsage;
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& x : deliveryAlerts(site, *day)) {
        nlohmann::ordered_json j;
        j["outcome_id"] = x.outcomeId;
        j["record_id"] = x.recordId;
        j["elder_id"] = x.elderId.str();
        j["name"] = x.name;
        j["village"] = x.village;
        j["phone"] = x.phone;
        j["outcome"] = x.outcome;
        j["date"] = x.day;
        j["by"] = x.by;
        if (!x.note.empty()) j["note"] = x.note;
        list.push_back(std::move(j));
    }
    printJson(nlohmann::ordered_json{{"date", day->iso()}, {"alerts", list}});
    return kDone;
}

struct HandledArgs {
    std::string site = kDefaultSite, by;
    std::int64_t outcome = 0;
};

int runHandled(const HandledArgs& a, Context& ctx, Site& site) {
    auto done = markConcernHandled(site, ctx.clock, a.outcome, a.by);
    if (!done) return ctx.failWith(done.error(), {"delivery.by"});
    printJson(nlohmann::ordered_json{{"outcome_id", a.outcome}, {"handled", true}});
    syncPeersNow(site, ctx);
    return kDone;
}

struct SheetArgs {
    std::string site = kDefaultSite, date, out;
};

int runSheet(const SheetArgs& a, Context& ctx, Site& site) {
    auto day = ctx.dateOrToday(a.date, site);
    if (!day) return kUsage;
    syncPeersNow(site, ctx);  // deliveries booked at the other terminals are on the route too
    const RouteSheet sheet = routeSheet(site, *day);
    if (auto drawn = print::renderRouteSheet(sheet, a.out); !drawn) return ctx.failWith(drawn.error(), {});
    printJson(nlohmann::ordered_json{{"date", day->iso()}, {"stops", sheet.stops.size()}, {"pdf", a.out}});
    return kDone;
}

}  // namespace

void registerDeliveryVerbs(CLI::App& app, Context& ctx) {
    auto self = std::make_shared<CLI::App*>(nullptr);
    Verb<DeliveryArgs>(app, ctx, "delivery", "what the driver found at the door of a delivered meal (送餐结果)",
                       [self](const DeliveryArgs& a, Context& c) { return runDelivery(a, c, *self); })
        .site()
        .option("--record", &DeliveryArgs::record, "record id of the delivered meal")
        .option("--outcome", &DeliveryArgs::outcome, "delivered | not_home | refused")
        .option("--by", &DeliveryArgs::by, "the driver")
        .option("--note", &DeliveryArgs::note, "a concern for staff (身体变化), kept on the alert list until handled")
        .at();
    CLI::App& group = *app.get_subcommand("delivery");
    *self = &group;
    Verb<AlertsArgs>(group, ctx, "alerts", "today's visit alerts from deliveries: not home, refused, open notes (JSON)", runAlerts)
        .site()
        .option("--date", &AlertsArgs::date, "local date, YYYY-MM-DD (default: today)");
    Verb<HandledArgs>(group, ctx, "handled", "staff dealt with a driver's note: it leaves the alert list", runHandled)
        .site()
        .required("--outcome-id", &HandledArgs::outcome, "outcome_id from delivery or delivery alerts")
        .required("--by", &HandledArgs::by, "who handled it");
    Verb<SheetArgs>(group, ctx, "sheet", "the day's route sheet for the driver (送餐路线单, A4 PDF)", runSheet)
        .site()
        .option("--date", &SheetArgs::date, "local date, YYYY-MM-DD (default: today)")
        .required("--out", &SheetArgs::out, "the PDF file to write");
}

}  // namespace mh::cli
