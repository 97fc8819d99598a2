// The site database's schema: migration i (1-based) takes PRAGMA user_version i-1 to i. Database::migrate
// runs each in its own write transaction with foreign keys off, then checks foreign_key_check before it
// commits (shared/store/database.cpp).
//
// Invariants:
//  (1) the list is positional and only ever appended to: a database at version n has run exactly
//      the first n texts, so a released migration's SQL is never edited, reordered or removed — a
//      fix is a new migration at the end. tests/unit/test_schema_text.cpp pins each text's SHA-256;
//  (2) a migration leaves every row it found (tables are recreated by copying, never emptied), and
//      AUTOINCREMENT counters never hand out an id twice;
//  (3) check-in records are never deleted and change only `voided` 0 -> 1 (the engine's invariant (5),
//      kept by triggers since migration 7); voids are never changed (migration 10).
//
// Sections (grep "[SECTION]"):
//   [SECTION] Pieces the migrations are built from
//   [SECTION] The migrations, in order
#include "shared/store/schema.hpp"

#include <initializer_list>
#include <string_view>

namespace mh {
namespace {

// [SECTION] Pieces the migrations are built from
// Pieces that migration 7 (custody) wrote and migration 10 (terminals of one site) writes again with
// the origin columns. Only how the strings are built is shared: each migration's text stays byte for
// byte what it was when released (tests/unit/test_schema_text.cpp pins every migration's SHA-256).
// The check-in table as migration 7 made it STRICT, up to `entered_at`; migration 10 adds the origin.
constexpr std::string_view kStrictCheckinColumns = R"SQL(CREATE TABLE checkins_new(
  record_id      INTEGER PRIMARY KEY AUTOINCREMENT,
  elder_id       TEXT NOT NULL REFERENCES elders(elder_id),
  service        TEXT NOT NULL CHECK (length(service) > 0),
  service_kind   TEXT NOT NULL CHECK (service_kind IN ('meal', 'service', 'activity')),
  day            TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  at             TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]*'),
  delivered      INTEGER NOT NULL DEFAULT 0 CHECK (delivered IN (0, 1)),
  rule           TEXT,
  price_fen      INTEGER NOT NULL CHECK (price_fen >= 0),
  government_fen INTEGER NOT NULL,
  collective_fen INTEGER NOT NULL,
  donation_fen   INTEGER NOT NULL,
  family_fen     INTEGER NOT NULL,
  elder_fen      INTEGER NOT NULL,
  categories     TEXT NOT NULL DEFAULT '',
  source         TEXT NOT NULL CHECK (source IN ('card', 'id', 'legacy', 'manual')),
  voided         INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  entered_at     TEXT CHECK (entered_at IS NULL OR entered_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]*'),)SQL";
// The audit table's STRICT columns of migration 7 but its last; migration 10 adds the origin after it.
constexpr std::string_view kStrictAuditColumns = R"SQL(CREATE TABLE audit_new(
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  at      TEXT NOT NULL CHECK (length(at) > 0),
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL CHECK (length(action) > 0),
  subject TEXT NOT NULL DEFAULT '',)SQL";
// The donation table's STRICT columns of migration 7 but its last; migration 10 adds the origin after it.
constexpr std::string_view kStrictDonationColumns = R"SQL(CREATE TABLE donations_new(
  donation_id  INTEGER PRIMARY KEY AUTOINCREMENT,
  donor        TEXT NOT NULL CHECK (length(donor) > 0),
  amount_fen   INTEGER NOT NULL CHECK (amount_fen > 0),
  day          TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  purpose      TEXT NOT NULL DEFAULT '',
  named        INTEGER NOT NULL DEFAULT 0 CHECK (named IN (0, 1)),)SQL";
// Invariant (5): the triggers that keep a check-in record, up to the columns migration 10 adds.
constexpr std::string_view kCheckinsFixedTriggerHead = R"SQL(CREATE TRIGGER checkins_never_deleted BEFORE DELETE ON checkins
BEGIN
  SELECT RAISE(ABORT, 'a check-in record is never deleted: void it instead');
END;
CREATE TRIGGER checkins_fixed_once_written BEFORE UPDATE ON checkins
WHEN NEW.record_id IS NOT OLD.record_id OR NEW.elder_id IS NOT OLD.elder_id OR NEW.service IS NOT OLD.service
  OR NEW.service_kind IS NOT OLD.service_kind OR NEW.day IS NOT OLD.day OR NEW.at IS NOT OLD.at
  OR NEW.delivered IS NOT OLD.delivered OR NEW.rule IS NOT OLD.rule OR NEW.price_fen IS NOT OLD.price_fen
  OR NEW.government_fen IS NOT OLD.government_fen OR NEW.collective_fen IS NOT OLD.collective_fen
  OR NEW.donation_fen IS NOT OLD.donation_fen OR NEW.family_fen IS NOT OLD.family_fen
  OR NEW.elder_fen IS NOT OLD.elder_fen OR NEW.categories IS NOT OLD.categories OR NEW.source IS NOT OLD.source)SQL";
// The end of that trigger, and voids are never deleted.
constexpr std::string_view kCheckinsFixedTriggerTail = R"SQL(BEGIN
  SELECT RAISE(ABORT, 'a check-in record cannot be changed once written: only voided 0 -> 1');
