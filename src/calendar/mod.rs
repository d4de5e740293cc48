//! China's business-day calendar: statutory holidays and make-up working days (调休).
//!
//! The embedded data covers 2007-2026, compiled from the public holiday-cn project (MIT licence, see
//! `data/holiday-cn/LICENSE`). Weekends are days off unless the year's data marks them as make-up working days.
//! A year with no published data is **unknown**: asking about it is the error `CALENDAR_YEAR_UNKNOWN`, never a
//! silent Monday-to-Friday guess. The schedule for the next year is published every November; load it at run time
//! with [`Calendar::load_year_json`].

use crate::error::{fail, Error, Issue, Issues};
use crate::json::tracked::{render, Seg};
use crate::time::{Date, Weekday};
use crate::Result;
use serde::{Deserialize, Serialize};
use serde_json::Value;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/holidays.rs"));
}

/// What kind of day a date is.
///
/// # Example
/// ```
/// use mallcare::{calendar::DayKind, Calendar, Date};
/// let cal = Calendar::embedded();
/// assert_eq!(cal.day_kind(Date::parse("2026-10-01")?)?, DayKind::Holiday); // National Day
/// assert_eq!(cal.day_kind(Date::parse("2026-10-10")?)?, DayKind::MakeupWorkday); // a Saturday worked
/// # Ok::<(), mallcare::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DayKind {
    /// An ordinary Monday-Friday working day.
    Workday,
    /// A Saturday or Sunday made a working day to bridge a holiday (调休上班).
    MakeupWorkday,
    /// An ordinary Saturday or Sunday.
    Weekend,
    /// A statutory holiday or a bridged day off.
    Holiday,
}

impl DayKind {
    /// Whether people work on this kind of day.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::calendar::DayKind::MakeupWorkday.is_workday());
    /// ```
    pub fn is_workday(self) -> bool {
        matches!(self, DayKind::Workday | DayKind::MakeupWorkday)
    }
}

/// One year's off days as a bitset over day-of-year (bit `ordinal - 1`), plus which overrides were explicit.
#[derive(Clone, Debug, PartialEq, Eq)]
struct YearTable {
    off: [u64; 6],
    explicit: [u64; 6],
}

fn bit(set: &[u64; 6], ordinal0: u32) -> bool {
    let word = (ordinal0 / 64) as usize;
    set.get(word).is_some_and(|w| (w >> (ordinal0 % 64)) & 1 == 1)
}

fn set_bit(set: &mut [u64; 6], ordinal0: u32, value: bool) {
    let word = (ordinal0 / 64) as usize;
    if let Some(w) = set.get_mut(word) {
        if value {
            *w |= 1 << (ordinal0 % 64);
        } else {
            *w &= !(1 << (ordinal0 % 64));
        }
    }
}

/// The business-day calendar. Cheap to clone; [`Calendar::default`] is the embedded 2007-2026 data.
///
/// # Example
/// ```
/// use mallcare::{Calendar, Date};
/// let cal = Calendar::default();
/// // 2026-01-04 is a Sunday, but a make-up working day after New Year.
/// assert!(cal.is_workday(Date::parse("2026-01-04").unwrap()).unwrap());
/// // 2027 is not published in the embedded data: an explicit error, not a guess.
/// let e = cal.is_workday(Date::parse("2027-03-01").unwrap()).unwrap_err();
/// assert_eq!(e.code(), "CALENDAR_YEAR_UNKNOWN");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// Per source file year, sorted by year: its (date, is_off_day) entries. A file may list days of the previous year.
    /// (Sorted vectors rather than BTreeMaps: a few dozen entries, and much less wasm.)
    sources: Vec<(i32, Vec<(Date, bool)>)>,
    /// Per known year, sorted by year: the resulting table.
    years: Vec<(i32, YearTable)>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar::embedded()
    }
}

/// The code of a structural problem in a holiday-cn document.
const DOC_INVALID: &str = "CALENDAR_JSON_INVALID";

