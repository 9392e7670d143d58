//! What a learner waits for, at 100 and at 10,000 skills: loading (cold and from the cache),
//! the numbers and advice behind `status` and `next`, a search keystroke, a full frame of
//! each main screen at 200x60, and a key in a quiz with its frame. `cargo bench`; scripts/bench.sh adds whole-program timings.

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::{Bencher, black_box};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use roadmap_tutor::app::{Action, App};
use roadmap_tutor::content::{Cache, Roadmap, Source, load};
use roadmap_tutor::progress::{Counts, Date, Progress};
use roadmap_tutor::store::Store;
use roadmap_tutor::ui::Ui;
use roadmap_tutor::ui::theme::Theme;

#[path = "../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

const SIZES: [usize; 2] = [100, 10_000];

fn main() {
    divan::main();
}

/// A generated roadmap per size, written once under target/ and reused by later runs.
fn tree(skills: usize) -> PathBuf {
    static TREES: OnceLock<std::sync::Mutex<()>> = OnceLock::new();
    let _one_at_a_time = TREES.get_or_init(Default::default).lock();
    let dir = synth::bench_dir(skills);
    if !dir.join("progress.yaml").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        synth::write_roadmap(skills, &dir).expect("the generated roadmap is written");
    }
    dir
}

fn source(skills: usize) -> Source {
    Source::Dir(tree(skills))
}

fn cache_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-cache")
}

fn loaded(skills: usize) -> (Roadmap, Progress) {
    let roadmap = load(&source(skills)).expect("the generated roadmap is valid");
    let (_, progress) = Store::open(tree(skills).join("progress.yaml")).expect("its progress loads");
    (roadmap, progress)
}

fn today() -> Date {
    Date::new(2026, 11, 30).expect("a date")
}

/// Parsing and checking every file, as `roadmap validate` does.
#[divan::bench(args = SIZES, sample_count = 10)]
fn load_and_validate(bencher: Bencher, skills: usize) {
    let source = source(skills);
    bencher.bench_local(|| load(&source).expect("valid"));
}

/// What every other command does first: the cached outline, after checking the tree.
#[divan::bench(args = SIZES)]
fn load_from_cache(bencher: Bencher, skills: usize) {
    let source = source(skills);
    let cache = Cache::new(cache_dir());
    cache.load(&source).expect("valid");
    bencher.bench_local(|| cache.load(&source).expect("valid"));
}

#[divan::bench(args = SIZES)]
fn read_progress(bencher: Bencher, skills: usize) {
    let path = tree(skills).join("progress.yaml");
    bencher.bench_local(|| Store::open(&path).expect("loads"));
}

/// The numbers of `roadmap status`: overall and per phase.
#[divan::bench(args = SIZES)]
fn status(bencher: Bencher, skills: usize) {
    let (roadmap, progress) = loaded(skills);
    bencher.bench_local(|| {
        let statuses = progress.statuses(&roadmap);
        let phases: Vec<Counts> =
            roadmap.phases.iter().map(|p| Counts::of(statuses[p.skills.clone()].iter().copied())).collect();
        (Counts::of(statuses.iter().copied()), phases)
    });
}

/// The advice of `roadmap next`: ranked steps, warnings, reviews.
#[divan::bench(args = SIZES)]
fn next(bencher: Bencher, skills: usize) {
    let (roadmap, progress) = loaded(skills);
    bencher.bench_local(|| roadmap_tutor::suggest::advise(&roadmap, &progress, today()));
}

/// The advice of `roadmap next` with every review log already replayed once (the memo a
/// previous run left).
#[divan::bench(args = SIZES)]
fn next_remembered(bencher: Bencher, skills: usize) {
    const ALL: roadmap_tutor::suggest::Limits =
        roadmap_tutor::suggest::Limits { steps: usize::MAX, reviews: usize::MAX };
    let (roadmap, progress) = loaded(skills);
    let memo = roadmap_tutor::schedule::Memo::new(0);
    roadmap_tutor::suggest::advise_remembering(&roadmap, &progress, today(), ALL, &memo);
    let memo = roadmap_tutor::schedule::Memo::decode(&memo.encode_if_changed().unwrap_or_default(), 0);
    bencher.bench_local(|| roadmap_tutor::suggest::advise_remembering(&roadmap, &progress, today(), ALL, &memo));
}

