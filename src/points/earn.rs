//! Earning: points per line and per order, with a readable breakdown and the date they become available.

use super::compiled::ExcludedBy;
use super::doc::{parse_hhmm, weekday_number, BirthdayMatch, Combine, RoundMode, RoundScope, RuleDoc};
use super::ledger::{Event, EventKind};
use super::ratio::{to_i64, Q};
use super::{localize_all, Member, Program, Reason};
use crate::error::{Issue, Issues, Locale};
use crate::money::mul_i64 as mul;
use crate::{Date, Result, Timestamp};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// An order as the till or the app sees it: net paid amounts per line (after discounts and coupons).
///
/// # Example
/// ```
/// let o: mallcare::points::Order = serde_json::from_str(
///     r#"{ "id": "SO-1", "store": "SH01", "channel": "pos",
///          "lines": [ { "sku": "A1", "category": "cosmetics", "brand": "L", "paidFen": 12800 } ] }"#).unwrap();
/// assert_eq!(o.lines[0].paid_fen, 12800);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Order {
    /// Order id; becomes the `ref` of the ledger events.
    #[serde(default)]
    pub id: Option<String>,
    /// Store code, for store campaigns.
    #[serde(default)]
    pub store: Option<String>,
    /// Sales channel (`pos`, `app`, `miniProgram`, ...), for channel campaigns.
    #[serde(default)]
    pub channel: Option<String>,
    /// The lines.
    pub lines: Vec<Line>,
}

/// One order line.
///
/// # Example
/// ```
/// let l: mallcare::points::Line = serde_json::from_str(r#"{ "paidFen": 100, "pendingUntil": "2026-05-08" }"#).unwrap();
/// assert_eq!(l.pending_until.unwrap().to_string(), "2026-05-08");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Line {
    /// Line id (echoed).
    #[serde(default)]
    pub id: Option<String>,
    /// SKU, for SKU rules and exclusions.
    #[serde(default)]
    pub sku: Option<String>,
    /// Category (`giftCard`, `tobacco`, `deposit`, `serviceFee`, `cosmetics`, ...).
    #[serde(default)]
    pub category: Option<String>,
    /// Brand.
    #[serde(default)]
    pub brand: Option<String>,
    /// Net amount paid in money for this line, after discounts and coupons, in fen. Points used as payment are
    /// not part of it and earn nothing.
    pub paid_fen: i64,
    /// Points that paid for part of this line (returned as points on a refund).
    #[serde(default)]
    pub points_paid: i64,
    /// Last day of this line's return window (from the eligibility pillar's decision); points stay pending
    /// through that day. Without it the program's `earning.pendingDays` applies.
    #[serde(default)]
    pub pending_until: Option<Date>,
}

/// An order as `earn` reads it: text fields borrowed (from an [`Order`] or straight from the JSON text of the JS
/// glue, see [`Program::earn_json_text`]), so no line costs an allocation.
#[derive(Default)]
pub(crate) struct OrderIn<'a> {
    pub id: Option<Cow<'a, str>>,
    pub store: Option<Cow<'a, str>>,
    pub channel: Option<Cow<'a, str>>,
    pub lines: Vec<LineIn<'a>>,
}

/// One line of an [`OrderIn`].
#[derive(Default)]
pub(crate) struct LineIn<'a> {
    pub id: Option<Cow<'a, str>>,
    pub sku: Option<Cow<'a, str>>,
    pub category: Option<Cow<'a, str>>,
    pub brand: Option<Cow<'a, str>>,
    pub paid_fen: i64,
    pub points_paid: i64,
    pub pending_until: Option<Date>,
}

fn cow(s: &Option<String>) -> Option<Cow<'_, str>> {
    s.as_deref().map(Cow::Borrowed)
}

impl Order {
    fn view(&self) -> OrderIn<'_> {
        OrderIn {
            id: cow(&self.id),
            store: cow(&self.store),
            channel: cow(&self.channel),
            lines: self
                .lines
                .iter()
                .map(|l| LineIn {
                    id: cow(&l.id),
                    sku: cow(&l.sku),
                    category: cow(&l.category),
                    brand: cow(&l.brand),
                    paid_fen: l.paid_fen,
                    points_paid: l.points_paid,
                    pending_until: l.pending_until,
                })
                .collect(),
        }
    }
}

/// Points one rule gave (negative for caps).
///
/// # Example
/// ```
/// let g = mallcare::points::RuleGain { rule_id: "base".into(), name: None, points: 328 };
/// assert_eq!(serde_json::to_value(&g).unwrap()["ruleId"], "base");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleGain {
    /// `base`, a rule id, `tier:<id>`, `cap:perOrder` or `cap:perDay`.
    pub rule_id: String,
    /// The rule's name from the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Points (negative for a cap).
    pub points: i64,
}

/// Points of one line.
///
/// # Example
/// ```
/// # use mallcare::points::*;
/// let p = Program::load(r#"{"version":"1"}"#).unwrap();
/// let o: Order = serde_json::from_str(r#"{"lines":[{"paidFen":1999}]}"#).unwrap();
/// let r = p.earn(&o, &Member::default(), mallcare::Timestamp::parse("2026-05-01T10:00:00+08:00").unwrap()).unwrap();
/// assert_eq!(r.lines[0].points, 19);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EarnLine {
    /// Index in `order.lines`.
    pub index: usize,
    /// Line id, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Net paid, echoed.
    pub paid_fen: i64,
    /// Points that paid for the line, echoed.
    pub points_paid: i64,
    /// Points this line earns (its share of order bonuses and caps included).
    pub points: i64,
    /// Why the line earns nothing (`category:giftCard`, `sku:…`, `brand:…`), if excluded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded: Option<String>,
    /// Last pending day (end of the return window), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_until: Option<Date>,
    /// First day the points can be spent.
    pub available_on: Date,
    /// Which rules gave what on this line.
    pub rules: Vec<RuleGain>,
}

/// The answer of [`Program::earn`].
///
/// # Example
/// ```
/// # use mallcare::points::*;
/// let p = Program::load(r#"{"version":"1"}"#).unwrap();
/// let o: Order = serde_json::from_str(r#"{"id":"A","lines":[{"paidFen":1000},{"paidFen":2050}]}"#).unwrap();
/// let r = p.earn(&o, &Member::default(), mallcare::Timestamp::parse("2026-05-01T10:00:00+08:00").unwrap()).unwrap();
/// assert_eq!(r.points, 30); // order rounding: floor(30.5)
/// assert_eq!(r.events.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EarnResult {
    /// The program's version.
    pub program_version: String,
    /// The program's fingerprint.
    pub fingerprint: String,
    /// The order id, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// When the order was paid.
    pub at: Timestamp,
    /// Total points.
    pub points: i64,
    /// Net paid on lines that can earn (not excluded).
    pub eligible_fen: i64,
    /// Per line.
    pub lines: Vec<EarnLine>,
    /// Per rule, over the whole order (sums to `points`).
    pub breakdown: Vec<RuleGain>,
    /// Notes: minimum spend not met, caps applied.
    pub notes: Vec<Reason>,
    /// Ledger events to append (one `earn` per availability date).
    pub events: Vec<Event>,
}

impl EarnResult {
    /// The same answer with its notes in `locale`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// # use mallcare::points::*;
    /// let p = Program::load(r#"{"version":"1","earning":{"minimumSpendFen":1000}}"#).unwrap();
    /// let o: Order = serde_json::from_str(r#"{"lines":[{"paidFen":500}]}"#).unwrap();
    /// let at = mallcare::Timestamp::parse("2026-05-01T10:00:00+08:00").unwrap();
    /// let r = p.earn(&o, &Member::default(), at).unwrap().localize(mallcare::Locale::En);
    /// assert!(r.notes[0].message().contains("minimum"));
    /// ```
    pub fn localize(mut self, locale: Locale) -> EarnResult {
        localize_all(&mut self.notes, locale);
        self
    }
}

/// Remainder `a` goes before `b`: larger first, ties to the earlier index (a total order: indices differ).
fn larger_first(a: &(i64, usize), b: &(i64, usize)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && a.1 < b.1)
}

