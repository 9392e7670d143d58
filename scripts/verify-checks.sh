#!/usr/bin/env bash
# Runs every check of the built-in roadmap on a finished project of its phase, where each must
# pass, and in an empty folder, where none may. The five projects are small but real (code,
# tests, migrations, a git history, a uv.lock), kept as git bundles in
# tests/fixtures/projects/finished/ (with `overlay/PHASE/`: files a learner keeps out of git,
# such as job-readiness notes), and cloned into a temporary folder.
#
#   scripts/verify-checks.sh               # every phase; needs uv, and PyPI once (its cache after)
#   scripts/verify-checks.sh architecture  # one phase
#   VENVS=DIR scripts/verify-checks.sh     # link DIR/PHASE as each project's .venv instead
#
# Prints each check's result, then one line per phase; exit 1 when a check fails on its
# project or passes in the empty folder. `cargo test` runs the foundations milestone's checks
# on a project of its own (tests/builtin_checks.rs) and every check in an empty folder; this
# script is the slower, networked rest.
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=$PWD/tests/fixtures/projects/finished

phases=("$@")
[ ${#phases[@]} -gt 0 ] || phases=(foundations application-builder architecture ai-specialization job-readiness)

cargo build --release --quiet --bin roadmap
roadmap=$PWD/target/release/roadmap
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ROADMAP_STATE=$work/progress.yaml NO_COLOR=1
mkdir "$work/empty"

# Every skill and milestone with checks, as `phase/skill` or `phase`: what `roadmap trust` lists
# for the built-in content given as another roadmap.
# (It exits 1: nothing was trusted.)
owners=$({ "$roadmap" --content content trust </dev/null 2>/dev/null || true; } | cut -f1 | sed 's/ (milestone)$//' | sort -u)

status=0
for phase in "${phases[@]}"; do
  bundle=$fixtures/$phase.bundle
  [ -f "$bundle" ] || { echo "no project for $phase: $bundle" >&2; exit 2; }
  project=$work/$phase
  git clone --quiet "$bundle" "$project" 2>/dev/null
  [ ! -d "$fixtures/overlay/$phase" ] || cp -R "$fixtures/overlay/$phase/." "$project/"
  if [ -n "${VENVS:-}" ]; then
    ln -s "$VENVS/$phase" "$project/.venv"
  else
    (cd "$project" && uv sync --frozen --all-groups --quiet)
  fi
  passed=0 failed=0 wrong=0
  for owner in $(printf '%s\n' $owners | grep -E "^$phase(/|$)"); do
    while IFS=$'\t' read -r id n result title; do
      if [ "$result" = pass ]; then
        passed=$((passed + 1))
      else
        failed=$((failed + 1))
        echo "FAIL on the finished project: $id $n $title ($result)"
      fi
    done < <("$roadmap" check "$owner" --in "$project" 2>&1 || true)
    while IFS=$'\t' read -r id n result title; do
      if [ "$result" = pass ]; then
        wrong=$((wrong + 1))
        echo "PASSES in an empty folder: $id $n $title"
      fi
    done < <("$roadmap" check "$owner" --in "$work/empty" 2>&1 || true)
  done
  echo "$phase: $passed passed on the finished project, $failed did not; $wrong passed in an empty folder"
  [ "$failed" -eq 0 ] && [ "$wrong" -eq 0 ] || status=1
done
exit $status
