// newslint's page: check the article as it is typed, mark each finding in
// place, apply a fix with one click. Plain script, no build step, nothing
// loaded from elsewhere; it talks only to the server that served it.
"use strict";

const $ = (id) => document.getElementById(id);
const article = $("article");
const highlights = $("highlights");
const backdrop = highlights.parentElement;
const list = $("findings");
const status = $("status");
const message = $("message");
const packChoice = $("pack");
const formatChoice = $("format");
const fixAll = $("fix-all");
const tokenInput = $("token");

const PAUSE_MS = 250; // check once typing pauses this long
let findings = []; // the last answer's findings, each with .start and .end (UTF-16 indices)
let checkedText = null; // the text those findings are for
let sequence = 0; // answers to older requests are dropped
let timer = null;
document.body.dataset.checks = "0"; // how many answers were shown: tests wait on it

// -- talking to the server --------------------------------------------------------

async function call(method, path, body) {
  const headers = { "Content-Type": "application/json" };
  const token = tokenInput.value || sessionStorage.getItem("newslint-token");
  if (token) headers.Authorization = "Bearer " + token;
  const response = await fetch(path, { method, headers, body: body && JSON.stringify(body) });
  const answer = await response.json().catch(() => ({ error: { message: response.statusText } }));
  if (response.status === 401) {
    $("token-label").hidden = false;
    tokenInput.focus();
  } else if (response.ok && tokenInput.value) {
    sessionStorage.setItem("newslint-token", tokenInput.value);
  }
  if (!response.ok) throw new Error(answer.error ? answer.error.message : response.statusText);
  return answer;
}

function request(text) {
  return { text, format: formatChoice.value, pack: packChoice.value || undefined };
}

async function check() {
  clearTimeout(timer);
  const text = article.value;
  const mine = ++sequence;
  try {
    const answer = await call("POST", "/v1/check", request(text));
    if (mine === sequence) show(text, answer.findings);
  } catch (error) {
    if (mine === sequence) status.textContent = "Not checked: " + error.message;
  }
}

function checkSoon() {
  clearTimeout(timer);
  timer = setTimeout(check, PAUSE_MS);
}

// -- positions: newslint counts code points, JavaScript UTF-16 units --------------

function indexer(text) {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return (line, column) => {
    let index = lineStarts[Math.min(line, lineStarts.length) - 1];
    for (let step = 1; step < column && index < text.length; step++) {
      index += text.codePointAt(index) > 0xffff ? 2 : 1;
    }
    return index;
  };
}

// -- showing findings -----------------------------------------------------------------

function show(text, answer) {
  const at = indexer(text);
  checkedText = text;
  findings = answer.map((finding, id) => ({
    ...finding,
    id,
    start: at(finding.line, finding.column),
    end: at(finding.end_line, finding.end_column),
  }));
  drawMarks(text);
  drawList();
  const counts = { error: 0, warning: 0, info: 0 };
  findings.forEach((f) => counts[f.severity]++);
  const parts = Object.entries(counts).filter(([, n]) => n).map(([s, n]) => `${n} ${s}${n === 1 ? "" : "s"}`);
  status.textContent = findings.length ? `${findings.length} found: ${parts.join(", ")}.` : "No problems found.";
  fixAll.disabled = !findings.some((f) => f.fix && f.fix.safe);
  showMessageAtCaret();
  document.body.dataset.checks = String(Number(document.body.dataset.checks) + 1);
}

// The backdrop holds the same text in segments; a segment any finding covers is
// a <mark> naming those findings. Overlapping findings split into segments.
function drawMarks(text) {
  const edges = new Set([0, text.length]);
  findings.forEach((f) => { edges.add(f.start); edges.add(f.end); });
  const cuts = [...edges].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < cuts.length; i++) {
    for (const f of findings) {
      if (f.start === f.end && f.start === cuts[i]) fragment.append(mark("", [f], "point"));
    }
    if (i + 1 === cuts.length) break;
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = findings.filter((f) => f.start <= from && to <= f.end && f.start < f.end);
    const piece = text.slice(from, to);
    fragment.append(covering.length ? mark(piece, covering) : document.createTextNode(piece));
  }
  fragment.append(document.createTextNode("\n")); // a last empty line keeps its height
  highlights.replaceChildren(fragment);
  syncScroll();
}

