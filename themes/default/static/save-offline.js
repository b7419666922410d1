// "Save for offline reading" on the toolkit home: says how much it will
// download (from the build's list, `<lang>/offline.json`), and only when
// pressed registers the service worker (sw.js) and has it store the list.
(() => {
  "use strict";
  const root = document.querySelector("[data-save-offline]");
  const web = location.protocol === "https:" || location.protocol === "http:";
  if (!root || !web || !("serviceWorker" in navigator) || !("caches" in window)) return;
  const cfg = root.dataset;
  const button = root.querySelector("button");
  const status = root.querySelector("[role=status]");
  fetch(cfg.list).then((r) => r.json()).then((list) => {
    button.textContent = cfg.label.replace("{size}", String(Math.ceil(list.bytes / 1024)));
    root.hidden = false;
  }).catch(() => {});

  const ask = (worker, message) => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage(message, [channel.port2]);
  });

  button.addEventListener("click", async () => {
    button.disabled = true;
    status.textContent = cfg.saving;
    try {
      await navigator.serviceWorker.register(cfg.save, { scope: cfg.scope });
      const registration = await navigator.serviceWorker.ready;
      const answer = await ask(registration.active, { save: cfg.list });
      if (!answer.ok) throw new Error(answer.error);
      status.textContent = cfg.saved;
      root.dataset.state = "saved";
    } catch (error) {
      status.textContent = cfg.failed;
      root.dataset.state = "failed";
    }
    button.disabled = false;
  });
})();
