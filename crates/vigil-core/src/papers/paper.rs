//! The paper model: what a printed sheet says, free of how it is drawn. The UI renders it as
//! HTML for printing, `vigil_pdf::render_pdf` as a PDF file; both read the same title,
//! sections and rows.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::trends::TrendChart;

/// A paper for the chart and the escort: a title, a line under it, and sections of label/value
/// rows. `footer` is printed on every page, beside "Page N of M".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Paper {
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<PaperSection>,
    pub footer: String,
}

/// A headed group of rows; an empty heading prints no heading line. A section may carry a
/// chart (the discharge sheet's vital signs), drawn after its rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PaperSection {
    pub heading: String,
    pub rows: Vec<PaperRow>,
    #[serde(default)]
    pub chart: Option<TrendChart>,
}

/// One row: a label and its value. An empty label makes the value a free-text line across the
/// whole width. A `'\n'` in the value starts a new line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PaperRow {
    pub label: String,
    pub value: String,
}

impl Paper {
    /// A paper with no sections and an empty footer.
    pub fn new(title: impl Into<String>, subtitle: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            subtitle: subtitle.into(),
            sections: Vec::new(),
            footer: String::new(),
        }
    }

    /// Appends an empty section and returns it, to add rows to.
    pub fn section(&mut self, heading: impl Into<String>) -> &mut PaperSection {
        let index = self.sections.len();
        self.sections.push(PaperSection { heading: heading.into(), rows: Vec::new(), chart: None });
        &mut self.sections[index]
    }
}

impl PaperSection {
    /// Appends a label/value row.
    pub fn row(&mut self, label: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.rows.push(PaperRow { label: label.into(), value: value.into() });
        self
    }

    /// Appends a free-text line (a row with an empty label).
    pub fn line(&mut self, text: impl Into<String>) -> &mut Self {
        self.row("", text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_sections_in_order_with_free_lines_as_unlabelled_rows() {
        let mut paper = Paper::new("Discharge", "Ward 3");
        paper.section("Patient").row("Name", "A. Patient").line("Escorted home.");
        paper.section("Escort").row("Name", "B. Escort");
        assert_eq!(paper.sections.len(), 2);
        assert_eq!(
            paper.sections[0].rows[1],
            PaperRow { label: String::new(), value: "Escorted home.".into() }
        );
        assert_eq!(paper.sections[1].heading, "Escort");
        assert_eq!(paper.footer, "");
    }

    #[test]
    fn round_trips_through_json() {
        let mut paper = Paper::new("T", "S");
        paper.footer = "F".into();
        paper.section("H").row("L", "V");
        let json = serde_json::to_string(&paper).unwrap();
        let want = concat!(
            r#"{"title":"T","subtitle":"S","#,
            r#""sections":[{"heading":"H","rows":[{"label":"L","value":"V"}],"chart":null}],"#,
            r#""footer":"F"}"#
        );
        assert_eq!(json, want);
        assert_eq!(serde_json::from_str::<Paper>(&json).unwrap(), paper);
    }
}
