#!/bin/bash
# Start-up benchmark (not a test): median wall time of the commands users run from prompts and
# scripts, each as a ratio to the floor of any JVM command line tool, a "hello world" started by
# the same java with the launcher's own flags.
#
#   bench/startup.sh [LAUNCHER]        default: bin/docker-machine of this tree (after mvn package)
#
# Environment: RUNS (default 9) timed runs of each command, interleaved round by round so that
# a change in machine load hits every command alike; one untimed warm-up round comes first.
# KEEP=1 keeps the stores and certificates in /tmp/jmachine-bench.* for a closer look.
# Needs openssl, python3 (to pick a free port), javac and jar. Everything runs on 127.0.0.1; the only
# processes it starts and stops are its own, by PID. The launcher's class-data sharing archive
# is made (and waited for) in a private cache directory first, so the figures are those of
# every run after the first.
#
# Targets (issue 2): url, env and ls over 20 machines within 3x the floor; ls over 500 machines
# within 2x ls over 20.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
dm=${1:-$here/bin/docker-machine}
runs=${RUNS:-9}
[ -x "$dm" ] || { echo "no launcher at $dm" >&2; exit 1; }
for tool in openssl python3 javac jar; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool" >&2; exit 1; }
done

work=$(mktemp -d /tmp/jmachine-bench.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && [ -z "${KEEP:-}" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "${KEEP:-}" ]; then
    echo "kept $work; the TLS engine stand-in (pid ${server_pid:-none}, port ${engine_port:-?}) runs on: kill it when done" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export JMACHINE_CACHE_DIR=$work/cache
unset MACHINE_STORAGE_PATH DOCKER_HOST DOCKER_TLS_VERIFY DOCKER_CERT_PATH DOCKER_MACHINE_NAME
unset MACHINE_JAVA_OPTS JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# --- the launcher's java and flags, for the floor (the archive of our classes is left out: a
# hello world has none of them)
launch=$(JMACHINE_LAUNCHER_DEBUG=1 JMACHINE_CDS=off "$dm" version 2>&1 >/dev/null | sed -n 's/^docker-machine launcher: exec //p')
read -r -a words <<<"$launch"
java=${words[0]}
flags=()
for w in "${words[@]:1}"; do
  case $w in -cp) break ;; -Djmachine.argv0=*) ;; *) flags+=("$w") ;; esac
done
mkdir -p "$work/hello"
cat >"$work/hello/Hello.java" <<'EOF'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
EOF
javac -d "$work/hello" "$work/hello/Hello.java"

# --- stores: 20 and 500 none-driver machines. m1 points at a TLS engine stand-in (openssl
# s_server with a certificate from the store's CA, demanding a client certificate, answering
# GET /version); the others at a loopback port where nothing listens.
s20=$work/store20
s500=$work/store500
engine_port=$(free_port)
dead_port=$(free_port) # freed again at once: nothing listens there
"$dm" -s "$s20" create -d none --url "tcp://127.0.0.1:$engine_port" m1 >/dev/null

certs=$s20/certs
openssl req -new -newkey rsa:2048 -nodes -subj "/O=bench.m1" \
  -keyout "$work/server-key.pem" -out "$work/server.csr" 2>/dev/null
