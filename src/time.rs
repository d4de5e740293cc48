//! China civil time: dates as `YYYY-MM-DD`, timestamps as RFC 3339 normalised to +08:00.
//!
//! Nothing here reads a clock: "now" is always an argument.

use crate::error::{fail, Error, Issue};
use crate::Result;
use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveTime, Offset, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

pub use chrono::Weekday;

/// China Standard Time offset in seconds (UTC+08:00). China has no daylight saving time.
///
/// # Example
/// ```
/// use mallcare::{time::CHINA_OFFSET_SECS, Timestamp};
/// assert_eq!(CHINA_OFFSET_SECS, 28_800);
/// assert_eq!(Timestamp::parse("2026-05-01T02:00:00Z")?.to_string(), "2026-05-01T10:00:00+08:00");
/// # Ok::<(), mallcare::Error>(())
/// ```
pub const CHINA_OFFSET_SECS: i32 = 8 * 3600;

fn china() -> FixedOffset {
    // +08:00 is always a valid offset; the UTC fallback only keeps the code free of unwrap.
    FixedOffset::east_opt(CHINA_OFFSET_SECS).unwrap_or_else(|| chrono::Utc.fix())
}

/// A civil date (no time, no zone), written `YYYY-MM-DD`.
///
/// # Example
/// ```
/// use mallcare::Date;
/// let d = Date::parse("2026-05-01").unwrap();
/// assert_eq!(d.add_days(7).unwrap().to_string(), "2026-05-08");
/// assert_eq!(d.weekday(), mallcare::time::Weekday::Fri);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

