//! The points pillar's JSON reader: one small pull parser over the text, used for the program document and for
//! every request (orders, members, ledgers, refunds...), natively and in the JS glue alike.
//!
//! Why not serde: reading a type through `serde_json` and again through the path-tracking reader (for precise
//! issues) instantiated every type's `Deserialize` code twice, which was most of the pillar's wasm, and typed serde
//! allocates a `String` per text field. This reader keeps the path as it goes (a failure is reported at once with
//! its path, no second pass), borrows strings from the text when they have no escapes, and its code is shared by
//! every type. Issue codes and paths are those the serde readers gave: `JSON_SYNTAX` at the argument,
//! `POINTS_INPUT_INVALID` / `POINTS_PROGRAM_INVALID` at the offending field (an unknown field at its own key, a
//! missing field at its object), and the domain codes of dates and times (`DATE_INVALID`, `TIMESTAMP_INVALID`).

use crate::error::Error;
use crate::json::tracked::{self, push_seg};
use crate::json::write::needs_escape;
use crate::{Date, Result, Timestamp};
use std::borrow::Cow;

/// One step of the path to the element being read: a key (by the position of its opening quote in the text, read
/// again only to render a path) or an array index.
#[derive(Clone, Copy)]
enum Seg {
    Key(usize),
    Index(usize),
}

/// A pull reader over JSON text. Objects: `obj()` then `while let Some(k) = key()? { match k { ... } }`; arrays:
/// `arr()` then `while item()? { ... }`.
pub struct Reader<'a> {
    b: &'a [u8],
    text: &'a str,
    pos: usize,
    path: Vec<Seg>,
    /// Just after `{` or `[` (no comma expected before the first member).
    fresh: bool,
    /// Keys of the objects being read (innermost last) and where each object's keys start: a key given twice in
    /// one object is refused (which value would count?).
    keys: Vec<Cow<'a, str>>,
    key_starts: Vec<usize>,
    /// Whether to look for keys given twice (not in the syntax-only pass of `read_with`).
    dups: bool,
    code: &'static str,
    arg: &'a str,
}

/// Nesting deeper than this is refused (the stack of a recursive skip stays small).
const MAX_DEPTH: usize = 128;

impl<'a> Reader<'a> {
    /// A reader of `text`; structural problems get `code`, paths start at `arg`.
    pub(crate) fn new(text: &'a str, code: &'static str, arg: &'a str) -> Reader<'a> {
        Reader {
            b: text.as_bytes(),
            text,
            pos: 0,
            path: Vec::new(),
            fresh: false,
            keys: Vec::new(),
            key_starts: Vec::new(),
            dups: true,
            code,
            arg,
        }
    }

    fn render(&self) -> String {
        let mut out = String::from(self.arg);
        for seg in &self.path {
            match seg {
                Seg::Index(i) => push_seg(&mut out, &tracked::Seg::Index(*i)),
                Seg::Key(at) => {
                    let mut again = Reader::new(self.text, self.code, "");
                    again.pos = *at;
                    push_seg(&mut out, &tracked::Seg::Key(&again.raw_str().unwrap_or_default()));
                }
            }
        }
        out
    }

    /// A structural issue at the current path.
    pub(crate) fn invalid(&self, en: &str) -> Error {
        Error::from(crate::json::shape_issue(self.code, self.render(), en))
    }

    fn syntax(&self) -> Error {
        let what = if self.pos >= self.b.len() {
            "unexpected end of input".to_string()
        } else {
            format!("at byte {}", self.pos)
        };
        crate::json::syntax_error(self.arg, &what)
    }

    #[inline]
    fn ws(&mut self) -> u8 {
        while let Some(&c) = self.b.get(self.pos) {
            if !matches!(c, b' ' | b'\n' | b'\r' | b'\t') {
                return c;
            }
            self.pos += 1;
        }
        0
    }

    fn eat(&mut self, c: u8) -> Result<()> {
        if self.ws() == c {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.syntax())
        }
    }

