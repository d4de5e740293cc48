//! Resident identity card numbers (GB 11643-1999) and the residence permits of Hong Kong, Macao and Taiwan residents.

use super::regions::{province_name, region_code_exists};
use super::{clip, prepare, prepare_quiet, Prep};
use crate::error::{Error, Issue};
use crate::{Date, Result};
use serde::Serialize;

/// The kind of identity document the number belongs to.
///
/// # Example
/// ```
/// use mallcare::validation::{validate_id_card, IdCardKind};
/// assert_eq!(validate_id_card("810000199408230021", None).unwrap().kind, IdCardKind::HongKongPermit);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum IdCardKind {
    /// 居民身份证: a mainland resident identity card.
    Resident,
    /// 港澳台居民居住证, Hong Kong residents (810000).
    HongKongPermit,
    /// 港澳台居民居住证, Macao residents (820000).
    MacaoPermit,
    /// 港澳台居民居住证, Taiwan residents (830000).
    TaiwanPermit,
}

/// Sex as encoded by the 17th digit (odd: male, even: female).
///
/// # Example
/// ```
/// use mallcare::validation::{validate_id_card, Sex};
/// assert_eq!(validate_id_card("11010519491231002X", None).unwrap().sex, Sex::Female);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Sex {
    /// Odd sequence digit.
    Male,
    /// Even sequence digit.
    Female,
}

/// A valid ID number and what it says.
///
/// # Example
/// ```
/// use mallcare::validation::validate_id_card;
/// let today = mallcare::Date::parse("2026-05-01").ok();
/// let id = validate_id_card("110105491231002", today).unwrap();
/// assert_eq!(id.number, "11010519491231002X");
/// assert_eq!(id.upgraded_from.as_deref(), Some("110105491231002"));
/// assert_eq!(id.age, Some(76));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdCard {
    /// The 18-character number, check character `X` upper-case.
    pub number: Code<18>,
    /// Resident card or residence permit.
    pub kind: IdCardKind,
    /// The six-digit region code.
    pub region_code: Code<6>,
    /// The province (Chinese name), e.g. `北京市`; for permits the region of origin (`香港特别行政区`).
    pub province: &'static str,
    /// The province's English name.
    pub province_en: &'static str,
    /// The birth date.
    pub birth_date: Date,
    /// Sex from the sequence code.
    pub sex: Sex,
    /// Full years of age at `today`; absent when no `today` was given.
    pub age: Option<u32>,
    /// The 15-digit legacy number this was upgraded from.
    pub upgraded_from: Option<String>,
}

/// A short ASCII code kept inline (no heap allocation): an ID number (`Code<18>`) or a region code (`Code<6>`).
/// Reads as a `&str` ([`Code::as_str`], `Deref`), prints and serialises as a string.
///
/// # Example
/// ```
/// let id = mallcare::validation::validate_id_card("11010519491231002X", None).unwrap();
/// assert_eq!(id.number, "11010519491231002X");
/// assert_eq!(id.region_code.as_str(), "110105");
/// assert!(id.number.ends_with('X'));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code<const N: usize>([u8; N]);

impl<const N: usize> Code<N> {
    /// The code as text.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let id = mallcare::validation::validate_id_card("11010519491231002X", None).unwrap();
    /// assert_eq!(id.number.as_str().len(), 18);
    /// ```
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

impl<const N: usize> std::ops::Deref for Code<N> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl<const N: usize> std::fmt::Display for Code<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<const N: usize> std::fmt::Debug for Code<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl<const N: usize> PartialEq<&str> for Code<N> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl<const N: usize> PartialEq<str> for Code<N> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl<const N: usize> Serialize for Code<N> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [u8; 11] = *b"10X98765432";

/// The ISO 7064 MOD 11-2 check character of 17 digits (`b'0'..=b'9'` or `b'X'`).
fn check_char(body: &[u8; 17]) -> u8 {
    let sum: u32 = body.iter().zip(WEIGHTS).map(|(d, w)| u32::from(d.wrapping_sub(b'0')) * w).sum();
    CHECK.get((sum % 11) as usize).copied().unwrap_or(b'?')
}

fn num(b: &[u8]) -> u32 {
    b.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d.wrapping_sub(b'0')))
}

