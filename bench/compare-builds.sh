#!/usr/bin/env bash
# The reference's speed in two builds side by side: ElementwiseBenchmark.reference (JMH) of each
# function and dtype, the two builds alternating ROUNDS times (so that a drift of the machine hits
# both), then a table of the runs, the medians and their ratio new/old. A change to a kernel is
# "no slower" when every ratio lies within the spread of one build against itself (run it once
# with the same root twice to see that spread; about 2% on the 2-core machine of docs/PERFORMANCE.md).
#   bench/compare-builds.sh OLD_ROOT NEW_ROOT "sigmoid softplus" [ROUNDS] [DTYPES]
# OLD_ROOT and NEW_ROOT are checkouts whose benchmarks are built (mvn -DskipTests package -pl
# bench -am; e.g. OLD_ROOT a `git worktree add` of the base revision). ROUNDS defaults to 3,
# DTYPES to "float64 float32". Extra JMH options go in JMH_OPTS. Keep the machine otherwise idle:
# a busy second core moves rows by 10% and more. Rather than pausing a running ./tck exhaustive
# with kill -STOP, run the comparison between sweeps: a sweep's per-chunk --timeout counts wall
# time, and a chunk whose two calls both span the pause fails as "no answer".
set -euo pipefail
old="${1:?usage: bench/compare-builds.sh OLD_ROOT NEW_ROOT FUNCTIONS [ROUNDS] [DTYPES]}"
new="${2:?usage: bench/compare-builds.sh OLD_ROOT NEW_ROOT FUNCTIONS [ROUNDS] [DTYPES]}"
functions="${3:?usage: bench/compare-builds.sh OLD_ROOT NEW_ROOT FUNCTIONS [ROUNDS] [DTYPES]}"
rounds="${4:-3}"
dtypes="${5:-float64 float32}"
for r in "$old" "$new"; do
  [[ -f "$r/bench/target/classpath.txt" ]] \
    || { echo "compare-builds: $r/bench/target/classpath.txt: build the benchmarks there first" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for f in $functions; do
  for d in $dtypes; do
    for i in $(seq 1 "$rounds"); do
      for side in old new; do
        root="$old"; [[ $side == new ]] && root="$new"
        cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
        java -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main 'ElementwiseBenchmark.reference' \
          -p "function=$f" -p "dtype=$d" -rf csv -rff "$work/run.csv" ${JMH_OPTS:-} > "$work/jmh.log" 2>&1 \
          || { cat "$work/jmh.log" >&2; exit 1; }
        echo "$f $d $side $(tail -1 "$work/run.csv" | cut -d, -f5)" >> "$work/all"
      done
    done
  done
done
echo "| row | old ns per element | new ns per element | new/old (medians) |"
echo "|---|---|---|---|"
awk '
  function median(s,   a, n, i, j, t) {
    n = split(s, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { key = $1 " " $2; if (!(key in seen)) { seen[key] = 1; order[++k] = key }
    runs[key, $3] = runs[key, $3] (runs[key, $3] == "" ? "" : " ") sprintf("%.2f", $4) }
  END { for (i = 1; i <= k; i++) { o = runs[order[i], "old"]; n = runs[order[i], "new"]
          printf "| %s | %s | %s | %.2f |\n", order[i], o, n, median(n) / median(o) } }
' "$work/all"
