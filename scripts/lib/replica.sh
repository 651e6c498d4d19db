# A MariaDB read replica on this machine: a second mariadbd (its own datadir, port and socket)
# following the primary's binary log, seeded from a consistent dump. Frappe sends the reads of
# `@frappe.read_only()` endpoints (script reports, Report View, the app's cards) to it when a
# site's config has read_from_replica, replica_host and replica_db_port. Sourced after setup.sh.
#
# Settings (environment):
#   REPLICA_PORT          port of the replica, default 3307
#   REPLICA_DIR           its datadir, default /var/lib/mysql-replica
#   REPLICATION_PASSWORD  password of the primary's replication user, default kinerja-repl

REPLICA_PORT="${REPLICA_PORT:-3307}"
REPLICA_DIR="${REPLICA_DIR:-/var/lib/mysql-replica}"
REPLICATION_PASSWORD="${REPLICATION_PASSWORD:-kinerja-repl}"
REPLICA_SOCKET=/run/mysqld/mysqld-replica.sock
REPLICA_CNF=/etc/mysql/kinerja-replica.cnf
REPLICA_LOG=/var/log/kinerja-mariadb-replica.log

primary_sql() { mariadb -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 "$@"; }
replica_sql() { mariadb -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 -P"$REPLICA_PORT" "$@"; }
replica_up() { mariadb-admin -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 -P"$REPLICA_PORT" ping --silent >/dev/null 2>&1; }
replica_status() { replica_sql -e 'SHOW SLAVE STATUS\G' 2>/dev/null | sed -n "s/^ *$1: //p"; }
replica_running() { [ "$(replica_status Slave_IO_Running)" = Yes ] && [ "$(replica_status Slave_SQL_Running)" = Yes ]; }

write_replica_cnf() {
	cat >"$REPLICA_CNF" <<-EOF
		# Written by kinerja_kecamatan's scripts/lib/replica.sh: the read replica of the primary.
		[mysqld]
		datadir = $REPLICA_DIR
		port = $REPLICA_PORT
		bind-address = 127.0.0.1
		socket = $REPLICA_SOCKET
		pid-file = /run/mysqld/mysqld-replica.pid
		log-error = $REPLICA_LOG
		server-id = 2
		read-only = 1
		relay-log = kinerja-relay
		skip-log-bin
		character-set-client-handshake = FALSE
		character-set-server = utf8mb4
		collation-server = utf8mb4_unicode_ci
		innodb-buffer-pool-size = 256M
	EOF
}

start_replica_server() {
	mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
	setsid mariadbd --defaults-file="$REPLICA_CNF" --user=mysql >>"$REPLICA_LOG" 2>&1 </dev/null &
	for _ in $(seq 1 30); do
		mariadb-admin --socket="$REPLICA_SOCKET" ping --silent >/dev/null 2>&1 && return 0
		sleep 1
	done
	die "the replica's mariadbd did not start on port $REPLICA_PORT; see $REPLICA_LOG"
}

# A new replica: an empty datadir loaded with a dump of the primary taken in one transaction,
# which also records the binary log position the replica then follows.
seed_replica() {
	log "Seeding the read replica on port $REPLICA_PORT from a dump of the primary"
	mariadb-admin --socket="$REPLICA_SOCKET" shutdown >/dev/null 2>&1 || true
	replica_up && replica_sql -e 'SHUTDOWN' >/dev/null 2>&1 || true
	for _ in $(seq 1 30); do [ -S "$REPLICA_SOCKET" ] || break; sleep 1; done
	rm -rf "$REPLICA_DIR"
	mkdir -p "$REPLICA_DIR" && chown mysql:mysql "$REPLICA_DIR"
	write_replica_cnf
	mariadb-install-db --defaults-file="$REPLICA_CNF" --user=mysql >>"$REPLICA_LOG" 2>&1 \
		|| die "mariadb-install-db for the replica failed; see $REPLICA_LOG"
	start_replica_server
	primary_sql -e "CREATE USER IF NOT EXISTS 'kinerja_repl'@'localhost' IDENTIFIED BY '$REPLICATION_PASSWORD';
		ALTER USER 'kinerja_repl'@'localhost' IDENTIFIED BY '$REPLICATION_PASSWORD';
		GRANT REPLICATION SLAVE ON *.* TO 'kinerja_repl'@'localhost';" \
		|| die "cannot create the replication user on the primary"
	local fresh=(mariadb --socket="$REPLICA_SOCKET" -uroot)
	"${fresh[@]}" -e "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=3306,
		MASTER_USER='kinerja_repl', MASTER_PASSWORD='$REPLICATION_PASSWORD', MASTER_USE_GTID=no, MASTER_CONNECT_RETRY=5" \
		|| die "CHANGE MASTER on the replica failed; see $REPLICA_LOG"
	# the dump carries the primary's users (root's password with them) and its binlog position
	mariadb-dump -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 --all-databases --single-transaction \
		--master-data=1 --routines --events --triggers | "${fresh[@]}" \
		|| die "loading the primary's dump into the replica failed; see $REPLICA_LOG"
	"${fresh[@]}" -e 'FLUSH PRIVILEGES; START SLAVE;' || die "START SLAVE on the replica failed"
}

# The replica up and following the primary; seeded again when it is missing or broken.
ensure_replica() {
	step "the read replica"
	if [ "$CHECK_ONLY" = 1 ]; then
		replica_up && replica_running && return 0
		would "start a MariaDB read replica on port $REPLICA_PORT ($REPLICA_DIR), seeded from a dump of the primary"
		return 0
	fi
	[ "$(primary_sql -N -e 'select @@log_bin')" = 1 ] \
		|| die "the primary MariaDB runs without a binary log; run this as root so that ensure_mariadb turns it on"
	if ! replica_up && [ -d "$REPLICA_DIR/mysql" ] && [ -f "$REPLICA_CNF" ]; then
		[ "$(id -u)" = 0 ] || die "the replica on port $REPLICA_PORT is not running; run this as root to start it"
		log "Starting the read replica on port $REPLICA_PORT"
		start_replica_server
	fi
	if replica_up && ! replica_running; then
		# a test may have paused it; a replica that errored is seeded again below
		replica_sql -e 'START SLAVE' >/dev/null 2>&1 || true
		# after the primary restarts, the replica reconnects within its retry interval
		for _ in $(seq 1 15); do replica_running && break; sleep 1; done
	fi
	if ! replica_up || ! replica_running; then
		[ "$(id -u)" = 0 ] || die "the read replica on port $REPLICA_PORT is missing or broken; run this as root to seed it"
		seed_replica
	fi
	replica_caught_up 120 || die "the replica did not catch up with the primary within 120 s; see SHOW SLAVE STATUS on port $REPLICA_PORT"
}

# Waits until the replica has applied everything the primary has written so far.
replica_caught_up() {
	local file position
	read -r file position _ < <(primary_sql -N -e 'SHOW MASTER STATUS')
	[ "$(replica_sql -N -e "SELECT MASTER_POS_WAIT('$file', $position, $1)")" -ge 0 ] 2>/dev/null
}

# Points a site's managers' reads at the replica (on) or back at the primary (off).
use_replica() {
	local site=$1 state=$2
	if [ "$state" = on ]; then
		bench_cmd --site "$site" set-config replica_host 127.0.0.1 >/dev/null
		bench_cmd --site "$site" set-config --parse replica_db_port "$REPLICA_PORT" >/dev/null
		bench_cmd --site "$site" set-config --parse read_from_replica 1 >/dev/null
	else
		bench_cmd --site "$site" set-config --parse read_from_replica 0 >/dev/null
	fi
}
