#!/usr/bin/env bash
# The staff search at N inquiries (SQLite by default): the results page's server time from
# outside the process, wrk with one connection (one request at a time), 10 s per query,
# --latency for the percentiles.
#
# Usage: bash bench/search.sh [N] [sqlite|postgres]     (default 1000000 sqlite; needs wrk, curl)
#
# Queries: a word in half the subjects (the worst case for "newest first": the index is walked
# backwards and stops after a page), a rare word, two words that must both be there, a sender's
# name, a phone number, a reference typed exactly (a redirect to the inquiry) and a CPR number
# (left out: nothing is searched). FRIST_BENCH_BIN=path measures that binary instead of building
# this checkout in release mode; FRIST_BENCH_REUSE=1 measures again on an earlier run's database.
# PostgreSQL: $FRIST_BENCH_PG (default postgres://postgres@127.0.0.1:5432), database
# frist_search_bench (re)created.
set -euo pipefail

N="${1:-1000000}"
BACKEND="${2:-sqlite}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="bench/out"
mkdir -p "$OUT"
for tool in wrk curl; do command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install $tool)" >&2; exit 1; }; done

if [ -n "${FRIST_BENCH_BIN:-}" ]; then
  FRIST="$FRIST_BENCH_BIN"
else
  cargo build --release -p frist 2>&1 | tail -n 1
  cp target/release/frist "$OUT/frist-search"
  FRIST="$OUT/frist-search"
fi
export FRIST_POLICY=hoeje-taastrup
case "$BACKEND" in
  sqlite) export FRIST_DATABASE_URL="sqlite://$ROOT/$OUT/search.db" ;;
  postgres)
    PG="${FRIST_BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
    export FRIST_DATABASE_URL="$PG/frist_search_bench" ;;
  *) echo "backend: sqlite or postgres" >&2; exit 2 ;;
esac
if [ "${FRIST_BENCH_REUSE:-0}" != 1 ]; then
  if [ "$BACKEND" = sqlite ]; then
    rm -f "$OUT/search.db" "$OUT/search.db-wal" "$OUT/search.db-shm"
  else
    psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS frist_search_bench" -c "CREATE DATABASE frist_search_bench"
  fi
  echo "== bulk import of $N inquiries"
  start=$(date +%s.%N)
  "$FRIST" demo --without-history --inquiries "$N" --days 90 --seed 7 2>/dev/null | tail -n 1
  end=$(date +%s.%N)
  python3 -c "print(f'bulk import: {$N/($end-$start):.0f} inquiries/s (wall, including start-up)')"
  echo 'a long benchmark password' | "$FRIST" user create --username lars.pedersen --role lead --password-stdin >/dev/null
fi
PORT=18082
"$FRIST" serve --listen "127.0.0.1:$PORT" 2>"$OUT/search-serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done

BASE="http://127.0.0.1:$PORT"
JAR="$OUT/search.jar"
rm -f "$JAR"
CSRF=$(curl -fs -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf=$CSRF" \
  --data-urlencode username=lars.pedersen --data-urlencode 'password=a long benchmark password' "$BASE/login"
COOKIE=$(awk '$6 == "frist_session" || $6 == "frist_csrf" {printf "%s=%s; ", $6, $7}' "$JAR")
export FRIST_COOKIE="$COOKIE"
curl -fs -o /dev/null -H "Cookie: $COOKIE" "$BASE/sager" || { echo "sign-in failed" >&2; exit 1; }
# Words and people that occur in the data, read through the API-free way: the first results page.
page() { curl -fs -H "Cookie: $COOKIE" "$BASE$1"; }
REFERENCE=$(page "/sager?vis=alle" | grep -o 'HTK-[0-9]*-[0-9]*' | head -n 1)
NAME=$(page "/soeg?q=vejen" | grep -o '<td data-label="[^"]*">[^<]*</td>' | sed -n 2p | sed 's/<[^>]*>//g' | awk '{print $1, $NF}')

run() {
  local name="$1" path="$2"
  echo "== $name: $path"
  wrk -t1 -c1 -d10s --timeout 30s --latency -s bench/get_page.lua "$BASE$path" > "$OUT/search-$name.txt"
  local p50 p99 rate
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/search-$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/search-$name.txt")
  rate=$(awk '/Requests\/sec/ {print $2}' "$OUT/search-$name.txt")
  grep -q "Non-2xx" "$OUT/search-$name.txt" && ! [ "$name" = reference ] && { echo "$name: some answers were not 2xx" >&2; cat "$OUT/search-$name.txt" >&2; exit 1; }
  printf '%-14s p50 %-9s p99 %-9s %s pages/s\n' "$name" "$p50" "$p99" "$rate" | tee -a "$OUT/search-summary.txt"
}
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$1"; }
: > "$OUT/search-summary.txt"
run common-word "/soeg?q=vejen"
run rare-word "/soeg?q=$(enc 'gadelys virker')"
run two-words "/soeg?q=$(enc 'hul vejen')"
run name "/soeg?q=$(enc "$NAME")"
run no-match "/soeg?q=drivhus"
run reference "/soeg?q=$REFERENCE"
run cpr "/soeg?q=010190-1234"
echo
cat "$OUT/search-summary.txt"
