//! FSRS replay as `next` and `status` need it: one skill's 20-review log, and the 4,000 done
//! skills of the 10,000-skill roadmap with 20 reviews each (80,000 reviews), with one scheduler
//! built for the whole run and with one per skill. `cargo bench --bench schedule`.

use divan::{Bencher, black_box};
use roadmap_tutor::progress::{Date, Grade, Review};
use roadmap_tutor::schedule::{self, Scheduler};

const REVIEWS: usize = 20;
const DONE_SKILLS: usize = 4_000;

fn main() {
    divan::main();
}

/// Logs like a learner's: each review between a third of the interval early and twice it late,
/// mostly `good`, with same-day repeats and lapses; a small generator keeps them the same
/// from run to run.
fn logs(count: usize) -> Vec<Vec<Review>> {
    let scheduler = Scheduler::default();
    let mut seed: u64 = 0x5eed;
    let mut next = move |below: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % below
    };
    let start = Date::new(2024, 1, 1).expect("a date");
    (0..count)
        .map(|_| {
            let mut log = vec![Review { date: start.add_days(next(700) as i64), grade: Grade::Good }];
            while log.len() < REVIEWS {
                let memory = scheduler.replay(&log).expect("the log has a review");
                let interval = memory.due.days_after(memory.last_review);
                let gap = if next(10) == 0 { 0 } else { (interval * (33 + next(167) as i64) / 100).max(1) };
                let grade =
                    [Grade::Again, Grade::Hard, Grade::Good, Grade::Good, Grade::Good, Grade::Easy][next(6) as usize];
                log.push(Review { date: memory.last_review.add_days(gap), grade });
            }
            log
        })
        .collect()
}

#[divan::bench]
fn replay_one_log(bencher: Bencher) {
    let log = logs(1).remove(0);
    let scheduler = Scheduler::default();
    bencher.bench_local(|| scheduler.replay(black_box(&log)));
}

/// The due dates of every done skill, with one scheduler: what `next` should do.
#[divan::bench(sample_count = 20)]
fn replay_4000_logs(bencher: Bencher) {
    let logs = logs(DONE_SKILLS);
    bencher.bench_local(|| {
        let scheduler = Scheduler::with_retention(0.9);
        logs.iter().filter_map(|log| scheduler.replay(black_box(log))).map(|memory| memory.due).max()
    });
}

/// The same through `schedule::replay`, which builds a scheduler per log.
#[divan::bench(sample_count = 20)]
fn replay_4000_logs_one_scheduler_each(bencher: Bencher) {
    let logs = logs(DONE_SKILLS);
    bencher.bench_local(|| logs.iter().filter_map(|log| schedule::replay(black_box(log), 0.9)).map(|m| m.due).max());
}

/// The four previews at the end of a quiz.
#[divan::bench]
fn intervals_of_one_log(bencher: Bencher) {
    let log = logs(1).remove(0);
    let today = log[REVIEWS - 1].date.add_days(10);
    let scheduler = Scheduler::default();
    bencher.bench_local(|| scheduler.intervals(black_box(&log), today));
}
