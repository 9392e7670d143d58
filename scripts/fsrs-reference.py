#!/usr/bin/env python3
"""Writes tests/fixtures/fsrs/cases.tsv: review logs and the due date the reference FSRS-6
scheduler gives each, for tests/fsrs.rs to compare against src/schedule.

The reference is open-spaced-repetition's py-fsrs, `fsrs` 6.3.2 on PyPI, configured as the
tutor schedules: default parameters, no learning or relearning steps, no fuzz, the default
maximum interval, reviews at midnight UTC of each date. The log is replayed with the package's
own `Scheduler.reschedule_card` (which sorts it by date, stably), so out-of-order logs in the
table test the sorting too.

    python3 -m venv /tmp/fsrs-venv && /tmp/fsrs-venv/bin/pip install fsrs==6.3.2
    /tmp/fsrs-venv/bin/python scripts/fsrs-reference.py > tests/fixtures/fsrs/cases.tsv

The cases come from a fixed seed, so a rerun writes the same file.
"""

import random
import sys
from datetime import date, datetime, timedelta, timezone
from importlib.metadata import version

from fsrs import Card, Rating, ReviewLog, Scheduler

PACKAGE_VERSION = "6.3.2"
RETENTIONS = (0.8, 0.9, 0.95)
GRADES = ("again", "hard", "good", "easy")
RATING = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
# Python's dates end in 9999; long easy streaks at a 100-year maximum interval get there.
LAST_START = date(4000, 1, 1)


def scheduler(retention):
    return Scheduler(
        desired_retention=retention,
        learning_steps=(),
        relearning_steps=(),
        enable_fuzzing=False,
    )


def midnight(day):
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def replay(retention, log):
    """The reference's card after the whole log (a list of (date, grade)), in any order."""
    logs = [ReviewLog(card_id=1, rating=RATING[g], review_datetime=midnight(d), review_duration=None) for d, g in log]
    return scheduler(retention).reschedule_card(Card(card_id=1), logs)


class Walk:
    """Builds a log review by review, knowing the reference's due date after each one."""

    def __init__(self, retention, start):
        self.retention = retention
        self.log = []
        self.today = start
        self.card = Card(card_id=1)
        self.scheduler = scheduler(retention)

    def interval(self):
        return (self.card.due.date() - self.card.last_review.date()).days

    def review(self, grade, day=None):
        day = day or self.today
        self.card, _ = self.scheduler.review_card(self.card, RATING[grade], midnight(day))
        self.log.append((day, grade))
        self.today = day
        return self

    def on_due(self, grade):
        return self.review(grade, self.card.due.date())

    def after(self, days, grade):
        return self.review(grade, self.today + timedelta(days=days))

    def scaled(self, factor, grade):
        """Reviews at `factor` times the current interval after the last review."""
        return self.after(max(0, round(self.interval() * factor)), grade)

    def within_dates(self):
        return self.card.due.date() < LAST_START


def row(name, retention, log, shuffle=None):
    written = list(log)
    if shuffle is not None:
        shuffle.shuffle(written)
    # The reference replays the log as written: same-day entries keep their written order.
    card = replay(retention, written)
    text = ",".join(f"{d.isoformat()}:{g}" for d, g in written)
    return f"{name}\t{retention}\t{text}\t{card.due.date().isoformat()}\t{card.stability!r}\t{card.difficulty!r}"