/// Moves the `k` remainders that come first by [`larger_first`] to `v[..k]` (in no particular order): a small
/// quickselect (median-of-three pivot), which falls back to the crate's heapsort on the part still unsettled after
/// `2 log2 n + 4` rounds, so it is O(n) on average and O(n log n) at worst. `select_nth_unstable_by` did the same
/// with 4 KB of wasm; a full heapsort cost a 100-line `earn` several microseconds.
fn select_larger_first(v: &mut [(i64, usize)], k: usize) {
    let at = |v: &[(i64, usize)], i: usize| v.get(i).copied().unwrap_or((0, 0));
    let (mut lo, mut hi) = (0, v.len());
    let mut rounds = 2 * (usize::BITS - v.len().leading_zeros()) + 4;
    // Invariant: v[..lo] all come before v[lo..hi], which all come before v[hi..]; position k - 1 is in lo..hi.
    while k > lo && k < hi && hi - lo > 1 {
        if rounds == 0 {
            if let Some(rest) = v.get_mut(lo..hi) {
                crate::sort::heap_sort_by(rest, larger_first);
            }
            return;
        }
        rounds -= 1;
        // Median of three as the pivot, moved to hi - 1.
        let (a, b, c) = (lo, lo + (hi - lo) / 2, hi - 1);
        let m = if larger_first(&at(v, a), &at(v, b)) == larger_first(&at(v, b), &at(v, c)) {
            b
        } else if larger_first(&at(v, b), &at(v, a)) == larger_first(&at(v, a), &at(v, c)) {
            a
        } else {
            c
        };
        v.swap(m, c);
        let pivot = at(v, c);
        let mut store = lo;
        for i in lo..c {
            if larger_first(&at(v, i), &pivot) {
                v.swap(i, store);
                store += 1;
            }
        }
        v.swap(store, c);
        // v[lo..store] come before the pivot (now at `store`), v[store + 1..hi] after it.
        if store < k {
            lo = store + 1;
        } else {
            hi = store;
        }
    }
}

/// [`crate::split`] in 64 bits (the same parts: floors, then one more to the largest remainders, ties to the
/// earlier index) when `0 <= total <= MAX_FEN`, no weight is negative, some weight is positive and every product
/// fits; `None` otherwise (the caller then asks `crate::split`, which also reports the errors).
fn split64(total: i64, weights: &[i64]) -> Option<Vec<i64>> {
    if !(0..=crate::money::MAX_FEN).contains(&total) || weights.iter().any(|w| *w < 0) {
        return None;
    }
    let sum = weights.iter().try_fold(0i64, |a, w| a.checked_add(*w)).filter(|s| *s > 0)?;
    let mut parts = Vec::with_capacity(weights.len());
    let mut rems = Vec::with_capacity(weights.len());
    let mut assigned = 0i64;
    for (i, w) in weights.iter().enumerate() {
        let exact = mul(total, *w)?;
        let q = exact / sum;
        parts.push(q);
        rems.push((exact % sum, i));
        assigned += q;
    }
    // Fewer than `weights.len()`: the remainders sum to less than one `sum` per weight.
    let leftover = usize::try_from(total - assigned).ok()?;
    if leftover > 0 {
        if leftover < rems.len() {
            select_larger_first(&mut rems, leftover);
        }
        for (_, i) in rems.iter().take(leftover) {
            if let Some(p) = parts.get_mut(*i) {
                *p += 1;
            }
        }
    }
    Some(parts)
}

/// How much of an earn answer [`Program::earn_json`] writes: callers that only show a total (or only keep the
/// per-line points for a later clawback) skip the rest, which is most of the text on a large order.
///
/// # Example
/// ```
/// assert_eq!(mallcare::points::EarnDetail::parse("total"), Some(mallcare::points::EarnDetail::Total));
/// assert_eq!(mallcare::points::EarnDetail::parse("everything"), None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EarnDetail {
    /// Everything (the default): lines with their per-rule breakdown.
    #[default]
    Full,
    /// Lines without their per-rule `rules` (written as `[]`); the answer says `"detail": "lines"`.
    Lines,
    /// No lines (`lines` is `[]`): total, order breakdown, notes, events; the answer says `"detail": "total"`.
    Total,
}

impl EarnDetail {
    /// `"full"`, `"lines"` or `"total"`.
    ///
    /// # Errors
    /// None; `None` for any other text.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::points::EarnDetail::parse("lines"), Some(mallcare::points::EarnDetail::Lines));
    /// ```
    pub fn parse(text: &str) -> Option<EarnDetail> {
        match text {
            "full" => Some(EarnDetail::Full),
            "lines" => Some(EarnDetail::Lines),
            "total" => Some(EarnDetail::Total),
            _ => None,
        }
    }
}

/// An earn answer before it is written out (as an [`EarnResult`] or straight to JSON text).
pub(crate) struct Core<'o> {
    order: &'o OrderIn<'o>,
    at: Timestamp,
    eligible_fen: i64,
    cols: Vec<Column<'o>>,
    grid: Vec<i64>,
    excluded: Vec<Option<ExcludedBy>>,
    line_totals: Vec<i64>,
    cap_col: Option<(&'static str, Vec<i64>)>,
    notes: Vec<Reason>,
    /// (pendingUntil, availableOn) of a line without its own `pendingUntil`.
    default_dates: (Option<Date>, Date),
}

impl Core<'_> {
    fn dates(&self, l: &LineIn<'_>) -> Result<(Option<Date>, Date)> {
        match l.pending_until {
            Some(p) => Ok((Some(p), p.add_days(1)?)),
            None => Ok(self.default_dates),
        }
    }

    /// Whether line `li` lists column `k` among its rules.
    fn shows(&self, li: usize, k: usize) -> Option<i64> {
        let ncols = self.cols.len();
        let p = self.grid.get(li * ncols + k).copied().unwrap_or(0);
        let c = self.cols.get(k)?;
        (c.applied && (p != 0 || k == 0) && self.excluded.get(li).is_some_and(Option::is_none)).then_some(p)
    }

    /// Points by availability date, in date order (kept sorted; lines mostly share a date: the last one is checked
    /// first).
    fn by_day(&self) -> Result<Vec<(Date, i64)>> {
        let mut by_day: Vec<(Date, i64)> = Vec::new();
        for (li, l) in self.order.lines.iter().enumerate() {
            let points = self.line_totals.get(li).copied().unwrap_or(0);
            if points == 0 {
                continue;
            }
            add_on(&mut by_day, self.dates(l)?.1, points);
        }
        Ok(by_day)
    }
}

/// Adds `points` on `day` to `by_day`, kept in date order. Dates mostly arrive in order or repeat, so the last one
/// is checked first (the earn answer's events and the balance's schedules: no `BTreeMap` in the wasm).
pub(super) fn add_on(by_day: &mut Vec<(Date, i64)>, day: Date, points: i64) {
    match by_day.last_mut().filter(|(d, _)| *d == day) {
        Some((_, p)) => *p += points,
        None => match by_day.binary_search_by(|(d, _)| d.cmp(&day)) {
            Ok(i) => {
                if let Some((_, p)) = by_day.get_mut(i) {
                    *p += points;
                }
            }
            Err(i) => by_day.insert(i, (day, points)),
        },
    }
}

/// Why a line earns nothing: `category:giftCard`, `brand:…` or `sku:…`.
fn excluded_text(l: &LineIn<'_>, x: ExcludedBy) -> String {
    let (field, v) = match x {
        ExcludedBy::Category => ("category:", &l.category),
        ExcludedBy::Brand => ("brand:", &l.brand),
        ExcludedBy::Sku => ("sku:", &l.sku),
    };
    [field, v.as_deref().unwrap_or("")].concat()
}

fn internal() -> crate::Error {
    crate::Error::from(Issue::new("INTERNAL", "", "结果无法写成 JSON", "cannot write the answer as JSON"))
}

/// Appends `s` as a JSON string, escaped exactly as serde_json does (`"`, `\\`, and control characters).
pub(crate) fn put_str(w: &mut String, s: &str) {
    w.push('"');
    crate::json::write::escape_str(s, |piece| w.push_str(piece));
    w.push('"');
}

/// Appends an integer in decimal.
pub(crate) fn put_int(w: &mut String, v: i64) {
    w.push_str(crate::json::write::int_text(v, &mut [0; 20]));
}

/// Appends a date as a JSON string `"YYYY-MM-DD"`.
fn put_date(w: &mut String, d: Date) {
    w.push_str(crate::json::write::date_text(d, &mut [0; 12]));
}

