#!/usr/bin/env bash
# The province benchmark: in one run, warm cache, alternating, it times the read floor (every
# record file read once, two processes), `huitoukan check`, `huitoukan report --format json`,
# `huitoukan report --format html` and, where taplo is installed, `taplo lint` of the same files;
# where Chromium is installed, how long it takes to render the HTML report of one city (load,
# lay out the whole page and paint it: a screenshot, less the same for an empty page) and to
# print it to PDF;
# `huitoukan merge` of 31 provincial reports (the scale-1 province's report under 31 regions);
# then prints medians (wall, user and system seconds), ratios, peak RSS, and whether the targets are met. Scale 3 is timed too,
# for the scaling target, and the piped tables' memory is measured once.
#
# It also times `report --format xlsx` and `import` of that workbook into a tree of the same
# units with no items.
#
#   bench/run.sh [ROUNDS] [SCALE]  (default 5 rounds, scale 1, a whole number; the trees are
#                                   generated once under target/bench/)
#   BENCH_SMALL=1 bench/run.sh 1 (the example tree in place of the province: checks the script)
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-5}
scale=${2:-1}
work=target/bench
mkdir -p "$work"

cargo build --release --quiet --bin huitoukan --example gen_province
bin=$PWD/target/release/huitoukan
gen=$PWD/target/release/examples/gen_province

scale3=$((scale * 3))
if [ "${BENCH_SMALL:-}" = 1 ]; then
  work=target/bench-small
  mkdir -p "$work"
  for s in "$scale" "$scale3"; do
    rm -rf "$work/province-s$s"
    cp -r examples/zhejiang-2015 "$work/province-s$s"
    touch "$work/province-s$s/.complete"
  done
fi
for s in "$scale" "$scale3"; do
  tree=$work/province-s$s
  if [ ! -f "$tree/.complete" ]; then
    rm -rf "$tree"
    "$gen" "$tree" --scale "$s" --seed 1
    touch "$tree/.complete"
  fi
done

# History (SPEC 11): a git copy of scale 1 with 12 monthly commits, each changing 1 % of the
# items (their deadline moved a day later), built once with the git binary.
hist=$work/history-s1
if [ ! -f "$hist/.complete" ]; then
  rm -rf "$hist"
  cp -r "$work/province-s1" "$hist"
  rm -f "$hist/.complete"
  (
    cd "$hist"
    export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org
    export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
    git init -q -b main
    find . -path ./.git -prune -o -path '*/items/*.toml' -print | sort > ../history-items.txt
    total=$(wc -l < ../history-items.txt)
    step=$(( total / 100 > 0 ? total / 100 : 1 ))
    for month in $(seq 1 12); do
      if [ "$month" -gt 1 ]; then
        # 1 % of the items, a different 1 % each month.
        awk -v m="$month" -v n=100 'NR % n == m % n' ../history-items.txt | head -n "$step" |
          xargs -d '\n' sed -i 's/^deadline = 2015-\([0-9][0-9]\)-\([0-9][0-9]\)/deadline = 2017-\1-\2/'
      fi
      date=$(printf '2016-%02d-15T12:00:00+08:00' "$month")
      git add -A && GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date git commit -q -m "month $month"
    done
  )
  touch "$hist/.complete"
fi
# 31 provincial reports for `merge`: the scale-1 province's `report --format json`, each copy
# named by a region of its own (merge refuses two inputs of one name).
reports=$work/reports
if [ ! -f "$reports/.complete" ]; then
  rm -rf "$reports"
  mkdir -p "$reports"
  (cd "$work/province-s1" && "$bin" report . --as-of 2015-03-10 --format json) > "$reports/province.json"
  for n in $(seq -w 1 31); do
    sed '0,/"region": null/s//"region": "省'"$n"'"/' "$reports/province.json" > "$reports/p$n.json"
  done
  rm "$reports/province.json"
  touch "$reports/.complete"
fi
inputs=()
for n in $(seq -w 1 31); do inputs+=("p$n.json"); done

