#!/bin/sh
# Runs atspi-listing.py on a display of its own, with a session bus and an accessibility
# bus of its own (at-spi2-core), in a throwaway home.
#   atspi-listing.sh ATSPI-SCREENS LISTING
set -eu
here=$(cd "$(dirname "$0")" && pwd)

# Debian's pyatspi is for the system's python3, which may not be the first on PATH.
python=
for candidate in /usr/bin/python3 python3; do
  if "$candidate" -c 'import pyatspi' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "Bail out! python3-pyatspi is not installed (bash .ci/quickstart test installs it)" >&2
  exit 1
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT INT TERM
export HOME="$home" XDG_CACHE_HOME="$home/cache" XDG_CONFIG_HOME="$home/config" \
       XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state"
export PYTHON="$python" ATSPI_SCREENS="$1" LISTING="$2" LISTING_PY="$here/atspi-listing.py"

# The accessibility bus is started on demand by org.a11y.Bus on the session bus; both end
# with dbus-run-session.
exec "$here/with-xvfb.sh" dbus-run-session -- sh -c '
  address=$(gdbus call --session --timeout 30 --dest org.a11y.Bus --object-path /org/a11y/bus \
            --method org.a11y.Bus.GetAddress | sed -e "s/^(.\(.*\).,)$/\1/")
  [ -n "$address" ] || { echo "Bail out! no accessibility bus" >&2; exit 1; }
  export AT_SPI_BUS_ADDRESS="$address"
  exec "$PYTHON" "$LISTING_PY" "$ATSPI_SCREENS" "$LISTING"
'
