# Serving a site as a production bench does (`bench setup production` without supervisor and
# systemd): nginx in front, serving /assets and /files itself, proxying /socket.io to Frappe's
# realtime server and the rest to gunicorn with several workers; for the main job also the
# scheduler and RQ workers per queue. Everything runs under one honcho, in one process group, so
# stopping it stops all of it. Sourced after setup.sh.
#
#   serve_site SITE PORT NAME [with-workers]
#     NAME names the files: $BENCH_DIR/config/nginx-NAME.conf, Procfile.NAME, logs/NAME-serve.log,
#     .NAME-serve.pid. The port serves SITE whatever the Host header says (localhost, 127.0.0.1).
#   stop_served NAME
#   serve_plan SITE PORT [with-workers]   one line for --check

NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"

# gunicorn's workers as `bench setup production` counts them: two per core and one more
gunicorn_workers() { echo $(($(nproc) * 2 + 1)); }

# realtime (node socketio) listens beside the web port; nginx is the only way in
socketio_port_for() { echo $(($1 + 1000)); }

serve_plan() {
	local site=$1 port=$2 with_workers=${3:-}
	local plan="serve $site on http://localhost:$port: nginx (/assets, /files, /socket.io), gunicorn with $(gunicorn_workers) workers, realtime on port $(socketio_port_for "$port")"
	[ "$with_workers" = with-workers ] && plan="$plan, the scheduler and RQ workers (2 default, 1 short, 1 long)"
	echo "$plan"
}

served_pidfile() { echo "$BENCH_DIR/.$1-serve.pid"; }

stop_served() {
	local pidfile
	pidfile=$(served_pidfile "$1")
	if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
		log "Stopping $1 (pid $(cat "$pidfile"))"
		kill -- -"$(cat "$pidfile")" 2>/dev/null || kill "$(cat "$pidfile")" || true
		for _ in $(seq 1 40); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.5; done
		kill -9 -- -"$(cat "$pidfile")" 2>/dev/null || true
	fi
	rm -f "$pidfile"
}

# The server block `bench setup nginx` writes for a site on a port, in an nginx.conf of its own
# so that it runs without root and beside any nginx the machine already has.
write_nginx_conf() {
	local site=$1 port=$2 name=$3 conf=$4 socket=$5 socketio_port=$6
	local run="$BENCH_DIR/config/nginx-$name"
	mkdir -p "$run"
	local listen6=""
	[ -s /proc/net/if_inet6 ] && listen6="listen [::]:$port;"
	cat >"$conf" <<-NGINX
		# Written by kinerja_kecamatan's scripts/lib/serve.sh: the layout of \`bench setup nginx\`.
		worker_processes auto;
		pid $run/nginx.pid;
		error_log $BENCH_DIR/logs/$name-nginx-error.log warn;
		daemon off;
		events { worker_connections 1024; }
		http {
			include /etc/nginx/mime.types;
			default_type application/octet-stream;
			access_log $BENCH_DIR/logs/$name-nginx-access.log;
			client_body_temp_path $run/body;
			proxy_temp_path $run/proxy;
			fastcgi_temp_path $run/fastcgi;
			uwsgi_temp_path $run/uwsgi;
			scgi_temp_path $run/scgi;
			server_tokens off;

			upstream $name-frappe { server unix:$socket fail_timeout=0; }
			upstream $name-socketio { server 127.0.0.1:$socketio_port fail_timeout=0; }

			server {
				listen $port;
				$listen6
				server_name _;
				root $BENCH_DIR/sites;

				proxy_buffer_size 128k;
				proxy_buffers 4 256k;
				proxy_busy_buffers_size 256k;

				add_header X-Frame-Options "SAMEORIGIN";
				add_header X-Content-Type-Options nosniff;
				add_header Referrer-Policy "same-origin, strict-origin-when-cross-origin";

				location /assets {
					try_files \$uri =404;
					add_header Cache-Control "max-age=31536000";
				}

				location ~ ^/protected/(.*) {
					internal;
					try_files /$site/\$1 =404;
				}

				location /socket.io {
					proxy_http_version 1.1;
					proxy_set_header Upgrade \$http_upgrade;
					proxy_set_header Connection "upgrade";
					proxy_set_header X-Frappe-Site-Name $site;
					proxy_set_header Origin \$scheme://\$http_host;
					proxy_set_header Host \$host;
					proxy_pass http://$name-socketio;
				}

				location / {
					rewrite ^(.+)/\$ \$1 permanent;
					rewrite ^(.+)/index\\.html\$ \$1 permanent;
					rewrite ^(.+)\\.html\$ \$1 permanent;

					location ~* ^/files/.*.(htm|html|svg|xml) {
						add_header Content-disposition "attachment";
						try_files /$site/public/\$uri @webserver;
					}
					try_files /$site/public/\$uri @webserver;
				}

				location @webserver {
					proxy_http_version 1.1;
					proxy_set_header X-Forwarded-For \$remote_addr;
					proxy_set_header X-Forwarded-Proto \$scheme;
					proxy_set_header X-Frappe-Site-Name $site;
					proxy_set_header Host \$host;
					proxy_set_header X-Use-X-Accel-Redirect True;
					proxy_read_timeout 120;
					proxy_redirect off;
					proxy_pass http://$name-frappe;
				}

				sendfile on;
				keepalive_timeout 15;
				client_max_body_size 50m;
				client_body_buffer_size 16K;
				gzip on;
				gzip_comp_level 5;
				gzip_min_length 256;
				gzip_proxied any;
				gzip_vary on;
				gzip_types application/javascript application/json image/svg+xml text/css text/plain;
			}
		}
	NGINX
}

