#!/usr/bin/env bash
# The README's test command: on a fresh machine with only the .NET SDK, install what the tests need
# (Debian's chromium, graphviz, PostgreSQL 15), start a private PostgreSQL, run every test, stop it.
# Under this script a test that cannot run fails instead of skipping (SIMCALLER_TESTS_REQUIRE_ALL),
# so a green run proves everything ran. Extra arguments go to `dotnet test` (e.g. --filter X).
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin=/usr/lib/postgresql/15/bin
need_pkgs=()
[ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
[ -x /usr/bin/dot ] || need_pkgs+=(graphviz)
[ -x "$pg_bin/initdb" ] || need_pkgs+=(postgresql-15)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing ${need_pkgs[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # chromium's recommended packages bring the fonts the debrief page is checked with.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
fi

# A private cluster on a free port, so a server already on the machine is neither used nor disturbed.
# initdb refuses root: as root the cluster belongs to the postgres user.
log "starting a private PostgreSQL"
pgdir=$(mktemp -d /tmp/simcaller-pg.XXXXXX)
pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdir"
pgport=55433
while (exec 3<>/dev/tcp/127.0.0.1/$pgport) 2>/dev/null; do pgport=$((pgport + 1)); done
pg "'$pg_bin/initdb' -D '$pgdir/data' --auth=trust -U postgres >/dev/null"
pg "'$pg_bin/pg_ctl' -D '$pgdir/data' -l '$pgdir/log' -o '-p $pgport -k $pgdir -c listen_addresses=127.0.0.1' -w start >/dev/null"
stop_pg() { pg "'$pg_bin/pg_ctl' -D '$pgdir/data' -m fast stop" >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap stop_pg EXIT

export SIMCALLER_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"
export SIMCALLER_TESTS_REQUIRE_ALL=1

log "running the test suite"
results=$(mktemp -d /tmp/simcaller-results.XXXXXX)
status=0
dotnet test SimCaller.sln --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line for the whole run, summed over the test projects' result files. Here every
# service is up, so a skipped test means something was not checked: that fails the run too.
read -r passed failed skipped < <(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*' | awk '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); n[kv[1]] += kv[2] } }
  END { printf "%d %d %d\n", n["passed"], n["failed"] + n["error"], n["notExecuted"] }')
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$skipped" -gt 0 ]; then
  echo "test.sh: $skipped test(s) skipped although every service was set up; see the skip reasons above." >&2
  status=1
fi
exit $status
