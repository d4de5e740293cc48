//! The pillar's own JSON reading and writing: requests and policies are read straight from text into their types,
//! and decisions and lint findings are written straight to text.
//!
//! Why not serde here: the derived `Deserialize`/`Serialize` code of the request, policy and decision types (two
//! copies for the two readers the glue needed, a fast one and a path-tracking one) was most of the pillar's wasm,
//! and a decision spent most of its time escaping static message text. This reader is one pass over the bytes with
//! borrowed strings, keeps the path of the element it is in (issues name `order.lines[2].paidFen`), rejects
//! unknown and duplicate fields, and words its issues as serde does (`missing field`, `unknown field`, `invalid
//! type`). The derives stay on the public types for Rust users; `tests/eligibility_json.rs` checks that both read
//! and write the same values.

use crate::error::Error;
use crate::json::tracked::{render, Seg};
use crate::json::write::needs_escape;
use crate::Result;
use std::borrow::Cow;

/// A pull reader over JSON text that knows where it is.
pub(crate) struct Reader<'a> {
    s: &'a str,
    pos: usize,
    path: Vec<Seg<'a>>,
    /// Code of structural issues (`REQUEST_INVALID`, `POLICY_INVALID`).
    code: &'static str,
    /// Strings to reuse for the ones read (see [`super::request::Request::from_json_reusing`]).
    pub(crate) pool: Vec<String>,
}

const MAX_DEPTH: usize = 128;