fn issue(code: &str, zh: String, en: String) -> Issue {
    Issue::new(code, "", zh, en)
}

/// Verdict flags of [`check_id_card`] (and the JS calls `checkIdCard`, `IdCardChecker`): `0` is a valid number,
/// anything else is the OR of the problems found, the same ones [`validate_id_card`] reports as issues.
///
/// # Example
/// ```
/// use mallcare::validation::{check_id_card, id_check};
/// assert_eq!(check_id_card("110105194912310021", None), id_check::CHECKSUM);
/// assert_eq!(check_id_card("990105194913310021", None), id_check::REGION | id_check::BIRTH_DATE_INVALID | id_check::CHECKSUM);
/// ```
pub mod id_check {
    /// Valid.
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::{check_id_card, id_check};
    /// assert_eq!(check_id_card("11010519491231002X", None), id_check::VALID);
    /// ```
    pub const VALID: u8 = 0;
    /// `ID_CARD_FORMAT`: not 17 digits and a digit or `X`, nor 15 digits (no other flag is set with it).
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::{check_id_card, id_check};
    /// assert_eq!(check_id_card("123", None), id_check::FORMAT);
    /// assert_eq!(check_id_card("11010519491231002Y", None), id_check::FORMAT);
    /// ```
    pub const FORMAT: u8 = 1;
    /// `ID_CARD_REGION_UNKNOWN`.
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::{check_id_card, id_check};
    /// // 99 is no province; the date and check digit are right.
    /// assert_eq!(check_id_card("990105194912310023", None), id_check::REGION);
    /// ```
    pub const REGION: u8 = 2;
    /// `ID_CARD_BIRTH_DATE_INVALID`.
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::{check_id_card, id_check};
    /// // Month 13; 1949 has no 29 February.
    /// assert_eq!(check_id_card("110105194913310021", None), id_check::BIRTH_DATE_INVALID);
    /// assert_eq!(check_id_card("110105194902290029", None), id_check::BIRTH_DATE_INVALID);
    /// ```
    pub const BIRTH_DATE_INVALID: u8 = 4;
    /// `ID_CARD_BIRTH_DATE_FUTURE` (only when `today` is given).
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::{check_id_card, id_check};
    /// let today = mallcare::Date::parse("2026-05-01").ok();
    /// assert_eq!(check_id_card("11010520300101001X", today), id_check::BIRTH_DATE_FUTURE);
    /// assert_eq!(check_id_card("11010520300101001X", None), id_check::VALID);
    /// ```
    pub const BIRTH_DATE_FUTURE: u8 = 8;
    /// `ID_CARD_CHECKSUM`.
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::{check_id_card, id_check};
    /// assert_eq!(check_id_card("110105194912310021", None), id_check::CHECKSUM);
    /// ```
    pub const CHECKSUM: u8 = 16;
    /// `ID_CARD_EMPTY` (alone).
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::{check_id_card, id_check};
    /// assert_eq!(check_id_card("   ", None), id_check::EMPTY);
    /// ```
    pub const EMPTY: u8 = 32;
    /// `ID_CARD_TOO_LONG` (alone).
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::{check_id_card, id_check, MAX_INPUT_CHARS};
    /// let long = "1".repeat(MAX_INPUT_CHARS + 1);
    /// assert_eq!(check_id_card(&long, None), id_check::TOO_LONG);
    /// ```
    pub const TOO_LONG: u8 = 64;
    /// `INPUT_NOT_STRING` (alone): an item of a batch (`check_id_cards_json`, the JS calls) that is not a string.
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::{check_id_cards_json, id_check};
    /// let codes = check_id_cards_json(r#"[null, 110105194912310021]"#, None).unwrap();
    /// assert_eq!(codes, [id_check::NOT_STRING, id_check::NOT_STRING]);
    /// ```
    pub const NOT_STRING: u8 = 128;
}

