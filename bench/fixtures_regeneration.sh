#!/usr/bin/env bash
# Fixture regeneration, before and after, side by side in one run: generates the whole fixture
# set with an earlier build of the CLI jar (BEFORE_JAR) and with this checkout's, alternating
# ROUNDS times, into temporary folders; prints wall and CPU seconds of each run and their
# ratios, and whether both outputs equal the committed fixtures byte for byte.
#   bench/fixtures_regeneration.sh BEFORE_JAR [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before_jar="${1:?usage: bench/fixtures_regeneration.sh BEFORE_JAR [ROUNDS]}"
rounds="${2:-2}"
[[ -f "$before_jar" ]] || { echo "fixtures_regeneration.sh: $before_jar: no such file" >&2; exit 2; }
"$root/tck" --version >/dev/null   # builds the current jar when stale, outside the timing
after_jar="$root/cli/target/activation-tck-cli.jar"
committed="$root/fixtures/src/main/resources/org/activationtck/fixtures/cases"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-7s %5s %8s %8s  %s\n' build round wall_s cpu_s "output vs committed"
declare -A wall cpu
for r in $(seq 1 "$rounds"); do
  for which in before after; do
    jar="$before_jar"; [[ $which == after ]] && jar="$after_jar"
    out="$work/$which-$r"
    /usr/bin/time -f '%e %U %S' -o "$work/time" \
      java -cp "$jar" org.activationtck.cli.TckCommand fixtures generate --out "$out" \
      >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r e u s < "$work/time"
    c=$(echo "$u + $s" | bc)
    same=$(diff -rq "$committed" "$out" >/dev/null && echo identical || echo DIFFERENT)
    printf '%-7s %5d %8.1f %8.1f  %s\n' "$which" "$r" "$e" "$c" "$same"
    wall[$which]="${wall[$which]:-0} + $e"; cpu[$which]="${cpu[$which]:-0} + $c"
  done
done
wb=$(echo "${wall[before]}" | bc); wa=$(echo "${wall[after]}" | bc)
cb=$(echo "${cpu[before]}" | bc); ca=$(echo "${cpu[after]}" | bc)
printf 'mean wall: before %.1f s, after %.1f s (%.2fx); mean CPU: before %.1f s, after %.1f s (%.2fx)\n' \
  "$(echo "$wb / $rounds" | bc -l)" "$(echo "$wa / $rounds" | bc -l)" "$(echo "$wb / $wa" | bc -l)" \
  "$(echo "$cb / $rounds" | bc -l)" "$(echo "$ca / $rounds" | bc -l)" "$(echo "$cb / $ca" | bc -l)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