END;
CREATE TRIGGER voids_never_deleted BEFORE DELETE ON voids
BEGIN
  SELECT RAISE(ABORT, 'a void is never deleted');
END;)SQL";

// Migration 10's trigger that gives each new row of `table` its place in the feed.
std::string feedTrigger(std::string_view table, std::string_view kind, std::string_view idColumn) {
    std::string t(table);
    return "CREATE TRIGGER " + t + "_feed AFTER INSERT ON " + t + "\nBEGIN\n  INSERT INTO feed(kind, local_id) VALUES ('" +
           std::string(kind) + "', NEW." + std::string(idColumn) + ");\nEND;\n";
}

std::string sql(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (std::string_view p : parts) out += p;
    return out;
}

}  // namespace

// [SECTION] The migrations, in order
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
        // 2: donations (the 社会捐赠 share draws on them; `named` donors appear on the honour roll).
        R"SQL(
CREATE TABLE donations(
  donation_id  INTEGER PRIMARY KEY AUTOINCREMENT,
  donor        TEXT NOT NULL,
  amount_fen   INTEGER NOT NULL CHECK (amount_fen > 0),
  day          TEXT NOT NULL,          -- local date the gift was received, YYYY-MM-DD
  purpose      TEXT NOT NULL DEFAULT '',
  named        INTEGER NOT NULL DEFAULT 0,   -- 1: the donor agrees to be on the honour roll
  recorded_at  TEXT NOT NULL
);
CREATE INDEX donations_by_day ON donations(day);
)SQL",
        // 3: upload outbox. Each frozen revision of a day's tally, byte for byte as sent, until the
        // county platform confirms it; plus small key/value state (last success, last error, roster cursor).
        R"SQL(
CREATE TABLE upload_outbox(
  day           TEXT NOT NULL,            -- local date of the tally, YYYY-MM-DD
  revision      INTEGER NOT NULL,         -- 1, 2, ...; a correction makes the next one
  content_hash  TEXT NOT NULL,            -- BLAKE2b of the tally without generated_at/revision
  body          TEXT NOT NULL,            -- the exact JSON that is POSTed (the same bytes on every retry)
  frozen_at     TEXT NOT NULL,            -- local time with offset
  state         TEXT NOT NULL DEFAULT 'pending',  -- pending | delivered | superseded
  attempts      INTEGER NOT NULL DEFAULT 0,
  next_attempt  INTEGER NOT NULL DEFAULT 0,       -- unix seconds; the background uploader's backoff
  last_status   INTEGER,                  -- HTTP status of the last try, 0 for a network failure
  delivered_at  TEXT,
  PRIMARY KEY(day, revision)
);
CREATE INDEX upload_outbox_pending ON upload_outbox(state, day);
CREATE TABLE upload_outbox_sig(         -- per day: the records' fingerprint when last frozen
  day         TEXT PRIMARY KEY,
  records_sig TEXT NOT NULL
);
CREATE TABLE upload_state(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)SQL",
        // 4: staff: the staff PIN (argon2id string from libsodium, never the PIN) and its lockout.
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
        // 5: kiosk settings: what staff set on the kiosk's screens that must outlive a restart (volume).
        R"SQL(
CREATE TABLE IF NOT EXISTS kiosk_settings(
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  updated_at  TEXT NOT NULL          -- local time with offset
);
)SQL",
        // 6: terminal identity (contract 2): a random id per database, never reused, so two terminals
        // of one site never share an Idempotency-Key; the creation time bounds the clock check. A
        // database older than this migration counts as created at its first record. `entered_at`:
        // the real time a record was written, kept where `at` was given by hand (`scan --at`).
        R"SQL(
CREATE TABLE terminal(
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  terminal_id TEXT NOT NULL CHECK (length(terminal_id) = 8 AND terminal_id NOT GLOB '*[^a-z0-9]*'),
  created_at  INTEGER NOT NULL        -- unix seconds
) STRICT;
INSERT INTO terminal(id, terminal_id, created_at)
  VALUES (1, lower(hex(randomblob(4))),
          COALESCE((SELECT CAST(strftime('%s', MIN(at)) AS INTEGER) FROM checkins), CAST(strftime('%s', 'now') AS INTEGER)));
