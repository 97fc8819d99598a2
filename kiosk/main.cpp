// The kiosk executable: the full-screen app and every command-line verb of contract 3.
#include <iostream>

#include "cli/cli_common.hpp"

int main(int argc, char** argv) {
    using namespace mh::cli;
    Context ctx;
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
    registerScreenshotVerb(app, ctx);
    registerRunVerb(app, ctx);
    registerStaffVerbs(app, ctx);
    registerCardVerb(app, ctx);
    registerDecodeVerb(app, ctx);
    registerListenVerb(app, ctx);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kUsage;
    } catch (const std::exception& e) {
        // Last line of defence: a person sees a sentence, never a stack trace.
        std::cerr << (ctx.english ? "unexpected error: " : "意外错误：") << e.what() << "\n";
        return kUsage;
    }
    return ctx.exitCode;
}