/// What the grid computations need about an order.
struct GridInput<'a> {
    lines: &'a [LineIn<'a>],
    excluded: &'a [Option<ExcludedBy>],
    line_masks: &'a [u64],
    order_rules: &'a [bool],
    below_min: bool,
    tier_mult: Option<i64>,
    ncols: usize,
    /// Only the totals are asked for (detail "total") and every line becomes available on the same day: with order
    /// rounding the integer path then gives each column's whole points to the first line instead of sharing them
    /// out (the same totals, notes and events; see `fast_grid`).
    totals_only: bool,
}

struct Column<'a> {
    id: Cow<'a, str>,
    name: Option<&'a str>,
    applied: bool,
}

fn birthday_matches(birthday: Date, today: Date, mode: BirthdayMatch) -> bool {
    if birthday.month() != today.month() {
        return false;
    }
    match mode {
        BirthdayMatch::Month => true,
        BirthdayMatch::Day => {
            if birthday.day() == today.day() {
                return true;
            }
            // 29 February outside leap years: celebrated on 28 February.
            birthday.month() == 2
                && birthday.day() == 29
                && today.day() == 28
                && today.add_days(1).is_ok_and(|d| d.month() == 3)
        }
    }
}

struct Ctx<'a> {
    at: Timestamp,
    date: Date,
    minute: u32,
    weekday: u8,
    tier: &'a str,
    member: &'a Member,
    order: &'a OrderIn<'a>,
    eligible_fen: i64,
}

fn contains(list: &[String], v: Option<&str>) -> bool {
    list.is_empty() || v.is_some_and(|v| list.iter().any(|x| x == v))
}

fn order_ok(r: &RuleDoc, c: &Ctx<'_>) -> bool {
    let w = &r.when;
    if w.from.is_some_and(|f| c.date < f) || w.to.is_some_and(|t| c.date > t) {
        return false;
    }
    if !w.weekdays.is_empty() && !w.weekdays.contains(&c.weekday) {
        return false;
    }
    if let Some(Some(f)) = w.time_from.as_deref().map(parse_hhmm) {
        if c.minute < f {
            return false;
        }
    }
    if let Some(Some(t)) = w.time_to.as_deref().map(parse_hhmm) {
        if c.minute >= t {
            return false;
        }
    }
    if !contains(&w.stores, c.order.store.as_deref()) || !contains(&w.channels, c.order.channel.as_deref()) {
        return false;
    }
    if !w.tiers.is_empty() && !w.tiers.iter().any(|t| t == c.tier) {
        return false;
    }
    if let Some(mode) = w.birthday {
        if !c.member.birthday.is_some_and(|b| birthday_matches(b, c.date, mode)) {
            return false;
        }
    }
    if let Some(fp) = w.first_purchase {
        if fp != c.member.first_purchase {
            return false;
        }
    }
    if w.min_order_fen.is_some_and(|m| c.eligible_fen < m) {
        return false;
    }
    let _ = c.at;
    true
}

fn line_ok(r: &RuleDoc, l: &LineIn<'_>) -> bool {
    let w = &r.when;
    contains(&w.categories, l.category.as_deref())
        && contains(&w.brands, l.brand.as_deref())
        && contains(&w.skus, l.sku.as_deref())
}

/// Keeps what applies among matched rules: an exclusive rule drops every other rule of equal or lower
/// priority; among `bestOf` rules only the largest survives. Returns rule indices in application order
/// (priority descending, then document order).
fn resolve(rules: &[RuleDoc], matched: &mut Vec<usize>, value: impl Fn(&RuleDoc) -> i64) {
    let get = |i: &usize| rules.get(*i);
    let top_exclusive = matched
        .iter()
        .filter_map(|i| get(i).map(|r| (i, r)))
        .filter(|(_, r)| r.combine == Combine::Exclusive)
        .max_by(|a, b| a.1.priority.cmp(&b.1.priority).then(b.0.cmp(a.0)))
        .map(|(i, r)| (*i, r.priority));
    if let Some((ex, p)) = top_exclusive {
        matched.retain(|i| *i == ex || get(i).is_some_and(|r| r.priority > p && r.combine != Combine::Exclusive));
    }
    let best = matched
        .iter()
        .filter_map(|i| get(i).map(|r| (*i, r)))
        .filter(|(_, r)| r.combine == Combine::BestOf)
        .max_by(|a, b| value(a.1).cmp(&value(b.1)).then(a.1.priority.cmp(&b.1.priority)).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i);
    matched.retain(|i| get(i).is_some_and(|r| r.combine != Combine::BestOf) || Some(*i) == best);
    super::read::sort_small(matched, |a, b| {
        let pa = get(a).map_or(0, |r| r.priority);
        let pb = get(b).map_or(0, |r| r.priority);
        pa > pb || (pa == pb && a < b)
    });
}

fn round(q: Q, mode: RoundMode) -> Result<i128> {
    match mode {
        RoundMode::Floor => Ok(q.floor()),
        RoundMode::Round => q.round_half_up(),
    }
}

/// Gives `target` whole points over exact `parts` by largest remainder: floors first, then one point each to the
/// largest fractional parts (ties to the earlier part); a negative leftover takes from the smallest.
fn apportion(target: i128, parts: &[Q]) -> Vec<i128> {
    let mut out: Vec<i128> = parts.iter().map(|q| q.floor()).collect();
    let mut leftover = target - out.iter().sum::<i128>();
    if leftover == 0 || parts.is_empty() {
        return out;
    }
    let n = i128::try_from(parts.len()).unwrap_or(1).max(1);
    // Whole rounds first (never needed for valid input, but keeps this total), then the remainder.
    let rounds = leftover.div_euclid(n);
    if rounds != 0 {
        for v in &mut out {
            *v += rounds;
        }
        leftover -= rounds * n;
    }
    let mut order: Vec<(Q, usize)> = parts.iter().map(|q| q.frac()).zip(0..).collect();
    super::read::sort_small(&mut order, |a, b| b.0.cmp(a.0).then(a.1.cmp(&b.1)) == std::cmp::Ordering::Less);
    for (_, i) in order.iter().take(usize::try_from(leftover).unwrap_or(0)) {
        if let Some(v) = out.get_mut(*i) {
            *v += 1;
        }
    }
    out
}

/// Reduces `values` (whole points) by `excess` in proportion to their positive parts (largest remainder).
fn reduce(values: &mut [i64], excess: i64) -> Result<()> {
    let weights: Vec<i64> = values.iter().map(|v| (*v).max(0)).collect();
    if excess <= 0 || weights.iter().all(|w| *w == 0) {
        return Ok(());
    }
    let cut = crate::split(excess, &weights)?;
    for (v, c) in values.iter_mut().zip(cut) {
        *v -= c;
    }
    Ok(())
}

impl Program {
    /// Points an order earns: per line and in total, which rules gave what, and when they become available.
    ///
    /// How it works (all exact, no floats): each line that is not excluded starts from the base rate on its net
    /// paid amount; the multiplier rules that match it are resolved (an `exclusive` rule silences every rule of
    /// equal or lower priority, only the best `bestOf` rule survives) and applied by descending priority
    /// (`add`/`bestOf`/`exclusive`: + base × (m − 100)%; `multiply`: × m%); then the tier's
    /// `pointsMultiplierPercent` multiplies the result. Bonus rules (`bonusPoints`) are resolved the same way and
    /// shared over the lines they match by net paid (largest remainder). Rounding is per line or once per order as
    /// the document says; caps per rule, per order and per day are applied last, taken from lines in proportion.
    ///
    /// Points of a line stay pending through `pendingUntil` (the return window's last day; give it from the
    /// eligibility decision) or, without it, for `earning.pendingDays` days.
    ///
    /// # Errors
    /// `POINTS_ORDER_EMPTY`, `POINTS_AMOUNT_NEGATIVE` (`order.lines[i].paidFen`), `POINTS_PENDING_BEFORE_SALE`,
    /// `POINTS_TIER_UNKNOWN` (`member.tier`), `POINTS_VALUE_NEGATIVE`, `POINTS_OVERFLOW`; all at once.
    ///
    /// # Example
    /// ```
    /// use mallcare::points::{Member, Order, Program};
    /// let p = Program::load(r#"{ "version": "1", "earning": { "rules": [
    ///   { "id": "tue2x", "name": "周二双倍", "priority": 10, "combine": "multiply",
    ///     "multiplierPercent": 200, "when": { "weekdays": [2] } } ] } }"#).unwrap();
    /// let o: Order = serde_json::from_str(r#"{ "lines": [ { "paidFen": 10000 } ] }"#).unwrap();
    /// let tuesday = mallcare::Timestamp::parse("2026-05-05T10:00:00+08:00").unwrap();
    /// let r = p.earn(&o, &Member::default(), tuesday).unwrap();
    /// assert_eq!(r.points, 200);
    /// assert_eq!(r.breakdown[1].rule_id, "tue2x");
    /// assert_eq!(r.breakdown[1].points, 100);
    /// ```
    pub fn earn(&self, order: &Order, member: &Member, at: Timestamp) -> Result<EarnResult> {
        let view = order.view();
        let core = self.earn_core(&view, member, at, EarnDetail::Full)?;
        self.result_of(core)
    }

