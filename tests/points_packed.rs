//! The packed argument form of the npm overlay (`scripts/pkg/overlay/points.js`, read by `src/points/packed.rs`)
//! gives exactly the answers of the JSON path: random orders, members and ledgers are packed here the way the
//! overlay packs them (`pack` below mirrors it; examples/bench_points.rs uses it too) and both paths must agree,
//! answer text for answer text, and refuse the same inputs. The JS side is checked against the generated path by
//! tests/js/points-overlay.test.mjs.
#![cfg(feature = "points")]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, dead_code, reason = "test code")]

/// The overlay's packing, over JSON values (`None` where the overlay takes the generated path).
pub mod pack {
    use serde_json::{Map, Value};

    fn digits(s: &[u8], a: usize, b: usize) -> Option<i64> {
        s[a..b].iter().try_fold(0i64, |n, c| c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0')))
    }

    fn units(s: &str) -> f64 {
        s.encode_utf16().count() as f64
    }

    /// Slots and text being written.
    #[derive(Default)]
    pub struct Out {
        /// The f64 slots.
        pub slots: Vec<f64>,
        /// The text the slots point into.
        pub text: String,
    }

    impl Out {
        fn str(&mut self, v: Option<&Value>) -> Option<()> {
            let x = match v {
                None | Some(Value::Null) => -1.0,
                Some(Value::String(s)) => {
                    self.text.push_str(s);
                    units(s)
                }
                Some(_) => return None,
            };
            self.slots.push(x);
            Some(())
        }

        /// A text slot the overlay may leave out: `-2` for a string when `leave` (no text sent).
        fn str_or_leave(&mut self, v: Option<&Value>, leave: bool) -> Option<()> {
            match v {
                Some(Value::String(_)) if leave => {
                    self.slots.push(-2.0);
                    Some(())
                }
                _ => self.str(v),
            }
        }

        fn skip(&mut self, v: Option<&Value>) -> Option<()> {
            match v {
                None | Some(Value::Null | Value::String(_)) => {
                    self.slots.push(-1.0);
                    Some(())
                }
                Some(_) => None,
            }
        }

        fn date(&mut self, v: Option<&Value>) -> Option<()> {
            let x = match v {
                None | Some(Value::Null) => -1.0,
                Some(Value::String(s)) => {
                    let b = s.as_bytes();
                    let packed = (s.encode_utf16().count() == 10 && b.len() == 10 && b[4] == b'-' && b[7] == b'-')
                        .then(|| Some(digits(b, 0, 4)? * 10_000 + digits(b, 5, 7)? * 100 + digits(b, 8, 10)?))
                        .flatten();
                    match packed {
                        Some(n) => n as f64,
                        None => {
                            self.text.push_str(s);
                            -2.0 - units(s)
                        }
                    }
                }
                Some(_) => return None,
            };
            self.slots.push(x);
            Some(())
        }

        fn time(&mut self, s: &str) {
            let b = s.as_bytes();
            let shape = b.len() == 25
                && s.is_ascii()
                && b[4] == b'-'
                && b[7] == b'-'
                && b[10] == b'T'
                && b[13] == b':'
                && b[16] == b':'
                && &b[19..] == b"+08:00";
            let packed = shape
                .then(|| {
                    Some(
                        digits(b, 0, 4)? * 10_000_000_000
                            + digits(b, 5, 7)? * 100_000_000
                            + digits(b, 8, 10)? * 1_000_000
                            + digits(b, 11, 13)? * 10_000
                            + digits(b, 14, 16)? * 100
                            + digits(b, 17, 19)?,
                    )
                })
                .flatten();
            match packed {
                Some(n) => self.slots.push(n as f64),
                None => {
                    self.text.push_str(s);
                    self.slots.push(-2.0 - units(s));
                }
            }
        }

        fn num(&mut self, v: Option<&Value>, default: Option<f64>) -> Option<()> {
            let x = match v {
                None => default?,
                Some(Value::Number(n)) => n.as_f64()?,
                Some(_) => return None,
            };
            self.slots.push(x);
            Some(())
        }

        /// The slots as the overlay writes them (little-endian f64).
        pub fn bytes(&self) -> Vec<u8> {
            self.slots.iter().flat_map(|v| v.to_le_bytes()).collect()
        }
    }

    fn only(o: &Map<String, Value>, known: &[&str]) -> Option<()> {
        o.keys().all(|k| known.contains(&k.as_str())).then_some(())
    }

    /// `earn(order, member, at, { detail, locale })` packed with every line text sent.
    pub fn order(order: &Value, member: &Value, at: &str, detail: u8, locale: Option<&str>) -> Option<Out> {
        order_with(order, member, at, detail, locale, None)
    }

    /// `earn` packed as the overlay packs it for a program whose `earn_fields()` is `fields`: a line's id is left
    /// out for detail "total" (2), and the fields no rule or exclusion looks at (slot -2, no text).
    pub fn order_leaving(
        order: &Value,
        member: &Value,
        at: &str,
        detail: u8,
        locale: Option<&str>,
        fields: u32,
    ) -> Option<Out> {
        order_with(order, member, at, detail, locale, Some(fields))
    }

    fn order_with(
        order: &Value,
        member: &Value,
        at: &str,
        detail: u8,
        locale: Option<&str>,
        leave: Option<u32>,
    ) -> Option<Out> {
        let sent = |bit: u32| leave.is_none_or(|f| f & bit != 0);
        let leave_id = leave.is_some() && detail == 2;
        let o = order.as_object()?;
        only(o, &["id", "store", "channel", "lines"])?;
        let lines = o.get("lines")?.as_array()?;
        let mut out = Out::default();
        out.slots.push(lines.len() as f64);
        out.slots.push(f64::from(detail));
        match locale {
            Some(l) => out.str(Some(&Value::String(l.into())))?,
            None => out.slots.push(-1.0),
        }
        out.str(o.get("id"))?;
        out.str(o.get("store"))?;
        out.str(o.get("channel"))?;
        match member {
            Value::Null => out.slots.extend([-1.0, -1.0, 0.0, 0.0, 0.0, 0.0]),
            Value::Object(m) => {
                only(
                    m,
                    &[
                        "id",
                        "tier",
                        "birthday",
                        "firstPurchase",
                        "pointsEarnedToday",
                        "campaignPoints",
                        "availablePoints",
                    ],
                )?;
                out.skip(m.get("id"))?;
                out.slots.pop();
                out.str(m.get("tier"))?;
                out.date(m.get("birthday"))?;
                match m.get("firstPurchase") {
                    None => out.slots.push(0.0),
                    Some(Value::Bool(b)) => out.slots.push(f64::from(u8::from(*b))),
                    Some(_) => return None,
                }
                out.num(m.get("pointsEarnedToday"), Some(0.0))?;
                if let Some(c) = m.get("campaignPoints") {
                    if !c.as_object()?.is_empty() {
                        return None;
                    }
                }
                match m.get("availablePoints") {
                    None | Some(Value::Null) => out.slots.extend([0.0, 0.0]),
                    Some(Value::Number(n)) => out.slots.extend([1.0, n.as_f64()?]),
                    Some(_) => return None,
                }
            }
            _ => return None,
        }
        out.time(at);
        for l in lines {
            let l = l.as_object()?;
            only(l, &["id", "sku", "category", "brand", "paidFen", "pointsPaid", "pendingUntil"])?;
            out.str_or_leave(l.get("id"), leave_id)?;
            out.str_or_leave(l.get("sku"), !sent(4))?;
            out.str_or_leave(l.get("category"), !sent(1))?;
            out.str_or_leave(l.get("brand"), !sent(2))?;
            out.num(Some(l.get("paidFen")?), None)?;
            out.num(l.get("pointsPaid"), Some(0.0))?;
            out.date(l.get("pendingUntil"))?;
        }
        Some(out)
    }

    /// `balance(events, at)` packed: slots and text, and the refs text.
    pub fn events(events: &Value) -> Option<(Out, String)> {
        let list = events.as_array()?;
        let mut out = Out::default();
        out.slots.push(list.len() as f64);
        let mut refs: Vec<Option<&str>> = Vec::new();
        let mut claw = false;
        for e in list {
            let e = e.as_object()?;
            only(e, &["type", "at", "points", "availableOn", "expiresOn", "ref", "note"])?;
            let kinds = ["earn", "redeem", "expire", "clawback", "adjust"];
            let ty = e.get("type")?.as_str()?;
            let kind = kinds.iter().position(|k| *k == ty)?;
            claw |= kind == 3;
            let at = e.get("at")?.as_str()?;
            let points = e.get("points")?.as_f64().filter(|_| e["points"].is_number())?;
            match e.get("note") {
                None | Some(Value::Null | Value::String(_)) => {}
                Some(_) => return None,
            }
            refs.push(match e.get("ref") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s),
                Some(_) => return None,
            });
            out.slots.push(kind as f64);
            out.time(at);
            out.slots.push(points);
            out.date(e.get("availableOn"))?;
            out.date(e.get("expiresOn"))?;
            out.slots.push(-1.0);
        }
        let mut ref_text = String::new();
        if claw {
            for (i, r) in refs.iter().enumerate() {
                if let Some(r) = r {
                    ref_text.push_str(r);
                    out.slots[1 + 6 * i + 5] = units(r);
                }
            }
        }
        Some((out, ref_text))
    }
}

