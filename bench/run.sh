#!/usr/bin/env bash
# The province benchmark: in one run, warm cache, alternating, it times the read floor (every
# record file read once, two processes), `huitoukan check`, `huitoukan report --format json`
# and, where taplo is installed, `taplo lint` of the same files; then prints medians, ratios,
# peak RSS, and whether the targets are met. Scale 3 is timed too, for the scaling target.
#
# It also times `report --format xlsx` and `import` of that workbook into a tree of the same
# units with no items.
#
#   bench/run.sh [ROUNDS]        (default 5; trees are generated once under target/bench/)
#   BENCH_SMALL=1 bench/run.sh 1 (the example tree in place of the province: checks the script)
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-5}
work=target/bench
mkdir -p "$work"

cargo build --release --quiet --bin huitoukan --example gen_province
bin=$PWD/target/release/huitoukan
gen=$PWD/target/release/examples/gen_province

if [ "${BENCH_SMALL:-}" = 1 ]; then
  work=target/bench-small
  mkdir -p "$work"
  for scale in 1 3; do
    rm -rf "$work/province-s$scale"
    cp -r examples/zhejiang-2015 "$work/province-s$scale"
    touch "$work/province-s$scale/.complete"
  done
fi
for scale in 1 3; do
  tree=$work/province-s$scale
  if [ ! -f "$tree/.complete" ]; then
    rm -rf "$tree"
    "$gen" "$tree" --scale "$scale" --seed 1
    touch "$tree/.complete"
  fi
done

# seconds and peak RSS (KiB) of one run, appended to $work/NAME.times as "seconds kib"
measure() {
  local name=$1 dir=$2
  shift 2
  ( cd "$dir" && /usr/bin/time -f "%e %M" -o "$PWD/../$name.time.tmp" "$@" >/dev/null 2>&1 ) || true
  cat "$work/$name.time.tmp" >> "$work/$name.times"
}

floor() { find . -name '*.toml' -print0 | xargs -0 -P2 -n 4000 cat >/dev/null; }
export -f floor

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -v c="$2" '{ print $c }' "$work/$1.times"; }

rm -f "$work"/*.times
have_taplo=$(command -v taplo >/dev/null && echo yes || echo no)
s1=$work/province-s1
s3=$work/province-s3
xlsx=$PWD/$work/province-s1.xlsx
# The units of scale 1 without their items: where the workbook is imported, afresh each round.
units=$work/units-s1
rm -rf "$units"
cp -r "$s1" "$units"
find "$units" -name '*.toml' ! -name unit.toml ! -name huitoukan.toml -delete
"$bin" report "$s1" --as-of 2015-03-10 --format xlsx --output "$xlsx" --force

# Warm the cache and the binary.
(cd "$s1" && floor && "$bin" check . --as-of 2015-03-10 --format json >/dev/null) || true
(cd "$s3" && floor) || true

for round in $(seq "$rounds"); do
  measure floor "$s1" bash -c floor
  measure check "$s1" "$bin" check . --as-of 2015-03-10 --format json
  measure report "$s1" "$bin" report . --as-of 2015-03-10 --format json
  if [ "$have_taplo" = yes ]; then
    measure taplo "$s1" env RUST_LOG=error taplo lint --colors never '**/*.toml'
  fi
  measure check3 "$s3" "$bin" check . --as-of 2015-03-10 --format json
  measure xlsx "$s1" "$bin" report . --as-of 2015-03-10 --format xlsx --output "$xlsx" --force
  rm -rf "$work/import-target" && cp -r "$units" "$work/import-target"
  measure import "$work/import-target" "$bin" import "$xlsx" --as-of 2015-03-10
  echo "round $round of $rounds done" >&2
done

bytes() { find "$1" -name '*.toml' -type f -printf '%s\n' | awk '{ s += $1 } END { print s }'; }
files() { find "$1" -name '*.toml' -type f | wc -l; }
b1=$(bytes "$s1")

m() { col "$1" 1 | median; }
peak() { col "$1" 2 | sort -n | tail -1; }
f=$(m floor); c=$(m check); r=$(m report); c3=$(m check3)
pc=$(peak check); pr=$(peak report)
x=$(m xlsx); px=$(peak xlsx); i=$(m import)

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
echo "scale 1: $(files "$s1") files, $b1 bytes; scale 3: $(files "$s3") files, $(bytes "$s3") bytes; $rounds rounds, medians"
echo
printf '%-34s %8s s\n' "read floor (find | xargs -P2 cat)" "$f"
printf '%-34s %8s s   peak RSS %s KiB\n' "huitoukan check" "$c" "$pc"
printf '%-34s %8s s   peak RSS %s KiB\n' "huitoukan report --format json" "$r" "$pr"
if [ "$have_taplo" = yes ]; then
  printf '%-34s %8s s   peak RSS %s KiB\n' "taplo lint" "$(m taplo)" "$(peak taplo)"
fi
printf '%-34s %8s s\n' "huitoukan check, scale 3" "$c3"
printf '%-34s %8s s   peak RSS %s KiB\n' "huitoukan report --format xlsx" "$x" "$px"
printf '%-34s %8s s   peak RSS %s KiB\n' "huitoukan import (that workbook)" "$i" "$(peak import)"
echo

verdict() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }' && echo met || echo "NOT met"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
rss_ratio=$(awk -v k="$( (echo "$pc"; echo "$pr") | sort -n | tail -1)" -v b="$b1" 'BEGIN { printf "%.2f", k * 1024 / b }')
printf '%-44s %6s  (target <= 1.50)  %s\n' "check / read floor" "$(ratio "$c" "$f")" "$(verdict "$(ratio "$c" "$f")" 1.5)"
printf '%-44s %6s  (target <= 1.10)  %s\n' "report / check" "$(ratio "$r" "$c")" "$(verdict "$(ratio "$r" "$c")" 1.1)"
printf '%-44s %6s  (target <= 3.00)  %s\n' "peak RSS / tree bytes (scale 1)" "$rss_ratio" "$(verdict "$rss_ratio" 3.0)"
printf '%-44s %6s  (target <= 3.30)  %s\n' "check scale 3 / check scale 1" "$(ratio "$c3" "$c")" "$(verdict "$(ratio "$c3" "$c")" 3.3)"
xrss=$(awk -v k="$px" -v b="$b1" 'BEGIN { printf "%.2f", k * 1024 / b }')
printf '%-44s %6s  (target <= 3.00)  %s\n' "report xlsx / report json" "$(ratio "$x" "$r")" "$(verdict "$(ratio "$x" "$r")" 3.0)"
printf '%-44s %6s  (target <= 4.00)  %s\n' "xlsx peak RSS / tree bytes (scale 1)" "$xrss" "$(verdict "$xrss" 4.0)"
printf '%-44s %6s  (target <= 5.00)  %s\n' "import / check" "$(ratio "$i" "$c")" "$(verdict "$(ratio "$i" "$c")" 5.0)"
if [ "$have_taplo" = yes ]; then
  printf '%-44s %6s\n' "taplo lint / check" "$(ratio "$(m taplo)" "$c")"
fi
