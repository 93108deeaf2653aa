-- REMS submissions (issue 11): how the form was sent (online portal, fax, phone) is kept with
-- the reference. Rows from before stay NULL ("not recorded"); the audit trail's record hashes
-- skip NULL columns, so those rows still verify. rems_submissions keeps its append-only
-- triggers (ADD COLUMN does not touch them).

ALTER TABLE rems_submissions
    ADD COLUMN channel TEXT CHECK (channel IS NULL OR channel IN ('portal', 'fax', 'phone'));