    /// After the top-level value: only whitespace may follow.
    pub(crate) fn end(&mut self) -> Result<()> {
        if self.ws() == 0 && self.pos >= self.b.len() {
            Ok(())
        } else {
            Err(self.syntax())
        }
    }

    fn kind(&mut self) -> &'static str {
        match self.ws() {
            b'{' => "an object",
            b'[' => "an array",
            b'"' => "a string",
            b't' | b'f' => "a boolean",
            b'n' => "null",
            _ => "a number",
        }
    }

    fn wrong(&mut self, expected: &str) -> Error {
        if !matches!(self.ws(), b'{' | b'[' | b'"' | b't' | b'f' | b'n' | b'-' | b'0'..=b'9') {
            return self.syntax();
        }
        let got = self.kind();
        self.invalid(&format!("invalid type: {got}, expected {expected}"))
    }

    /// Starts an object (`{`).
    pub(crate) fn obj(&mut self) -> Result<()> {
        if self.ws() != b'{' {
            return Err(self.wrong("an object"));
        }
        if self.path.len() >= MAX_DEPTH {
            return Err(self.invalid("nesting too deep"));
        }
        self.pos += 1;
        self.path.push(Seg::Index(0));
        self.key_starts.push(self.keys.len());
        self.fresh = true;
        Ok(())
    }

    /// The next key of the current object (the path then points at it), or `None` at its end.
    pub(crate) fn key(&mut self) -> Result<Option<Cow<'a, str>>> {
        let c = self.ws();
        if c == b'}' {
            self.pos += 1;
            self.path.pop();
            if let Some(start) = self.key_starts.pop() {
                self.keys.truncate(start);
            }
            self.fresh = false;
            return Ok(None);
        }
        if !self.fresh {
            self.eat(b',')?;
            self.ws();
        }
        self.fresh = false;
        if self.b.get(self.pos) != Some(&b'"') {
            return Err(self.syntax());
        }
        let at = self.pos;
        let k = self.raw_str()?;
        self.eat(b':')?;
        if let Some(top) = self.path.last_mut() {
            *top = Seg::Key(at);
        }
        if self.dups {
            let start = self.key_starts.last().copied().unwrap_or(0);
            if self.keys.get(start..).unwrap_or_default().contains(&k) {
                return Err(self.invalid(&format!("duplicate key `{k}`")));
            }
            self.keys.push(k.clone());
        }
        Ok(Some(k))
    }

    /// Starts an array (`[`).
    pub(crate) fn arr(&mut self) -> Result<()> {
        if self.ws() != b'[' {
            return Err(self.wrong("an array"));
        }
        if self.path.len() >= MAX_DEPTH {
            return Err(self.invalid("nesting too deep"));
        }
        self.pos += 1;
        self.path.push(Seg::Index(usize::MAX));
        self.fresh = true;
        Ok(())
    }

    /// Whether the current array has another element (the path then points at it).
    pub(crate) fn item(&mut self) -> Result<bool> {
        if self.ws() == b']' {
            self.pos += 1;
            self.path.pop();
            self.fresh = false;
            return Ok(false);
        }
        if !self.fresh {
            self.eat(b',')?;
            if self.ws() == b']' {
                return Err(self.syntax());
            }
        }
        self.fresh = false;
        if let Some(Seg::Index(i)) = self.path.last_mut() {
            *i = i.wrapping_add(1);
        }
        Ok(true)
    }

    /// The field `name` is missing from the object just read (reported at the object's path).
    pub(crate) fn missing(&self, name: &str) -> Error {
        self.invalid(&format!("missing field `{name}`"))
    }

    /// The key just read is not a field of this object (reported at the key's path).
    pub(crate) fn unknown(&self, name: &str) -> Error {
        self.invalid(&format!("unknown field `{name}`"))
    }

    /// A string without its quotes, borrowed when it has no escapes. The reader is at its opening quote.
    fn raw_str(&mut self) -> Result<Cow<'a, str>> {
        self.pos += 1;
        let start = self.pos;
        let run = self.b.get(start..).unwrap_or_default().iter().position(|c| needs_escape(*c));
        self.pos = start + run.unwrap_or(self.b.len() - start);
        match self.b.get(self.pos) {
            Some(b'"') => {
                let s = self.text.get(start..self.pos).ok_or_else(|| self.syntax())?;
                self.pos += 1;
                return Ok(Cow::Borrowed(s));
            }
            Some(b'\\') => {}
            _ => return Err(self.syntax()),
        }
        let mut out = String::from(self.text.get(start..self.pos).unwrap_or_default());
        loop {
            let run = self.pos;
            while self.b.get(self.pos).is_some_and(|c| !needs_escape(*c)) {
                self.pos += 1;
            }
            out.push_str(self.text.get(run..self.pos).unwrap_or_default());
            match self.b.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => match crate::json::escape::decode_escape(self.b, self.pos) {
                    Ok((c, next)) => {
                        out.push(c);
                        self.pos = next;
                    }
                    Err(e) => {
                        self.pos = e.at;
                        return Err(self.syntax());
                    }
                },
                _ => return Err(self.syntax()),
            }
        }
    }

    /// A string.
    pub(crate) fn str(&mut self) -> Result<Cow<'a, str>> {
        if self.ws() != b'"' {
            return Err(self.wrong("a string"));
        }
        self.raw_str()
    }

    /// A string, owned.
    pub(crate) fn string(&mut self) -> Result<String> {
        self.str().map(Cow::into_owned)
    }

    /// Consumes `null` if it is next.
    pub(crate) fn null(&mut self) -> Result<bool> {
        if self.ws() != b'n' {
            return Ok(false);
        }
        if self.b.get(self.pos..self.pos + 4) == Some(b"null") {
            self.pos += 4;
            Ok(true)
        } else {
            Err(self.syntax())
        }
    }

    /// A string or `null`.
    pub(crate) fn opt_str(&mut self) -> Result<Option<Cow<'a, str>>> {
        if self.null()? {
            return Ok(None);
        }
        self.str().map(Some)
    }

    /// An owned string or `null`.
    pub(crate) fn opt_string(&mut self) -> Result<Option<String>> {
        Ok(self.opt_str()?.map(Cow::into_owned))
    }

    /// `true` or `false`.
    pub(crate) fn bool(&mut self) -> Result<bool> {
        match self.ws() {
            b't' if self.b.get(self.pos..self.pos + 4) == Some(b"true") => {
                self.pos += 4;
                Ok(true)
            }
            b'f' if self.b.get(self.pos..self.pos + 5) == Some(b"false") => {
                self.pos += 5;
                Ok(false)
            }
            b't' | b'f' => Err(self.syntax()),
            _ => Err(self.wrong("a boolean")),
        }
    }

    /// A boolean or `null`.
    pub(crate) fn opt_bool(&mut self) -> Result<Option<bool>> {
        if self.null()? {
            return Ok(None);
        }
        self.bool().map(Some)
    }

    /// Scans a number; `Some(value)` for an integer that fits `i64`, `None` for a fraction, an exponent, `-0` or an
    /// integer beyond `i64` (the reader is then past the number either way).
    fn number(&mut self) -> Result<Option<i64>> {
        let start = self.pos;
        let neg = self.b.get(self.pos) == Some(&b'-');
        if neg {
            self.pos += 1;
        }
        let digits = self.pos;
        let mut v: i64 = 0;
        let mut fits = true;
        while let Some(c) = self.b.get(self.pos).filter(|c| c.is_ascii_digit()) {
            let d = i64::from(*c - b'0');
            match crate::money::mul_i64(v, 10).and_then(|x| if neg { x.checked_sub(d) } else { x.checked_add(d) }) {
                Some(x) => v = x,
                None => fits = false,
            }
            self.pos += 1;
        }
        let n = self.pos - digits;
        if n == 0 || (n > 1 && self.b.get(digits) == Some(&b'0')) {
            return Err(self.syntax());
        }
        let mut integer = true;
        if self.b.get(self.pos) == Some(&b'.') {
            integer = false;
            self.pos += 1;
            let f = self.pos;
            while self.b.get(self.pos).is_some_and(u8::is_ascii_digit) {
                self.pos += 1;
            }
            if self.pos == f {
                return Err(self.syntax());
            }
        }
        if matches!(self.b.get(self.pos), Some(b'e' | b'E')) {
            integer = false;
            self.pos += 1;
            if matches!(self.b.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            let f = self.pos;
            while self.b.get(self.pos).is_some_and(u8::is_ascii_digit) {
                self.pos += 1;
            }
            if self.pos == f {
                return Err(self.syntax());
            }
        }
        let _ = start;
        Ok((integer && fits && !(neg && v == 0)).then_some(v))
    }

    /// An integer (JSON number without fraction or exponent, within `i64`).
    pub(crate) fn int(&mut self) -> Result<i64> {
        let c = self.ws();
        if c != b'-' && !c.is_ascii_digit() {
            return Err(self.wrong("an integer"));
        }
        let at = self.pos;
        match self.number()? {
            Some(v) => Ok(v),
            None => {
                let shown = self.text.get(at..self.pos).unwrap_or_default().to_string();
                Err(self.invalid(&format!("invalid value: {shown}, expected an integer")))
            }
        }
    }

    /// An integer or `null`.
    pub(crate) fn opt_int(&mut self) -> Result<Option<i64>> {
        if self.null()? {
            return Ok(None);
        }
        self.int().map(Some)
    }

    /// An integer in `lo..=hi`.
    pub(crate) fn int_in(&mut self, lo: i64, hi: i64) -> Result<i64> {
        let v = self.int()?;
        if v < lo || v > hi {
            return Err(self.invalid(&format!("invalid value: {v}, expected an integer from {lo} to {hi}")));
        }
        Ok(v)
    }

    /// A string parsed by `parse`; its issue (with its own code) is reported at the current path.
    fn parsed<T>(&mut self, parse: fn(&str) -> Result<T>) -> Result<T> {
        let s = self.str()?;
        parse(&s).map_err(|e| e.under(&self.render()))
    }

    /// A `YYYY-MM-DD` date (`DATE_INVALID` at its path).
    pub(crate) fn date(&mut self) -> Result<Date> {
        self.parsed(Date::parse)
    }

    /// A date or `null`.
    pub(crate) fn opt_date(&mut self) -> Result<Option<Date>> {
        if self.null()? {
            return Ok(None);
        }
        self.date().map(Some)
    }

    /// An RFC 3339 timestamp (`TIMESTAMP_INVALID`, `TIMESTAMP_OFFSET_MISSING` at its path).
    pub(crate) fn timestamp(&mut self) -> Result<Timestamp> {
        self.parsed(Timestamp::parse)
    }

    /// One of `names` (a string): its index.
    pub(crate) fn one_of(&mut self, names: &[&str]) -> Result<usize> {
        let s = self.str()?;
        names
            .iter()
            .position(|n| *n == s)
            .ok_or_else(|| self.invalid(&format!("unknown variant `{s}`, expected one of {}", names.join(", "))))
    }

    /// One of `names` (a string): the value at the same index in `values`.
    pub(crate) fn pick<T: Copy>(&mut self, names: &[&str], values: &[T]) -> Result<T> {
        let i = self.one_of(names)?;
        values.get(i).copied().ok_or_else(|| self.invalid("unknown variant"))
    }

    /// An array of strings.
    pub(crate) fn strings(&mut self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        self.arr()?;
        while self.item()? {
            out.push(self.string()?);
        }
        Ok(out)
    }

    /// Skips any value.
    pub(crate) fn skip(&mut self) -> Result<()> {
        match self.ws() {
            b'{' => {
                self.obj()?;
                while self.key()?.is_some() {
                    self.skip()?;
                }
                Ok(())
            }
            b'[' => {
                self.arr()?;
                while self.item()? {
                    self.skip()?;
                }
                Ok(())
            }
            b'"' => self.raw_str().map(|_| ()),
            b't' | b'f' => self.bool().map(|_| ()),
            b'n' => {
                if self.null()? {
                    Ok(())
                } else {
                    Err(self.syntax())
                }
            }
            b'-' | b'0'..=b'9' => self.number().map(|_| ()),
            _ => Err(self.syntax()),
        }
    }

    /// Writes the value in canonical form (keys sorted, no whitespace, strings escaped as `serde_json` writes
    /// them) for the document fingerprint. Numbers other than `i64` integers are written as they appear (a
    /// document that loads has none).
    pub(crate) fn canonical(&mut self, out: &mut String) -> Result<()> {
        match self.ws() {
            b'{' => {
                self.obj()?;
                let mut members: Vec<(Cow<'a, str>, String)> = Vec::new();
                while let Some(k) = self.key()? {
                    let mut v = String::new();
                    self.canonical(&mut v)?;
                    members.push((k, v));
                }
                // Keys are distinct: `key` refuses a key given twice.
                sort_small(&mut members, |a, b| a.0 < b.0);
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    super::earn::put_str(out, k);
                    out.push(':');
                    out.push_str(v);
                }
                out.push('}');
            }
            b'[' => {
                self.arr()?;
                out.push('[');
                let mut first = true;
                while self.item()? {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    self.canonical(out)?;
                }
                out.push(']');
            }
            b'"' => {
                let s = self.raw_str()?;
                super::earn::put_str(out, &s);
            }
            b'-' | b'0'..=b'9' => {
                let at = self.pos;
                match self.number()? {
                    Some(v) => super::earn::put_int(out, v),
                    None => out.push_str(self.text.get(at..self.pos).unwrap_or_default()),
                }
            }
            _ => {
                let at = self.pos;
                self.skip()?;
                out.push_str(self.text.get(at..self.pos).unwrap_or_default());
            }
        }
        Ok(())
    }
}

