// The kiosk executable: the full-screen app and every command-line verb of contract 3.
#include <sys/stat.h>

#include <iostream>

#include "cli/cli_common.hpp"
#include "kiosk/gui/gui_app.hpp"

namespace {

// CLI11 speaks English; a Chinese sentence for the person comes first, CLI11's detail after it.
std::string usageSentenceZh(CLI::App& app, int argc, char** argv, const CLI::ParseError& e) {
    std::string first = argc > 1 ? argv[1] : "";
    bool knownVerb = false;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        knownVerb = knownVerb || sub->get_name() == first;
    if (argc < 2) return "请写明要做什么，例如 kiosk demo（kiosk --help 查看所有命令）";
    if (!knownVerb && !first.empty() && first[0] != '-')
        return "没有这个命令：" + first + "（kiosk --help 查看所有命令）";
    if (dynamic_cast<const CLI::RequiredError*>(&e)) return "缺少必须的选项（见下面英文说明；kiosk " + first + " --help 查看用法）";
    if (dynamic_cast<const CLI::ConversionError*>(&e) || dynamic_cast<const CLI::ValidationError*>(&e))
        return "选项的值写得不对（见下面英文说明；kiosk " + first + " --help 查看用法）";
    return "命令写得不对（见下面英文说明；kiosk " + first + " --help 查看用法）";
}

}  // namespace

int main(int argc, char** argv) {
    using namespace mh::cli;
    // Whatever umask the kiosk was started with (000 included), nothing it writes is readable by
    // other local users: the site holds names, phones and the PIN hash (contract 2). Files that
    // must be private say 0600 themselves as well; this covers what libraries create.
    ::umask(077);
    Context ctx;
    // The composition root: the verbs reach the screens only through these.
    ctx.screens.kiosk = [](mh::Site& site, Context& c, bool* shown, const mh::Clock* clock, const GuiOptions& options) {
        return mh::gui::runKioskGui(site, c, shown, clock, options);
    };
    ctx.screens.firstRun = mh::gui::runFirstRunGui;
    CLI::App app{"meal-hall kiosk / 老年食堂自助签到机", "kiosk"};
    app.require_subcommand(1);
    app.fallthrough();  // `kiosk scan --lang en ...` as well as `kiosk --lang en scan ...`
    app.add_option("--lang", ctx.lang, "messages for people: zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
    app.preparse_callback([&](size_t) {
        for (int i = 1; i + 1 < argc; ++i)
            if (std::string(argv[i]) == "--lang") ctx.english = std::string(argv[i + 1]) == "en";
        for (int i = 1; i < argc; ++i)
            if (std::string(argv[i]) == "--lang=en") ctx.english = true;
    });
    registerSiteVerbs(app, ctx);
    registerCheckinVerbs(app, ctx);
    registerDemoVerb(app, ctx);
    registerPostingVerbs(app, ctx);
    registerUploadVerb(app, ctx);
    registerStatusVerb(app, ctx);
    registerScreenshotVerb(app, ctx);
    registerRunVerb(app, ctx);
    registerStaffVerbs(app, ctx);
    registerPolicyVerbs(app, ctx);
    registerBackupVerbs(app, ctx);
    registerCardVerb(app, ctx);
    registerDecodeVerb(app, ctx);
    registerListenVerb(app, ctx);
    registerServeVerb(app, ctx);
    registerSetupCardVerb(app, ctx);
    registerClockVerb(app, ctx);
    registerSafetyVerbs(app, ctx);
    registerMenuVerbs(app, ctx);
    registerJournalVerbs(app, ctx);
    registerReviewVerb(app, ctx);
    registerPaperRosterVerb(app, ctx);
    registerMealVerb(app, ctx);
    registerDeliveryVerbs(app, ctx);
    registerSettlementVerb(app, ctx);
    registerFeedbackVerb(app, ctx);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        if (!ctx.english) std::cerr << usageSentenceZh(app, argc, argv, e) << "\n";
        app.exit(e);
        return kUsage;
    } catch (const std::exception& e) {
        // Last line of defence: a person sees a sentence, never a stack trace.
        std::cerr << (ctx.english ? "unexpected error: " : "意外错误：") << e.what() << "\n";
        return kUsage;
    }
    return ctx.exitCode;
}
