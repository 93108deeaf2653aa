-- Emergency access (issue 12, item 1). Every audit entry written by a person while an emergency
-- access lasts names that use: the sequence number of its `emergency_access` entry (NULL for
-- every other entry, so older entries keep their hashes). An administrator who signs in with a
-- PIN reviews each use once (`emergency_reviews`, append-only, audited). How long an emergency
-- access lasts is a clinic setting: `setting_changes` gains the key `emergency_minutes`, rebuilt
-- with its rows and ids (DROP TABLE fires no DELETE trigger; the audit entries that name its
-- rows by id still hash the same).
ALTER TABLE audit_events ADD COLUMN emergency_use INTEGER REFERENCES audit_events (seq);
CREATE INDEX audit_events_emergency_use ON audit_events (emergency_use)
    WHERE emergency_use IS NOT NULL;

CREATE TABLE emergency_reviews (
    id             INTEGER PRIMARY KEY,
    use_seq        INTEGER NOT NULL UNIQUE REFERENCES audit_events (seq),
    reviewed_by    INTEGER NOT NULL REFERENCES nurses (id),
    reviewed_at_ms INTEGER NOT NULL
) STRICT;
CREATE TRIGGER emergency_reviews_no_update BEFORE UPDATE ON emergency_reviews
BEGIN SELECT RAISE(ABORT, 'emergency_reviews rows are append-only'); END;
CREATE TRIGGER emergency_reviews_no_delete BEFORE DELETE ON emergency_reviews
BEGIN SELECT RAISE(ABORT, 'emergency_reviews rows are append-only'); END;

CREATE TABLE setting_changes_v13 (
    id            INTEGER PRIMARY KEY,
    key           TEXT    NOT NULL CHECK (key IN ('alert_repeat_minutes', 'idle_lock_seconds',
                      'backup_folder', 'backup_interval_minutes', 'backups_kept',
                      'emergency_minutes')),
    value         TEXT    NOT NULL,
    changed_at_ms INTEGER NOT NULL,
    changed_by    INTEGER REFERENCES nurses (id)
) STRICT;
INSERT INTO setting_changes_v13 (id, key, value, changed_at_ms, changed_by)
    SELECT id, key, value, changed_at_ms, changed_by FROM setting_changes;
DROP TABLE setting_changes;
ALTER TABLE setting_changes_v13 RENAME TO setting_changes;
CREATE TRIGGER setting_changes_no_update BEFORE UPDATE ON setting_changes
BEGIN SELECT RAISE(ABORT, 'setting_changes rows are append-only'); END;
CREATE TRIGGER setting_changes_no_delete BEFORE DELETE ON setting_changes
BEGIN SELECT RAISE(ABORT, 'setting_changes rows are append-only'); END;
