//! Search over a venue's places: Chinese and English names, brands, categories, full pinyin and initials
//! (星巴克 from `xingbake`, `xing ba ke`, `xbk`, `xingbk`), partial input and typos.
//!
//! Ranking: every place gets its best match over its fields; match kinds rank **exact > prefix > initials >
//! contains > fuzzy**; within a kind the name beats its pinyin, the brand, the English name and, last, the category.
//! Ties go to the shorter name, then the id. With `openFirst` and an instant `at`, places open at `at` come before
//! closed ones. Filters: level, category, kind, open at `at`. A place without opening hours counts as open.
//!
//! Pinyin comes from the embedded [`pinyin`] table, every reading of a polyphonic character, or from
//! the place's `pinyin` field in the venue document when it has one (which also serves names the table does not
//! cover). An empty query lists every place that passes the filters, by name.

use super::hours::OpeningHours;
use super::pinyin;
use crate::error::{Issue, Issues};
use crate::{Calendar, Result, Timestamp};
use serde::{Deserialize, Serialize};

/// Longest query considered (characters); the rest is ignored.
const MAX_QUERY: usize = 64;
/// Step budget of one pinyin match, so no name can make a query slow.
const MAX_STEPS: u32 = 4096;

/// One searchable place.
///
/// # Example
/// ```
/// use mallcare::finder::search::SearchEntry;
/// let e = SearchEntry::new("s1", "星巴克").with_en("Starbucks").with_category("cafe").with_level("L1");
/// assert_eq!(e.name, "星巴克");
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchEntry {
    /// Place id, returned in hits.
    pub id: String,
    /// Name in Chinese.
    pub name: String,
    /// Name in English.
    pub name_en: Option<String>,
    /// Brand.
    pub brand: Option<String>,
    /// Category (`"cafe"`).
    pub category: Option<String>,
    /// Kind (`"store"`, `"restroom"`), for the `kind` filter.
    pub kind: Option<String>,
    /// Level id, for the `level` filter.
    pub level: Option<String>,
    /// Pinyin readings of the name (see [`pinyin::parse_readings`]); derived from the table when empty.
    pub pinyin: Vec<String>,
    /// Opening hours; `None` is always open.
    pub hours: Option<OpeningHours>,
}

impl SearchEntry {
    /// An entry with an id and a Chinese name.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let e = mallcare::finder::search::SearchEntry::new("s1", "喜茶");
    /// assert_eq!(e.id, "s1");
    /// ```
    pub fn new(id: &str, name: &str) -> SearchEntry {
        SearchEntry { id: id.to_string(), name: name.to_string(), ..SearchEntry::default() }
    }

    /// Sets the English name.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let e = mallcare::finder::search::SearchEntry::new("s1", "喜茶").with_en("HEYTEA");
    /// assert_eq!(e.name_en.as_deref(), Some("HEYTEA"));
    /// ```
    pub fn with_en(mut self, name_en: &str) -> SearchEntry {
        self.name_en = Some(name_en.to_string());
        self
    }

    /// Sets the brand.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let e = mallcare::finder::search::SearchEntry::new("s1", "优衣库 旗舰店").with_brand("优衣库");
    /// assert_eq!(e.brand.as_deref(), Some("优衣库"));
    /// ```
    pub fn with_brand(mut self, brand: &str) -> SearchEntry {
        self.brand = Some(brand.to_string());
        self
    }

    /// Sets the category.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let e = mallcare::finder::search::SearchEntry::new("s1", "喜茶").with_category("tea");
    /// assert_eq!(e.category.as_deref(), Some("tea"));
    /// ```
    pub fn with_category(mut self, category: &str) -> SearchEntry {
        self.category = Some(category.to_string());
        self
    }

    /// Sets the level id.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let e = mallcare::finder::search::SearchEntry::new("s1", "喜茶").with_level("L2");
    /// assert_eq!(e.level.as_deref(), Some("L2"));
    /// ```
    pub fn with_level(mut self, level: &str) -> SearchEntry {
        self.level = Some(level.to_string());
        self
    }

    /// Sets the opening hours.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::{hours::OpeningHours, search::SearchEntry};
    /// let e = SearchEntry::new("s1", "喜茶").with_hours(OpeningHours::parse("Mo-Su 10:00-22:00").unwrap());
    /// assert!(e.hours.is_some());
    /// ```
    pub fn with_hours(mut self, hours: OpeningHours) -> SearchEntry {
        self.hours = Some(hours);
        self
    }

