//! Packed arguments: the form the npm package's overlay (`scripts/pkg/overlay/points.js`) writes instead of
//! `JSON.stringify`, for the two calls that take large arguments (`earn` on a many-line order, `balance` over a long
//! ledger).
//!
//! The overlay reads a plain JS argument once, checks every field's type (anything unusual: it takes the generated
//! path instead), and writes
//! * numbers as little-endian `f64` slots, in a fixed order per record;
//! * text as one concatenated string; a slot holds each piece's length in UTF-16 units;
//! * dates and timestamps in their common forms (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS+08:00`) as digits packed into
//!   one number (`yyyymmdd`, `yyyymmddhhmmss`), any other form as text to parse.
//!
//! Slots: a text slot is `-1` (absent or `null`) or a length; a date or timestamp slot is `-1` (absent or `null`),
//! packed digits (`>= 0`), or `-2 - length` for text. Reading fails (`None`) on anything the packed form cannot
//! decide exactly as the JSON reader would (a value out of range, a bad date, text the host could not encode): the
//! overlay then takes the generated path, which answers or throws as before. So the packed form only ever gives
//! the answer the JSON path gives; the vectors and `tests/js/points-overlay.test.mjs` check it in every runtime.

use super::earn::{EarnDetail, LineIn, OrderIn};
use super::ledger::{Event, EventKind};
use super::{Balance, Member, Program};
use crate::error::Locale;
use crate::{Date, Timestamp};
use std::borrow::Cow;

/// A cursor over packed slots and their text.
pub(crate) struct Packed<'a> {
    nums: &'a [u8],
    slot: usize,
    text: &'a str,
    ascii: bool,
    pos: usize,
    /// The last packed day read (`yyyymmdd`) and its midnight, China time.
    day: Option<(i64, Date, Timestamp)>,
}

/// The largest integer an `f64` holds exactly (larger numbers take the JSON path).
const MAX_EXACT_INT: u64 = 9_007_199_254_740_992;

impl<'a> Packed<'a> {
    /// A reader of `nums` (slots) and `text`; `None` when the text holds U+FFFD (the host's encoder writes it for a
    /// lone surrogate, which the JSON reader refuses: the JSON path decides).
    pub(crate) fn new(nums: &'a [u8], text: &'a str) -> Option<Packed<'a>> {
        let ascii = text.is_ascii();
        // U+FFFD is EF BF BD in UTF-8.
        let b = text.as_bytes();
        if !ascii && b.iter().enumerate().any(|(i, c)| *c == 0xef && b.get(i + 1..i + 3) == Some(&[0xbf, 0xbd][..])) {
            return None;
        }
        Some(Packed { nums, slot: 0, text, ascii, pos: 0, day: None })
    }

    /// Whether every slot and every character was read.
    pub(crate) fn done(&self) -> bool {
        self.slot * 8 == self.nums.len() && self.pos == self.text.len()
    }

    /// The next slot.
    #[inline]
    pub(crate) fn num(&mut self) -> Option<f64> {
        let b = self.nums.get(self.slot * 8..self.slot * 8 + 8)?;
        self.slot += 1;
        Some(f64::from_le_bytes(b.try_into().ok()?))
    }

    /// The next slot as an integer (a JSON integer within `f64`'s exact range).
    #[inline]
    pub(crate) fn int(&mut self) -> Option<i64> {
        let v = self.num()?;
        // Integral when the (saturating) conversion converts back to the same number (NaN becomes 0, infinities
        // the ends of `i64`: neither converts back), then within ±2^53.
        #[allow(clippy::cast_possible_truncation, reason = "checked: must convert back to the same number")]
        let i = v as i64;
        #[allow(clippy::cast_precision_loss, reason = "compared with the original: equal only when exact")]
        (i as f64 == v && i.unsigned_abs() <= MAX_EXACT_INT).then_some(i)
    }

    /// The next `units` UTF-16 code units of text.
    fn take(&mut self, units: i64) -> Option<&'a str> {
        let units = usize::try_from(units).ok()?;
        let rest = self.text.get(self.pos..)?;
        let len = if self.ascii {
            units
        } else {
            let mut seen = 0;
            let mut bytes = 0;
            for c in rest.chars() {
                if seen >= units {
                    break;
                }
                seen += c.len_utf16();
                bytes += c.len_utf8();
            }
            if seen != units {
                return None;
            }
            bytes
        };
        let s = rest.get(..len)?;
        self.pos += len;
        Some(s)
    }

    /// A text slot: `None` for a value the packed form cannot hold, `Some(None)` for absent or `null`.
    pub(crate) fn opt_str(&mut self) -> Option<Option<&'a str>> {
        match self.int()? {
            -1 => Some(None),
            n => self.take(n).map(Some),
        }
    }

    /// A text slot of a field the call does not look at: `-2` (a string left out by the host, which checked that
    /// it is well-formed) reads as absent when `skippable`, and fails otherwise; else as [`Packed::opt_str`].
    fn opt_str_or_skip(&mut self, skippable: bool) -> Option<Option<&'a str>> {
        match self.int()? {
            -1 => Some(None),
            -2 => skippable.then_some(None),
            n => self.take(n).map(Some),
        }
    }

    /// Midnight (China time) of a packed `yyyymmdd`, remembered for the next call.
    fn day(&mut self, ymd: i64) -> Option<(Date, Timestamp)> {
        if let Some((k, d, t)) = self.day {
            if k == ymd {
                return Some((d, t));
            }
        }
        if !(0..100_000_000).contains(&ymd) {
            return None;
        }
        let part = |div: i64| u32::try_from(ymd / div % 100).ok();
        let year = i32::try_from(ymd / 10_000).ok()?;
        let date = Date::from_ymd(year, part(100)?, part(1)?).ok()?;
        let midnight = Timestamp::at_second_of_day(date, 0).ok()?;
        self.day = Some((ymd, date, midnight));
        Some((date, midnight))
    }

    /// A date slot (`Date::parse` of its text, or the packed digits): `Some(None)` for absent or `null`.
    pub(crate) fn opt_date(&mut self) -> Option<Option<Date>> {
        match self.int()? {
            -1 => Some(None),
            v if v >= 0 => self.day(v).map(|(d, _)| Some(d)),
            v => {
                let text = self.take(-2 - v)?;
                Date::parse(text).ok().map(Some)
            }
        }
    }

    /// A timestamp slot (`Timestamp::parse` of its text, or the packed digits of `YYYY-MM-DDTHH:MM:SS+08:00`).
    pub(crate) fn timestamp(&mut self) -> Option<Timestamp> {
        match self.int()? {
            v if v >= 0 => {
                let (hms, ymd) = (v % 1_000_000, v / 1_000_000);
                let (h, m, s) = (hms / 10_000, hms / 100 % 100, hms % 100);
                // The range `Timestamp::parse` accepts in this form (no leap second, no 24:00).
                if h > 23 || m > 59 || s > 59 {
                    return None;
                }
                let (date, _) = self.day(ymd)?;
                // `Timestamp::at(date, h, m, s)`, by arithmetic (a long ledger reads one per event).
                Timestamp::at_second_of_day(date, u32::try_from(h * 3600 + m * 60 + s).ok()?).ok()
            }
            -1 => None,
            v => {
                let text = self.take(-2 - v)?;
                Timestamp::parse(text).ok()
            }
        }
    }

    /// A boolean slot (0 or 1).
    pub(crate) fn bool(&mut self) -> Option<bool> {
        match self.int()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

fn cow(s: Option<&str>) -> Option<Cow<'_, str>> {
    s.map(Cow::Borrowed)
}

