#!/usr/bin/env bash
# Benchmarks, each printed as ratios against a baseline measured in the same run.
#   ./scripts/benchmark.sh          desk, reports, excel and growth, in this order:
#   ./scripts/benchmark.sh desk     the desk over HTTP (open/save/submit Isian, transition, report,
#                                   PDF, throughput of 30 heads) vs plain Frappe twins, bare
#                                   wkhtmltopdf and frappe.ping on gunicorn, with query counts
#   ./scripts/benchmark.sh desk --profile
#                                   also a cProfile of each desk operation whose goal is not met
#   ./scripts/benchmark.sh reports  reports at kabupaten scale vs Frappe's Report View
#   ./scripts/benchmark.sh excel    Format Isian made and imported vs openpyxl's bare save and load
#   ./scripts/benchmark.sh growth   how the cost of saves, transitions and reports grows with size
#   ./scripts/benchmark.sh kabupaten [--workers N] [--seconds S] [--reseed]
#                                   (not in "all") a kabupaten at once: 80 heads, 8 officer pairs
#                                   and 8 managers on gunicorn, reads on the primary then on the
#                                   read replica, on its own site (KABUPATEN_SITE)
#   ./scripts/benchmark.sh soak [--minutes N] [--workers N] [--reseed]
#                                   (not in "all") the kabupaten's mix for N minutes (default 20)
#                                   with RQ workers beside gunicorn, their memory sampled every
#                                   minute; a verdict line, and exit 1 if it fails (benchmarks/soak.py)
#   ./scripts/benchmark.sh --smoke [desk|reports|excel|growth]
#                                   the same at tiny sizes, one sample each, in two to three minutes:
#                                   proves they still run (tests/test_benchmarks.py runs it in CI);
#                                   its ratios are printed but mean nothing
# --check: print what would be installed, started or created, and change nothing
# Options come first, in any order: ./scripts/benchmark.sh --check --smoke
smoke=()
while [ $# -gt 0 ]; do
	case "$1" in
	--check) export CHECK_ONLY=1 ;;
	--smoke) smoke=(--smoke) ;;
	*) break ;;
	esac
	shift
done
source "$(dirname "$0")/lib/setup.sh"

BENCH_SITE="${BENCH_SITE:-bench.localhost}"
which="${1:-all}"
shift || true
desk_args=("$@") # e.g. --profile
case "$which" in
	all | desk | reports | excel | growth | kabupaten | soak) ;;
	*) die "unknown benchmark '$which': use desk, reports, excel, growth, kabupaten, soak or nothing for all but kabupaten and soak" ;;
esac
case "$which" in kabupaten | soak)
	[ ${#smoke[@]} -gt 0 ] \
		&& die "--smoke is for desk, reports, excel and growth; the kabupaten load test has --seconds instead, the soak --minutes"
	;;
esac
ensure_everything
build_assets
if [ "$which" = kabupaten ] || [ "$which" = soak ]; then
	# the soak is the kabupaten's mix on the kabupaten's site and seed, reads on the primary only
	KABUPATEN_SITE="${KABUPATEN_SITE:-kabupaten.localhost}"
	ensure_site "$KABUPATEN_SITE"
	if [ "$which" = kabupaten ]; then
		source "$(dirname "$0")/lib/replica.sh"
		ensure_replica # after the site, so that the replica has it
	fi
	if [ "$CHECK_ONLY" = 1 ]; then
		if [ "$which" = kabupaten ]; then
			would "run the kabupaten load test on $KABUPATEN_SITE"
		else
			would "run the soak on $KABUPATEN_SITE: the kabupaten's mix with RQ workers, memory sampled every minute"
		fi
		exit 0
	fi
	# the seed makes 112 users; Frappe throttles more than 60 an hour by default
	bench_cmd --site "$KABUPATEN_SITE" set-config --parse throttle_user_limit 10000 >/dev/null
	cd "$BENCH_DIR/sites"
	log "Benchmark: $which"
	as_bench_user "$BENCH_DIR/env/bin/python" "$BENCH_DIR/apps/$APP_NAME/benchmarks/$which.py" "$KABUPATEN_SITE" "$@" \
		|| die "the $which benchmark failed (see above; the soak fails when its verdict does)"
	exit 0
fi
ensure_site "$BENCH_SITE"
if [ "$CHECK_ONLY" = 1 ]; then
	would "run the benchmarks: $which${smoke[*]:+ (smoke: tiny sizes, one sample each)}"
	exit 0
fi
# each desk run makes ~40 users; Frappe throttles more than 60 an hour by default
bench_cmd --site "$BENCH_SITE" set-config --parse throttle_user_limit 10000 >/dev/null
cd "$BENCH_DIR/sites"
for name in desk reports excel growth; do
	if [ "$which" = all ] || [ "$which" = "$name" ]; then
		log "Benchmark: $name${smoke[*]:+ (smoke)}"
		args=(${smoke[@]+"${smoke[@]}"})
		[ "$name" = desk ] && args+=(${desk_args[@]+"${desk_args[@]}"})
		as_bench_user "$BENCH_DIR/env/bin/python" "$BENCH_DIR/apps/$APP_NAME/benchmarks/$name.py" "$BENCH_SITE" "${args[@]}" \
			|| die "the $name benchmark failed (see above)"
	fi
done
