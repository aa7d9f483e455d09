#!/bin/bash
# usage: exec.sh NAME COMMAND [ARG...]
#
# Runs COMMAND inside host NAME, in all of its namespaces, without SSH (for test assertions).
# COMMAND gets a clean environment, as a login would, not the caller's. Exits with COMMAND's status.
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/lib.sh"

[ $# -ge 2 ] || die "usage: exec.sh NAME COMMAND [ARG...]"
name=$1
shift
leader=$(leader_pid "$name") || die "host $name is not running"
exec nsenter -t "$leader" -a -- env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  HOME=/root LANG=C.UTF-8 "$@"
