#!/bin/sh
# Every source file with a string marked for translation must be listed in po/POTFILES.in,
# and the list must stay sorted.
set -eu
top="$1"
cd "$top"
status=0
potfiles=$(grep -v '^#' po/POTFILES.in | grep -v '^$')
if [ "$potfiles" != "$(printf '%s\n' "$potfiles" | LC_ALL=C sort)" ]; then
  echo "po/POTFILES.in is not sorted"
  status=1
fi
for f in $(grep -rlE '(^|[^A-Za-z_])N?_\("|C_\("' app --include='*.c'; grep -rl 'translatable="yes"' app data --include='*.ui'); do
  if ! printf '%s\n' "$potfiles" | grep -qx "$f"; then
    echo "$f has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done
for f in $potfiles; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; status=1; }
done
[ "$status" -eq 0 ] && echo "ok 1 - po/POTFILES.in is complete and sorted" && echo "1..1"
exit "$status"