    /// The entry of a venue document's place.
    ///
    /// # Errors
    /// `HOURS_INVALID` at `hours` if the place's opening hours do not parse.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::{search::SearchEntry, PlaceDoc};
    /// let p: PlaceDoc = serde_json::from_str(r#"{ "id": "s1", "kind": "store", "name": "星巴克",
    ///   "level": "L1", "entrances": ["d1"], "hours": "Mo-Su 07:00-22:00" }"#).unwrap();
    /// let e = SearchEntry::from_place(&p).unwrap();
    /// assert_eq!(e.kind.as_deref(), Some("store"));
    /// ```
    pub fn from_place(place: &super::PlaceDoc) -> Result<SearchEntry> {
        let hours = match &place.hours {
            Some(h) => Some(OpeningHours::parse(h).map_err(|e| e.under("hours"))?),
            None => None,
        };
        Ok(SearchEntry {
            id: place.id.clone(),
            name: place.name.clone(),
            name_en: place.name_en.clone(),
            brand: place.brand.clone(),
            category: place.category.clone(),
            kind: Some(place.kind.as_str().to_string()),
            level: Some(place.level.clone()),
            pinyin: place.pinyin.clone().unwrap_or_default(),
            hours,
        })
    }
}

/// Search options (JSON: `{ limit, level, category, kind, at, openOnly, openFirst }`).
///
/// # Example
/// ```
/// let o: mallcare::finder::search::SearchOptions =
///     serde_json::from_str(r#"{ "limit": 5, "level": "L2", "at": "2026-05-01T10:00:00+08:00", "openFirst": true }"#).unwrap();
/// assert_eq!(o.limit, Some(5));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SearchOptions {
    /// At most this many hits (default 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// Only places on this level id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Only places of this category (case-insensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Only places of this kind (`"store"`, `"restroom"`...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The instant for `openOnly` / `openFirst`; hits then say whether they are `open`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
    /// Only places open at `at`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open_only: bool,
    /// Places open at `at` before closed ones.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open_first: bool,
    /// Message language of the call (accepted and ignored here; the JS glue reads it).
    #[serde(default, skip_serializing)]
    pub locale: Option<String>,
}

/// How a hit matched, best first.
///
/// # Example
/// ```
/// use mallcare::finder::search::MatchKind;
/// assert!(MatchKind::Exact < MatchKind::Fuzzy);
/// assert_eq!(serde_json::to_string(&MatchKind::Initials).unwrap(), "\"initials\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MatchKind {
    /// The whole field (or its whole pinyin).
    Exact,
    /// The start of the field, of one of its words, or of its pinyin (a syllable may be cut short).
    Prefix,
    /// Initials of the pinyin (`xbk`), possibly mixed with full syllables (`xingbk`).
    Initials,
    /// Inside the field or its pinyin.
    Contains,
    /// With a typo: one letter wrong (two in queries of 6+ letters; the first letter must be right), a homophone
    /// character, or one Chinese character wrong.
    Fuzzy,
    /// An empty query: every place passing the filters.
    All,
}

/// Which field a hit matched.
///
/// # Example
/// ```
/// assert_eq!(serde_json::to_string(&mallcare::finder::search::Field::NameEn).unwrap(), "\"nameEn\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// The Chinese name.
    Name,
    /// The pinyin of the name.
    Pinyin,
    /// The brand (or its pinyin).
    Brand,
    /// The English name.
    NameEn,
    /// The category.
    Category,
}

impl Field {
    fn penalty(self) -> u32 {
        match self {
            Field::Name => 0,
            Field::Pinyin => 1,
            Field::Brand => 3,
            Field::NameEn => 5,
            Field::Category => 250,
        }
    }
}

/// One search result.
///
/// # Example
/// ```
/// use mallcare::finder::search::{SearchEntry, SearchIndex, SearchOptions};
/// let idx = SearchIndex::build(&[SearchEntry::new("s1", "星巴克")]);
/// let hit = &idx.search("xbk", &SearchOptions::default())[0];
/// assert_eq!((hit.id.as_str(), hit.score), ("s1", 599)); // initials 600, minus 1 for the pinyin field
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hit {
    /// The place id.
    pub id: String,
    /// Higher is better: exact 1000, prefix 800, initials 600, contains 400, fuzzy 200 or less, minus a little
    /// per field (see [`Field`]).
    pub score: u32,
    /// How it matched.
    pub matched: MatchKind,
    /// Which field matched.
    pub field: Field,
    /// Open at the options' `at` (present only when `at` was given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open: Option<bool>,
}

/// A text field, pre-normalised: lower-case, full-width folded, only letters, digits and Han characters.
#[derive(Clone, Debug, Default)]
struct Text {
    compact: String,
    /// Byte offsets in `compact` where a word starts (after a space or punctuation, or at a Han/ASCII switch).
    word_starts: Vec<usize>,
    chars: usize,
}

