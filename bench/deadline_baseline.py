#!/usr/bin/env python3
"""Baseline: the straightforward Python a user would write instead of `frist deadline --batch`.

Usage: deadline_baseline.py POLICY_NAME < cases.jsonl > out.jsonl

Only the `roskilde` policy is implemented (hard-coded, as a user would).  Semantics follow
/work/shared/SERVICE_GOALS.md ("Working-day semantics"):
  * time zone Europe/Copenhagen; working day = Mon-Fri, not a Danish public holiday
    (python `holidays`, DK), not a closing day (5 June, 24 Dec, 31 Dec);
  * N working days: R = local receipt date, rolled forward to a working day; due date = N-th
    working day after R (numpy.busday_offset with roll='forward'); due_at = 23:59:59 local;
  * N hours: due_at = received + N hours in absolute time, shown with the Copenhagen offset.
Output: one line per input, same order, in frist's batch output format.
"""
import json
import sys
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import holidays
import numpy as np

CPH = ZoneInfo("Europe/Copenhagen")
YEARS = range(2000, 2061)
CLOSING_DAYS = [(6, 5), (12, 24), (12, 31)]  # Grundlovsdag, juleaftensdag, nytårsaftensdag

_dk = holidays.country_holidays("DK", years=YEARS)
_non_working = set(_dk.keys()) | {date(y, m, d) for y in YEARS for (m, d) in CLOSING_DAYS}
HOLIDAYS = np.array(sorted(_non_working), dtype="datetime64[D]")
# Precompute numpy's calendar once (passing holidays= on every call rebuilds it each time).
BUSDAYCAL = np.busdaycalendar(weekmask="1111100", holidays=HOLIDAYS)

CHANNELS = {"email", "letter", "digital_post", "web_form", "facebook", "phone", "in_person"}
TO = {"general", "department", "employee"}
KINDS = {"general_question", "application", "complaint", "information", "other"}
REQUIRES_ORDER = {"acknowledgment": 0, "answer": 1, "callback": 2, "triage": 3}


def working_days(received: datetime, n: int):
    local_day = received.astimezone(CPH).date()
    due = np.busday_offset(np.datetime64(local_day, "D"), n, roll="forward",
                           busdaycal=BUSDAYCAL)
    due_date = due.astype(date)
    due_at = datetime.combine(due_date, time(23, 59, 59), tzinfo=CPH)
    return due_date, due_at


def hours(received: datetime, n: int):
    due_at = (received.astimezone(timezone.utc) + timedelta(hours=n)).astimezone(CPH)
    return due_at.date(), due_at


def roskilde(channel: str, to: str, kind: str):
    """(goal, requires, unit, amount) for each Roskilde deadline that applies."""
    rules = []
    if channel == "email" and to in ("general", "department") and kind == "general_question":
        rules.append(("ROS-1", "answer", working_days, 2))
    if channel == "email":
        rules.append(("ROS-2", "acknowledgment", working_days, 10))
    if channel in ("letter", "digital_post", "web_form"):
        rules.append(("ROS-6", "acknowledgment", working_days, 10))
    if channel == "facebook":
        if kind == "general_question":
            rules.append(("ROS-10", "answer", hours, 24))
        else:
            rules.append(("ROS-10", "acknowledgment", hours, 24))
    return rules


POLICIES = {"roskilde": roskilde}


def obligations_for(case: dict, policy) -> list:
    channel = case["channel"]
    to = case.get("to", "general")
    kind = case.get("kind", "other")
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    if to not in TO:
        raise ValueError(f"unknown to {to!r}")
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    received = datetime.fromisoformat(case["received_at"])
    if received.tzinfo is None:
        raise ValueError("received_at needs an offset or Z")
    found = []
    for goal, requires, unit, amount in policy(channel, to, kind):
        due_date, due_at = unit(received, amount)
        found.append((REQUIRES_ORDER[requires], due_at.timestamp(), {
            "goal": goal,
            "requires": requires,
            "due_date": due_date.isoformat(),
            "due_at": due_at.isoformat(timespec="seconds"),
        }))
    found.sort(key=lambda t: (t[0], t[1]))
    return [o for _, _, o in found]


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: deadline_baseline.py POLICY_NAME < cases.jsonl", file=sys.stderr)
        return 2
    policy = POLICIES.get(sys.argv[1])
    if policy is None:
        print(f"deadline_baseline.py: policy {sys.argv[1]!r} not implemented "
              f"(only: {', '.join(POLICIES)})", file=sys.stderr)
        return 2
    dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
    write = sys.stdout.write
    failed = False
    for line in sys.stdin:
        if not line.strip():
            continue
        case_id = None
        try:
            case = json.loads(line)
            case_id = case.get("id")
            out = {"id": case_id, "obligations": obligations_for(case, policy)}
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            failed = True
            out = {"id": case_id, "error": str(e)}
        write(dumps(out))
        write("\n")
    sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
