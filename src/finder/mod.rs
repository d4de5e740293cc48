//! The finder pillar: an indoor store-finder for multi-floor malls.
//!
//! * [`VenueDoc`]: the venue document (levels, walk graph, connectors, places, parking); format in `docs/finder.md`.
//! * [`Venue`]: a loaded, checked venue with a compact graph, queried many times: [`Venue::route`],
//!   [`Venue::nearest`], [`Venue::tour`], [`Venue::find_car`], with directions in zh-CN and English.
//! * [`Venue::sample`]: the embedded sample mall (B2-6F, 150+ stores), our own invented data.
//!
//! ```
//! use mallcare::finder::{Venue, route::{Endpoint, RouteOptions, Mode}};
//! let mall = Venue::sample().unwrap();
//! let opts = RouteOptions { mode: Mode::Accessible, ..Default::default() };
//! let r = mall.route(&Endpoint::Parking("B2-A-001".into()), &Endpoint::Id("s-5-01".into()), &opts).unwrap();
//! assert!(r.metres > 0.0 && r.steps.len() >= 3);
//! ```

pub mod directions;
pub mod doc;
pub mod graph;
pub mod nearest;
pub mod parking;
pub(crate) mod read;
pub mod route;
pub mod sample;
pub mod tape;
pub mod tour;
pub mod venue;

pub mod hours;
pub mod imdf;
#[cfg(any(test, feature = "wasm"))]
pub(crate) mod jtext;
pub mod pinyin;
pub mod search;

/// The finder's hash maps: FNV-1a instead of the standard random SipHash (see [`crate::hash::Fnv`]).
pub(crate) type Map<K, V> = crate::hash::FnvMap<K, V>;
/// The finder's hash sets (see [`Map`]).
pub(crate) type Set<K> = crate::hash::FnvSet<K>;

pub use doc::{
    ConnectorDoc, ConnectorKind, EdgeDoc, EdgeKind, LevelDoc, NodeDoc, NodeKind, ParkingDoc, PlaceDoc, PlaceKind,
    VenueDoc,
};
pub use venue::{Level, Place, Venue, VenueSummary};
