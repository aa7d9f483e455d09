#!/bin/bash
# usage: build-image.sh [--docker]
#
# Builds, once, the cached Debian 12 root file system the test hosts boot from ($TESTHOST_CACHE/bookworm)
# and the harness SSH keys next to it (id_ed25519, id_rsa). With --docker it also builds the
# layer-docker overlay layer that has docker.io installed and enabled. A no-op for whatever is cached.
# Each part is built in a temp dir and renamed at the end, so an interrupted build leaves no half image.
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/lib.sh"

with_docker=false
case ${1:-} in
  --docker) with_docker=true ;;
  "") ;;
  *) die "usage: build-image.sh [--docker]" ;;
esac
require_root
require_tools debootstrap systemd-nspawn ssh-keygen flock findmnt

# Prints the first http(s) URI the host's apt sources use for SUITE (one-line and deb822 formats).
apt_source_uri() {
  local suite=$1 file uris=
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    uris+=$(sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$file" |
      awk -v s="$suite" '$1 == "deb" && $3 == s { print $2 }')$'\n'
  done
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    uris+=$(awk -v s="$suite" '
      BEGIN { RS = ""; FS = "\n" }
      {
        types = uris = suites = ""; enabled = "yes"
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^[[:space:]]*#/) continue
          key = tolower($i); sub(/:.*/, "", key)
          val = $i; sub(/^[^:]*:[[:space:]]*/, "", val)
          if (key == "types") types = val
          else if (key == "uris") uris = val
          else if (key == "suites") suites = val
          else if (key == "enabled") enabled = tolower(val)
        }
        if (enabled != "no" && (" " types " ") ~ / deb / && (" " suites " ") ~ (" " s " ")) {
          split(uris, u, " "); print u[1]
        }
      }' "$file")$'\n'
  done
  grep -m1 -E '^https?://' <<<"$uris" | sed 's:/*$::' || true
}

# Runs a command inside ROOT like a chroot (no boot, host network, so apt reaches the mirror).
in_image() {
  local root=$1
  shift
  (
    # no systemd on the CI machine: --register=no --keep-unit, and an own cgroup for nspawn's groups
    move_to_cgroup "$BASHPID" "$CGROUP_PARENT-build"
    exec systemd-nspawn --register=no --keep-unit -q -D "$root" "$@"
  )
}

generate_keys() {
  local type
  for type in ed25519 rsa; do
    rm -f "$TESTHOST_CACHE/id_$type.tmp" "$TESTHOST_CACHE/id_$type.tmp.pub"
    ssh-keygen -q -t "$type" -N '' -C jmachine-testhost -f "$TESTHOST_CACHE/id_$type.tmp"
    mv "$TESTHOST_CACHE/id_$type.tmp.pub" "$TESTHOST_CACHE/id_$type.pub"
    mv "$TESTHOST_CACHE/id_$type.tmp" "$TESTHOST_CACHE/id_$type"
  done
}

