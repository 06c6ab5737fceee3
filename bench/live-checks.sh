#!/usr/bin/env bash
# What verify's live checks (stamp, row estimate, server identity) add to a build: a generated project whose
# Surefire run sees three reachable local test databases (2 PostgreSQL, 1 MariaDB), timed with and without
# -Dtestguard.offline=true, then with two more URLs on a local port that accepts no connection (a listening
# socket that never answers), which must cost the connect timeout once, not once per URL.
# Needs: local PostgreSQL (user postgres, trust) and MariaDB (root, no password), python3, and ~/.m2 filled by
# one online build. The plugin is taken from this checkout, installed into a private overlay of ~/.m2 (other builds
# on a shared machine install their own snapshot into ~/.m2); USE_M2=1 takes the snapshot already in ~/.m2.
# Usage: [TIMEOUT_MS=2000] bench/live-checks.sh [runs, default 7]
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-7}"
VERSION="$(sed -n '0,/<artifactId>testguard-maven-plugin<\/artifactId>/d; s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
TIMEOUT_MS="${TIMEOUT_MS:-2000}"
PLUGIN="dev.testguard:testguard-maven-plugin:$VERSION"
PG_A="tg_bench_probe_a_test_$$"; PG_B="tg_bench_probe_b_test_$$"; MY_C="tg_bench_probe_c_test_$$"
WORK="$(mktemp -d)"
SILENT_PID=""