impl Date {
    /// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day, a real calendar day).
    ///
    /// # Errors
    /// `DATE_INVALID` if the text is not of that form or names no real day (`2026-02-30`).
    ///
    /// # Example
    /// ```
    /// use mallcare::Date;
    /// assert!(Date::parse("2024-02-29").is_ok());
    /// assert_eq!(Date::parse("2026-02-29").unwrap_err().code(), "DATE_INVALID");
    /// assert_eq!(Date::parse("2026-5-1").unwrap_err().code(), "DATE_INVALID");
    /// ```
    pub fn parse(text: &str) -> Result<Date> {
        let b = text.as_bytes();
        let bad = || -> Result<Date> {
            fail(
                "DATE_INVALID",
                "",
                format!("日期无效，应为 YYYY-MM-DD 格式的真实日期：“{}”", clip(text)),
                format!("invalid date, expected a real day as YYYY-MM-DD: \"{}\"", clip(text)),
            )
        };
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return bad();
        }
        let (Some(y), Some(m), Some(d)) = (digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)) else {
            return bad();
        };
        match NaiveDate::from_ymd_opt(y as i32, m, d) {
            Some(nd) => Ok(Date(nd)),
            None => bad(),
        }
    }

    /// A date from year, month and day.
    ///
    /// # Errors
    /// `DATE_INVALID` if there is no such day.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::Date::from_ymd(2026, 1, 4).unwrap().to_string(), "2026-01-04");
    /// ```
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Result<Date> {
        match NaiveDate::from_ymd_opt(year, month, day) {
            Some(nd) if (0..=9999).contains(&year) => Ok(Date(nd)),
            _ => fail(
                "DATE_INVALID",
                "",
                format!("日期不存在：{year}-{month}-{day}"),
                format!("no such date: {year}-{month}-{day}"),
            ),
        }
    }

    /// Wraps a chrono date.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let nd = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// assert_eq!(mallcare::Date::from_naive(nd).year(), 2026);
    /// ```
    pub fn from_naive(date: NaiveDate) -> Date {
        Date(date)
    }

    /// The chrono date.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let d = mallcare::Date::parse("2026-01-01").unwrap();
    /// assert_eq!(d.naive().to_string(), "2026-01-01");
    /// ```
    pub fn naive(self) -> NaiveDate {
        self.0
    }

    /// Year.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::Date::parse("2026-03-04").unwrap().year(), 2026);
    /// ```
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// Month, 1-12.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::Date::parse("2026-03-04").unwrap().month(), 3);
    /// ```
    pub fn month(self) -> u32 {
        self.0.month()
    }

    /// Day of the month, 1-31.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::Date::parse("2026-03-04").unwrap().day(), 4);
    /// ```
    pub fn day(self) -> u32 {
        self.0.day()
    }

    /// Day of the year, 1-366.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::Date::parse("2026-02-01").unwrap().ordinal(), 32);
    /// ```
    pub fn ordinal(self) -> u32 {
        self.0.ordinal()
    }

    /// Day of the week.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::{Date, time::Weekday};
    /// assert_eq!(Date::parse("2026-01-04").unwrap().weekday(), Weekday::Sun);
    /// ```
    pub fn weekday(self) -> Weekday {
        self.0.weekday()
    }

    /// The date `n` days later (earlier if negative).
    ///
    /// # Errors
    /// `DATE_OUT_OF_RANGE` past year 9999 or before year 0.
    ///
    /// # Example
    /// ```
    /// let d = mallcare::Date::parse("2026-03-01").unwrap();
    /// assert_eq!(d.add_days(-1).unwrap().to_string(), "2026-02-28");
    /// ```
    pub fn add_days(self, n: i64) -> Result<Date> {
        let moved = if n >= 0 {
            self.0.checked_add_days(Days::new(n.unsigned_abs()))
        } else {
            self.0.checked_sub_days(Days::new(n.unsigned_abs()))
        };
        match moved {
            Some(d) if (0..=9999).contains(&d.year()) => Ok(Date(d)),
            _ => fail(
                "DATE_OUT_OF_RANGE",
                "",
                "日期超出支持范围（0000-9999 年）",
                "date out of the supported range (years 0000-9999)",
            ),
        }
    }

    /// Days from `self` to `other` (positive when `other` is later).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::Date;
    /// let a = Date::parse("2026-05-01").unwrap();
    /// assert_eq!(a.days_until(Date::parse("2026-05-08").unwrap()), 7);
    /// ```
    pub fn days_until(self, other: Date) -> i64 {
        other.0.signed_duration_since(self.0).num_days()
    }

    /// The first day of the month `months` months after this date's month (negative goes back).
    ///
    /// # Errors
    /// `DATE_OUT_OF_RANGE` beyond the supported years.
    ///
    /// # Example
    /// ```
    /// let d = mallcare::Date::parse("2026-11-22").unwrap();
    /// assert_eq!(d.first_of_month_plus(2).unwrap().to_string(), "2027-01-01");
    /// ```
    pub fn first_of_month_plus(self, months: i64) -> Result<Date> {
        let index = i64::from(self.year()) * 12 + i64::from(self.month0()) + months;
        let year = i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX);
        let month = u32::try_from(index.rem_euclid(12)).unwrap_or(0) + 1;
        Date::from_ymd(year, month, 1).map_err(|_| range_err())
    }

    fn month0(self) -> u32 {
        self.0.month0()
    }

    /// The last day of this date's month.
    ///
    /// # Errors
    /// `DATE_OUT_OF_RANGE` for December 9999.
    ///
    /// # Example
    /// ```
    /// let d = mallcare::Date::parse("2024-02-10").unwrap();
    /// assert_eq!(d.end_of_month().unwrap().to_string(), "2024-02-29");
    /// ```
    pub fn end_of_month(self) -> Result<Date> {
        self.first_of_month_plus(1)?.add_days(-1)
    }

    /// The same day `months` months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29).
    ///
    /// # Errors
    /// `DATE_OUT_OF_RANGE` beyond the supported years.
    ///
    /// # Example
    /// ```
    /// let d = mallcare::Date::parse("2026-01-31").unwrap();
    /// assert_eq!(d.add_months(1).unwrap().to_string(), "2026-02-28");
    /// ```
    pub fn add_months(self, months: i64) -> Result<Date> {
        let first = self.first_of_month_plus(months)?;
        let last = first.end_of_month()?;
        Ok(if self.day() > last.day() { last } else { Date::from_ymd(first.year(), first.month(), self.day())? })
    }
}

fn range_err() -> Error {
    Error::from(Issue::new("DATE_OUT_OF_RANGE", "", "日期超出支持范围", "date out of the supported range"))
}

