// Issue 14's faults that need another file system: the site on a read-only file system, and the CJK
// font gone. Each runs the real kiosk inside its own mount namespace (`unshare -m`, root: CI runs as
// root), so the machine's own mounts and fonts are untouched.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "support/run_process.hpp"
#include "support/test_site.hpp"
#include "support/skip.hpp"

using namespace mh;
namespace fs = std::filesystem;

namespace {

// Whether this process may make mount namespaces (root with CAP_SYS_ADMIN, as CI runs).
bool canUnshare() {
    if (::geteuid() != 0 || !fs::exists("/usr/bin/unshare")) return false;
    return test::runProcess({"/usr/bin/unshare", "-m", "true"}).exitCode == 0;
}

// Runs `script` with sh inside a new mount namespace.
test::ProcessResult inMountNamespace(const std::string& script) {
    return test::runProcess({"/usr/bin/unshare", "-m", "/bin/sh", "-c", script});
}

}  // namespace

TEST_CASE("a site on a read-only file system: every verb says the disk is read-only, and nothing is lost") {
    if (!canUnshare()) {
        return mh::test::skipTest("not root (or no unshare): the read-only file system is checked in CI, which runs as root");
    }
    test::TempDir dir;
    test::makeSite(dir.path() / "seed");
    std::string csv = "elder_id,name,birth_date\nE0001,张桂兰,1940-01-01\n";
    test::writeFile(dir.path() / "roster.csv", csv);
    REQUIRE(test::kiosk({"roster", "import", "--site", (dir.path() / "seed").string(), (dir.path() / "roster.csv").string()}).exitCode == 0);
    REQUIRE(test::kiosk({"scan", "--site", (dir.path() / "seed").string(), "--service", "health", "--at", "2026-11-24T09:00",
                         test::makeIdNumber("19400101")}).exitCode != 2);
    fs::create_directories(dir.path() / "ro");
    const std::string ro = (dir.path() / "ro").string(), site = ro + "/site", k = test::kioskExe();
    // A tmpfs holding a copy of the site, remounted read-only as the kernel does after disk errors.
    std::string script = "mount -t tmpfs tmpfs " + ro + " && cp -a " + (dir.path() / "seed").string() + " " + site +
                         " && mount -o remount,ro " + ro + " && ";
    auto scan = inMountNamespace(script + k + " scan --site " + site + " --service health E0001; echo \"exit=$?\"");
    CHECK(scan.out.find("exit=2") != std::string::npos);
    CHECK(scan.err.find("磁盘是只读的") != std::string::npos);
    auto run = inMountNamespace(script + k + " --lang en run --site " + site + "; echo \"exit=$?\"");
    CHECK(run.out.find("exit=2") != std::string::npos);
    CHECK(run.err.find("read-only file system") != std::string::npos);
    // The copy was never written; the real site still has its record.
    auto status = test::kiosk({"status", "--site", (dir.path() / "seed").string()});
    CHECK(status.exitCode == 0);
}

TEST_CASE("no CJK font: `kiosk run` refuses with a message naming the package instead of a screen of question marks") {
    if (!canUnshare()) {
        return mh::test::skipTest("not root (or no unshare): the missing font is checked in CI, which runs as root");
    }
    test::TempDir dir;
    test::makeSite(dir.path() / "site");
    const std::string k = test::kioskExe(), site = (dir.path() / "site").string();
    // An empty tmpfs over each place the font is looked for: for this process only, the font is gone.
    std::string hide;
    for (const char* d : {"/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk"})
        if (fs::is_directory(d)) hide += std::string("mount -t tmpfs tmpfs ") + d + " && ";
    auto zh = inMountNamespace(hide + k + " run --site " + site + "; echo \"exit=$?\"");
    CHECK(zh.out.find("exit=2") != std::string::npos);
    CHECK(zh.err.find("缺少中文字体") != std::string::npos);
    CHECK(zh.err.find("apt install fonts-noto-cjk") != std::string::npos);
    CHECK(zh.err.find("意外错误") == std::string::npos);  // what it said before: an "unexpected error"
    // Scans go on from the command line meanwhile.
    auto scan = inMountNamespace(hide + k + " scan --site " + site + " --service health " + test::makeIdNumber("19400101"));
    CHECK(scan.exitCode != 2);
}

TEST_CASE("a nearly full disk under the site: `kiosk status` names it and says staff are needed") {
    if (!canUnshare()) {
        return mh::test::skipTest("not root (or no unshare): the full disk is checked in CI, which runs as root");
    }
    test::TempDir dir;
    test::makeSite(dir.path() / "seed");
    fs::create_directories(dir.path() / "full");
    const std::string full = (dir.path() / "full").string(), site = full + "/site", k = test::kioskExe();
    // A 16 MiB tmpfs holding a copy of the site, then filled to 256 KiB short of full: room to open
    // the database and read, not to keep checking elders in.
    std::string script = "mount -t tmpfs -o size=16m tmpfs " + full + " && cp -a " + (dir.path() / "seed").string() + " " +
                         site + " && head -c $(( ($(df -k --output=avail " + full + " | tail -1) - 256) * 1024 )) /dev/zero > " +
                         full + "/filler && ";
    auto zh = inMountNamespace(script + k + " status --site " + site + "; echo \"exit=$?\"");
    CAPTURE(zh.err);
    CHECK(zh.out.find("exit=0") != std::string::npos);
    CHECK(zh.out.find("\"storage\":\"存储空间已满") != std::string::npos);
    CHECK(zh.out.find("\"needs_staff\":true") != std::string::npos);
    auto en = inMountNamespace(script + k + " --lang en status --site " + site);
    CHECK(en.out.find("the disk is full") != std::string::npos);
    // The same site with room: all well.
    auto roomy = test::kiosk({"status", "--site", (dir.path() / "seed").string()});
    CHECK(roomy.out.find("\"storage\":\"ok\"") != std::string::npos);
}
