-- History search (issue 16): a full-text index of the sessions' names and chart numbers.
-- Contentless (content=''): it holds no record, only tokens pointing at recovery_sessions by
-- rowid = session id, so it needs no audit registration; sessions are append-only, so an
-- AFTER INSERT trigger keeps it whole. unicode61 with remove_diacritics 2 ignores case and
-- decomposable accents; the nested replace() folds the letters that do not decompose, exactly
-- as vigil_core::history::FOLDS lists them (a store test checks every one). Prefix indexes of
-- 1 to 3 characters make a prefix search of a short word cheap.
CREATE VIRTUAL TABLE session_search USING fts5(
    name,
    chart,
    content = '',
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '1 2 3'
);

CREATE TRIGGER session_search_index AFTER INSERT ON recovery_sessions
BEGIN
    INSERT INTO session_search (rowid, name, chart) VALUES (
        new.id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.patient_name, 'Ł', 'L'), 'ł', 'l'), 'Ø', 'O'), 'ø', 'o'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Ħ', 'H'), 'ħ', 'h'), 'Ŧ', 'T'), 'ŧ', 't'), 'ı', 'i'), 'ß', 'ss'), 'ẞ', 'SS'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th'),
        new.chart_number
    );
END;

INSERT INTO session_search (rowid, name, chart)
    SELECT id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(patient_name, 'Ł', 'L'), 'ł', 'l'), 'Ø', 'O'), 'ø', 'o'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Ħ', 'H'), 'ħ', 'h'), 'Ŧ', 'T'), 'ŧ', 't'), 'ı', 'i'), 'ß', 'ss'), 'ẞ', 'SS'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th'),
        chart_number
    FROM recovery_sessions;

-- The search's first step sorts the matches by clock start reading only this index (small,
-- dense pages), never the sessions' rows; it then reads the rows of the 201 newest only.
CREATE INDEX recovery_sessions_search_order
    ON recovery_sessions (id, clock_started_at_ms, protocol);
