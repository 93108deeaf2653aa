//! Trends over a recovery (issue 16): the vital signs a patient's record and discharge sheet
//! draw as charts, BP, heart rate and SpO2, each against the minutes after the clock start,
//! with the clinic's threshold lines. A chart is data only; the page draws it with its chart
//! library and the PDF writer (`vigil-pdf`) with its own lines, so both show the same figures.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod build;
#[cfg(test)]
mod tests;

pub use build::{minute_after, trend_chart};

/// The charts of one recovery: one panel per unit (mmHg, beats/min, %), in that order; a panel
/// with no reading is left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrendChart {
    pub panels: Vec<TrendPanel>,
}

/// One chart: its title ("Blood pressure"), unit ("mmHg"), lines and threshold lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrendPanel {
    pub title: String,
    pub unit: String,
    pub series: Vec<TrendSeries>,
    pub limits: Vec<TrendLimit>,
}

/// A line: its name ("Systolic") and readings in time order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrendSeries {
    pub name: String,
    pub points: Vec<TrendPoint>,
}

/// One reading: minutes after the clock start (negative before it, e.g. the pre-dose check),
/// and its value in the panel's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    pub minute: i32,
    pub value: i32,
}

/// A threshold drawn across the panel ("Systolic alert 180"): the value past which the clinic's
/// thresholds raise an alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrendLimit {
    pub label: String,
    pub value: i32,
}
