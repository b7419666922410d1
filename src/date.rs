//! The one date type of the site: a calendar day written `YYYY-MM-DD`
//! (front matter `updated:`, catalogue `added:`), checked with jiff so that
//! `2026-13-45` or `2024-02-31` is an error where it is written instead of a
//! date published in the sitemap or the feed.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Date(jiff::civil::Date);

impl Date {
    /// A day written exactly `YYYY-MM-DD`; the error says what is wrong in
    /// jiff's words (`day is not valid for February 2024`…).
    pub fn parse(text: &str) -> Result<Date, String> {
        let b = text.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape {
            return Err(format!("`{text}` is not a date: write it as YYYY-MM-DD, for example 2026-11-23"));
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<i16>().unwrap_or(0);
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        let month = i8::try_from(month).unwrap_or(i8::MAX);
        let day = i8::try_from(day).unwrap_or(i8::MAX);
        jiff::civil::Date::new(year, month, day).map(Date).map_err(|e| format!("`{text}` is not a date: {e}"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0.year(), self.0.month(), self.0.day())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_days_only() {
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        for bad in ["2026-13-45", "2024-02-31", "2023-02-29", "2024-2-3", "24-02-03", "2024-02-03x", "0000-00-00", ""] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert!(Date::parse("2024-02-31").unwrap_err().contains("2024-02-31"));
    }
}
