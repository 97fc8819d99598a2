#include "shared/store/schema.hpp"

namespace mh {

const std::vector<std::string>& schemaMigrations() {
    static const std::vector<std::string> k{
        // 1: elders, check-ins, voids, audit log.
        R"SQL(
CREATE TABLE elders(
  elder_id     TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  id_hash      TEXT UNIQUE,          -- keyed BLAKE2b of the ID number; never the number itself
  id_last4     TEXT,
  birth_date   TEXT,                 -- YYYY-MM-DD
  sex          TEXT,                 -- 'M' / 'F' / NULL
  categories   TEXT NOT NULL DEFAULT '',   -- codes joined by '|'
  village      TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  card_serial  TEXT NOT NULL DEFAULT '1',
  legacy_card  TEXT UNIQUE,
  active       INTEGER NOT NULL DEFAULT 1,
  updated_at   TEXT NOT NULL
);
CREATE TABLE checkins(
  record_id      INTEGER PRIMARY KEY AUTOINCREMENT,
  elder_id       TEXT NOT NULL REFERENCES elders(elder_id),
  service        TEXT NOT NULL,
  service_kind   TEXT NOT NULL,
  day            TEXT NOT NULL,       -- local date in the site's time zone
  at             TEXT NOT NULL,       -- local time with offset, 2026-11-24T11:32:00+08:00
  delivered      INTEGER NOT NULL DEFAULT 0,
  rule           TEXT,
  price_fen      INTEGER NOT NULL,
  government_fen INTEGER NOT NULL,
  collective_fen INTEGER NOT NULL,
  donation_fen   INTEGER NOT NULL,
  family_fen     INTEGER NOT NULL,
  elder_fen      INTEGER NOT NULL,
  categories     TEXT NOT NULL DEFAULT '',  -- the elder's categories on the day, for by_category
  source         TEXT NOT NULL,       -- card | id | legacy | manual
  voided         INTEGER NOT NULL DEFAULT 0,
  CHECK (government_fen + collective_fen + donation_fen + family_fen + elder_fen = price_fen),
  CHECK (government_fen >= 0 AND collective_fen >= 0 AND donation_fen >= 0 AND family_fen >= 0 AND elder_fen >= 0)
);
-- Invariant (1): one counted check-in per elder per service per local day, enforced by the store.
CREATE UNIQUE INDEX checkins_once_a_day ON checkins(elder_id, service, day) WHERE voided = 0;
CREATE INDEX checkins_by_day ON checkins(day);
CREATE TABLE voids(
  record_id  INTEGER PRIMARY KEY REFERENCES checkins(record_id),
  at         TEXT NOT NULL,
  staff      TEXT NOT NULL,
  reason     TEXT NOT NULL
);
CREATE TABLE audit(
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  detail  TEXT NOT NULL DEFAULT ''
);
)SQL",
        // 4: staff — the staff PIN (argon2id string from libsodium, never the PIN) and its lockout.
        // (Migrations 2 and 3 come from other branches; IF NOT EXISTS keeps this one safe to reorder.)
        R"SQL(
CREATE TABLE IF NOT EXISTS staff_pin(
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  hash      TEXT NOT NULL,           -- crypto_pwhash_str (argon2id)
  set_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS staff_lockout(
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  failures      INTEGER NOT NULL DEFAULT 0,   -- wrong PINs in a row
  locked_until  INTEGER NOT NULL DEFAULT 0    -- unix seconds
);
)SQL",
    };
    return k;
}

}  // namespace mh
