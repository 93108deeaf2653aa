//! A table of text for export (issue 16): column names and rows of cells, written as CSV by
//! [`Table::to_csv`] with the `csv` crate (RFC 4180: comma-separated, every field that holds a
//! comma, a quote or a line break quoted, quotes doubled, CRLF line ends; UTF-8 with no byte
//! order mark, since an EHR import reads the bytes as they are). A name with a comma, a quote or
//! a new line comes back as typed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Columns and rows; every row has as many cells as there are columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these columns and no rows.
    pub fn new<S: Into<String>>(columns: impl IntoIterator<Item = S>) -> Self {
        Self { columns: columns.into_iter().map(Into::into).collect(), rows: Vec::new() }
    }

    /// Appends a row.
    ///
    /// # Panics
    /// When the row has not as many cells as the table has columns: a programming error, not
    /// an input one.
    pub fn push<S: Into<String>>(&mut self, row: impl IntoIterator<Item = S>) {
        let row: Vec<String> = row.into_iter().map(Into::into).collect();
        assert_eq!(row.len(), self.columns.len(), "a row of the wrong width");
        self.rows.push(row);
    }

    /// The table as CSV bytes: a header line of the columns, then one record per row.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(Vec::new());
        let records = std::iter::once(&self.columns).chain(self.rows.iter());
        for record in records {
            // Writing to a Vec cannot fail, and every record has the same width.
            #[allow(clippy::expect_used)]
            writer.write_record(record).expect("a record written to memory");
        }
        #[allow(clippy::expect_used)]
        writer.into_inner().expect("CSV flushed to memory")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it_and_ends_lines_with_crlf() {
        let mut table = Table::new(["name", "note"]);
        table.push(["Zoë O'Brien-Müller", "plain"]);
        table.push(["Test, Patient", "said \"fine\"\nthen left"]);
        let csv = String::from_utf8(table.to_csv()).unwrap();
        assert_eq!(
            csv,
            "name,note\r\nZoë O'Brien-Müller,plain\r\n\"Test, Patient\",\"said \"\"fine\"\"\nthen left\"\r\n"
        );
    }

    #[test]
    fn an_empty_table_is_its_header() {
        assert_eq!(Table::new(["a", "b"]).to_csv(), b"a,b\r\n");
    }

    #[test]
    #[should_panic(expected = "wrong width")]
    fn a_row_of_the_wrong_width_is_a_programming_error() {
        Table::new(["a", "b"]).push(["only one"]);
    }
}
