// The command-line verbs: each file registers its verbs on the app; callbacks store their exit code
// in ctx. What they share with the screens (the context, exit codes, output) is kiosk/app's.
#pragma once
#include <string>

#include <CLI/CLI.hpp>

#include "kiosk/app/context.hpp"

namespace mh::cli {

using app::assetsDir;
using app::Context;
using app::GuiOptions;
using app::kDefaultSite;
using app::kDone;
using app::kRefused;
using app::kUsage;
using app::printJson;
using app::setupKeysFile;

void registerSiteVerbs(CLI::App& app, Context& ctx);     // init, roster import
void registerCheckinVerbs(CLI::App& app, Context& ctx);  // scan, void, tally
void registerDemoVerb(CLI::App& app, Context& ctx);      // demo
void registerPostingVerbs(CLI::App& app, Context& ctx);  // posting, donation add
void registerUploadVerb(CLI::App& app, Context& ctx);    // upload
void registerStatusVerb(CLI::App& app, Context& ctx);    // status
void registerScreenshotVerb(CLI::App& app, Context& ctx);  // screenshot
void registerRunVerb(CLI::App& app, Context& ctx);       // run (the full-screen kiosk)
void registerStaffVerbs(CLI::App& app, Context& ctx);    // staff pin
void registerPolicyVerbs(CLI::App& app, Context& ctx);   // policy explain
void registerBackupVerbs(CLI::App& app, Context& ctx);   // backup, restore
void registerCardVerb(CLI::App& app, Context& ctx);      // card issue
void registerDecodeVerb(CLI::App& app, Context& ctx);    // decode
void registerListenVerb(CLI::App& app, Context& ctx);    // listen (camera / replay)
void registerServeVerb(CLI::App& app, Context& ctx);     // serve (headless terminal for the site's peers)
void registerSetupCardVerb(CLI::App& app, Context& ctx); // setup-card (county IT)
void registerClockVerb(CLI::App& app, Context& ctx);     // clock confirm

}  // namespace mh::cli
