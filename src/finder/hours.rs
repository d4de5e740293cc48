//! Opening hours in the common subset of OSM `opening_hours` syntax.
//!
//! Supported: rules separated by `;` (a later rule replaces earlier ones on the days it selects), additional rules
//! after `,` (`Mo-Fr 10:00-20:00, Sa 10:00-14:00`: they add to, rather than replace, earlier rules), weekday
//! selectors (`Mo`, `Mo-Fr`, `Sa-Mo` wrapping round the week, lists `Mo,We,Fr`), `PH` (public holidays from the
//! [`Calendar`]), `24/7`, `off` / `closed`, `open`, several time spans per day (`10:00-14:00,17:00-22:00`), spans past
//! midnight (`22:00-02:00`, `20:00-26:00`) and `24:00` as an end. Hours may be written with one digit (`9:00`), as
//! real data often does. A selector with no time (`Mo-Fr`) means open all day on those days.
//!
//! Not supported (an `HOURS_INVALID` issue names the fragment): months and dates (`Dec 25`), weeks, nth weekdays
//! (`Mo[1]`), school holidays (`SH`), open ends (`18:00+`), periods (`10:00-16:00/01:00`), comments, `||` fallback rules
//! and sunrise/sunset.
//!
//! Time is China civil time; nothing here reads a clock: the instant is always an argument. The part of a span that
//! runs past midnight is open on the next day whatever that day's own rule says.

use crate::calendar::DayKind;
use crate::error::{fail, Error, Issue};
use crate::time::{Date, Timestamp};
use crate::{Calendar, Result};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Minutes in a day.
const DAY: u16 = 1440;
/// How far [`OpeningHours::next_change`] looks ahead, in days.
const HORIZON_DAYS: i64 = 400;

/// One open interval of a day in minutes from that day's midnight: `start < end <= 2880`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Span {
    start: u16,
    end: u16,
}

/// Which days a rule selects: bits 0-6 are Monday..Sunday, bit 7 is "public holiday".
type DayMask = u8;
const ALL_WEEKDAYS: DayMask = 0x7f;
const PH: DayMask = 0x80;

struct Rule {
    days: DayMask,
    spans: Vec<Span>,
    additional: bool,
}

/// Parsed opening hours: ask whether a place is open at an instant and when that changes next.
///
/// Serializes as its original text and deserializes from OSM text (a bad text is `HOURS_INVALID`), so a venue
/// document can hold it directly.
///
/// # Example
/// ```
/// use mallcare::finder::hours::OpeningHours;
/// use mallcare::Timestamp;
/// let h = OpeningHours::parse("Mo-Fr 10:00-22:00; Sa,Su 09:00-22:30").unwrap();
/// // 2026-05-02 is a Saturday.
/// assert!(h.is_open(Timestamp::parse("2026-05-02T09:30:00+08:00").unwrap()));
/// assert!(!h.is_open(Timestamp::parse("2026-05-04T09:30:00+08:00").unwrap()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpeningHours {
    text: String,
    /// `table[weekday from Monday][is public holiday]`: the day's spans, sorted and merged.
    table: [[Vec<Span>; 2]; 7],
}

fn invalid(rule: &str, fragment: &str, why_zh: &str, why_en: &str) -> Error {
    let frag: String = fragment.trim().chars().take(24).collect();
    let rule: String = rule.trim().chars().take(60).collect();
    Error::from(Issue::new(
        "HOURS_INVALID",
        "",
        format!("营业时间无法识别：“{frag}”（规则“{rule}”）：{why_zh}"),
        format!("invalid opening hours at \"{frag}\" in rule \"{rule}\": {why_en}"),
    ))
}

/// A cursor over one `;`-separated rule.
struct Cursor<'a> {
    rule: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        self.rule.get(self.pos..).unwrap_or("")
    }
    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }
    fn at_end(&mut self) -> bool {
        self.skip_ws();
        self.rest().is_empty()
    }
    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }
    /// Eats an ASCII keyword (case-insensitive) if it is not followed by another letter.
    fn eat_word(&mut self, word: &str) -> bool {
        let rest = self.rest();
        let Some(head) = rest.get(..word.len()) else { return false };
        let next = rest.get(word.len()..).and_then(|r| r.chars().next());
        if head.eq_ignore_ascii_case(word) && !next.is_some_and(|c| c.is_alphabetic()) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }
    fn err(&self, why_zh: &str, why_en: &str) -> Error {
        let rest = self.rest();
        let frag = if rest.trim().is_empty() { self.rule } else { rest };
        invalid(self.rule, frag, why_zh, why_en)
    }
}

const WEEKDAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

fn eat_weekday(c: &mut Cursor<'_>) -> Option<u8> {
    (0u8..7).find(|&i| WEEKDAYS.get(usize::from(i)).is_some_and(|w| c.eat_word(w)))
}

/// A day selector (`Mo-Fr,Su,PH`), or 0 if the rule starts with something else.
fn parse_days(c: &mut Cursor<'_>) -> Result<DayMask> {
    let mut mask: DayMask = 0;
    loop {
        c.skip_ws();
        if c.eat_word("PH") {
            mask |= PH;
        } else if let Some(a) = eat_weekday(c) {
            c.skip_ws();
            if c.rest().starts_with('[') {
                return Err(c.err("不支持“第几个星期几”", "nth weekdays are not supported"));
            }
            if c.eat('-') {
                c.skip_ws();
                let Some(b) = eat_weekday(c) else {
                    return Err(c.err("星期范围的结尾应为 Mo..Su", "a weekday range must end with Mo..Su"));
                };
                let mut d = a;
                loop {
                    mask |= 1 << d;
                    if d == b {
                        break;
                    }
                    d = (d + 1) % 7;
                }
            } else {
                mask |= 1 << a;
            }
        } else if mask == 0 {
            return Ok(0);
        } else {
            return Err(c.err("逗号后应为星期或 PH", "expected a weekday or PH after a comma"));
        }
        c.skip_ws();
        // A comma continues the day list only if a day follows; otherwise it belongs to the caller.
        let save = c.pos;
        if c.eat(',') {
            c.skip_ws();
            let r = c.rest();
            let day_follows = r
                .get(..2)
                .is_some_and(|h| h.eq_ignore_ascii_case("PH") || WEEKDAYS.iter().any(|w| w.eq_ignore_ascii_case(h)));
            if day_follows {
                continue;
            }
        }
        c.pos = save;
        return Ok(mask);
    }
}

/// `H:MM` or `HH:MM`; minutes from midnight (may exceed 24:00 for ends).
fn parse_time(c: &mut Cursor<'_>) -> Result<u16> {
    let rest = c.rest();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return Err(c.err("应为时刻，如 10:00", "expected a time such as 10:00"));
    }
    let h: u16 = rest.get(..digits).and_then(|s| s.parse().ok()).unwrap_or(99);
    let after = rest.get(digits..).unwrap_or("");
    let mm = after.strip_prefix(':').and_then(|m| m.get(..2)).filter(|m| m.bytes().all(|b| b.is_ascii_digit()));
    let Some(mm) = mm else {
        return Err(c.err("时刻应写作 HH:MM", "a time must be written HH:MM"));
    };
    let m: u16 = mm.parse().unwrap_or(99);
    if m > 59 || h > 48 || (h == 48 && m > 0) {
        return Err(c.err("时刻超出范围", "time out of range"));
    }
    c.pos += digits + 3;
    Ok(h * 60 + m)
}

fn parse_span(c: &mut Cursor<'_>) -> Result<Span> {
    let start_at = c.pos;
    let start = parse_time(c)?;
    if start >= DAY {
        c.pos = start_at;
        return Err(c.err("开始时刻应早于 24:00", "a span must start before 24:00"));
    }
    c.skip_ws();
    if !c.eat('-') {
        if c.peek() == Some('+') {
            return Err(c.err("不支持不定结束时间（+）", "open ends (+) are not supported"));
        }
        return Err(c.err("时段应写作 10:00-22:00", "a span must be written 10:00-22:00"));
    }
    c.skip_ws();
    let mut end = parse_time(c)?;
    if end <= start {
        // Past midnight: 22:00-02:00 ends at 26:00. 10:00-10:00 is a full 24 hours.
        end += DAY;
    }
    if end > 2 * DAY {
        c.pos = start_at;
        return Err(c.err("时段不能超过次日 24:00", "a span cannot end after 24:00 on the next day"));
    }
    if c.peek() == Some('+') || c.peek() == Some('/') {
        return Err(c.err("不支持不定结束时间或周期", "open ends and periods are not supported"));
    }
    Ok(Span { start, end })
}

