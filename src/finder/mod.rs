//! The finder pillar: an indoor store-finder for multi-floor malls.
//!
//! * [`VenueDoc`]: the venue document (levels, walk graph, connectors, places, parking); format in `docs/finder.md`.
//! * [`Venue`]: a loaded, checked venue with a compact graph, queried many times: [`Venue::route`],
//!   [`Venue::nearest`], [`Venue::tour`], [`Venue::find_car`], directions in zh-CN and English.
//! * [`Venue::sample`]: the embedded sample mall (B2-6F, 150+ stores), our own invented data.
//!
//! ```
//! use mallcare::finder::Venue;
//! # let _ = std::any::type_name::<Venue>();

//! ```

pub mod doc;
pub mod venue;

pub mod hours;
pub mod imdf;
pub mod pinyin;
pub mod search;

pub use doc::{
    ConnectorDoc, ConnectorKind, EdgeDoc, EdgeKind, LevelDoc, NodeDoc, NodeKind, ParkingDoc, PlaceDoc, PlaceKind,
    VenueDoc,
};
pub use venue::Venue;
