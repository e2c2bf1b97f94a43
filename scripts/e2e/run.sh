#!/usr/bin/env bash
# npm run test:e2e: vtpl against a real Vault v1.21.4, a real PostgreSQL and real `vault agent`.
#
# Builds (or reuses) Vault with build-vault.sh, starts PostgreSQL and `vault server -dev` on
# 127.0.0.1 with free ports, runs the vitest suite in test/e2e (vitest.e2e.config.ts; its
# global setup configures KV, the database secrets engine, PKI and AppRole), and always tears
# everything down: the trap stops PostgreSQL and Vault and every process the tests started
# (they append their pids to $VTPL_E2E_WORK/pids). Ends with the line "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
log() { echo "e2e: $*" >&2; }
finish() { echo "$1 passed, $2 failed"; exit "$3"; }

# Long steps run in the background and are waited for: bash runs a trap only once the
# foreground command ends, and a timeout's SIGTERM must stop the suite at once.
CHILD=""
trap '[ -n "$CHILD" ] && kill -TERM "$CHILD" 2>/dev/null; log "interrupted"; finish 0 1 130' INT TERM

started=$(date +%s)
bin_file=$(mktemp)
scripts/e2e/build-vault.sh >"$bin_file" &
CHILD=$!
wait "$CHILD" || { rm -f "$bin_file"; log "building Vault failed"; finish 0 1 1; }
CHILD=""
VAULT_BIN=$(tail -1 "$bin_file")
rm -f "$bin_file"
build_s=$(( $(date +%s) - started ))

# PostgreSQL: Debian's package puts its server tools under /usr/lib/postgresql/N/bin.
pg_bin() {
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then dirname "$(command -v initdb)"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}
PG_BIN=$(pg_bin)
if [ -z "$PG_BIN" ] || ! command -v psql >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing PostgreSQL from apt"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; } >&2 \
      || { log "apt-get install postgresql failed"; finish 0 1 1; }
    PG_BIN=$(pg_bin)
  fi
fi
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || { log "PostgreSQL (initdb, pg_ctl, psql) not found"; finish 0 1 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vtpl-e2e.XXXXXX")
chmod 755 "$WORK"
touch "$WORK/pids"
VAULT_PID=""
PG_UP=""
# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  local pid
  [ -n "$CHILD" ] && kill -TERM "$CHILD" 2>/dev/null
  while read -r pid; do [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; done < "$WORK/pids"
  [ -n "$VAULT_PID" ] && kill -TERM "$VAULT_PID" 2>/dev/null && wait "$VAULT_PID" 2>/dev/null
  [ -n "$PG_UP" ] && as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1
  sleep 0.2
  while read -r pid; do [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; done < "$WORK/pids"
  if [ -n "${VTPL_E2E_KEEP:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# PostgreSQL in a temporary cluster; the superuser logs in with a password over TCP, as Vault does.
PG_PORT=$(free_port)
PG_PASSWORD=$(node -e 'console.log(require("crypto").randomBytes(12).toString("hex"))')
mkdir -p "$WORK/pg"
echo "$PG_PASSWORD" > "$WORK/pg/pwfile"
chown -R postgres: "$WORK/pg" 2>/dev/null || true
chmod 700 "$WORK/pg"
as_pg "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --pwfile="$WORK/pg/pwfile" --auth=scram-sha-256 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; log "initdb failed"; finish 0 1 1; }
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -w -t 30 -l "$WORK/pg/postgres.log" \
  -o "-h 127.0.0.1 -p $PG_PORT -k $WORK/pg" start >/dev/null \
  || { cat "$WORK/pg/postgres.log" >&2; log "PostgreSQL did not start"; finish 0 1 1; }
PG_UP=1
log "PostgreSQL on 127.0.0.1:$PG_PORT"

VAULT_PORT=$(free_port)
VAULT_TOKEN=$(node -e 'console.log("root-"+require("crypto").randomBytes(8).toString("hex"))')
VAULT_ADDR="http://127.0.0.1:$VAULT_PORT"
"$VAULT_BIN" server -dev -dev-listen-address="127.0.0.1:$VAULT_PORT" -dev-root-token-id="$VAULT_TOKEN" \
  >"$WORK/vault.log" 2>&1 &
VAULT_PID=$!
for _ in $(seq 1 100); do
  VAULT_ADDR=$VAULT_ADDR "$VAULT_BIN" status >/dev/null 2>&1 && break
  kill -0 "$VAULT_PID" 2>/dev/null || break
  sleep 0.2
done
VAULT_ADDR=$VAULT_ADDR "$VAULT_BIN" status >/dev/null 2>&1 || { cat "$WORK/vault.log" >&2; log "Vault did not start"; finish 0 1 1; }
log "Vault $("$VAULT_BIN" version) on $VAULT_ADDR"

export VTPL_E2E_WORK="$WORK" VTPL_E2E_VAULT_BIN="$VAULT_BIN" VTPL_E2E_VAULT_ADDR="$VAULT_ADDR" \
  VTPL_E2E_VAULT_TOKEN="$VAULT_TOKEN" VTPL_E2E_PG_PORT="$PG_PORT" VTPL_E2E_PG_PASSWORD="$PG_PASSWORD" \
  VTPL_E2E_PSQL="$(command -v psql)"
# The suite passes addresses explicitly; an ambient Vault must not leak into any command.
unset VAULT_ADDR VAULT_TOKEN VAULT_NAMESPACE VAULT_CACERT VAULT_SKIP_VERIFY

report="$WORK/vitest-report.json"
suite_start=$(date +%s)
node_modules/.bin/vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile="$report" "$@" &
CHILD=$!
wait "$CHILD"
test_rc=$?
CHILD=""
log "Vault build/reuse ${build_s} s, suite $(( $(date +%s) - suite_start )) s"
read -r passed failed < <(node -e '
  try {
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites || 0));
  } catch { console.log(0, 1); }
' "$report")
[ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
if [ "$failed" -ne 0 ]; then finish "$passed" "$failed" 1; fi
finish "$passed" "$failed" 0
