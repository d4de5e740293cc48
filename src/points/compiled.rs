//! The earning rules compiled once by [`Program::load`](super::Program::load): line conditions as bit masks indexed
//! by category / brand / SKU, exclusions in the same lookup, the application order of the rules, and one common
//! denominator so that a line's exact points are plain integers (no fractions, no allocation per line).
//!
//! Programs the compiled form cannot hold exactly (more than 64 rules, or a common denominator beyond `i128`) keep
//! the general exact-fraction path; both give the same answers (unit test `fast_equals_general` in `earn.rs`).

use super::doc::{Combine, EarningDoc};

/// Which field excluded a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExcludedBy {
    Category,
    Brand,
    Sku,
}

/// One line field (category, brand or SKU): which rules name each value, and which values are excluded.
#[derive(Clone, Debug, Default)]
pub(crate) struct Dim {
    /// Whether any rule or exclusion looks at this field (if not, the lookup is skipped).
    used: bool,
    /// Rules that do not filter on this field.
    unfiltered: u64,
    /// Value → (rules that list it, excluded), sorted by length then value (binary search: a program names few
    /// values, and a `HashMap<String, _>` cost 2 KB of wasm).
    map: Vec<(String, (u64, bool))>,
}

impl Dim {
    fn build<'a>(lists: impl Iterator<Item = &'a [String]>, excluded: &[String]) -> Dim {
        let mut d = Dim::default();
        for (i, list) in lists.enumerate() {
            let bit = u32::try_from(i).ok().and_then(|i| 1u64.checked_shl(i)).unwrap_or(0);
            if list.is_empty() {
                d.unfiltered |= bit;
            } else {
                d.used = true;
                for v in list {
                    d.add(v, bit, false);
                }
            }
        }
        for v in excluded {
            d.used = true;
            d.add(v, 0, true);
        }
        d
    }

    /// Adds `bits` (and `excluded`) to the entry of `v`, creating it when missing.
    fn add(&mut self, v: &str, bits: u64, excluded: bool) {
        match self.map.binary_search_by(|(k, _)| by_len(k, v)) {
            Ok(i) => {
                if let Some((_, e)) = self.map.get_mut(i) {
                    e.0 |= bits;
                    e.1 |= excluded;
                }
            }
            Err(i) => self.map.insert(i, (v.to_string(), (bits, excluded))),
        }
    }

    /// (rules whose condition on this field holds, whether the value is excluded).
    #[inline]
    fn look(&self, v: Option<&str>) -> (u64, bool) {
        if !self.used {
            return (u64::MAX, false);
        }
        let found = v.and_then(|v| self.map.binary_search_by(|(k, _)| by_len(k, v)).ok());
        let (m, x) = found.and_then(|i| self.map.get(i)).map_or((0, false), |(_, e)| *e);
        (self.unfiltered | m, x)
    }
}

/// The order of [`Dim::map`]: by length, then bytes (most comparisons of a lookup are decided by the length alone,
/// without comparing text).
#[inline]
fn by_len(k: &str, v: &str) -> std::cmp::Ordering {
    k.len().cmp(&v.len()).then_with(|| k.as_bytes().cmp(v.as_bytes()))
}

/// The compiled earning section.
#[derive(Clone, Debug, Default)]
pub(crate) struct Compiled {
    /// Whether the integer path applies (≤ 64 rules and the common denominator fits).
    pub fast: bool,
    /// Common denominator: `perYuan × 100 × 100^k`.
    pub d: i128,
    /// `100^k`: a line's base numerator is `paidFen × rate.points × base_mul`.
    pub base_mul: i128,
    cat: Dim,
    brand: Dim,
    sku: Dim,
    /// Rule indices by priority descending, then document order (the order rules apply in).
    pub app_order: Vec<usize>,
    /// Multiplier rules / bonus rules / exclusive rules / bestOf rules / multiply rules, as bit masks.
    pub mult: u64,
    pub bonus: u64,
    exclusive: u64,
    best_of: u64,
    pub multiply: u64,
    prio: Vec<i64>,
    /// Multiplier percent (0 for bonus rules) and bonus points (0 for multiplier rules), per rule.
    pub mult_percent: Vec<i64>,
    pub bonus_points: Vec<i64>,
    /// `{"ruleId":…,"name":…,"points":` of the base column and of each rule, as `serde_json` writes a `RuleGain`.
    pub col_json: Vec<String>,
}

fn gain_prefix(id: &str, name: Option<&str>) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    match name {
        Some(n) => format!("{{\"ruleId\":{},\"name\":{},\"points\":", q(id), q(n)),
        None => format!("{{\"ruleId\":{},\"points\":", q(id)),
    }
}

/// Iterates the set bits of `m`, lowest first.
#[inline]
pub(crate) fn bits(mut m: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if m == 0 {
            return None;
        }
        let i = m.trailing_zeros();
        m &= m - 1;
        Some(i as usize)
    })
}

