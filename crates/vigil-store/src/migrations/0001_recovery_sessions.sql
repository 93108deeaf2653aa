-- Recovery sessions: one row per admission to the recovery board.
-- Instants are UTC milliseconds since the Unix epoch.
CREATE TABLE recovery_sessions (
    id                  INTEGER PRIMARY KEY,
    patient_name        TEXT    NOT NULL CHECK (length(trim(patient_name)) BETWEEN 1 AND 100),
    bay                 TEXT    NOT NULL CHECK (length(trim(bay)) BETWEEN 1 AND 20),
    protocol            TEXT    NOT NULL CHECK (protocol IN ('iv_ketamine', 'spravato', 'im_ketamine')),
    minimum_minutes     INTEGER NOT NULL CHECK (minimum_minutes BETWEEN 15 AND 480),
    clock_started_at_ms INTEGER NOT NULL,
    recorded_at_ms      INTEGER NOT NULL,
    CHECK (protocol <> 'spravato' OR minimum_minutes >= 120),
    CHECK (clock_started_at_ms <= recorded_at_ms)
) STRICT;

CREATE INDEX recovery_sessions_clock_started ON recovery_sessions (clock_started_at_ms);

-- Clinical rows are never edited or deleted: a correction is a new record.
CREATE TRIGGER recovery_sessions_no_update BEFORE UPDATE ON recovery_sessions
BEGIN
    SELECT RAISE(ABORT, 'recovery_sessions rows are append-only');
END;

CREATE TRIGGER recovery_sessions_no_delete BEFORE DELETE ON recovery_sessions
BEGIN
    SELECT RAISE(ABORT, 'recovery_sessions rows are append-only');
END;
