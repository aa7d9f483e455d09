#!/bin/bash
# Runs every test on a fresh Debian 12 machine (as root): installs what the tests need, builds
# the test-host image when it is not cached, then runs the Maven build with all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh

install_packages openjdk-17-jdk-headless maven docker.io openssl openssh-client openssh-server \
  systemd-container debootstrap rsync sshfs iproute2 iptables tmux bash-completion zsh fish tcsh \
  golang-go
testhost/ci-setup.sh

# integration tests fail instead of skipping when something they need is missing
export CI=true
mvn -B verify
