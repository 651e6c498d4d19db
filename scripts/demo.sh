#!/usr/bin/env bash
# The main job: sets up whatever is missing, brings the site kinerja.localhost up to this
# checkout's app, and serves it on http://localhost:8000 in the background as a production bench
# does: nginx (assets, files, realtime), gunicorn, socketio, the scheduler and RQ workers.
#   ./scripts/demo.sh          set up and serve
#   ./scripts/demo.sh stop     stop everything it started
#   ./scripts/demo.sh --check  say what the set-up would do, and do nothing
# --check: print what would be installed, started or created, and change nothing
[ "${1:-}" = --check ] && { export CHECK_ONLY=1; shift; }
source "$(dirname "$0")/lib/setup.sh"
source "$(dirname "$0")/lib/serve.sh"

SITE="${SITE:-kinerja.localhost}"
PORT="${PORT:-8000}"
# names the served files: config/nginx-kinerja.conf, logs/kinerja-serve.log, …; a demo on another
# port has its own (kinerja-8010, …), so that stopping it leaves the one on port 8000 running
SERVED=kinerja
[ "$PORT" = 8000 ] || SERVED="kinerja-$PORT"

if [ "${1:-}" = stop ]; then
	stop_served "$SERVED"
	exit 0
fi

ensure_everything
build_assets
ensure_site "$SITE"
if [ "$CHECK_ONLY" = 1 ]; then
	would "$(serve_plan "$SITE" "$PORT" with-workers)"
	would "run the demo quarters of Kecamatan Batumandi and Kecamatan Paringin"
	exit 0
fi
bench_cmd --site "$SITE" set-config host_name "http://localhost:$PORT" >/dev/null
bench_cmd use "$SITE" >/dev/null

serve_site "$SITE" "$PORT" "$SERVED" with-workers

step "the demo quarters"
log "Running the quarters through the 12 steps of each kecamatan's SOP: Batumandi's 2024 and TW I 2025 to step 4, Paringin's TW I 2024 and TW II to step 4"
bench_cmd --site "$SITE" execute kinerja_kecamatan.demo.run.run_demo >"$BENCH_DIR/logs/$SERVED-demo.log" 2>&1 \
	|| {
		# the first exception is the cause (bench execute adds a NameError of its own after it)
		cause=$(grep -E '^[A-Za-z_.]+(Error|Exception)\b' "$BENCH_DIR/logs/$SERVED-demo.log" | head -n 1)
		die "the demo quarters failed: ${cause:-see the log}; the desk is still served; full log: $BENCH_DIR/logs/$SERVED-demo.log"
	}
grep -vE '^("|ERROR|WARNING|INFO)' "$BENCH_DIR/logs/$SERVED-demo.log" || true

STOP="./scripts/demo.sh stop"
[ "$PORT" = 8000 ] || STOP="PORT=$PORT $STOP"
cat <<INFO

Kinerja Kecamatan is running: http://localhost:$PORT/app/kinerja-kecamatan
  Log in as Administrator / $ADMIN_PASSWORD, or as any user above
  Bench: $BENCH_DIR (site $SITE)    Log: $BENCH_DIR/logs/$SERVED-serve.log    Stop: $STOP
INFO
