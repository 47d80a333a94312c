#!/usr/bin/env python3
"""Generate N deterministic inquiry cases as JSON lines (the `frist deadline --batch` input format).

Usage: gen_cases.py N [SEED]      (SEED defaults to 1)

Each line looks like
  {"id":"c1","channel":"email","to":"general","kind":"general_question","received_at":"2026-12-23T15:00:00+01:00"}
received_at is uniform over 2020-01-01..2030-12-31 (UTC), with seconds precision; about a third
of the lines use `Z`, the rest the correct Europe/Copenhagen offset (+01:00 / +02:00) for that
instant.  The same N and SEED always give byte-identical output.
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

CHANNELS = ["email", "letter", "digital_post", "web_form", "facebook", "phone", "in_person"]
TO = ["general", "department", "employee"]
KINDS = ["general_question", "application", "complaint", "information", "other"]
CPH = ZoneInfo("Europe/Copenhagen")

START = datetime(2020, 1, 1, tzinfo=timezone.utc)
SPAN_SECONDS = int((datetime(2031, 1, 1, tzinfo=timezone.utc) - START).total_seconds())


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print("usage: gen_cases.py N [SEED]", file=sys.stderr)
        return 2
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) == 3 else 1
    rng = random.Random(seed)
    out = sys.stdout
    write = out.write
    dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
    for i in range(1, n + 1):
        channel = rng.choice(CHANNELS)
        to = rng.choice(TO)
        kind = rng.choice(KINDS)
        instant = START + timedelta(seconds=rng.randrange(SPAN_SECONDS))
        if rng.random() < 1 / 3:
            received_at = instant.strftime("%Y-%m-%dT%H:%M:%SZ")
        else:
            received_at = instant.astimezone(CPH).isoformat(timespec="seconds")
        write(dumps({"id": f"c{i}", "channel": channel, "to": to, "kind": kind,
                     "received_at": received_at}))
        write("\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
