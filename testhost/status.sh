#!/bin/bash
# usage: status.sh NAME
#
# Prints "running" while host NAME is booted (also during a reboot), "stopped" after stop.sh or a
# poweroff inside it, "absent" when it does not exist (never came up, or after down.sh).
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/lib.sh"

[ $# = 1 ] || die "usage: status.sh NAME"
dir=$HOSTS_DIR/$1
if [ ! -d "$dir" ]; then
  echo absent
elif alive "$(cat "$dir/supervisor.pid" 2>/dev/null)"; then
  echo running
else
  echo stopped
fi