impl Program {
    /// [`Program::earn_json_text`] over a packed order (see the module notes in `src/points/packed.rs`): the same
    /// JSON answer text. What the npm overlay calls for `earn` with a plain-object order.
    ///
    /// Slots: `nlines`, `detail` (0 full, 1 lines, 2 total), locale (text; absent: `locale`), order `id`, `store`,
    /// `channel` (text), member `tier` (text), `birthday` (date), `firstPurchase` (0/1), `pointsEarnedToday`,
    /// `availablePoints` present (0/1) and value, `at` (timestamp); per line `id`, `sku`, `category`, `brand` (text,
    /// or `-2`: a string left out, see [`Program::earn_fields`]), `paidFen`, `pointsPaid`, `pendingUntil` (date).
    ///
    /// # Errors
    /// `None` when the packed form cannot decide or the call has a problem of any kind: the JSON path then
    /// answers with every issue.
    ///
    /// # Example
    /// ```
    /// use mallcare::points::Program;
    /// let p = Program::load(r#"{ "version": "1" }"#).unwrap();
    /// // One line of 1000 fen, detail "total", no locale/order id/store/channel/tier/birthday, not a first
    /// // purchase, nothing earned today, no available points, at 2026-05-01T10:00:00+08:00.
    /// let slots: Vec<u8> = [1.0, 2.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 0.0, 0.0, 0.0, 0.0, 20260501100000.0,
    ///     -1.0, -1.0, -1.0, -1.0, 1000.0, 0.0, -1.0].iter().flat_map(|v: &f64| v.to_le_bytes()).collect();
    /// let text = p.earn_packed(&slots, "", mallcare::Locale::En).unwrap();
    /// assert!(text.contains(r#""points":10,"#));
    /// ```
    pub fn earn_packed(&self, nums: &[u8], text: &str, locale: Locale) -> Option<String> {
        let mut p = Packed::new(nums, text)?;
        let nlines = usize::try_from(p.int()?).ok()?;
        let detail = match p.int()? {
            0 => EarnDetail::Full,
            1 => EarnDetail::Lines,
            2 => EarnDetail::Total,
            _ => return None,
        };
        let locale = p.opt_str()?.map_or(locale, Locale::parse);
        let (id, store, channel) = (p.opt_str()?, p.opt_str()?, p.opt_str()?);
        let member = Member {
            id: None,
            tier: p.opt_str()?.map(String::from),
            birthday: p.opt_date()?,
            first_purchase: p.bool()?,
            points_earned_today: p.int()?,
            campaign_points: std::collections::BTreeMap::new(),
            available_points: None,
        };
        let (has_available, available) = (p.bool()?, p.int()?);
        let member = Member { available_points: has_available.then_some(available), ..member };
        let at = p.timestamp()?;
        let mut lines = Vec::with_capacity(nlines.min(nums.len() / 56));
        // Text no part of this answer depends on may be left out (slot -2): a line's id when only the total is
        // asked for, and the fields no rule or exclusion looks at (`Program::earn_fields`).
        let fields = self.compiled.line_fields();
        let skip_id = detail == EarnDetail::Total;
        for _ in 0..nlines {
            lines.push(LineIn {
                id: cow(p.opt_str_or_skip(skip_id)?),
                sku: cow(p.opt_str_or_skip(fields & 4 == 0)?),
                category: cow(p.opt_str_or_skip(fields & 1 == 0)?),
                brand: cow(p.opt_str_or_skip(fields & 2 == 0)?),
                paid_fen: p.int()?,
                points_paid: p.int()?,
                pending_until: p.opt_date()?,
            });
        }
        if !p.done() {
            return None;
        }
        let order = OrderIn { id: cow(id), store: cow(store), channel: cow(channel), lines };
        let core = self.earn_core(&order, &member, at, detail).ok()?;
        self.json_of(&core, locale, detail).ok()
    }