impl Compiled {
    pub(crate) fn build(e: &EarningDoc) -> Compiled {
        let n = e.rules.len();
        let rules = &e.rules;
        let cat = Dim::build(rules.iter().map(|r| r.when.categories.as_slice()), &e.exclusions.categories);
        let brand = Dim::build(rules.iter().map(|r| r.when.brands.as_slice()), &e.exclusions.brands);
        let sku = Dim::build(rules.iter().map(|r| r.when.skus.as_slice()), &e.exclusions.skus);
        let mut app_order: Vec<usize> = (0..n).collect();
        super::read::sort_small(&mut app_order, |a, b| {
            let pa = rules.get(*a).map_or(0, |r| r.priority);
            let pb = rules.get(*b).map_or(0, |r| r.priority);
            pa > pb || (pa == pb && a < b)
        });
        let mask = |f: &dyn Fn(&super::doc::RuleDoc) -> bool| -> u64 {
            rules.iter().enumerate().filter(|(i, r)| *i < 64 && f(r)).fold(0, |m, (i, _)| m | (1u64 << i))
        };
        let multiply = mask(&|r| r.multiplier_percent.is_some() && r.combine == Combine::Multiply);
        // One factor of 100 for the add-type rules, one per multiply rule, one for the tier multiplier.
        let k = 2 + multiply.count_ones();
        let base_mul = 100i128.checked_pow(k);
        let d = base_mul.and_then(|b| i128::from(e.rate.per_yuan).checked_mul(100)?.checked_mul(b));
        // Headroom: numerators are at most MAX_FEN × rate.points × Π(multipliers) × base_mul; keep the general path
        // when even the denominator leaves less than 2^64 of room.
        let fast = n <= 64 && d.is_some_and(|d| d < (1i128 << 60)) && e.rate.per_yuan > 0;
        Compiled {
            fast,
            d: d.unwrap_or(1),
            base_mul: base_mul.unwrap_or(1),
            cat,
            brand,
            sku,
            app_order,
            mult: mask(&|r| r.multiplier_percent.is_some()),
            bonus: mask(&|r| r.bonus_points.is_some()),
            exclusive: mask(&|r| r.combine == Combine::Exclusive),
            best_of: mask(&|r| r.combine == Combine::BestOf),
            multiply,
            prio: rules.iter().map(|r| r.priority).collect(),
            mult_percent: rules.iter().map(|r| r.multiplier_percent.unwrap_or(0)).collect(),
            bonus_points: rules.iter().map(|r| r.bonus_points.unwrap_or(0)).collect(),
            col_json: std::iter::once(gain_prefix("base", None))
                .chain(rules.iter().map(|r| gain_prefix(&r.id, r.name.as_deref())))
                .collect(),
        }
    }

    /// Which line fields any rule or exclusion looks at: bit 0 category, bit 1 brand, bit 2 SKU (the packed form
    /// of `earn` leaves the others' text out).
    pub(crate) fn line_fields(&self) -> u32 {
        u32::from(self.cat.used) | u32::from(self.brand.used) << 1 | u32::from(self.sku.used) << 2
    }

    /// The rules whose line conditions hold for a line, and why it is excluded (category first, then brand, SKU).
    #[inline]
    pub(crate) fn line(
        &self,
        category: Option<&str>,
        brand: Option<&str>,
        sku: Option<&str>,
    ) -> (u64, Option<ExcludedBy>) {
        let (a, xa) = self.cat.look(category);
        let (b, xb) = self.brand.look(brand);
        let (c, xc) = self.sku.look(sku);
        let x = if xa {
            Some(ExcludedBy::Category)
        } else if xb {
            Some(ExcludedBy::Brand)
        } else if xc {
            Some(ExcludedBy::Sku)
        } else {
            None
        };
        (a & b & c, x)
    }

    fn prio(&self, i: usize) -> i64 {
        self.prio.get(i).copied().unwrap_or(0)
    }

    /// Keeps what applies among matched rules (the same as `earn::resolve`, on a bit mask): an exclusive rule drops
    /// every other rule of equal or lower priority; among `bestOf` rules only the largest `value` survives.
    pub(crate) fn resolve(&self, mut m: u64, value: &[i64]) -> u64 {
        let ex = m & self.exclusive;
        if ex != 0 {
            let mut top: Option<usize> = None;
            for i in bits(ex) {
                if top.is_none_or(|t| self.prio(i) > self.prio(t)) {
                    top = Some(i);
                }
            }
            if let Some(t) = top {
                let p = self.prio(t);
                let mut keep = 1u64 << t;
                for i in bits(m & !self.exclusive) {
                    if self.prio(i) > p {
                        keep |= 1u64 << i;
                    }
                }
                m = keep;
            }
        }
        let bo = m & self.best_of;
        if bo != 0 {
            let mut best: Option<usize> = None;
            let key = |i: usize| (value.get(i).copied().unwrap_or(0), self.prio(i));
            for i in bits(bo) {
                if best.is_none_or(|b| key(i) > key(b)) {
                    best = Some(i);
                }
            }
            m &= !self.best_of;
            if let Some(b) = best {
                m |= 1u64 << b;
            }
        }
        m
    }
}