/// Parses one `;`-separated rule, which may hold additional rules after commas.
fn parse_rule(rule: &str, out: &mut Vec<Rule>) -> Result<()> {
    let mut c = Cursor { rule, pos: 0 };
    let mut additional = false;
    loop {
        c.skip_ws();
        if c.rest().starts_with('"') {
            return Err(c.err("不支持注释", "comments are not supported"));
        }
        if c.rest().starts_with("24/7") {
            c.pos += 4;
            out.push(Rule { days: ALL_WEEKDAYS | PH, spans: vec![Span { start: 0, end: DAY }], additional });
        } else {
            let days = parse_days(&mut c)?;
            if days == 0 && c.rest().chars().next().is_some_and(|ch| ch.is_alphabetic()) {
                let word = ["off", "closed", "open"].iter().any(|w| {
                    let mut probe = Cursor { rule, pos: c.pos };
                    probe.eat_word(w)
                });
                if !word {
                    return Err(c.err(
                        "不支持的日期选择（仅支持 Mo..Su、PH、24/7）",
                        "unsupported selector (only Mo..Su, PH and 24/7 are supported)",
                    ));
                }
            }
            let days = if days == 0 { ALL_WEEKDAYS | PH } else { days };
            c.skip_ws();
            let spans = if c.eat_word("off") || c.eat_word("closed") {
                Vec::new()
            } else if c.eat_word("open") || c.rest().is_empty() || c.rest().starts_with(',') {
                vec![Span { start: 0, end: DAY }]
            } else if c.peek().is_some_and(|ch| ch.is_ascii_digit()) {
                let mut spans = vec![parse_span(&mut c)?];
                loop {
                    c.skip_ws();
                    let save = c.pos;
                    if c.eat(',') {
                        c.skip_ws();
                        if c.peek().is_some_and(|ch| ch.is_ascii_digit()) {
                            spans.push(parse_span(&mut c)?);
                            continue;
                        }
                    }
                    c.pos = save;
                    break;
                }
                spans
            } else if c.rest().starts_with("SH") {
                return Err(c.err("不支持学校假期（SH）", "school holidays (SH) are not supported"));
            } else {
                return Err(c.err("应为时段、off 或 open", "expected time spans, off or open"));
            };
            out.push(Rule { days, spans, additional });
        }
        if c.at_end() {
            return Ok(());
        }
        if c.rest().starts_with("||") {
            return Err(c.err("不支持后备规则（||）", "fallback rules (||) are not supported"));
        }
        if !c.eat(',') {
            return Err(c.err("无法识别的内容", "unexpected text"));
        }
        if c.at_end() {
            return Err(c.err("逗号后缺少规则", "a rule is missing after the comma"));
        }
        additional = true;
    }
}

fn merge(spans: &mut Vec<Span>) {
    crate::sort::heap_sort_by(spans, |a, b| a < b);
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    *spans = out;
}

fn weekday_index(date: Date) -> usize {
    date.weekday().num_days_from_monday() as usize
}

impl OpeningHours {
    /// Parses OSM `opening_hours` text (the common subset described in the module docs).
    ///
    /// # Errors
    /// `HOURS_INVALID` naming the offending fragment and rule, for empty text and anything outside the subset.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::hours::OpeningHours;
    /// assert!(OpeningHours::parse("Mo-Fr 10:00-22:00; Sa,Su 09:00-22:30; PH off").is_ok());
    /// assert!(OpeningHours::parse("24/7").is_ok());
    /// let e = OpeningHours::parse("Mo-Fx 10:00-22:00").unwrap_err();
    /// assert_eq!(e.code(), "HOURS_INVALID");
    /// assert!(e.issues()[0].en.contains("Fx"));
    /// ```
    pub fn parse(text: &str) -> Result<OpeningHours> {
        let normalized = crate::text::normalize(text);
        if normalized.is_empty() {
            return fail("HOURS_INVALID", "", "营业时间为空", "opening hours are empty");
        }
        let mut rules = Vec::new();
        let parts: Vec<&str> = normalized.split(';').collect();
        let last = parts.len().saturating_sub(1);
        for (i, part) in parts.iter().enumerate() {
            if part.trim().is_empty() {
                if i == last && i > 0 {
                    continue; // a trailing ";" is harmless
                }
                return Err(invalid(&normalized, ";", "分号之间缺少规则", "empty rule between semicolons"));
            }
            parse_rule(part, &mut rules)?;
        }
        let mut table: [[Vec<Span>; 2]; 7] = Default::default();
        for (wd, row) in table.iter_mut().enumerate() {
            for (hol, day) in row.iter_mut().enumerate() {
                for r in &rules {
                    let hits = (r.days >> wd) & 1 == 1 || (hol == 1 && r.days & PH != 0);
                    if hits {
                        if !r.additional {
                            day.clear();
                        }
                        day.extend_from_slice(&r.spans);
                    }
                }
                merge(day);
            }
        }
        Ok(OpeningHours { text: normalized, table })
    }

