//! The scenario table: each test is one learner's situation, with the exact next steps,
//! warnings and reviews (in order, with their reasons) that the learner must see.

use super::{Build, check, progress, school};

#[test]
fn fresh_learner_starts_with_what_unlocks_the_most() {
    check(
        &school(),
        &progress(&[]),
        &[
            "start basics/thinking: a starting point, nothing to learn first; unlocks 2 skills",
            "start basics/setup: a starting point, nothing to learn first; unlocks 1 skill",
        ],
        &[],
        &[],
    );
}

#[test]
fn mid_foundations_continues_first_and_holds_later_phases_back() {
    check(
        &school(),
        &progress(&[
            "basics/setup done 2026-11-20 ticked 0,1",
            "basics/thinking done 2026-11-20 ticked 0",
            "basics/syntax done 2026-11-20",
            "basics/loops doing 2026-11-19",
        ]),
        &["continue basics/loops: started 2 days ago", "start basics/style: Syntax is done; optional stretch skill"],
        &[],
        // Finished yesterday: a first review holds about two days, so none is due yet.
        &[],
    );
}

#[test]
fn a_complete_phase_core_suggests_its_milestone_then_the_next_phase() {
    check(
        &school(),
        &progress(&[
            "basics/setup done ticked 0,1",
            "basics/thinking done ticked 0",
            "basics/syntax done",
            "basics/loops done",
        ]),
        &[
            "milestone basics: all core skills of Basics are done",
            "start web/http: Loops is done; unlocks 1 skill",
            "start web/sql: Syntax is done; unlocks 1 skill",
            "start basics/style: Syntax is done; optional stretch skill",
            "start basics/internals: Loops is done; optional deep dive",
        ],
        &[],
        &[],
    );
}

#[test]
fn a_milestone_in_progress_stays_until_marked_done() {
    let core_done = ["basics/setup done ticked 0,1", "basics/thinking done ticked 0", "basics/syntax skipped"];
    let roadmap = school();
    let with = |extra: &[&str]| progress(&[&core_done[..], &["basics/loops done"], extra].concat());
    let starts = [
        "start web/http: Loops is done; unlocks 1 skill",
        "start web/sql: Syntax was skipped; unlocks 1 skill",
        "start basics/style: Syntax was skipped; optional stretch skill",
        "start basics/internals: Loops is done; optional deep dive",
    ];
    let before = with(&[]);
    let expected = [&["milestone basics: all core skills of Basics are done or skipped"][..], &starts].concat();
    check(&roadmap, &before, &expected, &[], &[]);
    let started = with(&["milestone basics doing 2026-11-20"]);
    check(&roadmap, &started, &[&["milestone basics: started yesterday"][..], &starts].concat(), &[], &[]);
    check(&roadmap, &with(&["milestone basics done"]), &starts, &[], &[]);
}

#[test]
fn a_skipped_prerequisite_counts_as_met() {
    let roadmap = school();
    check(
        &roadmap,
        &progress(&["basics/setup skipped"]),
        &[
            "start basics/syntax: Setup was skipped; unlocks 3 skills",
            "start basics/thinking: a starting point, nothing to learn first; unlocks 2 skills",
        ],
        &[],
        &[],
    );
    check(
        &roadmap,
        &progress(&["basics/setup skipped", "basics/syntax done", "basics/thinking skipped"]),
        &[
            "start basics/loops: its 2 prerequisites are done or skipped; unlocks 2 skills",
            "start basics/style: Syntax is done; optional stretch skill",
        ],
        &[],
        &[],
    );
}

#[test]
fn done_before_a_prerequisite_warns_and_names_both() {
    check(
        &school(),
        &progress(&["basics/setup done ticked 0,1", "basics/loops done"]),
        &[
            "start basics/syntax: Setup is done; unlocks 3 skills",
            "start basics/thinking: a starting point, nothing to learn first; unlocks 2 skills",
            "start basics/internals: Loops is done; optional deep dive",
        ],
        &["basics/loops: Loops is done but its prerequisites Syntax and Thinking are not"],
        &[],
    );
}

#[test]
fn jumping_ahead_warns_without_blocking() {
    check(
        &school(),
        &progress(&[
            "basics/setup done ticked 0,1",
            "basics/syntax done",
            "basics/thinking done ticked 0",
            "web/sql doing 2026-11-18",
        ]),
        &[
            "continue web/sql: started 3 days ago",
            "start basics/loops: its 2 prerequisites are done; unlocks 2 skills",
            "start basics/style: Syntax is done; optional stretch skill",
        ],
        &["-: working ahead: 1 skill of Web begun while 1 core skill of Basics is open"],
        &[],
    );
}

