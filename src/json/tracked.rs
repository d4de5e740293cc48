//! A serde `Deserializer` over `&serde_json::Value` that remembers where it is.
//!
//! serde_path_to_error tracks paths by wrapping every visitor, which instantiates each document type's
//! `Deserialize` code a second time over wrapper types (measured: most of the wasm's serde code). This deserializer
//! instead owns its `MapAccess`/`SeqAccess`, pushes the key or index before handing a child value to the type's own
//! visitor and pops it after success; on an error the stack still holds the failing element's path.

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde_json::Value;
use std::cell::RefCell;

/// One step of a path.
pub(crate) enum Seg<'de> {
    Key(&'de str),
    Index(usize),
}

/// The stack of steps to the element being read.
pub(crate) type Path<'de> = RefCell<Vec<Seg<'de>>>;

/// Renders a path as `lines[2].paidFen`.
pub(crate) fn render(path: &[Seg<'_>]) -> String {
    let mut out = String::new();
    for seg in path {
        push_seg(&mut out, seg);
    }
    out
}

/// Appends one step to a rendered path: `[2]` for an index, `.key` for a key (no dot at the start). Every path
/// renderer of the crate (this deserializer and the pillars' hand-written JSON readers) writes through it.
pub(crate) fn push_seg(out: &mut String, seg: &Seg<'_>) {
    match seg {
        Seg::Index(i) => {
            out.push('[');
            out.push_str(&i.to_string());
            out.push(']');
        }
        Seg::Key(k) => {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(k);
        }
    }
}

/// Deserializes `value` into `T`; on failure returns the error and the path of the element that failed.
pub(crate) fn deserialize<'de, T: de::Deserialize<'de>>(value: &'de Value) -> Result<T, (DeError, String)> {
    let path: Path<'de> = RefCell::new(Vec::new());
    T::deserialize(Tracked { value, path: &path }).map_err(|e| (e, render(&path.borrow())))
}

/// The error of this deserializer: a message. Its own type (not `serde_json::Error`) so that describing an
/// unexpected value never formats a float through `core::fmt` (several KB of wasm) and strings are quoted plainly.
#[derive(Debug)]
pub(crate) struct DeError(String);

impl std::fmt::Display for DeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeError {}

/// `unexp` as serde words it, with floats written by [`float_text`].
fn describe(unexp: &de::Unexpected<'_>) -> String {
    match unexp {
        de::Unexpected::Bool(b) => format!("boolean `{b}`"),
        de::Unexpected::Unsigned(u) => format!("integer `{u}`"),
        de::Unexpected::Signed(i) => format!("integer `{i}`"),
        de::Unexpected::Float(x) => format!("floating point `{}`", float_text(*x)),
        de::Unexpected::Str(s) => format!("string \"{s}\""),
        de::Unexpected::Unit => "null".to_string(),
        de::Unexpected::Seq => "sequence".to_string(),
        de::Unexpected::Map => "map".to_string(),
        de::Unexpected::Char(c) => format!("character `{c}`"),
        de::Unexpected::Other(what) => (*what).to_string(),
        _ => "a value of another kind".to_string(),
    }
}

/// A float for a message: up to 6 decimals, trailing zeros trimmed (`1.5`, `-0.125`); magnitudes from 1e15 up are
/// described in words. Only messages use it.
fn float_text(x: f64) -> String {
    if !x.is_finite() || x.abs() >= 1e15 {
        return if x.is_nan() {
            "NaN".to_string()
        } else if x > 0.0 {
            "a huge number".to_string()
        } else {
            "a huge negative number".to_string()
        };
    }
    #[allow(clippy::cast_possible_truncation, reason = "|x| < 1e15 and the scaled fraction < 1e6: both fit")]
    let (int, frac) = (x.abs().trunc() as i64, ((x.abs().fract() * 1e6).round()) as i64);
    let (int, frac) = if frac >= 1_000_000 { (int + 1, 0) } else { (int, frac) };
    let sign = if x < 0.0 { "-" } else { "" };
    if frac == 0 {
        return format!("{sign}{int}.0");
    }
    let digits = format!("{frac:06}");
    format!("{sign}{int}.{}", digits.trim_end_matches('0'))
}

impl de::Error for DeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        DeError(msg.to_string())
    }

    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        DeError(format!("invalid type: {}, expected {exp}", describe(&unexp)))
    }

    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        DeError(format!("invalid value: {}, expected {exp}", describe(&unexp)))
    }
}

#[derive(Clone, Copy)]
struct Tracked<'de, 'p> {
    value: &'de Value,
    path: &'p Path<'de>,
}

/// What `v` is, in the words of serde's messages (`integer \`5\``, `string "x"`, `map`): for the hand-written
/// readers, so their messages match this deserializer's.
pub(crate) fn describe_value(v: &Value) -> String {
    describe(&unexpected(v))
}

fn unexpected(v: &Value) -> de::Unexpected<'_> {
    match v {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => de::Unexpected::Unsigned(u),
            (_, Some(i), _) => de::Unexpected::Signed(i),
            (_, _, Some(f)) => de::Unexpected::Float(f),
            _ => de::Unexpected::Other("number"),
        },
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