    /// Which line fields of an order any earning rule or exclusion looks at: bit 0 `category`, bit 1 `brand`,
    /// bit 2 `sku`. The packed form of `earn` may leave the others' text out (slot `-2`), as it may a line's `id`
    /// when only the total is asked for: no part of the answer depends on them.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::points::Program;
    /// let p = Program::load(r#"{ "version": "1", "earning": { "exclusions": { "categories": ["giftCard"] } } }"#)
    ///     .unwrap();
    /// assert_eq!(p.earn_fields(), 1);
    /// ```
    pub fn earn_fields(&self) -> u32 {
        self.compiled.line_fields()
    }

    /// [`Program::balance`] over a packed ledger (see the module notes in `src/points/packed.rs`). What the npm
    /// overlay calls for `balance` with an array of plain-object events.
    ///
    /// Slots: `nevents`, then per event its kind (0 earn, 1 redeem, 2 expire, 3 clawback, 4 adjust), `at`
    /// (timestamp), `points`, `availableOn`, `expiresOn` (dates), `ref` (text, read from `refs`). `note` is not
    /// packed: no balance depends on it; `ref` only matters (and is only needed) when the ledger has a clawback.
    ///
    /// # Errors
    /// `None` when the packed form cannot decide or the ledger has a problem of any kind: the JSON path then
    /// answers with every issue.
    ///
    /// # Example
    /// ```
    /// use mallcare::points::Program;
    /// use mallcare::Timestamp;
    /// let p = Program::load(r#"{ "version": "1" }"#).unwrap();
    /// // One earn of 300 points at 2026-05-01T10:00:00+08:00 (timestamp as text), no dates, no ref.
    /// let at = "2026-05-01T10:00:00+08:00";
    /// let slots: Vec<u8> = [1.0, 0.0, -2.0 - at.len() as f64, 300.0, -1.0, -1.0, -1.0]
    ///     .iter().flat_map(|v: &f64| v.to_le_bytes()).collect();
    /// let b = p.balance_packed(&slots, at, "", Timestamp::parse("2026-05-02T00:00:00+08:00").unwrap()).unwrap();
    /// assert_eq!(b.available, 300);
    /// ```
    pub fn balance_packed(&self, nums: &[u8], text: &str, refs: &str, at: Timestamp) -> Option<Balance> {
        let events = Program::packed_events(nums, text, refs)?;
        self.balance(&events, at).ok()
    }

    fn packed_events(nums: &[u8], text: &str, refs: &str) -> Option<Vec<Event>> {
        let mut p = Packed::new(nums, text)?;
        let mut r = Packed::new(&[], refs)?;
        let n = usize::try_from(p.int()?).ok()?;
        let mut events = Vec::with_capacity(n.min(nums.len() / 48));
        for _ in 0..n {
            let kind = match p.int()? {
                0 => EventKind::Earn,
                1 => EventKind::Redeem,
                2 => EventKind::Expire,
                3 => EventKind::Clawback,
                4 => EventKind::Adjust,
                _ => return None,
            };
            let at = p.timestamp()?;
            let points = p.int()?;
            let available_on = p.opt_date()?;
            let expires_on = p.opt_date()?;
            let reference = match p.int()? {
                -1 => None,
                len => Some(r.take(len)?.to_string()),
            };
            events.push(Event { kind, at, points, available_on, expires_on, reference, note: None });
        }
        (p.done() && r.pos == refs.len()).then_some(events)
    }
}