/// Sorts `v` by `less` (a total order): the crate's one heapsort.
pub(crate) fn sort_small<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    crate::sort::heap_sort_by(v, less);
}

/// Types the points reader can read (the program document and every request type); see [`read_json`](super::read_json).
///
/// # Example
/// ```
/// use mallcare::points::{read_json, FromJson, Order};
/// // Any type the points reader knows can be read straight from JSON text, with issue paths under `arg`.
/// fn count<T: FromJson>(text: &str) -> mallcare::Result<usize> {
///     Ok(read_json::<Vec<T>>(text, "items")?.len())
/// }
/// assert_eq!(count::<Order>(r#"[{ "id": "SO-1", "lines": [ { "paidFen": 100 } ] }]"#).unwrap(), 1);
/// let e = count::<Order>(r#"[{ "id": "SO-1", "lines": [ { "paidFen": "100" } ] }]"#).unwrap_err();
/// assert_eq!(e.issues()[0].path, "items[0].lines[0].paidFen");
/// ```
pub trait FromJson: Sized {
    /// Reads one value at the reader's position.
    ///
    /// # Errors
    /// A structural issue with its path.
    #[doc(hidden)]
    fn read(r: &mut Reader<'_>) -> Result<Self>;
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let mut out = Vec::new();
        r.arr()?;
        while r.item()? {
            out.push(T::read(r)?);
        }
        Ok(out)
    }
}

