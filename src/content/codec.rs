//! A compact binary form of a validated [`Roadmap`] for the content cache: length-prefixed
//! strings and little-endian numbers, read back in one streaming pass. Decoding checks every
//! length and index, so a damaged cache file is a cache miss, never a panic.

use std::io::{self, BufRead, Read};

use super::listing::{KnownDir, KnownDirs};
use super::model::{
    Check, Header, Kind, Level, Milestone, Page, Phase, Question, Resource, ResourceKind, Roadmap, Skill,
};
use super::problem::Problem;

/// The parts of a roadmap the outline holds: what every command needs.
pub type Outline = (Header, Vec<Phase>, Vec<Skill>, Vec<Problem>);

/// Appends the roadmap to `out`: first its outline (header, phases, skills), then the
/// skills' pages. Returns where each page starts in `out`, and where the last one ends.
pub fn encode(roadmap: &Roadmap, out: &mut Vec<u8>) -> Vec<u64> {
    let mut w = Writer(out);
    for text in [&roadmap.id, &roadmap.title, &roadmap.summary, &roadmap.audience] {
        w.text(text);
    }
    w.len(roadmap.warnings.len());
    for warning in &roadmap.warnings {
        w.text(&warning.path);
        w.len(warning.line);
        w.text(&warning.message);
    }
    w.len(roadmap.phases.len());
    for phase in &roadmap.phases {
        w.text(&phase.id);
        w.text(&phase.title);
        w.text(&phase.goal);
        match &phase.milestone {
            Some(milestone) => {
                w.byte(1);
                w.text(&milestone.title);
                w.text(&milestone.description);
                w.checks(&milestone.checks);
            }
            None => w.byte(0),
        }
        w.text(&phase.intro);
        w.len(phase.skills.start);
        w.len(phase.skills.end);
    }
    w.len(roadmap.skills.len());
    for skill in &roadmap.skills {
        w.text(&skill.id);
        w.len(skill.phase);
        w.text(&skill.title);
        w.byte(position(Kind::ALL, skill.kind));
        w.byte(position(Level::ALL, skill.level));
        w.0.extend_from_slice(&skill.hours.to_le_bytes());
        w.len(skill.requires.len());
        for &required in &skill.requires {
            w.len(required);
        }
        w.len(skill.checkpoint_count);
        w.texts(&skill.aliases);
        w.checks(&skill.checks);
        w.len(skill.question_count);
    }
    let mut offsets = Vec::with_capacity(roadmap.skills.len() + 1);
    for index in 0..roadmap.skills.len() {
        offsets.push(w.0.len() as u64);
        w.page(roadmap.page(index));
    }
    offsets.push(w.0.len() as u64);
    offsets
}

/// Appends the phase folders the cache knows, with their file names.
pub fn encode_known(known: &KnownDirs, out: &mut Vec<u8>) {
    let mut w = Writer(out);
    w.len(known.0.len());
    for dir in &known.0 {
        w.text(&dir.name);
        w.0.extend_from_slice(&dir.digest.to_le_bytes());
        w.texts(&dir.files);
    }
}

/// Reads what [`encode_known`] wrote.
pub fn decode_known(input: impl BufRead, limit: u64) -> io::Result<KnownDirs> {
    let mut r = Reader { input, left: limit };
    let count = r.len()?;
    let mut dirs = Vec::with_capacity(count);
    for _ in 0..count {
        let name = r.text()?;
        let digest = u64::from_le_bytes(r.array()?);
        dirs.push(KnownDir { name, digest, files: r.texts()? });
    }
    Ok(KnownDirs(dirs))
}

