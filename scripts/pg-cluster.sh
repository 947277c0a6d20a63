#!/bin/sh
# pg-cluster.sh starts and stops throwaway PostgreSQL 15 clusters for Chronoscope: one for
# the tests (make test), one for trying a shared case by hand (make pg).
#
#   pg-cluster.sh install            install Debian's postgresql-15 when missing (without
#                                    letting the package start a cluster of its own)
#   pg-cluster.sh run CMD [ARG...]   start a cluster in a new temp folder, run CMD with
#                                    CHRONOSCOPE_TEST_PG set to its superuser URL, then stop
#                                    the cluster and remove the folder, whatever CMD did;
#                                    exits with CMD's status
#   pg-cluster.sh start DIR [PORT]   start a cluster kept in DIR (made when missing) and
#                                    print its URL; a running one is left as it is
#   pg-cluster.sh stop DIR           stop the cluster in DIR and remove DIR
#
# A cluster listens on 127.0.0.1 only, on a private port (a free one from 45432 up when
# none is given), and on a Unix socket in its own folder; its superuser "postgres" needs
# no password on the socket and a password over TCP. fsync is off: it is for tests.
# initdb refuses to run as root, so the server runs as the postgres OS user (created when
# missing). The locale is C.UTF-8: with locale C, pg_trgm makes no trigrams for Cyrillic
# or Chinese and lower() does not fold Cyrillic.
set -eu

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

sudo_cmd() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_pg() {
	[ -x "$PGBIN/initdb" ] && return 0
	echo "installing Debian's postgresql-15 (no cluster of its own is started)"
	sudo_cmd mkdir -p /etc/postgresql-common/createcluster.d
	echo 'create_main_cluster = false' | sudo_cmd tee /etc/postgresql-common/createcluster.d/no-main.conf >/dev/null
	sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive sudo_cmd apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
}

# as_pg runs a command as the postgres OS user (the server's owner).
as_pg() {
	if [ "$(id -un)" = postgres ]; then
		"$@"
	elif [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		sudo -u postgres "$@"
	fi
}

ensure_user() {
	id postgres >/dev/null 2>&1 && return 0
	[ "$(id -u)" = 0 ] || { echo "pg-cluster: the postgres OS user is missing (run as root once)" >&2; exit 1; }
	useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
}

# listening reports whether something listens on TCP port $1 (from /proc, so that no
# tool beyond a shell is needed).
listening() {
	hex=$(printf ':%04X ' "$1")
	cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk '$4 == "0A" { print $2 " " }' | grep -q "$hex"
}

# free_port prints the first port from $1 that nothing listens on.
free_port() {
	p=$1
	while [ "$p" -lt $(($1 + 200)) ]; do
		if ! listening "$p"; then
			echo "$p"
			return 0
		fi
		p=$((p + 1))
	done
	echo "pg-cluster: no free port from $1" >&2
	return 1
}

# start DIR PORT: initdb (when DIR has no cluster) and start the server.
start() {
	dir=$1
	port=$2
	ensure_user
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		mkdir -p "$dir"
		chown postgres "$dir" 2>/dev/null || true
		chmod 700 "$dir"
		pw=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
		printf '%s\n' "$pw" >"$dir/superuser.password"
		chown postgres "$dir/superuser.password" 2>/dev/null || true
		chmod 600 "$dir/superuser.password"
		as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres --pwfile="$dir/superuser.password" \
			--auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
			cat "$dir/initdb.log" >&2
			return 1
		}
		cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
	fi
	if as_pg "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
		return 0
	fi
	as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start >/dev/null || {
		cat "$dir/server.log" >&2
		return 1
	}
}

stop() {
	dir=$1
	if [ -f "$dir/data/PG_VERSION" ]; then
		as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
}

port_of() {
	sed -n 's/^port = \([0-9]*\)$/\1/p' "$1/data/postgresql.conf" | tail -n 1
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
install)
	install_pg
	;;
run)
	[ $# -gt 0 ] || { echo "usage: pg-cluster.sh run CMD [ARG...]" >&2; exit 2; }
	install_pg
	dir=$(mktemp -d /tmp/chronoscope-pg.XXXXXX)
	trap 'stop "$dir"' EXIT
	trap 'exit 130' INT TERM
	# Another cluster may take the port between the look and the start: then the next one.
	from=$((45432 + $$ % 1000))
	until start "$dir" "$(free_port "$from")" 2>"$dir.err"; do
		from=$((from + 1))
		if [ "$from" -gt $((45432 + $$ % 1000 + 5)) ]; then
			cat "$dir.err" >&2
			rm -f "$dir.err"
			exit 1
		fi
		sed -i '/^port = /d' "$dir/data/postgresql.conf" && echo "port = $(free_port "$from")" >>"$dir/data/postgresql.conf"
	done
	rm -f "$dir.err"
	CHRONOSCOPE_TEST_PG="postgres://postgres@/postgres?host=$dir&port=$(port_of "$dir")&sslmode=disable"
	export CHRONOSCOPE_TEST_PG
	echo "PostgreSQL test cluster up in $dir (stopped and removed at the end)"
	status=0
	"$@" || status=$?
	exit "$status"
	;;
start)
	[ $# -ge 1 ] || { echo "usage: pg-cluster.sh start DIR [PORT]" >&2; exit 2; }
	install_pg
	dir=$1
	port=${2:-}
	if [ -f "$dir/data/postgresql.conf" ]; then
		port=$(port_of "$dir")
	elif [ -z "$port" ]; then
		port=$(free_port 45432)
	fi
	start "$dir" "$port"
	echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
	;;
stop)
	[ $# -eq 1 ] || { echo "usage: pg-cluster.sh stop DIR" >&2; exit 2; }
	stop "$1"
	;;
*)
	echo "usage: pg-cluster.sh install | run CMD... | start DIR [PORT] | stop DIR" >&2
	exit 2
	;;
esac
