#!/usr/bin/env bash
# Check every internal link and #anchor of a built site with LinkChecker.
#   .github/scripts/check-links.sh [SITE_DIR]     (default: site)
# Serves SITE_DIR on 127.0.0.1 (anchors of directory URLs such as page/#part can only be checked
# over HTTP), crawls it from the home page and fails on any broken link or missing anchor.
set -euo pipefail
site_dir="${1:-site}"
here="$(cd "$(dirname "$0")" && pwd)"
linkchecker="${LINKCHECKER:-linkchecker}"
python="${PYTHON:-python3}"

if [ ! -f "$site_dir/index.html" ]; then
  echo "check-links: $site_dir/index.html not found: build the site first (mkdocs build --strict)" >&2
  exit 2
fi

port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
# A static server on 127.0.0.1. It answers with a "LinkChecker" header: LinkChecker only goes above
# 10 requests a second (maxrequestspersecond in linkcheckerrc) for servers that send one.
"$python" - "$port" "$site_dir" >/dev/null 2>&1 <<'PY' &
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allowed")
        super().end_headers()


handler = functools.partial(Handler, directory=sys.argv[2])
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), handler).serve_forever()
PY
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT

for _ in $(seq 1 50); do
  if "$python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null; then
    break
  fi
  sleep 0.1
done

# Warnings (a missing anchor is one) fail the check as errors do.
# Run as root, LinkChecker becomes the user "nobody" before it lists its plugins: where its files
# are not readable by others (a virtualenv in a private temporary folder), the anchor check would
# then be missing without a word. It is run by its own interpreter without that step: it only
# reads a site served on 127.0.0.1.
interpreter="$(head -n 1 "$(command -v "$linkchecker")" | sed 's/^#!//')"
# shellcheck disable=SC2086 # the interpreter line may be "/usr/bin/env python3"
$interpreter - --config "$here/../linkcheckerrc" "http://127.0.0.1:$port/" <<'PY'
import sys

from linkcheck.command import linkchecker

linkchecker.drop_privileges = lambda: None
sys.argv[0] = "linkchecker"
sys.exit(linkchecker.linkchecker())
PY
