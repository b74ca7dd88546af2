// The segment editor: source and target side by side, a page of segments at a time, inline codes as chips that
// typing cannot change, keyboard first, autosave with a retry queue, optimistic versions with a conflict view, and a
// review mode (approve / reject with a comment). Reads and writes the page-side JSON of TranslationsPageJson.
(function () {
  "use strict";
  var root = document.getElementById("editor");
  if (!root || !window.VersoWork) return;
  var W = window.VersoWork, t = W.t, el = W.el, call = W.call;
  var base = root.dataset.base;
  var review = root.dataset.mode === "review";
  var me = W.data.me;
  var PAGE_SIZE = 50, SAVE_DELAY = 800, RETRY_EVERY = 4000;
  var OPEN = { "new": true, draft: true, rejected: true, source_changed: true };
  var STORE = "verso-editor-queue-" + root.dataset.translation;

  var translation = null, page = 1, pages = 1, total = 0, rows = [], current = -1;
  var rowsBox = document.getElementById("ed-rows");
  var saving = document.getElementById("ed-saving");
  var queue = loadQueue(); // segment id -> {target, status, version}, the saves the server has not taken yet
  var inflight = 0, retryTimer = null, progressTimer = null;

  // ---------- inline markup <-> chips ----------
  function chip(kind, id, number) {
    var label = kind === "g-open" || kind === "bx" ? "⟨" + number : kind === "g-close" || kind === "ex" ? number + "⟩" : "⟨" + number + "/⟩";
    var node = el("span", { className: "code", contenteditable: "false", "data-kind": kind, "data-code": id,
      title: t("editor.code." + kind, number), text: label });
    return node;
  }

  function parse(markup) {
    var doc = new DOMParser().parseFromString("<r>" + (markup || "") + "</r>", "application/xml");
    return doc.getElementsByTagName("parsererror").length ? null : doc.documentElement;
  }

  // The codes of a source, in order: [{id, kind: g|x|bx|ex}], numbered 1.. by position.
  function codesOf(markup) {
    var list = [];
    var node = parse(markup);
    if (!node) return list;
    (function walk(n) {
      n.childNodes.forEach(function (c) {
        if (c.nodeType !== 1) return;
        list.push({ id: c.getAttribute("id"), kind: c.nodeName });
        if (c.nodeName === "g") walk(c);
      });
    })(node);
    return list;
  }

  function render(markup, box, codes) {
    box.textContent = "";
    var node = parse(markup);
    if (!node) { box.textContent = markup || ""; return; }
    var number = function (id) {
      for (var i = 0; i < codes.length; i++) if (codes[i].id === id) return i + 1;
      return id;
    };
    (function walk(n, out) {
      n.childNodes.forEach(function (c) {
        if (c.nodeType === 3) out.appendChild(document.createTextNode(c.nodeValue));
        else if (c.nodeType === 1) {
          var id = c.getAttribute("id");
          if (c.nodeName === "g") {
            out.appendChild(chip("g-open", id, number(id)));
            walk(c, out);
            out.appendChild(chip("g-close", id, number(id)));
          } else {
            out.appendChild(chip(c.nodeName, id, number(id)));
          }
        }
      });
    })(node, box);
  }

  function escapeXml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // The target's markup, or null when its paired codes are out of order (then nothing is saved).
  function serialize(box) {
    var out = "", stack = [], ok = true;
    (function walk(n) {
      n.childNodes.forEach(function (c) {
        if (c.nodeType === 3) out += escapeXml(c.nodeValue.replace(/\u00a0/g, " ").replace(/\u200b/g, ""));
        else if (c.nodeType === 1 && c.classList.contains("code")) {
          var kind = c.dataset.kind, id = c.dataset.code;
          if (kind === "g-open") { stack.push(id); out += '<g id="' + id + '">'; }
          else if (kind === "g-close") { if (stack.pop() !== id) ok = false; out += "</g>"; }
          else out += "<" + kind + ' id="' + id + '"/>';
        } else if (c.nodeType === 1 && c.nodeName !== "BR") walk(c);
      });
    })(box);
    return ok && stack.length === 0 ? out : null;
  }

  // A caret cannot stand after an uneditable chip that ends the line: an invisible text node gives it a place.
  function caretRoom(box) {
    if (box.lastChild && box.lastChild.nodeType !== 3) box.appendChild(document.createTextNode("\u200b"));
  }

  // ---------- loading ----------
  function load(targetPage, then) {
    var params = new URLSearchParams({ page: targetPage, size: PAGE_SIZE });
    var status = document.getElementById("ed-status").value;
    var q = document.getElementById("ed-q").value.trim();
    if (status) params.set("status", status);
    if (q) params.set("q", q);
    return call("GET", base + "/segments.json?" + params).then(function (answer) {
      if (answer.status !== 200) { W.showError(W.problemText(answer)); return; }
      page = answer.body.page || targetPage;
      pages = Math.max(1, answer.body.pages || 1);
      total = answer.body.total || 0;
      renderRows(answer.body.items || []);
      if (then) then();
    }, function () { W.showError(t("work.error.network")); });
  }

  function loadTranslation() {
    return call("GET", base + "/data.json").then(function (answer) {
      if (answer.status !== 200) { W.showError(W.problemText(answer)); return; }
      translation = answer.body;
      var doc = translation.document || {};
      document.getElementById("ed-title").textContent =
        (review ? t("editor.reviewTitle") : t("editor.title")) + ": " + (doc.title || "") + " → " + translation.targetLanguage;
      var bar = document.getElementById("ed-progress");
      bar.replaceWith(Object.assign(W.progressBar(translation.progress), { id: "ed-progress" }));
      var p = translation.progress || {};
      document.getElementById("ed-counts").textContent = t("work.progress.summary", p.approved || 0, p.translated || 0, p.total || 0);
    });
  }

  function editable() {
    if (review || !translation) return false;
    return !!(translation.claim && translation.claim.holder && translation.claim.holder.id === me.id)
      && translation.status !== "approved";
  }

  function renderRows(items) {
    rowsBox.textContent = "";
    rows = [];
    current = -1;
    var lastFile = null;
    items.forEach(function (seg) {
      if (seg.file !== lastFile) {
        rowsBox.appendChild(el("h2", { className: "file-head", text: seg.fileName || seg.file }));
        lastFile = seg.file;
      }
      var row = makeRow(seg);
      rows.push(row);
      rowsBox.appendChild(row.node);
    });
    if (!items.length) rowsBox.appendChild(el("p", { className: "muted", id: "ed-empty", text: t("editor.empty") }));
    if (!editable() && !review) {
      rowsBox.insertBefore(el("p", { className: "alert", id: "ed-readonly", text: t("editor.readOnly") }), rowsBox.firstChild);
    }
    document.getElementById("ed-page").textContent = t("editor.page", page, pages, total);
    document.getElementById("ed-prev").disabled = page <= 1;
    document.getElementById("ed-next").disabled = page >= pages;
  }

  function makeRow(seg) {
    var codes = codesOf(seg.source);
    var source = el("div", { className: "seg-src", lang: translation ? translation.sourceLanguage : null });
    render(seg.source, source, codes);
    var target = el("div", { className: "seg-tgt", lang: translation ? translation.targetLanguage : null, role: "textbox",
      "aria-label": t("editor.targetOf", seg.index + 1), spellcheck: "true" });
    var queued = queue[seg.id];
    render(queued ? queued.target : seg.target || "", target, codes);
    var statusChip = el("span", { className: "chip status" });
    var historyButton = el("button", { type: "button", className: "link seg-history", text: t("editor.history") });
    var memoryChip = el("span", { className: "chip from-memory", text: t("editor.fromMemory"), title: t("editor.fromMemory.title") });
    var head = el("div", { className: "seg-head" }, [
      el("span", { className: "seg-no", text: "#" + (seg.index + 1) }), statusChip, memoryChip, historyButton]);
    var extra = el("div", { className: "seg-extra" });
    var node = el("div", { className: "seg", role: "listitem", "data-segment": seg.id }, [
      head, el("div", { className: "seg-body" }, [source, target]), extra]);
    var row = { seg: seg, codes: codes, node: node, src: source, tgt: target, chip: statusChip, memory: memoryChip, extra: extra,
      dirty: !!queued, timer: null, busy: false, again: null };
    setStatus(row, seg.status);
    showComment(row);
    showSourceDiff(row);
    // under review only the segments the reviewer sent back can change
    row.editable = editable() && (translation.status !== "in_review" || seg.status === "rejected" || seg.status === "draft" ||
      seg.status === "source_changed");
    showIssues(row);
    if (row.editable) {
      caretRoom(target);
      target.setAttribute("contenteditable", "true");
      target.addEventListener("input", function () { changed(row); });
      target.addEventListener("paste", function (event) {
        event.preventDefault();
        var text = (event.clipboardData || window.clipboardData).getData("text/plain").replace(/[\r\n]+/g, " ");
        document.execCommand("insertText", false, text);
      });
      target.addEventListener("drop", function (event) { event.preventDefault(); });
    } else {
      target.setAttribute("tabindex", "0");
      target.setAttribute("aria-readonly", "true");
    }
    target.addEventListener("focus", function () { select(rows.indexOf(row), false); });
    historyButton.addEventListener("click", function () { toggleHistory(row); });
    if (review) addReview(row);
    return row;
  }

  // The source changed since the segment was translated: the words removed and added, until it is confirmed.
  function showSourceDiff(row) {
    var old = row.extra.querySelector(".seg-diff");
    if (old) old.remove();
    var pieces = row.seg.sourceDiff;
    if (!pieces || !pieces.length) return;
    var box = el("p", { className: "seg-diff" }, [el("span", { className: "muted", text: t("editor.sourceDiff") + " " })]);
    pieces.forEach(function (p) {
      var tag = p.op === "insert" ? "ins" : p.op === "delete" ? "del" : "span";
      box.appendChild(el(tag, { className: "diff-" + p.op, text: p.text,
        title: p.op === "equal" ? null : t("editor.sourceDiff." + p.op) }));
    });
    row.extra.insertBefore(box, row.extra.firstChild);
  }

  function setStatus(row, status) {
    row.seg.status = status;
    row.node.dataset.status = status;
    row.chip.className = "chip status s-" + status;
    row.chip.textContent = t("editor.status." + status);
    // filled in from the memory when the translation was opened, until someone saves it
    row.memory.hidden = !row.seg.fromMemory;
  }

  function showComment(row) {
    var old = row.extra.querySelector(".seg-comment");
    if (old) old.remove();
    if (row.seg.comment && (row.seg.status === "rejected" || review)) {
      row.extra.insertBefore(el("p", { className: "seg-comment", text: t("editor.reviewerSaid", row.seg.comment) }), row.extra.firstChild);
    }
  }

  // the quality checks' issues under the segment (quality.js)
  function showIssues(row) {
    if (window.VersoQuality) window.VersoQuality.show(row, { base: base, canAccept: function (r) { return !!r.editable; } });
  }

  // ---------- moving ----------
  function select(i, focus) {
    if (i < 0 || i >= rows.length) return;
    if (current >= 0 && rows[current]) rows[current].node.classList.remove("current");
    current = i;
    var row = rows[i];
    row.node.classList.add("current");
    // other panels (the memory's matches) follow the current segment
    document.dispatchEvent(new CustomEvent("verso:segment", { detail: context(i) }));
    if (focus) {
      row.tgt.focus();
      caretToEnd(row.tgt);
      row.node.scrollIntoView({ block: "nearest" });
    }
  }

  function caretToEnd(box) {
    var range = document.createRange();
    range.selectNodeContents(box);
    range.collapse(false);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function move(delta) {
    var next = current + delta;
    if (next >= 0 && next < rows.length) { select(next, true); return; }
    if (delta > 0 && page < pages) { flushAll(); load(page + 1, function () { select(0, true); }); }
    if (delta < 0 && page > 1) { flushAll(); load(page - 1, function () { select(rows.length - 1, true); }); }
  }

  function nextOpen(from) {
    for (var i = from; i < rows.length; i++) {
      if (OPEN[rows[i].seg.status] && !rows[i].confirming) { select(i, true); return; }
    }
    if (page < pages) {
      load(page + 1, function () { nextOpen(0); });
    } else if (rows.length) {
      select(Math.min(from, rows.length - 1), true);
      announce(t("editor.allDone"));
    }
  }

  // ---------- saving ----------
  function changed(row) {
    row.dirty = true;
    clearTimeout(row.timer);
    row.timer = setTimeout(function () { save(row, "draft"); }, SAVE_DELAY);
    showState();
  }

  function flushAll() {
    rows.forEach(function (row) {
      if (row.dirty && row.timer) { clearTimeout(row.timer); row.timer = null; save(row, "draft"); }
    });
  }

  function save(row, status) {
    clearTimeout(row.timer);
    row.timer = null;
    if (row.busy) { row.again = status === "translated" || row.again === "translated" ? "translated" : status; return; }
    var target = serialize(row.tgt);
    if (target === null) { rowError(row, t("editor.codesOutOfOrder")); return; }
    rowError(row, "");
    row.busy = true;
    row.dirty = false;
    inflight++;
    showState();
    var body = { target: target, status: status, version: row.seg.version };
    call("PUT", base + "/segments/" + row.seg.id + ".json", body).then(function (answer) {
      finished(row);
      if (answer.status === 200) {
        delete queue[row.seg.id];
        storeQueue();
        row.seg.version = answer.body.version;
        row.seg.target = answer.body.target;
        row.seg.comment = answer.body.comment;
        row.seg.issues = answer.body.issues;
        row.seg.sourceDiff = answer.body.sourceDiff;
        row.seg.fromMemory = answer.body.fromMemory;
        showSourceDiff(row);
        setStatus(row, answer.body.status);
        showIssues(row);
        row.confirming = false;
        hideConflictIfResolved(row);
        refreshProgressSoon();
      } else if (answer.status === 409 && W.code(answer) === "stale-segment") {
        delete queue[row.seg.id];
        storeQueue();
        row.confirming = false;
        row.again = null;
        conflict(row, answer.body, status);
      } else if (answer.status >= 500 || answer.status === 0) {
        enqueue(row, body);
      } else {
        row.confirming = false;
        row.again = null;
        delete queue[row.seg.id];
        storeQueue();
        rowError(row, W.problemText(answer));
      }
      showState();
      if (row.again) { var again = row.again; row.again = null; save(row, again); }
    }, function () {
      finished(row);
      enqueue(row, body);
      showState();
    });
  }

  function finished(row) {
    row.busy = false;
    inflight--;
  }

  function enqueue(row, body) {
    if (row.again) { body.status = row.again === "translated" ? "translated" : body.status; row.again = null; }
    body.target = serialize(row.tgt) || body.target;
    queue[row.seg.id] = body;
    storeQueue();
    if (!retryTimer) retryTimer = setInterval(retry, RETRY_EVERY);
  }

  function retry() {
    var ids = Object.keys(queue);
    if (!ids.length) { clearInterval(retryTimer); retryTimer = null; return; }
    ids.forEach(function (id) {
      var row = rows.filter(function (r) { return r.seg.id === id; })[0];
      if (row) {
        if (!row.busy) save(row, queue[id].status);
        return;
      }
      var body = queue[id];
      call("PUT", base + "/segments/" + id + ".json", body).then(function (answer) {
        if (answer.status < 500) { delete queue[id]; storeQueue(); showState(); }
        if (answer.status >= 300 && answer.status < 500) W.showError(t("editor.queuedRefused", W.problemText(answer)));
      }, function () {});
    });
  }

  function loadQueue() {
    try { return JSON.parse(localStorage.getItem(STORE) || "{}") || {}; } catch (e) { return {}; }
  }

  function storeQueue() {
    try {
      if (Object.keys(queue).length) localStorage.setItem(STORE, JSON.stringify(queue));
      else localStorage.removeItem(STORE);
    } catch (e) { /* private mode: the queue lives in this tab only */ }
  }

  // Unsaved edits survive closing the tab: they join the queue, which the next opening sends.
  window.addEventListener("pagehide", function () {
    rows.forEach(function (row) {
      if (row.dirty || row.busy) {
        var target = serialize(row.tgt);
        if (target !== null) queue[row.seg.id] = { target: target, status: "draft", version: row.seg.version };
      }
    });
    storeQueue();
  });

  function showState() {
    var waiting = Object.keys(queue).length;
    var pending = rows.some(function (r) { return r.dirty || r.busy; });
    saving.classList.toggle("offline", waiting > 0);
    saving.textContent = waiting > 0 ? t("editor.offline", waiting) : pending || inflight > 0 ? t("editor.saving") : t("editor.saved");
    saving.dataset.waiting = waiting;
  }

  function refreshProgressSoon() {
    clearTimeout(progressTimer);
    progressTimer = setTimeout(loadTranslation, 700);
  }

  function rowError(row, message) {
    var old = row.extra.querySelector(".seg-error");
    if (old) old.remove();
    if (message) row.extra.appendChild(el("p", { className: "alert-inline error seg-error", role: "alert", text: message }));
  }

  function announce(message) {
    saving.textContent = message;
  }

  // ---------- conflicts ----------
  function conflict(row, problem, status) {
    var old = row.extra.querySelector(".conflict");
    if (old) old.remove();
    var yours = (problem.yours && problem.yours.target) || serialize(row.tgt) || "";
    var cur = problem.current || {};
    var yoursBox = el("div", { className: "seg-text conflict-yours", lang: translation.targetLanguage });
    var currentBox = el("div", { className: "seg-text conflict-current", lang: translation.targetLanguage });
    render(yours, yoursBox, row.codes);
    render(cur.target || "", currentBox, row.codes);
    var keepMine = el("button", { type: "button", className: "keep-mine", text: t("editor.conflict.keepMine") });
    var keepTheirs = el("button", { type: "button", className: "keep-theirs", text: t("editor.conflict.keepTheirs") });
    var merge = el("button", { type: "button", className: "merge", text: t("editor.conflict.merge") });
    var panel = el("div", { className: "conflict", role: "alert" }, [
      el("p", { text: t("editor.conflict.title", W.name(cur.by), W.date(cur.at)) }),
      el("div", { className: "conflict-cols" }, [
        el("div", {}, [el("h3", { text: t("editor.conflict.yours") }), yoursBox]),
        el("div", {}, [el("h3", { text: t("editor.conflict.current", W.name(cur.by), W.date(cur.at)) }), currentBox])]),
      el("div", { className: "actions" }, [keepMine, keepTheirs, merge])]);
    row.extra.appendChild(panel);
    row.node.classList.add("in-conflict");
    row.seg.version = cur.version;
    keepMine.addEventListener("click", function () {
      render(yours, row.tgt, row.codes);
      panel.remove();
      row.node.classList.remove("in-conflict");
      save(row, status);
    });
    keepTheirs.addEventListener("click", function () {
      render(cur.target || "", row.tgt, row.codes);
      row.seg.target = cur.target;
      if (cur.status) setStatus(row, cur.status);
      panel.remove();
      row.node.classList.remove("in-conflict");
      row.dirty = false;
      showState();
    });
    merge.addEventListener("click", function () {
      // both texts stay in view; the editor keeps yours, now based on the current version, for you to edit
      render(yours, row.tgt, row.codes);
      panel.classList.add("merging");
      merge.disabled = true;
      select(rows.indexOf(row), true);
    });
  }

  function hideConflictIfResolved(row) {
    var panel = row.extra.querySelector(".conflict");
    if (panel) panel.remove();
    row.node.classList.remove("in-conflict");
  }

  // ---------- history ----------
  function toggleHistory(row) {
    var old = row.extra.querySelector(".history");
    if (old) { old.remove(); return; }
    call("GET", base + "/segments/" + row.seg.id + "/history.json").then(function (answer) {
      if (answer.status !== 200) { rowError(row, W.problemText(answer)); return; }
      var list = el("ol", { className: "history" });
      (answer.body.items || []).forEach(function (h) {
        var text = el("span", { className: "seg-text", lang: translation.targetLanguage });
        render(h.target || "", text, row.codes);
        list.appendChild(el("li", {}, [
          el("span", { className: "muted", text: W.date(h.at) + " · " + W.name(h.by) + " · " + t("editor.status." + h.status) +
            (h.fromMemory ? " · " + t("editor.fromMemory") : "") + " " }),
          text,
          h.comment ? el("span", { className: "seg-comment", text: " — " + h.comment }) : null]));
      });
      if (!list.children.length) list.appendChild(el("li", { className: "muted", text: t("editor.noHistory") }));
      row.extra.appendChild(list);
    }, function () { rowError(row, t("work.error.network")); });
  }

  // ---------- review ----------
  function addReview(row) {
    var comment = el("input", { type: "text", className: "review-comment", "aria-label": t("editor.review.comment"),
      placeholder: t("editor.review.comment") });
    var approve = el("button", { type: "button", className: "review-approve", text: t("editor.review.approve") });
    var reject = el("button", { type: "button", className: "review-reject", text: t("editor.review.reject") });
    row.extra.appendChild(el("div", { className: "review actions" }, [comment, approve, reject]));
    approve.addEventListener("click", function () { decide(row, "approve", comment.value); });
    reject.addEventListener("click", function () {
      if (!comment.value.trim()) { rowError(row, t("editor.review.commentNeeded")); comment.focus(); return; }
      decide(row, "reject", comment.value);
    });
    row.reviewComment = comment;
  }

  function decide(row, decision, comment, then) {
    call("POST", base + "/segments/" + row.seg.id + "/review.json", { decision: decision, comment: comment || null })
      .then(function (answer) {
        if (answer.status !== 200) { rowError(row, W.problemText(answer)); return; }
        rowError(row, "");
        row.seg.comment = answer.body.comment;
        row.seg.issues = answer.body.issues;
        row.seg.sourceDiff = answer.body.sourceDiff;
        row.seg.fromMemory = answer.body.fromMemory;
        showSourceDiff(row);
        setStatus(row, answer.body.status);
        showIssues(row);
        refreshProgressSoon();
        if (then) then();
      }, function () { rowError(row, t("work.error.network")); });
  }

  // ---------- keyboard ----------
  function insertCode(row, n) {
    var code = row.codes[n - 1];
    if (!code) return;
    // a code is used once: inserting it again moves it
    row.tgt.querySelectorAll(".code[data-code='" + CSS.escape(code.id) + "']").forEach(function (c) { c.remove(); });
    var sel = window.getSelection();
    var range = sel.rangeCount && row.tgt.contains(sel.getRangeAt(0).commonAncestorContainer) ? sel.getRangeAt(0) : null;
    if (!range) { caretToEnd(row.tgt); range = sel.getRangeAt(0); }
    if (code.kind === "g") {
      var inner = range.extractContents();
      var open = chip("g-open", code.id, n), close = chip("g-close", code.id, n);
      var frag = document.createDocumentFragment();
      frag.appendChild(open);
      frag.appendChild(inner);
      frag.appendChild(close);
      range.insertNode(frag);
      range.setStartBefore(close);
      range.collapse(true);
    } else {
      var c = chip(code.kind, code.id, n);
      range.insertNode(c);
      range.setStartAfter(c);
      range.collapse(true);
    }
    caretRoom(row.tgt);
    sel.removeAllRanges();
    sel.addRange(range);
    changed(row);
  }

  document.addEventListener("keydown", function (event) {
    var row = rows[current];
    var inTarget = row && document.activeElement === row.tgt;
    var digit = /^Digit([1-9])$/.exec(event.code || "");
    if ((event.ctrlKey || event.altKey) && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      if (current < 0) { select(0, true); return; }
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.ctrlKey && event.shiftKey && (event.key === "F" || event.key === "f")) {
      event.preventDefault();
      document.getElementById("ed-q").focus();
    } else if (!row) {
      return;
    } else if (event.ctrlKey && event.key === "Enter") {
      event.preventDefault();
      if (review) {
        decide(row, "approve", row.reviewComment && row.reviewComment.value, function () { move(1); });
      } else if (row.editable) {
        if (!row.tgt.textContent.replace(/\u200b/g, "").trim()) { rowError(row, t("editor.empty.target")); return; }
        row.confirming = true;
        save(row, "translated");
        nextOpen(current + 1);
      }
    } else if (event.ctrlKey && event.shiftKey && (event.key === "H" || event.key === "h")) {
      event.preventDefault();
      toggleHistory(row);
    } else if (inTarget && row.editable && event.ctrlKey && event.shiftKey && (event.key === "S" || event.key === "s")) {
      event.preventDefault();
      render(row.seg.source, row.tgt, row.codes);
      caretRoom(row.tgt);
      caretToEnd(row.tgt);
      changed(row);
    } else if (inTarget && row.editable && (event.ctrlKey || event.altKey) && digit) {
      event.preventDefault();
      insertCode(row, Number(digit[1]));
    } else if (inTarget && event.key === "End" && !event.shiftKey && !event.ctrlKey) {
      event.preventDefault(); // past the last chip too, which the browser's own End can stop before
      caretToEnd(row.tgt);
    } else if (inTarget && event.key === "Enter") {
      event.preventDefault(); // one segment is one line: Enter never splits it
    }
  });

  document.getElementById("ed-tools").addEventListener("submit", function (event) {
    event.preventDefault();
    flushAll();
    load(1);
  });
  document.getElementById("ed-status").addEventListener("change", function () { flushAll(); load(1); });
  document.getElementById("ed-prev").addEventListener("click", function () { flushAll(); load(page - 1); });
  document.getElementById("ed-next").addEventListener("click", function () { flushAll(); load(page + 1); });

  // ---------- for the panels beside the editor (editor-memory.js) ----------
  function context(i) {
    var row = rows[i];
    if (!row) return null;
    var before = rows[i - 1], after = rows[i + 1];
    return { translation: root.dataset.translation, segment: row.seg.id, source: row.seg.source,
      previous: before && before.seg.file === row.seg.file ? before.seg.source : null,
      next: after && after.seg.file === row.seg.file ? after.seg.source : null, editable: !!row.editable };
  }

  window.VersoEditor = {
    current: function () { return context(current); },
    // replaces the current segment's target with markup (its codes as chips) and saves it as a draft
    insert: function (markup) {
      var row = rows[current];
      if (!row || !row.editable) return false;
      render(markup, row.tgt, row.codes);
      caretRoom(row.tgt);
      row.tgt.focus();
      caretToEnd(row.tgt);
      changed(row);
      return true;
    }
  };

  loadTranslation().then(function () {
    load(1, function () {
      if (Object.keys(queue).length && editable()) retry();
      showState();
      var first = rows.findIndex(function (r) { return OPEN[r.seg.status]; });
      if (rows.length) select(first < 0 ? 0 : first, true);
    });
  });
})();
