// What the staff screens show about the kiosk's back office (uploads to the county, the donation
// balance, recording a donation) and the monthly posting on the idle screen, and the commands for it.
// Plain values: the drawing reads them, only KioskController (through OpsPanel) changes them.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace mh::ui {

// The upload state as staff read it: each line a plain Chinese sentence.
struct UploadView {
    bool configured = false;
    std::string lastSuccess;  // 上次上报成功：11月24日 20:01 / 还没有上报成功过
    std::string pending;      // 待上报：2 天（最早 11月23日）/ 没有待上报的数据
    std::string problem;      // the last error in plain Chinese; empty when fine
    bool needsStaff = false;  // the problem is one a person must fix (token, address, data)
    bool waking = false;      // 立即上报 was pressed and the uploader has not finished a run since
    std::string terminal;     // 本机编号：k3f9x2ab (county IT asks for it with a refused day)
    std::vector<std::string> refused;  // 县平台拒收 1970-01-01（第 1 版），县平台答复：422 ...
};

// The donation balance and how soon it runs out.
enum class DonationWarn { None, Low, Exhausted };
struct DonationView {
    std::string balanceText;  // donationBalanceText(): 捐赠余额 1200.00 元，约可用 5 天，请及时补充
    DonationWarn warn = DonationWarn::None;
};

// The donation being recorded on the staff screen: amount typed on a keypad, donor picked from a list.
struct DonationForm {
    std::string amount;                     // "500" or "12.5": yuan, as typed
    std::string donor;                      // picked; empty until then
    bool named = false;                     // on the honour roll (光荣榜); never for 匿名
    std::vector<std::string> recentDonors;  // most recent first, 匿名 excluded
};
inline constexpr const char* kAnonymousDonor = "匿名";

// A short public summary of the posting now on the board, for the idle screen (counts only).
struct PostingSummary {
    std::string month;               // 2026-10
    std::string title;               // 10月份公示
    std::vector<std::string> lines;  // 助餐 1234 人次（送餐 56）...
};

// The site's other terminals (contract 11) as staff see them on the settings tab: the pairing code a
// new terminal types into `init --join` (only while staff show it), where this one listens, and each
// peer's state.
struct PeersView {
    bool canPair = false;            // this terminal may show a code (not in training)
    bool serving = false;            // the peer server listens now (peers known, or a code shown)
    bool codeShown = false;          // staff asked for a code and it has not been withdrawn
    std::string code;                // 123456
    std::string codeNote;            // 10分钟内有效，只能用一次 / 已用过，请换一个新码
    bool codeUsable = false;
    std::string address;             // 详细：本机网络地址 192.168.1.20:7443
    std::string problem;             // the peer server could not start, in plain Chinese
    std::string lastEvent;           // 新的签到机已加入：192.168.1.22:7443
    std::vector<std::string> peers;  // 192.168.1.21:7443 · 最后联系 12:31 · 落后 0 条 / 联系不上
    std::string held;                // 另一台签到机送来 N 条时间不对的记录，已搁置，请核对; empty: none
    bool operator==(const PeersView&) const = default;
};

struct OpsState {
    UploadView upload;
    DonationView donation;
    DonationForm form;
    std::optional<PostingSummary> posting;  // none until one has been made
    std::string backupStatus;               // 上次备份：3小时前 / 已经3天没有备份了，请检查U盘; empty: none set
    std::string postingStatus;              // 10月公示已生成，已送打印机 / the last problem, for staff
    bool postingShown = false;              // the waiting screen shows the posting now (idle rotation)
    PeersView peers;
};

// Staff commands of the back office.
struct UploadNow {};
struct StartDonation {};
struct DonationKey { std::string key; };  // "0".."9", ".", "删除"
struct PickDonor { std::string donor; };
struct ToggleDonorNamed {};
struct SaveDonation {};
struct CancelDonation {};
// Any tap on the posting view returns to the waiting screen.
struct HidePosting {};
struct NewPairingCode {};   // 显示配对码 / 换一个配对码: a fresh code for 10 minutes, the old one dies at once
struct HidePairingCode {};  // 收起配对码 (also when staff leave the settings tab): the code dies at once
using OpsCommand = std::variant<UploadNow, StartDonation, DonationKey, PickDonor, ToggleDonorNamed, SaveDonation,
                                CancelDonation, HidePosting, NewPairingCode, HidePairingCode>;

// What the running kiosk hands the controller: the background uploader and the posting job. Each
// function may be empty (screenshots, tests without them).
struct OpsLink {
    std::function<void()> wakeUpload;                         // BackgroundUploader::wakeUp
    std::function<int()> uploadRuns;                          // runs finished so far
    std::function<std::optional<PostingSummary>()> posting;   // the latest summary, if any
    std::function<std::string()> backupStatus;                // the nightly backup: age or failure
    std::function<std::string()> postingStatus;               // what the posting job last did
    std::function<PeersView()> peers;                         // pairing code and peer states
    std::function<std::string()> showPairingCode;             // a fresh code; why not, in Chinese, or empty
    std::function<void()> hidePairingCode;                    // the code shown dies
    std::function<std::vector<std::string>()> printers;       // the printers staff may pick (lpstat)
};

}  // namespace mh::ui