/// Reads an outline written by [`encode`]; `limit` is how many bytes it takes, so no length
/// read from it can ask for more memory than the file holds.
pub fn decode_outline(input: impl BufRead, limit: u64) -> io::Result<Outline> {
    let mut r = Reader { input, left: limit };
    let header = Header { id: r.text()?, title: r.text()?, summary: r.text()?, audience: r.text()? };
    let warning_count = r.len()?;
    let mut warnings = Vec::with_capacity(warning_count);
    for _ in 0..warning_count {
        warnings.push(Problem { path: r.text()?, line: r.index()?, message: r.text()? });
    }
    let phase_count = r.len()?;
    let mut phases = Vec::with_capacity(phase_count);
    for _ in 0..phase_count {
        let (id, title, goal) = (r.text()?, r.text()?, r.text()?);
        let milestone = match r.byte()? {
            0 => None,
            _ => Some(Milestone { title: r.text()?, description: r.text()?, checks: r.checks()? }),
        };
        let intro = r.text()?;
        let skills = r.index()?..r.index()?;
        phases.push(Phase { id, title, goal, milestone, intro, skills });
    }
    let skill_count = r.len()?;
    let mut skills = Vec::with_capacity(skill_count);
    for _ in 0..skill_count {
        let id = r.text()?;
        let phase = r.index()?;
        let title = r.text()?;
        let kind = r.choice(Kind::ALL)?;
        let level = r.choice(Level::ALL)?;
        let hours = f32::from_le_bytes(r.array()?);
        let required = r.len()?;
        let requires = (0..required).map(|_| r.index()).collect::<io::Result<Vec<usize>>>()?;
        let (checkpoint_count, aliases, checks, question_count) = (r.index()?, r.texts()?, r.checks()?, r.index()?);
        skills.push(Skill {
            id,
            phase,
            title,
            kind,
            level,
            hours,
            requires,
            checkpoint_count,
            aliases,
            checks,
            question_count,
        });
    }
    check_shape(&phases, &skills)?;
    Ok((header, phases, skills, warnings))
}

/// Reads `count` pages written by [`encode`], from where the first starts, handing each to `f`.
pub fn decode_pages(input: impl BufRead, limit: u64, count: usize, mut f: impl FnMut(Page)) -> io::Result<()> {
    let mut r = Reader { input, left: limit };
    for _ in 0..count {
        let (summary, tags) = (r.text()?, r.texts()?);
        let resource_count = r.len()?;
        let mut resources = Vec::with_capacity(resource_count);
        for _ in 0..resource_count {
            resources.push(Resource { title: r.text()?, url: r.text()?, kind: r.choice(ResourceKind::ALL)? });
        }
        let checkpoints = r.texts()?;
        let question_count = r.len()?;
        let mut quiz = Vec::with_capacity(question_count);
        for _ in 0..question_count {
            let q = r.text()?;
            let code = match r.byte()? {
                0 => None,
                _ => Some(r.text()?),
            };
            let choices = r.texts()?;
            let answer_count = r.len()?;
            let answers = (0..answer_count).map(|_| r.index()).collect::<io::Result<Vec<usize>>>()?;
            quiz.push(Question { q, code, choices, answers, explain: r.text()? });
        }
        let (body, source) = (r.text()?, r.text()?);
        f(Page { summary, tags, resources, checkpoints, quiz, body, source });
    }
    Ok(())
}

/// Decodes what [`encode`] wrote, pages included.
#[cfg(test)]
pub fn decode(bytes: &[u8], pages_start: usize) -> io::Result<Roadmap> {
    let outline = bytes.get(..pages_start).ok_or_else(|| damaged("cut short"))?;
    let (header, phases, skills, warnings) = decode_outline(outline, outline.len() as u64)?;
    let rest = &bytes[pages_start..];
    let mut pages = Vec::new();
    decode_pages(rest, rest.len() as u64, skills.len(), |page| pages.push(page))?;
    Ok(Roadmap::new(header, phases, skills, super::pages::Pages::loaded(pages), warnings))
}

