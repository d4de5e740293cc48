//! A form value as a flat list of borrowed tokens (a "tape"), what [`super::FormSchema`] validates: read from a
//! `serde_json::Value` (the Rust API) or straight from JSON text (the JS fast path), without building a tree of
//! owned maps and strings. Normalised values are written into the tokens they replace (and flagged), so the answer
//! is either the whole normalised value ([`Doc::to_value`]) or just the edits ([`Doc::for_each_edit`]).
#![cfg_attr(
    not(feature = "wasm"),
    allow(
        dead_code,
        reason = "the text reader and the edits serve the JS calls (feature wasm); tests run them natively"
    )
)]

use serde_json::{Map, Number, Value};
use std::borrow::Cow;

/// A token's value. Containers are followed by their children (see [`Tok::end`]).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Val<'a> {
    Null,
    Bool(bool),
    Num(Number),
    Str(Cow<'a, str>),
    Arr,
    Obj,
}

/// One value of the document.
#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    /// Its key, when it is a member of an object.
    key: Option<Cow<'a, str>>,
    val: Val<'a>,
    /// One past its last descendant (its own index + 1 for a scalar).
    end: u32,
    /// Replaced by a normalised value.
    edited: bool,
}

/// A JSON value as tokens in document order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Doc<'a> {
    toks: Vec<Tok<'a>>,
    /// How many values were replaced.
    edits: u32,
}

/// One step of an edit's path.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Step<'s> {
    Key(&'s str),
    Index(usize),
}

/// Deepest nesting [`Doc::parse`] reads (serde_json refuses 128; deeper text is left to it).
const MAX_PARSE_DEPTH: usize = 100;

