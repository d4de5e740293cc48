//! A small JSON text parser into `serde_json::Value` for the wasm build: the JS glue reads IMDF files given as text
//! and the embedded sample mall with it, so serde_json's own text parser (about 10 KB of wasm) is not linked.
//! It gives the value serde_json gives for every text serde_json accepts (numbers by serde_json's own arithmetic:
//! `u64`, then `i64` for negatives, else `f64` from the decimal significand and a power of ten, `-0` as a float),
//! refuses what serde_json refuses (the differential test below runs both on many texts), and says where
//! (`byte N`) in English in its error; the wording of that detail is its own.

use serde_json::{Map, Number, Value};

/// serde_json's recursion limit.
const MAX_DEPTH: u32 = 128;

/// The powers of ten serde_json multiplies by (`1e0` to `1e308`, each the nearest double).
#[rustfmt::skip]
static POW10: [f64; 309] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31, 1e32, 1e33, 1e34, 1e35, 1e36, 1e37, 1e38, 1e39, 1e40, 1e41, 1e42, 1e43, 1e44, 1e45, 1e46, 1e47, 1e48, 1e49, 1e50, 1e51, 1e52, 1e53, 1e54, 1e55, 1e56, 1e57, 1e58, 1e59, 1e60, 1e61, 1e62, 1e63, 1e64, 1e65, 1e66, 1e67, 1e68, 1e69, 1e70, 1e71, 1e72, 1e73, 1e74, 1e75, 1e76, 1e77, 1e78, 1e79, 1e80, 1e81, 1e82, 1e83, 1e84, 1e85, 1e86, 1e87, 1e88, 1e89, 1e90, 1e91, 1e92, 1e93, 1e94, 1e95, 1e96, 1e97, 1e98, 1e99, 1e100, 1e101, 1e102, 1e103, 1e104, 1e105, 1e106, 1e107, 1e108, 1e109, 1e110, 1e111, 1e112, 1e113, 1e114, 1e115, 1e116, 1e117, 1e118, 1e119, 1e120, 1e121, 1e122, 1e123, 1e124, 1e125, 1e126, 1e127, 1e128, 1e129, 1e130, 1e131, 1e132, 1e133, 1e134, 1e135, 1e136, 1e137, 1e138, 1e139, 1e140, 1e141, 1e142, 1e143, 1e144, 1e145, 1e146, 1e147, 1e148, 1e149, 1e150, 1e151, 1e152, 1e153, 1e154, 1e155, 1e156, 1e157, 1e158, 1e159, 1e160, 1e161, 1e162, 1e163, 1e164, 1e165, 1e166, 1e167, 1e168, 1e169, 1e170, 1e171, 1e172, 1e173, 1e174, 1e175, 1e176, 1e177, 1e178, 1e179, 1e180, 1e181, 1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188, 1e189, 1e190, 1e191, 1e192, 1e193, 1e194, 1e195, 1e196, 1e197, 1e198, 1e199, 1e200, 1e201, 1e202, 1e203, 1e204, 1e205, 1e206, 1e207, 1e208, 1e209, 1e210, 1e211, 1e212, 1e213, 1e214, 1e215, 1e216, 1e217, 1e218, 1e219, 1e220, 1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227, 1e228, 1e229, 1e230, 1e231, 1e232, 1e233, 1e234, 1e235, 1e236, 1e237, 1e238, 1e239, 1e240, 1e241, 1e242, 1e243, 1e244, 1e245, 1e246, 1e247, 1e248, 1e249, 1e250, 1e251, 1e252, 1e253, 1e254, 1e255, 1e256, 1e257, 1e258, 1e259, 1e260, 1e261, 1e262, 1e263, 1e264, 1e265, 1e266, 1e267, 1e268, 1e269, 1e270, 1e271, 1e272, 1e273, 1e274, 1e275, 1e276, 1e277, 1e278, 1e279, 1e280, 1e281, 1e282, 1e283, 1e284, 1e285, 1e286, 1e287, 1e288, 1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, 1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308];