#[test]
fn jumping_ahead_does_not_bring_a_later_milestone_forward() {
    check(
        &school(),
        &progress(&[
            "basics/setup done ticked 0,1",
            "basics/syntax done",
            "basics/thinking done ticked 0",
            "web/http done",
            "web/sql done",
            "web/api done",
        ]),
        &[
            "start basics/loops: its 2 prerequisites are done; unlocks 2 skills",
            "start basics/style: Syntax is done; optional stretch skill",
        ],
        &[
            "web/http: HTTP is done but its prerequisite Loops is not",
            "-: working ahead: 3 skills of Web begun while 1 core skill of Basics is open",
        ],
        &[],
    );
}

#[test]
fn in_progress_for_more_than_30_days_warns() {
    check(
        &school(),
        &progress(&[
            "basics/setup done ticked 0,1",
            "basics/syntax doing 2026-10-01",
            "basics/thinking doing 2026-10-22",
        ]),
        &["continue basics/syntax: started 51 days ago", "continue basics/thinking: started 30 days ago"],
        &["basics/syntax: Syntax has been in progress for 51 days"],
        &[],
    );
}

#[test]
fn unticked_checkpoints_come_first_in_review() {
    check(
        &school(),
        &progress(&[
            "basics/setup done 2026-11-20 ticked 0",
            "basics/thinking done 2026-11-01",
            "basics/syntax done 2026-11-10",
        ]),
        &[
            "start basics/loops: its 2 prerequisites are done; unlocks 2 skills",
            "start basics/style: Syntax is done; optional stretch skill",
        ],
        &[],
        &[
            "review basics/setup: 1 of 2 checkpoints not ticked yet",
            "review basics/thinking: its checkpoint is not ticked yet",
            "review basics/syntax: due 9 days ago; last recalled 11 days ago",
        ],
    );
}

#[test]
fn reviews_fall_due_by_fsrs_and_not_before() {
    check(
        &school(),
        &progress(&[
            "basics/setup done 2026-11-14 ticked 0,1",
            "basics/thinking done 2026-11-20 ticked 0",
            "basics/syntax done 2026-10-22 reviewed 2026-10-29",
            "basics/style done 2026-10-23 reviewed 2026-10-30 reviewed 2026-11-10",
            "basics/loops done 2026-08-23 reviewed 2026-09-22",
            "basics/internals done 2026-08-24 reviewed 2026-08-27 reviewed 2026-09-25 reviewed 2026-11-01",
        ]),
        &[
            "milestone basics: all core skills of Basics are done",
            "start web/http: Loops is done; unlocks 1 skill",
            "start web/sql: Syntax is done; unlocks 1 skill",
        ],
        &[],
        &[
            "review basics/loops: due 23 days ago; last recalled 60 days ago",
            "review basics/setup: due 5 days ago; last recalled 7 days ago",
            "review basics/syntax: due 2 days ago; last recalled 23 days ago",
        ],
    );
}

#[test]
fn a_review_moves_the_schedule_and_the_most_overdue_comes_first() {
    let roadmap = school();
    let lines = ["basics/setup done 2026-11-10 ticked 0,1", "basics/syntax done 2026-11-01", "basics/thinking skipped"];
    let next = [
        "start basics/loops: its 2 prerequisites are done or skipped; unlocks 2 skills",
        "start basics/style: Syntax is done; optional stretch skill",
    ];
    check(
        &roadmap,
        &progress(&lines),
        &next,
        &[],
        &[
            "review basics/syntax: due 18 days ago; last recalled 20 days ago",
            "review basics/setup: due 9 days ago; last recalled 11 days ago",
        ],
    );
    let reviewed = [lines[0], "basics/syntax done 2026-11-01 reviewed 2026-11-21", lines[2]];
    check(
        &roadmap,
        &progress(&reviewed),
        &next,
        &[],
        &["review basics/setup: due 9 days ago; last recalled 11 days ago"],
    );
}