/// What the tutor works out after each change of progress (counts, advice, pace, activity),
/// with the review logs already replayed once, as after its first frame.
#[divan::bench(args = SIZES)]
fn tutor_after_a_change(bencher: Bencher, skills: usize) {
    let (roadmap, progress) = loaded(skills);
    let memo = roadmap_tutor::schedule::Memo::new(0);
    roadmap_tutor::app::Derived::new(&roadmap, &progress, today(), &memo);
    bencher.bench_local(|| roadmap_tutor::app::Derived::new(&roadmap, &progress, today(), &memo));
}

fn app(skills: usize) -> App {
    let (roadmap, progress) = loaded(skills);
    let mut app = App::new(roadmap, progress, today());
    app.update(Action::Resize { width: 200, height: 60 });
    app
}

fn ui() -> Ui {
    Ui::new(Theme::new(true))
}

/// A frame as the loop draws it, with its geometry going back to the app.
fn frame(ui: &Ui, app: &mut App) -> Buffer {
    let area = Rect::new(0, 0, 200, 60);
    let mut buffer = Buffer::empty(area);
    let geometry = ui.render(app, area, &mut buffer);
    app.update(Action::Drawn(geometry));
    buffer
}

/// One more letter in the search box: the results for the new query.
#[divan::bench(args = SIZES)]
fn search_keystroke(bencher: Bencher, skills: usize) {
    let mut app = app(skills);
    app.update(Action::GoSearch);
    for c in "cach".chars() {
        app.update(Action::Insert(c));
    }
    bencher.bench_local(|| {
        app.update(Action::Insert('e'));
        app.update(Action::DeleteBack);
    });
}

#[divan::bench(args = SIZES)]
fn frame_home(bencher: Bencher, skills: usize) {
    let (ui, mut app) = (ui(), app(skills));
    bencher.bench_local(|| frame(&ui, black_box(&mut app)));
}

#[divan::bench(args = SIZES)]
fn frame_roadmap(bencher: Bencher, skills: usize) {
    let (ui, mut app) = (ui(), app(skills));
    ui.step(&mut app, Action::GoRoadmap);
    ui.step(&mut app, Action::Right);
    bencher.bench_local(|| frame(&ui, black_box(&mut app)));
}

#[divan::bench(args = SIZES)]
fn frame_skill(bencher: Bencher, skills: usize) {
    let (ui, mut app) = (ui(), app(skills));
    ui.step(&mut app, Action::GoRoadmap);
    ui.step(&mut app, Action::Right);
    ui.step(&mut app, Action::Open);
    bencher.bench_local(|| frame(&ui, black_box(&mut app)));
}

/// A key on the Roadmap screen's skill list and the frame it leads to: what a learner feels.
#[divan::bench(args = SIZES)]
fn keypress_to_frame(bencher: Bencher, skills: usize) {
    let (ui, mut app) = (ui(), app(skills));
    ui.step(&mut app, Action::GoRoadmap);
    ui.step(&mut app, Action::Right);
    let mut down = true;
    bencher.bench_local(|| {
        app.update(if down { Action::Down } else { Action::Up });
        down = !down;
        frame(&ui, &mut app)
    });
}

/// A key in a quiz (the cursor moving between choices) and the frame it leads to.
#[divan::bench(args = SIZES)]
fn quiz_keypress_to_frame(bencher: Bencher, skills: usize) {
    let (ui, mut app) = (ui(), app(skills));
    ui.step(&mut app, Action::GoRoadmap);
    ui.step(&mut app, Action::Right);
    ui.step(&mut app, Action::Practice);
    assert!(app.quiz.is_some(), "a quiz is open");
    let mut down = true;
    bencher.bench_local(|| {
        app.update(if down { Action::Down } else { Action::Up });
        down = !down;
        frame(&ui, &mut app)
    });
}
