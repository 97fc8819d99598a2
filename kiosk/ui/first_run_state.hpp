// What the first-run screens show (issue 14: first run on the screen, no shell), as a plain value,
// and the commands they post. Only FirstRunController changes it, between frames.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace mh::ui {

// One thing per screen, in this order; Done hands over to the normal kiosk.
enum class FirstRunStep { SiteId, SiteName, Pin, PinAgain, PanelSize, Roster, SetupCard, Done };
inline constexpr int kFirstRunSteps = 7;  // the screens before Done

struct FirstRunState {
    FirstRunStep step = FirstRunStep::SiteId;
    std::string siteId, siteName;  // as typed (or taken from the setup card)
    bool letters = false;          // the keyboard shows letters instead of digits
    std::string pinDigits;         // typed on the keypad, drawn as dots
    std::string message;           // why the last step was refused, or what a scan did (plain Chinese)
    bool messageIsProblem = false;

    // Panel size: the window in pixels and the bar staff stretch until a ruler says 10 cm.
    int screenW = 1280, screenH = 800;
    float barPx = 378;             // the bar's length in pixels (96 dpi's 10 cm to start with)
    double pickedDiagonalInch = 0; // what the bar gave, once confirmed (the screens then use it)

    // Roster from a USB stick.
    std::vector<std::string> csvFiles;     // full paths found under /media and /run/media
    std::string rosterSummary;             // 新增 12 人，更新 0 人，未变 0 人，退回 1 行
    std::vector<std::string> rosterLines;  // 第3行：... (the first few rejected lines)
    bool rosterImported = false;

    // The county setup card: what was read (never the token).
    bool cardRead = false;
    bool cardApplied = false;
    std::string cardSiteId, cardEndpoint, cardIssued;
};

// The commands the first-run screens post.
struct FrKey { std::string key; };  // a keyboard or keypad key: "0".."9", "A".."Z", "-", "空格", "删除", "ABC", "123"
struct FrNext {};
struct FrBack {};
struct FrSkip {};                    // roster and setup card: later, from the staff screens
struct FrBar { float px; };          // the calibration bar's new length
struct FrPickFile { std::size_t index; };
struct FrRescan {};                  // look for CSV files on the USB stick again
struct FrScan { std::string payload; };
using FirstRunCommand = std::variant<FrKey, FrNext, FrBack, FrSkip, FrBar, FrPickFile, FrRescan, FrScan>;

class FirstRunQueue {
public:
    // Built in place: moving a temporary variant that holds a std::string trips GCC 12's
    // -Wmaybe-uninitialized (a false positive), and the build is warning-free with -Werror.
    template <class C>
    void push(C&& c) { m_items.emplace_back(std::forward<C>(c)); }
    [[nodiscard]] bool empty() const { return m_items.empty(); }
    std::vector<FirstRunCommand> take() { return std::exchange(m_items, {}); }

private:
    std::vector<FirstRunCommand> m_items;
};

}  // namespace mh::ui
