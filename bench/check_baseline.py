#!/usr/bin/env python3
"""Check deadline_baseline.py against the shared Roskilde examples.

Usage: check_baseline.py [EXAMPLES_DIR]   (default /work/shared/examples/deadlines)

Runs the baseline on roskilde.jsonl and compares, per id, the list of
(requires, due_date, due_at) with roskilde.expected.jsonl (which has no "goal" key).
Then runs a few hand-computed spot checks for things the 150 examples do not exercise
(24 hours across both DST changes, Store bededag before/after 2024, a UTC receipt that is
already a closing day locally, ordering of two obligations).
Exit status 0 only if everything matches.
"""
import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def strip(obligations):
    return [(o["requires"], o["due_date"], o["due_at"]) for o in obligations]


# (case, expected [(requires, due_date, due_at)]), computed by hand from SERVICE_GOALS.md.
SPOT_CHECKS = [
    ({"id": "s1", "channel": "facebook", "to": "general", "kind": "general_question",
      "received_at": "2026-03-28T12:00:00+01:00"},   # DST starts 2026-03-29: 24 h, not 1 day
     [("answer", "2026-03-29", "2026-03-29T13:00:00+02:00")]),
    ({"id": "s2", "channel": "facebook", "to": "general", "kind": "other",
      "received_at": "2026-10-24T12:00:00+02:00"},   # DST ends 2026-10-25
     [("acknowledgment", "2026-10-25", "2026-10-25T11:00:00+01:00")]),
    ({"id": "s3", "channel": "email", "to": "general", "kind": "general_question",
      "received_at": "2026-12-23T15:00:00+01:00"},   # 24/12 closed, 25-26/12, 31/12, 1/1
     [("acknowledgment", "2027-01-12", "2027-01-12T23:59:59+01:00"),
      ("answer", "2026-12-29", "2026-12-29T23:59:59+01:00")]),
    ({"id": "s4", "channel": "email", "to": "employee", "kind": "general_question",
      "received_at": "2026-06-04T22:30:00Z"},        # locally 5 June 00:30 (closed) -> R = 8 June
     [("acknowledgment", "2026-06-22", "2026-06-22T23:59:59+02:00")]),
    ({"id": "s5", "channel": "letter", "to": "general", "kind": "application",
      "received_at": "2023-05-04T10:00:00+02:00"},   # Store bededag 5/5/2023, Kr. himmelfart 18/5
     [("acknowledgment", "2023-05-22", "2023-05-22T23:59:59+02:00")]),
    ({"id": "s6", "channel": "web_form", "to": "general", "kind": "application",
      "received_at": "2024-04-25T10:00:00+02:00"},   # 26/4/2024 is a working day (abolished)
     [("acknowledgment", "2024-05-10", "2024-05-10T23:59:59+02:00")]),
    ({"id": "s7", "channel": "phone", "to": "general", "kind": "other",
      "received_at": "2024-04-25T10:00:00Z"}, []),
]


def spot_checks() -> list:
    cases = "".join(json.dumps(c) + "\n" for c, _ in SPOT_CHECKS)
    run = subprocess.run([sys.executable, str(HERE / "deadline_baseline.py"), "roskilde"],
                         input=cases, capture_output=True, text=True)
    if run.returncode != 0:
        return [f"spot checks: baseline exited {run.returncode}: {run.stderr}"]
    got = [json.loads(l) for l in run.stdout.splitlines() if l.strip()]
    problems = []
    for (case, want), g in zip(SPOT_CHECKS, got):
        if strip(g.get("obligations", [])) != want:
            problems.append(f"spot {case['id']}: got {strip(g.get('obligations', []))} expected {want}")
    if len(got) != len(SPOT_CHECKS):
        problems.append(f"spot checks: {len(got)} output lines for {len(SPOT_CHECKS)} cases")
    return problems


def main() -> int:
    examples = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/examples/deadlines")
    cases = (examples / "roskilde.jsonl").read_text()
    expected = [json.loads(l) for l in (examples / "roskilde.expected.jsonl").read_text().splitlines()
                if l.strip()]
    run = subprocess.run([sys.executable, str(HERE / "deadline_baseline.py"), "roskilde"],
                         input=cases, capture_output=True, text=True)
    if run.returncode != 0:
        print(f"baseline exited {run.returncode}: {run.stderr}", file=sys.stderr)
        return 1
    got = [json.loads(l) for l in run.stdout.splitlines() if l.strip()]
    n_cases = sum(1 for l in cases.splitlines() if l.strip())
    problems = []
    if len(got) != n_cases or len(expected) != n_cases:
        problems.append(f"line counts: cases {n_cases}, expected {len(expected)}, got {len(got)}")
    for i, (g, e) in enumerate(zip(got, expected), 1):
        if g.get("id") != e.get("id"):
            problems.append(f"line {i}: id {g.get('id')!r} != expected {e.get('id')!r}")
        elif strip(g.get("obligations", [])) != strip(e.get("obligations", [])):
            problems.append(f"line {i} ({e['id']}): got {strip(g.get('obligations', []))} "
                            f"expected {strip(e['obligations'])}")
    problems += spot_checks()
    for p in problems[:20]:
        print(p)
    if problems:
        print(f"FAIL: {len(problems)} problem(s)")
        return 1
    print(f"OK: baseline matches all {n_cases} lines of roskilde.expected.jsonl "
          f"and {len(SPOT_CHECKS)} spot checks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
