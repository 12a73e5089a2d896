"""Trunk post-build hook: moves Trunk's inline module loader into loader.js.

The page's Content-Security-Policy allows scripts only from the page's own files, so the
inline <script type="module"> Trunk writes into index.html would be refused. This moves
its body into a file and points a <script src> at it; it also drops the build-time nonce
Trunk adds, which protects nothing in a static file.
"""

import os
import pathlib
import re
import sys

staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", "dist"))
index = staging / "index.html"
html = index.read_text(encoding="utf-8")

pattern = re.compile(r'<script type="module"(?: nonce="[^"]*")?>(.*?)</script>', re.S)
found = pattern.search(html)
if not found:
    sys.exit("extract_loader: no inline module script found in " + str(index))

(staging / "loader.js").write_text(found.group(1).strip() + "\n", encoding="utf-8")
html = html[: found.start()] + '<script type="module" src="./loader.js"></script>' + html[found.end():]
html = re.sub(r' nonce="[^"]*"', "", html)
if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
    sys.exit("extract_loader: an inline script is still left in index.html")
index.write_text(html, encoding="utf-8")

# The engine workers' loaders (the small build and the full one), as Trunk writes them,
# fetch fixed names and let a failed start vanish as an unhandled rejection inside the
# worker, where the page never hears of it. Rewritten: each file is asked for by its
# content hash (a browser holding an older release's engine cannot mix it with this
# one), and a failed start is thrown where it becomes the worker's `error` event, so the
# page restarts it or says it cannot.
import hashlib


def digest(name):
    return hashlib.sha256((staging / name).read_bytes()).hexdigest()[:16]


for build in ("engine_csv", "engine_full"):
    loader = staging / f"{build}_loader.js"
    if not loader.exists():
        continue
    loader.write_text(
        f'importScripts("./{build}.js?v={digest(build + ".js")}");\n'
        f'wasm_bindgen("./{build}_bg.wasm?v={digest(build + "_bg.wasm")}")'
        ".catch((e) => setTimeout(() => { throw e; }));\n",
        encoding="utf-8",
    )

# Last, once every file is in its final form: the service worker that lists them all
# (Trunk runs the hooks of one stage side by side, so it cannot be a hook of its own).
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import make_sw  # noqa: E402

make_sw.write(staging)
