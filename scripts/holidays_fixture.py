#!/usr/bin/env python3
"""Write the Danish public holidays of the Python `holidays` package as JSON lines.

The output is the independent reference that `frist-calendar`'s tests and
`scripts/compare_calendar.sh` compare against. Regenerate with:

    pip install 'holidays>=0.108'
    python3 scripts/holidays_fixture.py 1990 2100 > crates/frist-calendar/tests/fixtures/holidays-dk-1990-2100.jsonl
"""
import json
import sys

import holidays

first, last = int(sys.argv[1]), int(sys.argv[2])
dk = holidays.country_holidays("DK", years=range(first, last + 1), language="da")
for date, name in sorted(dk.items()):
    print(json.dumps({"date": date.isoformat(), "name": name}, ensure_ascii=False))