impl<'de, 'p> de::Deserializer<'de> for Tracked<'de, 'p> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => {
                visitor.visit_seq(SeqAccess { items: items.iter(), index: 0, path: self.path, len: items.len() })
            }
            Value::Object(map) => visitor.visit_map(MapAccess { iter: map.iter(), pending: None, path: self.path }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.value {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Object(map) if map.len() == 1 => match map.iter().next() {
                Some((k, v)) => visitor.visit_enum(EnumAccess { variant: k, value: v, path: self.path }),
                None => Err(de::Error::invalid_value(unexpected(self.value), &"a map with one key")),
            },
            other => Err(de::Error::invalid_type(unexpected(other), &"a string or a map with one key")),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct identifier
    }
}

struct SeqAccess<'de, 'p> {
    items: std::slice::Iter<'de, Value>,
    index: usize,
    len: usize,
    path: &'p Path<'de>,
}

impl<'de, 'p> de::SeqAccess<'de> for SeqAccess<'de, 'p> {
    type Error = DeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, Self::Error> {
        let Some(value) = self.items.next() else { return Ok(None) };
        self.path.borrow_mut().push(Seg::Index(self.index));
        let out = seed.deserialize(Tracked { value, path: self.path })?;
        self.path.borrow_mut().pop();
        self.index += 1;
        Ok(Some(out))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.len - self.index)
    }
}

struct MapAccess<'de, 'p> {
    iter: serde_json::map::Iter<'de>,
    pending: Option<(&'de String, &'de Value)>,
    path: &'p Path<'de>,
}

impl<'de, 'p> de::MapAccess<'de> for MapAccess<'de, 'p> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Self::Error> {
        match self.iter.next() {
            Some((k, v)) => {
                self.pending = Some((k, v));
                // A key that is refused (an unknown field under deny_unknown_fields) is reported at its own path.
                seed.deserialize(BorrowedKey(k)).map(Some).inspect_err(|_| self.path.borrow_mut().push(Seg::Key(k)))
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Self::Error> {
        let Some((k, value)) = self.pending.take() else {
            return Err(de::Error::custom("value requested before its key"));
        };
        self.path.borrow_mut().push(Seg::Key(k));
        let out = seed.deserialize(Tracked { value, path: self.path })?;
        self.path.borrow_mut().pop();
        Ok(out)
    }
}

/// A map key: offered as a borrowed string (struct field identifiers and `String` keys accept it), as an enum
/// variant name for enum-typed keys, and parsed for integer keys (JSON keys are always strings).
struct BorrowedKey<'de>(&'de str);

macro_rules! int_key {
    ($($method:ident => $visit:ident: $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            match self.0.parse::<$t>() {
                Ok(n) => visitor.$visit(n),
                Err(_) => Err(de::Error::invalid_value(de::Unexpected::Str(self.0), &"an integer key")),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for BorrowedKey<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_borrowed_str(self.0)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_enum(self.0.into_deserializer())
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    int_key!(deserialize_i8 => visit_i8: i8, deserialize_i16 => visit_i16: i16, deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64, deserialize_u8 => visit_u8: u8, deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32, deserialize_u64 => visit_u64: u64);

    serde::forward_to_deserialize_any! {
        bool i128 u128 f32 f64 char str string bytes byte_buf option unit unit_struct
        seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct EnumAccess<'de, 'p> {
    variant: &'de String,
    value: &'de Value,
    path: &'p Path<'de>,
}

impl<'de, 'p> de::EnumAccess<'de> for EnumAccess<'de, 'p> {
    type Error = DeError;
    type Variant = VariantAccess<'de, 'p>;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self::Variant), Self::Error> {
        let v = seed.deserialize(BorrowedKey(self.variant))?;
        self.path.borrow_mut().push(Seg::Key(self.variant));
        Ok((v, VariantAccess { value: self.value, path: self.path }))
    }
}

struct VariantAccess<'de, 'p> {
    value: &'de Value,
    path: &'p Path<'de>,
}

impl<'de, 'p> VariantAccess<'de, 'p> {
    fn done<T>(self, r: Result<T, DeError>) -> Result<T, DeError> {
        if r.is_ok() {
            self.path.borrow_mut().pop();
        }
        r
    }
}

impl<'de, 'p> de::VariantAccess<'de> for VariantAccess<'de, 'p> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), Self::Error> {
        let r = match self.value {
            Value::Null => Ok(()),
            other => Err(de::Error::invalid_type(unexpected(other), &"unit variant")),
        };
        self.done(r)
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Self::Error> {
        let r = seed.deserialize(Tracked { value: self.value, path: self.path });
        self.done(r)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Self::Error> {
        let r = de::Deserializer::deserialize_any(Tracked { value: self.value, path: self.path }, visitor);
        self.done(r)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let r = de::Deserializer::deserialize_any(Tracked { value: self.value, path: self.path }, visitor);
        self.done(r)
    }
}
