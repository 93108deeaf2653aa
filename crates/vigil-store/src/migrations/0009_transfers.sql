-- Transfer to emergency care (issue 11): the third way out. session_departures is rebuilt so
-- `how` accepts 'transferred' and a new `transfer` column holds the transfer record (JSON, with
-- the gates as they stood), present exactly when how = 'transferred'. As in 0006 and 0007: ids
-- kept, every column copied in the same order, foreign keys checked at commit; the new column
-- is NULL on old rows, and the audit trail's record hashes skip NULL columns, so every sealed
-- departure still verifies. The append-only triggers and the index are made again.

PRAGMA defer_foreign_keys = ON;
CREATE TABLE session_departures_v9 (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL UNIQUE REFERENCES recovery_sessions (id),
    how            TEXT    NOT NULL CHECK (how IN ('discharged', 'against_advice', 'transferred')),
    left_at_ms     INTEGER NOT NULL,
    recorded_at_ms INTEGER NOT NULL,
    recorded_by    INTEGER NOT NULL REFERENCES nurses (id),
    against_advice TEXT    CHECK (against_advice IS NULL OR json_valid(against_advice)),
    transfer       TEXT    CHECK (transfer IS NULL OR json_valid(transfer)),
    CHECK ((how = 'against_advice') = (against_advice IS NOT NULL)),
    CHECK ((how = 'transferred') = (transfer IS NOT NULL))
) STRICT;
INSERT INTO session_departures_v9
    (id, session_id, how, left_at_ms, recorded_at_ms, recorded_by, against_advice)
    SELECT id, session_id, how, left_at_ms, recorded_at_ms, recorded_by, against_advice
    FROM session_departures;
DROP TABLE session_departures;
ALTER TABLE session_departures_v9 RENAME TO session_departures;
CREATE INDEX session_departures_left ON session_departures (left_at_ms);
CREATE TRIGGER session_departures_no_update BEFORE UPDATE ON session_departures
BEGIN SELECT RAISE(ABORT, 'session_departures rows are append-only'); END;
CREATE TRIGGER session_departures_no_delete BEFORE DELETE ON session_departures
BEGIN SELECT RAISE(ABORT, 'session_departures rows are append-only'); END;
