//! The two figures of a list of durations the report gives: the median and the longest.

/// The median of `values` (any order): the middle value; of an even count, the mean of the two
/// middle values, rounded down. `None` when empty.
pub fn median(values: &[i64]) -> Option<i64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => {
            let (a, b) = (sorted[n / 2 - 1], sorted[n / 2]);
            // a + (b - a) / 2 cannot overflow; div_euclid rounds down for negatives too.
            Some(a + (b - a).div_euclid(2))
        }
    }
}

/// The largest of `values`; `None` when empty.
pub fn longest(values: &[i64]) -> Option<i64> {
    values.iter().copied().max()
}

/// A number of seconds as "M min SS s" (e.g. "3 min 05 s"); a negative count (a clock set
/// back) reads as 0.
pub fn minutes_seconds(seconds: i64) -> String {
    let s = seconds.max(0);
    format!("{} min {:02} s", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[7]), Some(7));
        assert_eq!(median(&[300, 60, 120]), Some(120));
        // Even: mean of 60 and 120 = 90.
        assert_eq!(median(&[120, 60]), Some(90));
        // Even, odd sum: (60 + 61) / 2 = 60.5, rounded down to 60.
        assert_eq!(median(&[61, 60, 10, 400]), Some(60));
        assert_eq!(longest(&[61, 60, 10, 400]), Some(400));
        assert_eq!(longest(&[]), None);
    }

    #[test]
    fn minutes_and_seconds_read_as_a_nurse_writes_them() {
        assert_eq!(minutes_seconds(0), "0 min 00 s");
        assert_eq!(minutes_seconds(185), "3 min 05 s");
        assert_eq!(minutes_seconds(-4), "0 min 00 s");
    }

    proptest! {
        #[test]
        fn median_lies_between_min_and_longest(values in prop::collection::vec(-100_000i64..100_000, 1..40)) {
            let m = median(&values).unwrap_or_default();
            let max = longest(&values).unwrap_or_default();
            let min = values.iter().copied().min().unwrap_or_default();
            prop_assert!(min <= m && m <= max);
            let below = values.iter().filter(|v| **v < m).count();
            let above = values.iter().filter(|v| **v > m).count();
            prop_assert!(below <= values.len() / 2 && above <= values.len() / 2);
        }

        #[test]
        fn median_and_longest_ignore_order(mut values in prop::collection::vec(0i64..10_000, 1..30)) {
            let (m, l) = (median(&values), longest(&values));
            values.reverse();
            prop_assert_eq!(median(&values), m);
            prop_assert_eq!(longest(&values), l);
        }
    }
}
