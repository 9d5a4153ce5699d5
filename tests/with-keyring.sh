#!/bin/sh
# Runs a test against a real Secret Service: a private D-Bus session bus with a fresh
# gnome-keyring, unlocked with an empty password, in a home directory of its own. The test
# finds that directory in DESK_TEST_KEYRING_HOME, to search the keyring's files too.
set -eu
if [ -z "${DESK_TEST_KEYRING_SESSION:-}" ]; then
  DESK_TEST_KEYRING_SESSION=1 exec dbus-run-session -- "$0" "$@"
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT INT TERM
mkdir -m 700 "$home/runtime"

# The daemon, and the test until it isolates its own directories, live in a fresh home.
HOME=$home
XDG_DATA_HOME=$home/data
XDG_CONFIG_HOME=$home/config
XDG_CACHE_HOME=$home/cache
XDG_RUNTIME_DIR=$home/runtime
DESK_TEST_KEYRING_HOME=$home
export HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR DESK_TEST_KEYRING_HOME
# An empty line is an empty password; no input at all would leave the keyring locked.
printf '\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$@"
