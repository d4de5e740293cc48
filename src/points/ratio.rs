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

/// Binary GCD: no division (128-bit division is a slow software routine, in wasm too).
fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    if a == 0 {
        return i128::try_from(b).unwrap_or(1);
    }
    if b == 0 {
        return i128::try_from(a).unwrap_or(1);
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            break;
        }
    }
    i128::try_from(a << shift).unwrap_or(1)
}

/// `a / b` (Euclidean), with a fast path when both fit in 64 bits.
fn div_euclid(a: i128, b: i128) -> i128 {
    match (i64::try_from(a), i64::try_from(b)) {
        (Ok(x), Ok(y)) if y != 0 && !(x == i64::MIN && y == -1) => i128::from(x.div_euclid(y)),
        _ => a.div_euclid(b),
    }
}

fn rem_euclid(a: i128, b: i128) -> i128 {
    match (i64::try_from(a), i64::try_from(b)) {
        (Ok(x), Ok(y)) if y != 0 && !(x == i64::MIN && y == -1) => i128::from(x.rem_euclid(y)),
        _ => a.rem_euclid(b),
    }
}

/// Fractions are reduced only when they grow large: the same operations on different lines then keep the same
/// denominator, so sums stay cheap (no gcd, no 128-bit division on the hot path).
const LIMIT: u128 = 1 << 62;

impl Q {
    pub(crate) const ZERO: Q = Q { n: 0, d: 1 };

    /// `n / d`; `d` must be positive (callers validate documents so it is).
    pub(crate) fn new(n: i128, d: i128) -> Result<Q> {
        if d <= 0 {
            return Err(overflow());
        }
        Ok(Q::norm(n, d))
    }

    fn norm(n: i128, d: i128) -> Q {
        if n.unsigned_abs() < LIMIT && d.unsigned_abs() < LIMIT {
            return Q { n, d };
        }
        let g = gcd(n, d).max(1);
        Q { n: n / g, d: d / g }
    }

    pub(crate) fn int(n: i64) -> Q {
        Q { n: i128::from(n), d: 1 }
    }

    pub(crate) fn add(self, o: Q) -> Result<Q> {
        if self.d == o.d {
            return Ok(Q::norm(self.n.checked_add(o.n).ok_or_else(overflow)?, self.d));
        }
        let d = self.d.checked_mul(o.d).ok_or_else(overflow)?;
        let a = self.n.checked_mul(o.d).ok_or_else(overflow)?;
        let b = o.n.checked_mul(self.d).ok_or_else(overflow)?;
        Ok(Q::norm(a.checked_add(b).ok_or_else(overflow)?, d))
    }

    pub(crate) fn sub(self, o: Q) -> Result<Q> {
        self.add(Q { n: -o.n, d: o.d })
    }

    /// `self * num / den` with `den > 0`.
    pub(crate) fn scale(self, num: i64, den: i64) -> Result<Q> {
        let n = self.n.checked_mul(i128::from(num)).ok_or_else(overflow)?;
        let d = self.d.checked_mul(i128::from(den)).ok_or_else(overflow)?;
        Q::new(n, d)
    }

    pub(crate) fn floor(self) -> i128 {
        div_euclid(self.n, self.d)
    }

    /// Half up (toward +infinity on a tie): `floor(x + 1/2)`.
    pub(crate) fn round_half_up(self) -> Result<i128> {
        let two_n = self.n.checked_mul(2).ok_or_else(overflow)?;
        let two_d = self.d.checked_mul(2).ok_or_else(overflow)?;
        Ok(div_euclid(two_n.checked_add(self.d).ok_or_else(overflow)?, two_d))
    }

    /// The fractional part as a fraction in `[0, 1)`, for largest-remainder ordering.
    pub(crate) fn frac(self) -> Q {
        Q { n: rem_euclid(self.n, self.d), d: self.d }
    }

    /// Compares two fractions exactly (cross-multiplication, reducing first if that would overflow).
    pub(crate) fn cmp(self, o: Q) -> std::cmp::Ordering {
        if self.d == o.d {
            return self.n.cmp(&o.n);
        }
        match (self.n.checked_mul(o.d), o.n.checked_mul(self.d)) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => {
                let (a, b) = (self.reduced(), o.reduced());
                match (a.n.checked_mul(b.d), b.n.checked_mul(a.d)) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    _ => div_euclid(a.n, a.d).cmp(&div_euclid(b.n, b.d)),
                }
            }
        }
    }

    fn reduced(self) -> Q {
        let g = gcd(self.n, self.d).max(1);
        Q { n: self.n / g, d: self.d / g }
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
        assert_eq!(a.add(b).unwrap().cmp(Q::new(1, 2).unwrap()), std::cmp::Ordering::Equal);
        assert_eq!(gcd(12, 18), 6);
        assert_eq!(gcd(0, 7), 7);
        assert_eq!(Q::new(1 << 100, 1 << 99).unwrap().floor(), 2);
        assert_eq!(Q::new(5, 2).unwrap().round_half_up().unwrap(), 3);
        assert_eq!(Q::new(-5, 2).unwrap().round_half_up().unwrap(), -2);
        assert_eq!(Q::new(-5, 2).unwrap().floor(), -3);
        assert_eq!(Q::int(12345).scale(150, 100).unwrap().cmp(Q::new(37035, 2).unwrap()), std::cmp::Ordering::Equal);
        assert_eq!(Q::new(7, 2).unwrap().frac().cmp(Q::new(1, 2).unwrap()), std::cmp::Ordering::Equal);
    }
}
