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
