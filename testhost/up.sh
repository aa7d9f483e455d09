#!/bin/bash
# usage: up.sh NAME IP|auto [--docker]
#
# Boots a fresh Debian 12 host NAME (a-z0-9-, at most 12 characters) under systemd-nspawn, in its own
# network namespace on the jmth0 bridge, and waits until SSH answers. IP is 198.51.100.10-120, or
# "auto" for the lowest free one. The root file system is a throwaway overlay on the cached image
# (with --docker on layer-docker, which has docker.io installed). Prints "NAME IP" once the host is up.
# Log in as root or tester (passwordless sudo) with $TESTHOST_CACHE/id_ed25519 or id_rsa; host keys
# change with every host. A failed start cleans up after itself.
#
# TESTHOST_OWNER_PID: the process the host belongs to; once it is gone, the next up.sh reclaims the
# host (a test JVM killed before its teardown). Without it the host lives until down.sh.
# TESTHOST_BOOT_TIMEOUT: seconds to wait for SSH (default 60).
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/lib.sh"

(($# == 2 || $# == 3)) || die "usage: up.sh NAME IP|auto [--docker]"
name=$1 wanted_ip=$2 lower=$BASE_IMAGE
case ${3:-} in
  --docker) lower=$DOCKER_LAYER:$BASE_IMAGE ;;
  "") ;;
  *) die "usage: up.sh NAME IP|auto [--docker]" ;;
