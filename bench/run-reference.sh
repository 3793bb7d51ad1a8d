#!/usr/bin/env bash
# Builds the benchmarks and runs the reference-throughput comparison (docs/PERFORMANCE.md,
# section 4): ns per element of every reference function against a naive java.lang.Math loop,
# measured side by side in one JMH run, then prints the table with the ratio.
#   bench/run-reference.sh                 # everything, ONNX Runtime float32 as a third column (~22 min)
#   bench/run-reference.sh sigmoid,tanh    # some elementwise functions only (no axis ones)
# Extra JMH options go in JMH_OPTS, e.g. JMH_OPTS="-wi 5 -i 10"; options of the JVM that runs JMH
# in RUNNER_OPTS, e.g. RUNNER_OPTS=-Djmh.ignoreLock=true to run beside another JMH run (whose
# figures then disturb each other).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn -q -B -DskipTests package -pl bench -am) >&2
cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
csv="$(mktemp "${TMPDIR:-/tmp}/tck-bench.XXXXXX.csv")"
trap 'rm -f "$csv"' EXIT
if [[ $# -gt 0 ]]; then
  selection=(ElementwiseBenchmark -p "function=$1")
else
  selection=(ElementwiseBenchmark AxisBenchmark OnnxRuntimeBenchmark)
fi
# ONNX Runtime unpacks its natives under java.io.tmpdir: keep them in bench/target.
java ${RUNNER_OPTS:-} -cp "$cp" org.openjdk.jmh.Main "${selection[@]}" -rf csv -rff "$csv" \
  -jvmArgsAppend "-Djava.io.tmpdir=$root/bench/target" ${JMH_OPTS:-} >&2
java -cp "$cp" org.activationtck.bench.RatioTable "$csv"
