-- Protocol versions (an edit adds a version; sessions point at the one they started with),
-- clinic settings as an append-only history, and the admission details of issue 3.
-- Version 1 of each protocol is seeded from vigil-core's defaults when the store opens.
CREATE TABLE protocol_versions (
    id              INTEGER PRIMARY KEY,
    protocol        TEXT    NOT NULL CHECK (protocol IN ('iv_ketamine', 'spravato', 'im_ketamine')),
    version         INTEGER NOT NULL CHECK (version >= 1),
    minimum_minutes INTEGER NOT NULL CHECK (minimum_minutes BETWEEN 15 AND 480),
    created_at_ms   INTEGER NOT NULL,
    UNIQUE (protocol, version),
    CHECK (protocol <> 'spravato' OR minimum_minutes >= 120)
) STRICT;

CREATE TABLE setting_changes (
    id            INTEGER PRIMARY KEY,
    key           TEXT    NOT NULL CHECK (key IN ('alert_repeat_minutes')),
    value         TEXT    NOT NULL,
    changed_at_ms INTEGER NOT NULL
) STRICT;

-- Sessions admitted before this migration have NULL here.
ALTER TABLE recovery_sessions ADD COLUMN protocol_version_id INTEGER REFERENCES protocol_versions (id);
ALTER TABLE recovery_sessions ADD COLUMN chart_number TEXT;
ALTER TABLE recovery_sessions ADD COLUMN date_of_birth TEXT;
ALTER TABLE recovery_sessions ADD COLUMN dose_mg REAL CHECK (dose_mg IS NULL OR (dose_mg > 0 AND dose_mg <= 1000));
ALTER TABLE recovery_sessions ADD COLUMN weight_kg REAL CHECK (weight_kg IS NULL OR weight_kg BETWEEN 20 AND 350);
ALTER TABLE recovery_sessions ADD COLUMN note TEXT;

CREATE TABLE spravato_devices (
    session_id     INTEGER NOT NULL REFERENCES recovery_sessions (id),
    device_number  INTEGER NOT NULL CHECK (device_number BETWEEN 1 AND 3),
    used_at_ms     INTEGER NOT NULL,
    PRIMARY KEY (session_id, device_number)
) STRICT;

CREATE TRIGGER protocol_versions_no_update BEFORE UPDATE ON protocol_versions
BEGIN SELECT RAISE(ABORT, 'protocol_versions rows are append-only'); END;
CREATE TRIGGER protocol_versions_no_delete BEFORE DELETE ON protocol_versions
BEGIN SELECT RAISE(ABORT, 'protocol_versions rows are append-only'); END;
CREATE TRIGGER setting_changes_no_update BEFORE UPDATE ON setting_changes
BEGIN SELECT RAISE(ABORT, 'setting_changes rows are append-only'); END;
CREATE TRIGGER setting_changes_no_delete BEFORE DELETE ON setting_changes
BEGIN SELECT RAISE(ABORT, 'setting_changes rows are append-only'); END;
CREATE TRIGGER spravato_devices_no_update BEFORE UPDATE ON spravato_devices
BEGIN SELECT RAISE(ABORT, 'spravato_devices rows are append-only'); END;
CREATE TRIGGER spravato_devices_no_delete BEFORE DELETE ON spravato_devices
BEGIN SELECT RAISE(ABORT, 'spravato_devices rows are append-only'); END;
