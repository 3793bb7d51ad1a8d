#!/usr/bin/env bash
# Whole float32 sweeps (./tck exhaustive) of the functions whose reference kernels changed.
#
#   bench/sweep-changed.sh [--dry-run] [BASE_REV | REV1..REV2] [-- EXHAUSTIVE_OPTION...]
#
# The changed files are those between BASE_REV and the working tree (uncommitted and untracked
# files included), or between REV1 and REV2. BASE_REV defaults to the merge base of HEAD with
# origin/main (or main); on main itself, HEAD~1. Each changed file under the reference's
# function/, kernel/ or internal/ package (reference/src/main/java/org/activationtck/reference/, also the
# old harness/src/main/java/org/activationtck/tck/reference/) is mapped to catalog ids:
#   - function/<Name>.java of a catalog id (hard_silu -> HardSilu, ReferenceRegistry's rule) is
#     that function;
#   - any changed class also affects every class that uses it (found by its name in the sources
#     with comments stripped, transitively), so a kernel in internal/ used by several functions
#     selects all of them;
#   - a change to the reference package itself (ReferenceActivation, ReferenceFunction, ...)
#     selects every function;
#   - the oracle decides a sweep's hardest inputs, so oracle/.../function/<Name>.java selects that
#     function and, by the same rule of users, the functions whose oracle classes use it; a change
#     to the oracle's package or its internal/ selects every function;
#   - a catalog entry (spec/.../catalog/<id>.json: defaults, parameters) selects that function, a
#     change to the spec's parameter resolution or rounding (spec.params, spec.format) every one.
# Axis functions are listed but not swept (./tck exhaustive takes elementwise functions only;
# ./tck run --functions checks them). Each selected function is swept in its default dialect
# (keras3, else the first dialect of its catalog entry) and, where the reference has a separate
# kernel for it, in the variants of EXTRA_VARIANTS below; value, then derivative.
# Options after -- go to every ./tck exhaustive call (e.g. -- --range 0x3f800000:0x3f900000).
# --dry-run prints the functions and the commands and runs nothing.
# Exit: 0 every sweep passed (or nothing to sweep), 1 a sweep failed, 2 usage error.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

pkg=org/activationtck/reference
src="reference/src/main/java/$pkg"
catalog=spec/src/main/resources/org/activationtck/spec/catalog
# The reference's sources now, and before the modules were split (harness/, package ...tck.reference).
roots="(reference/src/main/java/org/activationtck/reference|harness/src/main/java/org/activationtck/tck/reference)"

# Variants with kernels of their own, swept besides the default dialect.
declare -A EXTRA_VARIANTS=(
  [gelu]="--dialect keras3 --param approximate=true"   # tanh form: GeluTanhFastPath
  [hard_sigmoid]="--dialect onnx"            # alpha x + beta with float32 attributes
  [hard_silu]="--dialect onnx"               # HardSilu.OnnxHardSwish, slope float32(1/6)
)

usage() { sed -n '2,/^set /p' "$0" | sed -n 's/^# \{0,1\}//p' >&2; exit 2; }

dry=false
rev=
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dry-run) dry=true ;;
    -h|--help) usage ;;
    --) shift; extra=("$@"); break ;;
    -*) echo "sweep-changed: unknown option $1" >&2; usage ;;
    *) [[ -z "$rev" ]] || { echo "sweep-changed: one revision or range only" >&2; exit 2; }; rev=$1 ;;
  esac
  shift
done

if [[ -z "$rev" ]]; then
  for m in origin/main main; do
    if git rev-parse -q --verify "$m^{commit}" >/dev/null; then
      rev=$(git merge-base HEAD "$m")
      break
    fi
  done
  if [[ -z "$rev" || "$rev" == "$(git rev-parse HEAD)" ]]; then rev=HEAD~1; fi
fi

if [[ "$rev" == *..* ]]; then
  changed=$(git diff --name-only "$rev") || { echo "sweep-changed: bad range '$rev'" >&2; exit 2; }
  label=$rev
