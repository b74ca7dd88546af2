// Glossary terms in the segment editor: each source's terms are marked, with their approved translation (and the
// variants not to use) as the mark's title. Watches the editor's rows, so it needs nothing from editor.js.
(function () {
  "use strict";
  var rowsBox = document.getElementById("ed-rows");
  var editor = document.getElementById("editor");
  if (!rowsBox || !editor || !window.VersoWork) return;
  var W = window.VersoWork;
  var url = editor.dataset.glossary;
  var timer = null;

  function textNodes(box) {
    var nodes = [];
    (function walk(n) {
      n.childNodes.forEach(function (c) {
        if (c.nodeType === 3) nodes.push(c);
        else if (c.nodeType === 1 && !c.classList.contains("code")) walk(c);
      });
    })(box);
    return nodes;
  }

  function mark(box, found) {
    var nodes = textNodes(box), at = 0, spans = [];
    nodes.forEach(function (n) { spans.push({ node: n, start: at, end: at + n.nodeValue.length }); at += n.nodeValue.length; });
    // from the last occurrence back, so that splitting a node never moves an occurrence still to mark
    found.slice().reverse().forEach(function (f) {
      var title = f.terms.map(function (term) {
        var line = W.t("editor.glossary.approved", term.targetTerm) + (term.partOfSpeech ? " (" + term.partOfSpeech + ")" : "");
        if (term.forbidden && term.forbidden.length) line += "; " + W.t("editor.glossary.forbidden", term.forbidden.join(", "));
        if (term.note) line += " — " + term.note;
        return line;
      }).join("\n");
      spans.slice().reverse().forEach(function (s) {
        var from = Math.max(f.start, s.start), to = Math.min(f.end, s.end);
        if (from >= to) return;
        var node = s.node;
        var tail = node.splitText(to - s.start);
        var middle = node.splitText(from - s.start);
        var m = document.createElement("mark");
        m.className = "term";
        m.title = title;
        m.dataset.target = f.terms.map(function (term) { return term.targetTerm; }).join(" / ");
        middle.parentNode.insertBefore(m, middle);
        m.appendChild(middle);
        s.node = node;
        s.end = from;
        void tail;
      });
    });
  }

  function scan() {
    var boxes = Array.prototype.filter.call(rowsBox.querySelectorAll(".seg-src"), function (b) { return !b.dataset.terms; });
    if (!boxes.length) return;
    var target = rowsBox.querySelector(".seg-tgt");
    var pair = { sourceLanguage: boxes[0].getAttribute("lang"), targetLanguage: target && target.getAttribute("lang") };
    if (!pair.sourceLanguage || !pair.targetLanguage) return;
    boxes.forEach(function (b) { b.dataset.terms = "asked"; });
    var texts = boxes.map(function (b) { return textNodes(b).map(function (n) { return n.nodeValue; }).join(""); });
    W.call("POST", url, { sourceLanguage: pair.sourceLanguage, targetLanguage: pair.targetLanguage, texts: texts })
      .then(function (answer) {
        if (answer.status !== 200) return;
        answer.body.items.forEach(function (found, i) {
          if (found.length && boxes[i].isConnected) mark(boxes[i], found);
          boxes[i].dataset.terms = "done";
        });
      }, function () {});
  }

  new MutationObserver(function () {
    clearTimeout(timer);
    timer = setTimeout(scan, 150);
  }).observe(rowsBox, { childList: true });
})();