    /// The text as given (full-width characters folded, surrounding spaces trimmed).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let h = mallcare::finder::hours::OpeningHours::parse(" 24/7 ").unwrap();
    /// assert_eq!(h.as_str(), "24/7");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether it is open all the time (every weekday and holiday 00:00-24:00).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::hours::OpeningHours;
    /// assert!(OpeningHours::parse("24/7").unwrap().is_always_open());
    /// assert!(OpeningHours::parse("Mo-Su 00:00-24:00").unwrap().is_always_open());
    /// assert!(!OpeningHours::parse("Mo-Sa 00:00-24:00").unwrap().is_always_open());
    /// ```
    pub fn is_always_open(&self) -> bool {
        self.table.iter().flatten().all(|d| d.first().is_some_and(|s| s.start == 0 && s.end >= DAY))
    }

    fn spans(&self, date: Date, holiday: bool) -> &[Span] {
        self.table.get(weekday_index(date)).and_then(|row| row.get(usize::from(holiday))).map_or(&[], Vec::as_slice)
    }

    /// Open at `minute` (from midnight of `date`), holidays decided by `is_holiday`.
    fn open_at_minute(&self, date: Date, minute: u16, is_holiday: &impl Fn(Date) -> bool) -> bool {
        if self.spans(date, is_holiday(date)).iter().any(|s| s.start <= minute && minute < s.end) {
            return true;
        }
        let Ok(prev) = date.add_days(-1) else { return false };
        let m = minute + DAY;
        self.spans(prev, is_holiday(prev)).iter().any(|s| s.end > DAY && s.start <= m && m < s.end)
    }

    /// Whether it is open at `at`, treating no day as a public holiday (rules for `PH` never apply).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::hours::OpeningHours;
    /// use mallcare::Timestamp;
    /// let bar = OpeningHours::parse("Fr 22:00-02:00").unwrap();
    /// // 2026-05-02 is a Saturday: 01:30 is still Friday night.
    /// assert!(bar.is_open(Timestamp::parse("2026-05-02T01:30:00+08:00").unwrap()));
    /// assert!(!bar.is_open(Timestamp::parse("2026-05-02T02:00:00+08:00").unwrap()));
    /// ```
    pub fn is_open(&self, at: Timestamp) -> bool {
        self.open_at_minute(at.date(), minute(at), &|_| false)
    }

    /// Whether it is open at `at`, with public holidays (`PH`) from `calendar` (a statutory holiday or bridged day
    /// off is a `PH` day; a year the calendar does not know has no `PH` days).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::hours::OpeningHours;
    /// use mallcare::{Calendar, Timestamp};
    /// let h = OpeningHours::parse("Mo-Su 10:00-22:00; PH off").unwrap();
    /// let labour_day = Timestamp::parse("2026-05-01T12:00:00+08:00").unwrap();
    /// assert!(h.is_open(labour_day));
    /// assert!(!h.is_open_in(labour_day, &Calendar::default()));
    /// ```
    pub fn is_open_in(&self, at: Timestamp, calendar: &Calendar) -> bool {
        self.open_at_minute(at.date(), minute(at), &|d| is_holiday(calendar, d))
    }

    /// The next instant after `at` when it opens or closes, treating no day as a public holiday; `None` if that does
    /// not happen within 400 days (open 24/7, or never open).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::hours::OpeningHours;
    /// use mallcare::Timestamp;
    /// let h = OpeningHours::parse("Mo-Fr 10:00-22:00").unwrap();
    /// let fri_night = Timestamp::parse("2026-05-01T23:00:00+08:00").unwrap();
    /// assert_eq!(h.next_change(fri_night).unwrap().to_string(), "2026-05-04T10:00:00+08:00");
    /// assert_eq!(OpeningHours::parse("24/7").unwrap().next_change(fri_night), None);
    /// ```
    pub fn next_change(&self, at: Timestamp) -> Option<Timestamp> {
        self.next_change_with(at, &|_| false)
    }

