//! Every row of every table as text, in order: what tests compare to show that a refused write
//! changed nothing (the store's own tests and the shell's). Reads only.

use rusqlite::Connection;

use crate::StoreError;

/// Each row as `table|value|value...` on its own line, tables by name, rows by rowid.
/// Virtual tables and their shadow tables (the history search's FTS index) are left out:
/// they hold no record, only what is derived from the records, which are dumped.
pub fn every_row(conn: &Connection) -> Result<String, StoreError> {
    let tables: Vec<String> = {
        let mut s = conn.prepare(
            "SELECT name FROM sqlite_master WHERE type='table' \
             AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' \
             AND name NOT IN (SELECT name FROM pragma_table_list WHERE type = 'shadow') \
             ORDER BY name",
        )?;
        let rows = s.query_map([], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut out = String::new();
    for t in tables {
        let mut s = conn.prepare(&format!("SELECT * FROM \"{t}\" ORDER BY rowid"))?;
        let n = s.column_count();
        let mut rows = s.query([])?;
        while let Some(r) = rows.next()? {
            out.push_str(&t);
            for i in 0..n {
                out.push_str(&format!("|{:?}", r.get_ref(i)?));
            }
            out.push('\n');
        }
    }
    Ok(out)
}