/// Reads JSON text as a `T`: structural issues get `code` and paths under `arg`. A text that is not JSON at all
/// is `JSON_SYNTAX` (at `arg`) even where a structural problem comes first.
pub(crate) fn read_text<T: FromJson>(text: &str, code: &'static str, arg: &str) -> Result<T> {
    read_with(text, code, arg, T::read)
}

/// [`read_text`] with an explicit reading function (for values that borrow from the text).
pub(crate) fn read_with<'a, T>(
    text: &'a str,
    code: &'static str,
    arg: &'a str,
    read: impl FnOnce(&mut Reader<'a>) -> Result<T>,
) -> Result<T> {
    let mut r = Reader::new(text, code, arg);
    read(&mut r).and_then(|v| r.end().map(|()| v)).map_err(|e| syntax_first(text, code, arg, e))
}

/// The issue a failed read reports: `JSON_SYNTAX` when the text is not JSON at all, else `e`. Not generic (one
/// copy in the wasm, not one per type read).
#[inline(never)]
fn syntax_first(text: &str, code: &'static str, arg: &str, e: crate::Error) -> crate::Error {
    let mut check = Reader::new(text, code, arg);
    check.dups = false;
    match check.skip().and_then(|()| check.end()) {
        Err(syntax) => syntax,
        Ok(()) => e,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code")]
    use super::*;

    #[test]
    fn strings_numbers_and_paths() {
        let mut r = Reader::new(r#" { "a" : "x\"\u00e9\ud83d\ude00" , "b": [1, -2, 3.5] } "#, "X", "arg");
        r.obj().unwrap();
        assert_eq!(r.key().unwrap().as_deref(), Some("a"));
        assert_eq!(r.str().unwrap(), "x\"é😀");
        assert_eq!(r.key().unwrap().as_deref(), Some("b"));
        r.arr().unwrap();
        assert!(r.item().unwrap());
        assert_eq!(r.int().unwrap(), 1);
        assert!(r.item().unwrap());
        assert_eq!(r.int().unwrap(), -2);
        assert!(r.item().unwrap());
        let e = r.int().unwrap_err();
        assert_eq!((e.code(), e.issues()[0].path.as_str()), ("X", "arg.b[2]"));
        let mut r = Reader::new("[1,]", "X", "");
        r.arr().unwrap();
        assert!(r.item().unwrap());
        r.int().unwrap();
        assert_eq!(r.item().map(|_| ()).and_then(|()| r.int().map(|_| ())).unwrap_err().code(), "JSON_SYNTAX");
        for bad in ["01", "-", "1.", "1e", "\"\\ud800\"", "\"a\nb\"", "tru", "[1 2]", "{\"a\" 1}"] {
            let mut r = Reader::new(bad, "X", "");
            assert!(r.skip().and_then(|()| r.end()).is_err(), "{bad}");
        }
    }

    #[test]
    fn canonical_sorts_keys() {
        let mut r = Reader::new(r#"{"b":1,"a":{"d":[true,null,"\/"],"c":-5}}"#, "X", "");
        let mut s = String::new();
        r.canonical(&mut s).unwrap();
        assert_eq!(s, r#"{"a":{"c":-5,"d":[true,null,"/"]},"b":1}"#);
    }

    #[test]
    fn canonical_refuses_a_key_given_twice() {
        let mut r = Reader::new(r#"{"a":{"x":1,"y":2,"x":3}}"#, "X", "");
        let e = r.canonical(&mut String::new()).unwrap_err();
        assert_eq!(e.code(), "X");
        assert!(e.issues()[0].en.contains("duplicate key `x`"), "{}", e.issues()[0].en);
    }

    #[test]
    fn sort_small_orders_long_inputs_like_the_std_sort() {
        let mut v: Vec<(u32, usize)> = (0..5000).map(|i| ((i * 7919 % 1000) as u32, i)).collect();
        let mut want = v.clone();
        want.sort();
        sort_small(&mut v, |a, b| a < b);
        assert_eq!(v, want);
        let mut empty: Vec<u8> = Vec::new();
        sort_small(&mut empty, |a, b| a < b);
        let mut one = vec![1];
        sort_small(&mut one, |a, b| a < b);
        assert_eq!(one, [1]);
    }
}
