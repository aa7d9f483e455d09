#!/bin/bash
# usage: exec.sh NAME COMMAND [ARG...]
#
# Runs COMMAND inside host NAME, in all of its namespaces, without SSH (for test assertions).
# Exits with COMMAND's status.
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/lib.sh"

[ $# -ge 2 ] || die "usage: exec.sh NAME COMMAND [ARG...]"
name=$1
shift
leader=$(leader_pid "$name") || die "host $name is not running"
exec nsenter -t "$leader" -a -- "$@"
