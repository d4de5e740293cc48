//! Foundation calls: calendar, money, time.

use super::{int_arg, opt_locale, outcome, str_arg, thrown, CallResult};
use mallcare::money::FormatOptions;
use mallcare::{Calendar, Date, Error, Issue, Locale, Money, Timestamp};
use serde_json::Value;
use std::cell::RefCell;

crate::vector_files!["calendar.json", "money.json", "time.json"];

thread_local! {
    static CALENDAR: RefCell<Calendar> = RefCell::new(Calendar::embedded());
}

pub fn reset() {
    CALENDAR.with(|c| *c.borrow_mut() = Calendar::embedded());
}

fn date(args: &[Value], i: usize, path: &str, locale: Locale) -> Result<Date, CallResult> {
    let s = str_arg(args, i, path, locale)?;
    Date::parse(s).map_err(|e| thrown::<()>(Err(e.under(path)), locale))
}

fn cal<T>(f: impl FnOnce(&Calendar) -> T) -> T {
    CALENDAR.with(|c| f(&c.borrow()))
}

macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(r) => return Some(r),
        }
    };
}

pub fn call(name: &str, args: &[Value], locale: Locale) -> Option<CallResult> {
    Some(match name {
        "version" => Ok(Value::String(mallcare::version().to_string())),
        "isWorkday" => {
            let d = tri!(date(args, 0, "", locale));
            thrown(cal(|c| c.is_workday(d)), locale)
        }
        "dayKind" => {
            let d = tri!(date(args, 0, "", locale));
            thrown(cal(|c| c.day_kind(d)), locale)
        }
        "nextWorkday" => {
            let d = tri!(date(args, 0, "", locale));
            thrown(cal(|c| c.next_workday(d)).map(|d| d.to_string()), locale)
        }
        "addBusinessDays" => {
            let d = date(args, 0, "date", locale);
            let n = int_arg(args, 1, "n", locale);
            let (d, n) = tri!(both(d, n));
            thrown(cal(|c| c.add_business_days(d, n)).map(|d| d.to_string()), locale)
        }
        "businessDaysBetween" => {
            let (a, b) = tri!(both(date(args, 0, "from", locale), date(args, 1, "to", locale)));
            thrown(cal(|c| c.business_days_between(a, b)), locale)
        }
        "loadCalendarYear" => {
            let r = match args.first() {
                Some(Value::String(s)) => CALENDAR.with(|c| c.borrow_mut().load_year_json(s)),
                Some(v @ (Value::Object(_) | Value::Array(_))) => {
                    CALENDAR.with(|c| c.borrow_mut().load_year_value(v.clone()))
                }
                _ => Err(Error::from(Issue::new("INPUT_NOT_OBJECT", "", "", ""))),
            };
            thrown(r, locale)
        }
        "resetCalendar" => {
            reset();
            Ok(Value::Null)
        }
        "calendarYears" => Ok(serde_json::to_value(cal(Calendar::known_years)).unwrap_or(Value::Null)),
        "parseAmount" => match args.first().and_then(Value::as_str) {
            Some(s) => outcome(Money::parse(s).map(Money::fen), opt_locale(args, 1, locale)),
            None => {
                outcome::<()>(Err(Error::from(Issue::new("INPUT_NOT_STRING", "", "", ""))), opt_locale(args, 1, locale))
            }
        },
        "parseTimestamp" => match args.first().and_then(Value::as_str) {
            Some(s) => outcome(Timestamp::parse(s).map(|t| t.to_string()), opt_locale(args, 1, locale)),
            None => {
                outcome::<()>(Err(Error::from(Issue::new("INPUT_NOT_STRING", "", "", ""))), opt_locale(args, 1, locale))
            }
        },
        "formatAmount" => {
            let fen = tri!(int_arg(args, 0, "fen", locale));
            let opts: FormatOptions =
                args.get(1).and_then(|v| serde_json::from_value(v.clone()).ok()).unwrap_or_default();
            thrown(Money::from_fen(fen).map(|m| m.format_with(&opts)), locale)
        }
        "splitAmount" => {
            let total = int_arg(args, 0, "totalFen", locale);
            let weights = match args.get(1) {
                Some(Value::Array(ws)) => {
                    let mut out = Vec::new();
                    let mut bad = Vec::new();
                    for (i, w) in ws.iter().enumerate() {
                        match w.as_i64().or_else(|| w.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)) {
                            Some(x) => out.push(x),
                            None => bad.push(Issue::new("SPLIT_WEIGHT_NOT_INTEGER", format!("weights[{i}]"), "", "")),
                        }
                    }
                    if bad.is_empty() {
                        Ok(out)
                    } else {
                        Err(thrown::<()>(Err(Error::new(bad)), locale))
                    }
                }
                _ => Err(thrown::<()>(Err(Error::from(Issue::new("INPUT_NOT_ARRAY", "weights", "", ""))), locale)),
            };
            let (t, w) = tri!(both(total, weights));
            thrown(mallcare::split(t, &w), locale)
        }
        _ => return None,
    })
}

/// Both arguments, or the issues of every bad one (as the JS glue collects them).
fn both<A, B>(a: Result<A, CallResult>, b: Result<B, CallResult>) -> Result<(A, B), CallResult> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => {
            let mut issues = Vec::new();
            for r in [a.err(), b.err()].into_iter().flatten() {
                if let Err(list) = r {
                    issues.extend(list);
                }
            }
            Err(Err(issues))
        }
    }
}
