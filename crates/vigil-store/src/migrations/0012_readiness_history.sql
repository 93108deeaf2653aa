-- Readiness history (issue 11, feature 10): each time the board's discharge readiness of an
-- observed session changes (ready, ready but for the escort, not ready, or other failing gates),
-- the scheduler appends a row with the failing gates (keys and details, never names) at the
-- sweep's time. Append-only; each row has its audit entry (by the app).

CREATE TABLE readiness_changes (
    id            INTEGER PRIMARY KEY,
    session_id    INTEGER NOT NULL REFERENCES recovery_sessions (id),
    readiness     TEXT    NOT NULL
                      CHECK (readiness IN ('ready', 'ready_awaiting_escort', 'not_ready')),
    failing_gates TEXT    NOT NULL
                      CHECK (json_valid(failing_gates) AND json_type(failing_gates) = 'array'),
    changed_at_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX readiness_changes_session ON readiness_changes (session_id, id);

CREATE TRIGGER readiness_changes_no_update BEFORE UPDATE ON readiness_changes
BEGIN SELECT RAISE(ABORT, 'readiness_changes rows are append-only'); END;
CREATE TRIGGER readiness_changes_no_delete BEFORE DELETE ON readiness_changes
BEGIN SELECT RAISE(ABORT, 'readiness_changes rows are append-only'); END;
