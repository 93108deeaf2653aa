-- The prescriber's decision on a pre-dose blood pressure above the clinic's limit (issue 11;
-- clinical.md section 4, SPRAVATO label 5.6): proceed or do not dose, who decided and when,
-- with the reading and the limit as they stood. One decision per baseline check (a mistaken
-- one is corrected by correcting the check, which asks for a new decision). Append-only.

CREATE TABLE predose_decisions (
    id                  INTEGER PRIMARY KEY,
    session_id          INTEGER NOT NULL REFERENCES recovery_sessions (id),
    check_id            INTEGER NOT NULL UNIQUE REFERENCES checks (id),
    decision            TEXT    NOT NULL CHECK (decision IN ('proceed', 'do_not_dose')),
    prescriber          TEXT    NOT NULL CHECK (length(prescriber) > 0),
    decided_at_ms       INTEGER NOT NULL,
    note                TEXT    NOT NULL,
    systolic            INTEGER NOT NULL,
    diastolic           INTEGER NOT NULL,
    threshold_systolic  INTEGER NOT NULL,
    threshold_diastolic INTEGER NOT NULL,
    recorded_at_ms      INTEGER NOT NULL,
    recorded_by         INTEGER NOT NULL REFERENCES nurses (id)
) STRICT;
CREATE INDEX predose_decisions_session ON predose_decisions (session_id, id);

CREATE TRIGGER predose_decisions_no_update BEFORE UPDATE ON predose_decisions
BEGIN SELECT RAISE(ABORT, 'predose_decisions rows are append-only'); END;
CREATE TRIGGER predose_decisions_no_delete BEFORE DELETE ON predose_decisions
BEGIN SELECT RAISE(ABORT, 'predose_decisions rows are append-only'); END;