fn end_of(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl<'a> Doc<'a> {
    /// The tokens of a `Value` (strings borrowed).
    pub(crate) fn from_value(v: &'a Value) -> Doc<'a> {
        let mut d = Doc { toks: Vec::with_capacity(32), edits: 0 };
        d.push_value(None, v);
        d
    }

    fn push_value(&mut self, key: Option<&'a str>, v: &'a Value) {
        let at = self.toks.len();
        let val = match v {
            Value::Null => Val::Null,
            Value::Bool(b) => Val::Bool(*b),
            Value::Number(n) => Val::Num(n.clone()),
            Value::String(s) => Val::Str(Cow::Borrowed(s)),
            Value::Array(_) => Val::Arr,
            Value::Object(_) => Val::Obj,
        };
        self.toks.push(Tok { key: key.map(Cow::Borrowed), val, end: 0, edited: false });
        match v {
            Value::Array(items) => items.iter().for_each(|x| self.push_value(None, x)),
            Value::Object(map) => map.iter().for_each(|(k, x)| self.push_value(Some(k), x)),
            _ => {}
        }
        let end = end_of(self.toks.len());
        if let Some(t) = self.toks.get_mut(at) {
            t.end = end;
        }
    }

    /// The tokens of JSON text, or `None` for anything this small reader leaves to serde_json (a syntax error,
    /// nesting deeper than [`MAX_PARSE_DEPTH`], a lone surrogate escape, a number it does not read exactly as
    /// serde_json does): the caller then takes serde_json's route, which answers those cases.
    pub(crate) fn parse(text: &'a str) -> Option<Doc<'a>> {
        let mut p = Parser { s: text, b: text.as_bytes(), i: 0, doc: Doc { toks: Vec::with_capacity(32), edits: 0 } };
        p.value(None, 0)?;
        p.ws();
        (p.i == p.b.len()).then_some(p.doc)
    }

    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    /// The value of token `i`.
    pub(crate) fn val(&self, i: usize) -> &Val<'a> {
        self.tok(i).map_or(&Val::Null, |t| &t.val)
    }

    /// The string at `i`, if it is one.
    pub(crate) fn str(&self, i: usize) -> Option<&str> {
        match self.val(i) {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The number at `i` as f64, if it is one.
    pub(crate) fn f64(&self, i: usize) -> Option<f64> {
        match self.val(i) {
            Val::Num(n) => n.as_f64(),
            _ => None,
        }
    }

    /// Replaces the value at `i` by a normalised scalar.
    pub(crate) fn set(&mut self, i: usize, val: Val<'a>) {
        if let Some(t) = self.toks.get_mut(i) {
            t.val = val;
            self.edits += u32::from(!t.edited);
            t.edited = true;
        }
    }

    /// The children of the container at `i`, in document order.
    pub(crate) fn children(&self, i: usize) -> Children<'_, 'a> {
        let end = self.tok(i).map_or(0, |t| t.end as usize);
        Children { doc: self, next: i + 1, end }
    }

    /// The key of member `i`.
    pub(crate) fn key(&self, i: usize) -> &str {
        self.tok(i).and_then(|t| t.key.as_deref()).unwrap_or("")
    }

    /// The member `key` of the object at `i` (the last one, as serde_json keeps for a repeated key).
    pub(crate) fn get(&self, i: usize, key: &str) -> Option<usize> {
        let t = self.toks.get(i)?;
        if !matches!(t.val, Val::Obj) {
            return None;
        }
        let end = t.end as usize;
        let mut found = None;
        let mut j = i + 1;
        while j < end {
            let Some(c) = self.toks.get(j) else { break };
            if c.key.as_deref() == Some(key) {
                found = Some(j);
            }
            j = (c.end as usize).max(j + 1);
        }
        found
    }

    /// The member of the object at `i` with the smallest key after `after` (`None`: the smallest key), the last one
    /// of a repeated key: walking the members in key order (UTF-8 bytes, as a `BTreeMap` orders them) without
    /// sorting them.
    pub(crate) fn next_member(&self, i: usize, after: Option<&str>) -> Option<usize> {
        let mut best: Option<usize> = None;
        for c in self.children(i) {
            let k = self.key(c);
            if after.is_some_and(|a| k <= a) {
                continue;
            }
            match best {
                Some(b) if self.key(b) < k => {}
                _ => best = Some(c),
            }
        }
        best
    }

    /// The JS type name of the value at `i`.
    pub(crate) fn type_name(&self, i: usize) -> &'static str {
        match self.val(i) {
            Val::Null => "null",
            Val::Bool(_) => "boolean",
            Val::Num(_) => "number",
            Val::Str(_) => "string",
            Val::Arr => "array",
            Val::Obj => "object",
        }
    }

    /// The value at `i` as a `serde_json::Value` (normalised values included).
    pub(crate) fn to_value(&self, i: usize) -> Value {
        match self.val(i) {
            Val::Null => Value::Null,
            Val::Bool(b) => Value::Bool(*b),
            Val::Num(n) => Value::Number(n.clone()),
            Val::Str(s) => Value::String(s.to_string()),
            Val::Arr => Value::Array(self.children(i).map(|c| self.to_value(c)).collect()),
            Val::Obj => {
                let mut m = Map::new();
                for c in self.children(i) {
                    m.insert(self.key(c).to_string(), self.to_value(c));
                }
                Value::Object(m)
            }
        }
    }

    /// Whether the value at `i` equals `v` as `serde_json::Value`'s `==` says (numbers by their stored form).
    pub(crate) fn eq_value(&self, i: usize, v: &Value) -> bool {
        match (self.val(i), v) {
            (Val::Null, Value::Null) => true,
            (Val::Bool(a), Value::Bool(b)) => a == b,
            (Val::Num(a), Value::Number(b)) => a == b,
            (Val::Str(a), Value::String(b)) => a == b,
            (Val::Arr, Value::Array(items)) => {
                let mut kids = self.children(i);
                items.iter().all(|x| kids.next().is_some_and(|c| self.eq_value(c, x))) && kids.next().is_none()
            }
            (Val::Obj, Value::Object(map)) => {
                self.children(i).all(|c| map.contains_key(self.key(c)))
                    && map.iter().all(|(k, x)| self.get(i, k).is_some_and(|c| self.eq_value(c, x)))
            }
            _ => false,
        }
    }

    /// Calls `f` with the path and the new value of every normalised value, in document order.
    pub(crate) fn for_each_edit(&self, mut f: impl FnMut(&[Step<'_>], &Val<'a>)) {
        if self.edits > 0 {
            let mut steps = Vec::with_capacity(8);
            self.edits_under(0, &mut steps, &mut f);
        }
    }

    fn edits_under<'s>(&'s self, i: usize, steps: &mut Vec<Step<'s>>, f: &mut impl FnMut(&[Step<'_>], &Val<'a>)) {
        let Some(t) = self.tok(i) else { return };
        if t.edited {
            f(steps, &t.val);
            return;
        }
        let is_arr = matches!(t.val, Val::Arr);
        if !is_arr && !matches!(t.val, Val::Obj) {
            return;
        }
        for (n, c) in self.children(i).enumerate() {
            // only edited values and containers (which may hold some) need a step on the path
            let Some(ct) = self.tok(c) else { continue };
            if ct.edited || matches!(ct.val, Val::Arr | Val::Obj) {
                steps.push(if is_arr { Step::Index(n) } else { Step::Key(self.key(c)) });
                self.edits_under(c, steps, f);
                steps.pop();
            }
        }
    }

    /// The value at token `i` as compact JSON text, ASCII only: members in the document's order, strings as
    /// [`write_str`] writes them, numbers as serde_json writes them. (The JS fast path's answer, so JS reads it
    /// byte by byte, TextDecoder or not.)
    pub(crate) fn write_json(&self, i: usize, out: &mut Vec<u8>) {
        match self.val(i) {
            Val::Null => out.extend_from_slice(b"null"),
            Val::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Val::Num(n) => write_number(n, out),
            Val::Str(s) => write_str(s, out),
            Val::Arr => {
                out.push(b'[');
                for (k, c) in self.children(i).enumerate() {
                    if k > 0 {
                        out.push(b',');
                    }
                    self.write_json(c, out);
                }
                out.push(b']');
            }
            Val::Obj => {
                out.push(b'{');
                for (k, c) in self.children(i).enumerate() {
                    if k > 0 {
                        out.push(b',');
                    }
                    write_str(self.key(c), out);
                    out.push(b':');
                    self.write_json(c, out);
                }
                out.push(b'}');
            }
        }
    }

    /// The edits (see [`Doc::for_each_edit`]) as JSON text: `[[step, …, new value], …]`, steps being keys and
    /// indices (ASCII, as [`write_str`] writes them).
    pub(crate) fn write_edits(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        let mut first = true;
        self.for_each_edit(|steps, val| {
            out.extend_from_slice(if first { b"[" } else { b",[" });
            first = false;
            for step in steps {
                match step {
                    Step::Key(k) => write_str(k, out),
                    Step::Index(i) => write_int(i64::try_from(*i).unwrap_or(0), out),
                }
                out.push(b',');
            }
            match val {
                Val::Str(s) => write_str(s, out),
                Val::Num(n) => write_number(n, out),
                _ => out.extend_from_slice(b"null"),
            }
            out.push(b']');
        });
        out.push(b']');
    }
}

/// A JSON string (quotes included), escaped as serde_json escapes it ([`crate::json::write::escape_str`]), except
/// that every non-ASCII character is written as `\uXXXX` (UTF-16 units, as JSON has them): the text is ASCII, and
/// JSON.parse gives the same string.
pub(crate) fn write_str(s: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    crate::json::write::escape_str(s, |piece| {
        if piece.is_ascii() {
            out.extend_from_slice(piece.as_bytes());
            return;
        }
        for (i, c) in piece.char_indices() {
            if c.is_ascii() {
                out.extend_from_slice(piece.as_bytes().get(i..=i).unwrap_or_default());
                continue;
            }
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units).iter() {
                out.extend_from_slice(b"\\u");
                for shift in [12u16, 8, 4, 0] {
                    out.push(HEX.get(usize::from((u >> shift) & 15)).copied().unwrap_or(b'0'));
                }
            }
        }
    });
    out.push(b'"');
}

/// `i` in decimal ([`crate::json::write::int_text`]).
pub(crate) fn write_int(i: i64, out: &mut Vec<u8>) {
    out.extend_from_slice(crate::json::write::int_text(i, &mut [0; 20]).as_bytes());
}

/// A number as serde_json writes it.
pub(crate) fn write_number(n: &Number, out: &mut Vec<u8>) {
    match n.as_i64() {
        Some(i) => write_int(i, out),
        None => out.extend_from_slice(serde_json::to_string(n).unwrap_or_default().as_bytes()),
    }
}

/// The children of a container.
pub(crate) struct Children<'d, 'a> {
    doc: &'d Doc<'a>,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_, '_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let at = self.next;
        self.next = self.doc.tok(at).map_or(self.end, |t| t.end as usize).max(at + 1);
        Some(at)
    }
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    doc: Doc<'a>,
}