    /// [`Program::earn`] straight to JSON text in `locale`: with [`EarnDetail::Full`] the same text as
    /// `serde_json::to_string` of the localized [`EarnResult`], written without building it (no string copies per
    /// line and rule); the other details leave parts out. The JS glue answers with this.
    ///
    /// # Errors
    /// As [`Program::earn`].
    ///
    /// # Example
    /// ```
    /// use mallcare::points::{EarnDetail, Member, Order, Program};
    /// let p = Program::load(r#"{ "version": "1" }"#).unwrap();
    /// let o: Order = serde_json::from_str(r#"{ "lines": [ { "paidFen": 1000 } ] }"#).unwrap();
    /// let at = mallcare::Timestamp::parse("2026-05-01T10:00:00+08:00").unwrap();
    /// let full = p.earn_json(&o, &Member::default(), at, mallcare::Locale::En, EarnDetail::Full).unwrap();
    /// assert_eq!(full, serde_json::to_string(&p.earn(&o, &Member::default(), at).unwrap()).unwrap());
    /// let total = p.earn_json(&o, &Member::default(), at, mallcare::Locale::En, EarnDetail::Total).unwrap();
    /// assert!(total.contains(r#""detail":"total","lines":[]"#));
    /// ```
    pub fn earn_json(
        &self,
        order: &Order,
        member: &Member,
        at: Timestamp,
        locale: Locale,
        detail: EarnDetail,
    ) -> Result<String> {
        let view = order.view();
        let core = self.earn_core(&view, member, at, detail)?;
        self.json_of(&core, locale, detail)
    }

    /// [`Program::earn_json`] with the order as JSON text, read in place (its text fields are borrowed, nothing is
    /// allocated per line): what the JS glue calls.
    ///
    /// # Errors
    /// `JSON_SYNTAX` or `POINTS_INPUT_INVALID` under `order`; then as [`Program::earn`].
    ///
    /// # Example
    /// ```
    /// use mallcare::points::{EarnDetail, Member, Program};
    /// let p = Program::load(r#"{ "version": "1" }"#).unwrap();
    /// let at = mallcare::Timestamp::parse("2026-05-01T10:00:00+08:00").unwrap();
    /// let total = p.earn_json_text(r#"{"lines":[{"paidFen":1000}]}"#, &Member::default(), at,
    ///     mallcare::Locale::En, EarnDetail::Total).unwrap();
    /// assert!(total.contains(r#""points":10,"#));
    /// let e = p.earn_json_text(r#"{"lines":[{"paidFen":"x"}]}"#, &Member::default(), at,
    ///     mallcare::Locale::En, EarnDetail::Total).unwrap_err();
    /// assert_eq!(e.issues()[0].path, "order.lines[0].paidFen");
    /// ```
    pub fn earn_json_text(
        &self,
        order: &str,
        member: &Member,
        at: Timestamp,
        locale: Locale,
        detail: EarnDetail,
    ) -> Result<String> {
        let view = super::read::read_with(order, "POINTS_INPUT_INVALID", "order", super::args::read_order)?;
        let core = self.earn_core(&view, member, at, detail)?;
        self.json_of(&core, locale, detail)
    }

