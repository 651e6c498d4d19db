#!/usr/bin/env bash
# Benchmarks, each printed as ratios against a baseline measured in the same run.
#   ./scripts/benchmark.sh     reports at kabupaten scale vs Frappe's Report View
source "$(dirname "$0")/lib/setup.sh"

BENCH_SITE="${BENCH_SITE:-bench.localhost}"
ensure_everything
if site_exists "$BENCH_SITE"; then
	bench_cmd --site "$BENCH_SITE" migrate >/dev/null || die "bench migrate on $BENCH_SITE failed"
else
	new_site "$BENCH_SITE"
fi
cd "$BENCH_DIR/sites"
as_bench_user "$BENCH_DIR/env/bin/python" "$BENCH_DIR/apps/$APP_NAME/benchmarks/reports.py" "$BENCH_SITE"
