-- Whether Vigil starts with the workstation's desktop session (issue 17): a clinic setting an
-- administrator changes, stored as the key 'autostart' ('on' or 'off'; on when never set).
-- `setting_changes` gains the key, rebuilt with its rows and ids as in 0018 (DROP TABLE fires
-- no DELETE trigger; the audit entries that name its rows still hash the same).
CREATE TABLE setting_changes_v20 (
    id            INTEGER PRIMARY KEY,
    key           TEXT    NOT NULL CHECK (key IN ('alert_repeat_minutes', 'idle_lock_seconds',
                      'backup_folder', 'backup_interval_minutes', 'backups_kept',
                      'emergency_minutes', 'papers_kept_days',
                      'display_theme', 'display_dim_from', 'display_dim_until',
                      'sound_volume', 'sound_escalate_after_minutes', 'shifts', 'autostart')),
    value         TEXT    NOT NULL,
    changed_at_ms INTEGER NOT NULL,
    changed_by    INTEGER REFERENCES nurses (id)
) STRICT;
INSERT INTO setting_changes_v20 (id, key, value, changed_at_ms, changed_by)
    SELECT id, key, value, changed_at_ms, changed_by FROM setting_changes;
DROP TABLE setting_changes;
ALTER TABLE setting_changes_v20 RENAME TO setting_changes;
CREATE TRIGGER setting_changes_no_update BEFORE UPDATE ON setting_changes
BEGIN SELECT RAISE(ABORT, 'setting_changes rows are append-only'); END;
CREATE TRIGGER setting_changes_no_delete BEFORE DELETE ON setting_changes
BEGIN SELECT RAISE(ABORT, 'setting_changes rows are append-only'); END;
