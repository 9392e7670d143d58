//! The FSRS-6 formulas, written operation for operation as the reference (py-fsrs 6.3.2,
//! `fsrs/scheduler.py`) writes them: floating point is not associative, and a stability that
//! differs in its last bit can round an interval to the other side of a half day.

use std::f64::consts::E;

use crate::progress::Grade;

/// FSRS-6's published default weights (py-fsrs `DEFAULT_PARAMETERS`, fsrs-rs `DEFAULT_PARAMETERS`).
pub const DEFAULT_WEIGHTS: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
    1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

/// The reference's default longest interval: a hundred years.
pub const DEFAULT_MAXIMUM_INTERVAL: u32 = 36_500;

const STABILITY_MIN: f64 = 0.001;
const MIN_DIFFICULTY: f64 = 1.0;
const MAX_DIFFICULTY: f64 = 10.0;

/// What the schedule is computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameters {
    /// The model's 21 weights, w0 to w20.
    pub weights: [f64; 21],
    /// The chance of recalling a skill on its due date that intervals aim at. Meaningful
    /// strictly between 0 and 1 (Anki offers 0.70 to 0.99); any other value still gives dates
    /// between one day and the maximum interval, never a panic.
    pub desired_retention: f64,
    /// The longest interval, in days.
    pub maximum_interval: u32,
}

impl Default for Parameters {
    /// The published defaults: desired retention 0.9, a hundred-year maximum interval.
    fn default() -> Parameters {
        Parameters { weights: DEFAULT_WEIGHTS, desired_retention: 0.9, maximum_interval: DEFAULT_MAXIMUM_INTERVAL }
    }
}

impl Parameters {
    /// The default weights and maximum interval with another desired retention.
    pub fn with_retention(desired_retention: f64) -> Parameters {
        Parameters { desired_retention, ..Parameters::default() }
    }
}

/// The parameters with every power that does not depend on a card worked out once: a power
/// computed once is bit-for-bit the one the reference computes at each review, so this saves
/// time without moving a due date.
#[derive(Debug, Clone)]
pub(super) struct Model {
    w: [f64; 21],
    maximum_interval: i64,
    decay: f64,
    /// `0.9^(1/decay) - 1`: makes retrievability 0.9 after `stability` days.
    factor: f64,
    /// `retention^(1/decay) - 1`: the interval is `stability / factor * interval_factor`.
    interval_factor: f64,
    initial_difficulty: [f64; 4],
    /// The unclamped initial difficulty of `easy`, which difficulty reverts towards.
    mean_difficulty: f64,
    e_w8: f64,
    /// `e^(w17 * w18)`: the most a lapse may divide stability by.
    e_w17_w18: f64,
    short_term_increase: [f64; 4],
}

impl Model {
    pub(super) fn new(parameters: &Parameters) -> Model {
        let w = parameters.weights;
        let decay = -w[20];
        let unclamped_difficulty = |rating: u8| w[4] - E.powf(w[5] * f64::from(rating - 1)) + 1.0;
        Model {
            w,
            maximum_interval: i64::from(parameters.maximum_interval),
            decay,
            factor: 0.9f64.powf(1.0 / decay) - 1.0,
            interval_factor: parameters.desired_retention.powf(1.0 / decay) - 1.0,
            initial_difficulty: Grade::ALL.map(|grade| clamp_difficulty(unclamped_difficulty(grade.rating()))),
            mean_difficulty: unclamped_difficulty(Grade::Easy.rating()),
            e_w8: E.powf(w[8]),
            e_w17_w18: E.powf(w[17] * w[18]),
            short_term_increase: Grade::ALL.map(|grade| E.powf(w[17] * (f64::from(rating_minus_3(grade)) + w[18]))),
        }
    }

    /// Stability and difficulty after a first review.
    pub(super) fn first(&self, grade: Grade) -> (f64, f64) {
        (self.w[grade as usize].max(STABILITY_MIN), self.initial_difficulty[grade as usize])
    }

    /// Stability and difficulty after a review `elapsed` whole days after the last one. Less
    /// than a day (the same date, or a date before it) takes FSRS-6's same-day formula.
    pub(super) fn next(&self, stability: f64, difficulty: f64, elapsed: i64, grade: Grade) -> (f64, f64) {
        let stability = if elapsed < 1 {
            self.short_term_stability(stability, grade)
        } else {
            let retrievability = self.retrievability(stability, elapsed);
            let next = match grade {
                Grade::Again => self.forget_stability(difficulty, stability, retrievability),
                _ => self.recall_stability(difficulty, stability, retrievability, grade),
            };
            next.max(STABILITY_MIN)
        };
        (stability, self.next_difficulty(difficulty, grade))
    }

    /// Whole days until the next review: rounded half to even as Python's `round` does, at
    /// least one, at most the maximum. Saturating casts keep an absurd retention in range.
    pub(super) fn interval(&self, stability: f64) -> i64 {
        let days = (stability / self.factor) * self.interval_factor;
        (days.round_ties_even() as i64).max(1).min(self.maximum_interval)
    }

    /// The chance of recall `elapsed` days after a review; a negative time counts as none.
    fn retrievability(&self, stability: f64, elapsed: i64) -> f64 {
        (1.0 + self.factor * elapsed.max(0) as f64 / stability).powf(self.decay)
    }

    fn short_term_stability(&self, stability: f64, grade: Grade) -> f64 {
        let mut increase = self.short_term_increase[grade as usize] * stability.powf(-self.w[19]);
        if grade != Grade::Again {
            increase = increase.max(1.0);
        }
        (stability * increase).max(STABILITY_MIN)
    }

    fn next_difficulty(&self, difficulty: f64, grade: Grade) -> f64 {
        let w = &self.w;
        let delta = -(w[6] * f64::from(rating_minus_3(grade)));
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0;
        clamp_difficulty(w[7] * self.mean_difficulty + (1.0 - w[7]) * damped)
    }

    fn forget_stability(&self, difficulty: f64, stability: f64, retrievability: f64) -> f64 {
        let w = &self.w;
        let long_term = w[11]
            * difficulty.powf(-w[12])
            * ((stability + 1.0).powf(w[13]) - 1.0)
            * E.powf((1.0 - retrievability) * w[14]);
        let short_term = stability / self.e_w17_w18;
        long_term.min(short_term)
    }

    fn recall_stability(&self, difficulty: f64, stability: f64, retrievability: f64, grade: Grade) -> f64 {
        let w = &self.w;
        let hard_penalty = if grade == Grade::Hard { w[15] } else { 1.0 };
        let easy_bonus = if grade == Grade::Easy { w[16] } else { 1.0 };
        stability
            * (1.0
                + self.e_w8
                    * (11.0 - difficulty)
                    * stability.powf(-w[9])
                    * (E.powf((1.0 - retrievability) * w[10]) - 1.0)
                    * hard_penalty
                    * easy_bonus)
    }
}

fn rating_minus_3(grade: Grade) -> i8 {
    grade.rating() as i8 - 3
}

fn clamp_difficulty(difficulty: f64) -> f64 {
    difficulty.clamp(MIN_DIFFICULTY, MAX_DIFFICULTY)
}
