#!/usr/bin/env bash
#
# Copyright 2026 the imh-measures authors
# SPDX-License-Identifier: Apache-2.0
#

# The CLI on one machine against DuckDB doing the same work, side by side in one run (issue 14 §2).
#
# For each size (default 1,000,000 and 10,000,000 PHQ-9 rows, benchmarks' GenerateCsv, seed 1) it runs,
# interleaved, RUNS times each after one warm-up round:
#   cli        imh-measures score (threads chosen automatically)          -Xmx256m at 10M rows and more
#   cli-1      imh-measures score --threads 1
#   duckdb-2   DuckDB JDBC, SET threads = 2: read_csv -> scoring SQL -> COPY ... TO (scripts/DuckDbScore.java)
#   duckdb-1   the same with SET threads = 1
#   jackson    Jackson CSV read + write alone (JacksonCopyBaseline, the floor), below 10M rows
# checks that DuckDB's scores and rejects files are byte for byte the CLI's, and prints median wall time,
# median CPU time (user + system: steadier than wall time on a shared machine), median peak RSS and the
# ratios. Every figure includes JVM start-up (DuckDB's JDBC harness is a JVM too).
#
# Run from the repository root after ./mvnw -B -ntp package -DskipTests:
#   bash benchmarks/run-duckdb-comparison.sh [--rows 1000000,10000000] [--runs 3] [--work DIR]
# Not a test: figures depend on the machine; README gives the machine, JDK and load they were taken on.
set -euo pipefail

ROWS="1000000,10000000"
RUNS=3
WORK="benchmarks/target/duckdb-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    *) echo "usage: $0 [--rows N[,N...]] [--runs K] [--work DIR]" >&2; exit 2 ;;
  esac
done

CLI=measures-cli/target/imh-measures-cli.jar
BENCH=benchmarks/target/benchmarks.jar
DUCKDB_VERSION=2.0.0.1
for jar in "$CLI" "$BENCH"; do
  [ -f "$jar" ] || { echo "$jar missing: run ./mvnw -B -ntp package -DskipTests first" >&2; exit 1; }
done
mkdir -p "$WORK/classes"
DUCKDB="$WORK/duckdb_jdbc.jar"
if [ ! -f "$DUCKDB" ]; then
  ./mvnw -B -ntp -q dependency:copy -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB_VERSION" \
    -DoutputDirectory="$WORK" -Dmdep.stripVersion=true
fi
javac -d "$WORK/classes" benchmarks/scripts/DuckDbScore.java

# wall seconds, peak RSS (MiB) and CPU seconds of one command, appended to $WORK/<name>.times
timed() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.tmp" "$@" > "$WORK/$name.stdout" 2> "$WORK/$name.stderr" || {
    echo "$name failed:" >&2; tail -5 "$WORK/$name.stderr" >&2; exit 1; }
  awk '{ printf "%s %.0f %.2f\n", $1, $2 / 1024, $3 + $4 }' "$WORK/time.tmp" >> "$WORK/$name.times"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); DuckDB JDBC $DUCKDB_VERSION; $RUNS runs each after a warm-up, interleaved"

IFS=',' read -r -a SIZES <<< "$ROWS"
for rows in "${SIZES[@]}"; do
  in="$WORK/phq9-$rows.csv"
  [ -f "$in" ] || java -cp "$BENCH" org.imhmeasures.benchmarks.GenerateCsv PHQ-9 "$rows" "$in" > /dev/null
  heap=()
  names=(cli cli-1 duckdb-2 duckdb-1 jackson)
  if [ "$rows" -ge 10000000 ]; then heap=(-Xmx256m); names=(cli cli-1 duckdb-2 duckdb-1); fi
  rm -f "$WORK"/*.times
  for round in $(seq 0 "$RUNS"); do
    timed cli java "${heap[@]}" -jar "$CLI" score --instrument PHQ-9 --input "$in" --output "$WORK/cli.csv" \
      --rejects "$WORK/cli-rejects.csv" --quiet
    timed cli-1 java "${heap[@]}" -jar "$CLI" score --instrument PHQ-9 --input "$in" --output "$WORK/cli-1.csv" \
      --rejects "$WORK/cli-1-rejects.csv" --quiet --threads 1
    timed duckdb-2 java -cp "$DUCKDB:$WORK/classes" DuckDbScore "$in" "$WORK/duckdb.csv" "$WORK/duckdb-rejects.csv" 2
    timed duckdb-1 java -cp "$DUCKDB:$WORK/classes" DuckDbScore "$in" "$WORK/duckdb-1.csv" "$WORK/duckdb-1-rejects.csv" 1
    if [ "$rows" -lt 10000000 ]; then
      timed jackson java -cp "$BENCH" org.imhmeasures.benchmarks.JacksonCopyBaseline "$in" "$WORK/jackson.csv"
    fi
    if [ "$round" -eq 0 ]; then
      for peer in cli-1 duckdb duckdb-1; do
        cmp -s "$WORK/cli.csv" "$WORK/$peer.csv" && cmp -s "$WORK/cli-rejects.csv" "$WORK/$peer-rejects.csv" || {
          echo "outputs differ: cli and $peer" >&2; exit 1; }
      done
      rm -f "$WORK"/*.times # the warm-up round is not counted
    fi
  done
  echo
  echo "$rows PHQ-9 rows ($(( $(stat -c %s "$in") / 1000000 )) MB), outputs equal; $(head -1 "$WORK/cli.stdout")"
  echo "| command | median wall s | median CPU s | median peak RSS MiB | wall vs cli | CPU vs cli |"
  echo "|---|---|---|---|---|---|"
  base=$(cut -d' ' -f1 "$WORK/cli.times" | median)
  cpu_base=$(cut -d' ' -f3 "$WORK/cli.times" | median)
  for name in "${names[@]}"; do
    wall=$(cut -d' ' -f1 "$WORK/$name.times" | median)
    rss=$(cut -d' ' -f2 "$WORK/$name.times" | median)
    cpu=$(cut -d' ' -f3 "$WORK/$name.times" | median)
    echo "| $name | $wall | $cpu | $rss | $(awk -v a="$wall" -v b="$base" 'BEGIN { printf "%.2f", a / b }') |" \
      "$(awk -v a="$cpu" -v b="$cpu_base" 'BEGIN { printf "%.2f", a / b }') |"
  done
  d2=$(cut -d' ' -f1 "$WORK/duckdb-2.times" | median)
  echo "cli / duckdb-2 = $(awk -v a="$base" -v b="$d2" 'BEGIN { printf "%.2f", a / b }')"
  if [ "$rows" -lt 10000000 ]; then
    floor=$(cut -d' ' -f1 "$WORK/jackson.times" | median)
    echo "cli / jackson floor = $(awk -v a="$base" -v b="$floor" 'BEGIN { printf "%.2f", a / b }')"
  fi
done
