-- Housekeeping: how many days saved papers and drafts are kept is a clinic setting;
-- `setting_changes` gains the key `papers_kept_days`, rebuilt with its rows and ids as in 0013
-- (DROP TABLE fires no DELETE trigger; the audit entries that name its rows still hash the same).
CREATE TABLE setting_changes_v15 (
    id            INTEGER PRIMARY KEY,
    key           TEXT    NOT NULL CHECK (key IN ('alert_repeat_minutes', 'idle_lock_seconds',
                      'backup_folder', 'backup_interval_minutes', 'backups_kept',
                      'emergency_minutes', 'papers_kept_days')),
    value         TEXT    NOT NULL,
    changed_at_ms INTEGER NOT NULL,
    changed_by    INTEGER REFERENCES nurses (id)
) STRICT;
INSERT INTO setting_changes_v15 (id, key, value, changed_at_ms, changed_by)
    SELECT id, key, value, changed_at_ms, changed_by FROM setting_changes;
DROP TABLE setting_changes;
ALTER TABLE setting_changes_v15 RENAME TO setting_changes;
CREATE TRIGGER setting_changes_no_update BEFORE UPDATE ON setting_changes
BEGIN SELECT RAISE(ABORT, 'setting_changes rows are append-only'); END;
CREATE TRIGGER setting_changes_no_delete BEFORE DELETE ON setting_changes
BEGIN SELECT RAISE(ABORT, 'setting_changes rows are append-only'); END;