ALTER TABLE checkins ADD COLUMN entered_at TEXT;
)SQL",
        // 7: custody (issue 11): STRICT tables with CHECKs on flags, states and day formats, so a bug or a
        // hand edit cannot store a day as "2026/11/24" or a flag as 2; and triggers that keep check-in
        // records for good: never deleted (a void is a row in `voids`), never changed after insert except
        // `voided` 0 -> 1. Each table is recreated and copied with every row and index (the partial
        // unique index too). Runs with foreign keys off (Database::migrate), checked before commit.
        // The upload_outbox tables are migrated elsewhere. A migration that adds columns to these
        // tables must come after this one.
        sql({R"SQL(
CREATE TABLE elders_new(
  elder_id     TEXT PRIMARY KEY CHECK (length(elder_id) BETWEEN 1 AND 32 AND elder_id NOT GLOB '*[^A-Z0-9-]*'),
  name         TEXT NOT NULL CHECK (length(name) > 0),
  id_hash      TEXT UNIQUE,
  id_last4     TEXT CHECK (id_last4 IS NULL OR length(id_last4) = 4),
  birth_date   TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  sex          TEXT CHECK (sex IS NULL OR sex IN ('M', 'F')),
  categories   TEXT NOT NULL DEFAULT '',
  village      TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  card_serial  TEXT NOT NULL DEFAULT '1',
  legacy_card  TEXT UNIQUE,
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at   TEXT NOT NULL
) STRICT;
INSERT INTO elders_new SELECT elder_id, name, id_hash, id_last4, birth_date, sex, categories, village, phone,
  card_serial, legacy_card, active, updated_at FROM elders;
DROP TABLE elders;
ALTER TABLE elders_new RENAME TO elders;

)SQL", kStrictCheckinColumns, R"SQL(
  CHECK (government_fen + collective_fen + donation_fen + family_fen + elder_fen = price_fen),
  CHECK (government_fen >= 0 AND collective_fen >= 0 AND donation_fen >= 0 AND family_fen >= 0 AND elder_fen >= 0),
  CHECK (substr(at, 1, 10) = day)
) STRICT;
INSERT INTO checkins_new SELECT record_id, elder_id, service, service_kind, day, at, delivered, rule, price_fen,
  government_fen, collective_fen, donation_fen, family_fen, elder_fen, categories, source, voided, entered_at FROM checkins;
DROP TABLE checkins;
ALTER TABLE checkins_new RENAME TO checkins;
-- AUTOINCREMENT's counter moves with the rename and restarts from the highest copied record_id:
-- records are never deleted, so that is the old counter and no id is handed out twice.
CREATE UNIQUE INDEX checkins_once_a_day ON checkins(elder_id, service, day) WHERE voided = 0;
CREATE INDEX checkins_by_day ON checkins(day);

CREATE TABLE voids_new(
  record_id  INTEGER PRIMARY KEY REFERENCES checkins(record_id),
  at         TEXT NOT NULL CHECK (length(at) > 0),
  staff      TEXT NOT NULL CHECK (length(staff) > 0),
  reason     TEXT NOT NULL CHECK (length(reason) > 0)
) STRICT;
INSERT INTO voids_new SELECT record_id, at, staff, reason FROM voids;
DROP TABLE voids;
ALTER TABLE voids_new RENAME TO voids;

)SQL", kStrictAuditColumns, R"SQL(
  detail  TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO audit_new SELECT id, at, actor, action, subject, detail FROM audit;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;

)SQL", kStrictDonationColumns, R"SQL(
  recorded_at  TEXT NOT NULL
) STRICT;
INSERT INTO donations_new SELECT donation_id, donor, amount_fen, day, purpose, named, recorded_at FROM donations;
DROP TABLE donations;
ALTER TABLE donations_new RENAME TO donations;
CREATE INDEX donations_by_day ON donations(day);

CREATE TABLE staff_pin_new(
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  hash      TEXT NOT NULL CHECK (hash GLOB '$argon2id$*'),
  set_at    TEXT NOT NULL
) STRICT;
INSERT INTO staff_pin_new SELECT id, hash, set_at FROM staff_pin;
DROP TABLE staff_pin;
ALTER TABLE staff_pin_new RENAME TO staff_pin;

CREATE TABLE staff_lockout_new(
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  failures      INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  locked_until  INTEGER NOT NULL DEFAULT 0 CHECK (locked_until >= 0)
) STRICT;
INSERT INTO staff_lockout_new SELECT id, failures, locked_until FROM staff_lockout;
DROP TABLE staff_lockout;
ALTER TABLE staff_lockout_new RENAME TO staff_lockout;

CREATE TABLE kiosk_settings_new(
  key         TEXT PRIMARY KEY CHECK (length(key) > 0),
  value       TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
INSERT INTO kiosk_settings_new SELECT key, value, updated_at FROM kiosk_settings;
DROP TABLE kiosk_settings;
ALTER TABLE kiosk_settings_new RENAME TO kiosk_settings;

-- Invariant (5): a check-in record is never deleted, and once written only `voided` may go 0 -> 1.
)SQL", kCheckinsFixedTriggerHead, R"SQL(
  OR NEW.entered_at IS NOT OLD.entered_at OR NOT (NEW.voided = OLD.voided OR (OLD.voided = 0 AND NEW.voided = 1))
)SQL", kCheckinsFixedTriggerTail, R"SQL(
)SQL"}),
        // 8: policy: what each rule paid for each record (contract 10), so monthly caps, per-day limits,
        // tallies (`rules`, `by_rule`) and the posting come from the database, never from re-running a
        // policy that may have changed since. `position`: the order the rules were applied (0 is the
        // record's `rule`). Records older than this read as paid by their one `rule` with their shares.
        R"SQL(
CREATE TABLE checkin_rules(
  record_id      INTEGER NOT NULL REFERENCES checkins(record_id),
  position       INTEGER NOT NULL CHECK (position >= 0),
  rule           TEXT NOT NULL CHECK (length(rule) > 0),
  government_fen INTEGER NOT NULL CHECK (government_fen >= 0),
  collective_fen INTEGER NOT NULL CHECK (collective_fen >= 0),
  donation_fen   INTEGER NOT NULL CHECK (donation_fen >= 0),
  family_fen     INTEGER NOT NULL CHECK (family_fen >= 0),
  PRIMARY KEY (record_id, position),
  UNIQUE (record_id, rule)
) STRICT;
INSERT INTO checkin_rules(record_id, position, rule, government_fen, collective_fen, donation_fen, family_fen)
  SELECT record_id, 0, rule, government_fen, collective_fen, donation_fen, family_fen
  FROM checkins WHERE rule IS NOT NULL AND rule <> '';