else
  git rev-parse -q --verify "$rev^{commit}" >/dev/null || { echo "sweep-changed: unknown revision '$rev'" >&2; exit 2; }
  changed=$(git diff --name-only "$rev"; git ls-files --others --exclude-standard -- reference/src/main)
  label="$rev (= $(git rev-parse --short "$rev")) .. working tree"
fi

snake() { sed -E 's/([a-z0-9])([A-Z])/\1_\2/g' <<<"$1" | tr '[:upper:]' '[:lower:]'; }

all_ids=$(ls "$catalog" | sed -n 's/\.json$//p' | grep -vx 'index\|tolerances')

# Per source tree (the reference, the oracle), each class and the classes of that tree whose code
# names it. Keys are TREE:Class (ref:Sigmoid, ora:Sigmoid): the two trees share class names.
oracle_src=oracle/src/main/java/org/activationtck/oracle
declare -A users=()
while read -r used user; do
  users[$used]+="$user "
done < <(for tree in "ref:$src" "ora:$oracle_src"; do
  find "${tree#*:}" -name '*.java' ! -name package-info.java | sort | perl -e '
  my $tag = shift;
  my @files = map { chomp; $_ } <STDIN>;
  my %body;
  for my $f (@files) {
    my ($c) = $f =~ m{([A-Za-z0-9]+)\.java$};
    local $/; open my $h, "<", $f or die "$f: $!"; my $t = <$h>;
    $t =~ s{/\*.*?\*/}{}gs; $t =~ s{//[^\n]*}{}g;
    $body{$c} = $t;
  }
  for my $user (sort keys %body) {
    for my $used (sort keys %body) {
      print "$tag:$used $tag:$user\n" if $used ne $user && $body{$user} =~ /\b\Q$used\E\b/;
    }
  }' "${tree%%:*}"
done)

declare -A affected=()   # TREE:Class -> why: "changed: PATH", or the chain of classes to a changed one
declare -A catalog_changes=()   # catalog id -> "catalog entry changed"
queue=()
everything=false
package_changes=()
oracle_pkg="oracle/src/main/java/org/activationtck/oracle"
while IFS= read -r path; do
  [[ -n "$path" ]] || continue
  if [[ "$path" =~ ^$roots/(function|internal|kernel)/([A-Za-z0-9]+)\.java$ ]]; then
    cls=${BASH_REMATCH[3]}
    [[ "$cls" == package-info ]] && continue
    if [[ -z "${affected[ref:$cls]:-}" ]]; then affected[ref:$cls]="changed: $path"; queue+=("ref:$cls"); fi
  elif [[ "$path" =~ ^$roots/([A-Za-z0-9]+)\.java$ ]]; then
    [[ "${BASH_REMATCH[2]}" == package-info ]] || { everything=true; package_changes+=("$path"); }
  elif [[ "$path" =~ ^$oracle_pkg/function/([A-Za-z0-9]+)\.java$ ]]; then
    # the oracle decides the sweeps' hardest inputs (Float32Truth's last tier)
    cls=${BASH_REMATCH[1]}
    [[ "$cls" == package-info ]] && continue
    if [[ -z "${affected[ora:$cls]:-}" ]]; then affected[ora:$cls]="changed: $path"; queue+=("ora:$cls"); fi
  elif [[ "$path" =~ ^$oracle_pkg/(internal/)?([A-Za-z0-9]+)\.java$ ]]; then
    [[ "${BASH_REMATCH[2]}" == package-info ]] || { everything=true; package_changes+=("$path"); }
  elif [[ "$path" =~ ^spec/src/main/java/org/activationtck/spec/(params|format)/[A-Za-z0-9]+\.java$ ]]; then
    everything=true; package_changes+=("$path")   # parameter resolution and rounding: every function
  elif [[ "$path" =~ ^$catalog/([a-z0-9_]+)\.json$ ]]; then
    id=${BASH_REMATCH[1]}
    [[ "$id" == index || "$id" == tolerances ]] || catalog_changes[$id]="catalog entry changed"
  fi
done <<<"$changed"

# Transitive users of every changed class, within its tree.
while [[ ${#queue[@]} -gt 0 ]]; do
  cls=${queue[0]}; queue=("${queue[@]:1}")
  for u in ${users[$cls]:-}; do
    if [[ -z "${affected[$u]:-}" ]]; then
      if [[ "${affected[$cls]}" == changed:* ]]; then affected[$u]="uses ${cls#*:}"; else affected[$u]="${affected[$cls]/uses/uses ${cls#*:} >}"; fi
      queue+=("$u")
    fi
  done
done

declare -A selected=()
for key in "${!affected[@]}"; do
  id=$(snake "${key#*:}")
  if grep -qx "$id" <<<"$all_ids"; then
    why=${affected[$key]}
    [[ "$key" == ora:* ]] && why="oracle: ${why/#changed: */changed}" || why=${why/#changed: */changed}
    selected[$id]=${selected[$id]:+${selected[$id]}; }$why
  fi
done
for id in "${!catalog_changes[@]}"; do
  grep -qx "$id" <<<"$all_ids" && selected[$id]=${selected[$id]:+${selected[$id]}; }${catalog_changes[$id]}
done
if $everything; then
  for id in $all_ids; do selected[$id]=${selected[$id]:-"shared code changed"}; done
fi

echo "changes: $label"
for key in $(printf '%s\n' "${!affected[@]}" | sort); do
  if [[ "${affected[$key]}" == changed:* ]]; then echo "  ${affected[$key]#changed: }"; fi
done
for id in $(printf '%s\n' "${!catalog_changes[@]}" | sort); do
  echo "  $catalog/$id.json"
done
for path in ${package_changes[@]+"${package_changes[@]}"}; do
  echo "  $path (shared by every function)"
done
if [[ ${#selected[@]} -eq 0 ]]; then
  echo "no reference kernel, oracle function or catalog entry changed: nothing to sweep"
  exit 0
fi

kind() { grep -o '"kind": *"[a-z]*"' "$catalog/$1.json" | head -1 | sed 's/.*"\([a-z]*\)"$/\1/'; }
default_dialect() {
  perl -MJSON::PP -e 'local $/; open my $f, "<", $ARGV[0] or die; my $j = decode_json(<$f>);
    my @d = grep { exists $j->{names}{$_} } qw(keras3 tf_keras2 pytorch jax onnx); print $d[0];' "$catalog/$1.json"
}

commands=()
echo "functions:"
for id in $(printf '%s\n' "${!selected[@]}" | sort); do
  why=${selected[$id]}
  if [[ "$(kind "$id")" != elementwise ]]; then
    echo "  $id ($why): axis function, not swept; check it with ./tck run --functions $id"
    continue
  fi
  echo "  $id ($why)"
  variants=("--dialect $(default_dialect "$id")")
  [[ -n "${EXTRA_VARIANTS[$id]:-}" ]] && variants+=("${EXTRA_VARIANTS[$id]}")
  for v in "${variants[@]}"; do
    for d in "" " --derivative"; do
      commands+=("./tck exhaustive --function $id $v$d --progress 0${extra[*]:+ ${extra[*]}}")
    done
  done
done

echo "sweeps: ${#commands[@]}"
if $dry; then
  printf '  %s\n' "${commands[@]}"
  exit 0
fi

failed=0
summary=()
start=$SECONDS
for c in "${commands[@]}"; do
  echo
  echo "\$ $c"
  t0=$SECONDS
  rc=0
  # Word splitting of $c is intended: the command is built from ids and options without spaces.
  $c || rc=$?
  t=$((SECONDS - t0))
  if [[ $rc -eq 0 ]]; then status=passed; else status="FAILED (exit $rc)"; failed=$((failed + 1)); fi
  echo "sweep-changed: $status in ${t} s"
  summary+=("$(printf '%-7s %5d s  %s' "${status%% *}" "$t" "${c#./tck exhaustive }")")
done

echo
echo "sweep-changed: summary"
printf '  %s\n' "${summary[@]}"
echo "total: ${#commands[@]} sweeps, $failed failed, $((SECONDS - start)) s"
[[ $failed -eq 0 ]] || exit 1
