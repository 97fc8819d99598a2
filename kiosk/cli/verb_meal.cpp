// `meal`: meals nobody claims a subsidy for (contract 12: guests, staff, volunteers).
#include <iostream>

#include "cli/cli_common.hpp"
#include "cli/eats_peers.hpp"
#include "shared/core/money_json.hpp"
#include "shared/eats/other_meals.hpp"

namespace mh::cli {
namespace {

struct MealArgs {
    std::string site = kDefaultSite, service, kind, name, at;
    int count = 1;
    std::optional<double> hours;
};

int runMeal(const MealArgs& a, Context& ctx, Site& site) {
    auto at = ctx.parseAt(a.at);
    if (!at) return kUsage;
    auto meal = recordOtherMeal(site, ctx.clock, OtherMealRequest{a.service, a.kind, a.count, a.name, a.hours, *at});
    if (!meal && meal.error().code == "meal.closed") {
        // Refused as a scan at a closed time is: its result on stdout, the sentence for people, exit 1.
        nlohmann::ordered_json j;
        j["outcome"] = "closed";
        j["message"] = ctx.pick(meal.error().message, meal.error().en);
        printJson(j);
        std::cout.flush();
        return kRefused;
    }
    if (!meal) return ctx.failWith(meal.error(), {"usage.service", "meal.kind", "meal.count", "meal.volunteer", "meal.name"});
    nlohmann::ordered_json j;
    j["outcome"] = "accepted";
    j["record_id"] = meal->mealId;
    j["kind"] = meal->kind;
    j["count"] = meal->count;
    j["paid_fen"] = meal->paidFen;
    j["service"] = meal->service;
    j["at"] = meal->at;
    if (!meal->name.empty()) j["name"] = meal->name;
    if (meal->minutes > 0) j["hours"] = meal->minutes / 60.0;
    printJson(j);
    std::cout.flush();
    syncPeersNow(site, ctx);  // the meal reaches the other terminals now, as a scan does
    return kDone;
}

}  // namespace

void registerMealVerb(CLI::App& app, Context& ctx) {
    Verb<MealArgs>(app, ctx, "meal", "record meals nobody claims a subsidy for: guests, staff, volunteers (访客/职工/志愿者)", runMeal)
        .site()
        .service()
        .required("--kind", &MealArgs::kind, "guest | staff | volunteer")
        .ranged("--count", &MealArgs::count, "how many meals", 1, 1000)
        .option("--name", &MealArgs::name, "the volunteer's name (required for a volunteer)")
        .option("--hours", &MealArgs::hours, "the volunteer's hours of service (required for a volunteer)")
        .at();
}

}  // namespace mh::cli