CREATE INDEX checkins_by_elder_day ON checkins(elder_id, day);
)SQL",
        // 9: upload outbox v2 (contract 8): a day the county refuses (a 4xx other than 401/403/404/408/
        // 409/429) is set aside as 'refused' with the county's answer, so it never holds back later
        // days; the table becomes STRICT with its states checked. Revisions still pending were frozen
        // as tally v1 under a key without the terminal id: they are superseded and their days marked
        // changed, so the next freeze makes a v2 revision of the same records under the new key.
        R"SQL(
DELETE FROM upload_outbox_sig WHERE day IN (SELECT day FROM upload_outbox WHERE state = 'pending');
CREATE TABLE upload_outbox_v2(
  day           TEXT NOT NULL CHECK (length(day) = 10),  -- local date of the tally, YYYY-MM-DD
  revision      INTEGER NOT NULL CHECK (revision >= 1),  -- a correction makes the next one
  content_hash  TEXT NOT NULL,            -- BLAKE2b of the day's records
  body          TEXT NOT NULL,            -- the exact JSON that is POSTed (the same bytes on every retry)
  frozen_at     TEXT NOT NULL,            -- local time with offset
  state         TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'delivered', 'superseded', 'refused')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  next_attempt  INTEGER NOT NULL DEFAULT 0,       -- unix seconds; the background uploader's backoff
  last_status   INTEGER,                  -- HTTP status of the last try, 0 for a network failure
  delivered_at  TEXT,
  county_answer TEXT,                     -- refused: the county's status and the start of its reply
  refused_at    TEXT,                     -- refused: local time with offset
  PRIMARY KEY(day, revision)
) STRICT;
INSERT INTO upload_outbox_v2(day, revision, content_hash, body, frozen_at, state, attempts, next_attempt,
                             last_status, delivered_at)
  SELECT day, revision,
         CASE state WHEN 'pending' THEN 'v1:' || content_hash ELSE content_hash END,
         body, frozen_at,
         CASE state WHEN 'pending' THEN 'superseded' ELSE state END,
         attempts, next_attempt, last_status, delivered_at
  FROM upload_outbox;
DROP TABLE upload_outbox;
ALTER TABLE upload_outbox_v2 RENAME TO upload_outbox;
CREATE INDEX upload_outbox_pending ON upload_outbox(state, day);
)SQL",
        // 10: terminals of one site (contract 11). Every replicable row (check-ins, voids, donations,
        // audit entries) keeps the terminal and id it was born with (`origin_terminal`, `origin_record`;
        // local rows: this terminal and their own id), so peers exchange an append-only union keyed by
        // origin. A void is keyed by the voided record's origin and the voiding terminal: two terminals
        // voiding one record keep two voids, and the record counts as voided if any void exists.
        // "Once a day" becomes once a day per origin terminal: one terminal alone still can never double,
        // and a double made while a peer was away is storable, to be flagged to staff. `feed` is a local,
        // increasing sequence over every replicable row, own and imported, that peers pull "after N"
        // from; `peer_cursor` remembers how far each peer's feed was imported.
        sql({R"SQL(
)SQL", kStrictCheckinColumns, R"SQL(
  origin_terminal TEXT NOT NULL CHECK (length(origin_terminal) = 8 AND origin_terminal NOT GLOB '*[^a-z0-9]*'),
  origin_record  INTEGER NOT NULL CHECK (origin_record > 0),
  UNIQUE (origin_terminal, origin_record),
  CHECK (government_fen + collective_fen + donation_fen + family_fen + elder_fen = price_fen),
  CHECK (government_fen >= 0 AND collective_fen >= 0 AND donation_fen >= 0 AND family_fen >= 0 AND elder_fen >= 0),
  CHECK (substr(at, 1, 10) = day)
) STRICT;
INSERT INTO checkins_new SELECT record_id, elder_id, service, service_kind, day, at, delivered, rule, price_fen,
  government_fen, collective_fen, donation_fen, family_fen, elder_fen, categories, source, voided, entered_at,
  (SELECT terminal_id FROM terminal WHERE id = 1), record_id FROM checkins;
DROP TABLE checkins;
ALTER TABLE checkins_new RENAME TO checkins;
CREATE UNIQUE INDEX checkins_once_a_day ON checkins(elder_id, service, day, origin_terminal) WHERE voided = 0;
CREATE INDEX checkins_by_day ON checkins(day);
CREATE INDEX checkins_by_elder_day ON checkins(elder_id, day);

CREATE TABLE voids_new(
  void_id         INTEGER PRIMARY KEY AUTOINCREMENT,
  record_id       INTEGER NOT NULL REFERENCES checkins(record_id),   -- this database's id of the voided record
  record_terminal TEXT NOT NULL,                                     -- the voided record's origin key
  record_origin   INTEGER NOT NULL,
  origin_terminal TEXT NOT NULL CHECK (length(origin_terminal) = 8 AND origin_terminal NOT GLOB '*[^a-z0-9]*'),
  origin_record   INTEGER NOT NULL CHECK (origin_record > 0),
  at              TEXT NOT NULL CHECK (length(at) > 0),
  staff           TEXT NOT NULL CHECK (length(staff) > 0),
  reason          TEXT NOT NULL CHECK (length(reason) > 0),
  UNIQUE (origin_terminal, origin_record),
  UNIQUE (record_terminal, record_origin, origin_terminal)
) STRICT;
INSERT INTO voids_new SELECT v.record_id, v.record_id, c.origin_terminal, c.origin_record, c.origin_terminal,
  v.record_id, v.at, v.staff, v.reason FROM voids v JOIN checkins c ON c.record_id = v.record_id ORDER BY v.record_id;
DROP TABLE voids;
ALTER TABLE voids_new RENAME TO voids;
CREATE INDEX voids_by_record ON voids(record_id);

)SQL", kStrictAuditColumns, R"SQL(
  detail  TEXT NOT NULL DEFAULT '',
  origin_terminal TEXT NOT NULL CHECK (length(origin_terminal) = 8 AND origin_terminal NOT GLOB '*[^a-z0-9]*'),
  origin_record   INTEGER NOT NULL CHECK (origin_record > 0),
  UNIQUE (origin_terminal, origin_record)
) STRICT;
INSERT INTO audit_new SELECT id, at, actor, action, subject, detail, (SELECT terminal_id FROM terminal WHERE id = 1), id
  FROM audit;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;

)SQL", kStrictDonationColumns, R"SQL(
  recorded_at  TEXT NOT NULL,
  origin_terminal TEXT NOT NULL CHECK (length(origin_terminal) = 8 AND origin_terminal NOT GLOB '*[^a-z0-9]*'),
  origin_record   INTEGER NOT NULL CHECK (origin_record > 0),
  UNIQUE (origin_terminal, origin_record)
) STRICT;
INSERT INTO donations_new SELECT donation_id, donor, amount_fen, day, purpose, named, recorded_at,
  (SELECT terminal_id FROM terminal WHERE id = 1), donation_id FROM donations;
