// Translation work pages: the work list, a translation's overview and the coverage matrix. Also the helpers the
// segment editor (editor.js) uses: messages, JSON calls with the session's CSRF token, progress bars, dates.
(function () {
  "use strict";
  var dataNode = document.getElementById("work-data");
  var data = dataNode ? JSON.parse(dataNode.textContent) : { text: {}, me: {} };
  var STATUSES = ["approved", "translated", "draft", "rejected", "source_changed", "new"];

  function t(key) {
    var text = data.text[key] || key;
    for (var i = 1; i < arguments.length; i++) {
      text = text.split("{" + (i - 1) + "}").join(String(arguments[i]));
    }
    return text;
  }

  function csrfHeaders(headers) {
    var token = document.querySelector("meta[name='_csrf']");
    var header = document.querySelector("meta[name='_csrf_header']");
    if (token && header) headers[header.content] = token.content;
    return headers;
  }

  // Resolves to {status, body} (body: parsed JSON or null); rejects only when the network fails.
  function call(method, url, body) {
    var headers = csrfHeaders({ Accept: "application/json, application/problem+json" });
    var init = { method: method, headers: headers, credentials: "same-origin" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        var parsed = null;
        try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
        if (response.redirected && /\/login/.test(response.url)) {
          return { status: 401, body: null };
        }
        return { status: response.status, body: parsed };
      });
    });
  }

  function problemText(answer) {
    var b = answer.body || {};
    return b.detail || b.title || t("work.error.status", answer.status);
  }

  function code(answer) {
    var type = answer.body && answer.body.type;
    return type ? String(type).replace("urn:verso:problem:", "") : "";
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "className") node.className = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  function date(iso) {
    if (!iso) return "";
    var d = new Date(iso);
    if (isNaN(d)) return iso;
    return iso.length <= 10 ? d.toLocaleDateString(data.locale, { timeZone: "UTC" })
      : d.toLocaleString(data.locale, { dateStyle: "medium", timeStyle: "short" });
  }

  function name(person) { return person ? (person.name || person.id) : ""; }

  // A stacked bar: one part per segment status, widths by count, with a text alternative.
  function progressBar(progress) {
    var bar = el("div", { className: "stacked", role: "img" });
    var total = (progress && progress.total) || 0;
    var parts = [];
    STATUSES.forEach(function (s) {
      var n = (progress && progress[s]) || 0;
      if (n > 0 && total > 0) {
        bar.appendChild(el("span", { className: "part s-" + s, style: "width:" + (100 * n / total) + "%", title: t("editor.status." + s) + ": " + n }));
        parts.push(t("editor.status." + s) + " " + n);
      }
    });
    bar.setAttribute("aria-label", parts.join(", ") || t("work.progress.empty"));
    return bar;
  }

  function overdue(due) {
    return due && due < new Date().toISOString().slice(0, 10);
  }

  function showError(message) {
    var box = document.getElementById("work-error");
    if (!box) return;
    box.textContent = message || "";
    box.hidden = !message;
  }

  function showDone(id, message) {
    var box = document.getElementById(id);
    if (!box) return;
    box.textContent = message;
    box.hidden = false;
  }

  window.VersoWork = { data: data, t: t, call: call, problemText: problemText, code: code, el: el, date: date,
    name: name, progressBar: progressBar, showError: showError, csrfHeaders: csrfHeaders, STATUSES: STATUSES };

  // ---- the work list ----
  var list = document.getElementById("work-list");
  if (list) {
    var base = list.dataset.base;
    var loadList = function (box) {
      var kind = box.dataset.list;
      var query = kind === "available" ? "?available=true&size=100" : kind === "mine" ? "?mine=true&size=100" : "?size=100";
      call("GET", base + "/list.json" + query).then(function (answer) {
        box.textContent = "";
        if (answer.status !== 200) { showError(problemText(answer)); return; }
        var items = answer.body.items || [];
        if (!items.length) { box.appendChild(el("p", { className: "muted", text: t("work.list.empty") })); return; }
        items.forEach(function (tr) { box.appendChild(workItem(base, tr)); });
      }, function () { showError(t("work.error.network")); });
    };
    var boxes = list.querySelectorAll(".work-items");
    boxes.forEach(loadList);
    var form = document.getElementById("open-form");
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var body = {
          document: form.document.value,
          targetLanguages: form.languages.value.split(/[\s,;]+/).filter(Boolean)
        };
        if (form.due.value) body.due = form.due.value;
        if (form.note.value.trim()) body.note = form.note.value.trim();
        if (form.assignee.value) body.assignee = form.assignee.value;
        if (form.preTranslate) body.preTranslate = form.preTranslate.checked;
        call("POST", base + "/open.json", body).then(function (answer) {
          if (answer.status !== 201 && answer.status !== 200) { showError(problemText(answer)); return; }
          showError("");
          showDone("open-done", t("work.open.done", (answer.body.items || []).length));
          boxes.forEach(loadList);
        }, function () { showError(t("work.error.network")); });
      });
    }
  }

  function workItem(base, tr) {
    var doc = tr.document || {};
    var item = el("article", { className: "work-item" + (overdue(tr.due) ? " overdue" : ""), "data-translation": tr.id,
      "data-status": tr.status });
    item.appendChild(el("h3", {}, [el("a", { href: base + "/" + tr.id, text: doc.title || tr.id })]));
    var facts = [
      doc.kind ? t("work.kind." + String(doc.kind).toLowerCase()) : null,
      (tr.sourceLanguage || "?") + " → " + tr.targetLanguage,
      t("work.list.words", tr.words == null ? "?" : tr.words),
      t("work.list.segments", tr.segments == null ? "?" : tr.segments),
      t("work.status." + tr.status)
    ].filter(Boolean);
    item.appendChild(el("p", { className: "meta muted", text: facts.join(" · ") }));
    if (tr.due) {
      item.appendChild(el("p", { className: "due" + (overdue(tr.due) ? " late" : ""),
        text: (overdue(tr.due) ? t("work.list.overdue") : t("work.list.due")) + " " + date(tr.due) }));
    }
    if (tr.claim) {
      item.appendChild(el("p", { className: "muted claim", text: t("work.claim.heldBy", name(tr.claim.holder), date(tr.claim.until)) }));
    } else if (tr.assignee) {
      item.appendChild(el("p", { className: "muted", text: t("work.list.assignedTo", name(tr.assignee)) }));
    }
    item.appendChild(progressBar(tr.progress));
    return item;
  }

  // ---- a translation's overview ----
  var overview = document.getElementById("work-overview");
  if (overview) {
    var obase = overview.dataset.base;
    var current = null;
    var act = function (action, body, doneKey) {
      call("POST", obase + "/" + action + ".json", body).then(function (answer) {
        if (answer.status >= 300) {
          var b = answer.body || {};
          if (code(answer) === "translation-claimed" && b.holder) {
            showError(t("work.claim.refused", name(b.holder), date(b.until)));
          } else {
            showError(problemText(answer));
          }
          loadOverview();
          return;
        }
        showError("");
        showDone("work-done", t(doneKey));
        loadOverview();
      }, function () { showError(t("work.error.network")); });
    };
    // Answers can arrive out of order (a slow first load after a quick action): only the latest load is shown.
    var loads = 0;
    var loadOverview = function () {
      var load = ++loads;
      call("GET", obase + "/data.json").then(function (answer) {
        if (load !== loads) return;
        if (answer.status !== 200) { showError(problemText(answer)); return; }
        current = answer.body;
        renderOverview(current);
      }, function () { if (load === loads) showError(t("work.error.network")); });
      call("GET", obase + "/revisions.json").then(function (answer) {
        if (load === loads && answer.status === 200) renderRevisions(obase, answer.body.items || []);
      });
    };
    document.getElementById("t-claim").addEventListener("click", function () { act("claim", undefined, "work.done.claimed"); });
    document.getElementById("t-release").addEventListener("click", function () { act("release", undefined, "work.done.released"); });
    document.getElementById("t-submit").addEventListener("click", function () { act("submit", undefined, "work.done.submitted"); });
    document.getElementById("t-approve").addEventListener("click", function () { act("approve", undefined, "work.done.approved"); });
    document.getElementById("t-reopen").addEventListener("click", function () { act("reopen", undefined, "work.done.reopened"); });
    var assign = document.getElementById("t-assign");
    if (assign) {
      assign.addEventListener("submit", function (event) {
        event.preventDefault();
        act("assign", { assignee: assign.assignee.value || null }, "work.done.assigned");
      });
    }
    loadOverview();
  }

  function renderOverview(tr) {
    var me = data.me;
    var doc = tr.document || {};
    document.getElementById("t-title").textContent = (doc.title || tr.id) + " → " + tr.targetLanguage;
    var status = document.getElementById("t-status");
    status.textContent = t("work.status." + tr.status);
    status.dataset.status = tr.status;
    document.getElementById("t-languages").textContent = (tr.sourceLanguage || "?") + " → " + tr.targetLanguage;
    document.getElementById("t-due").textContent = tr.due ? date(tr.due) + (overdue(tr.due) ? " (" + t("work.list.overdue") + ")" : "") : "—";
    document.getElementById("t-assignee").textContent = tr.assignee ? name(tr.assignee) : "—";
    document.getElementById("t-holder").textContent = tr.claim
      ? t("work.claim.heldBy", name(tr.claim.holder), date(tr.claim.until)) : t("work.claim.none");
    document.getElementById("t-note").textContent = tr.note || "—";
    var progress = document.getElementById("t-progress");
    progress.textContent = "";
    progress.appendChild(progressBar(tr.progress));
    var p = tr.progress || {};
    progress.appendChild(el("span", { className: "muted", text: t("work.progress.summary", p.approved || 0, p.translated || 0, p.total || 0) }));
    var mine = tr.claim && tr.claim.holder && tr.claim.holder.id === me.id;
    var closed = tr.status === "approved" || tr.status === "in_review";
    setHidden("t-claim", !!tr.claim || closed);
    setHidden("t-release", !(tr.claim && (mine || me.coordinator)));
    setHidden("t-submit", !(mine && !closed));
    setHidden("t-approve", !(me.coordinator && tr.status === "in_review"));
    setHidden("t-reopen", !(me.coordinator && tr.status === "approved"));
    setHidden("t-edit", false);
    setHidden("t-review", tr.status !== "in_review");
    var choice = document.getElementById("t-assignee-choice");
    if (choice && tr.assignee) choice.value = tr.assignee.id;
  }

  function setHidden(id, hidden) {
    var node = document.querySelector("#t-actions #" + id);
    if (node) node.hidden = hidden;
  }

  function renderRevisions(obase, revisions) {
    var body = document.querySelector("#t-revisions tbody");
    body.textContent = "";
    revisions.forEach(function (r) {
      body.appendChild(el("tr", { "data-revision": r.number }, [
        el("td", { text: String(r.number) }),
        el("td", { text: date(r.approvedAt) }),
        el("td", { text: name(r.approvedBy) }),
        el("td", { className: "hash", text: (r.sha256 || "").slice(0, 12), title: r.sha256 }),
        el("td", {}, [el("a", { href: obase + "/output?revision=" + encodeURIComponent(r.id), className: "download-revision",
          text: t("work.downloads.revision", r.number) })])
      ]));
    });
    document.getElementById("t-revisions").hidden = !revisions.length;
    document.getElementById("t-no-revisions").hidden = revisions.length > 0;
  }

  // ---- coverage ----
  var coverage = document.getElementById("work-coverage");
  if (coverage) {
    var filters = document.getElementById("coverage-filters");
    var query = function () {
      var params = new URLSearchParams();
      ["kind", "issuer", "language"].forEach(function (k) { if (filters[k].value.trim()) params.set(k, filters[k].value.trim()); });
      return params;
    };
    var loadCoverage = function () {
      var params = query();
      document.getElementById("coverage-csv").href = coverage.dataset.csv + "?" + params;
      call("GET", coverage.dataset.coverage + "?" + params).then(function (answer) {
        if (answer.status !== 200) { showError(problemText(answer)); return; }
        showError("");
        renderCoverage(answer.body);
      }, function () { showError(t("work.error.network")); });
    };
    filters.addEventListener("submit", function (event) { event.preventDefault(); loadCoverage(); });
    var openGaps = document.getElementById("coverage-open");
    if (openGaps) {
      openGaps.addEventListener("submit", function (event) {
        event.preventDefault();
        var byDocument = {};
        document.querySelectorAll("#coverage-matrix input.gap:checked").forEach(function (box) {
          (byDocument[box.dataset.document] = byDocument[box.dataset.document] || []).push(box.dataset.language);
        });
        var ids = Object.keys(byDocument);
        if (!ids.length) { showError(t("work.coverage.nothingSelected")); return; }
        var opened = 0;
        var chain = Promise.resolve();
        ids.forEach(function (id) {
          chain = chain.then(function () {
            var body = { document: id, targetLanguages: byDocument[id] };
            if (openGaps.due.value) body.due = openGaps.due.value;
            return call("POST", coverage.dataset.base + "/open.json", body).then(function (answer) {
              if (answer.status >= 300) throw new Error(problemText(answer));
              opened += (answer.body.items || []).length;
            });
          });
        });
        chain.then(function () {
          showError("");
          showDone("work-done", t("work.open.done", opened));
          loadCoverage();
        }, function (e) { showError(e.message); loadCoverage(); });
      });
    }
    loadCoverage();
  }

  // The matrix (GET /api/coverage): {languages: [..], items: [{id, title, kind, issuer, languages: {tag: {state,
  // translation, status, revision}}}]}.
  function renderCoverage(matrix) {
    var table = document.getElementById("coverage-matrix");
    table.textContent = "";
    var languages = matrix.languages || [];
    var head = el("tr", {}, [el("th", { text: t("work.coverage.document") })]);
    languages.forEach(function (l) { head.appendChild(el("th", { text: l, lang: l })); });
    table.appendChild(el("thead", {}, [head]));
    var body = el("tbody");
    var base = document.getElementById("work-coverage").dataset.base;
    (matrix.items || []).forEach(function (row) {
      var tr = el("tr", { "data-document": row.id }, [el("th", { scope: "row" }, [
        el("span", { text: row.title || row.id }),
        el("span", { className: "muted small", text: " " + [row.kind ? t("work.kind." + row.kind) : null, row.issuer].filter(Boolean).join(" · ") })])]);
      languages.forEach(function (l) {
        var cell = (row.languages || {})[l] || { state: "none" };
        var state = String(cell.state || "none").toLowerCase();
        var label = t("work.coverage.state." + state) + (cell.revision ? " " + cell.revision : "");
        var td = el("td", { className: "cov cov-" + state, "data-language": l, "data-state": state, title: label });
        td.appendChild(cell.translation
          ? el("a", { href: base + "/" + cell.translation, className: "mark", "aria-label": label, text: t("work.coverage.mark." + state) })
          : el("span", { className: "mark", "aria-label": label, text: t("work.coverage.mark." + state) }));
        if (state === "none" && data.me.coordinator) {
          td.appendChild(el("input", { type: "checkbox", className: "gap", "data-document": row.id, "data-language": l,
            "aria-label": t("work.coverage.select", row.title || row.id, l) }));
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
  }
})();