impl Text {
    fn new(s: &str) -> Text {
        let mut t = Text::default();
        let mut boundary = true;
        let mut prev_han = false;
        for c in s.chars().map(crate::text::fold_fullwidth) {
            let han = pinyin::is_han(c);
            if c.is_alphanumeric() {
                if (boundary || han != prev_han) && !(han && prev_han) {
                    t.word_starts.push(t.compact.len());
                }
                t.compact.extend(c.to_lowercase());
                t.chars += 1;
                boundary = false;
                prev_han = han;
            } else {
                boundary = true;
            }
        }
        t
    }
}

/// The pre-computed side of one entry.
#[derive(Clone, Debug)]
struct Indexed {
    name: Text,
    en: Option<Text>,
    brand: Option<Text>,
    category: Option<Text>,
    /// Pinyin readings of the name: each a sequence of slots of alternatives.
    name_py: Vec<Vec<Vec<String>>>,
    brand_py: Vec<Vec<Vec<String>>>,
    /// The first reading of each name slot, concatenated (for typo matching).
    name_py_flat: String,
}

/// A search index over places: build once, query many times.
///
/// # Example
/// ```
/// use mallcare::finder::search::{MatchKind, SearchEntry, SearchIndex, SearchOptions};
/// let idx = SearchIndex::build(&[
///     SearchEntry::new("s1", "星巴克").with_en("Starbucks").with_category("cafe"),
///     SearchEntry::new("s2", "行家书店").with_category("books"),
/// ]);
/// let o = SearchOptions::default();
/// assert_eq!(idx.search("xingbake", &o)[0].matched, MatchKind::Exact);
/// assert_eq!(idx.search("hangjia", &o)[0].id, "s2"); // 行 read hang
/// assert_eq!(idx.search("starbuks", &o)[0].matched, MatchKind::Fuzzy);
/// ```
#[derive(Clone, Debug)]
pub struct SearchIndex {
    entries: Vec<SearchEntry>,
    indexed: Vec<Indexed>,
}

fn readings_of(explicit: &[String], name: &str) -> Vec<Vec<Vec<String>>> {
    let from_doc: Vec<Vec<Vec<String>>> =
        explicit.iter().map(|r| pinyin::parse_readings(r)).filter(|s| !s.is_empty()).collect();
    if from_doc.is_empty() {
        let s = pinyin::slots(name);
        if s.is_empty() {
            Vec::new()
        } else {
            vec![s]
        }
    } else {
        from_doc
    }
}

impl SearchIndex {
    /// Indexes `entries`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::search::{SearchEntry, SearchIndex};
    /// assert_eq!(SearchIndex::build(&[SearchEntry::new("a", "喜茶")]).len(), 1);
    /// ```
    pub fn build(entries: &[SearchEntry]) -> SearchIndex {
        let indexed = entries
            .iter()
            .map(|e| {
                let name_py = readings_of(&e.pinyin, &e.name);
                let name_py_flat = name_py
                    .first()
                    .map(|slots| slots.iter().filter_map(|s| s.first().map(String::as_str)).collect())
                    .unwrap_or_default();
                Indexed {
                    name: Text::new(&e.name),
                    en: e.name_en.as_deref().map(Text::new),
                    brand: e.brand.as_deref().map(Text::new),
                    category: e.category.as_deref().map(Text::new),
                    brand_py: e.brand.as_deref().map_or_else(Vec::new, |b| readings_of(&[], b)),
                    name_py,
                    name_py_flat,
                }
            })
            .collect();
        SearchIndex { entries: entries.to_vec(), indexed }
    }

    /// The index of a venue document's places.
    ///
    /// # Errors
    /// `HOURS_INVALID` at `places[i].hours` for every place whose hours do not parse (all of them are reported).
    ///
    /// # Example
    /// ```
    /// let doc: mallcare::finder::VenueDoc = serde_json::from_str(r#"{ "version": "1", "name": "m",
    ///   "levels": [{ "id": "L1", "ordinal": 0, "name": "1F" }], "nodes": [{ "id": "d", "level": "L1", "x": 0, "y": 0 }],
    ///   "places": [{ "id": "s1", "kind": "store", "name": "星巴克", "level": "L1", "entrances": ["d"] }] }"#).unwrap();
    /// let idx = mallcare::finder::search::SearchIndex::from_doc(&doc).unwrap();
    /// assert_eq!(idx.len(), 1);
    /// ```
    pub fn from_doc(doc: &super::VenueDoc) -> Result<SearchIndex> {
        let mut issues = Issues::default();
        let mut entries = Vec::with_capacity(doc.places.len());
        for (i, p) in doc.places.iter().enumerate() {
            if let Some(e) = issues.take(SearchEntry::from_place(p), &format!("places[{i}]")) {
                entries.push(e);
            }
        }
        issues.finish(())?;
        Ok(SearchIndex::build(&entries))
    }