DROP TABLE donations;
ALTER TABLE donations_new RENAME TO donations;
CREATE INDEX donations_by_day ON donations(day);

-- Invariant (5) as in migration 7, the origin included: a record is never deleted, and once written
-- only `voided` may go 0 -> 1. Voids are never changed either.
)SQL", kCheckinsFixedTriggerHead, R"SQL(
  OR NEW.entered_at IS NOT OLD.entered_at OR NEW.origin_terminal IS NOT OLD.origin_terminal
  OR NEW.origin_record IS NOT OLD.origin_record OR NOT (NEW.voided = OLD.voided OR (OLD.voided = 0 AND NEW.voided = 1))
)SQL", kCheckinsFixedTriggerTail, R"SQL(
CREATE TRIGGER voids_never_changed BEFORE UPDATE ON voids
BEGIN
  SELECT RAISE(ABORT, 'a void is never changed');
END;

CREATE TABLE feed(
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  kind     TEXT NOT NULL CHECK (kind IN ('checkin', 'void', 'donation', 'audit')),
  local_id INTEGER NOT NULL,          -- the row's id in its own table
  UNIQUE (kind, local_id)
) STRICT;
-- Existing rows in an order where every void comes after its record.
INSERT INTO feed(kind, local_id) SELECT 'checkin', record_id FROM checkins ORDER BY record_id;
INSERT INTO feed(kind, local_id) SELECT 'void', void_id FROM voids ORDER BY void_id;
INSERT INTO feed(kind, local_id) SELECT 'donation', donation_id FROM donations ORDER BY donation_id;
INSERT INTO feed(kind, local_id) SELECT 'audit', id FROM audit ORDER BY id;
)SQL", feedTrigger("checkins", "checkin", "record_id"), feedTrigger("voids", "void", "void_id"),
                     feedTrigger("donations", "donation", "donation_id"), feedTrigger("audit", "audit", "id"), R"SQL(CREATE TABLE peer_cursor(
  peer_terminal TEXT PRIMARY KEY CHECK (length(peer_terminal) = 8 AND peer_terminal NOT GLOB '*[^a-z0-9]*'),
  after_seq     INTEGER NOT NULL CHECK (after_seq >= 0)   -- the peer's feed is imported up to here
) STRICT;
)SQL"}),
        // 11: when each peer was last heard from (contract 11, `status` peers): kept across processes,
        // so `status` and a restarted kiosk still say when a peer that is away now was last seen.
        R"SQL(
CREATE TABLE peer_contact(
  address       TEXT PRIMARY KEY CHECK (length(address) > 0),
  peer_terminal TEXT NOT NULL DEFAULT '',
  last_contact  INTEGER NOT NULL CHECK (last_contact >= 0)   -- unix seconds
) STRICT;
)SQL",
        // branch restore: a restored database takes a fresh terminal id (contract 11); the ids it was
        // restored from are kept (their backups are its own), and each outbox revision names the
        // terminal whose tally it is, so the old id's revisions go out byte for byte under the old
        // id's key while new revisions are made only under the new id.
        R"SQL(
