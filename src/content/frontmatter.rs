//! Splitting a markdown file into its YAML front matter and its body, keeping line numbers.

/// The two parts of a file that starts with `---`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    pub yaml: &'a str,
    /// The file line of the first YAML line (2, right after the opening `---`).
    pub yaml_first_line: usize,
    pub body: &'a str,
}

/// Why a file has no usable front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// The first line is not `---`.
    NoOpening,
    /// No closing `---` line after the opening one.
    NotClosed,
}

impl Missing {
    pub fn message(self) -> &'static str {
        match self {
            Missing::NoOpening => {
                "no front matter: the file must start with a line `---`, then its YAML fields, then `---`"
            }
            Missing::NotClosed => "front matter is not closed: add a line `---` after the YAML fields",
        }
    }
}

fn is_fence(line: &str, closing: bool) -> bool {
    let line = line.trim_end_matches(['\n', '\r', ' ', '\t']);
    line == "---" || (closing && line == "...")
}

impl FrontMatter<'_> {
    /// The file line of the closing `---`.
    pub fn closing_line(&self) -> usize {
        self.yaml_first_line + self.yaml.lines().count()
    }
}

pub fn split(text: &str) -> Result<FrontMatter<'_>, Missing> {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else { return Err(Missing::NoOpening) };
    if !is_fence(first, false) {
        return Err(Missing::NoOpening);
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for line in lines {
        if is_fence(line, true) {
            return Ok(FrontMatter {
                yaml: &text[yaml_start..offset],
                yaml_first_line: 2,
                body: &text[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    Err(Missing::NotClosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_body() {
        let fm = split("---\ntitle: A\n---\n## Body\n").unwrap();
        assert_eq!(fm.yaml, "title: A\n");
        assert_eq!(fm.body, "## Body\n");
        assert_eq!(fm.yaml_first_line, 2);
        assert_eq!(fm.closing_line(), 3);
        assert_eq!(split("---\n---\n").unwrap().closing_line(), 2);
    }

    #[test]
    fn accepts_crlf_and_an_empty_body() {
        let fm = split("---\r\ntitle: A\r\n---\r\n").unwrap();
        assert_eq!(fm.yaml, "title: A\r\n");
        assert_eq!(fm.body, "");
    }

    #[test]
    fn reports_what_is_missing() {
        assert_eq!(split("# Title\n"), Err(Missing::NoOpening));
        assert_eq!(split(""), Err(Missing::NoOpening));
        assert_eq!(split("---\ntitle: A\n"), Err(Missing::NotClosed));
    }
}
