// bb inspector: the page beside the simulator. Everything a request carries is shown
// with textContent, never parsed as HTML.
"use strict";
(function () {
  const token = document.querySelector('meta[name="bb-token"]').content;
  const $ = (id) => document.getElementById(id);
  const rows = $("rows"), detail = $("detail"), status = $("status");
  const maxRows = 2000;
  let selected = 0, specShown = false;

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const k of kids) if (k != null) e.append(k);
    return e;
  }
  const time = (t) => new Date(t).toLocaleTimeString([], { hour12: false }) + "." + String(new Date(t).getMilliseconds()).padStart(3, "0");

  // The live log.
  function answer(x) {
    const td = el("td");
    if (x.endpoint) td.append(x.endpoint + (x.response ? " → response " + x.response : " → no response matched"));
    else if (x.stub) td.append("no endpoint");
    else td.append(x.note.split("\n")[0]);
    for (const m of x.misses || []) td.append(el("span", { class: "why", text: "✗ " + m }));
    for (const p of x.unfit || []) td.append(el("span", { class: "unfit", text: "ejected server: 400, " + p.path + ": " + p.message }));
    return td;
  }
  function addRow(x) {
    const tr = el("tr", { "data-id": x.id, "data-path": x.uri, "data-status": String(x.status) },
      el("td", { text: time(x.time) }), el("td", { text: x.method }), el("td", { text: x.uri }),
      el("td", { class: "s" + String(x.status)[0], text: String(x.status) }),
      el("td", { text: (x.micros / 1000).toFixed(x.micros < 1000 ? 2 : 1) }), answer(x));
    if (x.unfit) tr.classList.add("has-unfit");
    if (x.stub) tr.classList.add("miss");
    tr.addEventListener("click", () => open(x.id, tr));
    filterRow(tr);
    rows.prepend(tr);
    while (rows.children.length > maxRows) rows.lastChild.remove();
  }
  function filterRow(tr) {
    const p = $("f-path").value.trim(), s = $("f-status").value.trim().toLowerCase().replace(/x+$/, "");
    tr.hidden = (p && !tr.dataset.path.includes(p)) || (s && !tr.dataset.status.startsWith(s));
  }
  for (const id of ["f-path", "f-status"]) $(id).addEventListener("input", () => { for (const tr of rows.children) filterRow(tr); });
  $("clear").addEventListener("click", () => { rows.textContent = ""; detail.hidden = true; });

  // One request, opened.
  function bytes(b64) {
    const s = atob(b64 || "");
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  function header(h, name) {
    for (const k of Object.keys(h || {})) if (k.toLowerCase() === name) return h[k][0];
    return "";
  }
  function body(b64, headers, clipped, max, cls) {
    const data = bytes(b64), ctype = header(headers, "content-type");
    const box = el("div", { class: cls });
    if (data.length === 0) { box.append(el("span", { class: "muted", text: "(no body)" })); return box; }
    if (ctype.startsWith("image/") && !clipped) {
      const img = el("img", { class: "body", alt: "image body" });
      img.src = URL.createObjectURL(new Blob([data], { type: ctype }));
      box.append(img);
    } else {
      let text = new TextDecoder().decode(data);
      if (!clipped && /json/.test(ctype || "json")) { try { text = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* shown as sent */ } }
      box.append(el("pre", { text }));
    }
    if (clipped) box.append(el("p", { class: "muted", text: "clipped: the inspector keeps the first " + (max >> 10) + " KiB of each body" }));
    return box;
  }
  function headerTable(h) {
    const t = el("table", { class: "headers" });
    for (const k of Object.keys(h || {}).sort()) for (const v of h[k]) t.append(el("tr", {}, el("td", { text: k }), el("td", { text: v })));
    return t;
  }
  const sq = (s) => "'" + s.replace(/'/g, "'\\''") + "'";
  function curl(d) {
    const parts = ["curl", "-X", d.method, sq(location.origin + d.uri)];
    for (const k of Object.keys(d.requestHeader || {})) {
      if (/^(host|content-length|connection|accept-encoding)$/i.test(k)) continue;
      for (const v of d.requestHeader[k]) parts.push("-H", sq(k + ": " + v));
    }
    if (d.requestBody) parts.push("--data-binary", sq(new TextDecoder().decode(bytes(d.requestBody))));
    return parts.join(" ");
  }
  async function open(id, tr) {
    selected = id;
    for (const r of rows.querySelectorAll("tr.sel")) r.classList.remove("sel");
    tr.classList.add("sel");
    const res = await fetch("/_bb/api/requests/" + id);
    const d = await res.json();
    if (selected !== id) return;
    detail.textContent = "";
    detail.hidden = false;
    if (!res.ok) { detail.append(el("p", { text: d.error })); return; }
    const copy = el("button", { type: "button", id: "copy-curl", text: "Copy as curl" });
    copy.addEventListener("click", async () => {
      try { await navigator.clipboard.writeText(curl(d)); copy.textContent = "Copied"; } catch (e) { copy.textContent = "Copy failed"; }
    });
    detail.append(el("h2", { text: d.method + " " + d.uri + " → " + d.status }), el("p", { class: "note", text: d.note.split("; to stub it")[0].split("\n")[0] }), copy);
    if (d.stub) {
      const add = el("button", { type: "button", id: "add-stub", text: "Add this stub to bb.yaml" });
      const out = el("span", { class: "result" });
      add.addEventListener("click", async () => {
        add.disabled = true;
        const r = await fetch("/_bb/api/stub", { method: "POST", headers: { "Content-Type": "application/json", "X-BB-Token": token }, body: JSON.stringify({ id: d.id }) });
        const j = await r.json();
        out.textContent = r.ok ? "added endpoint " + j.endpoint + " to " + j.file : j.error;
        add.disabled = r.ok;
      });
      detail.append(el("h2", { text: "No endpoint answers this; the stub that would:" }), el("pre", { id: "stub", text: d.stub }), add, out);
    }
    if (d.unfit) {
      detail.append(el("h2", { text: "The ejected server would answer 400" }));
      const ul = el("ul");
      for (const p of d.unfit) ul.append(el("li", { class: "unfit", text: p.path + ": " + p.message }));
      detail.append(ul);
    }
    detail.append(el("h2", { text: "Request headers" }), headerTable(d.requestHeader),
      el("h2", { text: "Request body" }), body(d.requestBody, d.requestHeader, d.requestClipped, d.maxBody, "req-body"),
      el("h2", { text: "Response headers" }), headerTable(d.header),
      el("h2", { text: "Response body" }), body(d.body, d.header, d.clipped, d.maxBody, "resp-body"));
  }

  // Reload status.
  function showStatus(s) {
    status.textContent = "";
    const changed = [];
    for (const [k, v] of [["added", s.added], ["changed", s.changed], ["removed", s.removed]]) if (v && v.length) changed.push(v.length + " " + k + " (" + v.join(", ") + ")");
    status.append(el("div", { class: "good", text: "Serving " + s.file + ", loaded at " + time(s.loadedAt) + ": " + s.total + " endpoint" + (s.total === 1 ? "" : "s") + (changed.length ? "; " + changed.join(", ") : "") }));
    for (const n of s.notes || []) status.append(el("div", { class: "muted", text: n }));
    if (s.failed) {
      status.append(el("div", { class: "bad", text: "The save at " + time(s.failed) + " did not load; the spec loaded at " + time(s.loadedAt) + " is still served:" }));
      const ul = el("ul", { class: "bad" });
      for (const e of s.errors) ul.append(el("li", { class: "error", text: e.text }));
      status.append(ul);
    }
    if (specShown) loadSpec();
  }

  // The endpoint list.
  async function loadSpec() {
    const res = await fetch("/_bb/api/spec");
    const s = await res.json();
    const view = $("eps-view");
    view.textContent = "";
    for (const e of s.endpoints) {
      const box = el("div", { class: "ep" }, el("h2", { text: e.method + " " + e.path + "  " + e.name }));
      if (e.summary) box.append(el("p", { text: e.summary }));
      e.responses.forEach((r, i) => {
        const div = el("div", { class: "resp" }, el("strong", { text: "response " + (i + 1) + ": " + r.status }));
        div.append(" " + (r.when ? "when " + r.when.join(", ") : "(fallback)"));
        if (r.played) div.append(el("span", { class: "muted", text: " " + r.played }));
        if (r.example) {
          const ex = r.example, out = el("span", { class: "result" });
          const send = el("button", { type: "button", class: "send", text: "send" });
          send.addEventListener("click", async () => {
            const init = { method: ex.method, headers: {} };
            for (const k of Object.keys(ex.header || {})) init.headers[k] = ex.header[k][0];
            if (ex.body !== undefined) { init.body = JSON.stringify(ex.body); init.headers["Content-Type"] = "application/json"; }
            try { const res = await fetch(ex.target, init); out.textContent = "→ " + res.status; } catch (err) { out.textContent = "→ " + err; }
          });
          div.append(el("pre", { text: ex.method + " " + ex.target + (ex.body !== undefined ? "\n" + JSON.stringify(ex.body, null, 2) : "") }), send, out);
        } else if (r.unreachable) div.append(el("p", { class: "muted", text: r.unreachable }));
        box.append(div);
      });
      if (e.swift) box.append(el("h2", { text: "Swift" }), el("pre", { class: "swift", text: e.swift }));
      view.append(box);
    }
  }
  function tab(showEps) {
    specShown = showEps;
    $("log-view").hidden = showEps;
    $("eps-view").hidden = !showEps;
    $("tab-log").classList.toggle("on", !showEps);
    $("tab-eps").classList.toggle("on", showEps);
    if (showEps) loadSpec();
  }
  $("tab-log").addEventListener("click", () => tab(false));
  $("tab-eps").addEventListener("click", () => tab(true));

  // The stream: every kept request first, then each new one and each reload.
  const es = new EventSource("/_bb/events");
  es.addEventListener("open", () => { $("conn").textContent = "live"; });
  es.addEventListener("error", () => { $("conn").textContent = "disconnected; retrying…"; });
  es.addEventListener("reset", () => { rows.textContent = ""; });
  es.addEventListener("request", (ev) => addRow(JSON.parse(ev.data)));
  es.addEventListener("status", (ev) => showStatus(JSON.parse(ev.data)));
})();
