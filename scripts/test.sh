#!/usr/bin/env bash
# The tests: sets up whatever is missing, reinstalls the site test.localhost fresh with this
# checkout's app, then runs pytest in the bench's Python. Extra arguments go to pytest, e.g.
#   ./scripts/test.sh kinerja_kecamatan/tests/test_capaian.py -k negatif
TEST_PACKAGES=(chromium libreoffice-calc-nogui)
# --check: print what would be installed, started or created, and change nothing
[ "${1:-}" = --check ] && { export CHECK_ONLY=1; shift; }
source "$(dirname "$0")/lib/setup.sh"
source "$(dirname "$0")/lib/replica.sh"
source "$(dirname "$0")/lib/serve.sh"

TEST_SITE="${TEST_SITE:-test.localhost}"
TEST_PORT="${TEST_PORT:-8001}"

ensure_everything
build_assets
# tests/test_replica.py proves the managers' reads go to it
ensure_replica
if [ "$CHECK_ONLY" = 1 ]; then
	would "reinstall site $TEST_SITE"
	would "$(serve_plan "$TEST_SITE" "$TEST_PORT")"
	would "run pytest on $TEST_SITE"
	exit 0
fi

step "reinstalling site $TEST_SITE"

if site_exists "$TEST_SITE"; then
	log "Reinstalling site $TEST_SITE"
	quietly bench_cmd --site "$TEST_SITE" reinstall --yes --db-root-password "$DB_ROOT_PASSWORD" \
		--admin-password "$ADMIN_PASSWORD" || die "bench reinstall of $TEST_SITE failed (see above)"
	quietly bench_cmd --site "$TEST_SITE" install-app "$APP_NAME" || die "install-app on $TEST_SITE failed (see above)"
	quietly bench_cmd --site "$TEST_SITE" execute "$APP_NAME.site_setup.complete_setup_wizard" \
		|| die "completing the setup wizard on $TEST_SITE failed (see above)"
else
	new_site "$TEST_SITE"
fi
bench_cmd --site "$TEST_SITE" set-config allow_tests true >/dev/null
# the tests create a few hundred users an hour; Frappe throttles more than 60 by default
bench_cmd --site "$TEST_SITE" set-config --parse throttle_user_limit 10000 >/dev/null
# served while the tests run: wkhtmltopdf fetches the print's assets from host_name, and the
# browser tests drive it
bench_cmd --site "$TEST_SITE" set-config host_name "http://127.0.0.1:$TEST_PORT" >/dev/null
# the tests drive it with Chromium as production serves it (nginx, gunicorn, realtime); RQ
# workers are the tests' own (burst workers), so that a test decides when queued work runs
serve_site "$TEST_SITE" "$TEST_PORT" "kinerja-test-$TEST_PORT"
trap 'stop_served "kinerja-test-$TEST_PORT" 2>/dev/null || true' EXIT

step "pytest"
log "Running pytest on $TEST_SITE"
args=("$@")
[ ${#args[@]} -eq 0 ] && args=("$APP_NAME")
cd "$BENCH_DIR/apps/$APP_NAME"
status=0
as_bench_user env KINERJA_TEST_SITE="$TEST_SITE" SITES_PATH="$BENCH_DIR/sites" DB_ROOT_PASSWORD="$DB_ROOT_PASSWORD" KINERJA_REPLICA_PORT="$REPLICA_PORT" \
	"$BENCH_DIR/env/bin/python" -m pytest --durations=40 "${args[@]}" || status=$?
# pytest's own summary says what failed; its status is the script's
exit $status
