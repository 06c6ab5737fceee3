#!/usr/bin/env bash
# Benchmark (issue 10): testguard:restore against raw `createdb` + `pg_restore -j 2` of the same custom-format dump into
# a new database (the same steps by hand: testguard creates the database it restores into too), in one run,
# interleaved per round (odd rounds raw first, even rounds testguard first) so all see the same load; the best and the
# median of each side are compared (on a shared machine the median is the figure, the best the floor):
#   into a new database:       goal <= 1.05 x raw (SHA-256 check, pg_restore -j 2, exact row counts)
#   over the existing database: goal <= 1.10 x raw (SHA-256, restore into a new database with every table counted and
#                               checksummed as pg_restore reports it loaded, guard, swap that keeps the old database
#                               whole as <db>_tgsafe_<token>)
# testguard's work is timed in its own JVM from main to done (the classes of this work tree, no Maven start-up); the
# wall time with JVM start-up is printed too, the CPU seconds of each side's client processes (pg_restore; the JVM with
# its pg_restore), and its closing progress lines give the per-phase timings.
# The documented run is the 1 GB database: bench/restore.sh 70. Usage: bench/restore.sh [pgbench scale, default 70] [rounds, default 3]
# Before/after: BASE=<another checkout> (e.g. `git archive main | tar -x -C /tmp/base`) also restores with its build in
# each round, after this one's in odd rounds and before it in even ones, and prints both; each build restores a backup it
# took itself. The base's ratios are against the median raw time, as this build's are.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/pg-bench-lib.sh
SCALE="${1:-70}"; ROUNDS="${2:-3}"
DB="tg_restorebench_$$_$RANDOM"
WORK="$(mktemp -d)"
cleanup() {
  # only this run's databases: the bench database, its raw/new copies and the safety copies its restores left
  for d in $(psql -Atc "SELECT datname FROM pg_database WHERE datname = '$DB' OR datname LIKE '${DB}\\_%'"); do
    dropdb --if-exists --force "$d"
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
drop_safety_copies() {
  for d in $(psql -Atc "SELECT datname FROM pg_database WHERE datname LIKE '${DB}\\_tgsafe\\_%'"); do dropdb --force "$d"; done
}

raw_restore() {
  settle
  timed created createdb -T template0 "${DB}_raw$run"
  timed restored pg_restore --no-owner -j 2 -d "${DB}_raw$run" "$PAYLOAD"
  raw=$(echo "$created + $restored" | bc); raw_cpu=$(printf %.2f "$(echo "$created_cpu + $restored_cpu" | bc)")
  dropdb --force "${DB}_raw$run"
  printf 'round %d: raw createdb %.2f s + pg_restore -j 2 %.2f s = %.2f s (CPU %s s)\n' "$run" "$created" "$restored" "$raw" "$raw_cpu"
}

tg_restore_new() {
  echo "round $run: testguard restore into a new database:"
  run_tg "$WORK/out.txt" restore-new "$DB" "$WORK/store" 2 "${DB}_new$run"
  new=$TG_WORK; newwall=$TG_WALL; newcpu=$TG_WALL_cpu
  dropdb --force "${DB}_new$run"
}

tg_restore_over() {
  echo "round $run: testguard restore over the existing database:"
  run_tg "$WORK/out.txt" restore "$DB" "$WORK/store" 2
  over=$TG_WORK; overwall=$TG_WALL; overcpu=$TG_WALL_cpu
  drop_safety_copies
}

build_classpath
echo "load average before: $(loadavg)"
create_pgbench "$DB" "$SCALE"
run_tg "$WORK/out.txt" backup "$DB" "$WORK/store" 1
PAYLOAD=$(head -1 "$WORK/out.txt")
# the base build restores a backup of its own: its manifest format may be older than this build's
[ -z "$BASE_CP" ] || TG_CP="$BASE_CP" run_tg "$WORK/out.txt" backup "$DB" "$WORK/basestore" 1
echo "dump: $(du -h "$PAYLOAD" | cut -f1), custom format"

RAWS=(); PGR=(); NEWS=(); OVERS=(); RAWCPU=(); NEWCPU=(); OVERCPU=(); BASENEWS=(); BASEOVERS=()
base_restores() {
  echo "round $run: the base build ($BASE) into a new database, then over the existing one:"
  TG_CP="$BASE_CP" run_tg "$WORK/out.txt" restore-new "$DB" "$WORK/basestore" 2 "${DB}_base$run"
  basenew=$TG_WORK
  dropdb --force "${DB}_base$run"
  TG_CP="$BASE_CP" run_tg "$WORK/out.txt" restore "$DB" "$WORK/basestore" 2
  drop_safety_copies
  printf 'round %d: base build into new %.2f s, over existing %.2f s; load %s\n' "$run" "$basenew" "$TG_WORK" "$(loadavg)"
  BASENEWS+=("$basenew"); BASEOVERS+=("$TG_WORK")
}

for run in $(seq 1 "$ROUNDS"); do
  # with BASE, the base build goes first in even rounds and last in odd ones, so neither build always runs into what
  # the other left behind
  if [ -n "$BASE_CP" ] && ! raw_first "$run"; then base_restores; fi
  if raw_first "$run"; then raw_restore; tg_restore_new; tg_restore_over
  else tg_restore_over; tg_restore_new; raw_restore; fi
  if [ -n "$BASE_CP" ] && raw_first "$run"; then base_restores; fi
  printf 'round %d: raw %.2f s | into new: own work %.2f s (ratio %s), with JVM %.2f s | over existing: own work %.2f s (ratio %s), with JVM %.2f s | CPU raw %s s, new %s s, over %s s | load %s\n' \
    "$run" "$raw" "$new" "$(ratio "$new" "$raw")" "$newwall" "$over" "$(ratio "$over" "$raw")" "$overwall" \
    "$raw_cpu" "$newcpu" "$overcpu" "$(loadavg)"
  RAWS+=("$raw"); PGR+=("$restored"); NEWS+=("$new"); OVERS+=("$over"); RAWCPU+=("$raw_cpu"); NEWCPU+=("$newcpu"); OVERCPU+=("$overcpu")
done
echo
echo "$ROUNDS rounds, pgbench scale $SCALE:"
echo "  $(stats 'raw createdb + pg_restore -j 2:' "${RAWS[@]}") (pg_restore alone: median $(printf '%.2f' "$(median "${PGR[@]}")") s)"
echo "  $(stats 'testguard into a new database: ' "${NEWS[@]}")"
echo "  $(stats 'testguard over the existing one:' "${OVERS[@]}")"
printf '  ratio into new / raw: best %s, median %s (goal <= 1.05; median vs pg_restore alone %s)\n' \
  "$(ratio "$(best "${NEWS[@]}")" "$(best "${RAWS[@]}")")" "$(ratio "$(median "${NEWS[@]}")" "$(median "${RAWS[@]}")")" \
  "$(ratio "$(median "${NEWS[@]}")" "$(median "${PGR[@]}")")"
printf '  ratio over existing / raw: best %s, median %s (goal <= 1.10; median vs pg_restore alone %s)\n' \
  "$(ratio "$(best "${OVERS[@]}")" "$(best "${RAWS[@]}")")" "$(ratio "$(median "${OVERS[@]}")" "$(median "${RAWS[@]}")")" \
  "$(ratio "$(median "${OVERS[@]}")" "$(median "${PGR[@]}")")"
printf '  client CPU, median: raw %s s, testguard into new %s s, over existing %s s (JVM and its pg_restore)\n' \
  "$(median "${RAWCPU[@]}")" "$(median "${NEWCPU[@]}")" "$(median "${OVERCPU[@]}")"
if [ -n "$BASE_CP" ]; then
  echo "  base build, median ratio: into new $(ratio "$(median "${BASENEWS[@]}")" "$(median "${RAWS[@]}")"), over existing $(ratio "$(median "${BASEOVERS[@]}")" "$(median "${RAWS[@]}")")"
fi
echo "load average after: $(loadavg)"
