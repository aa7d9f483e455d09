#!/bin/bash
# The main job on a fresh Debian 12 machine (as root): build jmachine, start a local Docker engine
# secured with a certificate from jmachine's CA, register it with `create -d none`, point the
# docker CLI at it with `eval "$(docker-machine env ...)"`, run a container, and list machines.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh
install_packages openjdk-17-jdk-headless maven docker.io openssl

mvn -B -q package -DskipTests
dm=$PWD/bin/docker-machine
work=$(mktemp -d /tmp/jmachine-main-job.XXXXXX)
export MACHINE_STORAGE_PATH=$work/store
dockerd_pid=
cleanup() {
  [ -n "$dockerd_pid" ] && kill "$dockerd_pid" 2>/dev/null && wait "$dockerd_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url=tcp://127.0.0.1:$port

# the first create bootstraps jmachine's CA and client certificate
"$dm" create -d none --url "$url" local
# a server certificate for the engine, signed by that CA (provisioning does this on real hosts)
certs=$MACHINE_STORAGE_PATH/certs
openssl req -new -newkey rsa:2048 -nodes -subj "/O=$(id -un).local" \
  -keyout "$work/server-key.pem" -out "$work/server.csr" 2>/dev/null
openssl x509 -req -in "$work/server.csr" -CA "$certs/ca.pem" -CAkey "$certs/ca-key.pem" \
  -CAcreateserial -days 30 -out "$work/server.pem" \
  -extfile <(printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n') 2>/dev/null

mkdir -p "$work/data" "$work/exec"
dockerd --host "$url" --host "unix://$work/docker.sock" --tlsverify \
  --tlscacert "$certs/ca.pem" --tlscert "$work/server.pem" --tlskey "$work/server-key.pem" \
  --data-root "$work/data" --exec-root "$work/exec" --pidfile "$work/docker.pid" \
  --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs >"$work/dockerd.log" 2>&1 &
dockerd_pid=$!
for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.2; done

eval "$("$dm" env local)"
docker version --format 'Docker engine {{.Server.Version}} (API {{.Server.APIVersion}}) over TLS'
(cd / && tar -ch usr/bin/dash lib/x86_64-linux-gnu/libc.so.6 lib64/ld-linux-x86-64.so.2 2>/dev/null) \
  | docker import - jmachine-mini >/dev/null
docker run --rm --network none jmachine-mini /usr/bin/dash -c 'echo "hello from a container on $0"' "$DOCKER_MACHINE_NAME"
"$dm" ls