/// A holiday-cn document, `{ "year": 2027, "days": [{ "name", "date", "isOffDay" }] }`, read by hand from a JSON
/// value: the year and each listed day (date, day off or working). Unknown keys are ignored (holiday-cn may add
/// some). The issues are the ones serde's derived reader gave (code `CALENDAR_JSON_INVALID`, the field's path,
/// serde's words: "missing field `date`", "invalid type: string \"yes\", expected a boolean"; a bad date keeps
/// its own code), which a test holds it to. Why by hand: the derived code over the path-tracking deserializer was
/// about 10 KB of every wasm build, the foundation's included.
fn read_holiday_file(v: &Value) -> Result<(i32, Vec<(Date, bool)>)> {
    let mut path = Vec::new();
    let Value::Object(map) = v else { return Err(wrong(&path, v, "struct HolidayFile")) };
    let (mut year, mut days) = (None, None);
    for (k, x) in map {
        path.push(Seg::Key(k));
        match k.as_str() {
            "year" => year = Some(read_i32(&path, x)?),
            "days" => days = Some(read_days(&mut path, x)?),
            _ => {}
        }
        path.pop();
    }
    let Some(year) = year else { return Err(shape(&path, "missing field `year`")) };
    let Some(days) = days else { return Err(shape(&path, "missing field `days`")) };
    Ok((year, days))
}

fn read_days<'v>(path: &mut Vec<Seg<'v>>, v: &'v Value) -> Result<Vec<(Date, bool)>> {
    let Value::Array(items) = v else { return Err(wrong(path, v, "a sequence")) };
    let mut days = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        path.push(Seg::Index(i));
        let Value::Object(map) = item else { return Err(wrong(path, item, "struct HolidayDay")) };
        let (mut date, mut off) = (None, None);
        for (k, x) in map {
            path.push(Seg::Key(k));
            match (k.as_str(), x) {
                ("name", Value::Null | Value::String(_)) => {}
                ("date", Value::String(s)) => {
                    date = Some(Date::parse(s).map_err(|e| crate::json::domain_error_at(&e, render(path)))?);
                }
                ("isOffDay", Value::Bool(b)) => off = Some(*b),
                ("name" | "date", _) => return Err(wrong(path, x, "a string")),
                ("isOffDay", _) => return Err(wrong(path, x, "a boolean")),
                _ => {}
            }
            path.pop();
        }
        let Some(date) = date else { return Err(shape(path, "missing field `date`")) };
        let Some(off) = off else { return Err(shape(path, "missing field `isOffDay`")) };
        days.push((date, off));
        path.pop();
    }
    Ok(days)
}

