# Shared by bench/backup-postgres.sh and bench/restore.sh (sourced): the classes of this work tree in a plain JVM
# (dev.testguard.backup.postgres.PgBench), a pgbench database, timing and ratio helpers.
PGHOST=localhost; PGPORT=5432; PGUSER=postgres
export PGHOST PGPORT PGUSER
BENCH="dev.testguard.backup.postgres.PgBench"

# build_classpath: CP of this work tree; with BASE=<another checkout, e.g. `git archive main | tar -x -C dir`> also
# BASE_CP, so that the bench runs both builds side by side in each round (before/after a change, same load)
build_classpath() {
  CP=$(classpath_of .)
  BASE_CP=""
  if [ -n "${BASE:-}" ]; then BASE_CP=$(classpath_of "$BASE"); fi
}

classpath_of() {
  (cd "$1" && { [ -n "${BENCH_NO_COMPILE:-}" ] || mvn -B -q -o test-compile >&2; } \
    && mvn -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null \
    && echo "$PWD/target/classes:$PWD/target/test-classes:$(cat target/cp.txt)")
}

now() { date +%s.%N; }
# before each timed step: what earlier steps left dirty is written now, not during the next one (fair to whichever runs later)
settle() { psql -qAtc "CHECKPOINT" >/dev/null; }
minus() { echo "$1 - $2" | bc; }
ratio() { echo "scale=3; $1 / $2" | bc; }
min() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
loadavg() { echo "$(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"; }

# create_pgbench DB SCALE
create_pgbench() {
  createdb "$1"
  pgbench -q -i -s "$2" "$1" >/dev/null 2>&1
  echo "database $1: $(psql -Atc "select pg_size_pretty(pg_database_size('$1'))") (pgbench scale $2)"
}

# run_tg OUT ARGS...: runs PgBench (of TG_CP, default CP), its phase lines shown indented; sets TG_WALL (JVM included)
# and TG_WORK (from main)
run_tg() {
  local out="$1"; shift
  local t0 t1
  settle
  t0=$(now)
  java -cp "${TG_CP:-$CP}" "$BENCH" "$@" >"$out" 2> >(grep -v ' written, \| tables, [0-9]*s$' >&2)
  t1=$(now)
  TG_WALL=$(minus "$t1" "$t0")
  TG_WORK=$(sed -n 's/^work-seconds: //p' "$out")
}
