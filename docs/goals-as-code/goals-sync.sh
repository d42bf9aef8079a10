#!/bin/sh
# Keeps a Tandem workspace in step with the goals files of a repository (docs/goals-as-code.md).
#
#   goals-sync.sh check [import options...]   on a pull request: lint, then import --dry-run
#   goals-sync.sh apply [import options...]   on merge: lint, then import
#
# Where the goals files are: GOALS_DIR (default: goals). Which workspace: TANDEM_SERVER and
# TANDEM_TOKEN (an API token of an admin, or of whoever owns the goals), else DATABASE_URL.
# The command: TANDEM (default: tandem, on the PATH). Exit codes are tandem's: 0 fine, 1 problems
# found (a lint error, goals naming what the workspace lacks), 2 malformed files or bad usage.
set -eu
TANDEM=${TANDEM:-tandem}
GOALS=${GOALS_DIR:-goals}
MODE=${1:-check}
[ $# -gt 0 ] && shift
if [ -n "${TANDEM_SERVER:-}" ]; then
  set -- --server "$TANDEM_SERVER" "$@"
elif [ -n "${DATABASE_URL:-}" ]; then
  set -- --database "$DATABASE_URL" "$@"
else
  echo "goals-sync: set TANDEM_SERVER and TANDEM_TOKEN (or DATABASE_URL)" >&2
  exit 2
fi
echo "== tandem lint $GOALS"
$TANDEM lint "$GOALS"
case "$MODE" in
  check)
    echo "== tandem import $GOALS --dry-run"
    $TANDEM import "$GOALS" --dry-run "$@"
    ;;
  apply)
    echo "== tandem import $GOALS"
    $TANDEM import "$GOALS" "$@"
    ;;
  *)
    echo "goals-sync: the mode is check or apply, not $MODE" >&2
    exit 2
    ;;
esac