build_base_image() {
  local mirror security
  mirror=${MIRROR:-$(apt_source_uri bookworm)}
  mirror=${mirror:-http://deb.debian.org/debian}
  security=${SECURITY_MIRROR:-$(apt_source_uri bookworm-security)}
  security=${security:-http://deb.debian.org/debian-security}
  echo "testhost: building $BASE_IMAGE from $mirror (takes about a minute)" >&2

  # global, not local: the EXIT trap may run after this function has been left
  target=$(mktemp -d "$BASE_IMAGE.tmp.XXXXXX")
  chmod 755 "$target" # becomes the hosts' /
  # an interrupted debootstrap leaves /proc and /sys mounted inside, remove_tree unmounts them first
  trap 'remove_tree "$target"' EXIT
  debootstrap --variant=minbase \
    --include=systemd,systemd-sysv,dbus,libnss-myhostname,openssh-server,sudo,curl,ca-certificates,iproute2,procps \
    bookworm "$target" "$mirror"
  cat >"$target/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
  # The hosts have no route to the mirror: pre-download docker.io (and the lists to resolve it) so
  # that "apt-get install docker.io", docker-machine's install step, works offline inside them.
  in_image "$target" sh -ec 'export DEBIAN_FRONTEND=noninteractive
    apt-get -q update; apt-get -yq upgrade; apt-get clean; apt-get -yq install --download-only docker.io'

  # host keys are generated at each host's first boot, so no two hosts share them
  rm -f "$target"/etc/ssh/ssh_host_*
  mkdir -p "$target/etc/systemd/system/ssh.service.d"
  printf '[Service]\nExecStartPre=\nExecStartPre=/usr/bin/ssh-keygen -A\nExecStartPre=/usr/sbin/sshd -t\n' \
    >"$target/etc/systemd/system/ssh.service.d/10-keygen.conf"
  install -d -m 700 "$target/root/.ssh"
  cat "$TESTHOST_CACHE/id_ed25519.pub" "$TESTHOST_CACHE/id_rsa.pub" >"$target/root/.ssh/authorized_keys"
  chmod 600 "$target/root/.ssh/authorized_keys"
  in_image "$target" sh -ec 'useradd -m -s /bin/bash -G sudo tester
    echo "tester ALL=(ALL) NOPASSWD:ALL" >/etc/sudoers.d/tester; chmod 440 /etc/sudoers.d/tester
    install -d -m 700 -o tester -g tester /home/tester/.ssh
    install -m 600 -o tester -g tester /root/.ssh/authorized_keys /home/tester/.ssh/authorized_keys'

  : >"$target/etc/machine-id" # up.sh writes a fresh one per host
  # No DNS server is reachable from a host: fail lookups at once instead of sudo waiting 20 s on each.
  echo 'nameserver 127.0.0.1' >"$target/etc/resolv.conf"
  echo testhost >"$target/etc/hostname"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\ttesthost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$target/etc/hosts"
  rm -rf "$target"/var/log/journal/*
  mv "$target" "$BASE_IMAGE"
  trap - EXIT
}

build_docker_layer() {
  echo "testhost: building $DOCKER_LAYER (docker.io preinstalled)" >&2
  work=$(mktemp -d "$DOCKER_LAYER.tmp.XXXXXX")
  trap 'remove_tree "$work"' EXIT
  mkdir "$work/upper" "$work/work" "$work/root"
  chmod 755 "$work/upper" # overlay takes the merged / from the top layer
  mount -t overlay overlay -o "lowerdir=$BASE_IMAGE,upperdir=$work/upper,workdir=$work/work" "$work/root"
  in_image "$work/root" sh -ec 'DEBIAN_FRONTEND=noninteractive apt-get install -yq docker.io; apt-get clean'
  umount "$work/root"
  mv "$work/upper" "$DOCKER_LAYER"
  remove_tree "$work"
  trap - EXIT
}

mkdir -p "$TESTHOST_CACHE"
chmod 700 "$TESTHOST_CACHE"
# One build at a time: a second caller waits here and then finds everything cached.
exec 8>"$TESTHOST_CACHE/build.lock"
flock 8
started=$SECONDS
for leftover in "$TESTHOST_CACHE"/*.tmp.*; do
  [ -d "$leftover" ] && remove_tree "$leftover"
done
if [ ! -f "$TESTHOST_CACHE/id_ed25519" ] || [ ! -f "$TESTHOST_CACHE/id_rsa" ]; then
  generate_keys
  # images from an earlier key pair would refuse the new keys
  remove_tree "$DOCKER_LAYER"
  remove_tree "$BASE_IMAGE"
fi
[ -d "$BASE_IMAGE" ] || build_base_image
if $with_docker && [ ! -d "$DOCKER_LAYER" ]; then
  build_docker_layer
fi
remove_cgroup "$CGROUP_PARENT-build"
if ((SECONDS > started)); then
  echo "testhost: image ready in $((SECONDS - started)) s" >&2
fi
