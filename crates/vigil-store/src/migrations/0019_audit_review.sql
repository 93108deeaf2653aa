-- The audit trail review (issue 16): filters by day and by action read an index rather than
-- the whole trail (a secondary index ends with the rowid, here `seq`, so "newest first" needs
-- no sort), and "every entry about this patient" reads `audit_refs`: one row per record an
-- entry names, filled by a trigger in the entry's own transaction and, here, for the entries
-- already written. Derived from `audit_events.records` (not a record: no audit entry of its
-- own, not hashed), append-only like the trail it indexes.
CREATE INDEX audit_events_at ON audit_events (at_ms);
CREATE INDEX audit_events_action ON audit_events (action);
-- One nurse's entries newest first: (nurse_id, action) is ordered by action within a nurse, so
-- "this nurse" alone sorted every entry of theirs (1.3 s on the 5-year bench).
CREATE INDEX audit_events_nurse ON audit_events (nurse_id);

CREATE TABLE audit_refs (
    id      INTEGER PRIMARY KEY,
    seq     INTEGER NOT NULL,
    tbl     TEXT    NOT NULL,
    row_id  INTEGER NOT NULL
) STRICT;

INSERT INTO audit_refs (seq, tbl, row_id)
    SELECT a.seq, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]')
    FROM audit_events a, json_each(a.records) j
    ORDER BY a.seq, j.key;
CREATE INDEX audit_refs_record ON audit_refs (tbl, row_id);

CREATE TRIGGER audit_events_refs AFTER INSERT ON audit_events
BEGIN
    INSERT INTO audit_refs (seq, tbl, row_id)
        SELECT NEW.seq, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]')
        FROM json_each(NEW.records) j ORDER BY j.key;
END;
CREATE TRIGGER audit_refs_no_update BEFORE UPDATE ON audit_refs
BEGIN SELECT RAISE(ABORT, 'audit_refs rows are append-only'); END;
CREATE TRIGGER audit_refs_no_delete BEFORE DELETE ON audit_refs
BEGIN SELECT RAISE(ABORT, 'audit_refs rows are append-only'); END;
