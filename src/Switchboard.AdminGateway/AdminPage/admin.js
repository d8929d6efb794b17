// The admin page: polls the gateway's JSON endpoints and renders with textContent only (never parsed as HTML: log
// text comes from the network).
"use strict";

const $ = id => document.getElementById(id);

function row(cells, statusClass) {
  const tr = document.createElement("tr");
  for (const text of cells) {
    const td = document.createElement("td");
    td.textContent = text ?? "";
    tr.appendChild(td);
  }
  if (statusClass) tr.children[3].className = statusClass;
  return tr;
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(url + ": " + response.status);
  return response.json();
}

function fillSelect(select, values, keepFirst) {
  while (select.options.length > (keepFirst ? 1 : 0)) select.remove(select.options.length - 1);
  for (const v of values) select.add(new Option(v, v));
}

async function loadServices() {
  const services = await getJson("/api/services");
  $("services").replaceChildren(...services.map(s => row([s.service, s.instance, s.address, s.status, s.detail], s.status)));
}

async function loadLevels() {
  const view = await getJson("/api/settings/log-levels");
  $("levels").replaceChildren(...view.tags.map(t => row([t, view.current[t]])));
  if ($("level-tag").options.length === 0) {
    fillSelect($("level-tag"), view.tags, false);
    fillSelect($("level-value"), view.levels, false);
    fillSelect($("log-level"), view.levels, true);
  }
}

async function loadLog() {
  const query = new URLSearchParams({ last: $("log-count").textContent });
  if ($("log-tag").value) query.set("tag", $("log-tag").value);
  if ($("log-level").value) query.set("level", $("log-level").value);
  const records = await getJson("/api/log?" + query);
  $("log").replaceChildren(...records.reverse().map(r => row([r.time, r.service, r.tag, r.level, r.text])));
}

async function refresh() {
  try {
    await Promise.all([loadServices(), loadLevels(), loadLog()]);
    $("error").textContent = "";
  } catch (e) {
    $("error").textContent = String(e);
  }
}

$("level-form").addEventListener("submit", async event => {
  event.preventDefault();
  const tag = encodeURIComponent($("level-tag").value);
  const response = await fetch("/api/settings/SystemLog/" + tag, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ value: $("level-value").value }),
  });
  $("error").textContent = response.ok ? "" : "setting the level failed: " + response.status;
  await refresh();
});

refresh();
setInterval(refresh, 5000);