    /// How many entries the index holds.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::finder::search::SearchIndex::build(&[]).is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index is empty.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::finder::search::SearchIndex::build(&[]).len(), 0);
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Searches, treating no day as a public holiday for opening hours.
    ///
    /// # Errors
    /// None: every query has an answer, possibly empty.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::{hours::OpeningHours, search::*};
    /// let h = |s: &str| OpeningHours::parse(s).unwrap();
    /// let idx = SearchIndex::build(&[
    ///     SearchEntry::new("a", "星巴克").with_hours(h("Mo-Su 07:00-09:00")),
    ///     SearchEntry::new("b", "星巴克臻选").with_hours(h("Mo-Su 10:00-22:00")),
    /// ]);
    /// let at = mallcare::Timestamp::parse("2026-05-01T12:00:00+08:00").unwrap();
    /// let plain = idx.search("星巴克", &SearchOptions::default());
    /// assert_eq!(plain[0].id, "a");
    /// let opts = SearchOptions { at: Some(at), open_first: true, ..SearchOptions::default() };
    /// let hits = idx.search("星巴克", &opts);
    /// assert_eq!((hits[0].id.as_str(), hits[0].open), ("b", Some(true)));
    /// ```
    pub fn search(&self, query: &str, options: &SearchOptions) -> Vec<Hit> {
        self.search_impl(query, options, None)
    }

    /// Searches with public holidays (`PH` rules of opening hours) from `calendar`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::{hours::OpeningHours, search::*};
    /// let idx = SearchIndex::build(&[SearchEntry::new("a", "银行")
    ///     .with_hours(OpeningHours::parse("Mo-Su 09:00-17:00; PH off").unwrap())]);
    /// let at = mallcare::Timestamp::parse("2026-05-01T12:00:00+08:00").unwrap();
    /// let opts = SearchOptions { at: Some(at), open_only: true, ..SearchOptions::default() };
    /// assert_eq!(idx.search("yinhang", &opts).len(), 1);
    /// assert_eq!(idx.search_with_calendar("yinhang", &opts, &mallcare::Calendar::default()).len(), 0);
    /// ```
    pub fn search_with_calendar(&self, query: &str, options: &SearchOptions, calendar: &Calendar) -> Vec<Hit> {
        self.search_impl(query, options, Some(calendar))
    }

    fn search_impl(&self, query: &str, options: &SearchOptions, calendar: Option<&Calendar>) -> Vec<Hit> {
        let q = Query::new(query);
        let category = options.category.as_deref().map(str::to_lowercase);
        let mut hits: Vec<(Hit, usize)> = Vec::new();
        for (i, (e, ix)) in self.entries.iter().zip(&self.indexed).enumerate() {
            if options.level.as_ref().is_some_and(|l| e.level.as_ref() != Some(l))
                || options.kind.as_ref().is_some_and(|k| e.kind.as_ref() != Some(k))
                || category.as_ref().is_some_and(|c| e.category.as_ref().map(|x| x.to_lowercase()).as_ref() != Some(c))
            {
                continue;
            }
            let open = options.at.map(|at| match (&e.hours, calendar) {
                (None, _) => true,
                (Some(h), Some(cal)) => h.is_open_in(at, cal),
                (Some(h), None) => h.is_open(at),
            });
            if options.open_only && open == Some(false) {
                continue;
            }
            let best = if q.is_empty() { Some((MatchKind::All, Field::Name, 0)) } else { best_match(&q, ix) };
            if let Some((matched, field, score)) = best {
                hits.push((Hit { id: e.id.clone(), score, matched, field, open }, i));
            }
        }
        let name_len = |i: usize| self.indexed.get(i).map_or(0, |x| x.name.chars);
        // The index breaks the last ties, so the shared (unstable) heapsort keeps the order a stable sort gave.
        crate::sort::heap_sort_by(&mut hits, |(a, ia), (b, ib)| {
            let open_rank = |h: &Hit| if options.open_first { h.open == Some(false) } else { false };
            open_rank(a)
                .cmp(&open_rank(b))
                .then(b.score.cmp(&a.score))
                .then(name_len(*ia).cmp(&name_len(*ib)))
                .then(a.id.cmp(&b.id))
                .then(ia.cmp(ib))
                .is_lt()
        });
        hits.truncate(options.limit.unwrap_or(20));
        hits.into_iter().map(|(h, _)| h).collect()
    }
}