    /// The earn computation. With `detail` [`EarnDetail::Total`] the per-line shares may be left out (the answer
    /// then only holds for [`Program::json_of`] with that detail).
    pub(crate) fn earn_core<'o>(
        &'o self,
        order: &'o OrderIn<'o>,
        member: &Member,
        at: Timestamp,
        detail: EarnDetail,
    ) -> Result<Core<'o>> {
        let e = &self.doc.earning;
        let date = at.date();
        let mut issues = Issues::default();
        let tier = issues.take(self.member_tier(member, "member.tier"), "");
        if order.lines.is_empty() {
            issues.push(Issue::new("POINTS_ORDER_EMPTY", "order.lines", "订单没有商品行", "the order has no lines"));
        }
        for (i, l) in order.lines.iter().enumerate() {
            if l.paid_fen < 0 || l.paid_fen > crate::money::MAX_FEN {
                issues.push(Issue::new(
                    "POINTS_AMOUNT_NEGATIVE",
                    format!("order.lines[{i}].paidFen"),
                    "实付金额不能为负数（退货请用 clawback）",
                    "a paid amount must not be negative (use clawback for returns)",
                ));
            }
            if l.points_paid < 0 {
                issues.push(Issue::new(
                    "POINTS_VALUE_NEGATIVE",
                    format!("order.lines[{i}].pointsPaid"),
                    "该值不能为负数",
                    "this value must not be negative",
                ));
            }
            if let Some(p) = l.pending_until {
                if p < date {
                    issues.push(Issue::new(
                        "POINTS_PENDING_BEFORE_SALE",
                        format!("order.lines[{i}].pendingUntil"),
                        format!("退货期截止日 {p} 早于销售日期 {date}"),
                        format!("the return window ends ({p}) before the sale date ({date})"),
                    ));
                }
            }
        }
        if member.points_earned_today < 0 {
            issues.push(Issue::new(
                "POINTS_VALUE_NEGATIVE",
                "member.pointsEarnedToday",
                "该值不能为负数",
                "this value must not be negative",
            ));
        }
        let Some(tier) = tier.filter(|_| issues.is_empty()) else {
            return Err(crate::Error::new(issues.into_vec()));
        };

        let c = &self.compiled;
        let nlines = order.lines.len();
        let mut line_masks: Vec<u64> = Vec::with_capacity(nlines);
        let excluded: Vec<Option<ExcludedBy>> = order
            .lines
            .iter()
            .map(|l| {
                let (m, x) = c.line(l.category.as_deref(), l.brand.as_deref(), l.sku.as_deref());
                line_masks.push(m);
                x
            })
            .collect();
        let eligible_fen: i64 =
            order.lines.iter().zip(&excluded).filter(|(_, x)| x.is_none()).map(|(l, _)| l.paid_fen).sum();
        let ctx = Ctx {
            at,
            date,
            minute: at.minute_of_day(),
            weekday: weekday_number(date.weekday()),
            tier,
            member,
            order,
            eligible_fen,
        };
        let mut notes = Vec::new();
        let below_min = eligible_fen < e.minimum_spend_fen;
        if below_min {
            notes.push(Reason::new(
                "POINTS_BELOW_MINIMUM_SPEND",
                "",
                format!("可积分金额 {} 分未达最低消费 {} 分，本单不积分", eligible_fen, e.minimum_spend_fen),
                format!(
                    "the eligible amount ({eligible_fen} fen) is below the minimum spend ({} fen): no points",
                    e.minimum_spend_fen
                ),
            ));
        }

        // Columns: base, every rule (document order), the tier multiplier.
        let mut cols: Vec<Column<'o>> = Vec::with_capacity(e.rules.len() + 2);
        cols.push(Column { id: Cow::Borrowed("base"), name: None, applied: false });
        for r in &e.rules {
            cols.push(Column { id: Cow::Borrowed(&r.id), name: r.name.as_deref(), applied: false });
        }
        let tier_mult = self.benefits_doc(tier).and_then(|b| b.points_multiplier_percent).filter(|m| *m != 100);
        cols.push(Column { id: Cow::Owned(format!("tier:{tier}")), name: None, applied: false });
        let ncols = cols.len();
        let order_rules: Vec<bool> = e.rules.iter().map(|r| order_ok(r, &ctx)).collect();
        let input = GridInput {
            lines: &order.lines,
            excluded: &excluded,
            line_masks: &line_masks,
            order_rules: &order_rules,
            below_min,
            tier_mult,
            ncols,
            totals_only: detail == EarnDetail::Total
                && order.lines.first().is_some_and(|f| order.lines.iter().all(|l| l.pending_until == f.pending_until)),
        };
        let fast = if c.fast { self.fast_grid(&input)? } else { None };
        let (applied, mut grid) = match fast {
            Some(g) => g,
            None => self.general_grid(&input)?,
        };
        for (col, a) in cols.iter_mut().zip(applied) {
            col.applied = a;
        }
        // Caps per rule (per order, and what is left of a per-member campaign cap).
        for (ri, r) in e.rules.iter().enumerate() {
            let left = r.cap_per_member.map(|c| (c - member.campaign_points.get(&r.id).copied().unwrap_or(0)).max(0));
            let cap = match (r.cap_per_order, left) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let Some(cap) = cap else { continue };
            let k = ri + 1;
            let mut column: Vec<i64> = (0..nlines).map(|li| grid.get(li * ncols + k).copied().unwrap_or(0)).collect();
            let total: i64 = column.iter().sum();
            if total > cap {
                reduce(&mut column, total - cap)?;
                for (li, v) in column.into_iter().enumerate() {
                    if let Some(g) = grid.get_mut(li * ncols + k) {
                        *g = v;
                    }
                }
                notes.push(Reason::new(
                    "POINTS_RULE_CAPPED",
                    format!("earning.rules[{ri}]"),
                    format!("规则“{}”封顶 {cap} 分（原应得 {total} 分）", r.id),
                    format!("rule \"{}\" is capped at {cap} points (would give {total})", r.id),
                ));
            }
        }
        let mut line_totals: Vec<i64> =
            (0..nlines).map(|li| grid.get(li * ncols..(li + 1) * ncols).map_or(0, |row| row.iter().sum())).collect();
        let total: i64 = line_totals.iter().sum();
        let day_left = e.caps.per_day.map(|c| (c - member.points_earned_today).max(0));
        let order_cap = match (e.caps.per_order, day_left) {
            (Some(a), Some(b)) if b < a => Some((b, "perDay")),
            (Some(a), _) => Some((a, "perOrder")),
            (None, Some(b)) => Some((b, "perDay")),
            (None, None) => None,
        };
        let mut cap_col: Option<(&'static str, Vec<i64>)> = None;
        if let Some((cap, which)) = order_cap {
            if total > cap {
                let before = line_totals.clone();
                reduce(&mut line_totals, total - cap)?;
                let cut: Vec<i64> = line_totals.iter().zip(&before).map(|(a, b)| a - b).collect();
                cap_col = Some((if which == "perDay" { "cap:perDay" } else { "cap:perOrder" }, cut));
                let (zh, en) = if which == "perDay" {
                    (
                        format!(
                            "每日积分上限 {}，今日已得 {}",
                            e.caps.per_day.unwrap_or(0),
                            member.points_earned_today
                        ),
                        format!(
                            "daily cap of {} points, {} already earned today",
                            e.caps.per_day.unwrap_or(0),
                            member.points_earned_today
                        ),
                    )
                } else {
                    (format!("每单积分上限 {cap}"), format!("per-order cap of {cap} points"))
                };
                notes.push(Reason::new(
                    if which == "perDay" { "POINTS_DAY_CAPPED" } else { "POINTS_ORDER_CAPPED" },
                    format!("earning.caps.{which}"),
                    format!("{zh}：本单由 {total} 分减为 {cap} 分"),
                    format!("{en}: this order earns {cap} instead of {total}"),
                ));
            }
        }

        let default_dates = if e.pending_days > 0 {
            let a = date.add_days(e.pending_days)?;
            (Some(a.add_days(-1)?), a)
        } else {
            (None, date)
        };
        Ok(Core { order, at, eligible_fen, cols, grid, excluded, line_totals, cap_col, notes, default_dates })
    }

    fn result_of(&self, core: Core<'_>) -> Result<EarnResult> {
        let Core { order, at, eligible_fen, cols, grid, excluded, line_totals, cap_col, notes, .. } = &core;
        let (order, at, eligible_fen) = (*order, *at, *eligible_fen);
        let ncols = cols.len();
        let nlines = order.lines.len();
        // Answer.
        let mut lines = Vec::with_capacity(nlines);
        let mut by_day: Vec<(Date, i64)> = Vec::new();
        for (li, l) in order.lines.iter().enumerate() {
            let (pending_until, available_on) = core.dates(l)?;
            let mut rules = Vec::new();
            for (k, c) in cols.iter().enumerate() {
                let p = grid.get(li * ncols + k).copied().unwrap_or(0);
                if c.applied && (p != 0 || k == 0) && excluded.get(li).is_some_and(Option::is_none) {
                    rules.push(RuleGain { rule_id: c.id.to_string(), name: c.name.map(String::from), points: p });
                }
            }
            if let Some((id, cut)) = &cap_col {
                if let Some(p) = cut.get(li).filter(|p| **p != 0) {
                    rules.push(RuleGain { rule_id: (*id).to_string(), name: None, points: *p });
                }
            }
            let points = line_totals.get(li).copied().unwrap_or(0);
            if points != 0 {
                add_on(&mut by_day, available_on, points);
            }
            lines.push(EarnLine {
                index: li,
                id: l.id.as_deref().map(String::from),
                paid_fen: l.paid_fen,
                points_paid: l.points_paid,
                points,
                excluded: excluded.get(li).copied().flatten().map(|x| excluded_text(l, x)),
                pending_until,
                available_on,
                rules,
            });
        }
        let mut breakdown = Vec::new();
        for (k, c) in cols.iter().enumerate() {
            if c.applied {
                let p = (0..nlines).map(|li| grid.get(li * ncols + k).copied().unwrap_or(0)).sum();
                breakdown.push(RuleGain { rule_id: c.id.to_string(), name: c.name.map(String::from), points: p });
            }
        }
        if let Some((id, cut)) = cap_col {
            breakdown.push(RuleGain { rule_id: (*id).to_string(), name: None, points: cut.iter().sum() });
        }
        let events = by_day
            .into_iter()
            .map(|(day, points)| Event {
                kind: EventKind::Earn,
                at,
                points,
                available_on: Some(day),
                expires_on: None,
                reference: order.id.as_deref().map(String::from),
                note: None,
            })
            .collect();
        Ok(EarnResult {
            program_version: self.doc.version.clone(),
            fingerprint: self.fingerprint.clone(),
            order_id: order.id.as_deref().map(String::from),
            at,
            points: line_totals.iter().sum(),
            eligible_fen,
            lines,
            breakdown,
            notes: notes.clone(),
            events,
        })
    }

    pub(crate) fn json_of(&self, core: &Core<'_>, locale: Locale, detail: EarnDetail) -> Result<String> {
        let order = core.order;
        let ncols = core.cols.len();
        let nlines = order.lines.len();
        let tier_prefix = match core.cols.last() {
            Some(c) => {
                let mut v = String::from("{\"ruleId\":");
                put_str(&mut v, &c.id);
                v.push_str(",\"points\":");
                v
            }
            None => String::new(),
        };
        let prefix = |k: usize| -> &str {
            if k + 1 == ncols {
                &tier_prefix
            } else {
                self.compiled.col_json.get(k).map_or("", String::as_str)
            }
        };
        let gain = |w: &mut String, k: usize, p: i64| {
            w.push_str(prefix(k));
            put_int(w, p);
            w.push('}');
        };
        let cap = |w: &mut String, id: &str, p: i64| {
            w.push_str("{\"ruleId\":\"");
            w.push_str(id);
            w.push_str("\",\"points\":");
            put_int(w, p);
            w.push('}');
        };
        let mut w = String::with_capacity(512 + 200 * nlines);
        w.push_str("{\"programVersion\":");
        put_str(&mut w, &self.doc.version);
        w.push_str(",\"fingerprint\":");
        put_str(&mut w, &self.fingerprint);
        if let Some(id) = &order.id {
            w.push_str(",\"orderId\":");
            put_str(&mut w, id);
        }
        let mut at = String::with_capacity(32);
        put_str(&mut at, &core.at.to_string());
        w.push_str(",\"at\":");
        w.push_str(&at);
        w.push_str(",\"points\":");
        put_int(&mut w, core.line_totals.iter().sum());
        w.push_str(",\"eligibleFen\":");
        put_int(&mut w, core.eligible_fen);
        w.push_str(match detail {
            EarnDetail::Full => "",
            EarnDetail::Lines => ",\"detail\":\"lines\"",
            EarnDetail::Total => ",\"detail\":\"total\"",
        });
        w.push_str(",\"lines\":[");
        let lines = if detail == EarnDetail::Total { &[][..] } else { &order.lines[..] };
        for (li, l) in lines.iter().enumerate() {
            if li > 0 {
                w.push(',');
            }
            let (pending_until, available_on) = core.dates(l)?;
            w.push_str("{\"index\":");
            put_int(&mut w, i64::try_from(li).unwrap_or(i64::MAX));
            if let Some(id) = &l.id {
                w.push_str(",\"id\":");
                put_str(&mut w, id);
            }
            w.push_str(",\"paidFen\":");
            put_int(&mut w, l.paid_fen);
            w.push_str(",\"pointsPaid\":");
            put_int(&mut w, l.points_paid);
            w.push_str(",\"points\":");
            put_int(&mut w, core.line_totals.get(li).copied().unwrap_or(0));
            if let Some(Some(x)) = core.excluded.get(li) {
                w.push_str(",\"excluded\":");
                put_str(&mut w, &excluded_text(l, *x));
            }
            if let Some(p) = pending_until {
                w.push_str(",\"pendingUntil\":");
                put_date(&mut w, p);
            }
            w.push_str(",\"availableOn\":");
            put_date(&mut w, available_on);
            w.push_str(",\"rules\":[");
            let mut first = true;
            for k in (0..ncols).filter(|_| detail == EarnDetail::Full) {
                if let Some(p) = core.shows(li, k) {
                    if !first {
                        w.push(',');
                    }
                    first = false;
                    gain(&mut w, k, p);
                }
            }
            if let Some((id, cut)) = core.cap_col.as_ref().filter(|_| detail == EarnDetail::Full) {
                if let Some(p) = cut.get(li).filter(|p| **p != 0) {
                    if !first {
                        w.push(',');
                    }
                    cap(&mut w, id, *p);
                }
            }
            w.push_str("]}");
        }
        w.push_str("],\"breakdown\":[");
        let mut first = true;
        for (k, c) in core.cols.iter().enumerate() {
            if c.applied {
                if !first {
                    w.push(',');
                }
                first = false;
                gain(&mut w, k, (0..nlines).map(|li| core.grid.get(li * ncols + k).copied().unwrap_or(0)).sum());
            }
        }
        if let Some((id, cut)) = &core.cap_col {
            if !first {
                w.push(',');
            }
            cap(&mut w, id, cut.iter().sum());
        }
        w.push_str("],\"notes\":");
        let notes: Vec<Reason> = core.notes.iter().map(|r| r.clone().localize(locale)).collect();
        w.push_str(&serde_json::to_string(&notes).map_err(|_| internal())?);
        // Events as `serde_json` writes an `Event` (type, at, points, availableOn, ref; the others are never set).
        w.push_str(",\"events\":[");
        for (i, (day, points)) in core.by_day()?.into_iter().enumerate() {
            if i > 0 {
                w.push(',');
            }
            w.push_str("{\"type\":\"earn\",\"at\":");
            w.push_str(&at);
            w.push_str(",\"points\":");
            put_int(&mut w, points);
            w.push_str(",\"availableOn\":");
            put_date(&mut w, day);
            if let Some(id) = &order.id {
                w.push_str(",\"ref\":");
                put_str(&mut w, id);
            }
            w.push('}');
        }
        w.push_str("]}");
        Ok(w)
    }

    /// Exact points per line and column with fractions (any program): which columns applied, and whole points.
    fn general_grid(&self, g: &GridInput<'_>) -> Result<(Vec<bool>, Vec<i64>)> {
        let e = &self.doc.earning;
        let (nlines, ncols) = (g.lines.len(), g.ncols);
        let tier_col = ncols - 1;
        let mut applied = vec![false; ncols];
        let mut exact = vec![Q::ZERO; nlines * ncols];
        let denom = mul(e.rate.per_yuan, 100).ok_or_else(super::ratio::overflow)?;
        let rule_ok = |ri: usize| g.order_rules.get(ri).copied().unwrap_or(false);
        if !g.below_min {
            let mut matched: Vec<usize> = Vec::with_capacity(e.rules.len());
            for (li, l) in g.lines.iter().enumerate() {
                if g.excluded.get(li).is_some_and(Option::is_some) {
                    continue;
                }
                let row = exact.get_mut(li * ncols..(li + 1) * ncols).unwrap_or_default();
                let base = Q::int(l.paid_fen).scale(e.rate.points, denom)?;
                let mut v = base;
                if let Some(c) = row.first_mut() {
                    *c = base;
                }
                matched.clear();
                matched.extend(
                    e.rules
                        .iter()
                        .enumerate()
                        .filter(|(ri, r)| r.multiplier_percent.is_some() && rule_ok(*ri) && line_ok(r, l))
                        .map(|(ri, _)| ri),
                );
                resolve(&e.rules, &mut matched, |r| r.multiplier_percent.unwrap_or(0));
                for &ri in &matched {
                    let Some(r) = e.rules.get(ri) else { continue };
                    let m = r.multiplier_percent.unwrap_or(100);
                    let before = v;
                    v = match r.combine {
                        Combine::Multiply => v.scale(m, 100)?,
                        _ => v.add(base.scale(m - 100, 100)?)?,
                    };
                    if !v.is_positive() {
                        v = Q::ZERO;
                    }
                    if let Some(c) = row.get_mut(ri + 1) {
                        *c = v.sub(before)?;
                    }
                    if let Some(a) = applied.get_mut(ri + 1) {
                        *a = true;
                    }
                }
                if let Some(m) = g.tier_mult {
                    let after = v.scale(m, 100)?;
                    if let Some(c) = row.get_mut(tier_col) {
                        *c = after.sub(v)?;
                    }
                    if let Some(a) = applied.get_mut(tier_col) {
                        *a = true;
                    }
                }
            }
            // Order bonuses, shared over the lines they match by net paid.
            let mut matched: Vec<usize> = e
                .rules
                .iter()
                .enumerate()
                .filter(|(ri, r)| {
                    r.bonus_points.is_some()
                        && rule_ok(*ri)
                        && g.lines.iter().zip(g.excluded).any(|(l, x)| x.is_none() && line_ok(r, l))
                })
                .map(|(ri, _)| ri)
                .collect();
            resolve(&e.rules, &mut matched, |r| r.bonus_points.unwrap_or(0));
            for &ri in &matched {
                let Some(r) = e.rules.get(ri) else { continue };
                let targets: Vec<usize> = (0..nlines)
                    .filter(|li| {
                        g.excluded.get(*li).is_some_and(Option::is_none)
                            && g.lines.get(*li).is_some_and(|l| line_ok(r, l))
                    })
                    .collect();
                let mut weights: Vec<i64> =
                    targets.iter().map(|li| g.lines.get(*li).map_or(0, |l| l.paid_fen)).collect();
                if weights.iter().all(|w| *w == 0) {
                    weights = vec![1; targets.len()];
                }
                let shares = crate::split(r.bonus_points.unwrap_or(0), &weights)?;
                for (li, s) in targets.iter().zip(shares) {
                    if let Some(c) = exact.get_mut(li * ncols + ri + 1) {
                        *c = Q::int(s);
                    }
                }
                if let Some(a) = applied.get_mut(ri + 1) {
                    *a = true;
                }
            }
            if let Some(a) = applied.first_mut() {
                *a = true;
            }
        }

        // Whole points, line by column.
        let mode = e.rounding.mode;
        let mut grid = vec![0i64; nlines * ncols];
        match e.rounding.scope {
            RoundScope::Line => {
                for li in 0..nlines {
                    let mut prefix = Q::ZERO;
                    let mut prev = 0i128;
                    for k in 0..ncols {
                        if !applied.get(k).copied().unwrap_or(false) {
                            continue;
                        }
                        let q = exact.get(li * ncols + k).copied().unwrap_or(Q::ZERO);
                        prefix = prefix.add(q)?;
                        let r = round(prefix, mode)?;
                        if let Some(g) = grid.get_mut(li * ncols + k) {
                            *g = to_i64(r - prev)?;
                        }
                        prev = r;
                    }
                }
            }
            RoundScope::Order => {
                let mut prefix = Q::ZERO;
                let mut prev = 0i128;
                for k in 0..ncols {
                    if !applied.get(k).copied().unwrap_or(false) {
                        continue;
                    }
                    let column: Vec<Q> =
                        (0..nlines).map(|li| exact.get(li * ncols + k).copied().unwrap_or(Q::ZERO)).collect();
                    let mut sum = Q::ZERO;
                    for q in &column {
                        sum = sum.add(*q)?;
                    }
                    prefix = prefix.add(sum)?;
                    let r = round(prefix, mode)?;
                    for (li, v) in apportion(r - prev, &column).into_iter().enumerate() {
                        if let Some(g) = grid.get_mut(li * ncols + k) {
                            *g = to_i64(v)?;
                        }
                    }
                    prev = r;
                }
            }
        }
        Ok((applied, grid))
    }

    /// The same as [`Program::general_grid`] in 64-bit integers over the program's common denominator, with the
    /// line conditions as bit masks: no fractions, no 128-bit arithmetic (a slow library call in wasm) and no
    /// allocation per line. `None` when a value leaves the range `i64` holds exactly (the general path then
    /// decides, overflow errors included).
    fn fast_grid(&self, g: &GridInput<'_>) -> Result<Option<(Vec<bool>, Vec<i64>)>> {
        let e = &self.doc.earning;
        let c = &self.compiled;
        let (nlines, ncols) = (g.lines.len(), g.ncols);
        let tier_col = ncols - 1;
        let Ok(d) = i64::try_from(c.d) else { return Ok(None) };
        let mut applied = vec![false; ncols];
        let mut exact = vec![0i64; nlines * ncols];
        let mut order_mask = 0u64;
        for (ri, ok) in g.order_rules.iter().enumerate().take(64) {
            if *ok {
                order_mask |= 1u64 << ri;
            }
        }
        let Some(rate) = i64::try_from(c.base_mul).ok().and_then(|b| mul(e.rate.points, b)) else {
            return Ok(None);
        };
        // Exact `v × m / 100`, or None (not exact or out of range: the general path decides).
        let pct = |v: i64, m: i64| -> Option<i64> {
            let x = mul(v, m)?;
            (x % 100 == 0).then_some(x / 100)
        };
        if !g.below_min {
            let mut any_line = 0u64;
            for (li, l) in g.lines.iter().enumerate() {
                if g.excluded.get(li).is_some_and(Option::is_some) {
                    continue;
                }
                let lm = g.line_masks.get(li).copied().unwrap_or(0);
                any_line |= lm;
                let Some(row) = exact.get_mut(li * ncols..(li + 1) * ncols) else { return Ok(None) };
                let Some(base) = mul(l.paid_fen, rate) else { return Ok(None) };
                let mut v = base;
                if let Some(x) = row.first_mut() {
                    *x = base;
                }
                let m = c.resolve(lm & c.mult & order_mask, &c.mult_percent);
                if m != 0 {
                    for &ri in &c.app_order {
                        if ri >= 64 || m & (1u64 << ri) == 0 {
                            continue;
                        }
                        let pm = c.mult_percent.get(ri).copied().unwrap_or(100);
                        let before = v;
                        let next = if c.multiply & (1u64 << ri) != 0 {
                            pct(v, pm)
                        } else {
                            pct(base, pm - 100).and_then(|x| v.checked_add(x))
                        };
                        let Some(next) = next else { return Ok(None) };
                        v = next.max(0);
                        if let Some(x) = row.get_mut(ri + 1) {
                            *x = v - before;
                        }
                        if let Some(a) = applied.get_mut(ri + 1) {
                            *a = true;
                        }
                    }
                }
                if let Some(tm) = g.tier_mult {
                    let Some(after) = pct(v, tm) else { return Ok(None) };
                    if let Some(x) = row.get_mut(tier_col) {
                        *x = after - v;
                    }
                    if let Some(a) = applied.get_mut(tier_col) {
                        *a = true;
                    }
                }
            }
            // Order bonuses, shared over the lines they match by net paid.
            let bonus = c.resolve(any_line & c.bonus & order_mask, &c.bonus_points);
            for &ri in &c.app_order {
                if ri >= 64 || bonus & (1u64 << ri) == 0 {
                    continue;
                }
                let bit = 1u64 << ri;
                let targets: Vec<usize> = (0..nlines)
                    .filter(|li| {
                        g.excluded.get(*li).is_some_and(Option::is_none)
                            && g.line_masks.get(*li).is_some_and(|m| m & bit != 0)
                    })
                    .collect();
                let mut weights: Vec<i64> =
                    targets.iter().map(|li| g.lines.get(*li).map_or(0, |l| l.paid_fen)).collect();
                if weights.iter().all(|w| *w == 0) {
                    weights = vec![1; targets.len()];
                }
                let bonus = c.bonus_points.get(ri).copied().unwrap_or(0);
                let shares = match split64(bonus, &weights) {
                    Some(s) => s,
                    None => crate::split(bonus, &weights)?,
                };
                for (li, s) in targets.iter().zip(shares) {
                    let Some(v) = mul(s, d) else { return Ok(None) };
                    if let Some(x) = exact.get_mut(li * ncols + ri + 1) {
                        *x = v;
                    }
                }
                if let Some(a) = applied.get_mut(ri + 1) {
                    *a = true;
                }
            }
            if let Some(a) = applied.first_mut() {
                *a = true;
            }
        }

        // Whole points, line by column. `d` is positive and below 2^60 (see `Compiled::build`).
        let half_up = e.rounding.mode == RoundMode::Round;
        let round = |x: i64| -> Option<i64> {
            if half_up {
                Some(x.checked_add(x)?.checked_add(d)?.div_euclid(2 * d))
            } else {
                Some(x.div_euclid(d))
            }
        };
        let mut grid = vec![0i64; nlines * ncols];
        match e.rounding.scope {
            RoundScope::Line => {
                for li in 0..nlines {
                    let (mut prefix, mut prev) = (0i64, 0i64);
                    for k in 0..ncols {
                        if !applied.get(k).copied().unwrap_or(false) {
                            continue;
                        }
                        let Some(p) = prefix.checked_add(exact.get(li * ncols + k).copied().unwrap_or(0)) else {
                            return Ok(None);
                        };
                        prefix = p;
                        let Some(r) = round(prefix) else { return Ok(None) };
                        if let Some(x) = grid.get_mut(li * ncols + k) {
                            *x = r - prev;
                        }
                        prev = r;
                    }
                }
            }
            RoundScope::Order if g.totals_only && exact.iter().all(|x| *x >= 0) => {
                // Only the column totals are asked for (see `GridInput::totals_only`): each applied column's whole
                // points are `round(prefix) - prev`, whatever the split over lines, so the total goes to the first
                // row and no line gets its largest-remainder share. With no negative cell, every line's points are
                // non-negative either way, so the caps and the events (one date) come out the same.
                let (mut prefix, mut prev) = (0i64, 0i64);
                for k in 0..ncols {
                    if !applied.get(k).copied().unwrap_or(false) {
                        continue;
                    }
                    let mut sum = 0i64;
                    for li in 0..nlines {
                        let Some(s) = sum.checked_add(exact.get(li * ncols + k).copied().unwrap_or(0)) else {
                            return Ok(None);
                        };
                        sum = s;
                    }
                    let Some(p) = prefix.checked_add(sum) else { return Ok(None) };
                    prefix = p;
                    let Some(r) = round(prefix) else { return Ok(None) };
                    if let Some(cell) = grid.get_mut(k) {
                        *cell = r - prev;
                    }
                    prev = r;
                }
            }
            RoundScope::Order => {
                let (mut prefix, mut prev) = (0i64, 0i64);
                // (fractional part × d, line) of each cell of the column.
                let mut fracs: Vec<(i64, usize)> = Vec::with_capacity(nlines);
                for k in 0..ncols {
                    if !applied.get(k).copied().unwrap_or(false) {
                        continue;
                    }
                    let (mut sum, mut floors) = (0i64, 0i64);
                    fracs.clear();
                    for li in 0..nlines {
                        let x = exact.get(li * ncols + k).copied().unwrap_or(0);
                        if x == 0 {
                            fracs.push((0, li));
                            continue;
                        }
                        // One division gives both parts (floor and the non-negative remainder).
                        let (mut q, mut r) = (x / d, x % d);
                        if r < 0 {
                            q -= 1;
                            r += d;
                        }
                        let (Some(s), Some(f)) = (sum.checked_add(x), floors.checked_add(q)) else {
                            return Ok(None);
                        };
                        (sum, floors) = (s, f);
                        fracs.push((r, li));
                        if let Some(cell) = grid.get_mut(li * ncols + k) {
                            *cell = q;
                        }
                    }
                    let Some(p) = prefix.checked_add(sum) else { return Ok(None) };
                    prefix = p;
                    let Some(r) = round(prefix) else { return Ok(None) };
                    // Largest remainder, as `apportion`: whole rounds first, then one point each to the largest
                    // fractional parts (ties to the earlier line).
                    let Some(mut leftover) = (r - prev).checked_sub(floors) else { return Ok(None) };
                    prev = r;
                    if leftover == 0 {
                        continue;
                    }
                    let n = i64::try_from(nlines).unwrap_or(1).max(1);
                    let rounds = leftover.div_euclid(n);
                    if rounds != 0 {
                        for li in 0..nlines {
                            if let Some(cell) = grid.get_mut(li * ncols + k) {
                                let Some(w) = cell.checked_add(rounds) else { return Ok(None) };
                                *cell = w;
                            }
                        }
                        leftover -= rounds * n;
                    }
                    let take = usize::try_from(leftover).unwrap_or(0);
                    if take == 0 {
                        continue;
                    }
                    if take < fracs.len() {
                        select_larger_first(&mut fracs, take);
                    }
                    for (_, li) in fracs.iter().take(take) {
                        if let Some(cell) = grid.get_mut(li * ncols + k) {
                            *cell += 1;
                        }
                    }
                }
            }
        }
        Ok(Some((applied, grid)))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test code")]
    use super::*;

    /// A small deterministic generator (no external RNG, reproducible everywhere).
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: u64) -> u64 {
            self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) % n.max(1)
        }
        fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
            xs[self.next(xs.len() as u64) as usize]
        }
    }

    /// The quickselect puts the same set first as a full sort does, for every k, on inputs with many ties, sorted,
    /// reversed and random.
    #[test]
    fn select_larger_first_takes_the_same_parts_as_a_sort() {
        let mut g = Lcg(7);
        for n in [0usize, 1, 2, 3, 5, 17, 100, 300] {
            for shape in 0..4 {
                let v: Vec<(i64, usize)> = (0..n)
                    .map(|i| {
                        let r = match shape {
                            0 => g.next(3) as i64,
                            1 => i as i64,
                            2 => (n - i) as i64,
                            _ => g.next(1_000_000) as i64,
                        };
                        (r, i)
                    })
                    .collect();
                let mut sorted = v.clone();
                sorted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                for k in 0..=n {
                    let mut w = v.clone();
                    select_larger_first(&mut w, k);
                    let mut got: Vec<usize> = w[..k].iter().map(|x| x.1).collect();
                    let mut want: Vec<usize> = sorted[..k].iter().map(|x| x.1).collect();
                    got.sort_unstable();
                    want.sort_unstable();
                    assert_eq!(got, want, "n {n} shape {shape} k {k}");
                    let mut all: Vec<usize> = w.iter().map(|x| x.1).collect();
                    all.sort_unstable();
                    assert_eq!(all, (0..n).collect::<Vec<_>>());
                }
            }
        }
    }

    /// The integer path (compiled rules, common denominator) and the general fraction path give identical
    /// answers on random programs and orders: every combine mode, line and order rounding, floor and half up,
    /// exclusions, bonuses, caps, tier multipliers.
    #[test]
    fn fast_equals_general() {
        let mut g = Lcg(20_260_505);
        let cats = ["a", "b", "c", "giftCard"];
        let combines = ["add", "multiply", "bestOf", "exclusive"];
        let (mut compared, mut fast_programs) = (0, 0);
        for case in 0..3000 {
            let nrules = g.next(7);
            let mut rules = Vec::new();
            for i in 0..nrules {
                let combine = g.pick(&combines);
                let when = match g.next(4) {
                    0 => format!(r#"{{"categories":["{}"]}}"#, g.pick(&cats)),
                    1 => format!(r#"{{"brands":["B{}"]}}"#, g.next(3)),
                    2 => format!(r#"{{"skus":["S{}"],"minOrderFen":{}}}"#, g.next(5), g.next(20000)),
                    _ => "{}".to_string(),
                };
                let give = if g.next(4) == 0 && combine != "multiply" {
                    format!(r#""bonusPoints":{}"#, g.next(700))
                } else {
                    format!(r#""multiplierPercent":{}"#, 1 + g.next(400))
                };
                let cap = if g.next(5) == 0 { format!(r#","capPerOrder":{}"#, g.next(300)) } else { String::new() };
                rules.push(format!(
                    r#"{{"id":"r{i}","priority":{},"combine":"{combine}","when":{when},{give}{cap}}}"#,
                    if combine == "exclusive" { i * 10 + g.next(3) } else { g.next(4) * 10 }
                ));
            }
            let doc = format!(
                r#"{{"version":"t","earning":{{"rate":{{"points":{},"perYuan":{}}},
                   "rounding":{{"mode":"{}","scope":"{}"}},"exclusions":{{"categories":["giftCard"],"brands":["B9"]}},
                   "caps":{{"perOrder":{}}},"rules":[{}]}},
                   "tiers":{{"basis":"spend","window":"calendarYear","downgrade":"oneStep","levels":[
                     {{"id":"base","threshold":0}},{{"id":"gold","threshold":1,"benefits":{{"pointsMultiplierPercent":{}}}}}]}}}}"#,
                1 + g.next(5),
                1 + g.next(3),
                if g.next(2) == 0 { "floor" } else { "round" },
                if g.next(2) == 0 { "line" } else { "order" },
                100 + g.next(5000),
                rules.join(","),
                1 + g.next(300)
            );
            let Ok(fast) = Program::load(&doc) else { continue };
            let mut slow = fast.clone();
            slow.compiled.fast = false;
            fast_programs += usize::from(fast.compiled.fast);
            // Lines without a return window date, all with the same one, or with different ones.
            let dates = g.next(3);
            let lines: Vec<String> = (0..1 + g.next(12))
                .map(|_| {
                    let pending = match dates {
                        0 => String::new(),
                        1 => r#","pendingUntil":"2026-05-12""#.to_string(),
                        _ => format!(r#","pendingUntil":"2026-05-1{}""#, g.next(3)),
                    };
                    format!(
                        r#"{{"id":"L\"{}\u00e9\u0001\n\\\u007f\t\b\f\r/","category":"{}","brand":"B{}","sku":"S{}","paidFen":{}{pending}}}"#,
                        g.next(9),
                        g.pick(&cats),
                        g.next(10),
                        g.next(5),
                        if g.next(6) == 0 { 0 } else { g.next(50_000) }
                    )
                })
                .collect();
            let order: Order =
                serde_json::from_str(&format!(r#"{{"id":"SO-{case}","lines":[{}]}}"#, lines.join(","))).unwrap();
            let member: Member =
                serde_json::from_str(if g.next(2) == 0 { r#"{"tier":"gold"}"# } else { "{}" }).unwrap();
            let at = Timestamp::parse("2026-05-05T10:00:00+08:00").unwrap();
            let a = fast.earn(&order, &member, at);
            let b = slow.earn(&order, &member, at);
            assert_eq!(a, b, "case {case}: {doc}");
            // The JSON writer (the JS answer) is exactly serde_json's text of the answer, in both locales.
            for locale in [Locale::ZhCn, Locale::En] {
                let text = fast.earn_json(&order, &member, at, locale, EarnDetail::Full).ok();
                let want = a.clone().ok().map(|r| serde_json::to_string(&r.localize(locale)).unwrap());
                assert_eq!(text, want, "case {case}: {doc}");
                // Detail "total" (which may skip the per-line shares) is the full answer without its lines.
                let total = fast.earn_json(&order, &member, at, locale, EarnDetail::Total).ok();
                let want = want.map(|w| {
                    let mut v: serde_json::Value = serde_json::from_str(&w).unwrap();
                    v["lines"] = serde_json::json!([]);
                    v["detail"] = serde_json::json!("total");
                    v
                });
                let total = total.map(|t| serde_json::from_str::<serde_json::Value>(&t).unwrap());
                assert_eq!(total, want, "case {case}: {doc}");
            }
            compared += 1;
        }
        assert!(compared > 2000, "only {compared} programs loaded");
        assert!(fast_programs > 1500, "only {fast_programs} programs on the integer path");
    }
}