/// What one pass over a prepared ID number found; no allocation.
struct Scan {
    flags: u8,
    number: [u8; 18],
    /// The 15 legacy digits when the number was upgraded.
    legacy: Option<[u8; 15]>,
    region: u32,
    ymd: (u32, u32, u32),
    province: Option<(&'static str, &'static str)>,
    kind: IdCardKind,
}

impl Scan {
    /// The birth date, when it is a real day.
    fn birth(&self) -> Option<Date> {
        let (y, m, d) = self.ymd;
        if self.flags & (id_check::FORMAT | id_check::BIRTH_DATE_INVALID) != 0 {
            return None;
        }
        i32::try_from(y).ok().and_then(|y| Date::from_ymd(y, m, d).ok())
    }
}

/// Scans a prepared (folded, trimmed) ID text.
fn scan(s: &[u8], today: Option<Date>) -> Scan {
    let mut out = Scan {
        flags: 0,
        number: [0u8; 18],
        legacy: None,
        region: 0,
        ymd: (0, 0, 0),
        province: None,
        kind: IdCardKind::Resident,
    };
    let mut buf = [0u8; 18];
    let mut n = 0usize;
    // The common case: exactly 17 digits and a digit or X.
    let plain18 = s.len() == 18
        && s.iter().take(17).all(u8::is_ascii_digit)
        && s.last().is_some_and(|&c| c.is_ascii_digit() || c == b'X' || c == b'x');
    if plain18 {
        buf.copy_from_slice(s);
        if let Some(last) = buf.last_mut() {
            last.make_ascii_uppercase();
        }
        n = 18;
    }
    // After preparing, the text is folded to ASCII where a person would expect it; any other byte is not allowed.
    for &c in if plain18 { &[][..] } else { s } {
        let b = match c {
            b' ' => continue,
            b'0'..=b'9' | b'X' => c,
            b'x' => b'X',
            _ => {
                out.flags = id_check::FORMAT;
                return out;
            }
        };
        match buf.get_mut(n) {
            Some(slot) => *slot = b,
            None => {
                out.flags = id_check::FORMAT;
                return out;
            }
        }
        n += 1;
    }
    let x_only_last =
        |len: usize| buf.iter().take(len).position(|&b| b == b'X').is_none_or(|p| p + 1 == 18 && len == 18);
    match n {
        18 if x_only_last(18) => out.number = buf,
        15 if x_only_last(15) => {
            let mut up = [b'0'; 18];
            for (i, slot) in up.iter_mut().enumerate().take(17) {
                let src = match i {
                    0..=5 => buf.get(i),
                    6 => Some(&b'1'),
                    7 => Some(&b'9'),
                    _ => buf.get(i - 2),
                };
                *slot = src.copied().unwrap_or(b'0');
            }
            let body: [u8; 17] = up.get(..17).and_then(|b| b.try_into().ok()).unwrap_or([b'0'; 17]);
            if let Some(last) = up.get_mut(17) {
                *last = check_char(&body);
            }
            out.number = up;
            out.legacy = buf.get(..15).and_then(|b| b.try_into().ok());
        }
        _ => {
            out.flags = id_check::FORMAT;
            return out;
        }
    }
    let number = out.number;
    let field = |a: usize, b: usize| number.get(a..b).unwrap_or(&[]);
    let region = num(field(0, 6));
    out.region = region;
    let (kind, province, region_flag) = region_facts(region);
    (out.kind, out.province) = (kind, province);
    out.flags |= region_flag;
    let (y, m, d) = (num(field(6, 10)), num(field(10, 12)), num(field(12, 14)));
    out.ymd = (y, m, d);
    out.flags |= date_flags(y, m, d, today);
    let body: [u8; 17] = number.get(..17).and_then(|b| b.try_into().ok()).unwrap_or([b'0'; 17]);
    if number.get(17).copied() != Some(check_char(&body)) {
        out.flags |= id_check::CHECKSUM;
    }
    out
}

