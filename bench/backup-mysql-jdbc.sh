#!/usr/bin/env bash
# Times the built-in JDBC MySQL dump (jdbc-mysql) against mariadb-dump on a 1M-row table of the local
# MariaDB (root, no password), and shows the JVM's peak RSS under a small heap: streaming keeps it flat.
# Usage: bench/backup-mysql-jdbc.sh [rows] [heap]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
HEAP=${2:-64m}
DB="tg_bench_test_$$"
OUT=$(mktemp -d)
trap 'mariadb -uroot -e "DROP DATABASE IF EXISTS \`$DB\`"; rm -rf "$OUT"' EXIT

mvn -B -q -o test-compile
mvn -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat target/cp.txt)"

echo "creating $DB with $ROWS rows..."
mariadb -uroot -e "CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4"
mariadb -uroot "$DB" -e "
CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, customer INT NOT NULL, label VARCHAR(64),
  note TEXT, amount DECIMAL(12,2), created DATETIME(3), flags BINARY(8), KEY idx_customer (customer)) ENGINE=InnoDB;
INSERT INTO orders (customer, label, note, amount, created, flags)
SELECT seq % 9973, CONCAT('order ', seq, ' \'quoted\' é 漢'), IF(seq % 7 = 0, NULL, REPEAT('n', seq % 80)),
       seq / 100, TIMESTAMP('2024-01-01') + INTERVAL seq SECOND, UNHEX(LPAD(HEX(seq), 16, '0'))
FROM seq_1_to_$ROWS;
ANALYZE TABLE orders;" >/dev/null
mariadb -uroot -N -e "SELECT CONCAT('table size: ', ROUND((DATA_LENGTH+INDEX_LENGTH)/1048576), ' MB') FROM information_schema.TABLES WHERE TABLE_SCHEMA='$DB'"

measure() { # command...  -> prints "<seconds> <peak RSS kB>"
  local start end pid hwm=0 h
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$OUT/time.txt" "$@" >"$OUT/stdout.txt" 2>"$OUT/stderr.txt"
    end=$(date +%s.%N)
    hwm=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt")
  else
    "$@" >"$OUT/stdout.txt" 2>"$OUT/stderr.txt" & pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      h=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${h:-0}" -gt "$hwm" ] && hwm=$h
      sleep 0.2
    done
    wait "$pid"; end=$(date +%s.%N)
  fi
  echo "$(echo "$end - $start" | bc) $hwm"
}

# best of $RUNS for time (the machine is shared), highest peak RSS
best() { # name command... -> sets T_<name> and RSS_<name>
  local name=$1 t rss bt="" brss=0 i; shift
  for i in $(seq "$RUNS"); do
    rm -f "$OUT"/payload.*
    read -r t rss < <(measure "$@")
    [ "$name" = JDBC ] && cat "$OUT/stdout.txt" >> "$OUT/engine.txt"
    if [ -z "$bt" ] || [ "$(echo "$t < $bt" | bc)" = 1 ]; then bt=$t; fi
    [ "$rss" -gt "$brss" ] && brss=$rss
  done
  printf -v "T_$name" '%s' "$bt"; printf -v "RSS_$name" '%s' "$brss"
}
RUNS=${RUNS:-3}
best DUMP mariadb-dump -uroot --single-transaction --routines --triggers --events \
  --hex-blob --default-character-set=utf8mb4 --result-file="$OUT/payload.tool.sql" "$DB"
cp "$OUT/payload.tool.sql" "$OUT/tool.sql"
# speed as inside Maven (default heap), then memory with a heap far smaller than the data
best JDBC java -cp "$CP" dev.testguard.backup.mysql.JdbcDumpBench "$DB" "$OUT/payload.jdbc.sql"
cp "$OUT/payload.jdbc.sql" "$OUT/jdbc.sql"
best SMALL java -Xmx"$HEAP" -cp "$CP" dev.testguard.backup.mysql.JdbcDumpBench "$DB" "$OUT/payload.jdbc.sql"
best GZ java -Xmx"$HEAP" -cp "$CP" dev.testguard.backup.mysql.JdbcDumpBench "$DB" "$OUT/payload.jdbc.sql.gz"
cp "$OUT/payload.jdbc.sql.gz" "$OUT/jdbc.sql.gz"

size_mb() { echo $(( $(stat -c %s "$1") / 1048576 )); }
printf '%-30s %8s s  %5s MB payload  peak RSS %5s MB\n' \
  "mariadb-dump" "$T_DUMP" "$(size_mb "$OUT/tool.sql")" "$(( RSS_DUMP / 1024 ))" \
  "jdbc-mysql (default heap)" "$T_JDBC" "$(size_mb "$OUT/jdbc.sql")" "$(( RSS_JDBC / 1024 ))" \
  "jdbc-mysql (-Xmx$HEAP)" "$T_SMALL" "$(size_mb "$OUT/jdbc.sql")" "$(( RSS_SMALL / 1024 ))" \
  "jdbc-mysql .gz (-Xmx$HEAP)" "$T_GZ" "$(size_mb "$OUT/jdbc.sql.gz")" "$(( RSS_GZ / 1024 ))"
ENGINE_S=$(grep -o 'millis=[0-9]*' "$OUT/engine.txt" | cut -d= -f2 | sort -n | head -1 | awk '{print $1/1000}')
echo "(best of $RUNS runs each)"
echo "ratio jdbc-mysql / mariadb-dump, wall time incl. JVM start-up: $(echo "scale=2; $T_JDBC / $T_DUMP" | bc)  (goal <= 1.5)"
echo "ratio jdbc-mysql / mariadb-dump, engine time ($ENGINE_S s, as inside a running Maven): $(echo "scale=2; $ENGINE_S / $T_DUMP" | bc)"
