#!/usr/bin/env bash
# Benchmark `frist deadline --batch` against the Python a user would otherwise write
# (bench/deadline_baseline.py), for the Roskilde policy.
#
# Usage: bash bench/deadline.sh [N]        (default N=200000)
#
# Steps: build frist (release); check the Python baseline against the shared examples;
# generate N cases (and 10×N for the memory check) into bench/out/; check that frist and the
# baseline produce the same output; time both with hyperfine (same run, same machine); measure
# frist's max RSS at N and 10×N; print a summary for BENCHMARKS.md.
#
# Acceptance: frist ≥ 20× faster than the baseline (ratio of mean wall times) at N, and frist's
# max RSS at 10×N within 10% (or 4 MiB) of its max RSS at N.
# Exit status: 0 all good; 1 outputs differ or a tool failed; 3 acceptance not met.
set -euo pipefail

N="${1:-200000}"
if ! [[ "$N" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: bash bench/deadline.sh [N]" >&2
    exit 2
fi
N10=$((N * 10))
SEED=1
SPEEDUP_REQUIRED=20

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="bench/out"
mkdir -p "$OUT"
POLICY="policies/roskilde.toml"
FRIST="${FRIST:-target/release/frist}"   # override only to test this script
PY="${PYTHON:-python3}"

for tool in hyperfine cargo "$PY"; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done
[[ -x /usr/bin/time ]] || { echo "missing /usr/bin/time (apt-get install time)" >&2; exit 1; }

echo "== build"
cargo build --release -p frist 2>&1 | tail -n 3
[[ -x "$FRIST" ]] || { echo "no $FRIST after build" >&2; exit 1; }
# Pin the binary: others may rebuild target/ while this runs.
cp "$FRIST" "$OUT/frist"
FRIST="$OUT/frist"

echo "== baseline self-check (shared examples + spot checks)"
"$PY" bench/check_baseline.py

CASES="$OUT/cases-$N.jsonl"
CASES10="$OUT/cases-$N10.jsonl"
echo "== generate $N and $N10 cases (seed $SEED)"
"$PY" bench/gen_cases.py "$N" "$SEED" >"$CASES"
"$PY" bench/gen_cases.py "$N10" "$SEED" >"$CASES10"

echo "== correctness: frist vs baseline on $N cases"
PY_OUT="$OUT/python-$N.jsonl"
FRIST_OUT="$OUT/frist-$N.jsonl"
"$PY" bench/deadline_baseline.py roskilde <"$CASES" >"$PY_OUT"
"$FRIST" deadline --policy "$POLICY" --batch "$CASES" >"$FRIST_OUT"
if cmp -s "$PY_OUT" "$FRIST_OUT"; then
    SAME="byte-identical"
    echo "outputs byte-identical ($(wc -l <"$FRIST_OUT") lines)"
elif "$PY" bench/compare_outputs.py "$PY_OUT" "$FRIST_OUT"; then
    SAME="equal as JSON (spacing differs)"
else
    echo "FAIL: frist and the Python baseline disagree; see $PY_OUT and $FRIST_OUT" >&2
    exit 1
fi

echo "== timing (hyperfine)"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
CMD_PY="$PY bench/deadline_baseline.py roskilde < $CASES"
CMD_FRIST="$FRIST deadline --policy $POLICY --batch $CASES"
CMD_PY0="$PY bench/deadline_baseline.py roskilde < /dev/null"
hyperfine --style basic --warmup 1 --runs 5 --export-json "$OUT/hyperfine-frist-$N.json" \
    -n "frist ($N cases)" "$CMD_FRIST"
hyperfine --style basic --warmup 1 --runs 3 --export-json "$OUT/hyperfine-python-$N.json" \
    -n "python baseline ($N cases)" "$CMD_PY"
# Fixed cost of the baseline (interpreter + numpy + holidays import + calendar), for context.
hyperfine --style basic --warmup 1 --runs 5 --export-json "$OUT/hyperfine-python-startup.json" \
    -n "python baseline (0 cases)" "$CMD_PY0"

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== memory (max RSS, /usr/bin/time -f %M)"
rss() {  # rss FILE -> KiB
    /usr/bin/time -f %M -o "$OUT/rss.txt" "$FRIST" deadline --policy "$POLICY" --batch "$1" >/dev/null
    tail -n 1 "$OUT/rss.txt"
}
ONE="$OUT/cases-1.jsonl"
head -n 1 "$CASES" >"$ONE"
RSS1=$(rss "$ONE")
RSSN=$(rss "$CASES")
RSSN10=$(rss "$CASES10")
/usr/bin/time -f %M -o "$OUT/rss.txt" "$PY" bench/deadline_baseline.py roskilde <"$CASES" >/dev/null
RSSPY=$(tail -n 1 "$OUT/rss.txt")
echo "frist max RSS: 1 case ${RSS1} KiB, $N cases ${RSSN} KiB, $N10 cases ${RSSN10} KiB; python ($N) ${RSSPY} KiB"

# ---------------------------------------------------------------------------- summary
read -r RESULTS < <("$PY" - "$OUT/hyperfine-frist-$N.json" "$OUT/hyperfine-python-$N.json" \
    "$OUT/hyperfine-python-startup.json" <<'EOF'
import json, sys
f, p, p0 = (json.load(open(x))["results"][0] for x in sys.argv[1:4])
print(f["mean"], f["stddev"] or 0, f["min"], f["max"],
      p["mean"], p["stddev"] or 0, p["min"], p["max"], p0["mean"],
      p["mean"] / f["mean"], p["min"] / f["max"])
EOF
)
read -r F_MEAN F_SD F_MIN F_MAX P_MEAN P_SD P_MIN P_MAX P0_MEAN RATIO RATIO_WORST <<<"$RESULTS"

fmt_ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
fmt_x() { awk -v r="$1" 'BEGIN { printf "%.1f×", r }'; }
SPEED_OK=$(awk -v r="$RATIO" -v need="$SPEEDUP_REQUIRED" 'BEGIN { print (r >= need) ? "PASS" : "FAIL" }')
MEM_OK=$(awk -v a="$RSSN" -v b="$RSSN10" 'BEGIN { d = b - a; print (d <= a * 0.10 || d <= 4096) ? "PASS" : "FAIL" }')
THROUGHPUT=$(awk -v n="$N" -v s="$F_MEAN" 'BEGIN { printf "%.2f M cases/s", n / s / 1e6 }')

CPU=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
PYV=$("$PY" -c 'import platform; print(platform.python_version())')
HOLV=$("$PY" -c 'import holidays; print(holidays.__version__)')
NPV=$("$PY" -c 'import numpy; print(numpy.__version__)')
REV=$(git rev-parse --short HEAD 2>/dev/null || echo "no commit yet")
if [[ -n "$(git status --porcelain -- crates policies Cargo.toml Cargo.lock 2>/dev/null)" ]]; then
    REV="$REV (+ uncommitted changes)"
fi

cat <<EOF

================ summary (for BENCHMARKS.md) ================
### frist deadline --batch vs Python baseline (Roskilde)

- date: $(date -u +%Y-%m-%dT%H:%MZ); frist rev: $REV
- machine: $(nproc) cores, $CPU, $(awk '/MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo), $(uname -sr)
- load average (1/5/15 min) before timing: $LOAD_BEFORE; after: $LOAD_AFTER
- toolchain: $(rustc --version | cut -d' ' -f1-2), Python $PYV, holidays $HOLV, numpy $NPV, $(hyperfine --version)
- input: \`bench/gen_cases.py $N $SEED\` ($N cases, 2020–2030, all 7 channels); policy \`$POLICY\`
- outputs: $SAME ($N lines)

| command | mean ± σ | min … max |
|---|---|---|
| \`frist deadline --policy $POLICY --batch\` (5 runs, 1 warmup) | $(fmt_ms "$F_MEAN") ± $(fmt_ms "$F_SD") | $(fmt_ms "$F_MIN") … $(fmt_ms "$F_MAX") |
| \`python3 bench/deadline_baseline.py\` (3 runs, 1 warmup) | $(fmt_ms "$P_MEAN") ± $(fmt_ms "$P_SD") | $(fmt_ms "$P_MIN") … $(fmt_ms "$P_MAX") |
| python baseline, 0 cases (startup only) | $(fmt_ms "$P0_MEAN") | |

- speed-up (mean/mean): **$(fmt_x "$RATIO")**; worst case (python min / frist max): $(fmt_x "$RATIO_WORST"); frist throughput $THROUGHPUT
- frist max RSS: 1 case ${RSS1} KiB · $N cases ${RSSN} KiB · $N10 cases ${RSSN10} KiB (python at $N: ${RSSPY} KiB)
- acceptance: speed-up ≥ ${SPEEDUP_REQUIRED}× **$SPEED_OK**; memory flat from $N to $N10 cases (≤ +10% or +4 MiB) **$MEM_OK**
- reproduce: \`bash bench/deadline.sh $N\`
=============================================================
EOF

if [[ "$SPEED_OK" != PASS || "$MEM_OK" != PASS ]]; then
    exit 3
fi
