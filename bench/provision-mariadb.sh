#!/usr/bin/env bash
# Benchmark (issue 10), MariaDB variant of bench/provision.sh: testguard:provision of 4 test databases from a baseline of
# 50 tables / 100k rows with a pool of ready copies (tables moved in one RENAME TABLE); goal: under 300 ms, as the goal
# measures itself. Its anchor: the first build's provision, which finds no spare and copies the baseline 4 times.
# Needs a local MariaDB (root, no password), the mariadb client, and the plugin in the local repository (see
# bench/provision.sh, BENCH_REPO too). Usage: bench/provision.sh mariadb
set -euo pipefail

MYHOST="${MYHOST:-localhost}"; MYPORT="${MYPORT:-3306}"; MYUSER="${MYUSER:-root}"
GOAL_MS=300
RUN="$$$RANDOM"
SRC="tg_bench_provm${RUN}_test"
WORK="$(mktemp -d)"
SQL=(mariadb -h "$MYHOST" -P "$MYPORT" -u "$MYUSER" --protocol=tcp)
# shellcheck source=bench/provision-common.sh
. "$(dirname "$0")/provision-common.sh"
cleanup() {
  (cd "$WORK" && "${MVN[@]}" -q "$P:release" -Dtestguard.dropSpares=true -Dtestguard.baselineDatabase="$SRC" >/dev/null 2>&1) || true
  for s in "" __tgbase; do "${SQL[@]}" -e "DROP DATABASE IF EXISTS \`${SRC}$s\`" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

"${SQL[@]}" -e "CREATE DATABASE \`$SRC\`"
{
  for i in $(seq 1 50); do
    echo "CREATE TABLE t$i (id INT PRIMARY KEY, name VARCHAR(32) NOT NULL);"
    echo "INSERT INTO t$i SELECT seq, MD5(seq) FROM seq_1_to_2000;"
  done
} | "${SQL[@]}" "$SRC"

URL="jdbc:mariadb://${MYHOST}:${MYPORT}/$SRC"
write_pom "jdbc:mariadb://${MYHOST}:${MYPORT}/?user=${MYUSER}"
cd "$WORK"
quiet "${MVN[@]}" -q "$P:stamp" -Dtestguard.url="$URL" -Dtestguard.username="$MYUSER" -Dtestguard.role=test -Dtestguard.confirm="$SRC"
"${MVN[@]}" "$P:reset" -Dtestguard.url="$URL" -Dtestguard.username="$MYUSER" -Dtestguard.baseline=save | grep 'testguard:reset'

two_builds
echo
echo "MariaDB: provision of 4 from a 100k-row baseline (pool of ready copies): ${ms} ms   goal: < ${GOAL_MS} ms   load average: ${load}"
echo "anchor, the first build's provision (copies the baseline x4, no spare yet):  ${first_ms} ms"
verdict
