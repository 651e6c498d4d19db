#!/usr/bin/env bash
# The tests: sets up whatever is missing, reinstalls the site test.localhost fresh with this
# checkout's app, then runs pytest in the bench's Python. Extra arguments go to pytest, e.g.
#   ./scripts/test.sh kinerja_kecamatan/tests/test_capaian.py -k negatif
source "$(dirname "$0")/lib/setup.sh"

TEST_SITE="${TEST_SITE:-test.localhost}"

ensure_everything
build_assets

if site_exists "$TEST_SITE"; then
	log "Reinstalling site $TEST_SITE"
	bench_cmd --site "$TEST_SITE" reinstall --yes --db-root-password "$DB_ROOT_PASSWORD" \
		--admin-password "$ADMIN_PASSWORD" >/dev/null || die "bench reinstall of $TEST_SITE failed (see above)"
	bench_cmd --site "$TEST_SITE" install-app "$APP_NAME" >/dev/null || die "install-app on $TEST_SITE failed (see above)"
	bench_cmd --site "$TEST_SITE" execute "$APP_NAME.site_setup.complete_setup_wizard" >/dev/null \
		|| die "completing the setup wizard on $TEST_SITE failed (see above)"
else
	new_site "$TEST_SITE"
fi
bench_cmd --site "$TEST_SITE" set-config allow_tests true >/dev/null
bench_cmd --site "$TEST_SITE" set-config host_name "http://$TEST_SITE:8000" >/dev/null

log "Running pytest on $TEST_SITE"
args=("$@")
[ ${#args[@]} -eq 0 ] && args=("$APP_NAME")
cd "$BENCH_DIR/apps/$APP_NAME"
set +e
as_bench_user env KINERJA_TEST_SITE="$TEST_SITE" SITES_PATH="$BENCH_DIR/sites" \
	"$BENCH_DIR/env/bin/python" -m pytest "${args[@]}"
status=$?
set -e
exit $status