#[test]
fn a_diamond_waits_for_both_sides() {
    let roadmap = Build::new()
        .phase("shapes", "Shapes", None)
        .skill("top", "Top", "core", 1.0, &[])
        .skill("left", "Left", "core", 1.0, &["shapes/top"])
        .skill("right", "Right", "core", 1.0, &["shapes/top"])
        .skill("bottom", "Bottom", "core", 1.0, &["shapes/left", "shapes/right"])
        .load();
    check(
        &roadmap,
        &progress(&[]),
        &["start shapes/top: a starting point, nothing to learn first; unlocks 2 skills"],
        &[],
        &[],
    );
    check(
        &roadmap,
        &progress(&["shapes/top done"]),
        &["start shapes/left: Top is done; unlocks 1 skill", "start shapes/right: Top is done; unlocks 1 skill"],
        &[],
        &[],
    );
    check(
        &roadmap,
        &progress(&["shapes/top done", "shapes/left done"]),
        &["start shapes/right: Top is done; unlocks 1 skill"],
        &[],
        &[],
    );
    let sides = progress(&["shapes/top done", "shapes/left done", "shapes/right done"]);
    check(&roadmap, &sides, &["start shapes/bottom: its 2 prerequisites are done"], &[], &[]);
}

#[test]
fn an_empty_phase_is_never_current_and_its_milestone_follows_the_phases_before_it() {
    let roadmap = Build::new()
        .phase("basics", "Basics", Some("A tiny tool"))
        .skill("a", "A", "core", 2.0, &[])
        .skill("b", "B", "stretch", 2.0, &["basics/a"])
        .phase("pause", "Pause", Some("Teach it back"))
        .phase("web", "Web", Some("An API"))
        .skill("c", "C", "core", 2.0, &["basics/a"])
        .load();
    check(
        &roadmap,
        &progress(&[]),
        &["start basics/a: a starting point, nothing to learn first; unlocks 2 skills"],
        &[],
        &[],
    );
    check(
        &roadmap,
        &progress(&["basics/a done"]),
        &[
            "milestone basics: the only core skill of Basics is done",
            "milestone pause: the core skills before it are done",
            "start web/c: A is done",
            "start basics/b: A is done; optional stretch skill",
        ],
        &[],
        &[],
    );
}

#[test]
fn a_phase_without_core_skills_gets_its_milestone_when_all_its_skills_are_complete() {
    let roadmap = Build::new()
        .phase("basics", "Basics", None)
        .skill("a", "A", "core", 2.0, &[])
        .phase("extras", "Extras", Some("A demo"))
        .skill("x", "X", "stretch", 2.0, &["basics/a"])
        .skill("y", "Y", "deep", 2.0, &["extras/x"])
        .load();
    check(
        &roadmap,
        &progress(&["basics/a done", "extras/x done"]),
        &["start extras/y: X is done; optional deep dive"],
        &[],
        &[],
    );
    check(
        &roadmap,
        &progress(&["basics/a done", "extras/x done", "extras/y skipped"]),
        &["milestone extras: all skills of Extras are done or skipped"],
        &[],
        &[],
    );
}

#[test]
fn a_current_phase_waiting_on_a_later_skill_lets_that_skill_through() {
    let roadmap = Build::new()
        .phase("basics", "Basics", None)
        .skill("setup", "Setup", "core", 2.0, &[])
        .skill("capstone", "Capstone", "core", 2.0, &["web/http"])
        .phase("web", "Web", None)
        .skill("http", "HTTP", "core", 2.0, &["basics/setup"])
        .load();
    check(
        &roadmap,
        &progress(&[]),
        &["start basics/setup: a starting point, nothing to learn first; unlocks 1 skill"],
        &[],
        &[],
    );
    check(&roadmap, &progress(&["basics/setup done"]), &["start web/http: Setup is done; unlocks 1 skill"], &[], &[]);
}

#[test]
fn in_progress_without_a_start_date_comes_after_dated_ones() {
    let mut hand_edited = progress(&["basics/setup doing 2026-11-11", "basics/thinking doing"]);
    if let Some(record) = hand_edited.skills.get_mut("basics/thinking") {
        record.started = None;
    }
    check(
        &school(),
        &hand_edited,
        &["continue basics/setup: started 10 days ago", "continue basics/thinking: in progress"],
        &[],
        &[],
    );
}

#[test]
fn everything_done_leaves_nothing_to_suggest() {
    let roadmap = school();
    let ticks = |id: &str| match id {
        "basics/setup" => " ticked 0,1",
        "basics/thinking" => " ticked 0",
        _ => "",
    };
    let mut lines: Vec<String> = roadmap.skills.iter().map(|s| format!("{} done{}", s.id, ticks(&s.id))).collect();
    lines.extend(["milestone basics done".to_string(), "milestone web done".to_string()]);
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    check(&roadmap, &progress(&lines), &[], &[], &[]);
}
