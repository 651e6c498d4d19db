#!/usr/bin/env bash
# Benchmarks, each printed as ratios against a baseline measured in the same run.
#   ./scripts/benchmark.sh          both, in this order:
#   ./scripts/benchmark.sh desk     the desk over HTTP (open/save Isian, transition, report, PDF,
#                                   throughput of 30 heads) vs frappe.ping on gunicorn
#   ./scripts/benchmark.sh reports  reports at kabupaten scale vs Frappe's Report View
# --check: print what would be installed, started or created, and change nothing
[ "${1:-}" = --check ] && { export CHECK_ONLY=1; shift; }
source "$(dirname "$0")/lib/setup.sh"

BENCH_SITE="${BENCH_SITE:-bench.localhost}"
which="${1:-all}"
case "$which" in
	all | desk | reports) ;;
	*) die "unknown benchmark '$which': use desk, reports or nothing for both" ;;
esac
ensure_everything
build_assets
ensure_site "$BENCH_SITE"
if [ "$CHECK_ONLY" = 1 ]; then
	would "run the benchmarks: $which"
	exit 0
fi
# each desk run makes ~40 users; Frappe throttles more than 60 an hour by default
bench_cmd --site "$BENCH_SITE" set-config --parse throttle_user_limit 10000 >/dev/null
cd "$BENCH_DIR/sites"
for name in desk reports; do
	if [ "$which" = all ] || [ "$which" = "$name" ]; then
		log "Benchmark: $name"
		as_bench_user "$BENCH_DIR/env/bin/python" "$BENCH_DIR/apps/$APP_NAME/benchmarks/$name.py" "$BENCH_SITE" \
			|| die "the $name benchmark failed (see above)"
	fi
done
