#!/bin/bash
# The main job on a fresh Debian 12 machine (as root): build jmachine, create a local machine
# (a systemd Debian host under systemd-nspawn, Docker installed over SSH by jmachine's
# provisioning), point the docker CLI at it with `eval "$(docker-machine env ...)"`, run a
# container on it, and list machines. The machine keeps running; `bin/docker-machine rm -y NAME`
# removes it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh
install_packages openjdk-17-jdk-headless maven docker.io openssh-client systemd-container \
  debootstrap iproute2 iptables

name=${1:-local}
mvn -B -q package -DskipTests
dm=$PWD/bin/docker-machine

if "$dm" ls -q | grep -qx "$name"; then
  echo "Machine \"$name\" exists already: using it."
else
  "$dm" create -d nspawn "$name"
fi
eval "$("$dm" env "$name")"
docker version --format 'Docker engine {{.Server.Version}} (API {{.Server.APIVersion}}) on {{.Server.Os}}, over TLS'
# the machine has no internet: bring a tiny image in instead of pulling one
(cd / && tar -ch usr/bin/dash lib/x86_64-linux-gnu/libc.so.6 lib64/ld-linux-x86-64.so.2 2>/dev/null) \
  | docker import - jmachine-mini >/dev/null
docker run --rm jmachine-mini /usr/bin/dash -c 'echo "hello from a container on $0"' "$DOCKER_MACHINE_NAME"
"$dm" ls
echo "Remove the machine with: $dm rm -y $name"
