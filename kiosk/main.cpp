// kiosk-full: the full-screen app and every command-line verb of contract 3. `kiosk` (main_front.cpp)
// runs the check-in verbs itself and hands every other command line to this executable.
#include <sys/stat.h>

#include "cli/cli_run.hpp"
#include "kiosk/gui/gui_app.hpp"

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
    setUpApp(app, ctx, argc, argv);
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
    return parseAndRun(app, ctx, argc, argv);
}
