#!/bin/bash
# usage: down.sh NAME
#
# Removes host NAME and everything up.sh made for it: processes, overlay mount, veth, network
# namespace, cgroups, run dir and address lease. Idempotent; safe for a name that never came up.
set -uo pipefail
. "$(dirname "$(readlink -f "$0")")/lib.sh"

[ $# = 1 ] || die "usage: down.sh NAME"
name=$1 dir=$HOSTS_DIR/$1
valid_name "$name" || die "bad host name '$name'"
require_root

release_lease() {
  local lease
  for lease in "$LEASES_DIR"/*; do
    [ -f "$lease" ] && [ "$(head -n1 "$lease")" = "$name" ] && rm -f "$lease"
  done
  return 0
}

# Only a host dir proves that the netns, veth and cgroup called NAME are ours (up.sh creates it first).
if [ -d "$dir" ]; then
  kill_host "$name" # no clean poweroff: the disk is thrown away anyway
  mountpoint -q "$dir/root" && { umount "$dir/root" || umount -l "$dir/root"; }
  # explicitly: orphaned TCP sockets can keep a deleted netns, and with it the veth, alive for minutes
  ip link del "$name-v" 2>/dev/null
  ip netns del "$name" 2>/dev/null
  remove_cgroup "$CGROUP_PARENT/$name"
  rm -rf "/run/systemd/nspawn/propagate/$name"
  remove_tree "$dir"
fi
with_lock release_lease
