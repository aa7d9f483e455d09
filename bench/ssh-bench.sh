#!/bin/bash
# usage: bench/ssh-bench.sh    (as root: it boots one test host, see testhost/README.md)
#
# Median time of 20 remote commands through jmachine's native SSH client (one session) against 20
# invocations of the system ssh with docker-machine's options (a handshake each), on one test host,
# and their ratio. Builds the test classes first; tears the host down however it ends.
set -euo pipefail
project=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$project"
cache=${TESTHOST_CACHE:-/var/cache/jmachine-testhost}

mvn -q -B -o test-compile
classpath_file=$(mktemp)
name=bench$$
trap 'testhost/down.sh "$name" >/dev/null 2>&1 || true; testhost/net.sh down >/dev/null 2>&1 || true; rm -f "$classpath_file"' EXIT
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$classpath_file"
testhost/build-image.sh >/dev/null
read -r _ ip < <(testhost/up.sh "$name" auto)
java -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -Dslf4j.internal.verbosity=WARN \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  io.jmachine.bench.SshBench "$ip" "$cache/id_rsa"
