// Frames with no backend, fed a finger's move, press and release on a drawn button: the screens'
// taps tested through the same buildFrame the kiosk draws with, then (optionally) the controller.
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/ui_frame.hpp"

namespace mh::test {

// The controller past the PIN gate (every PIN is right here), on the staff roster.
inline void enterStaff(ui::KioskController& ctl) {
    ctl.setPinChecker([](const std::string&) { return std::string(); });
    ctl.apply(ui::OpenStaff{});
    ctl.apply(ui::PinSubmit{});
    REQUIRE(ctl.state().screen == ui::ScreenId::Roster);
}

struct HeadlessUi {
    ui::ImGuiSession session;
    ui::Metrics metrics;
    ui::FontSet fonts;
    ui::DrawnLayout layout;

    // `m`: the panel (a tall one shows a whole staff list or page without scrolling).
    explicit HeadlessUi(const ui::KioskState& st, ui::Metrics m = ui::Metrics::of(1024, 600, 7.0)) : metrics(m) {
        ui::ensureFonts(fonts, metrics, st);
        unsigned char* px;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);  // what a renderer would upload
    }
    std::vector<ui::Command> frame(const ui::KioskState& st, ImVec2 mouse = {-1, -1}, bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        ui::CommandQueue q;
        layout = {};
        ui::buildFrame(st, fonts, metrics, q, &layout);
        return q.take();
    }
    // A whole tap at `c`: move there, press, release.
    std::vector<ui::Command> tapAt(const ui::KioskState& st, ImVec2 c) {
        auto a = frame(st, c, false);
        auto b = frame(st, c, true);
        auto d = frame(st, c, false);
        a.insert(a.end(), b.begin(), b.end());
        a.insert(a.end(), d.begin(), d.end());
        return a;
    }
    // The centre of a recorded touch target, as drawn now.
    ImVec2 centreOf(const ui::KioskState& st, const std::string& target) {
        frame(st);
        const ui::DrawnRect* r = layout.find("button:" + target);
        REQUIRE_MESSAGE(r, "no touch target " << target);
        return {(r->min.x + r->max.x) / 2, (r->min.y + r->max.y) / 2};
    }
    // A whole tap on the centre of a recorded touch target; what it asked for.
    std::vector<ui::Command> tap(const ui::KioskState& st, const std::string& target) { return tapAt(st, centreOf(st, target)); }
    // Taps `target` and hands what it asked for to the controller; returns the tap's centre.
    ImVec2 tap(ui::KioskController& ctl, const std::string& target) {
        ImVec2 c = centreOf(ctl.state(), target);
        for (auto& cmd : tapAt(ctl.state(), c)) ctl.apply(cmd);
        return c;
    }
};

}  // namespace mh::test