cleanup() {
  [ -n "$SILENT_PID" ] && kill "$SILENT_PID" 2>/dev/null || true
  psql -h localhost -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $PG_A" >/dev/null 2>&1 || true
  psql -h localhost -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $PG_B" >/dev/null 2>&1 || true
  mariadb -uroot -e "DROP DATABASE IF EXISTS $MY_C" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

REPO_ARGS=()
if [ "${USE_M2:-0}" != 1 ]; then
  M2="$HOME/.m2/repository"; REPO="$WORK/repo"
  mkdir -p "$REPO/dev"
  for f in "$M2"/*; do [ "$(basename "$f")" = dev ] || ln -s "$f" "$REPO/"; done
  for f in "$M2"/dev/*; do [ "$(basename "$f")" = testguard ] || ln -s "$f" "$REPO/dev/"; done
  REPO_ARGS=(-Dmaven.repo.local="$REPO")
  echo "installing this checkout's plugin into $REPO ..."
  mvn -B -q -o install -DskipTests -Dinvoker.skip "${REPO_ARGS[@]}"
fi

for db in "$PG_A" "$PG_B"; do
  psql -h localhost -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $db"
  psql -h localhost -U postgres -d "$db" -v ON_ERROR_STOP=1 -qc \
    "CREATE TABLE orders(id int primary key); INSERT INTO orders SELECT generate_series(1, 500); ANALYZE orders"
done
mariadb -uroot -e "CREATE DATABASE $MY_C; USE $MY_C; CREATE TABLE items(id INT PRIMARY KEY);
  INSERT INTO items SELECT seq FROM seq_1_to_500; ANALYZE TABLE items;" >/dev/null

# a port that takes connections into its backlog but never accepts or answers: the driver hangs until the deadline
python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(50)
print(s.getsockname()[1], flush=True)
time.sleep(3600)' > "$WORK/silent.port" &
SILENT_PID=$!
for _ in $(seq 50); do [ -s "$WORK/silent.port" ] && break; sleep 0.1; done
SILENT_PORT="$(cat "$WORK/silent.port")"

project() { # dir extra-system-property-xml
  mkdir -p "$1"
  cat > "$1/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.testguard.bench</groupId>
  <artifactId>live-checks</artifactId>
  <version>1.0</version>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.testguard</groupId>
        <artifactId>testguard-maven-plugin</artifactId>
        <version>$VERSION</version>
      </plugin>
      <plugin>
        <artifactId>maven-surefire-plugin</artifactId>
        <version>3.5.2</version>
        <configuration>
          <systemPropertyVariables>
            <orders.db.url>jdbc:postgresql://localhost:5432/$PG_A?user=postgres</orders.db.url>
            <billing.db.url>jdbc:postgresql://localhost:5432/$PG_B?user=postgres</billing.db.url>
            <catalog.db.url>jdbc:mariadb://localhost:3306/$MY_C?user=root</catalog.db.url>
${2:-}
          </systemPropertyVariables>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
EOF
}
project "$WORK/three"
project "$WORK/silent" "            <legacy.db.url>jdbc:postgresql://127.0.0.1:$SILENT_PORT/legacy_test</legacy.db.url>
            <archive.db.url>jdbc:postgresql://127.0.0.1:$SILENT_PORT/archive_test</archive.db.url>"

run_verify() { # name dir extra-args... -> appends the wall ms to $WORK/<name>.wall and verify's own ms to <name>.self
  local name=$1 dir=$2 start end line; shift 2
  start=$(date +%s%N)
  (cd "$dir" && mvn -B -o "${REPO_ARGS[@]}" "$PLUGIN:verify" -Dtestguard.connectTimeout="$TIMEOUT_MS" "$@" \
      > "$WORK/$name.out" 2>&1) || { cat "$WORK/$name.out"; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 )) >> "$WORK/$name.wall"
  line="$(grep -o 'live checks: [0-9]* databases\? in [0-9]* ms' "$WORK/$name.out" || true)"
  [ -z "$line" ] || { echo "$line" | awk '{print $(NF-1)}' >> "$WORK/$name.self"; echo "$line" > "$WORK/$name.line"; }
}
median() { [ -s "$1" ] && sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}' || echo -; }

# one warm-up each, then the scenarios interleaved so that the load of a shared machine hits them alike
run_verify warmup "$WORK/three"; run_verify warmup "$WORK/silent"
grep -q "live: reachable, unstamped" "$WORK/warmup.out" || { echo "the databases were not reached:"; cat "$WORK/warmup.out"; exit 1; }
grep -q "not retried in this build" "$WORK/warmup.out" || { echo "the silent host was asked twice:"; cat "$WORK/warmup.out"; exit 1; }
for i in $(seq "$RUNS"); do
  run_verify off "$WORK/three" -Dtestguard.offline=true
  run_verify on "$WORK/three"
  run_verify silent "$WORK/silent"
done
OFF_WALL=$(median "$WORK/off.wall")
ON_WALL=$(median "$WORK/on.wall"); ON_SELF=$(median "$WORK/on.self"); ON_LINE=$(cat "$WORK/on.line")
SILENT_WALL=$(median "$WORK/silent.wall"); SILENT_SELF=$(median "$WORK/silent.self"); SILENT_LINE=$(cat "$WORK/silent.line")

echo "mvn -o testguard:verify, median of $RUNS interleaved runs (machine: $(nproc) cores, shared; connect timeout $TIMEOUT_MS ms)"
printf '  %-48s %6s ms\n' "3 databases, offline (-Dtestguard.offline=true)" "$OFF_WALL"
printf '  %-48s %6s ms\n' "3 databases, live" "$ON_WALL"
printf '  %-48s %6s ms\n' "3 databases + 2 URLs on a silent host, live" "$SILENT_WALL"
echo "added by the live checks of 3 databases (goal: under 150 ms)"
printf '  %-48s %+6d ms\n' "whole mvn run, live minus offline" "$((ON_WALL - OFF_WALL))"
printf '  %-48s %6s ms   (e.g. \"%s\")\n' "as verify measures it" "$ON_SELF" "$ON_LINE"
echo "added by a silent host named by 2 URLs (should be about one connect timeout, $TIMEOUT_MS ms)"
printf '  %-48s %+6d ms\n' "whole mvn run" "$((SILENT_WALL - ON_WALL))"
printf '  %-48s %+6d ms   (e.g. \"%s\")\n' "as verify measures it" "$((SILENT_SELF - ON_SELF))" "$SILENT_LINE"
