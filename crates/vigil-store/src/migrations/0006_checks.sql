-- Checks (issue 4): each bedside check is one row; its values are the validated check as JSON
-- (`data`, vigil-core's `Check`), with the facts queries need as columns. A correction is a new
-- row pointing at the original (`corrects_id`, at most one correction per row) with a reason.
-- Alert firings gain the overdue-check and clinical kinds, a key (the planned check, or the check
-- and alert kind) and a message; an alert can be resolved without acknowledgement when the check
-- it asked for is entered, or when the check that raised it is corrected. All append-only.
-- How every record names its nurse ("Ana Ruiz, RN"), as vigil-core's `Nurse::label` does.
CREATE VIEW nurse_labels AS SELECT id, display_name || ', ' || credentials AS label FROM nurses;

CREATE TABLE checks (
    id                INTEGER PRIMARY KEY,
    session_id        INTEGER NOT NULL REFERENCES recovery_sessions (id),
    purpose           TEXT    NOT NULL CHECK (purpose IN ('baseline', 'observation')),
    observed_at_ms    INTEGER NOT NULL,
    recorded_at_ms    INTEGER NOT NULL,
    recorded_by       INTEGER NOT NULL REFERENCES nurses (id),
    corrects_id       INTEGER UNIQUE REFERENCES checks (id),
    correction_reason TEXT,
    data              TEXT    NOT NULL CHECK (json_valid(data)),
    CHECK ((corrects_id IS NULL) = (correction_reason IS NULL))
) STRICT;
CREATE INDEX checks_session ON checks (session_id, observed_at_ms);

CREATE TABLE threshold_versions (
    id            INTEGER PRIMARY KEY,
    data          TEXT    NOT NULL CHECK (json_valid(data)),
    changed_at_ms INTEGER NOT NULL,
    changed_by    INTEGER NOT NULL REFERENCES nurses (id)
) STRICT;

-- alert_firings is rebuilt for its new kinds. The new columns are NULL on old rows, so the
-- audit trail's record hashes (which skip NULL columns) still match them. Acknowledgements and
-- notification outcomes point at firing ids, which are kept; their foreign keys are checked at
-- commit.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE alert_firings_v6 (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES recovery_sessions (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('minimum_reached', 'check_overdue', 'clinical')),
    due_at_ms   INTEGER NOT NULL,
    fired_at_ms INTEGER NOT NULL,
    key         TEXT,
    check_id    INTEGER REFERENCES checks (id),
    severity    TEXT CHECK (severity IS NULL OR severity IN ('warning', 'critical')),
    message     TEXT
) STRICT;
INSERT INTO alert_firings_v6 (id, session_id, kind, due_at_ms, fired_at_ms)
    SELECT id, session_id, kind, due_at_ms, fired_at_ms FROM alert_firings;
DROP TABLE alert_firings;
ALTER TABLE alert_firings_v6 RENAME TO alert_firings;
CREATE UNIQUE INDEX alert_firings_once ON alert_firings (session_id, kind, coalesce(key, ''));
CREATE INDEX alert_firings_check ON alert_firings (check_id) WHERE check_id IS NOT NULL;
CREATE TRIGGER alert_firings_no_update BEFORE UPDATE ON alert_firings
BEGIN SELECT RAISE(ABORT, 'alert_firings rows are append-only'); END;
CREATE TRIGGER alert_firings_no_delete BEFORE DELETE ON alert_firings
BEGIN SELECT RAISE(ABORT, 'alert_firings rows are append-only'); END;

CREATE TABLE alert_resolutions (
    id             INTEGER PRIMARY KEY,
    firing_id      INTEGER NOT NULL UNIQUE REFERENCES alert_firings (id),
    how            TEXT    NOT NULL CHECK (how IN ('check_entered', 'correction')),
    check_id       INTEGER NOT NULL REFERENCES checks (id),
    resolved_at_ms INTEGER NOT NULL,
    resolved_by    INTEGER NOT NULL REFERENCES nurses (id)
) STRICT;

-- The check form keeps a draft too (form_drafts is not a clinical table: rebuilt with its rows).
CREATE TABLE form_drafts_v6 (
    form        TEXT    PRIMARY KEY CHECK (form IN ('admit', 'check')),
    content     TEXT    NOT NULL CHECK (length(content) <= 65536),
    saved_at_ms INTEGER NOT NULL
) STRICT;
INSERT INTO form_drafts_v6 (form, content, saved_at_ms)
    SELECT form, content, saved_at_ms FROM form_drafts;
DROP TABLE form_drafts;
ALTER TABLE form_drafts_v6 RENAME TO form_drafts;

CREATE TABLE check_plan_versions (
    id            INTEGER PRIMARY KEY,
    data          TEXT    NOT NULL CHECK (json_valid(data)),
    changed_at_ms INTEGER NOT NULL,
    changed_by    INTEGER NOT NULL REFERENCES nurses (id)
) STRICT;
CREATE TRIGGER check_plan_versions_no_update BEFORE UPDATE ON check_plan_versions
BEGIN SELECT RAISE(ABORT, 'check_plan_versions rows are append-only'); END;
CREATE TRIGGER check_plan_versions_no_delete BEFORE DELETE ON check_plan_versions
BEGIN SELECT RAISE(ABORT, 'check_plan_versions rows are append-only'); END;

CREATE TABLE padss_confirmations (
    id              INTEGER PRIMARY KEY,
    session_id      INTEGER NOT NULL REFERENCES recovery_sessions (id),
    total           INTEGER NOT NULL CHECK (total BETWEEN 0 AND 10),
    data            TEXT    NOT NULL CHECK (json_valid(data)),
    confirmed_at_ms INTEGER NOT NULL,
    confirmed_by    INTEGER NOT NULL REFERENCES nurses (id)
) STRICT;
CREATE INDEX padss_confirmations_session ON padss_confirmations (session_id, id);
CREATE TRIGGER padss_confirmations_no_update BEFORE UPDATE ON padss_confirmations
BEGIN SELECT RAISE(ABORT, 'padss_confirmations rows are append-only'); END;
CREATE TRIGGER padss_confirmations_no_delete BEFORE DELETE ON padss_confirmations
BEGIN SELECT RAISE(ABORT, 'padss_confirmations rows are append-only'); END;

CREATE TRIGGER checks_no_update BEFORE UPDATE ON checks
BEGIN SELECT RAISE(ABORT, 'checks rows are append-only'); END;
CREATE TRIGGER checks_no_delete BEFORE DELETE ON checks
BEGIN SELECT RAISE(ABORT, 'checks rows are append-only'); END;
CREATE TRIGGER threshold_versions_no_update BEFORE UPDATE ON threshold_versions
BEGIN SELECT RAISE(ABORT, 'threshold_versions rows are append-only'); END;
CREATE TRIGGER threshold_versions_no_delete BEFORE DELETE ON threshold_versions
BEGIN SELECT RAISE(ABORT, 'threshold_versions rows are append-only'); END;
CREATE TRIGGER alert_resolutions_no_update BEFORE UPDATE ON alert_resolutions
BEGIN SELECT RAISE(ABORT, 'alert_resolutions rows are append-only'); END;
CREATE TRIGGER alert_resolutions_no_delete BEFORE DELETE ON alert_resolutions
BEGIN SELECT RAISE(ABORT, 'alert_resolutions rows are append-only'); END;
