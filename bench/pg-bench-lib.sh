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

# The plugin's runtime dependencies only, as Maven's plugin realm holds them (the bench driver in test-classes needs no
# test library): the test scope's 90 jars would each be opened when DriverManager first scans for drivers, a start-up
# cost no user's build pays.
classpath_of() {
  (cd "$1" && { [ -n "${BENCH_NO_COMPILE:-}" ] || mvn -B -q -o test-compile >&2; } \
    && mvn -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt -DincludeScope=runtime >/dev/null \
    && echo "$PWD/target/classes:$PWD/target/test-classes:$(cat target/cp.txt)")
}

now() { date +%s.%N; }
# timed VAR CMD...: runs CMD, sets VAR to its wall seconds and VAR_cpu to the CPU seconds (user + system) of CMD and the
# children it waited for (client side: a tool, or the JVM with its tools; the server's backends are not in it)
timed() {
  local var="$1"; shift
  local t0 t1 cpu="$WORK/.cpu.$$"
  t0=$(now)
  if [ -x /usr/bin/time ]; then /usr/bin/time -f '%U %S' -o "$cpu" "$@"; else "$@"; echo "0 0" >"$cpu"; fi
  t1=$(now)
  printf -v "$var" '%s' "$(minus "$t1" "$t0")"
  printf -v "${var}_cpu" '%s' "$(tail -1 "$cpu" | awk '{printf "%.2f", $1 + $2}')"
}
# before each timed step: what earlier steps left dirty is written now, not during the next one (fair to whichever runs later)
settle() { psql -qAtc "CHECKPOINT" >/dev/null; }
minus() { echo "$1 - $2" | bc; }
ratio() { echo "scale=3; $1 / $2" | bc; }
min() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
# best and median of the numbers given (one side's rounds): with other work on the machine, one lucky round is not the
# figure; the median is, and both are printed
best() { printf '%s\n' "$@" | sort -g | head -1; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
# stats LABEL NUMBERS...: "LABEL best B s, median M s"
stats() { local label="$1"; shift; printf '%s best %.2f s, median %.2f s' "$label" "$(best "$@")" "$(median "$@")"; }
# raw_first ROUND: odd rounds time the raw tool first, even rounds testguard first, so neither side always runs into
# what the other left behind (dirty pages, a warm cache, a neighbour's burst)
raw_first() { [ $(($1 % 2)) = 1 ]; }
loadavg() { echo "$(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"; }

# create_pgbench DB SCALE
create_pgbench() {
  createdb "$1"
  pgbench -q -i -s "$2" "$1" >/dev/null 2>&1
  echo "database $1: $(psql -Atc "select pg_size_pretty(pg_database_size('$1'))") (pgbench scale $2)"
}

# run_tg OUT ARGS...: runs PgBench (of TG_CP, default CP), its phase lines shown indented; sets TG_WALL (JVM included),
# TG_WALL_cpu (the JVM's CPU with its tools') and TG_WORK (from main)
run_tg() {
  local out="$1"; shift
  settle
  timed TG_WALL java -cp "${TG_CP:-$CP}" "$BENCH" "$@" >"$out" 2> >(grep -v ' written, \| tables, [0-9]*s$' >&2)
  TG_WORK=$(sed -n 's/^work-seconds: //p' "$out")
}
