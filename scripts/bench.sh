#!/usr/bin/env bash
# Reproduces the performance table of README.md on this machine: a generated roadmap of
# SKILLS skills (10,000 by default) with 40% of them done, a warm content cache, and
# taskwarrior's `task next` over as many tasks for comparison. Installs hyperfine,
# taskwarrior, valgrind and GNU time when they are missing (Debian/Ubuntu).
#
#   scripts/bench.sh            # the table
#   SKILLS=100 scripts/bench.sh # a small roadmap
#   REVIEWS=0 scripts/bench.sh  # done skills without quiz reviews (20 each by default)
set -euo pipefail
cd "$(dirname "$0")/.."

SKILLS=${SKILLS:-10000}
REVIEWS=${REVIEWS:-20}

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v task >/dev/null || missing+=(taskwarrior)
command -v valgrind >/dev/null || missing+=(valgrind)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]}" >&2
  $sudo apt-get install -y "${missing[@]}" >/dev/null 2>&1 ||
    { $sudo apt-get update >/dev/null && $sudo apt-get install -y "${missing[@]}" >/dev/null; }
fi

cargo build --release --quiet --bin roadmap --example synth --example keypress
roadmap=target/release/roadmap
data=target/bench-roadmaps/$SKILLS-r$REVIEWS-v3 # as examples/synth.rs bench_dir names it
if [ ! -f "$data/progress.yaml" ]; then
  rm -rf "$data"
  ROADMAP_SYNTH_REVIEWS=$REVIEWS target/release/examples/synth "$SKILLS" "$data" >&2
  # A tree changed in the last two seconds is not cached (its timestamps could still lie).
  sleep 2.1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ROADMAP_CACHE_DIR="$work/cache" ROADMAP_TODAY=2026-11-30 NO_COLOR=1
cp "$data/progress.yaml" "$work/progress.yaml"
args=(--content "$data" --state "$work/progress.yaml")
"$roadmap" "${args[@]}" status >/dev/null # fills the cache

# taskwarrior with as many tasks: one project per phase, two tags, the first 40% completed.
export TASKRC="$work/taskrc" TASKDATA="$work/task"
mkdir -p "$TASKDATA"
printf 'data.location=%s\nconfirmation=no\nverbose=nothing\ngc=off\nrecurrence=no\n' "$TASKDATA" >"$TASKRC"
awk -v n="$SKILLS" 'BEGIN {
  split("foundations application-builder architecture ai-specialization job-readiness", phase, " ")
  for (i = 0; i < n; i++) {
    status = (i < n * 0.4) ? "completed" : "pending"
    end = (status == "completed") ? ",\"end\":\"20260601T000000Z\"" : ""
    printf "{\"uuid\":\"%08x-0000-4000-8000-%012x\",\"description\":\"Skill %d: timeout database\",\"project\":\"%s\",\"tags\":[\"python\",\"web\"],\"entry\":\"20260101T000000Z\",\"status\":\"%s\"%s}\n", i, i, i, phase[int(i * 5 / n) + 1], status, end
  }
}' >"$work/tasks.json"
task import "$work/tasks.json" >/dev/null 2>&1

echo "Timing (hyperfine, medians) ..." >&2
hyperfine -N --warmup 5 --runs 40 --export-json "$work/cli.json" \
  -n "roadmap status" "$roadmap ${args[*]} status" \
  -n "roadmap next" "$roadmap ${args[*]} next" \
  -n "task next" "task next" >/dev/null
files=("$data/roadmap.yaml" "$data"/*/*.md)
printf '%s\0' "${files[@]}" >"$work/files"
hyperfine --warmup 2 --runs 15 --export-json "$work/validate.json" \
  -n "roadmap validate (cold parse)" "$roadmap validate $data" \
  -n "cat every file" "xargs -0 cat < $work/files > /dev/null" >/dev/null

rss() { /usr/bin/time -f %M "$roadmap" "${args[@]}" "$1" 2>&1 >/dev/null | tail -n 1; }
status_rss=$(rss status)
next_rss=$(rss next)

echo "The tutor in a pseudo-terminal (cargo bench --bench terminal) ..." >&2
ROADMAP_SYNTH_REVIEWS=$REVIEWS ROADMAP_BENCH_SKILLS=$SKILLS cargo bench --quiet --bench terminal 2>/dev/null | tee "$work/terminal.txt" >/dev/null

echo "Instructions for one keypress frame (callgrind) ..." >&2
valgrind --tool=callgrind --toggle-collect='*one_keypress*' --callgrind-out-file="$work/callgrind.out" \
  target/release/examples/keypress "$data" >/dev/null 2>"$work/callgrind.txt"
instructions=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$work/callgrind.txt")

python3 - "$work" "$SKILLS" "$status_rss" "$next_rss" "$instructions" "$REVIEWS" <<'PY'
import json, re, sys
work, skills, status_rss, next_rss, instructions, reviews = sys.argv[1:]
def medians(name):
    results = json.load(open(f"{work}/{name}.json"))["results"]
    return {r["command"]: r["median"] * 1000 for r in results}
cli, validate = medians("cli"), medians("validate")
terminal = open(f"{work}/terminal.txt").read()
def term(label):
    m = re.search(re.escape(label) + r"\s+(?:median\s+)?([0-9.]+)", terminal)
    return float(m.group(1)) if m else float("nan")
task = cli["task next"]
rows = [
    ("roadmap status", f"{cli['roadmap status']:.1f} ms", f"{task / cli['roadmap status']:.1f}x faster than task next ({task:.1f} ms)", "5x"),
    ("roadmap next", f"{cli['roadmap next']:.1f} ms", f"{task / cli['roadmap next']:.1f}x faster than task next", "5x"),
    ("roadmap validate, cold", f"{validate['roadmap validate (cold parse)']:.0f} ms",
     f"{validate['roadmap validate (cold parse)'] / validate['cat every file']:.2f}x cat of every file ({validate['cat every file']:.0f} ms)", "1.5x"),
    ("TUI start to first frame", f"{term('start to first full frame'):.1f} ms", "200x60 pseudo-terminal", "30 ms"),
    ("TUI keypress to frame", f"{term('keypress to frame'):.2f} ms", "median of 100", "2 ms"),
    ("one keypress frame", f"{int(instructions) / 1e6:.1f} M instructions", "callgrind, 200x60", "10 M"),
    ("peak memory, TUI", f"{term('peak memory (VmHWM)'):.1f} MB", "after a search over every skill", "32 MB"),
    ("peak memory, status / next", f"{int(status_rss) / 1024:.1f} / {int(next_rss) / 1024:.1f} MB", "max RSS", "32 MB"),
    ("CPU while idle, 5 s", f"{term('CPU while idle for 5 s'):.3f} ms", "all threads", "0"),
]
print(f"roadmap-tutor at {int(skills):,} skills, {reviews} reviews per done skill, warm cache unless said (medians)")
print(f"{'what':28} {'measured':22} {'compared':58} budget")
for what, measured, compared, budget in rows:
    print(f"{what:28} {measured:22} {compared:58} {budget}")
PY