-- branch restore: terminal lineage and the outbox keyed by terminal
CREATE TABLE IF NOT EXISTS terminal_lineage(
  terminal_id TEXT PRIMARY KEY CHECK (length(terminal_id) = 8 AND terminal_id NOT GLOB '*[^a-z0-9]*'),
  replaced_at INTEGER NOT NULL          -- unix seconds: when a restore gave the database a new id
) STRICT;
CREATE TABLE upload_outbox_v3(
  terminal      TEXT NOT NULL CHECK (length(terminal) = 8 AND terminal NOT GLOB '*[^a-z0-9]*'),
  day           TEXT NOT NULL CHECK (length(day) = 10),
  revision      INTEGER NOT NULL CHECK (revision >= 1),
  content_hash  TEXT NOT NULL,
  body          TEXT NOT NULL,
  frozen_at     TEXT NOT NULL,
  state         TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'delivered', 'superseded', 'refused')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  next_attempt  INTEGER NOT NULL DEFAULT 0,
  last_status   INTEGER,
  delivered_at  TEXT,
  county_answer TEXT,
  refused_at    TEXT,
  PRIMARY KEY(terminal, day, revision)
) STRICT;
INSERT INTO upload_outbox_v3(terminal, day, revision, content_hash, body, frozen_at, state, attempts, next_attempt,
                             last_status, delivered_at, county_answer, refused_at)
  SELECT (SELECT terminal_id FROM terminal WHERE id = 1), day, revision, content_hash, body, frozen_at, state,
         attempts, next_attempt, last_status, delivered_at, county_answer, refused_at
  FROM upload_outbox;
DROP TABLE upload_outbox;
ALTER TABLE upload_outbox_v3 RENAME TO upload_outbox;
CREATE INDEX upload_outbox_pending ON upload_outbox(state, day);
)SQL",
        // branch trust: entries a peer sent that are held aside, never imported until they fit
        // (contract 11, "a peer is believed only about its own records"): one written more than 10
        // minutes after this terminal's clock ('future', staff see how many), and a void of a record
        // this terminal does not have ('void_waiting', applied when that record arrives).
        R"SQL(
-- branch trust: held-aside peer entries
CREATE TABLE held_entries(
  id              INTEGER PRIMARY KEY,
  reason          TEXT NOT NULL CHECK (reason IN ('future', 'void_waiting')),
  kind            TEXT NOT NULL,
  origin_terminal TEXT NOT NULL,
  origin_record   INTEGER NOT NULL,
  written_unix    INTEGER NOT NULL,          -- its entered_at, else at (recorded_at of a donation)
  record_terminal TEXT,                      -- a void: the record it names
  record_origin   INTEGER,
  entry           TEXT NOT NULL,             -- the entry as the peer sent it (JSON)
  held_unix       INTEGER NOT NULL,          -- when it was held, by this terminal's clock
  UNIQUE(kind, origin_terminal, origin_record)
) STRICT;
CREATE INDEX held_entries_record ON held_entries(record_terminal, record_origin) WHERE reason = 'void_waiting';
CREATE INDEX held_entries_due ON held_entries(written_unix) WHERE reason = 'future';
)SQL",
        // Staff confirmed a clock that had run fast and was set right (contract 3, `clock confirm`): the
        // records written before the confirmation no longer bound the clock check (records_before is
        // the record_id watermark), and this terminal's records written ahead of the corrected clock
        // are kept for review (clock_corrected, section 13).
        R"SQL(
-- branch lifecycle: clock confirmations and the records written ahead of a corrected clock
CREATE TABLE clock_confirmations(
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  confirmed_at   TEXT NOT NULL CHECK (length(confirmed_at) > 0),   -- local ISO time with offset
  confirmed_unix INTEGER NOT NULL,
  staff          TEXT NOT NULL CHECK (length(staff) > 0),
  records_before INTEGER NOT NULL CHECK (records_before >= 0)      -- checkins.record_id at confirmation
) STRICT;
CREATE TABLE clock_corrected(
  record_id    INTEGER PRIMARY KEY REFERENCES checkins(record_id),
  confirmation INTEGER NOT NULL REFERENCES clock_confirmations(id)
) STRICT;
)SQL",
        // The terminal's claim book (contract 11, "one terminal, one claim book"): every process of
        // the terminal (run, serve, each scan) takes its claims and gives its grants here, under the
        // write lock, so the service answering a peer sees a claim a CLI scan took a moment ago.
        // Times are CLOCK_MONOTONIC milliseconds (one clock for every process of the machine, never
        // set by staff); a row outlives no process for long: see shared/peers/claim_book.hpp.
        R"SQL(
-- branch claims: the claim book of this terminal, shared by all its processes
CREATE TABLE claims(
  claim_id    INTEGER PRIMARY KEY,
  elder_id    TEXT NOT NULL,
  service     TEXT NOT NULL,
  day         TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('own', 'grant')),
  terminal    TEXT NOT NULL,      -- own: this terminal; grant: the terminal it was granted to
  expires_ms  INTEGER NOT NULL    -- CLOCK_MONOTONIC milliseconds
) STRICT;
CREATE INDEX claims_key ON claims(elder_id, service, day);
CREATE INDEX claims_expiry ON claims(expires_ms);
)SQL",
        // Diet needs (contract 14, roster column 饮食): codes joined by '|', for staff and the kitchen only.
        R"SQL(