    /// [`OpeningHours::next_change`] with public holidays from `calendar`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::hours::OpeningHours;
    /// use mallcare::{Calendar, Timestamp};
    /// let h = OpeningHours::parse("Mo-Su 10:00-22:00; PH off").unwrap();
    /// // Labour Day holiday 2026: 1-5 May are off.
    /// let t = Timestamp::parse("2026-04-30T21:00:00+08:00").unwrap();
    /// let cal = Calendar::default();
    /// assert_eq!(h.next_change_in(t, &cal).unwrap().to_string(), "2026-04-30T22:00:00+08:00");
    /// let closed = Timestamp::parse("2026-04-30T22:00:00+08:00").unwrap();
    /// assert_eq!(h.next_change_in(closed, &cal).unwrap().to_string(), "2026-05-06T10:00:00+08:00");
    /// ```
    pub fn next_change_in(&self, at: Timestamp, calendar: &Calendar) -> Option<Timestamp> {
        self.next_change_with(at, &|d| is_holiday(calendar, d))
    }

    fn next_change_with(&self, at: Timestamp, is_holiday: &impl Fn(Date) -> bool) -> Option<Timestamp> {
        let base = at.date();
        let now = i64::from(minute(at));
        let state = self.open_at_minute(base, minute(at), is_holiday);
        // Minute offsets from `base` midnight at which something starts or ends, gathered day by day.
        let mut pending: Vec<i64> = Vec::new();
        for k in -1..=HORIZON_DAYS {
            let day = base.add_days(k).ok()?;
            for s in self.spans(day, is_holiday(day)) {
                pending.push(k * i64::from(DAY) + i64::from(s.start));
                pending.push(k * i64::from(DAY) + i64::from(s.end));
            }
            // Later days only add candidates at or after the next midnight: everything before it is final.
            let horizon = (k + 1) * i64::from(DAY);
            crate::sort::heap_sort_by(&mut pending, |a, b| a < b);
            let mut keep = Vec::new();
            for &t in &pending {
                if t >= horizon {
                    keep.push(t);
                } else if t > now {
                    let day_off = t.div_euclid(i64::from(DAY));
                    let m = u16::try_from(t.rem_euclid(i64::from(DAY))).ok()?;
                    let d = base.add_days(day_off).ok()?;
                    if self.open_at_minute(d, m, is_holiday) != state {
                        return Timestamp::at(d, u32::from(m / 60), u32::from(m % 60), 0).ok();
                    }
                }
            }
            pending = keep;
        }
        None
    }
}

fn minute(at: Timestamp) -> u16 {
    u16::try_from(at.minute_of_day()).unwrap_or(0)
}

fn is_holiday(calendar: &Calendar, date: Date) -> bool {
    matches!(calendar.day_kind(date), Ok(DayKind::Holiday))
}

impl fmt::Display for OpeningHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for OpeningHours {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for OpeningHours {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<OpeningHours, D::Error> {
        let s = String::deserialize(d)?;
        OpeningHours::parse(&s).map_err(crate::json::to_serde_error)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]
    use super::*;

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn weekdays_and_weekend() {
        let h = OpeningHours::parse("Mo-Fr 10:00-22:00; Sa,Su 09:00-22:30").unwrap();
        // 2026-05-04 Monday
        assert!(!h.is_open(ts("2026-05-04T09:59:59+08:00")));
        assert!(h.is_open(ts("2026-05-04T10:00:00+08:00")));
        assert!(h.is_open(ts("2026-05-04T21:59:00+08:00")));
        assert!(!h.is_open(ts("2026-05-04T22:00:00+08:00")));
        assert!(h.is_open(ts("2026-05-03T22:15:00+08:00")));
        assert_eq!(h.next_change(ts("2026-05-04T12:00:00+08:00")).unwrap().to_string(), "2026-05-04T22:00:00+08:00");
    }

    #[test]
    fn past_midnight_and_multiple_spans() {
        let h = OpeningHours::parse("Mo-Th 11:00-14:00,17:00-22:00; Fr,Sa 17:00-02:00").unwrap();
        assert!(!h.is_open(ts("2026-05-04T15:00:00+08:00")));
        assert!(h.is_open(ts("2026-05-04T17:30:00+08:00")));
        // Saturday 01:00 comes from Friday; Sunday 01:00 from Saturday; Monday 01:00 closed.
        assert!(h.is_open(ts("2026-05-02T01:00:00+08:00")));
        assert!(h.is_open(ts("2026-05-03T01:00:00+08:00")));
        assert!(!h.is_open(ts("2026-05-04T01:00:00+08:00")));
        assert_eq!(h.next_change(ts("2026-05-02T01:00:00+08:00")).unwrap().to_string(), "2026-05-02T02:00:00+08:00");
    }

