// The segment editor's memory panel: the best matches of the current segment from the translation memory, with the
// percentage, the difference between the match's source and the current source, and where the match came from.
// Ctrl+Shift+1…3 puts match N into the target (a draft). Follows editor.js's "verso:segment" events.
(function () {
  "use strict";
  var root = document.getElementById("editor");
  var panel = document.getElementById("tm-panel");
  if (!root || !panel || !window.VersoWork) return;
  var W = window.VersoWork, t = W.t, el = W.el, call = W.call;
  var base = root.dataset.base;
  var list = panel.querySelector(".tm-list");
  var matches = [], asked = 0, timer = null;

  function words(markup) {
    var doc = new DOMParser().parseFromString("<r>" + (markup || "") + "</r>", "application/xml");
    var text = doc.getElementsByTagName("parsererror").length ? markup : doc.documentElement.textContent;
    return (text || "").split(/\s+/).filter(Boolean);
  }

  function norm(word) {
    return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  }

  // The match's source, word by word, its words missing from the current source marked (a longest common subsequence).
  function diff(matchSource, currentSource) {
    var a = words(matchSource), b = words(currentSource);
    var n = a.length, m = b.length, i, j;
    var table = [];
    for (i = 0; i <= n; i++) { table.push(new Array(m + 1).fill(0)); }
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        table[i][j] = norm(a[i]) === norm(b[j]) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
      }
    }
    var out = el("div", { className: "tm-src" });
    i = 0; j = 0;
    while (i < n) {
      if (j < m && norm(a[i]) === norm(b[j])) {
        out.appendChild(document.createTextNode(a[i] + " ")); i++; j++;
      } else if (j < m && table[i][j + 1] >= table[i + 1][j]) {
        out.appendChild(el("ins", { className: "tm-missing", text: b[j] + " " })); j++;
      } else {
        out.appendChild(el("mark", { className: "tm-differs", text: a[i] + " " })); i++;
      }
    }
    while (j < m) { out.appendChild(el("ins", { className: "tm-missing", text: b[j] + " " })); j++; }
    return out;
  }

  function show(segment, found) {
    matches = found;
    list.textContent = "";
    if (!found.length) {
      list.appendChild(el("li", { className: "muted", text: t("editor.tm.none") }));
      return;
    }
    found.forEach(function (m, k) {
      var marks = [];
      if (m.kind === "in_context") marks.push(t("editor.tm.inContext"));
      if (m.numbersDiffer) marks.push(t("editor.tm.numbers"));
      if (m.codesDiffer) marks.push(t("editor.tm.codes"));
      var who = [t(m.origin === "approved" ? "editor.tm.approved" : "editor.tm.imported"), m.translator, m.note,
        m.date ? m.date.substring(0, 10) : null].filter(Boolean).join(" · ");
      var insert = el("button", { type: "button", className: "link tm-insert", text: t("editor.tm.insert", k + 1) });
      insert.addEventListener("click", function () { use(k); });
      list.appendChild(el("li", { className: "tm-match", "data-score": String(m.score) }, [
        el("div", { className: "tm-head" }, [
          el("span", { className: "tm-score s" + Math.min(100, m.score), text: m.score + " %" }),
          el("span", { className: "tm-marks", text: marks.join(" · ") }), insert]),
        diff(m.source, segment.source),
        el("div", { className: "tm-tgt", text: words(m.target).join(" ") }),
        el("div", { className: "tm-who muted", text: who })]));
    });
  }

  function use(k) {
    var m = matches[k];
    if (!m || !window.VersoEditor) return;
    // a match whose codes differ goes in as its text: the translator places the current segment's codes
    window.VersoEditor.insert(m.codesDiffer ? escapeXml(words(m.target).join(" ")) : m.target);
  }

  function escapeXml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function ask(segment) {
    var mine = ++asked;
    var params = new URLSearchParams({ source: segment.source });
    if (segment.previous) params.set("previous", segment.previous);
    if (segment.next) params.set("next", segment.next);
    call("GET", base + "/matches.json?" + params).then(function (answer) {
      if (mine !== asked) return; // the translator moved on
      show(segment, answer.status === 200 && Array.isArray(answer.body) ? answer.body : []);
    }, function () {});
  }

  document.addEventListener("verso:segment", function (event) {
    var segment = event.detail;
    if (!segment) return;
    clearTimeout(timer);
    timer = setTimeout(function () { ask(segment); }, 150);
  });

  // Ctrl+Shift+1…3: before editor.js's own Ctrl/Alt+digit (inline codes) sees the key
  document.addEventListener("keydown", function (event) {
    var digit = /^Digit([1-3])$/.exec(event.code || "");
    if (digit && event.ctrlKey && event.shiftKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      use(Number(digit[1]) - 1);
    }
  }, true);
})();
