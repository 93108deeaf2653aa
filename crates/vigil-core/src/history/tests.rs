use super::*;
use chrono_tz::Europe::Berlin;
use proptest::prelude::*;

fn query(text: &str, from: Option<&str>, to: Option<&str>) -> HistoryQuery {
    HistoryQuery {
        text: text.into(),
        from: from.map(Into::into),
        to: to.map(Into::into),
        ..HistoryQuery::default()
    }
}

fn field_of(q: &HistoryQuery) -> Option<String> {
    q.validate(&Berlin).expect_err("refused").field
}

#[test]
fn folds_letters_that_do_not_decompose() {
    assert_eq!(fold("Łukasz Żółć"), "Lukasz Żólć");
    assert_eq!(fold("Straße Ørsted Æsir Đoàn"), "Strasse Orsted AEsir Doàn");
    assert_eq!(fold("Nguye\u{0302}\u{0303}n"), "Nguyen");
}

#[test]
fn terms_are_words_without_syntax() {
    assert_eq!(terms("  nguy thi "), vec!["nguy", "thi"]);
    assert_eq!(terms("\"*AND* (OR) NEAR/3 ^x -y"), vec!["AND", "OR", "NEAR", "3", "x", "y"]);
    assert!(terms("\" * - ()").is_empty());
    assert_eq!(terms("O'Brien-Müller"), vec!["O", "Brien", "Müller"]);
    assert_eq!(terms("MRN-00123"), vec!["MRN", "00123"]);
    assert_eq!(terms("李小龍"), vec!["李小龍"]);
}

#[test]
fn a_day_range_is_half_open_local_days() {
    let search = query("", Some("2026-03-29"), Some("2026-03-29")).validate(&Berlin).expect("ok");
    let since = search.since.expect("since");
    let before = search.before.expect("before");
    assert_eq!(since.to_rfc3339(), "2026-03-28T23:00:00+00:00");
    assert_eq!(before.to_rfc3339(), "2026-03-29T22:00:00+00:00");
    assert!(search.terms.is_empty());
}

#[test]
fn blank_dates_are_absent() {
    let search = query(" ", Some(""), Some("  ")).validate(&Berlin).expect("ok");
    assert_eq!((search.since, search.before), (None, None));
}

#[test]
fn bad_values_name_their_field() {
    assert_eq!(field_of(&query(&"a".repeat(101), None, None)).as_deref(), Some("text"));
    assert_eq!(field_of(&query("a\u{202E}b", None, None)).as_deref(), Some("text"));
    assert_eq!(field_of(&query("a\nb", None, None)).as_deref(), Some("text"));
    for bad in ["2026-02-30", "2026-1-01", "yesterday", "12/01/2026", "0000-01-01"] {
        assert_eq!(field_of(&query("", Some(bad), None)).as_deref(), Some("from"), "{bad}");
        assert_eq!(field_of(&query("", None, Some(bad))).as_deref(), Some("to"), "{bad}");
    }
    let backwards = query("", Some("2026-03-02"), Some("2026-03-01"));
    assert_eq!(field_of(&backwards).as_deref(), Some("to"));
    assert!(query(&"a".repeat(100), Some("2026-03-01"), Some("2026-03-01"))
        .validate(&Berlin)
        .is_ok());
}

#[test]
fn unknown_fields_are_refused() {
    let err = serde_json::from_str::<HistoryQuery>(r#"{"text":"","sql":"x"}"#);
    assert!(err.is_err());
    let left: HistoryQuery =
        serde_json::from_str(r#"{"text":"a","left":"still_here","protocol":"spravato"}"#)
            .expect("parses");
    assert_eq!(left.left, Some(HistoryLeft::StillHere));
    assert_eq!(HistoryLeft::StillHere.departure(), None);
}

proptest! {
    #[test]
    fn terms_hold_only_letters_and_digits(text in "\\PC{0,60}") {
        for term in terms(&text) {
            prop_assert!(!term.is_empty());
            prop_assert!(term.chars().all(char::is_alphanumeric), "{term:?}");
        }
    }
}
