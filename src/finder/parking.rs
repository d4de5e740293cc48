//! Find my car: remember a parking space code, then route from any place back to it, and from it to a store.

use super::route::{Endpoint, Route, RouteOptions};
use super::venue::Venue;
use crate::error::{Error, Issue};
use crate::Result;
use serde::Serialize;

/// A parking space of a loaded venue.
///
/// # Example
/// ```
/// let v = mallcare::finder::Venue::sample().unwrap();
/// let s = v.parking_space("b2-a-001").unwrap();
/// assert_eq!(s.code, "B2-A-001");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParkingSpace {
    /// Code as in the document.
    pub code: String,
    /// Level id.
    pub level: String,
    /// Level display name.
    pub level_name: String,
    /// Zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Position.
    pub x: f64,
    /// Position.
    pub y: f64,
}

/// The answer of [`Venue::find_car`]: the space, the way to it and the way back.
///
/// # Example
/// ```
/// use mallcare::finder::{Venue, route::Endpoint};
/// let v = Venue::sample().unwrap();
/// let f = v.find_car(&Endpoint::Id("s-2-01".into()), "B1-A-003", &Default::default()).unwrap();
/// assert_eq!(f.space.level_name, "B1");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FindCar {
    /// The space.
    pub space: ParkingSpace,
    /// From `from` to the car.
    pub to_car: Route,
    /// From the car back to `from`.
    pub from_car: Route,
}

impl Venue {
    /// A parking space by code (case-insensitive).
    ///
    /// # Errors
    /// `ROUTE_PARKING_UNKNOWN` if no space has that code.
    ///
    /// # Example
    /// ```
    /// let v = mallcare::finder::Venue::sample().unwrap();
    /// assert_eq!(v.parking_space("Z-9").unwrap_err().code(), "ROUTE_PARKING_UNKNOWN");
    /// ```
    pub fn parking_space(&self, code: &str) -> Result<ParkingSpace> {
        let s = self.parking_index.get(&code_key(code)).and_then(|&i| self.parking.get(i as usize));
        let Some(s) = s else {
            return Err(Error::from(Issue::new(
                "ROUTE_PARKING_UNKNOWN",
                "code",
                format!("车位“{code}”不存在"),
                format!("no parking space \"{code}\""),
            )));
        };
        let l = self.levels.get(s.level as usize);
        Ok(ParkingSpace {
            code: s.code.clone(),
            level: l.map(|l| l.id.clone()).unwrap_or_default(),
            level_name: l.map(|l| l.name.clone()).unwrap_or_default(),
            zone: s.zone.clone(),
            x: s.x,
            y: s.y,
        })
    }

    /// Routes from `from` to the car in space `code`, and from the car back to `from`.
    ///
    /// # Errors
    /// `ROUTE_PARKING_UNKNOWN` (path `code`) and everything [`Venue::route`] reports.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::{Venue, route::Endpoint};
    /// let v = Venue::sample().unwrap();
    /// let f = v.find_car(&Endpoint::Id("s-4-01".into()), "B2-C-010", &Default::default()).unwrap();
    /// assert!(f.to_car.metres > 0.0 && f.from_car.metres > 0.0);
    /// ```
    pub fn find_car(&self, from: &Endpoint, code: &str, opts: &RouteOptions) -> Result<FindCar> {
        let space = self.parking_space(code)?;
        let car = Endpoint::Parking(code.to_string());
        let to_car = self.route(from, &car, opts)?;
        let from_car = self.route(&car, from, opts)?;
        Ok(FindCar { space, to_car, from_car })
    }
}

/// The key a parking code is indexed and looked up by: trimmed, lower-cased (codes match case-insensitively).
/// Lower case, as search folds text, so the wasm carries one case table (not also the upper-case one).
pub(crate) fn code_key(code: &str) -> String {
    code.trim().to_lowercase()
}
