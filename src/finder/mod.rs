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
pub mod pinyin;
pub mod search;

/// The finder's hash maps: FNV-1a instead of the standard random SipHash (no random keys, the same order in every
/// runtime, and much less wasm: SipHash and the random-key setup were inlined at every map call).
pub(crate) type Map<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
/// The finder's hash sets (see [`Map`]).
pub(crate) type Set<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<Fnv>>;

/// FNV-1a 64: a small deterministic hasher for the finder's id indexes (a copy of the points pillar's).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub use doc::{
    ConnectorDoc, ConnectorKind, EdgeDoc, EdgeKind, LevelDoc, NodeDoc, NodeKind, ParkingDoc, PlaceDoc, PlaceKind,
    VenueDoc,
};
pub use venue::{Level, Place, Venue, VenueSummary};