/// The normalised query.
struct Query {
    /// Lower-case letters, digits and Han characters only.
    compact: String,
    /// Letters and digits only, when the query has no Han character (pinyin / English input).
    latin: Option<String>,
    /// Han characters of the query, for homophone matching.
    han: Vec<char>,
    /// Readings of each Han character of the query.
    han_readings: Vec<Vec<&'static str>>,
}

impl Query {
    fn new(raw: &str) -> Query {
        let mut compact = String::new();
        for c in raw.chars().map(crate::text::fold_fullwidth).filter(|c| c.is_alphanumeric()).take(MAX_QUERY) {
            match c {
                'ü' | 'Ü' => compact.push('v'),
                c => compact.extend(c.to_lowercase()),
            }
        }
        let han: Vec<char> = compact.chars().filter(|&c| pinyin::is_han(c)).collect();
        let latin = (han.is_empty() && compact.chars().all(|c| c.is_ascii_alphanumeric())).then(|| compact.clone());
        let han_readings = han.iter().map(|&c| pinyin::readings(c)).collect();
        Query { compact, latin, han, han_readings }
    }
    fn is_empty(&self) -> bool {
        self.compact.is_empty()
    }
}

const EXACT: u32 = 1000;
const PREFIX: u32 = 800;
const WORD_PREFIX: u32 = 780;
const INITIALS: u32 = 600;
const INITIALS_PREFIX: u32 = 560;
const CONTAINS: u32 = 400;
const FUZZY: u32 = 200;

type Best = Option<(MatchKind, Field, u32)>;

fn offer(best: &mut Best, kind: MatchKind, field: Field, base: u32) {
    let score = base.saturating_sub(field.penalty());
    if best.is_none_or(|(_, _, s)| score > s) {
        *best = Some((kind, field, score));
    }
}

fn text_match(best: &mut Best, q: &str, t: &Text, field: Field) {
    let (qb, tb) = (q.as_bytes(), t.compact.as_bytes());
    let Some(&q0) = qb.first() else { return };
    // Every comparison below first checks the leading byte: most names fail there, cheaply.
    let at = |i: usize| tb.get(i) == Some(&q0) && tb.get(i..).is_some_and(|r| r.starts_with(qb));
    if tb.len() == qb.len() && at(0) {
        offer(best, MatchKind::Exact, field, EXACT);
    } else if at(0) {
        offer(best, MatchKind::Prefix, field, PREFIX);
    } else if t.word_starts.iter().any(|&w| at(w)) {
        offer(best, MatchKind::Prefix, field, WORD_PREFIX);
    } else if qb.len() >= 2 && tb.len() > qb.len() && (1..=tb.len() - qb.len()).any(at) {
        // A match of valid UTF-8 can only start on a character boundary, so byte positions are safe.
        offer(best, MatchKind::Contains, field, CONTAINS);
    }
}

fn best_match(q: &Query, ix: &Indexed) -> Best {
    let mut best: Best = None;
    text_match(&mut best, &q.compact, &ix.name, Field::Name);
    if let Some(b) = &ix.brand {
        text_match(&mut best, &q.compact, b, Field::Brand);
    }
    if let Some(en) = &ix.en {
        text_match(&mut best, &q.compact, en, Field::NameEn);
    }
    if let Some(c) = &ix.category {
        text_match(&mut best, &q.compact, c, Field::Category);
    }
    if best.is_some_and(|(k, _, _)| k == MatchKind::Exact) {
        return best;
    }
    if let Some(latin) = &q.latin {
        let qb = latin.as_bytes();
        for slots in &ix.name_py {
            pinyin_match(&mut best, qb, slots, Field::Pinyin);
        }
        for slots in &ix.brand_py {
            pinyin_match(&mut best, qb, slots, Field::Brand);
        }
    }
    if best.is_some() {
        return best;
    }
    // Typos. Latin: edit distance against the start of the pinyin, the English name, the brand. Han: homophones
    // (same pinyin, another character) or one character wrong.
    if let Some(latin) = &q.latin {
        let n = latin.len();
        if n >= 3 {
            let k = if n >= 6 { 2 } else { 1 };
            let qb = latin.as_bytes();
            let mut consider = |target: &str, field: Field| {
                // Like most typo-tolerant search, trust the first letter (or a swap of the first two): it keeps the
                // edit-distance work to the few names that can match.
                let tb = target.as_bytes();
                let head_ok = tb.first() == qb.first() || (tb.first() == qb.get(1) && tb.get(1) == qb.first());
                if !head_ok {
                    return;
                }
                if let Some(d) = prefix_distance(latin.as_bytes(), target.as_bytes(), k) {
                    offer(&mut best, MatchKind::Fuzzy, field, FUZZY - 50 * d);
                }
            };
            consider(&ix.name_py_flat, Field::Pinyin);
            if let Some(en) = &ix.en {
                consider(&en.compact, Field::NameEn);
                for &w in en.word_starts.iter().skip(1) {
                    if let Some(rest) = en.compact.get(w..) {
                        consider(rest, Field::NameEn);
                    }
                }
            }
            if let Some(b) = &ix.brand {
                consider(&b.compact, Field::Brand);
            }
        }
    } else if !q.han.is_empty() {
        if homophone(&q.han_readings, &ix.name_py) {
            offer(&mut best, MatchKind::Fuzzy, Field::Name, FUZZY);
        } else if q.han.len() >= 3 && han_one_off(&q.han, &ix.name.compact) {
            offer(&mut best, MatchKind::Fuzzy, Field::Name, FUZZY - 50);
        }
    }
    best
}

