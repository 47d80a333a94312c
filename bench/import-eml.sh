#!/usr/bin/env bash
# Benchmark `frist import-eml`: N realistic Danish e-mail files into a fresh SQLite database.
#
# Usage: bash bench/import-eml.sh [N] [RUNS]      (default N=100000, RUNS=3)
#
# Steps: build frist (release); generate N messages (bench/gen_eml.py, seed 7: UTF-8, ISO-8859-1,
# quoted-printable, base64, HTML-only, attachments, copies and replies) and N/10 for the memory
# check, unless already there; then RUNS times: a fresh SQLite file, `frist import-eml --format
# json` timed by /usr/bin/time (wall time, peak RSS), checking read = imported + duplicates +
# flagged and read = N. Prints the figures for BENCHMARKS.md.
#
# Acceptance: ≥ 2,000 messages/s (median run), and peak RSS at N within 25 % of the peak at N/10
# (memory does not grow with the number of files).
# Exit status: 0 all good; 1 a run failed or miscounted; 3 acceptance not met.
set -euo pipefail

N="${1:-100000}"
RUNS="${2:-3}"
if ! [[ "$N" =~ ^[1-9][0-9]*$ && "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: bash bench/import-eml.sh [N] [RUNS]" >&2
    exit 2
fi
N10=$((N / 10))
SEED=7
RATE_REQUIRED=2000

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="bench/out"
mkdir -p "$OUT"
FRIST="${FRIST:-target/release/frist}"   # override only to test this script
PY="${PYTHON:-python3}"
[[ -x /usr/bin/time ]] || { echo "missing /usr/bin/time (apt-get install time)" >&2; exit 1; }

echo "== build"
cargo build --release -p frist 2>&1 | tail -n 1
# Pin the binary: others may rebuild target/ while this runs.
cp "$FRIST" "$OUT/frist-import-eml"
FRIST="$OUT/frist-import-eml"

generate() {
    local n="$1" dir="$OUT/eml-$1"
    # The marker sits beside the folder: every file inside is imported as a message.
    if [[ ! -f "$dir.complete" ]]; then
        echo "== generate $n messages (seed $SEED) into $dir"
        rm -rf "$dir"
        "$PY" bench/gen_eml.py "$n" "$SEED" "$dir"
        touch "$dir.complete"
    fi
    echo "$dir: $(find "$dir" -type f | wc -l) files, $(du -sh "$dir" | cut -f1)"
}
generate "$N"
generate "$N10"

# One import into a fresh database; prints "seconds rss_kb json".
import_once() {
    local dir="$1" db="$OUT/import-eml.db"
    rm -f "$db" "$db-wal" "$db-shm"
    local timing json
    timing="$(mktemp)"
    json="$(/usr/bin/time -o "$timing" -f '%e %M' "$FRIST" import-eml --format json \
        --database-url "sqlite://$db" --policy hoeje-taastrup "$dir" 2>"$OUT/import-eml.stderr" | tail -n 1)"
    echo "$(cat "$timing") $json"
    rm -f "$timing"
}

check() {
    local json="$1" n="$2"
    "$PY" - "$json" "$n" <<'PY'
import json, sys
s, n = json.loads(sys.argv[1]), int(sys.argv[2])
ok = s["read"] == n and s["read"] == s["imported"] + s["duplicates"] + s["flagged"] and "unreadable" not in s
sys.exit(0 if ok else 1)
PY
}

echo "== memory at N/10 = $N10"
read -r _ RSS10 JSON10 < <(import_once "$OUT/eml-$N10")
check "$JSON10" "$N10" || { echo "FAIL: $JSON10" >&2; exit 1; }
echo "peak RSS $RSS10 KB: $JSON10"

echo "== timing: $RUNS runs of $N messages, each into a fresh SQLite file"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
RATES=()
RSS_MAX=0
for run in $(seq 1 "$RUNS"); do
    read -r SECONDS_ RSS JSON < <(import_once "$OUT/eml-$N")
    check "$JSON" "$N" || { echo "FAIL: $JSON" >&2; exit 1; }
    RATE=$("$PY" -c "print(round($N / $SECONDS_))")
    RATES+=("$RATE")
    (( RSS > RSS_MAX )) && RSS_MAX=$RSS
    echo "run $run: $SECONDS_ s, $RATE messages/s, peak RSS $RSS KB: $JSON"
done
DB_SIZE=$(du -sh "$OUT/import-eml.db" | cut -f1)
MEDIAN=$(printf '%s\n' "${RATES[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

echo
echo "== summary (for BENCHMARKS.md)"
echo "commit $(git rev-parse --short HEAD), $(nproc) cores, $(rustc --version), load before: $LOAD_BEFORE"
echo "command: bash bench/import-eml.sh $N $RUNS"
echo "result: $JSON"
echo "rate: median $MEDIAN messages/s (runs: ${RATES[*]}); database $DB_SIZE"
echo "peak RSS: $RSS10 KB at $N10 messages, $RSS_MAX KB at $N"
STATUS=0
if (( MEDIAN < RATE_REQUIRED )); then
    echo "ACCEPTANCE NOT MET: $MEDIAN < $RATE_REQUIRED messages/s" >&2
    STATUS=3
fi
if (( RSS_MAX * 100 > RSS10 * 125 )); then
    echo "ACCEPTANCE NOT MET: memory grew from $RSS10 KB to $RSS_MAX KB" >&2
    STATUS=3
fi
exit $STATUS
