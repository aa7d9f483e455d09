#!/bin/bash
# usage: bench/provision-bench.sh [RUNS]   (as root: it boots test hosts, see testhost/README.md)
#
# Wall time and SSH logins (counted by the host's sshd) of `create -d generic` on a fresh host with
# Docker preinstalled, and of `provision` on the machine it made, RUNS times (default 3) for each
# kind of key: RSA (the native client: one session) and Ed25519 (the system ssh, since the native
# client has no EdDSA: one login per command). Builds the launcher first; tears its hosts down
# however it ends.
set -euo pipefail
project=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$project"
runs=${1:-3}
cache=${TESTHOST_CACHE:-/var/cache/jmachine-testhost}

mvn -q -B -o package -DskipTests -Djacoco.skip=true
testhost/build-image.sh --docker >/dev/null
work=$(mktemp -d /tmp/provision-bench.XXXXXX)
hosts=()
cleanup() {
  for h in "${hosts[@]}"; do testhost/down.sh "$h" >/dev/null 2>&1 || true; done
  testhost/net.sh down >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
export HOME=$work USER=bench
logins() { testhost/exec.sh "$1" journalctl -u ssh --no-pager -o cat | grep -c '^Accepted ' || true; }
seconds() { echo "$2 - $1" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

printf '%-10s %-4s %10s %8s %13s %10s\n' key run create_s logins provision_s logins
for key in id_rsa id_ed25519; do
  : > "$work/$key.create"
  : > "$work/$key.provision"
  for i in $(seq 1 "$runs"); do
    name=pb$$k${key:3:1}$i
    name=${name:0:12}
    hosts+=("$name")
    read -r _ ip < <(testhost/up.sh "$name" auto --docker)
    export MACHINE_STORAGE_PATH=$work/store-$key-$i
    before=$(logins "$name")
    t0=$(date +%s.%N)
    bin/docker-machine create -d generic --generic-ip-address "$ip" \
      --generic-ssh-key "$cache/$key" "m$i" > "$work/create.log" 2>&1 ||
      { cat "$work/create.log"; exit 1; }
    t1=$(date +%s.%N)
    middle=$(logins "$name")
    bin/docker-machine provision "m$i" > "$work/provision.log" 2>&1 ||
      { cat "$work/provision.log"; exit 1; }
    t2=$(date +%s.%N)
    after=$(logins "$name")
    create=$(seconds "$t0" "$t1") provision=$(seconds "$t1" "$t2")
    echo "$create" >> "$work/$key.create"
    echo "$provision" >> "$work/$key.provision"
    printf '%-10s %-4s %10.2f %8d %13.2f %10d\n' "$key" "$i" "$create" $((middle - before)) \
      "$provision" $((after - middle))
    testhost/down.sh "$name" >/dev/null 2>&1 || true
  done
  printf '%-10s %-4s %10.2f %8s %13.2f %10s\n' "$key" median \
    "$(median < "$work/$key.create")" "" "$(median < "$work/$key.provision")" ""
done
