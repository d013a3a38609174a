#!/usr/bin/env bash
# The main command (npm start): installs dependencies, rebuilds the default
# snapshot from ../shared/corpus (text and pdf) when the corpus is present (otherwise
# uses the committed one), builds the static web app and serves it on
# localhost. The corpus PDFs are copied into build/data/default/pdf for the
# PDF page view.
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

if [ -d ../shared/corpus/text ]; then
	echo "== building the default snapshot from ../shared/corpus (text and pdf)"
	npm run --silent snapshot
else
	echo "== ../shared/corpus not found: using the committed snapshot in static/data/default"
fi

echo "== building the web app"
npx vite build --logLevel warn

# The PDF page view looks for data/default/pdf/<source_name>; the corpus PDFs
# are copied into the build output only (never committed).
if compgen -G "../shared/corpus/pdf/*.pdf" > /dev/null; then
	mkdir -p build/data/default/pdf
	cp ../shared/corpus/pdf/*.pdf build/data/default/pdf/
	echo "== copied the corpus PDFs into build/data/default/pdf (page view)"
fi

port="${PORT:-4173}"
echo "== serving BudgetLens 预算透镜 at http://127.0.0.1:${port}/ (Ctrl+C to stop)"
exec npx vite preview --host 127.0.0.1 --port "$port" --strictPort