/// What the value at a position is, for messages.
fn kind_at(s: &str, pos: usize) -> String {
    let rest = s.get(pos..).unwrap_or("");
    match rest.as_bytes().first() {
        Some(b'"') => {
            let mut r = Reader::new(s, "");
            r.pos = pos;
            match r.str_raw() {
                Ok(v) => format!("string \"{v}\""),
                Err(_) => "string".to_string(),
            }
        }
        Some(b'{') => "map".to_string(),
        Some(b'[') => "sequence".to_string(),
        Some(b't') => "boolean `true`".to_string(),
        Some(b'f') => "boolean `false`".to_string(),
        Some(b'n') => "null".to_string(),
        Some(_) => {
            let n = rest.bytes().take_while(|c| matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')).count();
            let t = rest.get(..n).unwrap_or("");
            if t.contains(['.', 'e', 'E']) {
                format!("floating point `{t}`")
            } else {
                format!("integer `{t}`")
            }
        }
        None => "end of input".to_string(),
    }
}

impl<'a> Reader<'a> {
    pub(crate) fn new(s: &'a str, code: &'static str) -> Reader<'a> {
        Reader { s, pos: 0, path: Vec::with_capacity(8), code, pool: Vec::new() }
    }

    fn bytes(&self) -> &'a [u8] {
        self.s.as_bytes()
    }

    fn path_text(&self) -> String {
        render(&self.path)
    }

    /// A syntax error: `JSON_SYNTAX` for the whole input, with line and column.
    fn syntax(&self, what: &str) -> Error {
        let before = self.s.get(..self.pos.min(self.s.len())).unwrap_or("");
        // Lines by '\n'; the column counts characters (UTF-8 lead bytes) after the last one. A byte loop: the
        // `str` searchers cost ~2 KB of wasm.
        let (mut line, mut col) = (1, 1);
        for c in before.bytes() {
            if c == b'\n' {
                line += 1;
                col = 1;
            } else if c & 0xC0 != 0x80 {
                col += 1;
            }
        }
        crate::json::syntax_error("", &format!("{what} at line {line} column {col}"))
    }

    /// A structural issue at the current path. Malformed text anywhere wins: it is reported as `JSON_SYNTAX`, as a
    /// reader that parsed the whole text first would.
    pub(crate) fn fail(&self, en: String) -> Error {
        if let Err(e) = check_syntax(self.s) {
            return e;
        }
        Error::from(crate::json::shape_issue(self.code, self.path_text(), &en))
    }

    /// An issue of a domain type (`TIMESTAMP_INVALID`, `DATE_INVALID`) re-anchored at the current path.
    fn domain(&self, e: Error) -> Error {
        if let Err(syn) = check_syntax(self.s) {
            return syn;
        }
        crate::json::domain_error_at(&e, self.path_text())
    }

    #[inline]
    fn ws(&mut self) {
        // `JSON.stringify` writes none: one test in the common case.
        if !matches!(self.bytes().get(self.pos), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            return;
        }
        let rest = self.bytes().get(self.pos..).unwrap_or(&[]);
        self.pos += rest.iter().position(|c| !matches!(c, b' ' | b'\n' | b'\r' | b'\t')).unwrap_or(rest.len());
    }

    #[inline]
    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.bytes().get(self.pos).copied()
    }

    fn expected(&self, what: &str) -> Error {
        self.fail(format!("invalid type: {}, expected {what}", kind_at(self.s, self.pos)))
    }

    /// The end of the document: only whitespace may follow.
    pub(crate) fn end(&mut self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.syntax("trailing characters")),
        }
    }

    /// A string without escapes at the current position (the common case), consumed; `None` (nothing consumed)
    /// for anything else.
    #[inline]
    fn plain_str(&mut self) -> Option<&'a str> {
        let b = self.bytes();
        if b.get(self.pos) != Some(&b'"') {
            return None;
        }
        let start = self.pos + 1;
        let rest = b.get(start..)?;
        let n = rest.iter().position(|c| needs_escape(*c))?;
        if rest.get(n) != Some(&b'"') {
            return None;
        }
        let v = self.s.get(start..start + n)?;
        self.pos = start + n + 1;
        Some(v)
    }

    /// A string's raw content, escapes decoded only when present.
    fn str_raw(&mut self) -> Result<Cow<'a, str>> {
        if let Some(v) = self.plain_str() {
            return Ok(Cow::Borrowed(v));
        }
        let b = self.bytes();
        if b.get(self.pos) != Some(&b'"') {
            return Err(self.syntax("expected a string"));
        }
        self.pos += 1;
        let start = self.pos;
        let rest = b.get(start..).unwrap_or(&[]);
        self.pos += rest.iter().position(|c| needs_escape(*c)).unwrap_or(rest.len());
        match b.get(self.pos) {
            Some(b'"') => {
                let v = self.s.get(start..self.pos).unwrap_or("");
                self.pos += 1;
                return Ok(Cow::Borrowed(v));
            }
            Some(b'\\') => {}
            Some(_) => return Err(self.syntax("control character found while parsing a string")),
            None => return Err(self.syntax("EOF while parsing a string")),
        }
        let mut out = String::from(self.s.get(start..self.pos).unwrap_or(""));
        loop {
            let run = self.pos;
            while let Some(c) = b.get(self.pos) {
                if needs_escape(*c) {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.s.get(run..self.pos).unwrap_or(""));
            match b.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => match crate::json::escape::decode_escape(b, self.pos) {
                    Ok((c, next)) => {
                        out.push(c);
                        self.pos = next;
                    }
                    Err(e) => {
                        self.pos = e.at;
                        return Err(self.syntax(e.what));
                    }
                },
                Some(_) => return Err(self.syntax("control character found while parsing a string")),
                None => return Err(self.syntax("EOF while parsing a string")),
            }
        }
    }

    /// Reads an object; `field` is called with each key (path pushed) and must read its value and return the
    /// field's number (for duplicate detection, < 64; 64 and above are not checked, as for map entries), or fail
    /// through [`Reader::unknown`].
    #[inline]
    pub(crate) fn object(&mut self, mut field: impl FnMut(&mut Self, &str) -> Result<u32>) -> Result<()> {
        self.object_dyn(&mut field)
    }

    /// [`Reader::object`] without the generic: one copy of the loop for every object type (the wasm kept one per
    /// field closure, inlined).
    #[inline(never)]
    fn object_dyn(&mut self, field: &mut dyn FnMut(&mut Self, &str) -> Result<u32>) -> Result<()> {
        if self.peek() != Some(b'{') {
            return Err(self.expected("a map"));
        }
        if self.path.len() >= MAX_DEPTH {
            return Err(self.syntax("recursion limit exceeded"));
        }
        self.pos += 1;
        let mut seen: u64 = 0;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.syntax("key must be a string"));
            }
            // A key without escapes (every key `JSON.stringify` writes) is its own raw text: no second slice.
            let (key, raw) = match self.plain_str() {
                Some(k) => (Cow::Borrowed(k), k),
                None => {
                    let raw_start = self.pos + 1;
                    let k = self.str_raw()?;
                    (k, self.s.get(raw_start..self.pos.saturating_sub(1)).unwrap_or(""))
                }
            };
            if self.peek() != Some(b':') {
                return Err(self.syntax("expected `:`"));
            }
            self.pos += 1;
            self.path.push(Seg::Key(raw));
            let n = field(self, &key)?;
            let bit = if n < 64 { 1u64 << n } else { 0 };
            if seen & bit != 0 {
                return Err(self.fail(format!("duplicate field `{key}`")));
            }
            seen |= bit;
            self.path.pop();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.syntax("expected `,` or `}`")),
            }
        }
    }

    /// The issue for an unknown key (the path already names it).
    pub(crate) fn unknown(&self, key: &str, known: &[&str]) -> Error {
        let mut list = String::new();
        for (i, k) in known.iter().enumerate() {
            list.push_str(if i == 0 { "`" } else { ", `" });
            list.push_str(k);
            list.push('`');
        }
        self.fail(format!("unknown field `{key}`, expected one of {list}"))
    }

    /// The number of `key` among `names` (a type's fields in declaration order, the field numbers of
    /// [`Reader::object`]), or the issue for an unknown key. One search for the policy readers instead of a string
    /// `match` each: the inlined compares of a `match` are wasm with constants that hardly compress. (The request
    /// readers keep their `match`: it is faster, and a request is read on every decision.)
    #[inline(never)]
    pub(crate) fn key(&self, key: &str, names: &[&str]) -> Result<usize> {
        // Length and first byte before the bytes: most names differ there, without a call to compare.
        let first = key.as_bytes().first();
        match names.iter().position(|n| n.len() == key.len() && n.as_bytes().first() == first && *n == key) {
            Some(i) => Ok(i),
            None => Err(self.unknown(key, names)),
        }
    }

    /// The issue for a required field that was not there (at the object's path).
    pub(crate) fn missing(&self, name: &str) -> Error {
        self.fail(format!("missing field `{name}`"))
    }

    /// Reads an array, calling `item` for each element (index pushed).
    #[inline]
    pub(crate) fn array(&mut self, mut item: impl FnMut(&mut Self) -> Result<()>) -> Result<()> {
        self.array_dyn(&mut item)
    }

    /// [`Reader::array`] without the generic (one copy of the loop).
    #[inline(never)]
    fn array_dyn(&mut self, item: &mut dyn FnMut(&mut Self) -> Result<()>) -> Result<()> {
        if self.peek() != Some(b'[') {
            return Err(self.expected("a sequence"));
        }
        if self.path.len() >= MAX_DEPTH {
            return Err(self.syntax("recursion limit exceeded"));
        }
        self.pos += 1;
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        let mut i = 0;
        loop {
            self.path.push(Seg::Index(i));
            item(self)?;
            self.path.pop();
            i += 1;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.syntax("expected `,` or `]`")),
            }
        }
    }

    /// An array collected into a `Vec`.
    pub(crate) fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Result<T>) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.array(|r| {
            out.push(item(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// `null` is consumed and gives `true` (an absent optional value).
    pub(crate) fn null(&mut self) -> bool {
        if self.peek() == Some(b'n') && self.bytes().get(self.pos..self.pos + 4) == Some(b"null") {
            self.pos += 4;
            true
        } else {
            false
        }
    }

    /// `T` or `null`.
    pub(crate) fn opt<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T>) -> Result<Option<T>> {
        if self.null() {
            Ok(None)
        } else {
            read(self).map(Some)
        }
    }

    pub(crate) fn str(&mut self) -> Result<Cow<'a, str>> {
        if self.peek() != Some(b'"') {
            return Err(self.expected("a string"));
        }
        self.str_raw()
    }

    pub(crate) fn string(&mut self) -> Result<String> {
        self.ws();
        let v = match self.plain_str() {
            Some(v) => Cow::Borrowed(v),
            None => self.str()?,
        };
        // A pooled string when there is one: reading a request allocated one per id, SKU and category.
        Ok(match self.pool.pop() {
            Some(mut s) => {
                s.clear();
                s.push_str(&v);
                s
            }
            None => v.into_owned(),
        })
    }

    pub(crate) fn boolean(&mut self) -> Result<bool> {
        self.ws();
        let b = self.bytes();
        if b.get(self.pos..self.pos + 4) == Some(b"true") {
            self.pos += 4;
            Ok(true)
        } else if b.get(self.pos..self.pos + 5) == Some(b"false") {
            self.pos += 5;
            Ok(false)
        } else {
            Err(self.expected("a boolean"))
        }
    }

    /// A JSON number token: its text and whether it is an integer.
    fn number(&mut self) -> Result<(&'a str, bool)> {
        let b = self.bytes();
        let start = self.pos;
        if b.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let digits = |r: &mut Self| {
            let s = r.pos;
            while b.get(r.pos).is_some_and(u8::is_ascii_digit) {
                r.pos += 1;
            }
            r.pos - s
        };
        let first = b.get(self.pos).copied();
        let n = digits(self);
        if n == 0 || (first == Some(b'0') && n > 1) {
            return Err(self.syntax("invalid number"));
        }
        let mut int = true;
        if b.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            int = false;
            if digits(self) == 0 {
                return Err(self.syntax("invalid number"));
            }
        }
        if matches!(b.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            int = false;
            if matches!(b.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.syntax("invalid number"));
            }
        }
        Ok((self.s.get(start..self.pos).unwrap_or(""), int))
    }

    /// An integer in `lo..=hi`; `what` names the type in messages (`i64`, `u32`).
    fn int_in(&mut self, lo: i64, hi: i64, what: &str) -> Result<i64> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.expected(what));
        }
        let at = self.pos;
        // Fast path: up to 15 plain digits (no sign, fraction or exponent), in range.
        let b = self.bytes();
        let mut v: i64 = 0;
        let mut n = 0;
        while let Some(c @ b'0'..=b'9') = b.get(self.pos + n) {
            v = v * 10 + i64::from(c - b'0');
            n += 1;
            if n > 15 {
                break;
            }
        }
        let plain = n > 0 && n <= 15 && (n == 1 || b.get(at) != Some(&b'0'));
        if plain && !matches!(b.get(self.pos + n), Some(b'.' | b'e' | b'E' | b'0'..=b'9')) && (lo..=hi).contains(&v) {
            self.pos += n;
            return Ok(v);
        }
        let (text, int) = self.number()?;
        if !int {
            self.pos = at;
            return Err(self.expected(what));
        }
        let (neg, digits) = match text.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, text),
        };
        let mut v: i128 = 0;
        for c in digits.bytes() {
            v = v * 10 + i128::from(c - b'0');
            if v > i128::from(u64::MAX) {
                // Beyond u64: serde_json reads it as a float.
                self.pos = at;
                return Err(self.fail(format!("invalid type: floating point `{text}`, expected {what}")));
            }
        }
        if neg {
            v = -v;
        }
        if v < i128::from(lo) || v > i128::from(hi) {
            return Err(self.fail(format!("invalid value: integer `{text}`, expected {what}")));
        }
        Ok(i64::try_from(v).unwrap_or(0))
    }

    pub(crate) fn i64(&mut self) -> Result<i64> {
        self.int_in(i64::MIN, i64::MAX, "i64")
    }

    pub(crate) fn u32(&mut self) -> Result<u32> {
        self.int_in(0, i64::from(u32::MAX), "u32").map(|v| u32::try_from(v).unwrap_or(0))
    }

    /// One of `names` (a unit enum variant); its index.
    pub(crate) fn variant(&mut self, names: &[&str]) -> Result<usize> {
        let v = self.str()?;
        match names.iter().position(|n| *n == v) {
            Some(i) => Ok(i),
            None => {
                let mut list = String::new();
                for (i, k) in names.iter().enumerate() {
                    list.push_str(if i == 0 { "`" } else { ", `" });
                    list.push_str(k);
                    list.push('`');
                }
                Err(self.fail(format!("unknown variant `{v}`, expected one of {list}")))
            }
        }
    }

    pub(crate) fn timestamp(&mut self) -> Result<crate::Timestamp> {
        let v = self.str()?;
        crate::Timestamp::parse(&v).map_err(|e| self.domain(e))
    }

    pub(crate) fn date(&mut self) -> Result<crate::Date> {
        let v = self.str()?;
        crate::Date::parse(&v).map_err(|e| self.domain(e))
    }

    /// Canonical form of the value here (object keys sorted, no whitespace, strings escaped as serde_json does,
    /// integers normalised): the text the policy fingerprint hashes. Floats are kept as written. Also the syntax
    /// check of [`check_syntax`] (one walker over any value, not two).
    pub(crate) fn canonical(&mut self, out: &mut Vec<u8>, depth: usize) -> Result<()> {
        if depth > MAX_DEPTH {
            return Err(self.syntax("recursion limit exceeded"));
        }
        match self.peek() {
            Some(b'"') => {
                let v = self.str_raw()?;
                super::write::string(out, &v);
                Ok(())
            }
            Some(b'{') => {
                // The reader's own object and array loops (one copy of the syntax checks in the wasm); their depth
                // limit (128 open containers, the one every document read meets first) applies here too.
                let mut members: Vec<(String, Vec<u8>)> = Vec::new();
                self.object_dyn(&mut |r, k| {
                    let mut v = Vec::new();
                    r.canonical(&mut v, depth + 1)?;
                    // As a JSON object map: a repeated key keeps its last value.
                    members.retain(|(x, _)| x != k);
                    members.push((k.to_owned(), v));
                    Ok(64)
                })?;
                // Insertion sort (objects are small; no generic sort code in the wasm).
                for i in 1..members.len() {
                    let mut j = i;
                    while j > 0 && members.get(j - 1).map(|m| &m.0) > members.get(j).map(|m| &m.0) {
                        members.swap(j - 1, j);
                        j -= 1;
                    }
                }
                out.push(b'{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    super::write::string(out, k);
                    out.push(b':');
                    out.extend_from_slice(v);
                }
                out.push(b'}');
                Ok(())
            }
            Some(b'[') => {
                out.push(b'[');
                let mut first = true;
                self.array_dyn(&mut |r| {
                    if !first {
                        out.push(b',');
                    }
                    first = false;
                    r.canonical(out, depth + 1)
                })?;
                out.push(b']');
                Ok(())
            }
            Some(b'-' | b'0'..=b'9') => {
                // A JSON integer has no plus sign and no leading zeros, so its text is already its canonical form
                // (what serde_json prints for the i64 or u64 it reads), but for `-0`, read as the integer 0.
                // Floats and integers beyond u64 are kept as written.
                let (text, int) = self.number()?;
                out.extend_from_slice(if int && text == "-0" { b"0" } else { text.as_bytes() });
                Ok(())
            }
            Some(b't' | b'f') => {
                let at = self.pos;
                self.boolean().map_err(|_| self.syntax("expected value"))?;
                out.extend_from_slice(self.s.get(at..self.pos).unwrap_or("").as_bytes());
                Ok(())
            }
            Some(b'n') if self.null() => {
                out.extend_from_slice(b"null");
                Ok(())
            }
            Some(_) => Err(self.syntax("expected value")),
            None => Err(self.syntax("EOF while parsing a value")),
        }
    }
}