serve_site() {
	local site=$1 port=$2 name=$3 with_workers=${4:-}
	step "serving $site on port $port"
	[ -x "$NGINX_BIN" ] || die "nginx is missing; install it (apt-get install nginx) or run this as root"
	stop_served "$name"
	(echo >"/dev/tcp/127.0.0.1/$port") >/dev/null 2>&1 \
		&& die "port $port is taken by another program; stop it (ss -ltnp | grep :$port) or choose another port"
	local socketio_port
	socketio_port=$(socketio_port_for "$port")
	(echo >"/dev/tcp/127.0.0.1/$socketio_port") >/dev/null 2>&1 \
		&& die "port $socketio_port (realtime for port $port) is taken by another program; stop it or choose another port"
	local conf="$BENCH_DIR/config/nginx-$name.conf" socket="$BENCH_DIR/config/$name-web.sock"
	local procfile="$BENCH_DIR/Procfile.$name" serve_log="$BENCH_DIR/logs/$name-serve.log"
	write_nginx_conf "$site" "$port" "$name" "$conf" "$socket" "$socketio_port"
	if [ "$(id -u)" = 0 ]; then
		# logs an earlier run as root may have left to root
		touch "$BENCH_DIR/logs/$name-nginx-error.log" "$BENCH_DIR/logs/$name-nginx-access.log"
		chown -R "$BENCH_USER:$BENCH_USER" "$conf" "$BENCH_DIR/config/nginx-$name" \
			"$BENCH_DIR/logs/$name-nginx-error.log" "$BENCH_DIR/logs/$name-nginx-access.log"
	fi
	as_bench_user "$NGINX_BIN" -t -q -c "$conf" -e "$BENCH_DIR/logs/$name-nginx-error.log" 2>"$SETUP_LOG" \
		|| { cat "$SETUP_LOG" >&2; die "nginx refuses $conf (see above)"; }
	rm -f "$socket"
	# gunicorn as `bench setup supervisor` runs it: from the sites folder, preloaded, recycled
	cat >"$procfile" <<-PROCFILE
		web: cd sites && exec ../env/bin/gunicorn -b unix:$socket -w $(gunicorn_workers) --max-requests 5000 --max-requests-jitter 500 -t 120 --graceful-timeout 30 kinerja_kecamatan.wsgi:application --preload
		socketio: exec env FRAPPE_SOCKETIO_PORT=$socketio_port node apps/frappe/socketio.js
		nginx: exec $NGINX_BIN -c $conf -e $BENCH_DIR/logs/$name-nginx-error.log
	PROCFILE
	if [ "$with_workers" = with-workers ]; then
		cat >>"$procfile" <<-PROCFILE
			schedule: exec bench schedule
			worker_default_1: exec bench worker --queue default
			worker_default_2: exec bench worker --queue default
			worker_short: exec bench worker --queue short
			worker_long: exec bench worker --queue long
		PROCFILE
	fi
	[ "$(id -u)" = 0 ] && chown "$BENCH_USER:$BENCH_USER" "$procfile"
	log "Serving $site on http://localhost:$port (log: $serve_log)"
	(cd "$BENCH_DIR" && exec setsid bash -c "$(declare -f as_bench_user); BENCH_USER=$BENCH_USER BENCH_HOME=$BENCH_HOME TOOLS_VENV=$TOOLS_VENV; as_bench_user $TOOLS_VENV/bin/honcho -f $procfile start" \
		>"$serve_log" 2>&1 </dev/null & echo $! >"$(served_pidfile "$name")")
	local ready=""
	for _ in $(seq 1 120); do
		if curl -fs "http://127.0.0.1:$port/api/method/ping" >/dev/null 2>&1 \
			&& curl -fs "http://127.0.0.1:$port/socket.io/?EIO=4&transport=polling" >/dev/null 2>&1; then
			ready=1
			break
		fi
		sleep 0.5
	done
	if [ -z "$ready" ]; then
		# what the processes said, without honcho's own start and stop lines
		grep -v ' system  *|' "$serve_log" | tail -n 20 >&2
		stop_served "$name"
		die "$site did not come up on port $port; see $serve_log"
	fi
}