/// Prepares and scans; `Err` carries the flag of empty or over-long input.
/// The kind, province and `REGION` flag (or 0) of a six-digit region code.
fn region_facts(region: u32) -> (IdCardKind, Option<(&'static str, &'static str)>, u8) {
    match region {
        810_000 => (IdCardKind::HongKongPermit, province_name(81), 0),
        820_000 => (IdCardKind::MacaoPermit, province_name(82), 0),
        830_000 => (IdCardKind::TaiwanPermit, province_name(71), 0),
        _ => {
            let p = province_name(region / 10_000);
            let flag = if p.is_none() || !region_code_exists(region) { id_check::REGION } else { 0 };
            (IdCardKind::Resident, p, flag)
        }
    }
}

/// `BIRTH_DATE_INVALID` unless y-m-d is a real day of the proleptic Gregorian calendar (as `Date::from_ymd`, checked
/// without building a date), else `BIRTH_DATE_FUTURE` when it is after `today`, else 0.
fn date_flags(y: u32, m: u32, d: u32, today: Option<Date>) -> u8 {
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    if d == 0 || d > days {
        id_check::BIRTH_DATE_INVALID
    } else if today.is_some_and(|t| {
        let key = |yy: i32, mm: u32, dd: u32| i64::from(yy) * 10_000 + i64::from(mm * 100 + dd);
        key(t.year(), t.month(), t.day()) < i64::from(y * 10_000 + m * 100 + d)
    }) {
        id_check::BIRTH_DATE_FUTURE
    } else {
        0
    }
}

/// [`check_id_card`] in one pass for the common input: exactly 17 ASCII digits then a digit or `X`/`x`, nothing
/// around them. `None` for any other text (the full scan handles it). The flags are the full scan's.
fn check_plain18(s: &[u8], today: Option<Date>) -> Option<u8> {
    if s.len() != 18 {
        return None;
    }
    let mut digits = [0u32; 17];
    let mut sum = 0u32;
    for ((slot, &c), w) in digits.iter_mut().zip(s).zip(WEIGHTS) {
        let d = u32::from(c.wrapping_sub(b'0'));
        if d > 9 {
            return None;
        }
        *slot = d;
        sum += d * w;
    }
    let last = match s.get(17).copied()? {
        c @ b'0'..=b'9' => c,
        b'x' | b'X' => b'X',
        _ => return None,
    };
    let field = |a: usize, b: usize| digits.get(a..b).map_or(0, |ds| ds.iter().fold(0, |acc, d| acc * 10 + d));
    let mut flags = region_facts(field(0, 6)).2 | date_flags(field(6, 10), field(10, 12), field(12, 14), today);
    if CHECK.get((sum % 11) as usize) != Some(&last) {
        flags |= id_check::CHECKSUM;
    }
    Some(flags)
}

fn scan_text(text: &str, today: Option<Date>) -> std::result::Result<Scan, u8> {
    match prepare_quiet(text) {
        Ok(s) => Ok(scan(s.as_bytes(), today)),
        Err(Prep::Empty) => Err(id_check::EMPTY),
        Err(Prep::TooLong) => Err(id_check::TOO_LONG),
    }
}

/// The verdict of [`validate_id_card`] as [`id_check`] flags, without building the value or any message: `0` for
/// a valid number. Allocates nothing for ASCII input (the common case); this is the fast path of batch checks.
///
/// # Errors
/// None: problems are the returned flags.
///
/// # Example
/// ```
/// use mallcare::validation::{check_id_card, id_check};
/// let today = mallcare::Date::parse("2026-05-01").ok();
/// assert_eq!(check_id_card("11010519491231002X", today), id_check::VALID);
/// assert_eq!(check_id_card("11010520300101001X", today), id_check::BIRTH_DATE_FUTURE);
/// assert_eq!(check_id_card("", today), id_check::EMPTY);
/// ```
pub fn check_id_card(text: &str, today: Option<Date>) -> u8 {
    if let Some(flags) = check_plain18(text.as_bytes(), today) {
        return flags;
    }
    match scan_text(text, today) {
        Ok(s) => s.flags,
        Err(flag) => flag,
    }
}

