//! # mallcare
//!
//! The after-sales and member-service core for department stores, supermarkets and apparel chains in China,
//! written once in Rust and run everywhere the store's software runs: natively on servers, and as WebAssembly in
//! browsers, Node and WeChat / Alipay / Douyin mini-programs (npm package `mallcare`).
//!
//! This crate holds the shared ground every pillar stands on:
//!
//! * [`Money`]: integer fen, exact parsing and formatting, [`split`] by largest remainder;
//! * [`Date`] and [`Timestamp`]: China civil time, RFC 3339 normalised to +08:00, no hidden clock;
//! * [`Calendar`]: China's business days from the holiday-cn data (2007-2026 embedded), loadable at run time;
//! * [`Error`] and [`Issue`]: one structured error shape, `{ code, path, message }`, in zh-CN or English.
//!
//! ```
//! use mallcare::{Calendar, Date, Money};
//!
//! let cal = Calendar::default();
//! let sold = Date::parse("2026-09-30").unwrap();
//! // A refund promised "within 3 working days" of 30 September 2026 is due on 10 October: National Day week is off,
//! // and Saturday 10 October is a make-up working day (调休).
//! assert_eq!(cal.add_business_days(sold, 3).unwrap().to_string(), "2026-10-10");
//!
//! let coupon = Money::parse("¥10.00").unwrap();
//! let shares = mallcare::split(coupon.fen(), &[3333, 3333, 3334]).unwrap();
//! assert_eq!(shares.iter().sum::<i64>(), coupon.fen());
//! ```
//!
//! Nothing in this crate reads a clock, a file or the network: the host passes in `now`, documents and data.

pub mod calendar;
pub mod error;
#[cfg(any(feature = "points", feature = "finder"))]
mod hash;
pub mod json;
pub mod money;
mod sort;
pub mod text;
pub mod time;

#[cfg(feature = "eligibility")]
pub mod eligibility;
#[cfg(feature = "finder")]
pub mod finder;
#[cfg(feature = "points")]
pub mod points;
#[cfg(feature = "validation")]
pub mod validation;

// The JavaScript face (feature `wasm`). Private on purpose: its functions are wasm exports documented for JS users
// in the package's TypeScript types (generated from their doc comments), not a Rust API.
#[cfg(feature = "wasm")]
mod wasm;

pub use calendar::Calendar;
pub use error::{Error, Issue, Locale};
pub use money::{split, Money};
pub use time::{parse_date, Date, Timestamp};

/// The crate's result type: the error is always an [`Error`] with one or more [`Issue`]s.
///
/// # Example
/// ```
/// fn fen(text: &str) -> mallcare::Result<i64> {
///     Ok(mallcare::Money::parse(text)?.fen())
/// }
/// assert_eq!(fen("¥12.30").unwrap(), 1230);
/// assert_eq!(fen("12.345").unwrap_err().code(), "AMOUNT_TOO_PRECISE");
/// ```
pub type Result<T> = std::result::Result<T, Error>;

/// The library version, as in `Cargo.toml` and the npm package.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// assert!(!mallcare::version().is_empty());
/// ```
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