use mallcare::points::{read_json, EarnDetail, Event, Member, Program};
use mallcare::{Locale, Timestamp};
use serde_json::{json, Value};

/// A small deterministic generator.
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

const PROGRAM: &str = include_str!("../data/points/example-program.json");

fn programs() -> Vec<Program> {
    let sku_program = r#"{ "version": "s", "earning": { "rounding": { "mode": "round", "scope": "line" },
        "exclusions": { "skus": ["S3"], "brands": ["品牌X"] },
        "rules": [ { "id": "s1", "priority": 5, "combine": "multiply", "multiplierPercent": 150, "when": { "skus": ["S1", "S2"] } },
                   { "id": "b", "priority": 6, "combine": "add", "bonusPoints": 77, "when": { "brands": ["B1"] } } ] },
        "expiry": { "mode": "afterDays", "days": 30, "warnDays": 10 }, "clawback": { "whenSpent": "allowNegative" } }"#;
    vec![Program::load(PROGRAM).unwrap(), Program::load(sku_program).unwrap()]
}

fn earn_json(
    p: &Program,
    order: &Value,
    member: &Value,
    at: &str,
    locale: Locale,
    detail: EarnDetail,
) -> Option<String> {
    let m: Member = if member.is_null() { Member::default() } else { read_json(&member.to_string(), "member").ok()? };
    let t = Timestamp::parse(at).ok()?;
    p.earn_json_text(&order.to_string(), &m, t, locale, detail).ok()
}

