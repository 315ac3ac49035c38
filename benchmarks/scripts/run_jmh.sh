#!/usr/bin/env bash
# P1: in-memory scoring, library vs hand-written loop, in one JMH run.
# Run from the repository root after ./mvnw -B -ntp package -DskipTests.
set -euo pipefail
java -jar benchmarks/target/benchmarks.jar ScoringBenchmark -rf json -rff benchmarks/target/jmh-p1.json "$@"
