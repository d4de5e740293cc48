//! A flat form of a [`Route`] for the JS package: numbers in one `f64` list, text in one UTF-16 buffer. The
//! package's overlay (`scripts/pkg/overlay/finder.js`) reads both straight out of wasm memory and rebuilds the very
//! object the JSON answer describes (same keys, same order, same values), without JSON text or `JSON.parse`.
//!
//! Layout, in reading order (every string is one number: the end offset of its text in the UTF-16 buffer, where
//! the previous string ended; optional fields are announced by a bit mask first):
//!
//! * route: `metres, seconds, optimize$, mode$, from, to, legs, steps, connectors, version$`
//! * stop: `mask (1 place, 2 parking), level$, levelName$, x, y, [place$], [parking$], name$, nameEn$`
//! * legs: `count`, then each `level$, levelName$, ordinal, points, x0, y0, x1, y1, ..., metres`
//! * steps: `count`, then each `kind$, mask (1 turn, 2 metres, 4 landmark, 8 connector, 16 direction, 32 toLevel),
//!   [turn$], [metres], [landmark$], [connector$], [direction$], [toLevel$], level$, text$, textEn$`
//! * connectors: `count`, then each `id$`
//!
//! (`$` marks a string.) The first [`RouteTape::HEADER`] numbers are left for the caller (the wasm glue writes the
//! total count and where the text lies).

use super::directions::{Step, StepKind, Turn};
use super::route::{Mode, Optimize, Route, Stop};

/// The flat form of a route (see the module documentation for the layout).
///
/// # Example
/// ```
/// use mallcare::finder::{tape::RouteTape, Venue, route::Endpoint};
/// let v = Venue::sample().unwrap();
/// let r = v.route(&Endpoint::Parking("B2-A-001".into()), &Endpoint::Id("s-3-01".into()), &Default::default()).unwrap();
/// let mut t = RouteTape::default();
/// t.write(&r);
/// assert_eq!(t.nums[RouteTape::HEADER], r.metres);
/// assert!(String::from_utf16(&t.text).unwrap().ends_with(&r.version));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RouteTape {
    /// Numbers (and string end offsets), after [`RouteTape::HEADER`] reserved ones.
    pub nums: Vec<f64>,
    /// All strings, concatenated, as UTF-16 code units.
    pub text: Vec<u16>,
}

impl RouteTape {
    /// Numbers reserved at the start for the caller.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::{tape::RouteTape, Venue, route::Endpoint};
    /// let v = Venue::sample().unwrap();
    /// let r = v.route(&Endpoint::Parking("B2-A-001".into()), &Endpoint::Id("s-3-01".into()), &Default::default()).unwrap();
    /// let mut t = RouteTape::default();
    /// t.write(&r);
    /// // the reserved numbers stay zero; the route's own numbers start after them
    /// assert!(t.nums[..RouteTape::HEADER].iter().all(|&n| n == 0.0));
    /// assert_eq!(t.nums[RouteTape::HEADER + 1], r.seconds);
    /// ```
    pub const HEADER: usize = 3;

    /// Clears the tape and writes `route` into it.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// Writing twice gives the same tape (it is cleared first).
    /// ```
    /// use mallcare::finder::{tape::RouteTape, Venue, route::Endpoint};
    /// let v = Venue::sample().unwrap();
    /// let r = v.route(&Endpoint::Parking("B2-A-001".into()), &Endpoint::Id("s-3-01".into()), &Default::default()).unwrap();
    /// let mut t = RouteTape::default();
    /// t.write(&r);
    /// let first = t.clone();
    /// t.write(&r);
    /// assert_eq!(t, first);
    /// assert!(String::from_utf16(&t.text).unwrap().contains(&r.from.name));
    /// ```
    pub fn write(&mut self, route: &Route) {
        self.nums.clear();
        self.text.clear();
        self.nums.resize(Self::HEADER, 0.0);
        self.num(route.metres);
        self.num(route.seconds);
        self.str(match route.optimize {
            Optimize::Distance => "distance",
            Optimize::Time => "time",
        });
        self.str(match route.mode {
            Mode::Default => "default",
            Mode::Accessible => "accessible",
            Mode::AvoidElevators => "avoidElevators",
        });
        self.stop(&route.from);
        self.stop(&route.to);
        self.count(route.legs.len());
        for l in &route.legs {
            self.str(&l.level);
            self.str(&l.level_name);
            self.num(f64::from(l.ordinal));
            self.count(l.points.len());
            for &[x, y] in &l.points {
                self.num(x);
                self.num(y);
            }
            self.num(l.metres);
        }
        self.count(route.steps.len());
        for s in &route.steps {
            self.step(s);
        }
        self.count(route.connectors.len());
        for c in &route.connectors {
            self.str(c);
        }
        self.str(&route.version);
    }

    fn num(&mut self, x: f64) {
        self.nums.push(x);
    }

    #[allow(clippy::cast_precision_loss, reason = "counts and offsets are far below 2^52")]
    fn count(&mut self, n: usize) {
        self.nums.push(n as f64);
    }

    fn str(&mut self, s: &str) {
        if s.is_ascii() {
            self.text.extend(s.bytes().map(u16::from));
        } else {
            self.text.extend(s.encode_utf16());
        }
        self.count(self.text.len());
    }

    fn stop(&mut self, s: &Stop) {
        self.num(f64::from(u8::from(s.place.is_some()) | (u8::from(s.parking.is_some()) << 1)));
        self.str(&s.level);
        self.str(&s.level_name);
        self.num(s.x);
        self.num(s.y);
        if let Some(p) = &s.place {
            self.str(p);
        }
        if let Some(p) = &s.parking {
            self.str(p);
        }
        self.str(&s.name);
        self.str(&s.name_en);
    }

    fn step(&mut self, s: &Step) {
        self.str(match s.kind {
            StepKind::Depart => "depart",
            StepKind::Walk => "walk",
            StepKind::Turn => "turn",
            StepKind::Elevator => "elevator",
            StepKind::Escalator => "escalator",
            StepKind::Stairs => "stairs",
            StepKind::Ramp => "ramp",
            StepKind::Walkway => "walkway",
            StepKind::Arrive => "arrive",
        });
        let mask = u8::from(s.turn.is_some())
            | (u8::from(s.metres.is_some()) << 1)
            | (u8::from(s.landmark.is_some()) << 2)
            | (u8::from(s.connector.is_some()) << 3)
            | (u8::from(s.direction.is_some()) << 4)
            | (u8::from(s.to_level.is_some()) << 5);
        self.num(f64::from(mask));
        if let Some(t) = s.turn {
            self.str(match t {
                Turn::SlightLeft => "slightLeft",
                Turn::Left => "left",
                Turn::SlightRight => "slightRight",
                Turn::Right => "right",
                Turn::UTurn => "uTurn",
            });
        }
        if let Some(m) = s.metres {
            self.num(m);
        }
        if let Some(x) = &s.landmark {
            self.str(x);
        }
        if let Some(x) = &s.connector {
            self.str(x);
        }
        if let Some(x) = s.direction {
            self.str(x);
        }
        if let Some(x) = &s.to_level {
            self.str(x);
        }
        self.str(&s.level);
        self.str(&s.text);
        self.str(&s.text_en);
    }
}
