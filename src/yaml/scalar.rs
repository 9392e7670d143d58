//! What a scalar means: the YAML 1.2 core schema for plain scalars, and the standard tags.

use std::borrow::Cow;

use granit_parser::Tag;

use super::{ErrorKind, Scalar, Value};

/// A plain (unquoted) scalar as the core schema reads it. Most are text, and the first byte
/// tells most of them apart without a closer look.
pub fn resolve(text: &str) -> Scalar<'_> {
    let Some(&first) = text.as_bytes().first() else { return Scalar::Null };
    let maybe_other =
        matches!(first, b'0'..=b'9' | b'-' | b'+' | b'.' | b'~' | b'n' | b'N' | b't' | b'T' | b'f' | b'F');
    if !maybe_other {
        return Scalar::Str(text);
    }
    match text {
        "~" | "null" | "Null" | "NULL" => return Scalar::Null,
        "true" | "True" | "TRUE" => return Scalar::Bool(true),
        "false" | "False" | "FALSE" => return Scalar::Bool(false),
        _ => {}
    }
    number(text).unwrap_or(Scalar::Str(text))
}

/// `12`, `-3`, `0x1F`, `0o17`, `1.5`, `2e3`, `.inf`, `-.Inf`, `.nan`; `None` for anything else.
fn number(text: &str) -> Option<Scalar<'static>> {
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
        ".inf" | ".Inf" | ".INF" => return Some(Scalar::Float(sign * f64::INFINITY)),
        ".nan" | ".NaN" | ".NAN" if digits.len() == text.len() => return Some(Scalar::Float(f64::NAN)),
        _ => {}
    }
    let bytes = digits.as_bytes();
    if !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit) {
        // Too large for 64 bits, it is still a number.
        return Some(text.parse().map_or_else(|_| Scalar::Float(text.parse().unwrap_or(f64::NAN)), Scalar::Int));
    }
    is_float(bytes).then(|| text.parse().ok().map(Scalar::Float)).flatten()
}

fn radix(digits: &str, radix: u32) -> Option<Scalar<'static>> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some(i64::from_str_radix(digits, radix).map_or(Scalar::Float(f64::INFINITY), Scalar::Int))
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

/// A scalar with an explicit tag: the standard ones say what it is (and must fit it); `!`
/// alone means text.
pub fn tagged<'a>(text: Cow<'a, str>, tag: &Tag) -> Result<Value<'a>, ErrorKind> {
    let fits = match (tag.core_suffix(), resolve(&text)) {
        (Some("str"), _) => return Ok(Value::Str(text)),
        (None, _) if tag.original() == "!" => return Ok(Value::Str(text)),
        (None, _) => return Err(ErrorKind::Tag(shown_tag(tag))),
        (Some("null"), Scalar::Null) | (Some("bool"), Scalar::Bool(_)) | (Some("int"), Scalar::Int(_)) => true,
        (Some("float"), Scalar::Int(_) | Scalar::Float(_)) => true,
        _ => false,
    };
    if !fits {
        let message = format!("`{text}` is not a valid {}", shown_tag(tag));
        return Err(ErrorKind::Syntax { message, unclosed: None });
    }
    Ok(Value::Plain(text))
}

/// A tag as the author wrote it, `!!int` rather than its full name.
pub fn shown_tag(tag: &Tag) -> String {
    tag.original()
}
