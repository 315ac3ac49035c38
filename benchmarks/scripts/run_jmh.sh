#!/usr/bin/env bash
#
# Copyright 2026 the imh-measures authors
# SPDX-License-Identifier: Apache-2.0
#

# P1: in-memory scoring, library vs hand-written loop; P2 warm: 100k CSV rows, library vs Jackson alone.
# Each pair is measured side by side in one JMH run.
# Run from the repository root after ./mvnw -B -ntp package -DskipTests.
set -euo pipefail
java -jar benchmarks/target/benchmarks.jar ScoringBenchmark -rf json -rff benchmarks/target/jmh-p1.json "$@"
java -jar benchmarks/target/benchmarks.jar CsvBenchmark -rf json -rff benchmarks/target/jmh-p2.json "$@"
