#!/usr/bin/env bash
# Server-side render time of the staff pages at 1,000,000 inquiries (SQLite), from outside the
# process: wrk with one connection (one request at a time, so the latency is the page's own),
# 20 s per page, --latency for the percentiles.
#
# Usage: bash bench/pages.sh [N]      (default 1000000; needs wrk and curl)
#
# Pages: the queue's three tabs (mine, my unit, all), the queue filtered to overdue, the inquiry
# page of random inquiries (each view writes its access-log entry durably before the page is
# sent), the front desk's search by phone number, the lead dashboard (this month and last), the
# public results page, and the first answer of the dashboard and the results page after start-up.
set -euo pipefail

N="${1:-1000000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="bench/out"
mkdir -p "$OUT"
for tool in wrk curl; do command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install $tool)" >&2; exit 1; }; done

cargo build --release -p frist 2>&1 | tail -n 1
cp target/release/frist "$OUT/frist-pages"
FRIST="$OUT/frist-pages"
export FRIST_POLICY=hoeje-taastrup
export FRIST_DATABASE_URL="sqlite://$ROOT/$OUT/pages.db"
# FRIST_BENCH_REUSE=1 measures again on the database of an earlier run (same N).
if [ "${FRIST_BENCH_REUSE:-0}" != 1 ] || [ ! -f "$OUT/pages.db" ]; then
  rm -f "$OUT/pages.db" "$OUT/pages.db-wal" "$OUT/pages.db-shm"
  echo "== bulk import of $N inquiries"
  start=$(date +%s.%N)
  "$FRIST" demo --without-history --inquiries "$N" --days 90 --seed 7 2>/dev/null | tail -n 1
  end=$(date +%s.%N)
  python3 -c "print(f'bulk import: {$N/($end-$start):.0f} inquiries/s (wall, including start-up)')"
  # A lead who is also a caseworker of the "byggeri" unit in the demo data.
  echo 'a long benchmark password' | "$FRIST" user create --username lars.pedersen --role lead --password-stdin >/dev/null
fi
PORT=18081
"$FRIST" serve --listen "127.0.0.1:$PORT" 2>"$OUT/pages-serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
# Start-up runs any new migrations on the big database first: allow it two minutes.
for _ in $(seq 1 1200); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
# The public results page's first answer after start-up: nothing cached yet, SQLite's page cache
# cold (the lead page's first answer is timed after signing in, below).
FIRST_RESULTS=$(curl -fs -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/resultater")

BASE="http://127.0.0.1:$PORT"
JAR="$OUT/pages.jar"
rm -f "$JAR"
CSRF=$(curl -fs -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf=$CSRF" \
  --data-urlencode username=lars.pedersen --data-urlencode 'password=a long benchmark password' "$BASE/login"
COOKIE=$(awk '$6 == "frist_session" || $6 == "frist_csrf" {printf "%s=%s; ", $6, $7}' "$JAR")
export FRIST_COOKIE="$COOKIE" FRIST_N="$N"
FIRST_DASHBOARD=$(curl -fs -o /dev/null -w '%{time_total}' -H "Cookie: $COOKIE" "$BASE/ledelse") ||
  { echo "sign-in failed" >&2; exit 1; }
# A phone number that occurs in the data, for the desk's search.
PHONE=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT sender_phone FROM inquiries WHERE sender_phone IS NOT NULL LIMIT 1').fetchone()[0])" "$OUT/pages.db")

run() {
  local name="$1" path="$2" script="${3:-bench/get_page.lua}"
  echo "== $name: $path"
  wrk -t1 -c1 -d20s --timeout 30s --latency -s "$script" "$BASE$path" > "$OUT/pages-$name.txt"
  local p50 p99 rate
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/pages-$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/pages-$name.txt")
  rate=$(awk '/Requests\/sec/ {print $2}' "$OUT/pages-$name.txt")
  grep -q "Non-2xx" "$OUT/pages-$name.txt" && { echo "$name: some answers were not 2xx" >&2; cat "$OUT/pages-$name.txt" >&2; exit 1; }
  printf '%-22s p50 %-9s p99 %-9s %s pages/s\n' "$name" "$p50" "$p99" "$rate" | tee -a "$OUT/pages-summary.txt"
}
: > "$OUT/pages-summary.txt"
run queue-mine "/sager?vis=mine"
run queue-unit "/sager?vis=enhed"
run queue-all "/sager?vis=alle"
run queue-overdue "/sager?vis=alle&frist=overskredet"
run inquiry "/sager/1" bench/get_inquiry.lua
run desk-search "/skranke?q=$PHONE"
run dashboard "/ledelse"
run dashboard-month "/ledelse?maaned=$(date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)"
run results "/resultater"
python3 -c "import sys; print(f'first answer after start-up: /resultater {float(sys.argv[1])*1000:.1f} ms, /ledelse {float(sys.argv[2])*1000:.1f} ms')" \
  "$FIRST_RESULTS" "$FIRST_DASHBOARD" | tee -a "$OUT/pages-summary.txt"
echo
cat "$OUT/pages-summary.txt"
