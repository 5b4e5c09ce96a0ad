#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the test suite.
#
#   tests/pg_server.sh start DIR   creates DIR, starts a server on a free 127.0.0.1 port, creates the
#                                  database keyuan_test, writes its URL to DIR/url and prints it
#   tests/pg_server.sh stop DIR    stops the server at once and removes DIR
#   tests/pg_server.sh replica PRIMARY_DIR DIR
#                                  a streaming replica of PRIMARY_DIR's server (pg_basebackup -R) in DIR,
#                                  started on a free port; writes its URL to DIR/url and prints it
#
# Both are idempotent and print nothing else unless something fails. The server keeps fsync on so
# that the tests exercise the same commit path as production; only its own loopback is trusted.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
DB_USER=keyuan
DB_NAME=keyuan_test
# Marks a directory as ours, so that `stop` never removes a directory it did not create.
MARKER=.keyuan-pg-server

die() {
    echo "pg_server: $*" >&2
    exit 1
}

# Runs a PostgreSQL command as the user that owns the cluster: initdb refuses to run as root.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# True when DIR's server answers on the port recorded in DIR/url.
is_running() {
    [[ -f $1/url ]] || return 1
    local url port
    url=$(<"$1/url")
    port=${url##*:}
    port=${port%%/*}
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port"
}

show_log() {
    [[ -f $1 ]] && tail -n 20 "$1" >&2
    return 0
}

write_config() {
    local dir=$1 socket_dir=$1/sock
    # A Unix socket path is limited to 107 bytes; past that, the server listens on TCP only.
    if ((${#socket_dir} + 20 > 107)); then socket_dir=""; fi
    [[ -n $socket_dir ]] && as_owner mkdir -p "$socket_dir"
    as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF

# keyuan test server
listen_addresses = '127.0.0.1'
unix_socket_directories = '$socket_dir'
fsync = on
synchronous_commit = on
max_connections = 300
EOF
    as_owner tee "$dir/data/pg_hba.conf" >/dev/null <<EOF
local all all trust
host  all all 127.0.0.1/32 trust
EOF
}

init_cluster() {
    local dir=$1
    mkdir -p "$dir"
    touch "$dir/$MARKER"
    if [[ $(id -u) -eq 0 ]]; then chown -R postgres: "$dir"; fi
    as_owner test -w "$dir" || die "the server's user cannot write to $dir; use a directory under /tmp"
    # --no-sync only skips flushing initdb's own files; the server below runs with fsync on.
    as_owner "$PG_BIN/initdb" -D "$dir/data" -U "$DB_USER" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        --no-sync >"$dir/initdb.log" 2>&1 || { show_log "$dir/initdb.log"; die "initdb failed in $dir/data"; }
    write_config "$dir"
}

# Tries a few ports in case another process takes the free one before the server binds it.
start_server() {
    local dir=$1 port
    for _ in 1 2 3 4 5; do
        port=$(free_port)
        if as_owner "$PG_BIN/pg_ctl" start -D "$dir/data" -l "$dir/log" -w -t 60 -o "-p $port" >/dev/null 2>&1; then
            echo "$port"
            return 0
        fi
        grep -q "could not bind" "$dir/log" || break
    done
    show_log "$dir/log"
    die "the server in $dir/data did not start"
}

start() {
    local dir=$1
    if is_running "$dir"; then
        cat "$dir/url"
        return 0
    fi
    # Leftovers of a crashed run: start afresh rather than reuse half-initialised state.
    if [[ -f $dir/$MARKER ]]; then stop "$dir"; fi
    if [[ -e $dir && -n $(ls -A "$dir") ]]; then die "$dir exists and is not empty"; fi
    init_cluster "$dir"
    local port
    port=$(start_server "$dir")
    as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U "$DB_USER" "$DB_NAME" ||
        die "could not create database $DB_NAME on port $port"
    local url="postgresql://$DB_USER@127.0.0.1:$port/$DB_NAME"
    echo "$url" >"$dir/url"
    echo "$url"
}

replica() {
    local primary=$1 dir=$2
    is_running "$primary" || die "no server runs in $primary"
    if is_running "$dir"; then
        cat "$dir/url"
        return 0
    fi
    if [[ -f $dir/$MARKER ]]; then stop "$dir"; fi
    local url port
    url=$(<"$primary/url")
    port=${url##*:}
    port=${port%%/*}
    # The primary lets its loopback stream WAL (the test server's own; nothing beyond this machine).
    if ! grep -q '^host  replication' "$primary/data/pg_hba.conf"; then
        echo 'host  replication all 127.0.0.1/32 trust' | as_owner tee -a "$primary/data/pg_hba.conf" >/dev/null
        as_owner "$PG_BIN/pg_ctl" reload -D "$primary/data" >/dev/null
    fi
    mkdir -p "$dir"
    touch "$dir/$MARKER"
    if [[ $(id -u) -eq 0 ]]; then chown -R postgres: "$dir"; fi
    # -R writes standby.signal and primary_conninfo: the copy starts as a hot standby that streams.
    as_owner "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$port" -U "$DB_USER" -D "$dir/data" -R -X stream -c fast \
        >"$dir/basebackup.log" 2>&1 || { show_log "$dir/basebackup.log"; die "pg_basebackup from $primary failed"; }
    # Its own socket folder (the copied configuration names the primary's).
    local socket_dir=$dir/sock
    if ((${#socket_dir} + 20 > 107)); then socket_dir=""; fi
    [[ -n $socket_dir ]] && as_owner mkdir -p "$socket_dir"
    echo "unix_socket_directories = '$socket_dir'" | as_owner tee -a "$dir/data/postgresql.conf" >/dev/null
    local replica_port
    replica_port=$(start_server "$dir")
    local replica_url="postgresql://$DB_USER@127.0.0.1:$replica_port/$DB_NAME"
    echo "$replica_url" >"$dir/url"
    echo "$replica_url"
}

stop() {
    local dir=$1
    [[ -e $dir ]] || return 0
    [[ -f $dir/$MARKER ]] || die "$dir was not created by pg_server.sh; not removing it"
    if [[ -f $dir/data/postmaster.pid ]]; then
        # A server that already died leaves a stale pid file and pg_ctl fails; remove DIR anyway.
        as_owner "$PG_BIN/pg_ctl" stop -D "$dir/data" -m immediate -w >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

main() {
    (($# == 2)) || [[ $# == 3 && $1 == replica ]] || die "usage: $0 start|stop DIR, or $0 replica PRIMARY_DIR DIR"
    [[ -x $PG_BIN/initdb ]] || die "PostgreSQL 15 is not installed (run scripts/install-deps.sh)"
    local dir
    dir=$(realpath -m "$2")
    [[ $dir != / ]] || die "refusing to use / as the server directory"
    # The postgres user cannot enter root's home directory, and commands it runs start here.
    cd /
    case $1 in
        start) start "$dir" ;;
        replica)
            local replica_dir
            replica_dir=$(realpath -m "$3")
            [[ $replica_dir != / ]] || die "refusing to use / as the server directory"
            replica "$dir" "$replica_dir"
            ;;
        stop) stop "$dir" ;;
        *) die "usage: $0 start|stop DIR" ;;
    esac
}

main "$@"
