#!/usr/bin/env python3
#
# Copyright 2026 the imh-measures authors
# SPDX-License-Identifier: Apache-2.0
#

"""P2 and P3: CSV end to end, measured side by side in one run.

P2 (default 1,000,000 PHQ-9 rows): imh-measures `score` vs Jackson CSV read-and-write alone vs pandas.
P3 (--p3, default 10,000,000 rows): imh-measures `score` with -Xmx256m, reporting time and peak RSS.

Each command runs once to warm the file cache, then --runs times; the table gives the median wall time
and the median peak resident set size (from /usr/bin/time). Run from the repository root after
`./mvnw -B -ntp package -DskipTests`:

    python3 benchmarks/scripts/bench_csv.py [--rows N] [--runs K] [--p3] [--p3-rows N] [--work DIR]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

CLI = "measures-cli/target/imh-measures-cli.jar"
BENCH = "benchmarks/target/benchmarks.jar"


def timed(cmd):
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    rss_kib = int(proc.stderr.strip().splitlines()[-1])
    return elapsed, rss_kib / 1024.0


def measure(name, cmd, runs):
    timed(cmd)  # warm-up: file cache, JIT-independent
    samples = [timed(cmd) for _ in range(runs)]
    seconds = statistics.median(s[0] for s in samples)
    rss = statistics.median(s[1] for s in samples)
    return name, seconds, rss, [round(s[0], 2) for s in samples]


def generate(rows, path):
    if not os.path.exists(path):
        subprocess.run(["java", "-cp", BENCH, "org.imhmeasures.benchmarks.GenerateCsv", "PHQ-9", str(rows), path],
                       check=True)


def table(title, rows, base=None):
    print(f"\n{title}")
    print("| command | median s | vs library | median peak RSS MiB | runs (s) |")
    print("|---|---|---|---|---|")
    lib = rows[0][1]
    for name, seconds, rss, samples in rows:
        print(f"| {name} | {seconds:.2f} | {seconds / lib:.2f}x | {rss:.0f} | {samples} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--p3", action="store_true")
    ap.add_argument("--p3-rows", type=int, default=10_000_000)
    ap.add_argument("--work", default="benchmarks/target/csv-bench")
    args = ap.parse_args()
    for jar in (CLI, BENCH):
        if not os.path.exists(jar):
            sys.exit(f"{jar} missing: run ./mvnw -B -ntp package -DskipTests first")
    os.makedirs(args.work, exist_ok=True)
    w = args.work
    src = os.path.join(w, f"phq9-{args.rows}.csv")
    generate(args.rows, src)
    print(f"P2: {args.rows:,} PHQ-9 rows ({os.path.getsize(src) / 1e6:.0f} MB), {args.runs} runs each, "
          f"java {subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.splitlines()[0]}")
    rows = [measure("imh-measures score (read, score, write)",
                    ["java", "-jar", CLI, "score", "--instrument", "PHQ-9", "--input", src,
                     "--output", os.path.join(w, "lib-out.csv"), "--rejects", os.path.join(w, "lib-rej.csv")],
                    args.runs),
            measure("Jackson CSV read + write alone",
                    ["java", "-cp", BENCH, "org.imhmeasures.benchmarks.JacksonCopyBaseline", src,
                     os.path.join(w, "copy-out.csv")], args.runs)]
    pandas_ok = subprocess.run(["/usr/bin/python3", "-c", "import pandas"], capture_output=True).returncode == 0
    if pandas_ok:
        rows.append(measure("pandas (same work)", ["/usr/bin/python3", "benchmarks/scripts/score_pandas.py", src,
                                                     os.path.join(w, "pd-out.csv"), os.path.join(w, "pd-rej.csv")],
                            args.runs))
    else:
        print("pandas not installed (apt-get install python3-pandas): skipped")
    table("P2 results", rows)
    if args.p3:
        big = os.path.join(w, f"phq9-{args.p3_rows}.csv")
        generate(args.p3_rows, big)
        print(f"\nP3: {args.p3_rows:,} rows ({os.path.getsize(big) / 1e6:.0f} MB) with -Xmx256m")
        p3 = [measure("imh-measures score -Xmx256m",
                      ["java", "-Xmx256m", "-jar", CLI, "score", "--instrument", "PHQ-9", "--input", big,
                       "--output", os.path.join(w, "big-out.csv"), "--rejects", os.path.join(w, "big-rej.csv")],
                      max(1, args.runs // 2))]
        table("P3 results", p3)
        out_rows = sum(1 for _ in open(os.path.join(w, "big-out.csv"))) - 1
        rej_rows = sum(1 for _ in open(os.path.join(w, "big-rej.csv"))) - 1
        print(f"P3 accounting: scored {out_rows:,} + rejected {rej_rows:,} = {out_rows + rej_rows:,} "
              f"(input {args.p3_rows:,})")


if __name__ == "__main__":
    main()
