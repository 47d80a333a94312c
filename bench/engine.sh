#!/usr/bin/env bash
# Benchmark of the inquiry engine on this machine, with seeded synthetic data.
#
# Usage: bash bench/engine.sh [sqlite|postgres] [N]      (defaults: sqlite 1000000)
#
#  1. bulk import of N inquiries (`frist demo --without-history`): inquiries/s
#  2. POST /api/v1/inquiries from 64 concurrent connections on loopback (wrk, 20 s): durable
#     creations/s (the server answers 201 only after the commit is on disk)
#  3. first page of one unit's queue (50 rows by nearest deadline), wrk --latency: p99
#  4. the compliance report for one month (`frist report`): wall time
#
# PostgreSQL: uses $FRIST_BENCH_PG (default postgres://postgres@127.0.0.1:5432) and (re)creates
# the database frist_bench.
set -euo pipefail

BACKEND="${1:-sqlite}"
N="${2:-1000000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="bench/out"
mkdir -p "$OUT"
for tool in wrk curl; do command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install $tool)" >&2; exit 1; }; done

# FRIST_BENCH_BIN=path measures that binary instead of building this checkout (e.g. an earlier
# commit's, to compare in one run).
if [ -n "${FRIST_BENCH_BIN:-}" ]; then
  FRIST="$FRIST_BENCH_BIN"
else
  cargo build --release -p frist 2>&1 | tail -n 1
  cp target/release/frist "$OUT/frist-engine"
  FRIST="$OUT/frist-engine"
fi
export FRIST_POLICY=hoeje-taastrup

case "$BACKEND" in
  sqlite)
    rm -f "$OUT/engine.db" "$OUT/engine.db-wal" "$OUT/engine.db-shm"
    export FRIST_DATABASE_URL="sqlite://$ROOT/$OUT/engine.db" ;;
  postgres)
    PG="${FRIST_BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
    psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS frist_bench" -qc "CREATE DATABASE frist_bench"
    export FRIST_DATABASE_URL="$PG/frist_bench" ;;
  *) echo "usage: bash bench/engine.sh [sqlite|postgres] [N]" >&2; exit 2 ;;
esac

echo "== 1. bulk import of $N inquiries ($BACKEND); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
"$FRIST" demo --without-history --inquiries "$N" --days 90 --seed 7 2>/dev/null | tee "$OUT/engine-import.txt"
end=$(date +%s.%N)
IMPORT_RATE=$(python3 -c "print(f'{$N/($end-$start):.0f}')")
echo "bulk import: $IMPORT_RATE inquiries/s (wall, including start-up)"

FRIST_TOKEN=$("$FRIST" token create --name bench --role admin | tail -n 1)
export FRIST_TOKEN
PORT=18080
"$FRIST" serve --listen "127.0.0.1:$PORT" 2>"$OUT/engine-serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.05; done

echo "== 2. POST /api/v1/inquiries, 64 connections, 20 s; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c64 -d20s -s bench/post_inquiry.lua "http://127.0.0.1:$PORT/api/v1/inquiries" | tee "$OUT/engine-post.txt"
POST_RATE=$(awk '/Requests\/sec/ {print $2}' "$OUT/engine-post.txt")

echo "== 3. first page of a unit's queue, 4 connections, 20 s"
wrk -t1 -c4 -d20s --latency -s bench/get_queue.lua "http://127.0.0.1:$PORT/api/v1/inquiries?unit=byggeri&limit=50" | tee "$OUT/engine-queue.txt"
QUEUE_P99=$(awk '$1 == "99%" {print $2}' "$OUT/engine-queue.txt")
ROWS=$(curl -fs -H "Authorization: Bearer $FRIST_TOKEN" "http://127.0.0.1:$PORT/api/v1/inquiries?unit=byggeri&limit=50" | python3 -c "import json,sys; print(len(json.load(sys.stdin)['items']))")
kill $SERVER; wait $SERVER 2>/dev/null || true

echo "== 4. compliance report for last month"
FROM=$(python3 -c "import datetime as d; t=d.date.today().replace(day=1); p=(t-d.timedelta(days=1)).replace(day=1); print(p)")
TO=$(python3 -c "import datetime as d; t=d.date.today().replace(day=1); print(t-d.timedelta(days=1))")
start=$(date +%s.%N)
"$FRIST" report --from "$FROM" --to "$TO" --group-by goal --format table | tee "$OUT/engine-report.txt"
end=$(date +%s.%N)
REPORT_S=$(python3 -c "print(f'{$end-$start:.3f}')")

echo
echo "================ summary ($BACKEND, $N inquiries) ================"
echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(git rev-parse --short HEAD)"
echo "- bulk import: $IMPORT_RATE inquiries/s (goal ≥ 20,000 on SQLite)"
echo "- POST /api/v1/inquiries, 64 connections: $POST_RATE durable creations/s (goal ≥ 2,000 on SQLite)"
echo "- queue first page ($ROWS rows), p99: $QUEUE_P99 (goal < 20 ms)"
echo "- compliance report $FROM..$TO: ${REPORT_S} s wall for the whole command (goal < 1 s)"
