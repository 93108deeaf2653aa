-- What a nurse has typed into a form but not yet saved, so that nothing typed is lost when the
-- app is closed or killed. One row per form, overwritten as the nurse types and removed in the
-- same transaction that saves the record. Not a clinical record: it may be updated and deleted.
CREATE TABLE form_drafts (
    form        TEXT    PRIMARY KEY CHECK (form IN ('admit')),
    content     TEXT    NOT NULL CHECK (length(content) <= 65536),
    saved_at_ms INTEGER NOT NULL
) STRICT;
