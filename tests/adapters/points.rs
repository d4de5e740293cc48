//! Vector adapters of the points pillar: `PointsProgram.<method>` with the program document as the first
//! argument (`PointsProgram.load(doc).<method>(...rest)` in JS). Arguments are read exactly as the JS glue reads
//! them: each object crosses as JSON text into `mallcare::points::read_json` (the glue `JSON.stringify`s it).
//! A `{"$fixture": "name"}` argument is not supported: the runners do not hand adapters the vector file, so
//! documents are written inline.
use super::{int_arg, str_arg, thrown, CallResult};
use mallcare::error::Issues;
use mallcare::points::FromJson;
use mallcare::points::{read_json, EarnDetail, Member, Program};
use mallcare::{Error, Locale, Timestamp};
use serde_json::{json, Value};

crate::vector_files![
    "points-earn.json",
    "points-ledger.json",
    "points-redeem.json",
    "points-clawback.json",
    "points-tier.json",
    "points-benefits.json",
    "points-load.json",
];

/// Reads argument `i` as the glue does: a string is JSON text, anything else is stringified.
fn typed<T: FromJson>(args: &[Value], i: usize, path: &str) -> mallcare::Result<T> {
    match args.get(i) {
        Some(Value::String(s)) => read_json(s, path),
        Some(v @ (Value::Object(_) | Value::Array(_))) => read_json(&v.to_string(), path),
        _ => Err(Error::from(mallcare::Issue::new("INPUT_NOT_OBJECT", path, "", ""))),
    }
}

fn member(args: &[Value], i: usize) -> mallcare::Result<Member> {
    match args.get(i) {
        None | Some(Value::Null) => Ok(Member::default()),
        _ => typed(args, i, "member"),
    }
}

fn at(args: &[Value], i: usize) -> mallcare::Result<Timestamp> {
    match args.get(i).and_then(Value::as_str) {
        Some(s) => Timestamp::parse(s).map_err(|e| e.under("at")),
        None => Err(Error::from(mallcare::Issue::new("INPUT_NOT_STRING", "at", "", ""))),
    }
}

/// `options.detail` of `earn` (as the glue reads it).
fn detail(options: Option<&Value>) -> mallcare::Result<EarnDetail> {
    match options.and_then(|o| o.get("detail")) {
        None | Some(Value::Null) => Ok(EarnDetail::Full),
        Some(v) => v
            .as_str()
            .and_then(EarnDetail::parse)
            .ok_or_else(|| Error::from(mallcare::Issue::new("POINTS_INPUT_INVALID", "options.detail", "", ""))),
    }
}

fn all<A, B, C>(a: mallcare::Result<A>, b: mallcare::Result<B>, c: mallcare::Result<C>) -> mallcare::Result<(A, B, C)> {
    let mut issues = Issues::default();
    match (issues.take(a, ""), issues.take(b, ""), issues.take(c, "")) {
        (Some(a), Some(b), Some(c)) => Ok((a, b, c)),
        _ => Err(Error::new(issues.into_vec())),
    }
}

/// Dispatches the points pillar's calls; `None` for names it does not know.
pub fn call(name: &str, args: &[Value], locale: Locale) -> Option<CallResult> {
    let method = name.strip_prefix("PointsProgram.")?;
    let program = match args.first() {
        Some(Value::String(s)) => Program::load(s),
        Some(v @ Value::Object(_)) => Program::from_value(v.clone()),
        _ => return Some(super::arg_error("INPUT_NOT_OBJECT", "doc", locale)),
    };
    let p = match program {
        Ok(p) => p,
        Err(e) => return Some(Err(super::issues(&e, locale))),
    };
    let a = args.get(1..).unwrap_or(&[]);
    let ok = |_: &()| Ok(());
    Some(match method {
        "load" => Ok(json!({ "version": p.version(), "fingerprint": p.fingerprint() })),
        // As the glue: the answer is the JSON text `earn_json` writes (parsed back here).
        "earn" => thrown(
            all(typed(a, 0, "order"), member(a, 1), at(a, 2))
                .and_then(|(o, m, t)| p.earn_json(&o, &m, t, locale, detail(a.get(3))?))
                .and_then(|text| {
                    serde_json::from_str::<Value>(&text)
                        .map_err(|_| Error::from(mallcare::Issue::new("INTERNAL", "", "", "")))
                }),
            locale,
        ),
        "balance" => thrown(
            all(typed::<Vec<_>>(a, 0, "events"), at(a, 1), ok(&())).and_then(|(e, t, ())| p.balance(&e, t)),
            locale,
        ),
        "redeem" => thrown(
            all(typed::<Vec<_>>(a, 0, "events"), typed(a, 1, "request"), at(a, 2))
                .and_then(|(e, q, t)| p.redeem(&e, &q, t))
                .map(|d| d.localize(locale)),
            locale,
        ),
        "clawback" => thrown(
            all(typed::<Vec<_>>(a, 0, "events"), typed(a, 1, "earnResult"), typed(a, 2, "refund"))
                .and_then(|(e, r, f)| p.clawback(&e, &r, &f))
                .map(|c| c.localize(locale)),
            locale,
        ),
        "tier" => thrown(all(typed(a, 0, "history"), at(a, 1), ok(&())).and_then(|(h, t, ())| p.tier(&h, t)), locale),
        "benefits" => match str_arg(a, 0, "tier", locale) {
            Ok(t) => thrown(p.benefits(t), locale),
            Err(e) => e,
        },
        "parkingFee" => match int_arg(a, 2, "spendTodayFen", locale) {
            Ok(spend) => thrown(
                all(typed(a, 0, "session"), member(a, 1), ok(&()))
                    .and_then(|(s, m, ())| p.parking_fee(&s, &m, spend))
                    .map(|f| f.localize(locale)),
                locale,
            ),
            Err(e) => e,
        },
        _ => return None,
    })
}
