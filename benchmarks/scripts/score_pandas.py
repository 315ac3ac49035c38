#!/usr/bin/env python3
#
# Copyright 2026 the imh-measures authors
# SPDX-License-Identifier: Apache-2.0
#

"""P2 peer: score a wide PHQ-9 CSV with pandas, doing the same work as `imh-measures score`.

Reads record_id + phq9_1..phq9_9, rejects rows with a missing or out-of-range answer (strict rule),
computes the total, band (Kroenke 2001), caseness (>= 10), critical item (phq9_9 > 0), unanswered critical
item (phq9_9 missing or not a code), and writes the same output and rejects headers as the library.
Usage: score_pandas.py IN.csv OUT.csv REJ.csv
"""
import sys

import numpy as np
import pandas as pd

ITEMS = [f"phq9_{i}" for i in range(1, 10)]
HEADER = ["record_id", "instrument", "definition_version", "raw_total", "total", "band", "caseness",
          "items_missing", "prorated", "critical_items", "critical_unanswered"]
REJECT_HEADER = ["line", "record_id", "reason", "message", "critical_items", "critical_unanswered"]


def main(src, out, rej):
    df = pd.read_csv(src, dtype={"record_id": str}, usecols=["record_id"] + ITEMS)
    answers = df[ITEMS]
    valid = answers.notna().all(axis=1) & answers.isin([0, 1, 2, 3]).all(axis=1)
    ok = df[valid]
    total = ok[ITEMS].sum(axis=1).astype(int)
    band = pd.cut(total, bins=[-1, 4, 9, 14, 19, 27],
                  labels=["minimal", "mild", "moderate", "moderately severe", "severe"])
    result = pd.DataFrame({
        "record_id": ok["record_id"],
        "instrument": "PHQ-9",
        "definition_version": "1.0.0",
        "raw_total": total,
        "total": total,
        "band": band,
        "caseness": np.where(total >= 10, "true", "false"),
        "items_missing": 0,
        "prorated": "false",
        "critical_items": np.where(ok["phq9_9"] > 0, "phq9_9", ""),
        "critical_unanswered": "",  # strict rule: a scored row has every item, item 9 included
    })
    result.to_csv(out, index=False, columns=HEADER)
    bad = df[~valid]
    item9 = pd.to_numeric(bad["phq9_9"], errors="coerce")
    item9_valid = item9.isin([0, 1, 2, 3])
    pd.DataFrame({"line": bad.index + 2, "record_id": bad["record_id"], "reason": "too_many_missing",
                  "message": "missing items must number at most 0",
                  "critical_items": np.where(item9_valid & (item9 > 0), "phq9_9", ""),
                  "critical_unanswered": np.where(item9_valid, "", "phq9_9")}).to_csv(rej, index=False,
                                                                                      columns=REJECT_HEADER)
    print(f"rows read {len(df)} = scored {len(result)} + rejected {len(bad)}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
