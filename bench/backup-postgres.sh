#!/usr/bin/env bash
# Benchmark (issue 10): testguard:backup's own work against raw `pg_dump -Fc` of the same PostgreSQL database, in one
# run, interleaved (odd rounds raw first, even rounds testguard first) so both see the same load; the best and the
# median of each side are compared (on a shared machine the median is the figure, the best the floor).
# testguard's work is timed in its own JVM from main to done (the classes of this work tree, no Maven start-up); the
# wall time with JVM start-up is printed too, and the CPU seconds of each side's client processes (pg_dump; the JVM
# with its pg_dump), which load from other work on the machine hardly changes. Both sides fsync the same: pg_dump
# syncs its output itself (no --no-sync on either side); testguard's own fsync of the payload is part of its time.
# Its closing progress lines give the per-phase timings (connecting and exporting the snapshot, the checks, row counts
# and checksums taken beside pg_dump in its snapshot, the rest of pg_dump, SHA-256 and fsync, storing).
# Goal: own work <= 1.05 x raw pg_dump -Fc on the 1 GB database (pgbench scale 70, the documented run).
# Needs a local PostgreSQL 15 (user postgres, trust), pgbench, pg_dump, /usr/bin/time (for the CPU figures).
# Usage: bench/backup-postgres.sh [scale, default 70] [rounds, default 5]
# Before/after: BASE=<another checkout> (e.g. `git archive main | tar -x -C /tmp/base`) runs its build too in each round,
# right after this one, and prints both.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/pg-bench-lib.sh
SCALE="${1:-70}"; ROUNDS="${2:-5}"
DB="tg_backupbench_$$_$RANDOM"
WORK="$(mktemp -d)"
cleanup() { dropdb --if-exists --force "$DB" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

raw_dump() {
  settle
  timed raw pg_dump -Fc -f "$WORK/raw$run.dump" "$DB"
  echo "round $run: raw pg_dump -Fc $(printf '%.2f' "$raw") s (CPU $raw_cpu s)"
}

build_classpath
echo "load average before: $(loadavg)"
create_pgbench "$DB" "$SCALE"
RAWS=(); WORKS=(); WALLS=(); RAWCPU=(); TGCPU=(); BASES=()
for run in $(seq 1 "$ROUNDS"); do
  if raw_first "$run"; then raw_dump; fi
  echo "round $run: testguard backup:"
  run_tg "$WORK/out.txt" backup "$DB" "$WORK/store$run" 1
  tg_work=$TG_WORK; tg_wall=$TG_WALL; tg_cpu=$TG_WALL_cpu; payload=$(head -1 "$WORK/out.txt")
  if ! raw_first "$run"; then raw_dump; fi
  printf 'round %d: raw %.2f s, testguard own work %.2f s (ratio %s), with JVM start %.2f s; CPU raw %s s, testguard %s s; load %s\n' \
    "$run" "$raw" "$tg_work" "$(ratio "$tg_work" "$raw")" "$tg_wall" "$raw_cpu" "$tg_cpu" "$(loadavg)"
  echo "   dump $(du -h "$WORK/raw$run.dump" | cut -f1), testguard's $(du -h "$payload" | cut -f1)"
  RAWS+=("$raw"); WORKS+=("$tg_work"); WALLS+=("$tg_wall"); RAWCPU+=("$raw_cpu"); TGCPU+=("$tg_cpu")
  if [ -n "$BASE_CP" ]; then
    echo "round $run: the base build ($BASE):"
    TG_CP="$BASE_CP" run_tg "$WORK/out.txt" backup "$DB" "$WORK/base$run" 1
    printf 'round %d: base build own work %.2f s (ratio %s); load %s\n' "$run" "$TG_WORK" "$(ratio "$TG_WORK" "$raw")" "$(loadavg)"
    BASES+=("$TG_WORK")
  fi
  rm -rf "$WORK/store$run" "$WORK/base$run" "$WORK/raw$run.dump"
done
echo
echo "$ROUNDS rounds, pgbench scale $SCALE:"
echo "  $(stats 'raw pg_dump -Fc:          ' "${RAWS[@]}")"
echo "  $(stats 'testguard backup own work:' "${WORKS[@]}")"
echo "  $(stats 'with JVM start:           ' "${WALLS[@]}")"
printf '  ratio own work / raw: best %s, median %s (goal <= 1.05); with JVM start: median %s\n' \
  "$(ratio "$(best "${WORKS[@]}")" "$(best "${RAWS[@]}")")" "$(ratio "$(median "${WORKS[@]}")" "$(median "${RAWS[@]}")")" \
  "$(ratio "$(median "${WALLS[@]}")" "$(median "${RAWS[@]}")")"
printf '  client CPU, median: raw pg_dump %s s, testguard (JVM and its pg_dump) %s s\n' "$(median "${RAWCPU[@]}")" "$(median "${TGCPU[@]}")"
if [ -n "$BASE_CP" ]; then
  echo "  $(stats 'base build own work:      ' "${BASES[@]}") -> median ratio $(ratio "$(median "${BASES[@]}")" "$(median "${RAWS[@]}")")"
fi
echo "load average after: $(loadavg)"