fn digits(s: &str, from: usize, to: usize) -> Option<u32> {
    let part = s.get(from..to)?;
    if part.bytes().all(|c| c.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0.year(), self.0.month(), self.0.day())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Reads a JSON string without allocating (borrowed or transient), then parses it with `parse`.
struct StrVisitor<T>(fn(&str) -> Result<T>);

impl<T> serde::de::Visitor<'_> for StrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The same words as serde's `String` visitor, so error messages do not change.
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<T, E> {
        (self.0)(v).map_err(crate::json::to_serde_error)
    }

    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> std::result::Result<T, E> {
        // As serde's `String` visitor: UTF-8 bytes are a string, anything else is the wrong type.
        match std::str::from_utf8(v) {
            Ok(s) => self.visit_str(s),
            Err(_) => Err(E::invalid_value(serde::de::Unexpected::Bytes(v), &self)),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Date, D::Error> {
        d.deserialize_string(StrVisitor(Date::parse))
    }
}

/// An instant, kept and written in China time (+08:00) whatever offset it was given in.
///
/// # Example
/// ```
/// use mallcare::Timestamp;
/// let t = Timestamp::parse("2026-05-01T02:30:00Z").unwrap();
/// assert_eq!(t.to_string(), "2026-05-01T10:30:00+08:00");
/// assert_eq!(t.date().to_string(), "2026-05-01");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<FixedOffset>);

impl Timestamp {
    /// Parses RFC 3339 (`2026-05-01T10:00:00+08:00`, `...Z`, fractional seconds, `t`/space separator) and
    /// normalises to +08:00. An offset is required: a timestamp without one is ambiguous.
    ///
    /// # Errors
    /// * `TIMESTAMP_INVALID`: not RFC 3339.
    /// * `TIMESTAMP_OFFSET_MISSING`: no `Z` or `±HH:MM` at the end.
    ///
    /// # Example
    /// ```
    /// use mallcare::Timestamp;
    /// assert!(Timestamp::parse("2026-05-01T10:00:00.250+08:00").is_ok());
    /// assert_eq!(Timestamp::parse("2026-05-01T10:00:00").unwrap_err().code(), "TIMESTAMP_OFFSET_MISSING");
    /// assert_eq!(Timestamp::parse("2026-05-01 25:00:00Z").unwrap_err().code(), "TIMESTAMP_INVALID");
    /// ```
    pub fn parse(text: &str) -> Result<Timestamp> {
        if let Some(t) = Timestamp::parse_common(text) {
            return Ok(t);
        }
        let bad = || -> Result<Timestamp> {
            fail(
                "TIMESTAMP_INVALID",
                "",
                format!("时间无效，应为 RFC 3339 格式，如 2026-05-01T10:00:00+08:00：“{}”", clip(text)),
                format!("invalid timestamp, expected RFC 3339 such as 2026-05-01T10:00:00+08:00: \"{}\"", clip(text)),
            )
        };
        let Some(date_part) = text.get(..10) else { return bad() };
        let Ok(date) = Date::parse(date_part) else { return bad() };
        let sep = text.as_bytes().get(10).copied();
        if !matches!(sep, Some(b'T' | b't' | b' ')) {
            return bad();
        }
        let rest = text.get(11..).unwrap_or("");
        if rest.len() < 8 || rest.as_bytes().get(2) != Some(&b':') || rest.as_bytes().get(5) != Some(&b':') {
            return bad();
        }
        let (Some(h), Some(mi), Some(s)) = (digits(rest, 0, 2), digits(rest, 3, 5), digits(rest, 6, 8)) else {
            return bad();
        };
        let mut tail = rest.get(8..).unwrap_or("");
        let mut nanos: u32 = 0;
        if let Some(frac) = tail.strip_prefix('.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 || n > 9 {
                return bad();
            }
            let Some(f) = digits(frac, 0, n) else { return bad() };
            nanos = f * 10u32.pow(u32::try_from(9 - n).unwrap_or(0));
            tail = frac.get(n..).unwrap_or("");
        }
        let offset_secs: i32 = match tail {
            "Z" | "z" => 0,
            "" => {
                return fail(
                    "TIMESTAMP_OFFSET_MISSING",
                    "",
                    format!("时间缺少时区，请写明 +08:00：“{}”", clip(text)),
                    format!("timestamp has no offset; write +08:00 explicitly: \"{}\"", clip(text)),
                )
            }
            t => {
                let b = t.as_bytes();
                if b.len() != 6 || b.get(3) != Some(&b':') {
                    return bad();
                }
                let sign = match b.first() {
                    Some(b'+') => 1,
                    Some(b'-') => -1,
                    _ => return bad(),
                };
                let (Some(oh), Some(om)) = (digits(t, 1, 3), digits(t, 4, 6)) else { return bad() };
                if oh > 23 || om > 59 {
                    return bad();
                }
                sign * i32::try_from(oh * 3600 + om * 60).unwrap_or(0)
            }
        };
        let Some(time) = NaiveTime::from_hms_nano_opt(h, mi, s, nanos) else { return bad() };
        let Some(offset) = FixedOffset::east_opt(offset_secs) else { return bad() };
        let Some(local) = date.0.and_time(time).and_local_timezone(offset).single() else { return bad() };
        Ok(Timestamp(local.with_timezone(&china())))
    }

    /// The common form `YYYY-MM-DDTHH:MM:SS+08:00` without building error values or going through a generic
    /// offset: `None` for anything else (the full parser then decides, with the same answer for this form).
    fn parse_common(text: &str) -> Option<Timestamp> {
        let b: &[u8; 25] = text.as_bytes().try_into().ok()?;
        let d = |i: usize| -> Option<u32> {
            let c = *b.get(i)?;
            c.is_ascii_digit().then(|| u32::from(c - b'0'))
        };
        let two = |i: usize| Some(d(i)? * 10 + d(i + 1)?);
        let [_, _, _, _, b'-', _, _, b'-', _, _, b'T', _, _, b':', _, _, b':', _, _, b'+', b'0', b'8', b':', b'0', b'0'] =
            b
        else {
            return None;
        };
        let year = two(0)? * 100 + two(2)?;
        let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, two(5)?, two(8)?)?;
        let time = NaiveTime::from_hms_opt(two(11)?, two(14)?, two(17)?)?;
        date.and_time(time).and_local_timezone(china()).single().map(Timestamp)
    }

    /// The instant at `hour:minute:second` China time on `date`.
    ///
    /// # Errors
    /// `TIMESTAMP_INVALID` for an impossible time of day.
    ///
    /// # Example
    /// ```
    /// use mallcare::{Date, Timestamp};
    /// let t = Timestamp::at(Date::parse("2026-05-01").unwrap(), 9, 30, 0).unwrap();
    /// assert_eq!(t.to_string(), "2026-05-01T09:30:00+08:00");
    /// ```
    pub fn at(date: Date, hour: u32, minute: u32, second: u32) -> Result<Timestamp> {
        let Some(time) = NaiveTime::from_hms_opt(hour, minute, second) else {
            return fail("TIMESTAMP_INVALID", "", "时刻无效", "invalid time of day");
        };
        match date.0.and_time(time).and_local_timezone(china()).single() {
            Some(t) => Ok(Timestamp(t)),
            None => fail("TIMESTAMP_INVALID", "", "时刻无效", "invalid time of day"),
        }
    }

    /// The China civil date of this instant.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let t = mallcare::Timestamp::parse("2026-04-30T16:00:00Z").unwrap();
    /// assert_eq!(t.date().to_string(), "2026-05-01");
    /// ```
    pub fn date(self) -> Date {
        Date(self.0.date_naive())
    }

    /// Hour of the day in China time, 0-23.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::Timestamp::parse("2026-04-30T16:00:00Z").unwrap().hour(), 0);
    /// ```
    pub fn hour(self) -> u32 {
        self.0.hour()
    }

    /// Minutes past midnight in China time, 0-1439.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::Timestamp::parse("2026-05-01T10:30:00+08:00").unwrap().minute_of_day(), 630);
    /// ```
    pub fn minute_of_day(self) -> u32 {
        self.0.hour() * 60 + self.0.minute()
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::Timestamp::parse("1970-01-01T08:00:00+08:00").unwrap().unix_seconds(), 0);
    /// ```
    pub fn unix_seconds(self) -> i64 {
        self.0.timestamp()
    }

    /// Whole seconds from `self` to `later` (negative if `later` is earlier).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::Timestamp;
    /// let a = Timestamp::parse("2026-05-01T10:00:00+08:00").unwrap();
    /// let b = Timestamp::parse("2026-05-01T11:30:00+08:00").unwrap();
    /// assert_eq!(a.seconds_until(b), 5400);
    /// ```
    pub fn seconds_until(self, later: Timestamp) -> i64 {
        later.0.signed_duration_since(self.0).num_seconds()
    }

    /// The instant `secs` seconds later (earlier if negative).
    ///
    /// # Errors
    /// `TIMESTAMP_INVALID` if the result is outside chrono's range.
    ///
    /// # Example
    /// ```
    /// let t = mallcare::Timestamp::parse("2026-05-01T23:59:00+08:00").unwrap();
    /// assert_eq!(t.add_seconds(60).unwrap().to_string(), "2026-05-02T00:00:00+08:00");
    /// ```
    pub fn add_seconds(self, secs: i64) -> Result<Timestamp> {
        match chrono::TimeDelta::try_seconds(secs).and_then(|d| self.0.checked_add_signed(d)) {
            Some(t) => Ok(Timestamp(t)),
            None => fail("TIMESTAMP_INVALID", "", "时间超出范围", "timestamp out of range"),
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = &self.0;
        write!(f, "{}T{:02}:{:02}:{:02}", self.date(), t.hour(), t.minute(), t.second())?;
        let ms = t.nanosecond() / 1_000_000;
        if t.nanosecond() % 1_000_000 != 0 {
            write!(f, ".{:09}", t.nanosecond())?;
        } else if ms != 0 {
            write!(f, ".{ms:03}")?;
        }
        f.write_str("+08:00")
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Timestamp, D::Error> {
        d.deserialize_string(StrVisitor(Timestamp::parse))
    }
}

/// Parses a `YYYY-MM-DD` date; same as [`Date::parse`].
///
/// # Errors
/// `DATE_INVALID`.
///
/// # Example
/// ```
/// assert_eq!(mallcare::parse_date("2026-01-04").unwrap().to_string(), "2026-01-04");
/// ```
pub fn parse_date(text: &str) -> Result<Date> {
    Date::parse(text)
}

impl Timestamp {
    /// The instant `second` seconds (0-86399) after midnight China time on `date`: the same instant as
    /// [`Timestamp::at`] with `second / 3600`, `second / 60 % 60`, `second % 60`, by plain arithmetic (China time is
    /// a fixed UTC+08:00, so the UTC date and time follow directly; no time-zone lookup). For hot loops over many
    /// timestamps (a packed ledger).
    ///
    /// # Errors
    /// `TIMESTAMP_INVALID` for `second` of 86400 or more, or an instant outside the supported range.
    ///
    /// # Example
    /// ```
    /// use mallcare::{Date, Timestamp};
    /// let d = Date::parse("2026-05-01").unwrap();
    /// assert_eq!(Timestamp::at_second_of_day(d, 9 * 3600 + 30 * 60).unwrap(), Timestamp::at(d, 9, 30, 0).unwrap());
    /// assert_eq!(Timestamp::at_second_of_day(d, 0).unwrap().to_string(), "2026-05-01T00:00:00+08:00");
    /// ```
    pub fn at_second_of_day(date: Date, second: u32) -> Result<Timestamp> {
        let offset = CHINA_OFFSET_SECS.unsigned_abs();
        // The UTC date and second of the day: the day before when earlier than 08:00.
        let (day, utc_second) = if second >= offset {
            (Some(date.0), second - offset)
        } else {
            (date.0.pred_opt(), second + 86_400 - offset)
        };
        let time = NaiveTime::from_num_seconds_from_midnight_opt(utc_second, 0).filter(|_| second < 86_400);
        match (day, time) {
            (Some(d), Some(t)) => Ok(Timestamp(DateTime::from_naive_utc_and_offset(d.and_time(t), china()))),
            _ => fail("TIMESTAMP_INVALID", "", "时刻无效", "invalid time of day"),
        }
    }
}

#[cfg(test)]
mod at_second_of_day_tests {
    #![allow(clippy::unwrap_used, reason = "test code")]
    use super::*;

    /// `at_second_of_day` is `Timestamp::at` (equal instants, equal offsets) on every 7th day from 0000-01-01 to
    /// 9999-12-31 at the seconds around the UTC day change and a pseudo-random one, and at every second of a few
    /// days (range ends, leap days), where the texts must be equal too.
    #[test]
    fn equals_at() {
        let check = |d: Date, s: u32, text: bool| {
            let want = Timestamp::at(d, s / 3600, s / 60 % 60, s % 60);
            let got = Timestamp::at_second_of_day(d, s);
            assert_eq!(got.as_ref().ok(), want.as_ref().ok(), "{d} {s}");
            assert_eq!(got.is_err(), want.is_err(), "{d} {s}");
            if let (Ok(a), Ok(b)) = (got, want) {
                assert_eq!(a.0.offset(), b.0.offset());
                if text {
                    assert_eq!(a.to_string(), b.to_string());
                }
            }
        };
        let mut d = Date::from_ymd(0, 1, 1).unwrap();
        let mut n = 0u64;
        let mut days = 0;
        while let Ok(next) = d.add_days(7) {
            for s in [0, 28_799, 28_800, 86_399] {
                check(d, s, false);
            }
            n = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            check(d, u32::try_from((n >> 33) % 86_400).unwrap(), false);
            d = next;
            days += 1;
        }
        assert!(days > 520_000, "{days}");
        for day in ["0000-01-01", "1970-01-01", "2028-02-29", "9999-12-31"] {
            let d = Date::parse(day).unwrap();
            for s in 0..86_400 {
                check(d, s, s % 97 == 0);
            }
        }
        let d = Date::parse("2026-05-01").unwrap();
        assert!(Timestamp::at_second_of_day(d, 86_400).is_err());
        assert!(Timestamp::at_second_of_day(d, u32::MAX).is_err());
    }
}