openssl x509 -req -in "$work/server.csr" -CA "$certs/ca.pem" -CAkey "$certs/ca-key.pem" \
  -CAcreateserial -days 2 -out "$work/server.pem" \
  -extfile <(printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n') 2>/dev/null
# -WWW serves files from its directory: GET /version answers like an engine
mkdir -p "$work/www"
printf '{"Version":"20.10.24","ApiVersion":"1.41","MinAPIVersion":"1.12"}' >"$work/www/version"
(cd "$work/www" && exec openssl s_server -quiet -accept "127.0.0.1:$engine_port" \
  -cert "$work/server.pem" -key "$work/server-key.pem" -CAfile "$certs/ca.pem" -Verify 1 -WWW \
  </dev/null >/dev/null 2>&1) &
server_pid=$!
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$engine_port") 2>/dev/null && break; sleep 0.1; done

# more machines: copies of m1 with their names, paths and port put right
clone() { # clone STORE FROM_STORE COUNT
  local store=$1 from=$2 count=$3 i
  mkdir -p "$store/machines"
  [ "$store" = "$from" ] || cp -a "$from/certs" "$store/certs"
  for ((i = 2; i <= count; i++)); do
    mkdir -p "$store/machines/m$i"
    cp -a "$from/machines/m1/"*.pem "$store/machines/m$i/"
    sed -e "s#\"m1\"#\"m$i\"#g" -e "s#$from/#$store/#g" -e "s#/machines/m1\"#/machines/m$i\"#g" \
      -e "s#/machines/m1/#/machines/m$i/#g" -e "s#127.0.0.1:$engine_port#127.0.0.1:$dead_port#g" \
      "$from/machines/m1/config.json" >"$store/machines/m$i/config.json"
    chmod 600 "$store/machines/m$i/config.json"
  done
  if [ "$store" != "$from" ]; then
    mkdir -p "$store/machines/m1"
    cp -a "$from/machines/m1/"*.pem "$store/machines/m1/"
    sed -e "s#$from/#$store/#g" "$from/machines/m1/config.json" >"$store/machines/m1/config.json"
  fi
}
clone "$s20" "$s20" 20
clone "$s500" "$s20" 500

# --- the handshake floor: a bare program making env's one TLS handshake, with a class-data sharing
# archive of its own classes like jmachine's
openssl pkcs8 -topk8 -nocrypt -in "$certs/key.pem" -out "$work/key-pkcs8.pem"
# class-data sharing takes classes from jars only
javac -d "$work/handshake" "$here/bench/BareHandshake.java"
jar cf "$work/handshake.jar" -C "$work/handshake" .
handshake=(-cp "$work/handshake.jar" BareHandshake "$certs/ca.pem" "$certs/cert.pem" "$work/key-pkcs8.pem"
  127.0.0.1 "$engine_port")
"$java" "${flags[@]}" -XX:ArchiveClassesAtExit="$work/handshake.jsa" "${handshake[@]}" >/dev/null 2>"$work/handshake-archive.log"

# --- the archive: made in the background by the first run, waited for here
"$dm" version >/dev/null
for _ in $(seq 1 600); do
  if ls "$JMACHINE_CACHE_DIR"/*.state >/dev/null 2>&1 && ! ls -d "$JMACHINE_CACHE_DIR"/*.lock >/dev/null 2>&1; then
    break
  fi
  sleep 0.2
done
if ! grep -q '^ok ' "$JMACHINE_CACHE_DIR"/*.state 2>/dev/null; then
  echo "warning: no class-data sharing archive; figures are without it" >&2
fi

# sanity: each command does what it should before it is timed
check() { # check NAME EXPECTED-SUBSTRING COMMAND...
  local name=$1 expected=$2 out
  shift 2
  out=$("$@" 2>&1) || { echo "$name failed: $out" >&2; exit 1; }
  case $out in *"$expected"*) ;; *) echo "$name: unexpected output: $out" >&2; exit 1 ;; esac
}
check floor hello "$java" "${flags[@]}" -cp "$work/hello" Hello
check handshake "handshake done" "$java" "${flags[@]}" -XX:SharedArchiveFile="$work/handshake.jsa" "${handshake[@]}"
check url "tcp://127.0.0.1:$engine_port" "$dm" -s "$s20" url m1
check env "DOCKER_HOST=\"tcp://127.0.0.1:$engine_port\"" "$dm" -s "$s20" env m1
check ls20 v20.10.24 "$dm" -s "$s20" ls
check ls500 m500 "$dm" -s "$s500" ls
[ "$("$dm" -s "$s500" ls -q | wc -l)" = 500 ] || { echo "ls over 500: wrong count" >&2; exit 1; }

names=(floor handshake url env ls20 ls500)
declare -A cmd=(
  [floor]="$(printf '%q ' "$java" "${flags[@]}" -cp "$work/hello" Hello)"
  [handshake]="$(printf '%q ' "$java" "${flags[@]}" -XX:SharedArchiveFile="$work/handshake.jsa" "${handshake[@]}")"
  [url]="$(printf '%q ' "$dm" -s "$s20" url m1)"
  [env]="$(printf '%q ' "$dm" -s "$s20" env m1)"
  [ls20]="$(printf '%q ' "$dm" -s "$s20" ls)"
  [ls500]="$(printf '%q ' "$dm" -s "$s500" ls)"
)
declare -A wall cpu
# CPU time (user+sys) of finished children, from bash's `times`, in ms: steadier than wall time
# when other work shares the machine. Builtins only, so that the probe itself costs nothing.
to_ms() { # to_ms 1m2.345s VAR
  local _v=$1 _m _s
  _m=${_v%%m*}
  _s=${_v#*m}
  _s=${_s%s}
  printf -v "$2" '%d' $((_m * 60000 + 10#${_s%.*} * 1000 + 10#${_s#*.}))
}
cpu_now() { # sets CPU
  local line user sys
  times >"$work/times"
  { read -r line; read -r line; } <"$work/times"
  to_ms "${line% *}" user
  to_ms "${line#* }" sys
  CPU=$((user + sys))
}
usec() { # sets NOW to the wall clock in microseconds
  local t=$EPOCHREALTIME
  NOW=$((${t%.*} * 1000000 + 10#${t#*.}))
}
for ((round = 0; round <= runs; round++)); do
  for n in "${names[@]}"; do
    cpu_now
    c0=$CPU
    usec
    t0=$NOW
    eval "${cmd[$n]}" >/dev/null 2>&1
    usec
    t1=$NOW
    cpu_now
    if [ "$round" -gt 0 ]; then
      wall[$n]+="$(((t1 - t0) / 1000)) "
      cpu[$n]+="$((CPU - c0)) "
    fi
  done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A mw mc
for n in "${names[@]}"; do
  mw[$n]=$(median <<<"${wall[$n]}")
  mc[$n]=$(median <<<"${cpu[$n]}")
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

echo "jmachine start-up, $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), median of $runs runs"
echo "java: $java ($("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p'))"
echo "flags: ${flags[*]}"
printf '%-8s %9s %9s %9s %9s\n' command wall/ms x-floor cpu/ms x-floor
for n in "${names[@]}"; do
  printf '%-8s %9s %9s %9s %9s\n' "$n" "${mw[$n]}" "$(ratio "${mw[$n]}" "${mw[floor]}")" \
    "${mc[$n]}" "$(ratio "${mc[$n]}" "${mc[floor]}")"
done
echo "ls500/ls20: wall $(ratio "${mw[ls500]}" "${mw[ls20]}"), cpu $(ratio "${mc[ls500]}" "${mc[ls20]}")"
echo "over the bare handshake: env wall $(ratio "${mw[env]}" "${mw[handshake]}"), ls20 wall $(ratio "${mw[ls20]}" "${mw[handshake]}")"
echo "targets: url, env, ls20 <= 3.00 x floor; ls500/ls20 <= 2.00"