/// The invariants `Roadmap` relies on: phases cover the skills in order, every index is in
/// range.
fn check_shape(phases: &[Phase], skills: &[Skill]) -> io::Result<()> {
    let mut next = 0;
    for (index, phase) in phases.iter().enumerate() {
        if phase.skills.start != next || phase.skills.end < next || phase.skills.end > skills.len() {
            return Err(damaged("phase ranges"));
        }
        if skills[phase.skills.clone()].iter().any(|s| s.phase != index) {
            return Err(damaged("skill phases"));
        }
        next = phase.skills.end;
    }
    if next != skills.len() || skills.iter().any(|s| s.requires.iter().any(|&r| r >= skills.len())) {
        return Err(damaged("skill indexes"));
    }
    Ok(())
}

fn damaged(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("cache damaged: {what}"))
}

fn position<T: PartialEq>(all: &[T], value: T) -> u8 {
    all.iter().position(|v| *v == value).unwrap_or(0) as u8
}

struct Writer<'a>(&'a mut Vec<u8>);

impl Writer<'_> {
    /// A skill's page: what only the skill screen, `show` and search read.
    fn page(&mut self, page: &Page) {
        self.text(&page.summary);
        self.texts(&page.tags);
        self.len(page.resources.len());
        for resource in &page.resources {
            self.text(&resource.title);
            self.text(&resource.url);
            self.byte(position(ResourceKind::ALL, resource.kind));
        }
        self.texts(&page.checkpoints);
        self.len(page.quiz.len());
        for question in &page.quiz {
            self.question(question);
        }
        self.text(&page.body);
        self.text(&page.source);
    }

    fn question(&mut self, question: &Question) {
        self.text(&question.q);
        match &question.code {
            Some(code) => {
                self.byte(1);
                self.text(code);
            }
            None => self.byte(0),
        }
        self.texts(&question.choices);
        self.len(question.answers.len());
        for &answer in &question.answers {
            self.len(answer);
        }
        self.text(&question.explain);
    }

    fn byte(&mut self, byte: u8) {
        self.0.push(byte);
    }

    fn len(&mut self, n: usize) {
        // Lengths and indexes of a roadmap under the 1 MiB file limit fit easily.
        self.0.extend_from_slice(&(n as u32).to_le_bytes());
    }

    fn text(&mut self, text: &str) {
        self.len(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    fn texts(&mut self, texts: &[String]) {
        self.len(texts.len());
        for text in texts {
            self.text(text);
        }
    }

    fn checks(&mut self, checks: &[Check]) {
        self.len(checks.len());
        for check in checks {
            self.text(&check.title);
            self.text(&check.run);
            self.len(check.timeout as usize);
        }
    }
}

struct Reader<R> {
    input: R,
    left: u64,
}

impl<R: BufRead> Reader<R> {
    /// The next `n` bytes, handed to `f` straight from the input's buffer when they are all
    /// there (always, for a slice), copied out of it otherwise.
    fn with_bytes<T>(&mut self, n: usize, f: impl FnOnce(&[u8]) -> io::Result<T>) -> io::Result<T> {
        self.left = self.left.checked_sub(n as u64).ok_or_else(|| damaged("a length past the end"))?;
        let buffered = self.input.fill_buf()?;
        if buffered.len() >= n {
            let value = f(&buffered[..n])?;
            self.input.consume(n);
            return Ok(value);
        }
        let mut bytes = Vec::with_capacity(n);
        (&mut self.input).take(n as u64).read_to_end(&mut bytes)?;
        if bytes.len() < n {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        f(&bytes)
    }

    fn array<const N: usize>(&mut self) -> io::Result<[u8; N]> {
        self.with_bytes(N, |bytes| Ok(bytes.try_into().unwrap_or([0; N])))
    }

    fn byte(&mut self) -> io::Result<u8> {
        Ok(self.array::<1>()?[0])
    }

    /// A position in a list; `check_shape` bounds it once the lists are read.
    fn index(&mut self) -> io::Result<usize> {
        Ok(u32::from_le_bytes(self.array()?) as usize)
    }

    /// How many things follow.
    fn len(&mut self) -> io::Result<usize> {
        let n = self.index()?;
        // Every counted thing takes at least a byte, so no count can exceed what is left.
        if n as u64 > self.left {
            return Err(damaged("a count past the end"));
        }
        Ok(n)
    }

    fn choice<T: Copy>(&mut self, all: &[T]) -> io::Result<T> {
        all.get(usize::from(self.byte()?)).copied().ok_or_else(|| damaged("an unknown value"))
    }

    fn text(&mut self) -> io::Result<String> {
        let n = self.len()?;
        self.with_bytes(n, |bytes| {
            std::str::from_utf8(bytes).map(str::to_owned).map_err(|_| damaged("text that is not UTF-8"))
        })
    }

    fn texts(&mut self) -> io::Result<Vec<String>> {
        let n = self.len()?;
        (0..n).map(|_| self.text()).collect()
    }

    fn checks(&mut self) -> io::Result<Vec<Check>> {
        let n = self.len()?;
        (0..n).map(|_| Ok(Check { title: self.text()?, run: self.text()?, timeout: self.index()? as u32 })).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::pages::Pages;
    use crate::content::{Source, load};

    fn builtin_bytes() -> (Roadmap, Vec<u8>, usize) {
        let roadmap = load(&Source::Builtin).expect("the built-in roadmap loads");
        let mut bytes = Vec::new();
        let pages_start = encode(&roadmap, &mut bytes)[0] as usize;
        (roadmap, bytes, pages_start)
    }

    #[test]
    fn a_roadmap_comes_back_exactly() {
        let (roadmap, bytes, pages_start) = builtin_bytes();
        let decoded = decode(&bytes, pages_start).unwrap();
        assert!(decoded == roadmap);
        let git = roadmap.index_of("foundations/git-basics").unwrap();
        assert_eq!(decoded.index_of("foundations/git-basics"), Some(git));
        assert_eq!(decoded.unlocks(git), roadmap.unlocks(git));
        assert_eq!(decoded.page(git).body, roadmap.page(git).body);
    }

    #[test]
    fn indexes_larger_than_the_bytes_left_still_decode() {
        // Tiny skills, each requiring the one before: near the end of the bytes, an index
        // is larger than what is left to read.
        let skill = |i: usize| Skill {
            id: format!("p/s{i}"),
            phase: 0,
            title: "T".into(),
            kind: Kind::Habit,
            level: Level::Deep,
            hours: 1.5,
            requires: if i > 0 { vec![i - 1] } else { Vec::new() },
            checkpoint_count: 0,
            aliases: Vec::new(),
            checks: Vec::new(),
            question_count: 0,
        };
        let skills: Vec<Skill> = (0..400).map(skill).collect();
        let phase = Phase {
            id: "p".into(),
            title: "P".into(),
            goal: String::new(),
            milestone: None,
            intro: String::new(),
            skills: 0..400,
        };
        let pages = Pages::loaded(vec![Page::default(); 400]);
        let roadmap = Roadmap::new(Header::default(), vec![phase], skills, pages, Vec::new());
        let mut bytes = Vec::new();
        let pages_start = encode(&roadmap, &mut bytes)[0] as usize;
        assert!(decode(&bytes, pages_start).unwrap() == roadmap);
    }

    #[test]
    fn damaged_bytes_are_an_error_never_a_panic() {
        let (_, bytes, pages_start) = builtin_bytes();
        for cut in (0..bytes.len()).step_by(97) {
            assert!(decode(&bytes[..cut], pages_start.min(cut)).is_err(), "cut at {cut}");
        }
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..300 {
            let mut copy = bytes.clone();
            for _ in 0..4 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let at = (state % copy.len() as u64) as usize;
                copy[at] = copy[at].wrapping_add((state >> 32) as u8 | 1);
            }
            // Either an error or some roadmap: what matters is that it returns.
            let _ = decode(&copy, pages_start);
        }
    }
}