/// Checks that `s` is one well-formed JSON value.
pub(crate) fn check_syntax(s: &str) -> Result<()> {
    let mut r = Reader::new(s, "");
    r.canonical(&mut Vec::new(), 0)?;
    r.end()
}

/// FNV-1a 64 of the canonical text, as 16 hex digits (the same as `crate::json::fingerprint` of the parsed value).
pub(crate) fn fnv_hex(canon: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in canon {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut out = String::with_capacity(16);
    for i in (0..16).rev() {
        let d = u32::try_from((h >> (i * 4)) & 0xf).unwrap_or(0);
        out.push(char::from_digit(d, 16).unwrap_or('0'));
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code")]
    use super::Reader;

    /// The canonical text of the reader (through the reader's own object and array loops) is the shared one of the
    /// parsed value: keys sorted, a repeated key keeping its last value, escapes decoded and re-escaped, numbers
    /// kept, whitespace dropped, at any nesting. (Floats are kept as written, unlike the shared form: not here.)
    #[test]
    fn canonical_text_is_the_shared_canonical_form() {
        let docs = [
            r#"{"b": [1, {"z": "x", "a": -7}], "a": {"k": "\u00e9\n\"", "k": [[], {}, [true, null, false]]}}"#,
            r#" [ { "\u0062": 2 , "a" : [ "é", "\ud83d\ude00" ] } , 18446744073709551615 , -9007199254740993 ] "#,
            r#"{"version": "1", "rules": [{"id": "r", "priority": 1, "then": {"refund": {"days": 30}}}]}"#,
            r#"{}"#,
            r#"[[[[["deep"]]]]]"#,
        ];
        for d in docs {
            let mut out = Vec::new();
            let mut r = Reader::new(d, "");
            r.canonical(&mut out, 0).unwrap();
            r.end().unwrap();
            let mut shared = String::new();
            crate::json::canonical(&serde_json::from_str(d).unwrap(), &mut shared);
            assert_eq!(String::from_utf8(out).unwrap(), shared, "{d}");
        }
        // Syntax errors are still found inside objects and arrays, with their place.
        for bad in [r#"{"a": [1, 2}"#, r#"{"a" 1}"#, r#"[1, {"a": 1,}]"#, r#"{1: 2}"#, r#"[1 2]"#] {
            let e = super::check_syntax(bad).unwrap_err();
            assert_eq!(e.code(), "JSON_SYNTAX", "{bad}");
            assert!(e.issues()[0].en.contains("at line 1 column"), "{bad}: {}", e.issues()[0].en);
        }
    }
}
