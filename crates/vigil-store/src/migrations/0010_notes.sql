-- Nurse notes (issue 11): free text about a patient in recovery, at a clinical time (which
-- may be typed late, with the reason), with who wrote it and when. Append-only: a wrong note
-- is followed by another, never edited.

CREATE TABLE notes (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES recovery_sessions (id),
    observed_at_ms INTEGER NOT NULL,
    recorded_at_ms INTEGER NOT NULL,
    recorded_by    INTEGER NOT NULL REFERENCES nurses (id),
    late_reason    TEXT,
    text           TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 2000)
) STRICT;
CREATE INDEX notes_session ON notes (session_id, observed_at_ms);

CREATE TRIGGER notes_no_update BEFORE UPDATE ON notes
BEGIN SELECT RAISE(ABORT, 'notes rows are append-only'); END;
CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes
BEGIN SELECT RAISE(ABORT, 'notes rows are append-only'); END;
