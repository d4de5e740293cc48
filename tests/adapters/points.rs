//! Vector adapters of the points pillar: `PointsProgram.<method>` with the program document as the first
//! argument (`PointsProgram.load(doc).<method>(...rest)` in JS). A `{"$fixture": "name"}` argument is not
//! supported: the runners do not hand adapters the vector file, so documents are written inline.
use super::{int_arg, str_arg, thrown, CallResult};
use mallcare::points::Program;
use mallcare::Locale;
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

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::Null)
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
    let rest = args.get(1..).unwrap_or(&[]);
    Some(match method {
        "load" => Ok(json!({ "version": p.version(), "fingerprint": p.fingerprint() })),
        "earn" => match str_arg(rest, 2, "at", locale) {
            Ok(at) => thrown(p.earn_value(arg(rest, 0), arg(rest, 1), at).map(|r| r.localize(locale)), locale),
            Err(e) => e,
        },
        "balance" => match str_arg(rest, 1, "at", locale) {
            Ok(at) => thrown(p.balance_value(arg(rest, 0), at), locale),
            Err(e) => e,
        },
        "redeem" => match str_arg(rest, 2, "at", locale) {
            Ok(at) => thrown(p.redeem_value(arg(rest, 0), arg(rest, 1), at).map(|r| r.localize(locale)), locale),
            Err(e) => e,
        },
        "clawback" => {
            thrown(p.clawback_value(arg(rest, 0), arg(rest, 1), arg(rest, 2)).map(|r| r.localize(locale)), locale)
        }
        "tier" => match str_arg(rest, 1, "at", locale) {
            Ok(at) => thrown(p.tier_value(arg(rest, 0), at), locale),
            Err(e) => e,
        },
        "benefits" => match str_arg(rest, 0, "tier", locale) {
            Ok(t) => thrown(p.benefits(t), locale),
            Err(e) => e,
        },
        "parkingFee" => match int_arg(rest, 2, "spendTodayFen", locale) {
            Ok(spend) => {
                thrown(p.parking_fee_value(arg(rest, 0), arg(rest, 1), spend).map(|r| r.localize(locale)), locale)
            }
            Err(e) => e,
        },
        _ => return None,
    })
}