-- lead: elders' diet needs
ALTER TABLE elders ADD COLUMN diets TEXT NOT NULL DEFAULT '';
)SQL",
        // Policy v3 (contract 10): what the per-meal operating subsidies (运营补贴) pay the operator for
        // a record, fixed when it is recorded like its shares; never part of the elder's price.
        R"SQL(
-- branch policy3: per-meal operating money of each record
ALTER TABLE checkins ADD COLUMN operating_fen INTEGER NOT NULL DEFAULT 0 CHECK (operating_fen >= 0);
)SQL",
        // The journal (contract 13): each terminal's hash chain over the rows of the covered tables
        // (shared/store/journal_coverage.hpp). Entries are appended by triggers that installJournal makes
        // at every open, and the first open covers the rows already there (genesis). An entry names its
        // row by table and local key; `prev` is the hash before it, so an entry checks on its own.
        R"SQL(
-- branch journal: the hash chain of every covered row
CREATE TABLE journal(
  terminal TEXT NOT NULL CHECK (length(terminal) = 8 AND terminal NOT GLOB '*[^a-z0-9]*'),
  seq      INTEGER NOT NULL CHECK (seq >= 1),
  tbl      TEXT NOT NULL CHECK (length(tbl) > 0),
  row_key  TEXT NOT NULL CHECK (length(row_key) > 0),
  prev     TEXT NOT NULL CHECK (length(prev) = 64),
  hash     TEXT NOT NULL CHECK (length(hash) = 64),
  PRIMARY KEY (terminal, seq),
  UNIQUE (tbl, row_key)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER journal_never_deleted BEFORE DELETE ON journal
BEGIN
  SELECT RAISE(ABORT, 'a journal entry is never deleted');
END;
CREATE TRIGGER journal_never_changed BEFORE UPDATE ON journal
BEGIN
  SELECT RAISE(ABORT, 'a journal entry is never changed');
END;
-- An entry a peer sent with a replicated row (its origin's chain position), waiting for that row's
-- insert in the same transaction: the row's trigger takes it instead of appending to this chain.
CREATE TABLE journal_incoming(
  tbl      TEXT NOT NULL,
  terminal TEXT NOT NULL,
  seq      INTEGER NOT NULL,
  prev     TEXT NOT NULL,
  hash     TEXT NOT NULL
) STRICT;
-- Refused scans (contract 13), kept for the tally's `refused` counts and the review's revoked cards:
-- the outcome and, when known, the roster elder and the serial of a card this site signed; never
-- the payload (a stranger's card or ID number is not kept).
CREATE TABLE refused_scans(
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  at          TEXT NOT NULL CHECK (substr(at, 1, 10) = day),
  service     TEXT NOT NULL CHECK (length(service) > 0),
  outcome     TEXT NOT NULL CHECK (outcome IN ('unknown', 'invalid', 'revoked', 'closed', 'duplicate', 'ineligible')),
  elder_id    TEXT,
  card_serial TEXT,
  entered_at  TEXT
) STRICT;
CREATE INDEX refused_scans_by_day ON refused_scans(day, service);
CREATE TRIGGER refused_scans_never_deleted BEFORE DELETE ON refused_scans
BEGIN
  SELECT RAISE(ABORT, 'a refused scan is never deleted');
END;
CREATE TRIGGER refused_scans_never_changed BEFORE UPDATE ON refused_scans
BEGIN
  SELECT RAISE(ABORT, 'a refused scan is never changed');
END;
)SQL",
        // Contract 12 (everyone who eats): who collected a meal (代领) on the record; meals nobody claims
        // (guests, staff, volunteers) and their voids; what the driver found at the door, and the
        // concern notes staff marked handled. Each new table is append-only and keyed by its origin
        // (terminal, record) like check-ins and voids, and joins the feed so it reaches the peers. The
        // feed is made again for its new kinds (its CHECK names them); its triggers go first, since a
        // rename checks every trigger that names the table.
        R"SQL(
-- branch eats: 代领 on the record, other meals, delivery outcomes, handled concerns; the feed's new kinds
ALTER TABLE checkins ADD COLUMN proxy_name TEXT CHECK (proxy_name IS NULL OR length(proxy_name) BETWEEN 1 AND 40);
ALTER TABLE checkins ADD COLUMN proxy_relation TEXT CHECK (proxy_relation IS NULL OR length(proxy_relation) <= 20);
CREATE TABLE other_meals(
  meal_id         INTEGER PRIMARY KEY,  -- shares the id space of checkins.record_id: `void --record` names either
  service         TEXT NOT NULL CHECK (length(service) > 0),
  kind            TEXT NOT NULL CHECK (kind IN ('guest', 'staff', 'volunteer')),
  day             TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  at              TEXT NOT NULL CHECK (substr(at, 1, 10) = day),
  entered_at      TEXT,
  count           INTEGER NOT NULL CHECK (count BETWEEN 1 AND 1000),
  paid_fen        INTEGER NOT NULL CHECK (paid_fen BETWEEN 0 AND 1000000000),   -- all `count` meals together
  name            TEXT NOT NULL DEFAULT '',
  minutes         INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 1440),  -- a volunteer's hours
  origin_terminal TEXT NOT NULL CHECK (length(origin_terminal) = 8 AND origin_terminal NOT GLOB '*[^a-z0-9]*'),
  origin_record   INTEGER NOT NULL CHECK (origin_record > 0),
  UNIQUE (origin_terminal, origin_record)
) STRICT;
CREATE INDEX other_meals_by_day ON other_meals(day);
CREATE TABLE other_meal_voids(
  void_id         INTEGER PRIMARY KEY,
  meal_terminal   TEXT NOT NULL,        -- the voided meal's origin key
  meal_origin     INTEGER NOT NULL,
  at              TEXT NOT NULL CHECK (length(at) > 0),
  staff           TEXT NOT NULL CHECK (length(staff) > 0),
  reason          TEXT NOT NULL CHECK (length(reason) > 0),
  origin_terminal TEXT NOT NULL CHECK (length(origin_terminal) = 8 AND origin_terminal NOT GLOB '*[^a-z0-9]*'),
  origin_record   INTEGER NOT NULL CHECK (origin_record > 0),
  UNIQUE (origin_terminal, origin_record),
  UNIQUE (meal_terminal, meal_origin, origin_terminal)
) STRICT;
CREATE TABLE delivery_outcomes(
  outcome_id      INTEGER PRIMARY KEY,
  record_terminal TEXT NOT NULL,        -- the delivered check-in's origin key
  record_origin   INTEGER NOT NULL,
  outcome         TEXT NOT NULL CHECK (outcome IN ('delivered', 'not_home', 'refused')),
  staff           TEXT NOT NULL CHECK (length(staff) > 0),   -- the driver
  note            TEXT NOT NULL DEFAULT '',                  -- a concern for staff (身体变化)
  at              TEXT NOT NULL CHECK (length(at) > 0),
  origin_terminal TEXT NOT NULL CHECK (length(origin_terminal) = 8 AND origin_terminal NOT GLOB '*[^a-z0-9]*'),
  origin_record   INTEGER NOT NULL CHECK (origin_record > 0),
  UNIQUE (origin_terminal, origin_record)
) STRICT;
CREATE INDEX delivery_outcomes_by_record ON delivery_outcomes(record_terminal, record_origin);
CREATE TABLE concerns_handled(
  handled_id      INTEGER PRIMARY KEY,
  outcome_terminal TEXT NOT NULL,       -- the delivery outcome whose note was dealt with
  outcome_origin  INTEGER NOT NULL,
  staff           TEXT NOT NULL CHECK (length(staff) > 0),
  at              TEXT NOT NULL CHECK (length(at) > 0),
  origin_terminal TEXT NOT NULL CHECK (length(origin_terminal) = 8 AND origin_terminal NOT GLOB '*[^a-z0-9]*'),
  origin_record   INTEGER NOT NULL CHECK (origin_record > 0),
  UNIQUE (origin_terminal, origin_record)
) STRICT;
CREATE TRIGGER other_meals_kept BEFORE DELETE ON other_meals BEGIN SELECT RAISE(ABORT, 'an other meal is never deleted: void it instead'); END;
CREATE TRIGGER other_meals_fixed BEFORE UPDATE ON other_meals BEGIN SELECT RAISE(ABORT, 'an other meal is never changed'); END;
CREATE TRIGGER other_meal_voids_kept BEFORE DELETE ON other_meal_voids BEGIN SELECT RAISE(ABORT, 'a void is never deleted'); END;
CREATE TRIGGER other_meal_voids_fixed BEFORE UPDATE ON other_meal_voids BEGIN SELECT RAISE(ABORT, 'a void is never changed'); END;
CREATE TRIGGER delivery_outcomes_kept BEFORE DELETE ON delivery_outcomes BEGIN SELECT RAISE(ABORT, 'a delivery outcome is never deleted'); END;
CREATE TRIGGER delivery_outcomes_fixed BEFORE UPDATE ON delivery_outcomes BEGIN SELECT RAISE(ABORT, 'a delivery outcome is never changed'); END;
CREATE TRIGGER concerns_handled_kept BEFORE DELETE ON concerns_handled BEGIN SELECT RAISE(ABORT, 'a handled mark is never deleted'); END;
CREATE TRIGGER concerns_handled_fixed BEFORE UPDATE ON concerns_handled BEGIN SELECT RAISE(ABORT, 'a handled mark is never changed'); END;

DROP TRIGGER checkins_feed;
DROP TRIGGER voids_feed;
DROP TRIGGER donations_feed;
DROP TRIGGER audit_feed;
CREATE TABLE feed_new(
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  kind     TEXT NOT NULL CHECK (kind IN ('checkin', 'void', 'donation', 'audit', 'other_meal', 'other_void', 'delivery',
                                         'handled')),
  local_id INTEGER NOT NULL,
  UNIQUE (kind, local_id)
) STRICT;
INSERT INTO feed_new(seq, kind, local_id) SELECT seq, kind, local_id FROM feed ORDER BY seq;
DROP TABLE feed;
ALTER TABLE feed_new RENAME TO feed;
)SQL" + feedTrigger("checkins", "checkin", "record_id") + feedTrigger("voids", "void", "void_id") +
            feedTrigger("donations", "donation", "donation_id") + feedTrigger("audit", "audit", "id") +
            feedTrigger("other_meals", "other_meal", "meal_id") + feedTrigger("other_meal_voids", "other_void", "void_id") +
            feedTrigger("delivery_outcomes", "delivery", "outcome_id") +
            feedTrigger("concerns_handled", "handled", "handled_id"),
    };
    return k;
}

}  // namespace mh