#[test]
fn packed_earn_equals_the_json_path() {
    let mut g = Lcg(2026_1123);
    let cats = ["cosmetics", "apparel", "food", "giftCard", "tobacco", "化妆品"];
    let dates = ["2026-05-05", "2026-05-20", "2026-02-30", "2026-5-20", "2026-04-01", "20260520xx"];
    let ats = [
        "2026-05-05T19:30:00+08:00",
        "2026-09-26T21:00:00+08:00",
        "2026-05-05T11:30:00Z",
        "2026-05-05T23:59:59.5+08:00",
        "2026-05-05T24:00:00+08:00",
        "2026-13-05T10:00:00+08:00",
        "2026-05-05 10:00:00+08:00",
    ];
    let (mut compared, mut refused, mut declined) = (0, 0, 0);
    for p in programs() {
        for case in 0..400 {
            let nlines = g.next(12);
            // About one case in four carries a problem somewhere (both paths must refuse it).
            let bad = g.next(4) == 0;
            let dates_of = |g: &mut Lcg| if bad { g.pick(&dates) } else { g.pick(&dates[..2]) };
            let lines: Vec<Value> = (0..nlines)
                .map(|i| {
                    let mut l = json!({ "paidFen": if bad && g.next(10) == 0 { -5 } else { g.next(400_000) as i64 } });
                    if g.next(3) > 0 {
                        l["id"] = json!(format!("L{i}\"\\é"));
                    }
                    if g.next(3) > 0 {
                        l["sku"] = json!(format!("S{}", g.next(5)));
                    }
                    if g.next(4) > 0 {
                        l["category"] = json!(g.pick(&cats));
                    }
                    if g.next(3) > 0 {
                        l["brand"] = if g.next(5) == 0 { json!("品牌X") } else { json!(format!("B{}", g.next(3))) };
                    }
                    if g.next(6) == 0 {
                        l["pointsPaid"] = json!(g.next(300));
                    }
                    if g.next(5) == 0 {
                        l["pendingUntil"] = json!(dates_of(&mut g));
                    }
                    if bad && g.next(10) == 0 {
                        l["paidFen"] = json!(1.5);
                    }
                    l
                })
                .collect();
            let mut order = json!({ "lines": lines });
            if g.next(2) == 0 {
                order["id"] = json!(format!("SO-{case}"));
            }
            if g.next(2) == 0 {
                order["channel"] = json!(g.pick(&["pos", "app"]));
            }
            let member = match g.next(4) {
                0 => Value::Null,
                1 => {
                    json!({ "tier": if bad { g.pick(&["gold", "platinum"]) } else { g.pick(&["gold", "silver", "diamond", "base"]) } })
                }
                2 => json!({ "tier": "gold", "birthday": dates_of(&mut g), "firstPurchase": g.next(2) == 0,
                             "pointsEarnedToday": g.next(100_000), "availablePoints": 5, "id": "M1" }),
                _ => json!({ "firstPurchase": true, "campaignPoints": {} }),
            };
            let at = if bad { g.pick(&ats) } else { g.pick(&ats[..4]) };
            let detail = g.next(3) as u8;
            let locale = [None, Some("en"), Some("zh-CN")][g.next(3) as usize];
            let Some(packed) = pack::order(&order, &member, at, detail, locale) else { continue };
            let loc = locale.map_or(Locale::ZhCn, Locale::parse);
            let d = [EarnDetail::Full, EarnDetail::Lines, EarnDetail::Total][usize::from(detail)];
            let want = earn_json(&p, &order, &member, at, loc, d);
            let got = p.earn_packed(&packed.bytes(), &packed.text, Locale::ZhCn);
            assert_eq!(got, want, "case {case}: {order} {member} {at}");
            // As the overlay sends it (text no part of the answer depends on left out), and a left-out field the
            // program does look at is declined.
            let fields = p.earn_fields();
            let leaving = pack::order_leaving(&order, &member, at, detail, locale, fields).unwrap();
            assert_eq!(p.earn_packed(&leaving.bytes(), &leaving.text, Locale::ZhCn), want, "case {case}: {order}");
            if fields != 0 && order["lines"].as_array().is_some_and(|l| !l.is_empty()) {
                let wrong = pack::order_leaving(&order, &member, at, detail, locale, 0).unwrap();
                let leaves_a_used_field = wrong.slots != leaving.slots;
                if leaves_a_used_field {
                    assert_eq!(p.earn_packed(&wrong.bytes(), &wrong.text, Locale::ZhCn), None, "case {case}: {order}");
                    declined += 1;
                }
            }
            if want.is_some() {
                compared += 1;
            } else {
                refused += 1;
            }
        }
    }
    assert!(compared > 300 && refused > 50, "{compared} compared, {refused} refused");
    assert!(declined > 100, "{declined} declined");
}

