// The kiosk's live scan inputs in one place: the keyboard-wedge scanner (fed key events by the
// window) and the camera or a replayed folder (on their own threads), all into one ScanInbox that
// the UI loop drains into the controller. No camera is not an error: the wedge alone works.
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "kiosk/input/scan_inbox.hpp"
#include "platform/input/replay_source.hpp"
#include "platform/vision/frame_decoder.hpp"
#include "shared/core/result.hpp"
#include "shared/input/wedge_input.hpp"
#include "shared/site/site_config.hpp"

namespace mh::kiosk {

struct LiveInputOptions {
    std::string camera = "auto";         // site.toml [input] camera: "auto", "none" or a device path
    std::filesystem::path replay;        // `run --replay DIR`: pictures looped in place of the camera
    std::int64_t replayIntervalMs = kReplayIntervalMs;
    FrameDecoderOptions decode;
    std::int64_t debounceMs = kScanHoldMs;  // the inbox's hold: the one de-bouncer on the scan path
};

// The options for a site: its [input] camera, legacy barcodes only where the site accepts them.
LiveInputOptions liveInputOptions(const SiteConfig& cfg, std::filesystem::path replay = {});

class LiveInputs {
public:
    LiveInputs(LiveInputOptions opt, const MonoClock& clock);
    ~LiveInputs();
    LiveInputs(const LiveInputs&) = delete;

    // Starts the camera or replay thread. wake: called from those threads when scans are waiting.
    // Error input.replay (bad usage) when the replay folder has no readable picture; a missing
    // camera is only a status.
    Status start(std::function<void()> wake);
    // Joins the threads; call before whatever `wake` touches goes away. Safe to call twice.
    void stop();

    // Key events from the window, UI thread, with the event's own time (not the time it is
    // handled, which would squeeze a person's typing into a burst when the loop was busy).
    void onText(std::string_view text, std::int64_t eventMs) { m_wedge.onText(text, eventMs); }
    bool onEnter(std::int64_t eventMs) { return m_wedge.onEnter(eventMs); }

    // UI thread: waiting scans into the screen's queue; returns how many.
    size_t drainInto(ui::CommandQueue& q) { return m_inbox.drainInto(q); }
    ScanInbox& inbox() { return m_inbox; }
    // The camera (or replay) line for the staff settings screen, e.g. "摄像头：未找到，正在查找".
    [[nodiscard]] SourceStatus status() const;

private:
    LiveInputOptions m_opt;
    const MonoClock& m_clock;
    ScanInbox m_inbox;
    WedgeInput m_wedge;
    std::unique_ptr<ScanSource> m_source;  // camera or replay; none when camera = "none"
};

}  // namespace mh::kiosk
