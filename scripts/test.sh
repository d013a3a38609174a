#!/usr/bin/env bash
# The one test command (npm test). Installs what the tests need, then runs
# type checks, format and lint checks, unit tests and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	# Not `npm ci`: the registry reachable here serves only this platform's
	# builds of optional native packages, so the lock file cannot list the
	# others and `npm ci` refuses it. `npm install` installs the locked
	# versions and leaves package-lock.json unchanged.
	echo "== installing npm dependencies (npm install from package-lock.json)"
	npm install --no-audit --no-fund
fi

if [ ! -x /usr/bin/chromium ]; then
	echo "== installing Debian's chromium for browser tests"
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	else
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	fi
fi

mkdir -p test-results
echo "== svelte-check (strict TypeScript)"
npx svelte-kit sync
npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings --output human

echo "== prettier"
npx prettier --check . --log-level warn

echo "== eslint"
npx eslint . --max-warnings 0

echo "== vitest"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=$?

if [ -d tests/e2e ] && ls tests/e2e/*.test.ts >/dev/null 2>&1; then
	echo "== browser tests (Playwright + Debian chromium)"
	node scripts/run-e2e.mjs || status=$?
fi

node scripts/test-summary.mjs
exit $status