def cases(rng):
    start = date(2026, 3, 1)
    for r in RETENTIONS:
        for g in GRADES:
            yield f"single-{g}", r, Walk(r, start).review(g).log

        # Streaks, each review on its due date.
        for g, length in (("good", 25), ("easy", 12), ("hard", 25)):
            walk = Walk(r, start).review("good")
            for _ in range(length):
                if not walk.within_dates():
                    break
                walk.on_due(g)
            yield f"{g}-streak", r, walk.log
        for first in GRADES:
            walk = Walk(r, start).review(first)
            for _ in range(8):
                walk.on_due("good")
            yield f"{first}-then-goods", r, walk.log

        # Lapses after long intervals, on time and late, then recovery.
        for goods in (3, 6, 10):
            for lateness in (1.0, 2.0, 5.0):
                walk = Walk(r, start).review("good")
                for _ in range(goods):
                    walk.on_due("good")
                walk.scaled(lateness, "again")
                for g in ("good", "good", "hard", "good"):
                    walk.on_due(g)
                yield f"lapse-after-{goods}-goods-x{lateness}", r, walk.log
        # A weak memory lapsing after a long gap: the lapse is capped by the same-day formula.
        for first in ("again", "hard"):
            for gap in (30, 365, 3650):
                yield f"{first}-then-again-after-{gap}", r, Walk(r, start).review(first).after(gap, "again").log
        walk = Walk(r, start).review("again")
        for _ in range(6):
            walk.on_due("again")
        yield "again-streak", r, walk.log
        walk = Walk(r, start).review("easy")
        for g in ("again", "again", "easy", "again", "good"):
            walk.on_due(g)
        yield "easy-again-swings", r, walk.log

        # Hard runs: on due, and after one day each.
        walk = Walk(r, start).review("hard")
        for _ in range(10):
            walk.after(1, "hard")
        yield "hard-daily", r, walk.log
        walk = Walk(r, start).review("good")
        for g in ("hard", "hard", "hard", "good", "hard", "easy", "hard"):
            walk.on_due(g)
        yield "hard-mixed", r, walk.log

        # Same-day repeats (FSRS-6's short-term stability), first day and later.
        for grades in (
            ("again", "again"),
            ("again", "good"),
            ("good", "again"),
            ("good", "good", "good"),
            ("easy", "easy"),
            ("hard", "easy", "again", "good"),
            ("again", "hard", "good", "easy", "again", "again"),
        ):
            walk = Walk(r, start)
            for g in grades:
                walk.review(g)
            yield "same-day-" + "-".join(grades), r, walk.log
            walk = Walk(r, start).review("good").on_due("good").on_due("good")
            for g in grades:
                walk.after(0 if g != grades[0] else walk.interval(), g)
            yield "same-day-later-" + "-".join(grades), r, walk.log

        # Early reviews (well before due) and late ones (long after).
        for factor in (0.1, 0.25, 0.5):
            for g in GRADES:
                walk = Walk(r, start).review("good").on_due("good").on_due("good")
                walk.scaled(factor, g)
                walk.on_due("good")
                yield f"early-x{factor}-{g}", r, walk.log
        for factor in (3, 10, 40):
            for g in GRADES:
                walk = Walk(r, start).review("good").on_due("good")
                walk.scaled(factor, g)
                walk.on_due("good")
                yield f"late-x{factor}-{g}", r, walk.log
        walk = Walk(r, start).review("good").after(3650, "good")
        yield "late-ten-years", r, walk.log

        # The maximum interval (100 years) reached by easy reviews.
        walk = Walk(r, start).review("easy")
        while walk.interval() < 36500 and walk.within_dates():
            walk.on_due("easy")
        yield "maximum-interval", r, walk.log

        # Mixed random logs of up to 30 reviews: gaps from same-day to long after due.
        for n in range(60):
            walk = Walk(r, date(2000, 1, 1) + timedelta(days=rng.randrange(12000)))
            walk.review(rng.choices(GRADES, weights=(2, 2, 5, 2))[0])
            for _ in range(rng.randrange(30)):
                if not walk.within_dates():
                    break
                g = rng.choices(GRADES, weights=(2, 2, 5, 2))[0]
                kind = rng.random()
                if kind < 0.15:
                    walk.after(0, g)
                elif kind < 0.5:
                    walk.on_due(g)
                elif kind < 0.75:
                    walk.scaled(rng.uniform(0.05, 0.95), g)
                else:
                    walk.scaled(rng.uniform(1.05, 6.0), g)
            yield f"random-{n}", r, walk.log


def main():
    installed = version("fsrs")
    if installed != PACKAGE_VERSION:
        sys.exit(f"fsrs {installed} is installed; this table is made with fsrs {PACKAGE_VERSION}")
    rng = random.Random(20261102)
    print(f"# FSRS-6 due dates from the reference: fsrs {PACKAGE_VERSION} (PyPI), scripts/fsrs-reference.py")
    print("# name\tretention\tlog (date:grade, as written; replayed sorted by date)\tdue\tstability\tdifficulty")
    shuffle = random.Random(7)
    for name, retention, log in cases(rng):
        print(row(name, retention, log))
        # Every fifth multi-review log again in a shuffled order: the same due date is expected.
        if len(log) > 2 and rng.random() < 0.2:
            print(row(name + "-shuffled", retention, log, shuffle))


if __name__ == "__main__":
    main()
