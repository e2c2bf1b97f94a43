#!/usr/bin/env bash
# Build (or reuse) HashiCorp Vault v1.21.4 as a test tool for the end-to-end suite.
#
# Vault 1.21 is BUSL-licensed: none of its code is committed here. This script fetches it
# from the Go module proxy into a scratch module OUTSIDE the repository and caches the
# binary in ${VTPL_E2E_CACHE:-$HOME/.cache/vtpl-e2e}. It prints the binary's path on the
# last line of stdout and exits non-zero on any failure.
#
# Why the recipe looks like this (issue 11): as a dependency, Vault's own `replace` of its
# nested sdk module is ignored, and no published sdk matches 1.21.x. sdk v0.21.0 builds
# with two patches: framework.Backend.ActivationFunc takes (ctx, req) as in 1.21, and
# keysutil/lock_manager.go comes from sdk v0.24.0 (RestorePolicy returns (string, error)).
# Vault's two other replaces are copied as they are.
set -euo pipefail

VAULT_VERSION=1.21.4
SDK_VERSION=v0.21.0
SDK_LOCK_MANAGER_VERSION=v0.24.0
CACHE="${VTPL_E2E_CACHE:-$HOME/.cache/vtpl-e2e}"
OUT="$CACHE/vault-$VAULT_VERSION/vault"
log() { echo "build-vault: $*" >&2; }

if [ -x "$OUT" ] && "$OUT" version 2>/dev/null | grep -Eq "^Vault v$VAULT_VERSION([ ,]|$)"; then
  log "reusing $OUT ($("$OUT" version))"
  echo "$OUT"
  exit 0
fi

command -v go >/dev/null || { log "go is not installed: cannot build Vault"; exit 1; }

WORK="$CACHE/build-$VAULT_VERSION"
rm -rf "$WORK"
mkdir -p "$WORK" "$(dirname "$OUT")"
cd "$WORK"
start=$(date +%s)

log "fetching sdk $SDK_VERSION and $SDK_LOCK_MANAGER_VERSION from the Go module proxy"
dir_of() { go mod download -json "github.com/hashicorp/vault/sdk@$1" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p'; }
SDK_DIR=$(dir_of "$SDK_VERSION")
LM_DIR=$(dir_of "$SDK_LOCK_MANAGER_VERSION")
[ -d "$SDK_DIR" ] && [ -d "$LM_DIR" ] || { log "could not download the Vault sdk modules"; exit 1; }

cp -r "$SDK_DIR" sdk
chmod -R u+w sdk
sed -i 's/^\tActivationFunc func(context.Context, \*logical.Request, string) error$/\tActivationFunc func(context.Context, *logical.Request) error/' sdk/framework/backend.go
grep -q '^	ActivationFunc func(context.Context, \*logical.Request) error$' sdk/framework/backend.go \
  || { log "patching sdk/framework/backend.go failed (ActivationFunc not found)"; exit 1; }
cp "$LM_DIR/helper/keysutil/lock_manager.go" sdk/helper/keysutil/lock_manager.go

cat > main.go <<'GO'
// Scratch entry point: the vault CLI, built from the module proxy for vtpl's e2e tests.
package main

import (
	"os"

	"github.com/hashicorp/vault/command"
)

func main() { os.Exit(command.Run(os.Args[1:])) }
GO
cat > go.mod <<GOMOD
module vtpl-e2e-vault

go 1.25

require github.com/hashicorp/vault v$VAULT_VERSION

replace github.com/hashicorp/vault/sdk => ./sdk

replace github.com/99designs/keyring => github.com/Jeffail/keyring v1.2.3

replace github.com/ma314smith/signedxml v1.1.1 => github.com/moov-io/signedxml v1.1.1
GOMOD

log "resolving modules (go mod tidy -e)"
go mod tidy -e >&2
log "compiling Vault v$VAULT_VERSION (16-35 min cold on 2 cores, under a minute with a warm Go build cache)"
go build -trimpath -ldflags "-s -w" -o "$OUT.tmp" . >&2
"$OUT.tmp" version | grep -Eq "^Vault v$VAULT_VERSION([ ,]|$)" \
  || { log "built binary reports $("$OUT.tmp" version), not v$VAULT_VERSION"; exit 1; }
mv "$OUT.tmp" "$OUT"
log "built $OUT in $(( $(date +%s) - start )) s"
echo "$OUT"
