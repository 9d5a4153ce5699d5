#!/bin/sh
# Runs one UI test on a virtual display of its own. Xvfb chooses a free display number and
# reports it (-displayfd), so several UI tests can run at the same time.
set -eu
dir=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$dir"' EXIT INT TERM
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$dir/display" 2>"$dir/log" &
xvfb=$!
i=0
while [ ! -s "$dir/display" ]; do
  i=$((i + 1))
  if [ "$i" -gt 100 ]; then
    echo "Bail out! Xvfb did not start" >&2
    cat "$dir/log" >&2
    exit 1
  fi
  sleep 0.1
done
DISPLAY=":$(head -n 1 "$dir/display")"
export DISPLAY
"$@"
