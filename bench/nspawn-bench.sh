#!/bin/bash
# usage: bench/nspawn-bench.sh [RUNS]   (as root, on Linux)
#
# Times the nspawn driver as a user meets it, through bin/docker-machine: create (cached image,
# Docker installed from the image's cached packages by the normal provisioning), stop, start, a
# docker run on the started machine, and rm. Runs RUNS rounds (default 3) and prints each time
# and the median. Targets (issue 5): create under 30 s, start under 3 s.
#
# The base image is shared with the tests ($BENCH_CACHE/cache/nspawn/SUITE, default
# /var/cache/jmachine-nspawn-test); if it is missing, a first create builds it and its time is
# reported separately. Machines get addresses from $BENCH_SUBNET (default 198.51.100.128/25).
# Everything the benchmark creates is removed on exit, also when it fails or is interrupted.
# BENCH_SKIP_BUILD=1 uses the jars already in target/lib.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

runs=${1:-3}
cache=${BENCH_CACHE:-/var/cache/jmachine-nspawn-test}
subnet=${BENCH_SUBNET:-198.51.100.128/25}
[ "$(id -u)" = 0 ] || { echo "nspawn-bench: needs root" >&2; exit 1; }
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/nspawn-bench.sh [RUNS]" >&2; exit 1; }

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  mvn -B -q -o package -DskipTests >/dev/null 2>&1 || mvn -B -q package -DskipTests
fi
dm=$PWD/bin/docker-machine
suite=$(. /etc/os-release 2>/dev/null; echo "${VERSION_CODENAME:-bookworm}")
work=$(mktemp -d /tmp/jmachine-nspawn-bench.XXXXXX)
store=$work/store
machines=()

cleanup() {
  local m
  for m in "${machines[@]}"; do
    MACHINE_STORAGE_PATH=$1 "$dm" rm -f -y "$m" >/dev/null 2>&1 || true
  done
}
cleanup_all() {
  trap - EXIT INT TERM
  cleanup "$store"
  [ -n "${warm:-}" ] && MACHINE_STORAGE_PATH=$cache "$dm" rm -f -y bench-warmup >/dev/null 2>&1
  rm -rf --one-file-system "$work"
}
trap cleanup_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }
seconds() { printf '%.2f' "$1"; }

# docker run against machine $1 (address $2) as docker-machine env sets it up, retried until dockerd answers
# (start returns once SSH answers; dockerd comes up a moment later)
docker_run() {
  (
    # what `docker-machine env` prints; env itself checks the daemon, which may not be up yet
    export DOCKER_HOST=tcp://$2:2376
    export DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=$store/machines/$1
    for _ in $(seq 1 300); do
      docker run --rm bench-mini /usr/bin/dash -c 'echo ok' >/dev/null 2>&1 && exit 0
      sleep 0.1
    done
    echo "nspawn-bench: docker run on $1 failed" >&2
    exit 1
  )
}
import_mini() {
  (
    eval "$(MACHINE_STORAGE_PATH=$store "$dm" env "$1")"
    cd / && tar -ch usr/bin/dash lib/x86_64-linux-gnu/libc.so.6 lib64/ld-linux-x86-64.so.2 2>/dev/null |
      docker import - bench-mini >/dev/null
  )
}

image=$cache/cache/nspawn/$suite
if [ ! -f "$image/etc/jmachine-image" ]; then
  echo "nspawn-bench: no cached $suite image in $cache; building it with a first create" >&2
  mkdir -p "$cache"
  warm=1
  t=$(now)
  MACHINE_STORAGE_PATH=$cache "$dm" create -d nspawn --nspawn-subnet "$subnet" bench-warmup >/dev/null
  echo "image build + first create: $(seconds "$(elapsed "$t")") s"
  MACHINE_STORAGE_PATH=$cache "$dm" rm -y bench-warmup >/dev/null
  warm=
fi

mkdir -p "$store/cache/nspawn"
ln -s "$image" "$store/cache/nspawn/$suite"
export MACHINE_STORAGE_PATH=$store
# the CA and client certificate are made once per store: not part of a machine's create
"$dm" create -d none --url tcp://127.0.0.1:1 bench-certs >/dev/null
"$dm" rm -y bench-certs >/dev/null

declare -a create stop start dockerrun remove
for ((i = 1; i <= runs; i++)); do
  m=bench$i
  machines+=("$m")
  t=$(now); "$dm" create -d nspawn --nspawn-subnet "$subnet" "$m" >"$work/create.log" 2>&1 ||
    { cat "$work/create.log" >&2; exit 1; }
  create+=("$(elapsed "$t")")
  import_mini "$m"
  ip=$("$dm" ip "$m")
  t=$(now); "$dm" stop "$m" >/dev/null; stop+=("$(elapsed "$t")")
  t=$(now); "$dm" start "$m" >/dev/null; start+=("$(elapsed "$t")")
  docker_run "$m" "$ip"; dockerrun+=("$(elapsed "$t")")
  t=$(now); "$dm" rm -y "$m" >/dev/null; remove+=("$(elapsed "$t")")
  printf 'run %d: create %s s, stop %s s, start %s s, start to a finished docker run %s s, rm %s s\n' \
    "$i" "$(seconds "${create[-1]}")" "$(seconds "${stop[-1]}")" "$(seconds "${start[-1]}")" \
    "$(seconds "${dockerrun[-1]}")" "$(seconds "${remove[-1]}")"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "median of $runs (load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs):"
printf '  %-38s %6s s   target < 30 s\n' "create (cached image, Docker installed)" "$(seconds "$(median "${create[@]}")")"
printf '  %-38s %6s s\n' "stop (clean poweroff)" "$(seconds "$(median "${stop[@]}")")"
printf '  %-38s %6s s   target < 3 s\n' "start (until dockerd answers)" "$(seconds "$(median "${start[@]}")")"
printf '  %-38s %6s s\n' "start to a finished docker run" "$(seconds "$(median "${dockerrun[@]}")")"
printf '  %-38s %6s s\n' "rm" "$(seconds "$(median "${remove[@]}")")"
