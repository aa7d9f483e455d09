#!/bin/bash
# usage: net.sh up|down
#
# up:   the shared bridge jmth0 (198.51.100.1/25) the hosts hang on, a FORWARD rule so hosts reach each
#       other (this machine's FORWARD policy may be DROP, and bridged frames pass through iptables),
#       and the parent cgroups. Idempotent; up.sh calls it.
# down: first reclaims hosts whose owner process is gone (a killed test JVM), then removes all of it,
#       but only once no host holds an address lease: another test JVM may still be using the bridge.
#       Ending a CI run with it cleans up after test JVMs that were killed.
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/lib.sh"

forward_rule=(FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT)

net_up() {
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "$BRIDGE_IP/$PREFIX_LEN" dev "$BRIDGE"
    ip link set "$BRIDGE" up
  fi
  iptables -C "${forward_rule[@]}" 2>/dev/null || iptables -I "${forward_rule[@]}"
  local root
  for root in $(cgroup_roots); do
    mkdir -p "$root/$CGROUP_PARENT"
  done
  mkdir -p "$HOSTS_DIR" "$LEASES_DIR"
}

net_down() {
  local leased
  reap_orphans
  leased=$(find "$LEASES_DIR" -mindepth 1 -printf "%f\n" 2>/dev/null | tr '\n' ' ')
  if [ -n "$leased" ]; then
    echo "testhost: $BRIDGE stays up, addresses still leased: $leased" >&2
    return 0
  fi
  while iptables -C "${forward_rule[@]}" 2>/dev/null; do
    iptables -D "${forward_rule[@]}"
  done
  ip link del "$BRIDGE" 2>/dev/null || true
  remove_cgroup "$CGROUP_PARENT"
}

require_root
require_tools ip iptables flock
case ${1:-} in
  up) with_lock net_up ;;
  down) with_lock net_down ;;
  *) die "usage: net.sh up|down" ;;
esac
