-- Discharge (issue 6): the escort (each save is a new version, the latest in force), the
-- "cleared for discharge" event with a snapshot of every gate, the departure (with the escort,
-- or against advice with its form), the clinic's discharge policy (versions), the Spravato REMS
-- form's details and its submission, and drafts of the discharge forms. Alert firings gain the "escort not arrived" kind. All
-- append-only. One clearance and one departure per session, enforced here as well as in the app.

CREATE TABLE discharge_policy_versions (
    id            INTEGER PRIMARY KEY,
    data          TEXT    NOT NULL CHECK (json_valid(data)),
    changed_at_ms INTEGER NOT NULL,
    changed_by    INTEGER NOT NULL REFERENCES nurses (id)
) STRICT;

CREATE TABLE escort_versions (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES recovery_sessions (id),
    data           TEXT    NOT NULL CHECK (json_valid(data)),
    recorded_at_ms INTEGER NOT NULL,
    recorded_by    INTEGER NOT NULL REFERENCES nurses (id)
) STRICT;
CREATE INDEX escort_versions_session ON escort_versions (session_id, id);

CREATE TABLE discharge_clearances (
    id            INTEGER PRIMARY KEY,
    session_id    INTEGER NOT NULL UNIQUE REFERENCES recovery_sessions (id),
    cleared_at_ms INTEGER NOT NULL,
    cleared_by    INTEGER NOT NULL REFERENCES nurses (id),
    snapshot      TEXT    NOT NULL CHECK (json_valid(snapshot))
) STRICT;

CREATE TABLE session_departures (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL UNIQUE REFERENCES recovery_sessions (id),
    how            TEXT    NOT NULL CHECK (how IN ('discharged', 'against_advice')),
    left_at_ms     INTEGER NOT NULL,
    recorded_at_ms INTEGER NOT NULL,
    recorded_by    INTEGER NOT NULL REFERENCES nurses (id),
    against_advice TEXT    CHECK (against_advice IS NULL OR json_valid(against_advice)),
    CHECK ((how = 'against_advice') = (against_advice IS NOT NULL))
) STRICT;
CREATE INDEX session_departures_left ON session_departures (left_at_ms);

CREATE TABLE rems_details (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES recovery_sessions (id),
    data           TEXT    NOT NULL CHECK (json_valid(data)),
    recorded_at_ms INTEGER NOT NULL,
    recorded_by    INTEGER NOT NULL REFERENCES nurses (id)
) STRICT;
CREATE INDEX rems_details_session ON rems_details (session_id, id);

CREATE TABLE rems_submissions (
    id              INTEGER PRIMARY KEY,
    session_id      INTEGER NOT NULL UNIQUE REFERENCES recovery_sessions (id),
    reference       TEXT    NOT NULL,
    submitted_at_ms INTEGER NOT NULL,
    submitted_by    INTEGER NOT NULL REFERENCES nurses (id)
) STRICT;

-- The discharge forms keep drafts too (form_drafts is not a clinical table: rebuilt with its
-- rows).
CREATE TABLE form_drafts_v7 (
    form        TEXT    PRIMARY KEY CHECK (form IN ('admit', 'check', 'escort', 'discharge',
                    'against_advice', 'rems_details')),
    content     TEXT    NOT NULL CHECK (length(content) <= 65536),
    saved_at_ms INTEGER NOT NULL
) STRICT;
INSERT INTO form_drafts_v7 (form, content, saved_at_ms)
    SELECT form, content, saved_at_ms FROM form_drafts;
DROP TABLE form_drafts;
ALTER TABLE form_drafts_v7 RENAME TO form_drafts;

-- alert_firings is rebuilt for the escort kind, as in 0006 (ids kept, foreign keys checked at
-- commit, every column copied so the audit trail's record hashes still match).
PRAGMA defer_foreign_keys = ON;
CREATE TABLE alert_firings_v7 (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES recovery_sessions (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('minimum_reached', 'check_overdue', 'clinical',
                    'escort_late')),
    due_at_ms   INTEGER NOT NULL,
    fired_at_ms INTEGER NOT NULL,
    key         TEXT,
    check_id    INTEGER REFERENCES checks (id),
    severity    TEXT CHECK (severity IS NULL OR severity IN ('warning', 'critical')),
    message     TEXT
) STRICT;
INSERT INTO alert_firings_v7
    (id, session_id, kind, due_at_ms, fired_at_ms, key, check_id, severity, message)
    SELECT id, session_id, kind, due_at_ms, fired_at_ms, key, check_id, severity, message
    FROM alert_firings;
DROP TABLE alert_firings;
ALTER TABLE alert_firings_v7 RENAME TO alert_firings;
CREATE UNIQUE INDEX alert_firings_once ON alert_firings (session_id, kind, coalesce(key, ''));
CREATE INDEX alert_firings_check ON alert_firings (check_id) WHERE check_id IS NOT NULL;
CREATE TRIGGER alert_firings_no_update BEFORE UPDATE ON alert_firings
BEGIN SELECT RAISE(ABORT, 'alert_firings rows are append-only'); END;
CREATE TRIGGER alert_firings_no_delete BEFORE DELETE ON alert_firings
BEGIN SELECT RAISE(ABORT, 'alert_firings rows are append-only'); END;

CREATE TRIGGER discharge_policy_versions_no_update BEFORE UPDATE ON discharge_policy_versions
BEGIN SELECT RAISE(ABORT, 'discharge_policy_versions rows are append-only'); END;
CREATE TRIGGER discharge_policy_versions_no_delete BEFORE DELETE ON discharge_policy_versions
BEGIN SELECT RAISE(ABORT, 'discharge_policy_versions rows are append-only'); END;
CREATE TRIGGER escort_versions_no_update BEFORE UPDATE ON escort_versions
BEGIN SELECT RAISE(ABORT, 'escort_versions rows are append-only'); END;
CREATE TRIGGER escort_versions_no_delete BEFORE DELETE ON escort_versions
BEGIN SELECT RAISE(ABORT, 'escort_versions rows are append-only'); END;
CREATE TRIGGER discharge_clearances_no_update BEFORE UPDATE ON discharge_clearances
BEGIN SELECT RAISE(ABORT, 'discharge_clearances rows are append-only'); END;
CREATE TRIGGER discharge_clearances_no_delete BEFORE DELETE ON discharge_clearances
BEGIN SELECT RAISE(ABORT, 'discharge_clearances rows are append-only'); END;
CREATE TRIGGER session_departures_no_update BEFORE UPDATE ON session_departures
BEGIN SELECT RAISE(ABORT, 'session_departures rows are append-only'); END;
CREATE TRIGGER session_departures_no_delete BEFORE DELETE ON session_departures
BEGIN SELECT RAISE(ABORT, 'session_departures rows are append-only'); END;
CREATE TRIGGER rems_details_no_update BEFORE UPDATE ON rems_details
BEGIN SELECT RAISE(ABORT, 'rems_details rows are append-only'); END;
CREATE TRIGGER rems_details_no_delete BEFORE DELETE ON rems_details
BEGIN SELECT RAISE(ABORT, 'rems_details rows are append-only'); END;
CREATE TRIGGER rems_submissions_no_update BEFORE UPDATE ON rems_submissions
BEGIN SELECT RAISE(ABORT, 'rems_submissions rows are append-only'); END;
CREATE TRIGGER rems_submissions_no_delete BEFORE DELETE ON rems_submissions
BEGIN SELECT RAISE(ABORT, 'rems_submissions rows are append-only'); END;