/// How a pinyin walk consumed the query.
#[derive(Clone, Copy, Default)]
struct Walk {
    initial: bool,
    partial: bool,
}

/// Matches latin query bytes against slots: every slot consumes a whole syllable, its first letter, or (last) a
/// prefix of it. Offers exact / prefix / initials / contains.
fn pinyin_match(best: &mut Best, q: &[u8], slots: &[Vec<String>], field: Field) {
    if slots.is_empty() || q.is_empty() {
        return;
    }
    let mut steps = 0u32;
    let mut found: Option<u32> = None;
    walk(q, 0, slots, 0, Walk::default(), &mut steps, &mut found, true);
    if found.is_none() && q.len() >= 2 {
        for start in 1..slots.len() {
            if let Some(rest) = slots.get(start..) {
                walk(q, 0, rest, 0, Walk::default(), &mut steps, &mut found, false);
            }
        }
    }
    if let Some(score) = found {
        let kind = match score {
            EXACT => MatchKind::Exact,
            PREFIX => MatchKind::Prefix,
            INITIALS | INITIALS_PREFIX => MatchKind::Initials,
            _ => MatchKind::Contains,
        };
        offer(best, kind, field, score);
    }
}

#[allow(clippy::too_many_arguments, reason = "a private recursive walker; the state is explicit on purpose")]
fn walk(
    q: &[u8],
    p: usize,
    slots: &[Vec<String>],
    i: usize,
    w: Walk,
    steps: &mut u32,
    found: &mut Option<u32>,
    anchored: bool,
) {
    *steps += 1;
    if *steps > MAX_STEPS || found.is_some_and(|f| f >= EXACT) {
        return;
    }
    if p == q.len() {
        let all = i == slots.len();
        let score = if !anchored {
            CONTAINS
        } else if w.initial {
            if all && !w.partial {
                INITIALS
            } else {
                INITIALS_PREFIX
            }
        } else if all && !w.partial {
            EXACT
        } else {
            PREFIX
        };
        if found.is_none_or(|f| score > f) {
            *found = Some(score);
        }
        return;
    }
    let Some(alts) = slots.get(i) else { return };
    let rest = q.get(p..).unwrap_or(&[]);
    for a in alts {
        let ab = a.as_bytes();
        // Every way on (whole syllable, cut short, initial) starts with the same letter.
        if ab.first() != rest.first() {
            continue;
        }
        if rest.starts_with(ab) {
            walk(q, p + ab.len(), slots, i + 1, w, steps, found, anchored);
        } else if ab.starts_with(rest) {
            // The query ends inside this syllable.
            walk(q, q.len(), slots, i + 1, Walk { partial: true, ..w }, steps, found, anchored);
        }
        if ab.len() > 1 {
            walk(q, p + 1, slots, i + 1, Walk { initial: true, ..w }, steps, found, anchored);
        }
    }
}

