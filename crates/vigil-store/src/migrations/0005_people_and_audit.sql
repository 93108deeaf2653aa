-- People and the audit trail. Accounts are never deleted or edited: a new PIN or a change of
-- status is a new row (the latest is in force). Every accepted action adds one row to
-- audit_events in the same transaction; each row carries the SHA-256 of the previous row's hash
-- and its own canonical form (a chain), and of the records it wrote, so an edit behind the
-- app's back is found by verification at its sequence number. All append-only.
CREATE TABLE nurses (
    id            INTEGER PRIMARY KEY,
    display_name  TEXT    NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
    credentials   TEXT    NOT NULL CHECK (length(credentials) BETWEEN 1 AND 20),
    role          TEXT    NOT NULL CHECK (role IN ('nurse', 'prescriber', 'admin')),
    created_at_ms INTEGER NOT NULL,
    created_by    INTEGER REFERENCES nurses (id),
    UNIQUE (display_name, credentials)
) STRICT;

CREATE TABLE nurse_pins (
    id        INTEGER PRIMARY KEY,
    nurse_id  INTEGER NOT NULL REFERENCES nurses (id),
    pin_hash  TEXT    NOT NULL,
    set_at_ms INTEGER NOT NULL,
    set_by    INTEGER REFERENCES nurses (id)
) STRICT;
CREATE INDEX nurse_pins_nurse ON nurse_pins (nurse_id, id);

CREATE TABLE nurse_status (
    id            INTEGER PRIMARY KEY,
    nurse_id      INTEGER NOT NULL REFERENCES nurses (id),
    active        INTEGER NOT NULL CHECK (active IN (0, 1)),
    changed_at_ms INTEGER NOT NULL,
    changed_by    INTEGER REFERENCES nurses (id)
) STRICT;
CREATE INDEX nurse_status_nurse ON nurse_status (nurse_id, id);

CREATE TABLE audit_events (
    seq         INTEGER PRIMARY KEY,
    at_ms       INTEGER NOT NULL,
    nurse_id    INTEGER REFERENCES nurses (id),
    action      TEXT    NOT NULL,
    records     TEXT    NOT NULL,
    record_hash TEXT,
    detail      TEXT    NOT NULL,
    prev_hash   TEXT    NOT NULL,
    hash        TEXT    NOT NULL
) STRICT;
CREATE INDEX audit_events_nurse_action ON audit_events (nurse_id, action);

ALTER TABLE recovery_sessions ADD COLUMN admitted_by INTEGER REFERENCES nurses (id);
ALTER TABLE alert_acknowledgements ADD COLUMN acknowledged_by INTEGER REFERENCES nurses (id);
ALTER TABLE protocol_versions ADD COLUMN created_by INTEGER REFERENCES nurses (id);

-- Settings gain keys (idle lock, backups) and an author: the CHECK on `key` cannot be altered in
-- place, so the table is rebuilt with its rows (DROP TABLE fires no DELETE trigger).
CREATE TABLE setting_changes_v5 (
    id            INTEGER PRIMARY KEY,
    key           TEXT    NOT NULL CHECK (key IN ('alert_repeat_minutes', 'idle_lock_seconds',
                      'backup_folder', 'backup_interval_minutes', 'backups_kept')),
    value         TEXT    NOT NULL,
    changed_at_ms INTEGER NOT NULL,
    changed_by    INTEGER REFERENCES nurses (id)
) STRICT;
INSERT INTO setting_changes_v5 (id, key, value, changed_at_ms)
    SELECT id, key, value, changed_at_ms FROM setting_changes;
DROP TABLE setting_changes;
ALTER TABLE setting_changes_v5 RENAME TO setting_changes;
CREATE TRIGGER setting_changes_no_update BEFORE UPDATE ON setting_changes
BEGIN SELECT RAISE(ABORT, 'setting_changes rows are append-only'); END;
CREATE TRIGGER setting_changes_no_delete BEFORE DELETE ON setting_changes
BEGIN SELECT RAISE(ABORT, 'setting_changes rows are append-only'); END;

CREATE TRIGGER nurses_no_update BEFORE UPDATE ON nurses
BEGIN SELECT RAISE(ABORT, 'nurses rows are append-only'); END;
CREATE TRIGGER nurses_no_delete BEFORE DELETE ON nurses
BEGIN SELECT RAISE(ABORT, 'nurses rows are append-only'); END;
CREATE TRIGGER nurse_pins_no_update BEFORE UPDATE ON nurse_pins
BEGIN SELECT RAISE(ABORT, 'nurse_pins rows are append-only'); END;
CREATE TRIGGER nurse_pins_no_delete BEFORE DELETE ON nurse_pins
BEGIN SELECT RAISE(ABORT, 'nurse_pins rows are append-only'); END;
CREATE TRIGGER nurse_status_no_update BEFORE UPDATE ON nurse_status
BEGIN SELECT RAISE(ABORT, 'nurse_status rows are append-only'); END;
CREATE TRIGGER nurse_status_no_delete BEFORE DELETE ON nurse_status
BEGIN SELECT RAISE(ABORT, 'nurse_status rows are append-only'); END;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events rows are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events rows are append-only'); END;
