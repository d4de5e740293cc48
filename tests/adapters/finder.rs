//! Vector adapters of the finder pillar: `Venue.*` calls take the venue as their first argument (a document, or
//! `"sample"` for the embedded sample mall), as `tests/js/adapters/finder.mjs` does.
use super::{thrown, CallResult};
use mallcare::error::{Error, Issue, Issues};
use mallcare::finder::route::{Endpoint, RouteOptions};
use mallcare::finder::Venue;
use mallcare::Locale;
use serde_json::Value;

crate::vector_files!["finder.json", "finder-sample.json"];

fn venue(arg: Option<&Value>) -> mallcare::Result<Venue> {
    match arg {
        Some(Value::String(s)) if s == "sample" => Venue::sample(),
        Some(Value::String(s)) => Venue::load(s),
        Some(v @ Value::Object(_)) => Venue::load_value(v.clone()),
        _ => Err(Error::from(Issue::new("INPUT_NOT_OBJECT", "", "", ""))),
    }
}

fn endpoint(v: Option<&Value>, path: &str) -> mallcare::Result<Endpoint> {
    let v = v.cloned().unwrap_or(Value::Null);
    Endpoint::from_json(&v).map_err(|e| e.under(path))
}

fn options(v: Option<&Value>) -> mallcare::Result<RouteOptions> {
    match v {
        None | Some(Value::Null) => Ok(RouteOptions::default()),
        Some(v) => mallcare::json::from_value(v.clone(), "ROUTE_OPTIONS_INVALID").map_err(|e| e.under("options")),
    }
}

fn locale_of(v: Option<&Value>, default: Locale) -> Locale {
    v.and_then(|o| o.get("locale")).and_then(Value::as_str).map_or(default, Locale::parse)
}

fn all3<A, B, C>(
    a: mallcare::Result<A>,
    b: mallcare::Result<B>,
    c: mallcare::Result<C>,
) -> mallcare::Result<(A, B, C)> {
    let mut issues = Issues::default();
    let (a, b, c) = (issues.take(a, ""), issues.take(b, ""), issues.take(c, ""));
    match (a, b, c) {
        (Some(a), Some(b), Some(c)) => Ok((a, b, c)),
        _ => Err(Error::new(issues.into_vec())),
    }
}

/// Dispatches the finder pillar's calls; `None` for names it does not know.
pub fn call(name: &str, args: &[Value], locale: Locale) -> Option<CallResult> {
    let v = || venue(args.first());
    Some(match name {
        "Venue.load" => thrown(v().map(|v| v.summary()), locale),
        "Venue.sample" => thrown(Venue::sample().map(|v| v.summary()), locale),
        "Venue.route" => {
            let lc = locale_of(args.get(3), locale);
            let r = v().and_then(|v| {
                let (a, b, o) = all3(endpoint(args.get(1), "from"), endpoint(args.get(2), "to"), options(args.get(3)))?;
                v.route(&a, &b, &o)
            });
            thrown(r, lc)
        }
        "Venue.nearest" => {
            let lc = locale_of(args.get(3), locale);
            let what = match args.get(2) {
                Some(Value::String(s)) => Ok(vec![s.clone()]),
                Some(w) => {
                    mallcare::json::from_value::<Vec<String>>(w.clone(), "INPUT_NOT_ARRAY").map_err(|e| e.under("what"))
                }
                None => Err(Error::from(Issue::new("INPUT_NOT_ARRAY", "what", "", ""))),
            };
            let r = v().and_then(|v| {
                let (a, w, o) = all3(endpoint(args.get(1), "from"), what, options(args.get(3)))?;
                v.nearest(&a, &w, &o)
            });
            thrown(r, lc)
        }
        "Venue.tour" => {
            let lc = locale_of(args.get(3), locale);
            let stops = match args.get(2) {
                Some(Value::Array(items)) => {
                    let mut issues = Issues::default();
                    let list: Vec<Endpoint> = items
                        .iter()
                        .enumerate()
                        .filter_map(|(i, e)| issues.take(endpoint(Some(e), &format!("stops[{i}]")), ""))
                        .collect();
                    issues.finish(list)
                }
                _ => Err(Error::from(Issue::new("INPUT_NOT_ARRAY", "stops", "", ""))),
            };
            let r = v().and_then(|v| {
                let (a, s, o) = all3(endpoint(args.get(1), "from"), stops, options(args.get(3)))?;
                v.tour(&a, &s, &o)
            });
            thrown(r, lc)
        }
        "Venue.findCar" => {
            let lc = locale_of(args.get(3), locale);
            let code = args
                .get(2)
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| Error::from(Issue::new("INPUT_NOT_STRING", "code", "", "")));
            let r = v().and_then(|v| {
                let (a, c, o) = all3(endpoint(args.get(1), "from"), code, options(args.get(3)))?;
                v.find_car(&a, &c, &o)
            });
            thrown(r, lc)
        }
        "Venue.parkingSpace" => {
            let r = v().and_then(|v| v.parking_space(args.get(1).and_then(Value::as_str).unwrap_or("")));
            thrown(r, locale)
        }
        _ => return None,
    })
}
