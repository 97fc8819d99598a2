// The --lang option and parsing, shared by the two executables (see cli_run.hpp).
#include "cli/cli_run.hpp"

#include <iostream>

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

namespace mh::cli {

void setUpApp(CLI::App& app, Context& ctx, int argc, char** argv) {
    app.require_subcommand(1);
    app.fallthrough();  // `kiosk scan --lang en ...` as well as `kiosk --lang en scan ...`
    app.add_option("--lang", ctx.lang, "messages for people: zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
    app.preparse_callback([&ctx, argc, argv](size_t) {
        for (int i = 1; i + 1 < argc; ++i)
            if (std::string(argv[i]) == "--lang") ctx.english = std::string(argv[i + 1]) == "en";
        for (int i = 1; i < argc; ++i)
            if (std::string(argv[i]) == "--lang=en") ctx.english = true;
    });
}

int parseAndRun(CLI::App& app, Context& ctx, int argc, char** argv) {
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

}  // namespace mh::cli