esac
valid_name "$name" || die "bad host name '$name': a-z0-9-, starting with a letter, at most 12 characters"
require_root
require_tools systemd-nspawn ip iptables ssh flock findmnt pgrep
for layer in ${lower//:/ }; do
  [ -d "$layer" ] || die "no image $layer: run testhost/build-image.sh${3:+ --docker}"
done

free_octet() {
  local octet
  for ((octet = FIRST_HOST_OCTET; octet <= LAST_HOST_OCTET; octet++)); do
    [ -e "$LEASES_DIR/$octet" ] || {
      echo $octet
      return
    }
  done
  die "no free address in $NET_PREFIX.$FIRST_HOST_OCTET-$LAST_HOST_OCTET"
}

# Under the run dir's lock: leases the address and creates the host dir, which from then on marks
# NAME's netns, veth and cgroup as ours for down.sh. Prints the leased octet.
claim() {
  local octet owner=
  "$TESTHOST_SCRIPTS/net.sh" up
  reap_orphans
  [ ! -e "$HOSTS_DIR/$name" ] || die "host $name exists already"
  [ ! -e "/run/netns/$name" ] || die "a network namespace $name exists already"
  ! ip link show "$name-v" >/dev/null 2>&1 || die "an interface $name-v exists already"
  if [ "$wanted_ip" = auto ]; then
    octet=$(free_octet)
  else
    octet=${wanted_ip#"$NET_PREFIX".}
    [[ $octet =~ ^[0-9]{1,3}$ ]] && octet=$((10#$octet)) || octet=0
    ((octet >= FIRST_HOST_OCTET && octet <= LAST_HOST_OCTET)) ||
      die "IP must be auto or $NET_PREFIX.$FIRST_HOST_OCTET-$LAST_HOST_OCTET, not $wanted_ip"
    [ ! -e "$LEASES_DIR/$octet" ] || die "$wanted_ip is taken by $(head -n1 "$LEASES_DIR/$octet")"
  fi
  if [ -n "${TESTHOST_OWNER_PID:-}" ]; then
    owner=$(process_identity "$TESTHOST_OWNER_PID") || die "owner process $TESTHOST_OWNER_PID does not exist"
  fi
  mkdir "$HOSTS_DIR/$name"
  echo "$NET_PREFIX.$octet" >"$HOSTS_DIR/$name/ip"
  printf '%s\n%s\n' "$name" "$owner" >"$LEASES_DIR/$octet"
  echo "$octet"
}

# Until the cleanup trap is set and the supervisor sits in the host's cgroup, where down.sh finds
# it, a signal must not end this script: remember it and act on it right after.
deferred_signal=
trap 'deferred_signal=130' INT
trap 'deferred_signal=143' TERM
octet=$(with_lock claim)
ip=$NET_PREFIX.$octet dir=$HOSTS_DIR/$name veth=$name-v
trap 'status=$?; trap - EXIT; [ $status = 0 ] || "$TESTHOST_SCRIPTS/down.sh" "$name"; exit $status' EXIT

mkdir "$dir/upper" "$dir/work" "$dir/root" "$dir/docker"
mount -t overlay overlay -o "lowerdir=$lower,upperdir=$dir/upper,workdir=$dir/work" "$dir/root"
echo "$name" >"$dir/root/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' "$name" >"$dir/root/etc/hosts"
# an empty machine-id in the image would make systemd derive the same one on every host
tr -d - </proc/sys/kernel/random/uuid >"$dir/root/etc/machine-id"

ip netns add "$name"
ip link add "$veth" type veth peer name eth0 netns "$name"
ip link set "$veth" master "$BRIDGE" up
ip -n "$name" addr add "$ip/$PREFIX_LEN" dev eth0
ip -n "$name" link set eth0 up
ip -n "$name" link set lo up # no default route on purpose: hosts reach only the test network
# nspawn mounts /proc/sys read-only, so dockerd inside could not switch forwarding on itself
ip netns exec "$name" sysctl -q -w net.ipv4.ip_forward=1

# The supervisor boots the host again when it reboots (nspawn exits 133) and turns SIGTERM into a
# clean poweroff (nspawn forwards it as SIGRTMIN+3).
(
  move_to_cgroup "$BASHPID" "$CGROUP_PARENT/$name"
  set +e
  stopping=0 child=
  trap 'stopping=1; [ -z "$child" ] || kill -TERM $child' TERM
  while :; do
    # pure cgroup2 inside, or dockerd finds the v1 controllers read-only; --capability=all because
    # nspawn drops CAP_NET_ADMIN with --network-namespace-path; @keyring and bpf for "docker run"
    SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1 setsid systemd-nspawn --register=no --keep-unit --boot \
      --console=passive --link-journal=no -q -D "$dir/root" -M "$name" \
      --network-namespace-path="/run/netns/$name" --resolv-conf=off \
      --bind="$dir/docker:/var/lib/docker" --capability=all --system-call-filter='@keyring bpf' &
    child=$!
    echo $child >"$dir/nspawn.pid"
    [ $stopping = 0 ] || kill -TERM $child
    wait $child
    status=$?
    if [ $stopping = 1 ]; then
      wait $child
      break
    fi
    echo "supervisor: systemd-nspawn exited with $status"
    [ $status = 133 ] || break
  done
  rm -f "$dir/nspawn.pid"
) </dev/null >>"$dir/nspawn.log" 2>&1 &
supervisor=$!
move_to_cgroup "$supervisor" "$CGROUP_PARENT/$name"
echo "$supervisor" >"$dir/supervisor.pid"
trap 'exit 130' INT
trap 'exit 143' TERM
[ -z "$deferred_signal" ] || exit "$deferred_signal"

deadline=$((SECONDS + ${TESTHOST_BOOT_TIMEOUT:-60}))
# shellcheck disable=SC2046 # ssh_options is a list of words
until ssh $(ssh_options) "root@$ip" true 2>/dev/null; do
  alive "$supervisor" ||
    die "$name stopped while booting: $(tail -n 20 "$dir/nspawn.log")"
  ((SECONDS < deadline)) || die "$name: no SSH on $ip after ${TESTHOST_BOOT_TIMEOUT:-60} s: $(tail -n 20 "$dir/nspawn.log")"
  sleep 0.2
done
echo "$name $ip"
