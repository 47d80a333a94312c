#!/usr/bin/env python3
"""Compare two `frist deadline --batch` style outputs line by line, ignoring JSON spacing/key order.

Usage: compare_outputs.py A.jsonl B.jsonl
Every line must parse and be equal as a JSON value (id and the full obligation list, including
order).  Prints the first few differences; exit status 0 only if all lines are equal.
"""
import json
import sys
from itertools import zip_longest


def main() -> int:
    a_path, b_path = sys.argv[1], sys.argv[2]
    diffs = 0
    lines = 0
    with open(a_path) as a, open(b_path) as b:
        for n, (la, lb) in enumerate(zip_longest(a, b), 1):
            lines = n
            if la is None or lb is None:
                print(f"line {n}: only in {a_path if lb is None else b_path}")
                diffs += 1
                break
            if la == lb:
                continue
            if json.loads(la) != json.loads(lb):
                diffs += 1
                if diffs <= 5:
                    print(f"line {n} differs:\n  {a_path}: {la.rstrip()}\n  {b_path}: {lb.rstrip()}")
    if diffs:
        print(f"DIFFER: {diffs} of {lines} lines differ")
        return 1
    print(f"EQUAL: all {lines} lines equal as JSON")
    return 0


if __name__ == "__main__":
    sys.exit(main())
