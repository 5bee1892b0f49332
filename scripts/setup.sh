#!/usr/bin/env bash
# `npm run setup [-- --no-build]`: prepares a fresh clone after `npm install`, and is safe to run
# again at any time. It
#   1. migrates the database at DATABASE_PATH (default data/testarena.sqlite) and seeds the demo
#      data if it has no users yet (never reseeds; SEED_DEMO=false skips the demo data),
#   2. builds the app (skipped with --no-build, or when build/ is newer than every source file),
#   3. makes sure Chromium is there for the browser tests (scripts/ensure-chromium.sh), installing
#      nothing when it already is.
# Then it says what it did. Exit 1 if a step failed.
set -uo pipefail
cd "$(dirname "$0")/.."

build=auto
for arg in "$@"; do
  case "$arg" in
    --no-build) build=no ;;
    --build) build=yes ;;
    *)
      echo "Usage: npm run setup [-- --no-build | --build]" >&2
      exit 2
      ;;
  esac
done

database="${DATABASE_PATH:-data/testarena.sqlite}"
did=()
failed=0

step() { printf '\n== %s\n' "$1"; }

step "Database ($database)"
if out=$(npx tsx scripts/db.ts migrate 2>&1); then
  echo "$out"
  did+=("database: ${out}")
  case "${SEED_DEMO:-true}" in
    false | 0) did+=("demo data: skipped (SEED_DEMO=${SEED_DEMO})") ;;
    *)
      if out=$(npx tsx scripts/db.ts seed 2>&1); then
        echo "$out"
        did+=("demo data: ${out}")
      else
        echo "$out" >&2
        did+=("demo data: FAILED")
        failed=1
      fi
      ;;
  esac
else
  echo "$out" >&2
  did+=("database: FAILED to migrate")
  failed=1
fi

step "Build"
if [ "$build" = auto ] && [ -f build/server/index.js ] &&
  [ -z "$(find app public server.ts vite.config.ts package.json package-lock.json patches \
    -newer build/server/index.js -print -quit 2>/dev/null)" ]; then
  build=no
  reason="up to date"
fi
if [ "$build" = no ]; then
  echo "Skipped (${reason:-as asked with --no-build})."
  did+=("build: skipped (${reason:-as asked with --no-build})")
elif npm run --silent build; then
  did+=("build: built build/")
else
  did+=("build: FAILED")
  failed=1
fi

step "Chromium"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  version=$("$chromium" --version 2>/dev/null || echo "version unknown")
  echo "Already installed at $chromium: $version"
  did+=("chromium: already installed ($version)")
elif bash scripts/ensure-chromium.sh; then
  did+=("chromium: installed")
else
  did+=("chromium: MISSING (see the message above; only the browser tests need it)")
  failed=1
fi

printf '\n== Setup summary\n'
printf ' - %s\n' "${did[@]}"
if [ "$failed" = 0 ]; then
  echo "Ready: npm run dev (development) or npm start (production build); npm run validate checks."
fi
exit "$failed"
