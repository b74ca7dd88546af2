// The glossary page: a filtered, paged list of terms, adding, editing and deleting them, import with its report,
// export. Reads and writes the page-side JSON of GlossaryPageController (the API's own answers).
(function () {
  "use strict";
  var root = document.getElementById("glossary");
  if (!root) return;
  var base = root.dataset.base;
  var data = JSON.parse(document.getElementById("glossary-data").textContent || "{}");
  var page = 1, pages = 1, SIZE = 50;

  function t(key) {
    var text = (data.text && data.text[key]) || key;
    for (var i = 1; i < arguments.length; i++) text = text.split("{" + (i - 1) + "}").join(String(arguments[i]));
    return text;
  }

  function headers(json) {
    var h = { Accept: "application/json, application/problem+json" };
    var token = document.querySelector("meta[name=_csrf]"), name = document.querySelector("meta[name=_csrf_header]");
    if (token && name) h[name.content] = token.content;
    if (json) h["Content-Type"] = "application/json";
    return h;
  }

  function call(method, url, body) {
    var init = { method: method, credentials: "same-origin", headers: headers(body !== undefined && !(body instanceof FormData)) };
    if (body !== undefined) init.body = body instanceof FormData ? body : JSON.stringify(body);
    return fetch(url, init).then(function (r) {
      return r.text().then(function (text) {
        var parsed = null;
        try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
        return { status: r.status, body: parsed };
      });
    });
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

  function problem(answer) {
    var b = answer.body || {};
    return b.detail || b.title || t("glossary.js.error", answer.status);
  }

  function showError(message) {
    var box = document.getElementById("gl-error");
    box.textContent = message || "";
    box.hidden = !message;
  }

  function done(message) {
    var box = document.getElementById("gl-done");
    box.textContent = message || "";
    box.hidden = !message;
  }

  function filter() {
    var params = new URLSearchParams();
    ["source", "target", "q"].forEach(function (k) {
      var v = document.getElementById("gl-f-" + k).value.trim();
      if (v) params.set(k, v);
    });
    return params;
  }

  function load(target) {
    var params = filter();
    params.set("page", target);
    params.set("size", SIZE);
    ["tbx", "csv"].forEach(function (format) {
      var p = filter();
      p.delete("q");
      p.set("format", format);
      document.getElementById("gl-export-" + format).href = base + "/export?" + p;
    });
    return call("GET", base + "/terms.json?" + params).then(function (answer) {
      if (answer.status !== 200) { showError(problem(answer)); return; }
      showError("");
      page = answer.body.page;
      pages = Math.max(1, answer.body.pages);
      var body = document.querySelector("#gl-terms tbody");
      body.textContent = "";
      answer.body.items.forEach(function (term) { body.appendChild(row(term)); });
      if (!answer.body.items.length) body.appendChild(el("tr", {}, [el("td", { colspan: "7", className: "muted", text: t("glossary.js.none") })]));
      document.getElementById("gl-count").textContent = t("glossary.js.total", answer.body.total);
      document.getElementById("gl-page").textContent = t("glossary.js.page", page, pages);
      document.getElementById("gl-prev").disabled = page <= 1;
      document.getElementById("gl-next").disabled = page >= pages;
    }, function () { showError(t("glossary.js.error", 0)); });
  }

  function row(term) {
    var edit = el("button", { type: "button", className: "link gl-edit", text: t("glossary.js.edit") });
    var del = el("button", { type: "button", className: "link gl-delete", text: t("glossary.js.delete") });
    edit.addEventListener("click", function () { fill(term); });
    del.addEventListener("click", function () {
      if (!window.confirm(t("glossary.js.confirmDelete", term.sourceTerm))) return;
      call("DELETE", base + "/terms/" + term.id + ".json").then(function (answer) {
        if (answer.status !== 204) { showError(problem(answer)); return; }
        done(t("glossary.js.deleted", term.sourceTerm));
        load(page);
      });
    });
    return el("tr", { "data-term": term.id }, [
      el("td", { text: term.sourceLanguage + " → " + term.targetLanguage }),
      el("td", { className: "gl-source-term", lang: term.sourceLanguage, text: term.sourceTerm }),
      el("td", { className: "gl-target-term", lang: term.targetLanguage, text: term.targetTerm }),
      el("td", { text: term.partOfSpeech || "" }),
      el("td", { text: term.note || "" }),
      el("td", { className: "gl-forbidden", lang: term.targetLanguage, text: (term.forbidden || []).join(", ") }),
      el("td", {}, [edit, " ", del])]);
  }

  var FIELDS = { sourceLanguage: "gl-source", targetLanguage: "gl-target", sourceTerm: "gl-source-term",
    targetTerm: "gl-target-term", partOfSpeech: "gl-pos", note: "gl-note" };

  function fill(term) {
    document.getElementById("gl-id").value = term ? term.id : "";
    Object.keys(FIELDS).forEach(function (k) { document.getElementById(FIELDS[k]).value = term ? term[k] || "" : ""; });
    document.getElementById("gl-forbidden").value = term ? (term.forbidden || []).join("\n") : "";
    if (term) document.getElementById("gl-source-term").focus();
  }

  document.getElementById("gl-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var id = document.getElementById("gl-id").value;
    var body = {};
    Object.keys(FIELDS).forEach(function (k) { body[k] = document.getElementById(FIELDS[k]).value; });
    body.forbidden = document.getElementById("gl-forbidden").value.split("\n")
      .map(function (s) { return s.trim(); }).filter(function (s) { return s; });
    var request = id ? call("PATCH", base + "/terms/" + id + ".json", body) : call("POST", base + "/terms.json", body);
    request.then(function (answer) {
      if (answer.status !== 200 && answer.status !== 201) { showError(problem(answer)); return; }
      showError("");
      done(t("glossary.js.saved", answer.body.sourceTerm));
      fill(null);
      load(page);
    }, function () { showError(t("glossary.js.error", 0)); });
  });
  document.getElementById("gl-cancel").addEventListener("click", function () { fill(null); });

  document.getElementById("gl-import").addEventListener("submit", function (event) {
    event.preventDefault();
    var form = new FormData(event.target);
    ["sourceLanguage", "targetLanguage"].forEach(function (k) { if (!String(form.get(k) || "").trim()) form.delete(k); });
    call("POST", base + "/import.json", form).then(function (answer) {
      var box = document.getElementById("gl-report");
      if (answer.status !== 200) { box.hidden = true; showError(problem(answer)); return; }
      showError("");
      var r = answer.body;
      document.getElementById("gl-report-summary").textContent = t("glossary.js.reportSummary", r.added, r.updated, r.skipped);
      var tbody = document.querySelector("#gl-report-table tbody");
      tbody.textContent = "";
      r.lines.forEach(function (line) {
        tbody.appendChild(el("tr", { className: "outcome-" + line.outcome }, [
          el("td", { text: line.at }), el("td", { text: line.sourceTerm || "" }), el("td", { text: line.targetTerm || "" }),
          el("td", { text: t("glossary.js." + line.outcome) }), el("td", { text: line.reason || "" })]));
      });
      box.hidden = false;
      load(1);
    }, function () { showError(t("glossary.js.error", 0)); });
  });

  document.getElementById("gl-filter").addEventListener("submit", function (event) { event.preventDefault(); load(1); });
  document.getElementById("gl-prev").addEventListener("click", function () { load(page - 1); });
  document.getElementById("gl-next").addEventListener("click", function () { load(page + 1); });
  load(1);
})();
