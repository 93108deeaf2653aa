-- Alerts: a deadline firing is recorded once, in the same transaction that marks it fired
-- (the row is the mark: UNIQUE (session_id, kind)), so each alert happens exactly once across
-- crashes and restarts. Outcomes of desktop notifications, acknowledgements and wall-clock
-- jumps are recorded beside it. All append-only. Instants are UTC milliseconds.
CREATE TABLE alert_firings (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES recovery_sessions (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('minimum_reached')),
    due_at_ms   INTEGER NOT NULL,
    fired_at_ms INTEGER NOT NULL,
    UNIQUE (session_id, kind)
) STRICT;

CREATE TABLE alert_acknowledgements (
    id                 INTEGER PRIMARY KEY,
    firing_id          INTEGER NOT NULL UNIQUE REFERENCES alert_firings (id),
    acknowledged_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE notification_outcomes (
    id             INTEGER PRIMARY KEY,
    firing_id      INTEGER REFERENCES alert_firings (id),
    outcome        TEXT    NOT NULL CHECK (outcome IN ('delivered', 'failed')),
    detail         TEXT    NOT NULL,
    recorded_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE clock_jumps (
    id             INTEGER PRIMARY KEY,
    detected_at_ms INTEGER NOT NULL,
    jump_ms        INTEGER NOT NULL
) STRICT;

CREATE TRIGGER alert_firings_no_update BEFORE UPDATE ON alert_firings
BEGIN SELECT RAISE(ABORT, 'alert_firings rows are append-only'); END;
CREATE TRIGGER alert_firings_no_delete BEFORE DELETE ON alert_firings
BEGIN SELECT RAISE(ABORT, 'alert_firings rows are append-only'); END;
CREATE TRIGGER alert_acknowledgements_no_update BEFORE UPDATE ON alert_acknowledgements
BEGIN SELECT RAISE(ABORT, 'alert_acknowledgements rows are append-only'); END;
CREATE TRIGGER alert_acknowledgements_no_delete BEFORE DELETE ON alert_acknowledgements
BEGIN SELECT RAISE(ABORT, 'alert_acknowledgements rows are append-only'); END;
CREATE TRIGGER notification_outcomes_no_update BEFORE UPDATE ON notification_outcomes
BEGIN SELECT RAISE(ABORT, 'notification_outcomes rows are append-only'); END;
CREATE TRIGGER notification_outcomes_no_delete BEFORE DELETE ON notification_outcomes
BEGIN SELECT RAISE(ABORT, 'notification_outcomes rows are append-only'); END;
CREATE TRIGGER clock_jumps_no_update BEFORE UPDATE ON clock_jumps
BEGIN SELECT RAISE(ABORT, 'clock_jumps rows are append-only'); END;
CREATE TRIGGER clock_jumps_no_delete BEFORE DELETE ON clock_jumps
BEGIN SELECT RAISE(ABORT, 'clock_jumps rows are append-only'); END;
