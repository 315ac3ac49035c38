#!/usr/bin/env bash
#
# Copyright 2026 the imh-measures authors
# SPDX-License-Identifier: Apache-2.0
#

# measures-spark on Spark local[2] against the CLI on the same wide PHQ-9 CSV (issue 14 §1), one run each.
#
#   cli     imh-measures score (threads chosen automatically), -Xmx256m at 10M rows and more
#   spark   examples-spark's ScoreOnSpark, CSV in -> Parquet scores and rejects out, on Spark 4.2.0 local[2]:
#           one JVM started as spark-submit starts a local-mode driver (the application jar, then Spark's jars
#           as Maven resolves them, the JDK 17 --add-opens options), driver memory 2g
# then checks that Spark's outputs hold exactly the CLI's scores and rejects (CompareWithCli, not timed), and
# prints wall time, CPU time (user + system) and peak RSS of each, and the ratios. Both figures include JVM
# start-up; Spark's also its session start-up (about 5-10 s here).
#
# Run from the repository root after ./mvnw -B -ntp package -DskipTests:
#   bash benchmarks/run-spark-comparison.sh [--rows 10000000] [--work DIR]
# Not a test: figures depend on the machine and its load; README gives the machine and JDK.
set -euo pipefail

ROWS=10000000
WORK="benchmarks/target/spark-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    *) echo "usage: $0 [--rows N] [--work DIR]" >&2; exit 2 ;;
  esac
done

CLI=measures-cli/target/imh-measures-cli.jar
BENCH=benchmarks/target/benchmarks.jar
APP=examples-spark/target/imh-measures-spark-example.jar
for jar in "$CLI" "$BENCH" "$APP"; do
  [ -f "$jar" ] || { echo "$jar missing: run ./mvnw -B -ntp package -DskipTests first" >&2; exit 1; }
done
mkdir -p "$WORK"
# Spark's own jars, as a cluster's $SPARK_HOME/jars gives them: what spark-sql 4.2.0 resolves to (a throwaway
# POM, so that Maven resolves Spark alone, with Spark's own versions)
if ! grep -q spark-sql_2.13 "$WORK/spark.classpath" 2>/dev/null; then
  cat > "$WORK/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.bench</groupId>
  <artifactId>spark-classpath</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>org.apache.spark</groupId>
      <artifactId>spark-sql_2.13</artifactId>
      <version>4.2.0</version>
    </dependency>
  </dependencies>
</project>
POM
  ./mvnw -B -ntp -q -f "$WORK/pom.xml" dependency:build-classpath -Dmdep.outputFile="$PWD/$WORK/spark.classpath"
fi
SPARK_CP="$APP:$(cat "$WORK/spark.classpath")"
SPARK_OPTS=(-XX:+IgnoreUnrecognizedVMOptions -Xmx2g
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true
  -Dspark.master=local[2] -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1)

# wall seconds, peak RSS (MiB) and CPU seconds of one command, into $WORK/<name>.time
timed() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.tmp" "$@" > "$WORK/$name.stdout" 2> "$WORK/$name.stderr" || {
    echo "$name failed:" >&2; tail -5 "$WORK/$name.stderr" >&2; exit 1; }
  awk '{ printf "%s %.0f %.2f\n", $1, $2 / 1024, $3 + $4 }' "$WORK/time.tmp" > "$WORK/$name.time"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); Spark 4.2.0 local[2]; one run each"

in="$WORK/phq9-$ROWS.csv"
[ -f "$in" ] || java -cp "$BENCH" org.imhmeasures.benchmarks.GenerateCsv PHQ-9 "$ROWS" "$in" > /dev/null
heap=()
if [ "$ROWS" -ge 10000000 ]; then heap=(-Xmx256m); fi
rm -rf "$WORK/spark-out" "$WORK/cli.csv" "$WORK/cli-rejects.csv"
timed cli java "${heap[@]}" -jar "$CLI" score --instrument PHQ-9 --input "$in" --output "$WORK/cli.csv" \
  --rejects "$WORK/cli-rejects.csv" --raw-csv --quiet
timed spark java "${SPARK_OPTS[@]}" -cp "$SPARK_CP" org.imhmeasures.examples.spark.ScoreOnSpark PHQ-9 codes "$in" \
  "$WORK/spark-out"
java "${SPARK_OPTS[@]}" -cp "$SPARK_CP" org.imhmeasures.examples.spark.CompareWithCli "$WORK/cli.csv" \
  "$WORK/cli-rejects.csv" "$WORK/spark-out" 2> "$WORK/compare.stderr" | tee "$WORK/compare.stdout"

printf '\n%s rows           wall s   CPU s   peak RSS MiB\n' "$ROWS"
for name in cli spark; do
  read -r wall rss cpu < "$WORK/$name.time"
  printf '%-22s %8s %7s %14s\n' "$name" "$wall" "$cpu" "$rss"
done
read -r cw cr cc < "$WORK/cli.time"
read -r sw sr sc < "$WORK/spark.time"
awk -v cw="$cw" -v sw="$sw" -v cc="$cc" -v sc="$sc" -v cr="$cr" -v sr="$sr" 'BEGIN {
  printf "spark / cli: wall %.2fx, CPU %.2fx, peak RSS %.2fx\n", sw / cw, sc / cc, sr / cr }'
