// The service worker behind "Save for offline reading". save-offline.js
// registers it only when a reader presses that button on a toolkit home,
// then asks it to store the files of that language's list
// (`<lang>/offline.json`, written by the build). Pages are still fetched
// from the network first; when that fails, the stored copy answers.
// Nothing is stored without the button.
const CACHE = "signpost-offline-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("message", (event) => {
  const port = event.ports[0];
  if (!port || !event.data || typeof event.data.save !== "string") return;
  event.waitUntil(save(event.data.save).then(
    (count) => port.postMessage({ ok: true, count }),
    (error) => port.postMessage({ ok: false, error: String(error) }),
  ));
});

async function save(listUrl) {
  const list = await (await fetch(listUrl, { cache: "no-cache" })).json();
  const cache = await caches.open(CACHE);
  const queue = list.urls.slice();
  // A few requests at a time rather than hundreds at once.
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const response = await fetch(url, { cache: "no-cache" });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      await cache.put(url, response);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return list.urls.length;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request).catch(async () => {
    const cache = await caches.open(CACHE);
    // A search page is stored once, whatever its query (`?q=…`).
    const stored = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
    if (stored) return stored;
    // What was not saved is missing, as on a server (search.js reads a
    // missing word list as "no such word").
    return request.mode === "navigate" ? Response.error() : new Response(null, { status: 404 });
  }));
});
