#!/bin/bash
# usage: ci-setup.sh   (as root, e.g. from .ci/run)
#
# Installs what the test-host harness needs and builds the cached host images, including the
# docker layer, so that no test has to. Both steps are no-ops when already done.
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/lib.sh"

packages=(debootstrap systemd-container openssh-client openssh-server rsync sshfs iproute2 iptables procps)
require_root
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
"$TESTHOST_SCRIPTS/build-image.sh" --docker