#[test]
fn packed_balance_equals_the_json_path() {
    let mut g = Lcg(11_23);
    let (mut compared, mut refused) = (0, 0);
    for p in programs() {
        for case in 0..300 {
            let bad = g.next(3) == 0;
            let mut t = Timestamp::parse("2026-01-01T00:00:00+08:00").unwrap();
            let n = g.next(40);
            let mut events = Vec::new();
            for i in 0..n {
                t = t
                    .add_seconds(g.next(20) as i64 * 3600 * 7 - if bad && g.next(30) == 0 { 7200 } else { 0 })
                    .unwrap();
                let kind = match g.next(20) {
                    0..=9 => "earn",
                    10..=13 => "redeem",
                    14..=16 => "clawback",
                    17 | 18 => "adjust",
                    _ => "expire",
                };
                let at = match if bad { g.next(15) } else { 2 } {
                    0 => t.to_string().replace("+08:00", "Z"),
                    1 => "2026-02-30T10:00:00+08:00".to_string(),
                    _ => t.to_string(),
                };
                let points = match kind {
                    "expire" => 0,
                    "adjust" => g.next(100) as i64 - 20,
                    "earn" => 100 + g.next(300) as i64,
                    _ => 1 + g.next(30) as i64,
                };
                let mut e = json!({ "type": kind, "at": at, "points": points });
                if kind == "earn" && g.next(2) == 0 {
                    e["availableOn"] = json!(t.date().add_days(g.next(10) as i64).unwrap().to_string());
                }
                if kind == "earn" && g.next(5) == 0 {
                    e["expiresOn"] = json!(t.date().add_days(g.next(100) as i64).unwrap().to_string());
                }
                if g.next(2) == 0 {
                    e["ref"] = json!(format!("O{}", g.next(i + 1)));
                }
                if g.next(8) == 0 {
                    e["note"] = json!("人工调整");
                }
                events.push(e);
            }
            let events = Value::Array(events);
            let at = t.add_seconds(g.next(3) as i64 * 86_400 * 30).unwrap();
            let want = read_json::<Vec<Event>>(&events.to_string(), "events")
                .and_then(|e| p.balance(&e, at))
                .ok()
                .map(|b| serde_json::to_string(&b).unwrap());
            let (packed, refs) = pack::events(&events).unwrap();
            let got =
                p.balance_packed(&packed.bytes(), &packed.text, &refs, at).map(|b| serde_json::to_string(&b).unwrap());
            assert_eq!(got, want, "case {case}: {events}");
            if want.is_some() {
                compared += 1;
            } else {
                refused += 1;
            }
        }
    }
    assert!(compared > 100 && refused > 100, "{compared} compared, {refused} refused");
}
