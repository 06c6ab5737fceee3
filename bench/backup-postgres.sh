#!/usr/bin/env bash
# Benchmark (issue 10): testguard:backup's own work against raw `pg_dump -Fc` of the same PostgreSQL database, in one
# run, interleaved (raw, testguard, raw, testguard) so both see the same load; the best of each is compared.
# testguard's work is timed in its own JVM from main to done (the classes of this work tree, no Maven start-up); the
# wall time with JVM start-up is printed too. Its closing progress lines give the per-phase timings (checks and
# snapshot, pg_dump, row counts and checksums taken beside pg_dump in its snapshot, SHA-256 and fsync, storing).
# Goal: own work <= 1.05 x raw pg_dump -Fc on the 1 GB database (pgbench scale 70, the documented run).
# Needs a local PostgreSQL 15 (user postgres, trust), pgbench, pg_dump. Usage: bench/backup-postgres.sh [scale, default 70] [rounds, default 2]
# Before/after: BASE=<another checkout> (e.g. `git archive main | tar -x -C /tmp/base`) runs its build too in each round,
# right after this one, and prints both.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/pg-bench-lib.sh
SCALE="${1:-70}"; ROUNDS="${2:-2}"
DB="tg_backupbench_$$_$RANDOM"
WORK="$(mktemp -d)"
cleanup() { dropdb --if-exists --force "$DB" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

build_classpath
echo "load average before: $(loadavg)"
create_pgbench "$DB" "$SCALE"
RAW=""; WORKBEST=""; WALLBEST=""; BASEBEST=""
for run in $(seq 1 "$ROUNDS"); do
  settle; t0=$(now); pg_dump -Fc -f "$WORK/raw$run.dump" "$DB"; t1=$(now); raw=$(minus "$t1" "$t0")
  echo "round $run: raw pg_dump -Fc $raw s; testguard backup:"
  run_tg "$WORK/out.txt" backup "$DB" "$WORK/store$run" 1
  printf 'round %d: raw %.2f s, testguard own work %.2f s (ratio %s), with JVM start %.2f s; load %s\n' \
    "$run" "$raw" "$TG_WORK" "$(ratio "$TG_WORK" "$raw")" "$TG_WALL" "$(loadavg)"
  echo "   dump $(du -h "$WORK/raw$run.dump" | cut -f1), testguard's $(du -h "$(head -1 "$WORK/out.txt")" | cut -f1)"
  RAW=$(min "$RAW" "$raw"); WORKBEST=$(min "$WORKBEST" "$TG_WORK"); WALLBEST=$(min "$WALLBEST" "$TG_WALL")
  if [ -n "$BASE_CP" ]; then
    echo "round $run: the base build ($BASE):"
    TG_CP="$BASE_CP" run_tg "$WORK/out.txt" backup "$DB" "$WORK/base$run" 1
    printf 'round %d: base build own work %.2f s (ratio %s); load %s\n' "$run" "$TG_WORK" "$(ratio "$TG_WORK" "$raw")" "$(loadavg)"
    BASEBEST=$(min "$BASEBEST" "$TG_WORK")
  fi
  rm -rf "$WORK/store$run" "$WORK/base$run" "$WORK/raw$run.dump"
done
printf '\nbest of %d: raw pg_dump -Fc %.2f s; testguard backup own work %.2f s -> ratio %s (goal <= 1.05); with JVM start %.2f s -> %s\n' \
  "$ROUNDS" "$RAW" "$WORKBEST" "$(ratio "$WORKBEST" "$RAW")" "$WALLBEST" "$(ratio "$WALLBEST" "$RAW")"
[ -z "$BASE_CP" ] || printf 'best of %d, base build: own work %.2f s -> ratio %s\n' "$ROUNDS" "$BASEBEST" "$(ratio "$BASEBEST" "$RAW")"
echo "load average after: $(loadavg)"
