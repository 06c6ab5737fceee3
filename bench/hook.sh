#!/usr/bin/env bash
# How long does the pre-commit hook make a commit wait? Copies examples/quickstart into a fresh git repository,
# installs the hook with testguard:install-hook, stages a change and runs the hook N times (exactly what
# `git commit` runs), printing each time, the median, its ratio to the goal and the CPU time it used (user+sys,
# which the other processes on a busy machine inflate much less than the wall-clock time), with the load average.
# Goal: median below 1500 ms.
#
# Usage: bench/hook.sh [runs]   (default 7)
# Needs the plugin in target/local-repo (any targeted IT run puts it there, e.g.
#   mvn -B -o verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.test=install-hook).
# Nothing is installed into ~/.m2: the copy resolves from target/local-repo, backed by ~/.m2 like the ITs.
set -euo pipefail
runs=${1:-7}
here=$(cd "$(dirname "$0")/.." && pwd)
repo="$here/target/local-repo"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$here/pom.xml" | head -1)
plugin="dev.testguard:testguard-maven-plugin:$version"
[ -d "$repo/dev/testguard/testguard-maven-plugin/$version" ] || { echo "no $plugin in $repo: run a targeted IT first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -r "$here/examples/quickstart" "$work/quickstart"
cd "$work/quickstart"
rm -f verify.groovy
mkdir -p .mvn
m2="file://${HOME}/.m2/repository"
cat > .mvn/settings.xml <<XML
<settings><profiles><profile><id>it-repo</id><activation><activeByDefault>true</activeByDefault></activation>
<repositories><repository><id>local.central</id><url>$m2</url></repository></repositories>
<pluginRepositories><pluginRepository><id>local.central</id><url>$m2</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>
XML
printf -- '-Dmaven.repo.local=%s\n-s\n%s\n' "$repo" "$work/quickstart/.mvn/settings.xml" > .mvn/maven.config
git init -q && git add -A && git -c user.email=b@testguard.dev -c user.name=bench commit -q -m first

echo "warming up (resolves what the offline hook needs, as a developer's earlier build would)"
mvn -B -q "$plugin:verify" -Dtestguard.offline=true >/dev/null
mvn -B -q "$plugin:install-hook" >/dev/null
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
goal=1500
time_one() {  # $1: file prefix, rest: command; runs it once, appends its wall and CPU (user+sys) milliseconds
  local out=$1; shift
  start=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$work/cpu.one" "$@" >/dev/null 2>&1 || { echo "$* failed" >&2; "$@"; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 )) >> "$out.wall"
  awk '{printf "%d\n", ($1 + $2) * 1000}' "$work/cpu.one" >> "$out.cpu"
}
summary() {  # $1: label, $2: file prefix; prints each wall time, the median, the ratio to the goal, the CPU, the load
  local wall; wall=$(median < "$2.wall")
  echo "$1: runs $(tr '\n' ' ' < "$2.wall")ms, median $wall ms ($(awk -v m="$wall" -v g=$goal 'BEGIN {printf "%.2f", m / g}')x the goal)," \
    "CPU median $(median < "$2.cpu") ms, load $(cut -d' ' -f1 /proc/loadavg)"
}
time_runs() {  # $1: label, $2: runs, rest: command
  local label=$1 n=$2; shift 2
  : > "$work/r.wall"; : > "$work/r.cpu"
  for i in $(seq 1 "$n"); do time_one "$work/r" "$@"; done
  summary "$label" "$work/r"
}
# runs two commands alternately, $3 times each, so that both see the same load
time_pair() {  # $1, $2: labels, $3: runs, $4, $5: commands (one word each)
  : > "$work/a.wall"; : > "$work/a.cpu"; : > "$work/b.wall"; : > "$work/b.cpu"
  for i in $(seq 1 "$3"); do time_one "$work/a" "$4"; time_one "$work/b" "$5"; done
  summary "$1" "$work/a"
  summary "$2" "$work/b"
}

# a staged change to a file the check reads: the hook exports the index and runs the goal
echo "# a staged change" >> src/test/resources/application.properties
git add src/test/resources/application.properties
# the first check after install-hook also writes the JVM class-data archive (.git/testguard-cache) the next ones use
time_runs "hook, first check (writes the class-data archive)" 1 .git/hooks/pre-commit
time_runs "hook, configuration staged (full check)" "$runs" .git/hooks/pre-commit
# side by side: the same hook with the JVM options of the hook before this version (archive relocated at each start,
# hsperfdata file written), alternating with the installed one
sed -e 's/ -XX:-UsePerfData//' -e 's/ -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0//' \
  .git/hooks/pre-commit > .git/hooks/pre-commit-before
chmod +x .git/hooks/pre-commit-before
time_pair "hook, full check, the earlier JVM options" "hook, full check, as installed" "$runs" \
  .git/hooks/pre-commit-before .git/hooks/pre-commit
# for scale: Maven starting and doing nothing on the same project, with the hook's JVM options but no archive
time_runs "bare 'mvn -o -q validate' (Maven start-up, no archive)" "$runs" env MAVEN_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" mvn -o -q -B validate
# for scale: what the hook ran before the archive and checkOnly (the same goal, arming the runtime guard, no archive)
time_runs "the goal as the hook ran it before (no archive, arms)" "$runs" env MAVEN_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" mvn -o -q -B -Dtestguard.offline=true "$plugin:verify"
git -c user.email=b@testguard.dev -c user.name=bench commit -q --no-verify -m config
# only a Java source staged: nothing the check reads changed
echo "// a staged change" >> src/main/java/com/example/notes/Notes.java
git add src/main/java/com/example/notes/Notes.java
time_runs "hook, only main Java sources staged (fast path)" "$runs" .git/hooks/pre-commit
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "goal: hook below $goal ms (full check, median)"
