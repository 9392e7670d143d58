//! What a scalar means: the YAML 1.2 core schema for plain scalars, and the standard tags.

use std::borrow::Cow;

use granit_parser::Tag;

use super::{ErrorKind, Value};

/// A plain (unquoted) scalar as the core schema reads it. Most are text, and the first byte
/// tells most of them apart without a closer look.
pub fn resolve(text: Cow<'_, str>) -> Value<'_> {
    let Some(&first) = text.as_bytes().first() else { return Value::Null };
    let maybe_other =
        matches!(first, b'0'..=b'9' | b'-' | b'+' | b'.' | b'~' | b'n' | b'N' | b't' | b'T' | b'f' | b'F');
    if !maybe_other {
        return Value::Str(text);
    }
    match text.as_ref() {
        "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    number(&text).unwrap_or(Value::Str(text))
}

/// `12`, `-3`, `0x1F`, `0o17`, `1.5`, `2e3`, `.inf`, `-.Inf`, `.nan`; `None` for anything else.
fn number(text: &str) -> Option<Value<'static>> {
    let (sign, digits) = match text.as_bytes()[0] {
        b'-' => (-1.0, &text[1..]),
        b'+' => (1.0, &text[1..]),
        _ => (1.0, text),
    };
    if let Some(hex) = text.strip_prefix("0x") {
        return radix(hex, 16);
    }
    if let Some(octal) = text.strip_prefix("0o") {
        return radix(octal, 8);
    }
    match digits {
        ".inf" | ".Inf" | ".INF" => return Some(Value::Float(sign * f64::INFINITY)),
        ".nan" | ".NaN" | ".NAN" if digits.len() == text.len() => return Some(Value::Float(f64::NAN)),
        _ => {}
    }
    let bytes = digits.as_bytes();
    if !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit) {
        // Too large for 64 bits, it is still a number.
        return Some(text.parse().map_or_else(|_| Value::Float(text.parse().unwrap_or(f64::NAN)), Value::Int));
    }
    is_float(bytes).then(|| text.parse().ok().map(Value::Float)).flatten()
}

fn radix(digits: &str, radix: u32) -> Option<Value<'static>> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some(i64::from_str_radix(digits, radix).map_or(Value::Float(f64::INFINITY), Value::Int))
}

/// `( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`, without the sign.
fn is_float(bytes: &[u8]) -> bool {
    let digits = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let whole = digits(0);
    let mut at = whole;
    let mut fraction = 0;
    if bytes.get(at) == Some(&b'.') {
        fraction = digits(at + 1);
        at += 1 + fraction;
    }
    if whole == 0 && fraction == 0 {
        return false;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'-' | b'+')) {
            at += 1;
        }
        let exponent = digits(at);
        if exponent == 0 {
            return false;
        }
        at += exponent;
    }
    at == bytes.len()
}

/// A scalar with an explicit tag: the standard ones say what it is; `!` alone means text.
pub fn tagged<'a>(text: Cow<'a, str>, tag: &Tag) -> Result<Value<'a>, ErrorKind> {
    let wrong = || ErrorKind::Syntax { message: format!("`{text}` is not a valid {}", shown_tag(tag)), unclosed: None };
    match tag.core_suffix() {
        Some("str") => Ok(Value::Str(text)),
        Some("null") => match resolve(text.clone()) {
            Value::Null => Ok(Value::Null),
            _ => Err(wrong()),
        },
        Some("bool") => match resolve(text.clone()) {
            value @ Value::Bool(_) => Ok(value),
            _ => Err(wrong()),
        },
        Some("int") => match resolve(text.clone()) {
            value @ Value::Int(_) => Ok(value),
            _ => Err(wrong()),
        },
        Some("float") => match resolve(text.clone()) {
            Value::Int(n) => Ok(Value::Float(n as f64)),
            value @ Value::Float(_) => Ok(value),
            _ => Err(wrong()),
        },
        Some(_) => Err(wrong()),
        None if tag.original() == "!" => Ok(Value::Str(text)),
        None => Err(ErrorKind::Tag(shown_tag(tag))),
    }
}

/// A tag as the author wrote it, `!!int` rather than its full name.
pub fn shown_tag(tag: &Tag) -> String {
    tag.original()
}
