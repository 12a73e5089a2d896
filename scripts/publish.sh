#!/usr/bin/env bash
# Builds the release and copies the static site to a folder a web server serves:
#   scripts/publish.sh /var/www/html/team/reports
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/publish.sh DESTINATION_FOLDER" >&2; exit 2; }
cd "$(dirname "$0")/.."
scripts/install-tools.sh
export PATH="$PWD/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
trunk build --release=true
mkdir -p "$1"
dest="$(cd "$1" && pwd)"
# sw.js last: a browser that checks for a new release meanwhile finds the old sw.js and
# the old files, or the new sw.js and every new file, never a new list with old files.
(cd dist && find . -type f ! -name sw.js -exec cp --parents {} "$dest"/ \;)
cp dist/sw.js "$dest"/sw.js
echo "Published to $1"