/// Smallest edit distance (insert, delete, substitute, swap of neighbours) between `q` and any prefix of `t`,
/// if it is at most `k`.
fn prefix_distance(q: &[u8], t: &[u8], k: u32) -> Option<u32> {
    const W: usize = 72;
    const FAR: u32 = u32::MAX / 4;
    let n = q.len().min(64);
    // Only prefixes of t up to n + k long can be within k of q.
    let m = t.len().min(n + k as usize).min(W - 1);
    if m + (k as usize) < n {
        return None;
    }
    // Three rolling rows (for the transposition), row r at offset (r % 3) * W.
    let mut rows = [FAR; 3 * W];
    let at = |r: usize, c: usize| (r % 3) * W + c;
    for c in 0..=m {
        if let Some(v) = rows.get_mut(at(0, c)) {
            *v = u32::try_from(c).unwrap_or(FAR);
        }
    }
    let get = |rows: &[u32; 3 * W], r: usize, c: usize| rows.get(at(r, c)).copied().unwrap_or(FAR);
    for r in 1..=n {
        let qc = q.get(r - 1).copied();
        let first = u32::try_from(r).unwrap_or(FAR);
        if let Some(v) = rows.get_mut(at(r, 0)) {
            *v = first;
        }
        let mut row_min = first;
        for c in 1..=m {
            let tc = t.get(c - 1).copied();
            let cost = u32::from(qc != tc);
            let mut v = (get(&rows, r - 1, c - 1) + cost).min(get(&rows, r - 1, c) + 1).min(get(&rows, r, c - 1) + 1);
            if r > 1 && c > 1 && qc == t.get(c - 2).copied() && q.get(r - 2).copied() == tc {
                v = v.min(get(&rows, r - 2, c - 2) + 1);
            }
            if let Some(slot) = rows.get_mut(at(r, c)) {
                *slot = v;
            }
            row_min = row_min.min(v);
        }
        if row_min > k {
            return None;
        }
    }
    let best = (0..=m).map(|c| get(&rows, n, c)).min()?;
    (best <= k).then_some(best)
}

