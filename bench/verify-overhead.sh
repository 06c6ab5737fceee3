#!/usr/bin/env bash
# How much does testguard:verify add to a build? Times `mvn verify` on examples/quickstart with and
# without the plugin, alternating the two so machine load hits both alike, and prints medians and the ratio.
# Goal: ratio below 1.05.
#
# Usage: bench/verify-overhead.sh [runs]   (default 7; installs the plugin into ~/.m2 first)
set -euo pipefail
runs=${1:-7}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "installing the plugin (mvn install -DskipTests -Dinvoker.skip)"
(cd "$here" && mvn -B -q install -DskipTests -Dinvoker.skip)

cp -r "$here/examples/quickstart" "$work/with"
cp -r "$here/examples/quickstart" "$work/without"
python3 - "$work/without/pom.xml" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
s = re.sub(r"\s*<!-- the five lines.*?</plugin>", "", s, flags=re.S)
assert "testguard-maven-plugin" not in s
open(p, "w").write(s)
PY

time_build() {  # prints milliseconds of one `mvn verify` in $1 ($2: extra mvn flags)
  local start end
  start=$(date +%s%N)
  (cd "$1" && mvn -B -q ${2:--o} verify >/dev/null 2>&1) || { echo "build failed in $1" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

echo "warming up (dependencies, JIT caches)"
time_build "$work/with" -U >/dev/null; time_build "$work/without" -U >/dev/null

: > "$work/with.ms"; : > "$work/without.ms"
for i in $(seq 1 "$runs"); do
  time_build "$work/without" >> "$work/without.ms"
  time_build "$work/with" >> "$work/with.ms"
  printf 'run %d: without %s ms, with %s ms\n' "$i" "$(tail -1 "$work/without.ms")" "$(tail -1 "$work/with.ms")"
done
without=$(median < "$work/without.ms")
with=$(median < "$work/with.ms")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median mvn verify without testguard: ${without} ms"
echo "median mvn verify with testguard:    ${with} ms"
awk -v a="$with" -v b="$without" 'BEGIN { printf "ratio with/without: %.3f (goal < 1.05), added %d ms\n", a / b, a - b }'
