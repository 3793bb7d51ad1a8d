#!/usr/bin/env bash
# The gate's own test, run by .ci/run after `mvn install` of activation-tck: the example passes
# with its deviation list; a planted regression fails it, and Maven's console names the function,
# dtype, dialect, rule and input; fixing a listed deviation is reported (strictDeviations: fails).
set -euo pipefail
cd "$(dirname "$0")"
mvn=(mvn -B ${MVN_FLAGS:-})
log=$(mktemp)
trap 'rm -f "$log"' EXIT

expect() { # expect EXIT_CODE DESCRIPTION MVN_ARGS...
  local want=$1 what=$2
  shift 2
  local got=0
  "${mvn[@]}" "$@" >"$log" 2>&1 || got=$?
  if [[ ( $want == 0 && $got != 0 ) || ( $want != 0 && $got == 0 ) ]]; then
    tail -60 "$log" >&2
    echo "check-gate: $what: mvn exited $got, expected $([[ $want == 0 ]] && echo 0 || echo non-zero)" >&2
    exit 1
  fi
}

contains() { # contains TEXT DESCRIPTION
  if ! grep -qF -- "$1" "$log"; then
    grep -A3 'Failures:' "$log" >&2 || tail -40 "$log" >&2
    echo "check-gate: $2: Maven's console does not say: $1" >&2
    exit 1
  fi
}

expect 0 "the example with its deviation list" clean verify
contains "Tests run: " "the passing run"

expect 1 "a regression planted in leaky_relu" clean verify -Dnaive.plant=leaky_relu
contains "leaky_relu float32 value [pytorch]: " "the planted regression's behaviour"
contains "not listed in activation-tck-deviations.json; x = -" "the planted regression's input"
contains "(rules leaky_relu.value" "the planted regression's rule ids"

expect 1 "a listed deviation fixed (relu'(0))" clean verify -Dnaive.fix=relu
contains "fixed: relu' float64 [pytorch] kink_convention" "the fixed deviation"

echo "check-gate: the example gates: passes with its list, fails on a planted regression, reports a fix"
