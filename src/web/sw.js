// Scorecard's service worker: keeps this release's own files in the browser so the page
// works with the network gone. scripts/make_sw.py writes it into each build with the
// build's exact list of files and their hashes; a new release is a new list, so a new
// sw.js, which the browser notices on the next visit and installs beside the running one.
//
// It touches nothing but its own files: same-origin GET requests under its scope (the
// folder the site is published in), for a name on the list. Anything else, above all any
// other origin, is left to the browser as if there were no service worker.
'use strict';

// Filled in by scripts/make_sw.py.
const VERSION = '__VERSION__';
// [path relative to the site's folder, "sha256-..." of its bytes]
const FILES = __FILES__;

const SCOPE = new URL(self.registration.scope);
// One cache per release, named for the folder too: two copies of Scorecard published in
// two folders of one host keep to their own.
const PREFIX = `scorecard ${SCOPE.pathname} `;
const CACHE = PREFIX + VERSION;
const LISTED = new Set(FILES.map(([path]) => path));

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

// Every file, checked against the hash the build wrote: a host caught halfway through
// publishing (new sw.js, old engine) fails the install instead of caching a mixture; the
// browser tries again on the next visit and the running release carries on meanwhile.
async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(FILES.map(async ([path, integrity]) => {
      const url = new URL(path, SCOPE);
      // 'no-cache': asks the server (a 304 is cheap), so a name that is the same in every
      // release (index.html, loader.js) is never taken from an older release in the HTTP cache.
      const response = await fetch(url, { cache: 'no-cache', integrity, credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      // A host that redirects (index.html to the folder, say) marks the response as
      // redirected, which a browser refuses as the answer to a navigation: keep the body.
      await cache.put(url, response.redirected
        ? new Response(await response.blob(), { headers: response.headers })
        : response);
    }));
  } catch (e) {
    await caches.delete(CACHE);
    throw e;
  }
}

// Older releases' caches of this folder go once this one is in charge; other folders' and
// other sites' caches are not this worker's business.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    // The first visit's page is served by the network, but the same release: taking it
    // over now lets the engine it starts later come from the cache if the network drops.
    await self.clients.claim();
  })());
});

// The page asks for this when the user presses Reload on "A new version is ready"; a new
// release never replaces the files under a page that is running without being asked.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  let path = url.pathname.slice(SCOPE.pathname.length);
  if (path === '' && request.mode === 'navigate') path = 'index.html';
  if (!LISTED.has(path)) return;
  event.respondWith(fromCache(path, request));
});

// The cache holds one release whole, so every file of it is answered from there, query
// strings (cache-busting for the HTTP cache) aside: the page, its loader and the engine
// always match. Only if the cache has lost a file does the network answer.
async function fromCache(path, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(new URL(path, SCOPE));
  return cached || fetch(request);
}