impl<'a> Parser<'a> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn lit(&mut self, word: &str, val: Val<'a>) -> Option<Val<'a>> {
        let end = self.i + word.len();
        (self.b.get(self.i..end) == Some(word.as_bytes())).then(|| {
            self.i = end;
            val
        })
    }

    fn value(&mut self, key: Option<Cow<'a, str>>, depth: usize) -> Option<()> {
        if depth > MAX_PARSE_DEPTH {
            return None;
        }
        self.ws();
        let at = self.doc.toks.len();
        let val = match self.b.get(self.i)? {
            b'"' => Val::Str(self.string()?),
            b'{' => Val::Obj,
            b'[' => Val::Arr,
            b't' => self.lit("true", Val::Bool(true))?,
            b'f' => self.lit("false", Val::Bool(false))?,
            b'n' => self.lit("null", Val::Null)?,
            _ => Val::Num(self.number()?),
        };
        let container = matches!(val, Val::Obj | Val::Arr);
        let is_obj = matches!(val, Val::Obj);
        self.doc.toks.push(Tok { key, val, end: 0, edited: false });
        if container {
            self.i += 1;
            let close = if is_obj { b'}' } else { b']' };
            if !self.eat(close) {
                loop {
                    let k = if is_obj {
                        self.ws();
                        if self.b.get(self.i) != Some(&b'"') {
                            return None;
                        }
                        let k = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        Some(k)
                    } else {
                        None
                    };
                    self.value(k, depth + 1)?;
                    if self.eat(b',') {
                        continue;
                    }
                    if self.eat(close) {
                        break;
                    }
                    return None;
                }
            }
        }
        let end = end_of(self.doc.toks.len());
        self.doc.toks.get_mut(at)?.end = end;
        Some(())
    }

    /// A string at `self.i` (the opening quote), borrowed. A string with an escape is left to serde_json (`None`):
    /// JSON.stringify escapes only quotes, backslashes, control characters and lone surrogates, rare in forms, and
    /// an unescaper here would cost the wasm more than those forms gain.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let start = self.i + 1;
        let mut j = start;
        loop {
            match *self.b.get(j)? {
                b'"' => {
                    self.i = j + 1;
                    return self.s.get(start..j).map(Cow::Borrowed);
                }
                c if c == b'\\' || c < 0x20 => return None,
                _ => j += 1,
            }
        }
    }

    /// A number: plain digits (up to 18, no leading zero) read here; any other number goes through serde_json's
    /// reader, so the stored form is the one serde_json would store.
    fn number(&mut self) -> Option<Number> {
        let start = self.i;
        let mut j = start;
        while self.b.get(j).is_some_and(|&c| c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.' | b'e' | b'E')) {
            j += 1;
        }
        let text = self.s.get(start..j)?;
        self.i = j;
        let b = text.as_bytes();
        if !b.is_empty()
            && b.len() <= 18
            && b.iter().all(u8::is_ascii_digit)
            && (b.len() == 1 || b.first() != Some(&b'0'))
        {
            let n = b.iter().fold(0u64, |n, &c| n * 10 + u64::from(c - b'0'));
            return Some(Number::from(n));
        }
        // Through the `Value` reader already linked (a `Number` reader of its own links serde's error formatting,
        // f64 `Display` included: about 30 KB of wasm).
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Number(n)) => Some(n),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_agrees_with_serde_json() {
        let texts = [
            r#"{"a":1,"b":[true,false,null,"x y z é😀"],"c":{"d":-2.5e3,"e":""},"a":"last"}"#,
            r#"[0,12345678901234567890,1.0,-0,1e300]"#,
            r#" { "k" : [ ] , "l" : { } } "#,
            "\"李雷\"",
        ];
        for t in texts {
            let d = Doc::parse(t).unwrap();
            let v: Value = serde_json::from_str(t).unwrap();
            assert_eq!(d.to_value(0), v, "{t}");
            assert_eq!(Doc::from_value(&v).to_value(0), v);
        }
        for bad in ["", "{", "[1,]", "{\"a\"}", "\"\\ud800\"", "\"a\\nb\"", "01", "[1] x", "\"\u{1}\""] {
            assert!(Doc::parse(bad).is_none() || serde_json::from_str::<Value>(bad).is_ok(), "{bad:?}");
        }
        let deep = "[".repeat(120) + &"]".repeat(120);
        assert!(Doc::parse(&deep).is_none());
    }

    #[test]
    fn members_sorted_and_edits() {
        let mut d = Doc::parse(r#"{"b":1,"a":[1,{"x":"y"}],"b":2}"#).unwrap();
        let first = d.next_member(0, None).unwrap();
        let second = d.next_member(0, Some(d.key(first))).unwrap();
        assert_eq!((d.key(first), d.key(second)), ("a", "b"));
        assert_eq!(d.to_value(second), Value::from(2)); // the last of a repeated key
        assert_eq!(d.next_member(0, Some("b")), None);
        assert_eq!(d.get(0, "b").map(|c| d.to_value(c)), Some(Value::from(2)));
        let a = d.get(0, "a").unwrap();
        let obj = d.children(a).nth(1).unwrap();
        let x = d.get(obj, "x").unwrap();
        d.set(x, Val::Str(Cow::Borrowed("z")));
        let mut seen = Vec::new();
        d.for_each_edit(|steps, v| seen.push((format!("{steps:?}"), v.clone())));
        assert_eq!(seen, [("[Key(\"a\"), Index(1), Key(\"x\")]".to_string(), Val::Str(Cow::Borrowed("z")))]);
        assert!(d.eq_value(obj, &serde_json::json!({"x": "z"})));
    }

    #[test]
    fn writes_back_the_json_it_read() {
        let texts = [
            r#"{"a":1,"b":[true,false,null,"x y z"],"c":{"d":-2.5e3,"e":""}}"#,
            r#"["q\"uote","back\\slash","\n\r\t\b\f","\u0001\u001f","/","é李😀","\ud83d\ude00"]"#,
            r#"[0,-1,12345678901234567890,-9223372036854775808,1.5,-0.0,1e300,[[[{"k":[{}]}]]]]"#,
            r#" { "k" : [ ] , "l" : { } , "李" : "雷" } "#,
        ];
        for t in texts {
            let v: Value = serde_json::from_str(t).unwrap();
            // the text reader leaves strings with escapes to serde_json: those documents are read from the `Value`
            let parsed = Doc::parse(t);
            assert_eq!(parsed.is_some(), !t.contains('\\'), "{t}");
            let d = parsed.unwrap_or_else(|| Doc::from_value(&v));
            let mut out = Vec::new();
            d.write_json(0, &mut out);
            assert!(out.is_ascii(), "{t}");
            let back: Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(back, v, "{t}");
        }
        let d = Doc::parse(r#"{"s":"é😀李","n":[-12,3.25,1e2]}"#).unwrap();
        let mut out = Vec::new();
        d.write_json(0, &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), r#"{"s":"\u00e9\ud83d\ude00\u674e","n":[-12,3.25,100.0]}"#);
        let mut out = Vec::new();
        write_str("a\"b\\\u{7}\n/", &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), r#""a\"b\\\u0007\n/""#);
        let mut d = Doc::parse(r#"{"a":[{"x":" y "}]}"#).unwrap();
        let x = d.children(0).next().and_then(|a| d.children(a).next()).and_then(|o| d.get(o, "x")).unwrap();
        d.set(x, Val::Str(Cow::Borrowed("李")));
        let mut out = Vec::new();
        d.write_edits(&mut out);
        assert_eq!(String::from_utf8(out).unwrap(), r#"[["a",0,"x","\u674e"]]"#);
    }
}