function mark(text, covering, extra) {
  const element = document.createElement("mark");
  element.textContent = text;
  element.dataset.findings = covering.map((f) => f.id).join(" ");
  const worst = ["error", "warning", "info"].find((s) => covering.some((f) => f.severity === s));
  element.className = [worst, extra].filter(Boolean).join(" ");
  return element;
}

function drawList() {
  list.replaceChildren(...findings.map((f) => {
    const item = document.createElement("li");
    item.className = f.severity;
    item.dataset.finding = String(f.id);
    const where = document.createElement("div");
    where.className = "where";
    const place = f.path === "-" ? "" : f.path + " ";
    where.append(`${place}line ${f.line}, column ${f.column} · ${f.severity} · `);
    const rule = document.createElement("span");
    rule.className = "rule";
    rule.textContent = f.rule;
    where.append(rule);
    const text = document.createElement("div");
    text.textContent = f.message;
    item.append(where, text);
    if (f.fix) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "fix";
      const found = checkedText.slice(f.start, f.end);
      const change = f.fix.replacement ? `${visible(found)} → ${visible(f.fix.replacement)}` : `remove ${visible(found)}`;
      button.textContent = `Fix: ${change}` + (f.fix.safe ? "" : " (check it reads right)");
      button.addEventListener("click", (event) => { event.stopPropagation(); applyFix(f); });
      item.append(button);
    }
    item.addEventListener("click", () => select(f));
    return item;
  }));
}

// Text as a person can see it on a button: spaces and no-break spaces shown.
function visible(text) {
  return text.replace(/ /g, "␣").replace(/\u00a0/g, "⍽").replace(/\n/g, "↵");
}

function select(f) {
  article.focus();
  article.setSelectionRange(f.start, f.end);
  showMessageAtCaret();
}

function setCurrent(ids) {
  for (const element of highlights.querySelectorAll("mark")) {
    const mine = element.dataset.findings.split(" ").some((id) => ids.has(id));
    element.classList.toggle("current", mine);
  }
  for (const item of list.children) item.classList.toggle("current", ids.has(item.dataset.finding));
}

// The message of the finding under the caret, under the editor.
function showMessageAtCaret() {
  if (checkedText !== article.value) {
    message.textContent = "";
    setCurrent(new Set());
    return;
  }
  const caret = article.selectionStart;
  const here = findings.filter((f) => f.start <= caret && caret <= f.end);
  message.textContent = here.map((f) => `${f.rule}: ${f.message}`).join(" · ");
  setCurrent(new Set(here.map((f) => String(f.id))));
}

// -- fixing ---------------------------------------------------------------------------

function applyFix(f) {
  if (checkedText !== article.value) return; // the text moved on: wait for the next check
  article.focus();
  article.setRangeText(f.fix.replacement, f.start, f.end, "end");
  check();
}

async function fixEverything() {
  const text = article.value;
  try {
    const answer = await call("POST", "/v1/fix", request(text));
    if (article.value !== text) return; // typed meanwhile: keep the writer's text
    article.value = answer.text;
    sequence++;
    show(answer.text, answer.findings);
  } catch (error) {
    status.textContent = "Not fixed: " + error.message;
  }
}

// -- wiring ---------------------------------------------------------------------------

function syncScroll() {
  backdrop.scrollTop = article.scrollTop;
  backdrop.scrollLeft = article.scrollLeft;
}

function syncSize() {
  backdrop.style.height = article.offsetHeight + "px";
  backdrop.style.width = article.offsetWidth + "px";
}

async function loadChoices() {
  try {
    const answer = await call("GET", "/v1/packs");
    packChoice.replaceChildren(...answer.packs.map((pack) => {
      const option = new Option(pack.name, pack.name, false, pack.name === answer.default);
      option.title = pack.description;
      return option;
    }));
    formatChoice.replaceChildren(...answer.formats.map((name) => new Option(name, name, false, name === "text")));
  } catch (error) {
    status.textContent = "Cannot reach the server: " + error.message;
  }
}

article.addEventListener("input", () => {
  if (checkedText !== null && checkedText !== article.value) highlights.replaceChildren(article.value + "\n");
  message.textContent = "";
  checkSoon();
});
article.addEventListener("scroll", syncScroll);
for (const event of ["click", "keyup", "select"]) article.addEventListener(event, showMessageAtCaret);
new ResizeObserver(syncSize).observe(article);
packChoice.addEventListener("change", check);
formatChoice.addEventListener("change", check);
fixAll.addEventListener("click", fixEverything);
tokenInput.addEventListener("change", () => { loadChoices().then(check); });

loadChoices().then(() => { if (article.value) check(); });