/// Parses JSON text.
///
/// # Errors
/// A short English description with the byte offset of the problem.
pub(crate) fn parse(text: &str) -> Result<Value, String> {
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    let v = p.value(0)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.fail("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    #[inline(never)]
    fn fail(&self, what: &str) -> String {
        format!("{what} at byte {}", self.i)
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.i += 1;
        }
        hit
    }

    fn word(&mut self, w: &[u8], v: Value) -> Result<Value, String> {
        if self.s.get(self.i..self.i + w.len()) == Some(w) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(self.fail("expected ident"))
        }
    }

    fn value(&mut self, depth: u32) -> Result<Value, String> {
        self.ws();
        match self.peek() {
            None => Err(self.fail("EOF while parsing a value")),
            Some(b'n') => self.word(b"null", Value::Null),
            Some(b't') => self.word(b"true", Value::Bool(true)),
            Some(b'f') => self.word(b"false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                if depth >= MAX_DEPTH {
                    return Err(self.fail("recursion limit exceeded"));
                }
                self.i += 1;
                let mut out = Vec::new();
                self.ws();
                if self.eat(b']') {
                    return Ok(Value::Array(out));
                }
                loop {
                    out.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(b']') {
                        return Ok(Value::Array(out));
                    }
                    if !self.eat(b',') {
                        return Err(self.fail("expected `,` or `]`"));
                    }
                }
            }
            Some(b'{') => {
                if depth >= MAX_DEPTH {
                    return Err(self.fail("recursion limit exceeded"));
                }
                self.i += 1;
                let mut map = Map::new();
                self.ws();
                if self.eat(b'}') {
                    return Ok(Value::Object(map));
                }
                loop {
                    self.ws();
                    if self.peek() != Some(b'"') {
                        return Err(self.fail("key must be a string"));
                    }
                    let key = self.string()?;
                    self.ws();
                    if !self.eat(b':') {
                        return Err(self.fail("expected `:`"));
                    }
                    let v = self.value(depth + 1)?;
                    map.insert(key, v);
                    self.ws();
                    if self.eat(b'}') {
                        return Ok(Value::Object(map));
                    }
                    if !self.eat(b',') {
                        return Err(self.fail("expected `,` or `}`"));
                    }
                }
            }
            Some(_) => Err(self.fail("expected value")),
        }
    }

    /// A string at the opening quote.
    fn string(&mut self) -> Result<String, String> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let start = self.i;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.extend_from_slice(self.s.get(start..self.i).unwrap_or_default());
            match self.peek() {
                None => return Err(self.fail("EOF while parsing a string")),
                Some(b'"') => {
                    self.i += 1;
                    // Whole UTF-8 sequences of valid text and of `char`s: valid UTF-8.
                    return String::from_utf8(out).map_err(|_| self.fail("invalid unicode"));
                }
                Some(b'\\') => {
                    if self.s.get(self.i + 1).is_none() {
                        self.i += 1;
                        return Err(self.fail("EOF while parsing a string"));
                    }
                    match crate::json::escape::decode_escape(self.s, self.i) {
                        Ok((ch, next)) => {
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                            self.i = next;
                        }
                        Err(e) => {
                            self.i = e.at;
                            return Err(self.fail(e.what));
                        }
                    }
                }
                Some(_) => return Err(self.fail("control character (\\u0000-\\u001F) found while parsing a string")),
            }
        }
    }

    fn digit(&self) -> Option<u64> {
        match self.peek() {
            Some(c @ b'0'..=b'9') => Some(u64::from(c - b'0')),
            _ => None,
        }
    }

    /// A number as serde_json reads it (`parse_integer`, `parse_decimal`, `parse_exponent`, `f64_from_parts`).
    fn number(&mut self) -> Result<Value, String> {
        let positive = !self.eat(b'-');
        let first = self.digit().ok_or_else(|| self.fail("invalid number"))?;
        self.i += 1;
        let mut sig = first;
        let mut exp: i32 = 0;
        if first == 0 {
            if self.digit().is_some() {
                return Err(self.fail("invalid number"));
            }
        } else {
            let mut overflowed = false;
            while let Some(d) = self.digit() {
                if !overflowed && (sig > u64::MAX / 10 || (sig == u64::MAX / 10 && d > u64::MAX % 10)) {
                    overflowed = true;
                }
                if overflowed {
                    exp = exp.saturating_add(1);
                } else {
                    sig = sig * 10 + d;
                }
                self.i += 1;
            }
            if overflowed && !matches!(self.peek(), Some(b'.' | b'e' | b'E')) {
                return self.float(positive, sig, exp);
            }
        }
        let mut float = exp != 0;
        if self.eat(b'.') {
            float = true;
            let mut any = false;
            let mut overflowed = false;
            while let Some(d) = self.digit() {
                any = true;
                if !overflowed && (sig > u64::MAX / 10 || (sig == u64::MAX / 10 && d > u64::MAX % 10)) {
                    overflowed = true;
                }
                if !overflowed {
                    sig = sig * 10 + d;
                    exp -= 1;
                }
                self.i += 1;
            }
            if !any {
                return Err(self.fail("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            let positive_exp = !self.eat(b'-');
            if positive_exp {
                self.eat(b'+');
            }
            let mut e = i32::try_from(self.digit().ok_or_else(|| self.fail("invalid number"))?).unwrap_or(0);
            self.i += 1;
            while let Some(d) = self.digit() {
                let d = i32::try_from(d).unwrap_or(0);
                self.i += 1;
                if e > i32::MAX / 10 || (e == i32::MAX / 10 && d > i32::MAX % 10) {
                    // serde_json's parse_exponent_overflow.
                    if sig != 0 && positive_exp {
                        return Err(self.fail("number out of range"));
                    }
                    while self.digit().is_some() {
                        self.i += 1;
                    }
                    return Ok(float_value(if positive { 0.0 } else { -0.0 }));
                }
                e = e * 10 + d;
            }
            exp = if positive_exp { exp.saturating_add(e) } else { exp.saturating_sub(e) };
            return self.float(positive, sig, exp);
        }
        if float {
            return self.float(positive, sig, exp);
        }
        if positive {
            return Ok(Value::Number(Number::from(sig)));
        }
        #[allow(clippy::cast_possible_wrap, reason = "serde_json's test: a wrapped value is not negative")]
        let neg = (sig as i64).wrapping_neg();
        #[allow(clippy::cast_precision_loss, reason = "serde_json's conversion")]
        Ok(if neg >= 0 { float_value(-(sig as f64)) } else { Value::Number(Number::from(neg)) })
    }

    /// serde_json's `f64_from_parts`.
    fn float(&self, positive: bool, sig: u64, mut exp: i32) -> Result<Value, String> {
        #[allow(clippy::cast_precision_loss, reason = "serde_json's conversion")]
        let mut f = sig as f64;
        loop {
            match POW10.get(exp.unsigned_abs() as usize) {
                Some(&pow) => {
                    if exp >= 0 {
                        f *= pow;
                        if f.is_infinite() {
                            return Err(self.fail("number out of range"));
                        }
                    } else {
                        f /= pow;
                    }
                    break;
                }
                None => {
                    if f == 0.0 {
                        break;
                    }
                    if exp >= 0 {
                        return Err(self.fail("number out of range"));
                    }
                    f /= 1e308;
                    exp += 308;
                }
            }
        }
        Ok(float_value(if positive { f } else { -f }))
    }
}

fn float_value(f: f64) -> Value {
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn same(text: &str) {
        let theirs = serde_json::from_str::<serde_json::Value>(text).ok();
        let ours = parse(text).ok();
        // Bitwise for floats: compare the JSON written for each (serde_json writes the shortest round-trip digits).
        let show = |v: &Option<serde_json::Value>| v.as_ref().map(|v| serde_json::to_string(v).unwrap_or_default());
        assert_eq!(show(&ours), show(&theirs), "text {text:?}");
        if let (Some(a), Some(b)) = (&ours, &theirs) {
            assert_eq!(a, b, "text {text:?}");
        }
    }

    #[test]
    fn agrees_with_serde_json_on_edge_cases() {
        for t in [
            "", " ", "null", "nul", "true", "false", "tru", "0", "-0", "00", "01", "-", "1.", ".5", "1.5", "-1.5e3",
            "1e", "1e+", "1E-2", "1e400", "-1e400", "1e-400", "0e99999999999", "1e99999999999", "0.0000001",
            "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
            "123456789012345678901234567890", "1234567890123456789012.5e-3", "0.1234567890123456789012345",
            "121.47378912345678", "31.230416789", "-0.0", "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308",
            "\"\"", "\"a\\\"b\"", "\"\\u00e9\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\udc00\"", "\"\\ud83dx\"", "\"\\x\"",
            "\"tab\there\"", "\"\u{7f}\"", "\"星巴克\"", "[]", "[1,]", "[1 2]", "{}", "{\"a\":1,}", "{\"a\" 1}",
            "{\"a\":1,\"a\":2}", "{1:2}", "[1] x", " [ 1 , { \"b\" : [ true , null ] } ] ", "\"unterminated",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        ] {
            same(t);
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        same(&deep);
        let ok = "[".repeat(127) + &"]".repeat(127);
        same(&ok);
    }

    #[test]
    fn agrees_with_serde_json_on_many_numbers() {
        // A deterministic generator over digit strings, fractions and exponents of many lengths.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let r = next();
            let digits = |n: u64, r: u64| -> String {
                let mut s = String::new();
                let mut x = r;
                for _ in 0..n {
                    s.push(char::from(b'0' + u8::try_from(x % 10).unwrap_or(0)));
                    x = (x / 10) ^ (x << 3);
                }
                s
            };
            let int = digits(1 + r % 25, next());
            let int = int.trim_start_matches('0');
            let int = if int.is_empty() { "0" } else { int };
            let mut t = String::new();
            if r & 1 == 1 {
                t.push('-');
            }
            t.push_str(int);
            if r & 2 == 2 {
                t.push('.');
                t.push_str(&digits(1 + (r >> 8) % 25, next()));
            }
            if r & 4 == 4 {
                t.push(if r & 8 == 8 { 'e' } else { 'E' });
                if r & 16 == 16 {
                    t.push(if r & 32 == 32 { '-' } else { '+' });
                }
                t.push_str(&((r >> 16) % 340).to_string());
            }
            same(&t);
            same(&format!("[{t},{{\"k\":{t}}}]"));
        }
    }

    #[test]
    fn reads_the_sample_mall_and_imdf_fixtures_as_serde_json_does() {
        same(crate::finder::sample::SAMPLE_MALL_JSON);
        same(include_str!("../../data/finder/imdf-fixtures/tiny.json"));
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/imdf/polymap");
        for name in ["unit.geojson", "opening.geojson", "level.geojson", "anchor.geojson", "occupant.geojson"] {
            if let Ok(text) = std::fs::read_to_string(dir.join(name)) {
                same(&text);
            }
        }
    }
}