/// The facts of a valid ID number as numbers (for callers that want them without strings): see
/// [`id_card_facts`].
///
/// # Example
/// ```
/// let f = mallcare::validation::id_card_facts("11010519491231002X", mallcare::Date::parse("2026-05-01").ok()).unwrap();
/// assert_eq!((f.region_code, f.birth_date, f.male, f.age), (110105, 19491231, false, Some(76)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdCardFacts {
    /// The six-digit region code as a number (`110105`).
    pub region_code: u32,
    /// The province code (`11`; Taiwan permits `71`, Hong Kong `81`, Macao `82`).
    pub province_code: u32,
    /// The birth date as the number `yyyymmdd` (`19491231`).
    pub birth_date: u32,
    /// Sex from the sequence code: `true` for male.
    pub male: bool,
    /// Full years of age at `today`; absent without `today`.
    pub age: Option<u32>,
    /// Resident card or residence permit.
    pub kind: IdCardKind,
    /// Whether the number was a 15-digit legacy number (upgraded).
    pub upgraded: bool,
    /// The check character of the 18-character number (`b'0'..=b'9'` or `b'X'`).
    pub check: u8,
}

/// [`check_id_card`] and, for a valid number, its facts as numbers (no allocation for ASCII input).
///
/// # Errors
/// The [`id_check`] flags (never `0`) of an invalid number.
///
/// # Example
/// ```
/// use mallcare::validation::{id_card_facts, id_check, IdCardKind};
/// let f = id_card_facts("810000199408230021", None).unwrap();
/// assert_eq!((f.kind, f.province_code, f.age), (IdCardKind::HongKongPermit, 81, None));
/// assert_eq!(id_card_facts("810000199408230022", None), Err(id_check::CHECKSUM));
/// ```
pub fn id_card_facts(text: &str, today: Option<Date>) -> std::result::Result<IdCardFacts, u8> {
    let s = scan_text(text, today)?;
    if s.flags != 0 {
        return Err(s.flags);
    }
    let Some(birth) = s.birth() else { return Err(id_check::BIRTH_DATE_INVALID) };
    let (y, m, d) = s.ymd;
    Ok(IdCardFacts {
        region_code: s.region,
        province_code: match s.kind {
            IdCardKind::TaiwanPermit => 71,
            _ => s.region / 10_000,
        },
        birth_date: y * 10_000 + m * 100 + d,
        male: s.number.get(16).is_some_and(|c| c.wrapping_sub(b'0') % 2 == 1),
        age: today.map(|t| age_at(birth, t)),
        kind: s.kind,
        upgraded: s.legacy.is_some(),
        check: s.number.get(17).copied().unwrap_or(b'0'),
    })
}

