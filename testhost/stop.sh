#!/bin/bash
# usage: stop.sh NAME [--kill]
#
# Powers host NAME off cleanly (systemd shuts down), or with --kill kills it at once like a power
# cut. Its address, network namespace and disk stay, so the machine is just "off" until down.sh.
# A no-op for a host that is not running.
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/lib.sh"

(($# == 1 || $# == 2)) || die "usage: stop.sh NAME [--kill]"
name=$1 dir=$HOSTS_DIR/$1
require_root
[ -d "$dir" ] || exit 0

case ${2:-} in
  --kill) kill_host "$name" ;;
  "")
    supervisor=$(cat "$dir/supervisor.pid" 2>/dev/null || true)
    alive "$supervisor" || exit 0
    kill -TERM "$supervisor"
    deadline=$((SECONDS + 20))
    while alive "$supervisor"; do
      if ((SECONDS >= deadline)); then
        # e.g. a SIGTERM that reached the host before its systemd could handle it
        echo "testhost: $name did not power off in 20 s, killing it" >&2
        kill_host "$name"
        break
      fi
      sleep 0.1
    done
    ;;
  *) die "usage: stop.sh NAME [--kill]" ;;
esac