/// Whether the Han query reads like the start of the name (each character shares a reading with the name's).
fn homophone(readings: &[Vec<&'static str>], name_py: &[Vec<Vec<String>>]) -> bool {
    if readings.is_empty() || readings.iter().any(Vec::is_empty) {
        return false;
    }
    name_py.iter().any(|slots| {
        slots.len() >= readings.len()
            && readings.iter().zip(slots).all(|(qr, alts)| qr.iter().any(|r| alts.iter().any(|a| a == r)))
    })
}

/// Whether the name starts with the query except for one substituted character.
fn han_one_off(han: &[char], name: &str) -> bool {
    let mut wrong = 0;
    let mut it = name.chars();
    for &c in han {
        match it.next() {
            Some(n) if n == c => {}
            Some(_) => wrong += 1,
            None => return false,
        }
    }
    wrong == 1
}

/// Checks that every place's hours parse, collecting all failures (used by loaders that keep going).
///
/// # Errors
/// `HOURS_INVALID` at `places[i].hours` for each bad one.
///
/// # Example
/// ```
/// let r = mallcare::finder::search::check_hours(&[Some("Mo-Fr 10:00-22:00"), None, Some("nope")]);
/// assert_eq!(r.unwrap_err().issues()[0].path, "places[2].hours");
/// ```
pub fn check_hours(hours: &[Option<&str>]) -> Result<()> {
    let mut issues = Issues::default();
    for (i, h) in hours.iter().enumerate() {
        if let Some(h) = h {
            if let Err(e) = OpeningHours::parse(h) {
                for is in e.into_issues() {
                    issues.push(Issue { path: format!("places[{i}].hours"), ..is });
                }
            }
        }
    }
    issues.finish(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]
    use super::*;

    fn idx() -> SearchIndex {
        SearchIndex::build(&[
            SearchEntry::new("sbk", "星巴克").with_en("Starbucks").with_category("cafe").with_level("L1"),
            SearchEntry::new("xbkz", "星巴克臻选").with_en("Starbucks Reserve").with_category("cafe").with_level("L3"),
            SearchEntry::new("xh", "喜茶").with_en("HEYTEA").with_category("tea").with_level("L1"),
            SearchEntry::new("bank", "中国银行").with_en("Bank of China").with_category("bank").with_level("L1"),
            SearchEntry::new("cl", "长乐坊").with_category("food").with_level("L2"),
            SearchEntry::new("uq", "优衣库 旗舰店").with_brand("优衣库").with_en("UNIQLO").with_category("fashion"),
            SearchEntry::new("85", "85度C").with_category("bakery"),
            SearchEntry::new("hm", "H&M").with_category("fashion"),
        ])
    }

    fn top(q: &str) -> (String, MatchKind, Field) {
        let h = idx().search(q, &SearchOptions::default());
        assert!(!h.is_empty(), "no hit for {q}");
        (h[0].id.clone(), h[0].matched, h[0].field)
    }

    #[test]
    fn pinyin_forms() {
        assert_eq!(top("xingbake"), ("sbk".into(), MatchKind::Exact, Field::Pinyin));
        assert_eq!(top("xing ba ke"), ("sbk".into(), MatchKind::Exact, Field::Pinyin));
        assert_eq!(top("xbk"), ("sbk".into(), MatchKind::Initials, Field::Pinyin));
        assert_eq!(top("xingbk"), ("sbk".into(), MatchKind::Initials, Field::Pinyin));
        assert_eq!(top("xingba"), ("sbk".into(), MatchKind::Prefix, Field::Pinyin));
        assert_eq!(top("xingb"), ("sbk".into(), MatchKind::Prefix, Field::Pinyin));
        assert_eq!(top("XBK"), ("sbk".into(), MatchKind::Initials, Field::Pinyin));
    }

    #[test]
    fn polyphones() {
        assert_eq!(top("changle").0, "cl");
        assert_eq!(top("zhangyue").0, "cl");
        assert_eq!(top("zhonggyh").0, "bank");
        assert_eq!(top("zgyh"), ("bank".into(), MatchKind::Initials, Field::Pinyin));
        assert_eq!(top("yinhang"), ("bank".into(), MatchKind::Contains, Field::Pinyin));
    }

    #[test]
    fn text_and_english() {
        assert_eq!(top("星巴克"), ("sbk".into(), MatchKind::Exact, Field::Name));
        assert_eq!(top("星巴"), ("sbk".into(), MatchKind::Prefix, Field::Name));
        assert_eq!(top("starbucks"), ("sbk".into(), MatchKind::Exact, Field::NameEn));
        assert_eq!(top("reserve"), ("xbkz".into(), MatchKind::Prefix, Field::NameEn));
        assert_eq!(top("优衣库"), ("uq".into(), MatchKind::Exact, Field::Brand));
        assert_eq!(top("优衣"), ("uq".into(), MatchKind::Prefix, Field::Name));
        assert_eq!(top("uniqlo"), ("uq".into(), MatchKind::Exact, Field::NameEn));
        assert_eq!(top("hm"), ("hm".into(), MatchKind::Exact, Field::Name));
        assert_eq!(top("85duc"), ("85".into(), MatchKind::Exact, Field::Pinyin));
        assert_eq!(top("tea"), ("xh".into(), MatchKind::Exact, Field::Category));
    }

    #[test]
    fn typos() {
        assert_eq!(top("starbuks"), ("sbk".into(), MatchKind::Fuzzy, Field::NameEn));
        assert_eq!(top("xingbeke"), ("sbk".into(), MatchKind::Fuzzy, Field::Pinyin));
        assert_eq!(top("xinbake"), ("sbk".into(), MatchKind::Fuzzy, Field::Pinyin));
        assert_eq!(top("uniqol"), ("uq".into(), MatchKind::Fuzzy, Field::NameEn));
        assert_eq!(top("性巴克"), ("sbk".into(), MatchKind::Fuzzy, Field::Name));
        assert_eq!(top("星巴可"), ("sbk".into(), MatchKind::Fuzzy, Field::Name));
        assert!(idx().search("zzzzzz", &SearchOptions::default()).is_empty());
    }

    #[test]
    fn ranking_and_filters() {
        let i = idx();
        let ids: Vec<String> = i.search("xbk", &SearchOptions::default()).into_iter().map(|h| h.id).collect();
        assert_eq!(ids, vec!["sbk", "xbkz"]);
        let o = SearchOptions { level: Some("L3".into()), ..SearchOptions::default() };
        assert_eq!(i.search("xbk", &o)[0].id, "xbkz");
        let o = SearchOptions { category: Some("FASHION".into()), ..SearchOptions::default() };
        assert_eq!(i.search("", &o).len(), 2);
        let o = SearchOptions { limit: Some(1), ..SearchOptions::default() };
        assert_eq!(i.search("", &o).len(), 1);
    }

    #[test]
    fn distance() {
        assert_eq!(prefix_distance(b"starbuks", b"starbucks", 2), Some(1));
        assert_eq!(prefix_distance(b"xingbkae", b"xingbake", 2), Some(1));
        assert_eq!(prefix_distance(b"abc", b"xyz", 1), None);
        assert_eq!(prefix_distance(b"sta", b"starbucks", 1), Some(0));
    }

    #[test]
    fn doc_pinyin_field_is_used() {
        let mut e = SearchEntry::new("x", "䶮店");
        e.pinyin = vec!["yan dian".into()];
        let i = SearchIndex::build(&[e]);
        assert_eq!(i.search("yd", &SearchOptions::default())[0].matched, MatchKind::Initials);
    }
}
