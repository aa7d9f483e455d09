#!/bin/bash
# usage: stop.sh NAME [--kill]
#
# Powers host NAME off cleanly (systemd shuts down), or with --kill kills it at once like a power
# cut. Its address, network namespace and disk stay, so the machine is just "off" until down.sh.
# A no-op for a host that is not running.
set -uo pipefail
. "$(dirname "$(readlink -f "$0")")/lib.sh"

(($# == 1 || $# == 2)) || die "usage: stop.sh NAME [--kill]"
name=$1 dir=$HOSTS_DIR/$1
require_root

wait_gone() { # PID SECONDS
  local deadline=$((SECONDS + $2))
  while alive "$1"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

supervisor=$(cat "$dir/supervisor.pid" 2>/dev/null) || exit 0
alive "$supervisor" || exit 0
case ${2:-} in
  --kill)
    # killing the PID namespace's init takes every process of the host with it
    leader=$(leader_pid "$name") && kill -KILL "$leader"
    wait_gone "$supervisor" 10 && exit 0
    ;;
  "")
    kill -TERM "$supervisor"
    wait_gone "$supervisor" 20 && exit 0
    echo "testhost: $name did not power off in 20 s, killing it" >&2
    ;;
  *) die "usage: stop.sh NAME [--kill]" ;;
esac
leader=$(leader_pid "$name") && kill -KILL "$leader"
nspawn=$(cat "$dir/nspawn.pid" 2>/dev/null) && kill -KILL "$nspawn" 2>/dev/null
kill -KILL "$supervisor" 2>/dev/null
wait_gone "$supervisor" 5
