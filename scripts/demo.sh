#!/usr/bin/env bash
# The main job: sets up whatever is missing, brings the site kinerja.localhost up to this
# checkout's app, and serves the desk on http://localhost:8000 in the background.
#   ./scripts/demo.sh          set up and serve
#   ./scripts/demo.sh stop     stop the server it started
#   ./scripts/demo.sh --check  say what the set-up would do, and do nothing
# --check: print what would be installed, started or created, and change nothing
[ "${1:-}" = --check ] && { export CHECK_ONLY=1; shift; }
source "$(dirname "$0")/lib/setup.sh"

SITE="${SITE:-kinerja.localhost}"
PORT="${PORT:-8000}"
PIDFILE="$BENCH_DIR/.kinerja-serve.pid"

stop_server() {
	if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
		log "Stopping the server started earlier (pid $(cat "$PIDFILE"))"
		kill -- -"$(cat "$PIDFILE")" 2>/dev/null || kill "$(cat "$PIDFILE")" || true
		for _ in $(seq 1 20); do kill -0 "$(cat "$PIDFILE")" 2>/dev/null || break; sleep 0.5; done
	fi
	rm -f "$PIDFILE"
}

port_taken() { (echo >"/dev/tcp/127.0.0.1/$PORT") >/dev/null 2>&1; }

if [ "${1:-}" = stop ]; then
	stop_server
	exit 0
fi

ensure_everything
build_assets
ensure_site "$SITE"
if [ "$CHECK_ONLY" = 1 ]; then
	would "serve the desk on http://localhost:$PORT and run the demo quarters"
	exit 0
fi
bench_cmd --site "$SITE" set-config host_name "http://localhost:$PORT" >/dev/null
bench_cmd use "$SITE" >/dev/null

step "serving the desk"
stop_server
port_taken && die "port $PORT is taken by another program; stop it (ss -ltnp | grep :$PORT) or set PORT to a free port"

# web, scheduler, realtime and RQ workers per queue as a production bench runs them (two for
# default, one each for short and long), without the file watcher.
cat >"$BENCH_DIR/Procfile.kinerja" <<PROCFILE
web: bench serve --port $PORT --noreload --nothreading
socketio: node apps/frappe/socketio.js
schedule: bench schedule
worker_default_1: bench worker --queue default
worker_default_2: bench worker --queue default
worker_short: bench worker --queue short
worker_long: bench worker --queue long
PROCFILE
chown_if_root() { [ "$(id -u)" = 0 ] && chown "$BENCH_USER:$BENCH_USER" "$@" || true; }
chown_if_root "$BENCH_DIR/Procfile.kinerja"
log "Serving on http://localhost:$PORT (log: $BENCH_DIR/logs/kinerja-serve.log)"
(cd "$BENCH_DIR" && exec setsid bash -c "$(declare -f as_bench_user); BENCH_USER=$BENCH_USER BENCH_HOME=$BENCH_HOME TOOLS_VENV=$TOOLS_VENV; as_bench_user $TOOLS_VENV/bin/honcho -f Procfile.kinerja start" \
	>"$BENCH_DIR/logs/kinerja-serve.log" 2>&1 </dev/null & echo $! >"$PIDFILE")
for _ in $(seq 1 60); do
	curl -fs "http://127.0.0.1:$PORT/api/method/ping" >/dev/null 2>&1 && break
	sleep 1
done
curl -fs "http://127.0.0.1:$PORT/api/method/ping" >/dev/null 2>&1 \
	|| die "the desk did not come up on port $PORT; see $BENCH_DIR/logs/kinerja-serve.log"

step "the demo quarters"
log "Running Kecamatan Batumandi's 2024 quarters through the 12 steps of the SOP, and TW I 2025 to step 4"
bench_cmd --site "$SITE" execute kinerja_kecamatan.demo.run.run_demo >"$BENCH_DIR/logs/kinerja-demo.log" 2>&1 \
	|| {
		# the first exception is the cause (bench execute adds a NameError of its own after it)
		cause=$(grep -E '^[A-Za-z_.]+(Error|Exception)\b' "$BENCH_DIR/logs/kinerja-demo.log" | head -n 1)
		die "the demo quarters failed: ${cause:-see the log}; the desk is still served; full log: $BENCH_DIR/logs/kinerja-demo.log"
	}
grep -vE '^("|ERROR|WARNING|INFO)' "$BENCH_DIR/logs/kinerja-demo.log" || true

cat <<INFO

Kinerja Kecamatan is running: http://localhost:$PORT/app/kinerja-kecamatan
  Log in as Administrator / $ADMIN_PASSWORD, or as any user above
  Bench: $BENCH_DIR (site $SITE)    Stop: ./scripts/demo.sh stop
INFO
