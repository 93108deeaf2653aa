-- Alert raisings (issue 12, item 2): a firing row says an alert fired; a raising row says the
-- app raised it (in-app alert and desktop notification), so a firing committed but never raised
-- (a crash between the two, or a write of the mark that failed) is raised at the next sweep.
-- Append-only, one per firing. Not a record table: it is the app's delivery bookkeeping, not a
-- clinical fact; losing a row only raises an alert once more, and it carries no audit entry.
-- Every firing that exists before this migration counts as raised, so an upgrade raises nothing
-- old again.

CREATE TABLE alert_raisings (
    id           INTEGER PRIMARY KEY,
    firing_id    INTEGER NOT NULL UNIQUE REFERENCES alert_firings (id),
    raised_at_ms INTEGER NOT NULL
) STRICT;

INSERT INTO alert_raisings (firing_id, raised_at_ms) SELECT id, fired_at_ms FROM alert_firings;

CREATE TRIGGER alert_raisings_no_update BEFORE UPDATE ON alert_raisings
BEGIN SELECT RAISE(ABORT, 'alert_raisings rows are append-only'); END;
CREATE TRIGGER alert_raisings_no_delete BEFORE DELETE ON alert_raisings
BEGIN SELECT RAISE(ABORT, 'alert_raisings rows are append-only'); END;

-- One row, overwritten while records cannot be saved, to learn when writes work again
-- (Store::probe_write). Not a record: it may be updated.
CREATE TABLE storage_probe (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    written_at_ms INTEGER NOT NULL
) STRICT;