# seconds and peak RSS (KiB) of one run, appended to $work/NAME.times as
# "wall kib user system" (stdout goes to /dev/null: not a terminal)
measure() {
  local name=$1 dir=$2
  shift 2
  # What the commands before wrote reaches the disk first, so that no command is timed while
  # the kernel writes back another's files (import's 57,764 files take it tens of seconds).
  sync
  ( cd "$dir" && /usr/bin/time -f "%e %M %U %S" -o "$PWD/../$name.time.tmp" "$@" >/dev/null 2>&1 ) || true
  cat "$work/$name.time.tmp" >> "$work/$name.times"
}

floor() { find . -name '*.toml' -print0 | xargs -0 -P2 -n 4000 cat >/dev/null; }
export -f floor

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -v c="$2" '{ print $c }' "$work/$1.times"; }

rm -f "$work"/*.times
rm -rf "$work"/import-target "$work"/import-target-*
have_taplo=$(command -v taplo >/dev/null && echo yes || echo no)
have_chromium=$(command -v chromium >/dev/null && echo yes || echo no)
s1=$work/province-s$scale
s3=$work/province-s$scale3
city_html=$PWD/$work/city.html
if [ "$have_chromium" = yes ]; then
  "$bin" report "$s1" --org 杭州市 --as-of 2015-03-10 --format html --output "$city_html" --force
fi
empty_html=$PWD/$work/empty.html
echo '<!DOCTYPE html><title>.</title>' > "$empty_html"
# Chromium on a page, with a fresh profile and no network: `shot PAGE` renders it (a
# screenshot lays out the whole page), `print PAGE` prints it to PDF.
chromium_on() {
  local what=$1 page=$2 profile
  profile=$(mktemp -d)
  local out=(--screenshot="$page.png" --window-size=1280,1000)
  [ "$what" = print ] && out=(--no-pdf-header-footer --print-to-pdf="$page.pdf")
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$profile" "${out[@]}" "file://$page"
  rm -rf "$profile"
}
export -f chromium_on
export city_html empty_html
xlsx=$PWD/$work/province-s$scale.xlsx
# The units of scale 1 without their items: where the workbook is imported, afresh each round.
units=$work/units-s$scale
rm -rf "$units"
cp -r "$s1" "$units"
find "$units" -name '*.toml' ! -name unit.toml ! -name huitoukan.toml -delete
"$bin" report "$s1" --as-of 2015-03-10 --format xlsx --output "$xlsx" --force

# Warm the cache and the binary.
(cd "$s1" && floor && "$bin" check . --as-of 2015-03-10 --format json >/dev/null) || true
(cd "$s3" && floor) || true

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq "$rounds"); do
  measure floor "$s1" bash -c floor
  measure check "$s1" "$bin" check . --as-of 2015-03-10 --format json
  measure report "$s1" "$bin" report . --as-of 2015-03-10 --format json
  measure html "$s1" "$bin" report . --as-of 2015-03-10 --format html
  if [ "$have_chromium" = yes ]; then
    measure empty "$s1" bash -c 'chromium_on shot "$empty_html"'
    measure render "$s1" bash -c 'chromium_on shot "$city_html"'
    measure print "$s1" bash -c 'chromium_on print "$city_html"'
  fi
  if [ "$have_taplo" = yes ]; then
    measure taplo "$s1" env RUST_LOG=error taplo lint --colors never '**/*.toml'
  fi
  # Each tree is read just before it is timed, as scale 1 is (by the floor): a tree read once a
  # round is otherwise partly out of the page cache by then (the kernel reclaims what has not
  # been touched for a while), and a cold read would be timed.
  (cd "$s3" && floor)
  measure check3 "$s3" "$bin" check . --as-of 2015-03-10 --format json
  (cd "$hist" && floor && cat .git/objects/pack/* >/dev/null)
  measure hcheck "$hist" "$bin" check . --as-of 2015-03-10 --format json
  measure hreport "$hist" "$bin" report . --as-of 2015-03-10 --format json
  measure diff "$hist" "$bin" diff HEAD~1 HEAD --as-of 2015-03-10 --format json
  measure at "$hist" "$bin" report . --at HEAD~1 --as-of 2015-03-10 --format json
  measure trend "$hist" "$bin" trend --from 2016-01-01 --to 2016-12-31 --format json
  cat "$reports"/p*.json >/dev/null
  measure merge "$reports" "$bin" merge "${inputs[@]}" --name 全国
  measure xlsx "$s1" "$bin" report . --as-of 2015-03-10 --format xlsx --output "$xlsx" --force
  # A fresh copy for each round, none deleted until the rounds are over: ext4 passes over
  # inodes freed in the last minutes when it allocates one (`recently_deleted`), so a tree of
  # 57,764 files deleted just before would be timed, not the import (see BENCHMARKS.md).
  cp -r "$units" "$work/import-target-$round"
  measure import "$work/import-target-$round" "$bin" import "$xlsx" --as-of 2015-03-10
  echo "round $round of $rounds done" >&2
done

rm -rf "$work"/import-target-*

# Memory of the piped tables, once: `--by org` on scale 1 (23,000 folders) and `--by item` on
# scale 3 (173,000 items), each beside `report --format json` on the same tree.
measure table_org "$s1" "$bin" report . --as-of 2015-03-10 --format table --by org
measure report3 "$s3" "$bin" report . --as-of 2015-03-10 --format json
measure table_item3 "$s3" "$bin" report . --as-of 2015-03-10 --format table --by item

bytes() { find "$1" -name '*.toml' -type f -printf '%s\n' | awk '{ s += $1 } END { print s }'; }
files() { find "$1" -name '*.toml' -type f | wc -l; }
b1=$(bytes "$s1")

m() { col "$1" 1 | median; }
user() { col "$1" 3 | median; }
sys() { col "$1" 4 | median; }
peak() { col "$1" 2 | sort -n | tail -1; }
f=$(m floor); c=$(m check); r=$(m report); h=$(m html); c3=$(m check3)
pc=$(peak check); pr=$(peak report)
g=$(m merge); pg=$(peak merge)
rb=$(find "$reports" -name 'p*.json' -printf '%s\n' | awk '{ s += $1 } END { print s }')
x=$(m xlsx); px=$(peak xlsx); i=$(m import)

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
echo "load average (1, 5, 15 min): $load_before before the rounds, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "scale $scale: $(files "$s1") files, $b1 bytes; scale $scale3: $(files "$s3") files, $(bytes "$s3") bytes; $rounds rounds, medians"
echo
cpu() { printf '%-34s %8s   user %s s, system %s s\n' "" "" "$(user "$1")" "$(sys "$1")"; }
printf '%-34s %8s s\n' "read floor (find | xargs -P2 cat)" "$f"
cpu floor
printf '%-34s %8s s   peak RSS %s KiB\n' "huitoukan check" "$c" "$pc"
cpu check
printf '%-34s %8s s   peak RSS %s KiB\n' "huitoukan report --format json" "$r" "$pr"
cpu report
printf '%-34s %8s s   peak RSS %s KiB\n' "huitoukan report --format html" "$h" "$(peak html)"
if [ "$have_chromium" = yes ]; then
  render=$(awk -v a="$(m render)" -v b="$(m empty)" 'BEGIN { printf "%.2f", a - b }')
  printf '%-34s %8s s   (%s bytes of HTML; %s s with start-up)\n' "chromium: render one city" "$render" "$(wc -c < "$city_html")" "$(m render)"
  printf '%-34s %8s s\n' "chromium: print one city to PDF" "$(m print)"
fi
if [ "$have_taplo" = yes ]; then
  printf '%-34s %8s s   peak RSS %s KiB\n' "taplo lint" "$(m taplo)" "$(peak taplo)"
  cpu taplo
fi
printf '%-34s %8s s\n' "huitoukan check, scale $scale3" "$c3"
printf '%-34s %8s s   peak RSS %s KiB   (31 reports, %s bytes)\n' "huitoukan merge" "$g" "$pg" "$rb"
printf '%-34s %8s s   peak RSS %s KiB\n' "huitoukan report --format xlsx" "$x" "$px"
printf '%-34s %8s s   peak RSS %s KiB\n' "huitoukan import (that workbook)" "$i" "$(peak import)"
cpu check3
for t in table_org report3 table_item3; do
  case $t in
    table_org) label="table --by org (once)" ;;
    report3) label="report json, scale 3 (once)" ;;
    table_item3) label="table --by item, scale 3 (once)" ;;
  esac
  printf '%-34s %8s s   peak RSS %s KiB\n' "$label" "$(m $t)" "$(peak $t)"
  cpu $t
done
echo

verdict() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }' && echo met || echo "NOT met"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
rss_ratio=$(awk -v k="$( (echo "$pc"; echo "$pr") | sort -n | tail -1)" -v b="$b1" 'BEGIN { printf "%.2f", k * 1024 / b }')
printf '%-44s %6s  (target <= 1.25)  %s\n' "check / read floor" "$(ratio "$c" "$f")" "$(verdict "$(ratio "$c" "$f")" 1.25)"
printf '%-44s %6s  (target <= 1.05)  %s\n' "report / check" "$(ratio "$r" "$c")" "$(verdict "$(ratio "$r" "$c")" 1.05)"
printf '%-44s %6s  (target <= 1.10)  %s\n' "report html / report json" "$(ratio "$h" "$r")" "$(verdict "$(ratio "$h" "$r")" 1.1)"
if [ "$have_chromium" = yes ]; then
  printf '%-44s %6s  (target <= 2.00)  %s\n' "chromium render of one city (s)" "$render" "$(verdict "$render" 2.0)"
fi
printf '%-44s %6s  (target <= 2.50)  %s\n' "peak RSS / tree bytes (scale 1)" "$rss_ratio" "$(verdict "$rss_ratio" 2.5)"
to=$(ratio "$(peak table_org)" "$pr"); ti=$(ratio "$(peak table_item3)" "$(peak report3)")
printf '%-44s %6s  (target <= 2.00)  %s\n' "RSS table --by org / report json" "$to" "$(verdict "$to" 2)"
printf '%-44s %6s  (target <= 2.00)  %s\n' "RSS table --by item / json (scale 3)" "$ti" "$(verdict "$ti" 2)"
printf '%-44s %6s  (target <= 3.30)  %s\n' "check scale 3 / check scale 1" "$(ratio "$c3" "$c")" "$(verdict "$(ratio "$c3" "$c")" 3.3)"
merge_rss=$(awk -v k="$pg" -v b="$rb" 'BEGIN { printf "%.2f", k * 1024 / b }')
printf '%-44s %6s  (target <= 2.00)  %s\n' "merge of 31 reports / report" "$(ratio "$g" "$r")" "$(verdict "$(ratio "$g" "$r")" 2.0)"
printf '%-44s %6s  (target <= 3.00)  %s\n' "merge peak RSS / bytes of the 31 reports" "$merge_rss" "$(verdict "$merge_rss" 3.0)"
xrss=$(awk -v k="$px" -v b="$b1" 'BEGIN { printf "%.2f", k * 1024 / b }')
printf '%-44s %6s  (target <= 3.00)  %s\n' "report xlsx / report json" "$(ratio "$x" "$r")" "$(verdict "$(ratio "$x" "$r")" 3.0)"
printf '%-44s %6s  (target <= 4.00)  %s\n' "xlsx peak RSS / tree bytes (scale 1)" "$xrss" "$(verdict "$xrss" 4.0)"
printf '%-44s %6s  (target <= 5.00)  %s\n' "import / check" "$(ratio "$i" "$c")" "$(verdict "$(ratio "$i" "$c")" 5.0)"
if [ "$have_taplo" = yes ]; then
  printf '%-44s %6s\n' "taplo lint / check" "$(ratio "$(m taplo)" "$c")"
fi
hc=$(m hcheck); hr=$(m hreport)
printf '%-44s %6s  (target <= 1.50)  %s\n' "diff HEAD~1 HEAD / check (git copy)" "$(ratio "$(m diff)" "$hc")" "$(verdict "$(ratio "$(m diff)" "$hc")" 1.5)"
printf '%-44s %6s  (target <= 1.30)  %s\n' "report --at HEAD~1 / report (git copy)" "$(ratio "$(m at)" "$hr")" "$(verdict "$(ratio "$(m at)" "$hr")" 1.3)"
printf '%-44s %6s  (target <= 12.0)  %s\n' "trend, 12 monthly commits / report" "$(ratio "$(m trend)" "$hr")" "$(verdict "$(ratio "$(m trend)" "$hr")" 12)"
printf '%-34s %8s s   diff %s s, report --at %s s, trend %s s\n' "report on the git copy" "$hr" "$(m diff)" "$(m at)" "$(m trend)"
