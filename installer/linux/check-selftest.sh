#!/bin/sh
# Run `CRDESK --self-test` (default: the bundle, dist/crdesk/crdesk) offscreen and fail on a
# failed step or on any stderr line that installer/selftest-stderr-allow.txt does not allow.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${1:-$ROOT/dist/crdesk/crdesk}
ALLOW="$ROOT/installer/selftest-stderr-allow.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
QT_QPA_PLATFORM=offscreen "$BIN" --self-test >"$tmp/out" 2>"$tmp/err"
rc=$?
cat "$tmp/out"
grep -v -e '^#' -e '^$' "$ALLOW" >"$tmp/allow"
if grep -v -x -E -f "$tmp/allow" "$tmp/err" >"$tmp/unexpected"; then
  echo "self-test FAILED: unexpected lines on stderr (not in $ALLOW):" >&2
  sed 's/^/  | /' "$tmp/unexpected" >&2
  exit 1
fi
if [ "$rc" -ne 0 ]; then
  echo "self-test FAILED (exit $rc)" >&2
  exit 1
fi
echo "self-test stderr: $(wc -l <"$tmp/err") line(s), all in the allow-list"
