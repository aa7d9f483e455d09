# Shared settings and helpers of the test-host scripts; sourced, never run.
# shellcheck shell=bash disable=SC2034 # the settings are used by the sourcing scripts

TESTHOST_SCRIPTS=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
TESTHOST_CACHE=${TESTHOST_CACHE:-/var/cache/jmachine-testhost}
# Must live on a real file system (ext4, xfs): /var/lib/docker of each host is bind-mounted from
# here because overlay2 cannot sit on top of the host's overlay root.
TESTHOST_RUN=${TESTHOST_RUN:-/tmp/jmachine-testhost}

BRIDGE=jmth0
NET_PREFIX=198.51.100
BRIDGE_IP=$NET_PREFIX.1
PREFIX_LEN=25
FIRST_HOST_OCTET=10
LAST_HOST_OCTET=120

BASE_IMAGE=$TESTHOST_CACHE/bookworm
DOCKER_LAYER=$TESTHOST_CACHE/layer-docker
HOSTS_DIR=$TESTHOST_RUN/hosts
LEASES_DIR=$TESTHOST_RUN/leases
LOCK_FILE=$TESTHOST_RUN/lock
CGROUP_PARENT=jmachine-testhost

die() {
  echo "testhost: $*" >&2
  exit 1
}

require_root() {
  [ "$(id -u)" = 0 ] || die "must run as root"
}

require_tools() {
  local tool missing=()
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [ ${#missing[@]} = 0 ] || die "missing tools: ${missing[*]} (run testhost/ci-setup.sh)"
}

valid_name() {
  # 12 characters at most, so "NAME-v" still fits the kernel's 15-character interface names
  [[ $1 =~ ^[a-z][a-z0-9-]{0,11}$ ]]
}

# The cgroup hierarchies nspawn touches: on a hybrid host both the name=systemd v1 tree and the
# (empty) unified tree, on a pure cgroup2 host only the root.
cgroup_roots() {
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    echo /sys/fs/cgroup
  else
    local h
    for h in systemd unified; do
      [ -d /sys/fs/cgroup/$h ] && echo /sys/fs/cgroup/$h
    done
  fi
}

# Moves process PID into cgroup GROUP in every hierarchy. nspawn run without systemd creates its
# payload/supervisor groups below the cgroup it was started from, so each nspawn needs its own.
move_to_cgroup() {
  local root
  for root in $(cgroup_roots); do
    mkdir -p "$root/$2"
    echo "$1" >"$root/$2/cgroup.procs"
  done
}

# Kills every process of host NAME: supervisor, nspawn and the whole container. Going by cgroup
# rather than by pid files also catches processes whose pid was never recorded.
kill_host() {
  local group=$CGROUP_PARENT/$1 root pids attempt
  for ((attempt = 0; attempt < 100; attempt++)); do
    pids=$(for root in $(cgroup_roots); do
      [ -d "$root/$group" ] && find "$root/$group" -name cgroup.procs -exec cat {} + 2>/dev/null
    done | sort -u)
    [ -n "$pids" ] || return 0
    for root in $(cgroup_roots); do
      [ -f "$root/$group/cgroup.kill" ] && echo 1 >"$root/$group/cgroup.kill"
    done
    # shellcheck disable=SC2086 # a list of pids
    kill -KILL $pids 2>/dev/null
    sleep 0.05
  done
  die "processes of $1 survive SIGKILL: $pids"
}

remove_cgroup() {
  local root
  for root in $(cgroup_roots); do
    [ -d "$root/$1" ] && find "$root/$1" -depth -type d -exec rmdir {} \; 2>/dev/null
  done
  return 0
}

# Unmounts everything below DIR, deepest first, so that a following rm -rf can never reach into a
# mounted /proc, /sys or bind mount (debootstrap leaves those behind when interrupted).
unmount_below() {
  local dir target
  dir=$(realpath -m "$1")
  findmnt -rn -o TARGET | awk -v d="$dir/" 'index($0 "/", d) == 1' | sort -r |
    while read -r target; do
      umount "$target" 2>/dev/null || umount -l "$target"
    done
}

remove_tree() {
  [ -e "$1" ] || return 0
  unmount_below "$1"
  rm -rf --one-file-system "$1"
}

# Runs "$@" while holding the run dir's lock, which serializes address leases and bridge changes
# between concurrent callers (two test JVMs, a shell). Callers that already hold it set
# TESTHOST_LOCK_HELD=1.
with_lock() {
  if [ "${TESTHOST_LOCK_HELD:-}" = 1 ]; then
    "$@"
  else
    mkdir -p "$TESTHOST_RUN"
    (
      flock 9
      export TESTHOST_LOCK_HELD=1
      "$@"
    ) 9>"$LOCK_FILE"
  fi
}

# Tears down hosts whose owner process (TESTHOST_OWNER_PID of up.sh) is gone: left behind by a
# test JVM that was killed before its teardown. Call with the lock held.
reap_orphans() {
  local lease owner
  for lease in "$LEASES_DIR"/*; do
    [ -f "$lease" ] || continue
    owner=$(sed -n 2p "$lease")
    if [ -n "$owner" ] && [ "$(process_identity "${owner%% *}" || true)" != "$owner" ]; then
      echo "testhost: reclaiming $(head -n1 "$lease"), its owner process ${owner%% *} is gone" >&2
      "$TESTHOST_SCRIPTS/down.sh" "$(head -n1 "$lease")"
    fi
  done
}

# "PID STARTTIME" identifies a process even after its PID has been reused; fails for a dead one.
process_identity() {
  local stat
  alive "$1" || return 1
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  # field 22 (starttime), counted after the parenthesized command name, which may contain spaces
  echo "$1 $(echo "${stat##*) }" | awk '{ print $20 }')"
}

# A zombie counts as gone: orphaned supervisors are reaped by PID 1, which may take a second here.
alive() {
  local stat
  [[ $1 =~ ^[0-9]+$ ]] || return 1
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  [[ ${stat##*) } != Z* ]]
}

# The container's PID 1 (systemd), a direct child of systemd-nspawn.
leader_pid() {
  local nspawn
  nspawn=$(cat "$HOSTS_DIR/$1/nspawn.pid" 2>/dev/null) || return 1
  alive "$nspawn" || return 1
  pgrep -P "$nspawn" | head -n1 | grep .
}

ssh_options() {
  echo -F /dev/null -i "$TESTHOST_CACHE/id_ed25519" -o StrictHostKeyChecking=no \
    -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR -o ConnectTimeout=1
}