/// An `i32` as serde reads one: an integer out of range is an invalid value, anything else an invalid type.
fn read_i32(path: &[Seg<'_>], v: &Value) -> Result<i32> {
    let out_of_range = |n: &dyn std::fmt::Display| shape(path, &format!("invalid value: integer `{n}`, expected i32"));
    match v {
        Value::Number(n) if n.is_u64() => {
            let u = n.as_u64().unwrap_or(u64::MAX);
            i32::try_from(u).map_err(|_| out_of_range(&u))
        }
        Value::Number(n) if n.is_i64() => {
            let i = n.as_i64().unwrap_or(i64::MIN);
            i32::try_from(i).map_err(|_| out_of_range(&i))
        }
        _ => Err(wrong(path, v, "i32")),
    }
}

/// A structural issue at `path`, in the words of serde's derived reader.
fn shape(path: &[Seg<'_>], en: &str) -> Error {
    Error::from(crate::json::shape_issue(DOC_INVALID, render(path), en))
}

/// `invalid type: <what v is>, expected <expected>` at `path`.
fn wrong(path: &[Seg<'_>], v: &Value, expected: &str) -> Error {
    crate::json::wrong_type(DOC_INVALID, render(path), v, expected)
}

impl Calendar {
    /// The embedded 2007-2026 calendar.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let cal = mallcare::Calendar::embedded();
    /// assert_eq!(cal.known_years().first(), Some(&2007));
    /// assert_eq!(cal.known_years().last(), Some(&2026));
    /// ```
    pub fn embedded() -> Calendar {
        let mut cal = Calendar::empty();
        for (year, days) in embedded::EMBEDDED {
            let Ok(jan1) = Date::from_ymd(*year, 1, 1) else { continue };
            let entries: Vec<(Date, bool)> = days
                .iter()
                .filter_map(|v| jan1.add_days(i64::from(v >> 1) - 32).ok().map(|date| (date, v & 1 == 1)))
                .collect();
            if !entries.is_empty() {
                put(&mut cal.sources, *year, entries);
            }
        }
        let years: Vec<i32> = cal.sources.iter().map(|(y, _)| *y).collect();
        for y in years {
            cal.rebuild(y);
        }
        cal
    }

    /// A calendar that knows no year at all.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::Calendar::empty().known_years().is_empty());
    /// ```
    pub fn empty() -> Calendar {
        Calendar { sources: Vec::new(), years: Vec::new() }
    }

    /// The years this calendar has data for, ascending.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::Calendar::default().known_years().len(), 20);
    /// ```
    pub fn known_years(&self) -> Vec<i32> {
        self.years.iter().map(|(y, _)| *y).collect()
    }

    /// Loads (or replaces) one year from a holiday-cn JSON document, as published each November.
    /// Days of the neighbouring year that the document lists (New Year bridges) are applied too.
    /// Returns the year loaded. On error nothing changes.
    ///
    /// # Errors
    /// * `JSON_SYNTAX`, `CALENDAR_JSON_INVALID` (with the path): not a holiday-cn document.
    /// * `CALENDAR_YEAR_EMPTY`: the document lists no days (an unpublished year, like the placeholder 2027 file).
    /// * `CALENDAR_DATE_OUT_OF_YEAR` (`days[i].date`): a day more than a month outside the document's year.
    /// * `CALENDAR_DAY_CONFLICT` (`days[i]`): the same date listed twice with different values.
    ///
    /// # Example
    /// ```
    /// let mut cal = mallcare::Calendar::default();
    /// let json = r#"{"year": 2027, "days": [
    ///     {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
    /// assert_eq!(cal.load_year_json(json).unwrap(), 2027);
    /// let d = mallcare::Date::parse("2027-01-01").unwrap();
    /// assert!(!cal.is_workday(d).unwrap());
    /// ```
    pub fn load_year_json(&mut self, json: &str) -> Result<i32> {
        let value = crate::json::parse_text(json)?;
        self.load_file(read_holiday_file(&value)?)
    }

    /// Loads (or replaces) one year from an already-parsed holiday-cn value. See [`Calendar::load_year_json`].
    ///
    /// # Errors
    /// As [`Calendar::load_year_json`], minus `JSON_SYNTAX`.
    ///
    /// # Example
    /// ```
    /// let mut cal = mallcare::Calendar::empty();
    /// let v = serde_json::json!({"year": 2027, "days": []});
    /// assert_eq!(cal.load_year_value(v).unwrap_err().code(), "CALENDAR_YEAR_EMPTY");
    /// ```
    pub fn load_year_value(&mut self, value: serde_json::Value) -> Result<i32> {
        self.load_file(read_holiday_file(&value)?)
    }

    fn load_file(&mut self, (year, days): (i32, Vec<(Date, bool)>)) -> Result<i32> {
        if !(1900..=9998).contains(&year) {
            return fail("CALENDAR_JSON_INVALID", "year", "年份超出范围（1900-9998）", "year out of range (1900-9998)");
        }
        if days.is_empty() {
            return fail(
                "CALENDAR_YEAR_EMPTY",
                "days",
                format!("{year} 年的放假安排为空（尚未发布？），不能当作没有节假日"),
                format!("the {year} schedule lists no days (not published yet?); it cannot be taken as a year without holidays"),
            );
        }
        let lo = Date::from_ymd(year - 1, 12, 1)?;
        let hi = Date::from_ymd(year + 1, 1, 31)?;
        let mut issues = Issues::default();
        let mut entries: Vec<(Date, bool)> = Vec::with_capacity(days.len());
        for (i, &(date, is_off_day)) in days.iter().enumerate() {
            if date < lo || date > hi {
                issues.push(Issue::new(
                    "CALENDAR_DATE_OUT_OF_YEAR",
                    format!("days[{i}].date"),
                    format!("{} 不属于 {year} 年的放假安排", date),
                    format!("{} does not belong to the {year} schedule", date),
                ));
                continue;
            }
            if let Some((_, prev)) = entries.iter().find(|(d, _)| *d == date) {
                if *prev != is_off_day {
                    issues.push(Issue::new(
                        "CALENDAR_DAY_CONFLICT",
                        format!("days[{i}]"),
                        format!("{} 同时被标为休息日和工作日", date),
                        format!("{} is listed both as a day off and as a working day", date),
                    ));
                }
                continue;
            }
            entries.push((date, is_off_day));
        }
        issues.finish(())?;
        put(&mut self.sources, year, entries);
        for y in [year - 1, year, year + 1] {
            self.rebuild(y);
        }
        Ok(year)
    }

    /// Recomputes year `y` from weekends plus the overrides of every source that lists days in `y`.
    /// A year is known only if its own source file is loaded.
    fn rebuild(&mut self, y: i32) {
        if get(&self.sources, y).is_none() {
            if let Ok(i) = self.years.binary_search_by_key(&y, |(k, _)| *k) {
                self.years.remove(i);
            }
            return;
        }
        let mut table = YearTable { off: [0; 6], explicit: [0; 6] };
        let Ok(mut d) = Date::from_ymd(y, 1, 1) else { return };
        while d.year() == y {
            if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                set_bit(&mut table.off, d.ordinal() - 1, true);
            }
            match d.add_days(1) {
                Ok(next) => d = next,
                Err(_) => break,
            }
        }
        // Neighbouring files first, the year's own file last so it wins any disagreement.
        for source_year in [y - 1, y + 1, y] {
            for (date, off) in get(&self.sources, source_year).into_iter().flatten() {
                if date.year() == y {
                    set_bit(&mut table.off, date.ordinal() - 1, *off);
                    set_bit(&mut table.explicit, date.ordinal() - 1, true);
                }
            }
        }
        put(&mut self.years, y, table);
    }

    fn table(&self, date: Date) -> Result<&YearTable> {
        get(&self.years, date.year()).ok_or_else(|| unknown_year(date.year()))
    }

    /// What kind of day `date` is.
    ///
    /// # Errors
    /// `CALENDAR_YEAR_UNKNOWN` if the calendar has no data for the date's year.
    ///
    /// # Example
    /// ```
    /// use mallcare::{Calendar, Date, calendar::DayKind};
    /// let cal = Calendar::default();
    /// assert_eq!(cal.day_kind(Date::parse("2026-02-14").unwrap()).unwrap(), DayKind::MakeupWorkday);
    /// assert_eq!(cal.day_kind(Date::parse("2026-10-01").unwrap()).unwrap(), DayKind::Holiday);
    /// ```
    pub fn day_kind(&self, date: Date) -> Result<DayKind> {
        let t = self.table(date)?;
        let o = date.ordinal() - 1;
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        Ok(match (bit(&t.off, o), weekend, bit(&t.explicit, o)) {
            (true, true, false) => DayKind::Weekend,
            (true, _, _) => DayKind::Holiday,
            (false, true, _) => DayKind::MakeupWorkday,
            (false, false, _) => DayKind::Workday,
        })
    }

    /// Whether `date` is a working day.
    ///
    /// # Errors
    /// `CALENDAR_YEAR_UNKNOWN` if the calendar has no data for the date's year.
    ///
    /// # Example
    /// ```
    /// use mallcare::{Calendar, Date};
    /// assert!(!Calendar::default().is_workday(Date::parse("2026-10-01").unwrap()).unwrap());
    /// ```
    pub fn is_workday(&self, date: Date) -> Result<bool> {
        let t = self.table(date)?;
        Ok(!bit(&t.off, date.ordinal() - 1))
    }

    /// The first working day strictly after `date`.
    ///
    /// # Errors
    /// `CALENDAR_YEAR_UNKNOWN` if the search reaches a year without data.
    ///
    /// # Example
    /// ```
    /// use mallcare::{Calendar, Date};
    /// let cal = Calendar::default();
    /// // National Day week 2026: Oct 1-7 off.
    /// assert_eq!(cal.next_workday(Date::parse("2026-09-30").unwrap()).unwrap().to_string(), "2026-10-08");
    /// ```
    pub fn next_workday(&self, date: Date) -> Result<Date> {
        self.add_business_days(date, 1)
    }

    /// The `n`-th working day after `date` (before it if `n` is negative). `n = 0` returns `date` itself,
    /// working day or not.
    ///
    /// # Errors
    /// `CALENDAR_YEAR_UNKNOWN` if counting reaches a year without data; `DATE_OUT_OF_RANGE` at the ends of time.
    ///
    /// # Example
    /// ```
    /// use mallcare::{Calendar, Date};
    /// let cal = Calendar::default();
    /// let d = Date::parse("2026-09-30").unwrap();
    /// // Oct 1-7 are off; Oct 8 and 9 are working days, and so is Saturday Oct 10 (调休).
    /// assert_eq!(cal.add_business_days(d, 3).unwrap().to_string(), "2026-10-10");
    /// assert_eq!(cal.add_business_days(Date::parse("2026-10-08").unwrap(), -1).unwrap().to_string(), "2026-09-30");
    /// ```
    pub fn add_business_days(&self, date: Date, n: i64) -> Result<Date> {
        let step = if n < 0 { -1 } else { 1 };
        let mut left = n.unsigned_abs();
        let mut d = date;
        while left > 0 {
            d = d.add_days(step)?;
            if self.is_workday(d)? {
                left -= 1;
            }
        }
        Ok(d)
    }

    /// The number of working days `d` with `from < d <= to`; negative (counting `to < d <= from`) when `to` is
    /// before `from`. So for a working day `from`, `add_business_days(from, business_days_between(from, to)) == to`
    /// whenever `to` is a working day.
    ///
    /// # Errors
    /// `CALENDAR_YEAR_UNKNOWN` if the range touches a year without data.
    ///
    /// # Example
    /// ```
    /// use mallcare::{Calendar, Date};
    /// let cal = Calendar::default();
    /// let a = Date::parse("2026-09-30").unwrap();
    /// let b = Date::parse("2026-10-12").unwrap();
    /// assert_eq!(cal.business_days_between(a, b).unwrap(), 4);
    /// assert_eq!(cal.business_days_between(b, a).unwrap(), -4);
    /// ```
    pub fn business_days_between(&self, from: Date, to: Date) -> Result<i64> {
        let (lo, hi, sign) = if from <= to { (from, to, 1) } else { (to, from, -1) };
        // Check both ends' years first so the error names the right year even for empty ranges.
        self.table(lo)?;
        self.table(hi)?;
        let mut count: i64 = 0;
        let mut d = lo;
        while d < hi {
            d = d.add_days(1)?;
            if self.is_workday(d)? {
                count += 1;
            }
        }
        Ok(sign * count)
    }
}

/// The value for `key` in a vector sorted by key.
fn get<T>(sorted: &[(i32, T)], key: i32) -> Option<&T> {
    sorted.binary_search_by_key(&key, |(k, _)| *k).ok().and_then(|i| sorted.get(i)).map(|(_, v)| v)
}

/// Inserts or replaces `key` in a vector sorted by key.
fn put<T>(sorted: &mut Vec<(i32, T)>, key: i32, value: T) {
    match sorted.binary_search_by_key(&key, |(k, _)| *k) {
        Ok(i) => {
            if let Some(slot) = sorted.get_mut(i) {
                slot.1 = value;
            }
        }
        Err(i) => sorted.insert(i, (key, value)),
    }
}

fn unknown_year(year: i32) -> Error {
    Error::from(Issue::new(
        "CALENDAR_YEAR_UNKNOWN",
        "",
        format!("没有 {year} 年的节假日数据；请用 loadCalendarYear 加载当年的放假安排"),
        format!("no holiday data for {year}; load that year's schedule with loadCalendarYear"),
    ))
}

#[cfg(test)]
mod reader_tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test code")]
    use super::*;
    use serde_json::json;

    /// What `read_holiday_file` replaced: serde's derived reader over the path-tracking deserializer.
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct HolidayFile {
        year: i32,
        days: Vec<HolidayDay>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct HolidayDay {
        #[serde(default)]
        #[allow(dead_code, reason = "read so the shape is checked, as before")]
        name: Option<String>,
        date: Date,
        is_off_day: bool,
    }

    fn serde_way(v: &Value) -> Result<(i32, Vec<(Date, bool)>)> {
        let f: HolidayFile = crate::json::from_value_ref(v, DOC_INVALID)?;
        Ok((f.year, f.days.iter().map(|d| (d.date, d.is_off_day)).collect()))
    }

    fn junk() -> Vec<Value> {
        vec![
            Value::Null,
            json!(true),
            json!(false),
            json!(0),
            json!(2027),
            json!(-1),
            json!(4_000_000_000_u64),
            json!(-4_000_000_000_i64),
            json!(u64::MAX),
            json!(2027.5),
            json!(1e300),
            json!(""),
            json!("yes"),
            json!("2027-02-30"),
            json!("2027-01-01"),
            json!({}),
            json!({"x": 1}),
        ]
    }

    /// Every way of replacing one value of `v` (at any depth) with each junk value, removing one key, or adding an
    /// unknown key.
    fn mutants(v: &Value) -> Vec<Value> {
        let mut out: Vec<Value> = junk();
        match v {
            Value::Object(map) => {
                for (k, x) in map {
                    for m in mutants(x) {
                        let mut c = map.clone();
                        c.insert(k.clone(), m);
                        out.push(Value::Object(c));
                    }
                    let mut c = map.clone();
                    c.remove(k);
                    out.push(Value::Object(c));
                }
                let mut c = map.clone();
                c.insert("extra".into(), json!([1]));
                out.push(Value::Object(c));
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    for m in mutants(x) {
                        let mut c = items.clone();
                        c[i] = m;
                        out.push(Value::Array(c));
                    }
                }
            }
            _ => {}
        }
        out
    }

    #[test]
    fn reads_as_serde_did() {
        let base = json!({"year": 2027, "days": [
            {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
            {"date": "2027-02-07", "isOffDay": false, "name": null}]});
        let all = mutants(&base);
        assert!(all.len() > 150, "{}", all.len());
        for v in all.iter().chain([&base]) {
            let (ours, theirs) = (read_holiday_file(v), serde_way(v));
            match (&ours, &theirs) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{v}"),
                (Err(a), Err(b)) => assert_eq!(a.issues(), b.issues(), "{v}"),
                _ => panic!("{v}: ours {ours:?}, serde {theirs:?}"),
            }
        }
        // The one difference: serde's derive also read a struct from an array of its field values.
        let array_form = json!([2027, [["元旦", "2027-01-01", true]]]);
        assert!(serde_way(&array_form).is_ok());
        let e = read_holiday_file(&array_form).unwrap_err();
        assert_eq!(
            (e.issues()[0].code.as_str(), e.issues()[0].en.as_str()),
            (DOC_INVALID, "invalid type: sequence, expected struct HolidayFile")
        );
    }
}