    #[test]
    fn later_rules_override_and_additional_rules_add() {
        let h = OpeningHours::parse("Mo-Su 10:00-22:00; We off").unwrap();
        assert!(!h.is_open(ts("2026-05-06T12:00:00+08:00")));
        let h = OpeningHours::parse("Mo-Fr 10:00-12:00, We 14:00-16:00").unwrap();
        assert!(h.is_open(ts("2026-05-06T11:00:00+08:00")));
        assert!(h.is_open(ts("2026-05-06T15:00:00+08:00")));
        assert!(!h.is_open(ts("2026-05-05T15:00:00+08:00")));
        let h = OpeningHours::parse("Sa-Mo 10:00-12:00").unwrap();
        assert!(h.is_open(ts("2026-05-04T11:00:00+08:00")));
        assert!(!h.is_open(ts("2026-05-05T11:00:00+08:00")));
    }

    #[test]
    fn one_digit_hours_and_ph() {
        let h = OpeningHours::parse("Mo 9:00-17:00; Tu 9:00-17:00; PH 9:00-12:00").unwrap();
        assert!(h.is_open(ts("2026-05-04T16:00:00+08:00")));
        let cal = Calendar::default();
        // 2026-05-05 Tuesday is in the Labour Day holiday.
        assert!(h.is_open(ts("2026-05-05T16:00:00+08:00")));
        assert!(!h.is_open_in(ts("2026-05-05T16:00:00+08:00"), &cal));
        assert!(h.is_open_in(ts("2026-05-05T10:00:00+08:00"), &cal));
    }

    #[test]
    fn never_and_always() {
        let off = OpeningHours::parse("off").unwrap();
        assert!(!off.is_open(ts("2026-05-04T12:00:00+08:00")));
        assert_eq!(off.next_change(ts("2026-05-04T12:00:00+08:00")), None);
        assert!(OpeningHours::parse("24/7").unwrap().is_open(ts("2026-05-04T03:00:00+08:00")));
        let h = OpeningHours::parse("Mo-Fr").unwrap();
        assert!(h.is_open(ts("2026-05-04T03:00:00+08:00")));
        assert!(!h.is_open(ts("2026-05-02T03:00:00+08:00")));
    }

    #[test]
    fn errors_name_the_fragment() {
        for (text, frag) in [
            ("Mo-Fx 10:00-22:00", "Fx"),
            ("Mo-Fr 10:00-25:00x", "x"),
            ("Mo-Fr 10:00", "10:00"),
            ("Dec 25 off", "Dec"),
            ("Mo-Fr 18:00+", "+"),
            ("Mo-Fr 10:00-22:00 || off", "||"),
            ("Mo-Fr 10:60-22:00", "10:60"),
            ("Mo[1] 10:00-12:00", "[1]"),
            ("", ""),
            ("Mo 10:00-12:00;; Tu off", ";"),
        ] {
            let e = OpeningHours::parse(text).unwrap_err();
            assert_eq!(e.code(), "HOURS_INVALID", "{text}");
            assert!(e.issues()[0].en.contains(frag), "{text}: {}", e.issues()[0].en);
        }
    }

    #[test]
    fn next_change_across_week() {
        let h = OpeningHours::parse("Sa 10:00-12:00").unwrap();
        assert_eq!(h.next_change(ts("2026-05-04T12:00:00+08:00")).unwrap().to_string(), "2026-05-09T10:00:00+08:00");
        assert_eq!(h.next_change(ts("2026-05-09T10:00:00+08:00")).unwrap().to_string(), "2026-05-09T12:00:00+08:00");
        let h = OpeningHours::parse("Mo-Su 00:00-24:00").unwrap();
        assert_eq!(h.next_change(ts("2026-05-04T12:00:00+08:00")), None);
    }

    #[test]
    fn serde_round_trip() {
        let h: OpeningHours = serde_json::from_str("\"Mo-Fr 10:00-22:00\"").unwrap();
        assert_eq!(serde_json::to_string(&h).unwrap(), "\"Mo-Fr 10:00-22:00\"");
        let e = crate::json::from_str::<OpeningHours>("\"nonsense\"", "VENUE_INVALID").unwrap_err();
        assert_eq!(e.code(), "HOURS_INVALID");
    }
}