/// Validates a resident ID number (18 digits, or a 15-digit legacy number, upgraded) or a Hong Kong / Macao /
/// Taiwan residence permit number.
///
/// Checks: the format; the region code (the province must exist; the six-digit code must be one that ever existed in
/// GB/T 2260, abolished ones included); the birth date is a real day and, when `today` is given, not after it; the
/// ISO 7064 MOD 11-2 check character (`x` is read as `X`). Full-width characters, surrounding and inner spaces are
/// ignored. Without `today` the age is absent and a future birth date is not detected: pass `today` whenever a person
/// is signing up.
///
/// # Errors
/// Every problem found, at once:
/// * `ID_CARD_EMPTY`, `ID_CARD_TOO_LONG`, `ID_CARD_FORMAT` (not 18 characters of 17 digits + digit/X, or 15 digits).
/// * `ID_CARD_REGION_UNKNOWN`: no such province or county code.
/// * `ID_CARD_BIRTH_DATE_INVALID`: not a real day; `ID_CARD_BIRTH_DATE_FUTURE`: after `today`.
/// * `ID_CARD_CHECKSUM`: wrong check character.
///
/// # Example
/// ```
/// use mallcare::validation::validate_id_card;
/// let id = validate_id_card(" 11010519491231002x ", None).unwrap();
/// assert_eq!((id.number.as_str(), id.province), ("11010519491231002X", "北京市"));
/// assert_eq!(validate_id_card("110105194912310021", None).unwrap_err().code(), "ID_CARD_CHECKSUM");
/// ```
pub fn validate_id_card(text: &str, today: Option<Date>) -> Result<IdCard> {
    let s = prepare(text, "ID_CARD", ("身份证号", "ID number"))?;
    let sc = scan(s.as_bytes(), today);
    if sc.flags & id_check::FORMAT != 0 {
        return Err(Error::from(issue(
            "ID_CARD_FORMAT",
            format!("身份证号应为 18 位（17 位数字加数字或 X）或 15 位数字：“{}”", clip(text)),
            format!("an ID number has 18 characters (17 digits and a digit or X) or 15 digits: \"{}\"", clip(text)),
        )));
    }
    let mut issues: Vec<Issue> = Vec::new();
    let region = sc.region;
    if sc.flags & id_check::REGION != 0 {
        issues.push(issue(
            "ID_CARD_REGION_UNKNOWN",
            format!("地区码 {region:06} 不存在"),
            format!("region code {region:06} does not exist"),
        ));
    }
    let (y, m, d) = sc.ymd;
    if sc.flags & id_check::BIRTH_DATE_INVALID != 0 {
        issues.push(issue(
            "ID_CARD_BIRTH_DATE_INVALID",
            format!("出生日期 {y:04}-{m:02}-{d:02} 不是真实日期"),
            format!("birth date {y:04}-{m:02}-{d:02} is not a real day"),
        ));
    }
    if sc.flags & id_check::BIRTH_DATE_FUTURE != 0 {
        issues.push(issue(
            "ID_CARD_BIRTH_DATE_FUTURE",
            format!("出生日期 {y:04}-{m:02}-{d:02} 晚于今天"),
            format!("birth date {y:04}-{m:02}-{d:02} is after today"),
        ));
    }
    if sc.flags & id_check::CHECKSUM != 0 {
        issues.push(issue(
            "ID_CARD_CHECKSUM",
            "身份证号校验码错误".to_string(),
            "the ID number's check character is wrong".to_string(),
        ));
    }
    let (Some(birth_date), Some(province), true) = (sc.birth(), sc.province, issues.is_empty()) else {
        return Err(Error::new(issues));
    };
    let number = sc.number;
    let sex = if number.get(16).is_some_and(|c| c.wrapping_sub(b'0') % 2 == 1) { Sex::Male } else { Sex::Female };
    Ok(IdCard {
        number: Code(number),
        kind: sc.kind,
        region_code: Code(number.get(0..6).and_then(|b| b.try_into().ok()).unwrap_or([b'0'; 6])),
        province: province.0,
        province_en: province.1,
        birth_date,
        sex,
        age: today.map(|t| age_at(birth_date, t)),
        upgraded_from: sc.legacy.map(|l| String::from_utf8_lossy(&l).into_owned()),
    })
}

/// Full years from `birth` to `today` (0 if `today` is earlier).
fn age_at(birth: Date, today: Date) -> u32 {
    let years = today.year() - birth.year() - i32::from((today.month(), today.day()) < (birth.month(), birth.day()));
    u32::try_from(years).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gb11643_example() {
        // GB 11643-1999 appendix example: 11010519491231002X.
        let id = validate_id_card("11010519491231002X", None).unwrap();
        assert_eq!(id.sex, Sex::Female);
        assert_eq!(id.age, None);
    }

    #[test]
    fn age_counts_birthdays() {
        let b = Date::parse("2000-02-29").unwrap();
        assert_eq!(age_at(b, Date::parse("2026-02-28").unwrap()), 25);
        assert_eq!(age_at(b, Date::parse("2026-03-01").unwrap()), 26);
    }

    #[test]
    fn collects_every_issue() {
        // bad region, bad date, bad check digit
        let e = validate_id_card("990105194913310021", None).unwrap_err();
        let codes: Vec<&str> = e.issues().iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["ID_CARD_REGION_UNKNOWN", "ID_CARD_BIRTH_DATE_INVALID", "ID_CARD_CHECKSUM"]);
    }
}
