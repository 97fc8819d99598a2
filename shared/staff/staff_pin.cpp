// Staff PIN: argon2id hash and a persistent lockout.
#include "shared/staff/staff_pin.hpp"

#include <sodium.h>

#include <algorithm>

#include "shared/store/audit_log.hpp"

namespace mh {

namespace {
// 144 MiB / 4 passes. Measured on the 2-core build machine (crypto_pwhash_str, best of 5 when it
// was least loaded): the old 16 MiB / 3 took 0.023 s, which let a copied database give up a 4-digit
// PIN in minutes; time grows with MiB x passes (~0.6 ms each), so 576 gives ~0.33 s per guess
// idle (0.8-1.0 s when four compilers share the cores). Staff wait well under a second at the pad;
// the lockout stops guessing at the pad itself. Hashes made with the older setting still verify
// (the string carries its parameters).
constexpr unsigned long long kOps = 4;
constexpr size_t kMem = 144u << 20;

bool validPin(const std::string& pin) {
    return pin.size() >= 4 && pin.size() <= 12 && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace


bool commonPin(const std::string& pin) {
    // One digit over and over (0000), or a run up or down (1234, 987654, 7890).
    bool same = true, up = true, down = true;
    for (size_t i = 1; i < pin.size(); ++i) {
        int d = pin[i] - pin[i - 1];
        same = same && d == 0;
        up = up && (d == 1 || d == -9);
        down = down && (d == -1 || d == 9);
    }
    if (same || up || down) return true;
    // A short block repeated: 1212, 520520, 123123, 112112.
    for (size_t block = 1; block <= pin.size() / 2; ++block) {
        if (pin.size() % block != 0) continue;
        bool repeats = true;
        for (size_t i = block; i < pin.size() && repeats; ++i) repeats = pin[i] == pin[i - block];
        if (repeats) return true;
    }
    // Dates and sayings people pick first (我爱你 520, 一生一世 1314, the phone-pad column 2580).
    for (const char* c : {"1314", "5201314", "2580", "0852", "1122", "112233", "666888", "168168", "1688",
                          "9527", "1004", "6969", "147258", "147258369", "159357", "0123456789"})
        if (pin == c) return true;
    return false;
}

Status StaffPin::set(const std::string& pin, const std::string& atIso, const std::string& actor) {
    if (!validPin(pin))
        return Error{"pin.format", "工作人员密码应为 4 到 12 位数字", "the staff PIN must be 4 to 12 digits"};
    if (commonPin(pin))
        return Error{"pin.weak", "这个密码太常见，别人很容易猜到（像 1234、0000、1212、520520 这样的都不行），请换一个",
                     "this PIN is too common and easy to guess (like 1234, 0000, 1212, 520520); choose another"};
    if (sodium_init() < 0) return Error{"pin.sodium", "加密库无法启动", "libsodium failed to start"};
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, pin.c_str(), pin.size(), kOps, kMem, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error{"pin.memory", "内存不足，无法设置密码", "out of memory while hashing the PIN"};
    Transaction tx(m_db);
    m_db.prepare("INSERT INTO staff_pin(id, hash, set_at) VALUES(1, ?, ?) "
                 "ON CONFLICT(id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at")
        .bind(1, std::string(hash))
        .bind(2, atIso)
        .run();
    m_db.exec("DELETE FROM staff_lockout");
    AuditLog(m_db).append(atIso, actor, "staff.pin.set", "", "");
    tx.commit();
    return okStatus();
}

bool StaffPin::isSet() {
    auto st = m_db.prepare("SELECT 1 FROM staff_pin WHERE id = 1");
    return st.step();
}

StaffPin::Check StaffPin::verify(const std::string& pin) {
    Check c;
    auto st = m_db.prepare("SELECT hash FROM staff_pin WHERE id = 1");
    if (!st.step()) return c;  // NotSet
    std::string hash = st.text(0);
    std::int64_t now = m_clock.nowUnix();
    int failures = 0;
    std::int64_t lockedUntil = 0;
    {
        auto lk = m_db.prepare("SELECT failures, locked_until FROM staff_lockout WHERE id = 1");
        if (lk.step()) failures = int(lk.i64(0)), lockedUntil = lk.i64(1);
    }
    if (lockedUntil > now) {
        c.verdict = Verdict::Locked;
        c.lockedSeconds = lockedUntil - now;
        return c;
    }
    if (lockedUntil != 0) failures = 0;  // a lockout that has run out starts a fresh count
    bool ok = sodium_init() >= 0 && validPin(pin) &&
              crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0;
    if (ok) {
        m_db.exec("DELETE FROM staff_lockout");
        c.verdict = Verdict::Ok;
        return c;
    }
    ++failures;
    lockedUntil = failures >= kMaxFailures ? now + kLockSeconds : 0;
    m_db.prepare("INSERT INTO staff_lockout(id, failures, locked_until) VALUES(1, ?, ?) "
                 "ON CONFLICT(id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until")
        .bind(1, failures)
        .bind(2, lockedUntil)
        .run();
    if (lockedUntil) {
        c.verdict = Verdict::Locked;
        c.lockedSeconds = kLockSeconds;
        c.lockedNow = true;
    } else {
        c.verdict = Verdict::Wrong;
        c.attemptsLeft = kMaxFailures - failures;
    }
    return c;
}

std::string StaffPin::Check::sentence() const {
    switch (verdict) {
        case Verdict::Ok: return "";
        case Verdict::NotSet: return "还没有设置工作人员密码";
        case Verdict::Wrong: return "密码不对，还可以试 " + std::to_string(attemptsLeft) + " 次";
        case Verdict::Locked: break;
    }
    return "错误太多，已锁定 " + std::to_string((lockedSeconds + 59) / 60) + " 分钟";
}

}  // namespace mh
