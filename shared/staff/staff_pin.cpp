// Staff PIN: argon2id hash and a persistent lockout.
#include "shared/staff/staff_pin.hpp"

#include <sodium.h>

#include <algorithm>

#include "shared/store/audit_log.hpp"

namespace mh {

namespace {
// 16 MiB / 3 passes: ~0.1 s on a cheap ARM terminal; the lockout, not the hash, stops guessing a
// short PIN at the pad, the hash protects it if the database is copied.
constexpr unsigned long long kOps = 3;
constexpr size_t kMem = 16u << 20;

bool validPin(const std::string& pin) {
    return pin.size() >= 4 && pin.size() <= 12 && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

Status StaffPin::set(const std::string& pin, const std::string& atIso, const std::string& actor) {
    if (!validPin(pin))
        return Error{"pin.format", "工作人员密码应为 4 到 12 位数字", "the staff PIN must be 4 to 12 digits"};
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
