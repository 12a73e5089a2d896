"""Writes the service worker (sw.js) into a built site, from the template src/web/sw.js.

It lists every file of the build (sw.js itself aside) with the SHA-256 of its bytes, and
names the release by a hash of that list: a build that changes any file changes sw.js,
which is how the browser learns, on the next visit, that a new release is there.

Run by scripts/extract_loader.py at the end of Trunk's post-build hook (it must come after
that hook's rewrites, and Trunk runs hooks of one stage side by side). By hand, on a
built folder: python3 scripts/make_sw.py dist
"""

import base64
import hashlib
import json
import os
import pathlib
import sys

TEMPLATE = pathlib.Path(__file__).resolve().parent.parent / "src" / "web" / "sw.js"


def listing(site):
    """[relative path, "sha256-<base64>"] for every file of the site but sw.js, sorted."""
    files = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel == "sw.js" or any(part.startswith(".") for part in path.relative_to(site).parts):
            continue
        digest = base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode("ascii")
        files.append([rel, "sha256-" + digest])
    return files


def write(site):
    site = pathlib.Path(site)
    files = listing(site)
    if not any(rel == "index.html" for rel, _ in files):
        sys.exit(f"make_sw: no index.html in {site}")
    version = hashlib.sha256(json.dumps(files).encode("utf-8")).hexdigest()[:16]
    text = TEMPLATE.read_text(encoding="utf-8")
    for marker in ("'__VERSION__'", "__FILES__"):
        if text.count(marker) != 1:
            sys.exit(f"make_sw: the template must hold {marker} exactly once")
    text = text.replace("'__VERSION__'", json.dumps(version)).replace("__FILES__", "[\n  " + ",\n  ".join(json.dumps(f) for f in files) + ",\n]")
    (site / "sw.js").write_text(text, encoding="utf-8")
    return version


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR", "dist")
    print(f"make_sw: {target}/sw.js, release {write(target)}")
