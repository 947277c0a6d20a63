#!/bin/sh
# pg-demo.sh starts a local PostgreSQL with a shared case to try by hand (make pg), and
# removes it again (make pg-stop).
#
#   pg-demo.sh start DIR BIN   a cluster in DIR (scripts/pg-cluster.sh), a database
#                              "chronoscope" set up for shared cases, four analysts with
#                              passwords in DIR/pgpass (alice, admin of the case; bob, who
#                              writes; carol, who reads; mallory, no member), and the case
#                              "demo" holding the sample chronology; run again, it only
#                              starts what is stopped and says how to use it
#   pg-demo.sh stop DIR        stop the cluster and remove DIR
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cmd=${1:-}
dir=${2:-}
[ -n "$dir" ] || { echo "usage: pg-demo.sh start DIR BIN | stop DIR" >&2; exit 2; }

if [ "$cmd" = stop ]; then
	sh "$here/pg-cluster.sh" stop "$dir/cluster"
	rm -rf "$dir"
	echo "demo cluster stopped and $dir removed"
	exit 0
fi
[ "$cmd" = start ] || { echo "usage: pg-demo.sh start DIR BIN | stop DIR" >&2; exit 2; }
bin=${3:?the chronoscope binary}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
tcp=$(sh "$here/pg-cluster.sh" start "$dir/cluster")
port=$(echo "$tcp" | sed 's#.*:\([0-9]*\)/.*#\1#')
# The administrator works over the cluster's socket (trusted); analysts log in over TCP
# with their passwords, which only $dir/pgpass holds.
admin="postgres://postgres@/chronoscope?host=$dir/cluster&port=$port"
pgpass="$dir/pgpass"
if [ ! -f "$pgpass" ]; then
	"$bin" --db "$admin" admin setup
	umask 077
	: >"$pgpass"
	for who in alice bob carol mallory; do
		pw=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
		echo "$pw" | "$bin" --db "$admin" admin add-analyst "$who" --password-stdin >/dev/null
		echo "127.0.0.1:$port:chronoscope:$who:$pw" >>"$pgpass"
	done
	export PGPASSFILE="$pgpass"
	# The sample chronology, made as the desktop app makes it on first run, copied in.
	XDG_DATA_HOME="$dir/sample" "$bin" add --title "The demo case is opened" --start "$(date +%Y-%m-%d)" --lane Diplomacy >/dev/null
	alice="postgres://alice@127.0.0.1:$port/chronoscope?case=demo"
	"$bin" copy --from "$dir/sample/chronoscope/default.chronoscope" --to "$alice"
	"$bin" --db "$alice" admin grant bob write
	"$bin" --db "$alice" admin grant carol read
fi

cat <<EOF

A shared case "demo" is on a local PostgreSQL (127.0.0.1:$port, data in $dir).
The analysts' passwords are in $pgpass; tell Chronoscope (and psql) where:

  export PGPASSFILE=$pgpass
  $bin --db 'postgres://alice@127.0.0.1:$port/chronoscope?case=demo' admin members
  $bin --db 'postgres://bob@127.0.0.1:$port/chronoscope?case=demo' add --title 'Bob was here' --start 2024-05-01
  $bin --db 'postgres://carol@127.0.0.1:$port/chronoscope?case=demo' list --from 2024
  $bin --db 'postgres://carol@127.0.0.1:$port/chronoscope?case=demo' add --title 'Carol tries' --start 2024   (refused: carol reads)
  $bin --db 'postgres://mallory@127.0.0.1:$port/chronoscope?case=demo' list   (refused: not a member)
  $bin --db 'postgres://bob@127.0.0.1:$port/chronoscope?case=demo'   (the desktop app on the shared case)

alice is the case's admin, bob writes, carol reads, mallory is no member.
make pg-stop stops the cluster and removes $dir.
EOF
