//! Exact non-float arithmetic for points: a reduced fraction of two `i128`s.
//!
//! Every quantity that decides points stays exact until the one stated rounding (floor or half-up) turns it into
//! an integer; overflow is an error (`POINTS_OVERFLOW`), never a wrap.

use crate::error::{Error, Issue};
use crate::Result;

/// An exact fraction `n / d` with `d > 0`, kept reduced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Q {
    n: i128,
    d: i128,
}

pub(crate) fn overflow() -> Error {
    Error::from(Issue::new(
        "POINTS_OVERFLOW",
        "",
        "积分计算超出可表示范围",
        "the points computation is outside the representable range",
    ))
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

impl Q {
    pub(crate) const ZERO: Q = Q { n: 0, d: 1 };

    /// `n / d`; `d` must be positive (callers validate documents so it is).
    pub(crate) fn new(n: i128, d: i128) -> Result<Q> {
        if d <= 0 {
            return Err(overflow());
        }
        let g = gcd(n, d).max(1);
        Ok(Q { n: n / g, d: d / g })
    }

    pub(crate) fn int(n: i64) -> Q {
        Q { n: i128::from(n), d: 1 }
    }

    pub(crate) fn add(self, o: Q) -> Result<Q> {
        let g = gcd(self.d, o.d).max(1);
        let d = (self.d / g).checked_mul(o.d).ok_or_else(overflow)?;
        let a = self.n.checked_mul(o.d / g).ok_or_else(overflow)?;
        let b = o.n.checked_mul(self.d / g).ok_or_else(overflow)?;
        Q::new(a.checked_add(b).ok_or_else(overflow)?, d)
    }

    pub(crate) fn sub(self, o: Q) -> Result<Q> {
        self.add(Q { n: -o.n, d: o.d })
    }

    /// `self * num / den` with `den > 0`.
    pub(crate) fn scale(self, num: i64, den: i64) -> Result<Q> {
        let (num, den) = (i128::from(num), i128::from(den));
        let g1 = gcd(self.n, den).max(1);
        let g2 = gcd(num, self.d).max(1);
        let n = (self.n / g1).checked_mul(num / g2).ok_or_else(overflow)?;
        let d = (self.d / g2).checked_mul(den / g1).ok_or_else(overflow)?;
        Q::new(n, d)
    }

    pub(crate) fn floor(self) -> i128 {
        self.n.div_euclid(self.d)
    }

    /// Half up (toward +infinity on a tie): `floor(x + 1/2)`.
    pub(crate) fn round_half_up(self) -> Result<i128> {
        let two_n = self.n.checked_mul(2).ok_or_else(overflow)?;
        let two_d = self.d.checked_mul(2).ok_or_else(overflow)?;
        Ok(two_n.checked_add(self.d).ok_or_else(overflow)?.div_euclid(two_d))
    }

    /// The fractional part as a fraction in `[0, 1)`, for largest-remainder ordering.
    pub(crate) fn frac(self) -> Q {
        Q { n: self.n.rem_euclid(self.d), d: self.d }
    }

    /// Compares two fractions exactly (cross-multiplication, saturating on absurd sizes).
    pub(crate) fn cmp(self, o: Q) -> std::cmp::Ordering {
        match (self.n.checked_mul(o.d), o.n.checked_mul(self.d)) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => (self.n.signum() * o.d.signum()).cmp(&(o.n.signum() * self.d.signum())),
        }
    }

    pub(crate) fn is_positive(self) -> bool {
        self.n > 0
    }
}

/// Converts an `i128` result back to points, or `POINTS_OVERFLOW`.
pub(crate) fn to_i64(v: i128) -> Result<i64> {
    i64::try_from(v).ok().filter(|x| x.abs() <= crate::money::MAX_FEN).ok_or_else(overflow)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code")]
    use super::*;

    #[test]
    fn arithmetic_is_exact() {
        let a = Q::new(1, 3).unwrap();
        let b = Q::new(1, 6).unwrap();
        assert_eq!(a.add(b).unwrap(), Q::new(1, 2).unwrap());
        assert_eq!(Q::new(5, 2).unwrap().round_half_up().unwrap(), 3);
        assert_eq!(Q::new(-5, 2).unwrap().round_half_up().unwrap(), -2);
        assert_eq!(Q::new(-5, 2).unwrap().floor(), -3);
        assert_eq!(Q::int(12345).scale(150, 100).unwrap(), Q::new(37035, 2).unwrap());
        assert_eq!(Q::new(7, 2).unwrap().frac(), Q::new(1, 2).unwrap());
    }
}
