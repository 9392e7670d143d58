//! A small, strict check for resource links: `http(s)://host[:port][/...]`, no spaces.

pub fn check_url(url: &str) -> Result<(), String> {
    let bad = |why: &str| Err(format!("malformed URL `{url}`: {why}"));
    let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) else {
        return bad("it must start with https:// or http://");
    };
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("it contains spaces or control characters");
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, hp)| hp);
    let (host, port) = match host_port.rsplit_once(':') {
        Some((host, port)) if !host.starts_with('[') || host.ends_with(']') => (host, Some(port)),
        _ => (host_port, None),
    };
    if let Some(port) = port
        && (port.is_empty() || !port.chars().all(|c| c.is_ascii_digit()))
    {
        return bad("the port must be a number");
    }
    let ipv6 = host.starts_with('[') && host.ends_with(']');
    let labels_ok = !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    if !(ipv6 || (labels_ok && (host.contains('.') || host == "localhost"))) {
        return bad("it has no valid host name");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_url;

    #[test]
    fn accepts_ordinary_links() {
        for url in [
            "https://docs.python.org/3/tutorial/",
            "http://localhost:8000/docs",
            "https://en.wikipedia.org/wiki/Big_O_notation#Orders",
            "https://[::1]:8080/",
        ] {
            assert_eq!(check_url(url), Ok(()), "{url}");
        }
    }

    #[test]
    fn rejects_broken_links() {
        for url in [
            "docs.python.org",
            "htps://x.org",
            "https://",
            "https://exa mple.com",
            "https://nodot/",
            "https://a..b/",
            "https://x.org:80a/",
        ] {
            assert!(check_url(url).is_err(), "{url}");
        }
    }
}
