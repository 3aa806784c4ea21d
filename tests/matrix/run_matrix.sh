#!/usr/bin/env bash
# The test matrix: for each Debian suite (default: trixie = QGIS 3.40, sid = the current LTR),
# build or reuse its chroot, then inside it run the README's `make test` natively and the
# real-QGIS smoke (the ZIP installed into a fresh profile, the synergy dock run three times
# in one QGIS process, every algorithm listed by qgis_process). Results, screenshots and
# logs land in build/matrix/<suite>/; a summary table is printed at the end.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CHROOT="$ROOT/tests/matrix/chroot.sh"
OUT="$ROOT/build/matrix"
SUITES=("$@")
[ ${#SUITES[@]} -gt 0 ] || SUITES=(trixie sid)
mkdir -p "$OUT"

# Inside the chroot: the suite, then the smoke on a ZIP built there from the same tree.
INNER='set -o pipefail
mkdir -p build/matrix
rc=0
make test 2>&1 | tee build/matrix/suite.log | tail -n 40 || rc=1
grep -E "^=+ .*(passed|failed|error).* in " build/matrix/suite.log | sed "s/=//g; s/^ *//; s/ *$//" | paste -sd ";" - | sed "s/;/; /g" > build/matrix/suite.txt
make demo > build/matrix/demo.log 2>&1 && echo "demo: ok" >> build/matrix/suite.txt || { echo "demo: FAILED" >> build/matrix/suite.txt; rc=1; }
make package >/dev/null && python3 tests/smoke/run_smoke.py --zip dist/jwjt_plugin-*.zip --out build/matrix/smoke \
    --locale zh-Hans --size 1366x768 --runs 3 2>&1 | tee build/matrix/smoke.log | tail -n 20 || rc=1
exit $rc'

declare -A RESULT
overall=0
for suite in "${SUITES[@]}"; do
    echo "=== matrix: $suite ==="
    if ! "$CHROOT" build "$suite"; then
        RESULT[$suite]="chroot build failed"; overall=1; continue
    fi
    "$CHROOT" run "$suite" "$INNER"
    rc=$?
    dir="${MATRIX_CACHE:-/var/cache/jwjt-matrix}/$suite/src/build/matrix"
    rm -rf "${OUT:?}/$suite" && mkdir -p "$OUT/$suite"
    [ -d "$dir" ] && cp -r "$dir/." "$OUT/$suite/"
    suite_line=$(paste -sd " " "$OUT/$suite/suite.txt" 2>/dev/null || echo "no result")
    smoke_line=$(grep -h '^smoke:' "$OUT/$suite/smoke.log" 2>/dev/null | tail -n1)
    RESULT[$suite]="rc=$rc | suite: ${suite_line} | ${smoke_line:-smoke: no result}"
    [ $rc -eq 0 ] || overall=1
done

echo
echo "=== matrix summary ==="
for suite in "${SUITES[@]}"; do
    printf '%-8s %s\n' "$suite" "${RESULT[$suite]}"
done
exit $overall
