#!/usr/bin/env bash
# The scheduler's pass (issue 13) over 1,000,000 open inquiries and 2,000 caseworkers, SQLite:
# `frist scheduler run --once --now …` timed from outside under /usr/bin/time, twice at the same
# instant — the first pass queues what is owed (warnings, escalations, a digest per caseworker,
# the monthly reports), the second finds it all queued and adds nothing (the steady state of
# `frist serve`, which makes a pass a minute).
#
# Usage: bash bench/scheduler.sh [N] [CASEWORKERS]      (default 1000000 2000; needs python3)
#
# The demo has a dozen caseworkers. The benchmark adds CASEWORKERS more to the directory and
# spreads the inquiries over them by setting the `caseworker` column the queue and the scheduler
# read (a shortcut around a million `assigned` events; the projection's JSON is not read here).
set -euo pipefail

N="${1:-1000000}"
PEOPLE="${2:-2000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="bench/out"
mkdir -p "$OUT"
cargo build --release -p frist 2>&1 | tail -n 1
cp target/release/frist "$OUT/frist-scheduler"
FRIST="$OUT/frist-scheduler"
DB="$ROOT/$OUT/scheduler.db"
export FRIST_POLICY=hoeje-taastrup
export FRIST_DATABASE_URL="sqlite://$DB"
if [ "${FRIST_BENCH_REUSE:-0}" != 1 ] || [ ! -f "$DB" ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  echo "== $N inquiries"
  "$FRIST" demo --without-history --inquiries "$N" --days 90 --seed 7 2>/dev/null | tail -n 1
  python3 - "$DB" "$PEOPLE" <<'PY'
import sqlite3, sys
db, people = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(db)
units = [u for (u,) in c.execute("SELECT id FROM units ORDER BY id")]
c.executemany(
    "INSERT OR REPLACE INTO caseworkers (id, name, unit, email) VALUES (?, ?, ?, ?)",
    [(f"cw{i:04d}", f"Sagsbehandler {i}", units[i % len(units)], f"cw{i:04d}@kommune.example")
     for i in range(people)])
c.execute(f"UPDATE inquiries SET caseworker = printf('cw%04d', id % {people})")
c.commit()
print(f"{people} caseworkers in {len(units)} units; inquiries spread over them")
PY
fi
python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
(n,) = c.execute("SELECT COUNT(*) FROM obligations o JOIN inquiries i ON i.id = o.inquiry_id "
                 "WHERE o.met_at IS NULL AND NOT o.waived AND NOT o.paused AND i.state <> 'closed'").fetchone()
print(f"open obligations: {n}")
PY
AT="${FRIST_BENCH_AT:-2026-12-01T08:00}"
for pass in first second; do
  echo "== $pass pass at $AT"
  /usr/bin/time -f "wall %e s, user %U s, max RSS %M KB" "$FRIST" scheduler run --once --now "$AT"
done
