// Quality checks in the segment editor: each segment's issues under it (errors, warnings, accepted warnings with
// their reason), accepting a warning with a reason, and in review mode the list of open issues per segment.
// editor.js calls VersoQuality.show(row, context) whenever a segment is drawn or saved.
(function () {
  "use strict";
  if (!window.VersoWork) return;
  var W = window.VersoWork, t = W.t, el = W.el, call = W.call;

  function show(row, context) {
    var old = row.extra.querySelector(".seg-issues");
    if (old) old.remove();
    var issues = row.seg.issues || [];
    row.node.classList.toggle("has-errors", issues.some(function (i) { return i.severity === "error"; }));
    row.node.classList.toggle("has-warnings", issues.some(function (i) { return i.severity === "warning" && !i.accepted; }));
    if (!issues.length) return;
    var list = el("ul", { className: "seg-issues plain", "aria-label": t("editor.quality.title") });
    issues.forEach(function (issue) { list.appendChild(item(row, issue, context)); });
    row.extra.insertBefore(list, row.extra.firstChild);
  }

  function item(row, issue, context) {
    var li = el("li", { className: "issue " + issue.severity + (issue.accepted ? " accepted" : ""), "data-check": issue.check }, [
      el("span", { className: "chip issue-severity", text: t("editor.quality." + issue.severity) }), " ",
      el("span", { className: "issue-message", text: issue.message })]);
    if (issue.accepted) {
      li.appendChild(el("span", { className: "issue-accepted muted",
        text: " — " + t("editor.quality.acceptedBy", W.name(issue.accepted.by), issue.accepted.reason) }));
    } else if (issue.severity === "warning" && context.canAccept(row)) {
      var reason = el("input", { type: "text", className: "issue-reason", maxlength: "1000",
        "aria-label": t("editor.quality.reason"), placeholder: t("editor.quality.reason") });
      var accept = el("button", { type: "button", className: "link issue-accept", text: t("editor.quality.accept") });
      var form = el("span", { className: "issue-accept-form" }, [" ", reason, " ", accept]);
      li.appendChild(form);
      accept.addEventListener("click", function () { send(row, issue.check, reason, context); });
      reason.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); event.stopPropagation(); send(row, issue.check, reason, context); }
      });
    }
    return li;
  }

  function send(row, check, reason, context) {
    if (!reason.value.trim()) { reason.setCustomValidity(t("editor.quality.reasonNeeded")); reason.reportValidity(); return; }
    reason.setCustomValidity("");
    call("POST", context.base + "/segments/" + row.seg.id + "/issues/" + check + "/accept.json", { reason: reason.value })
      .then(function (answer) {
        if (answer.status !== 200) { W.showError(W.problemText(answer)); return; }
        row.seg.issues = answer.body.items || [];
        show(row, context);
      }, function () { W.showError(t("work.error.network")); });
  }

  // The reviewer's list: every segment with issues nobody accepted, across all pages.
  function summary(context, box, jump) {
    box.textContent = "";
    return call("GET", context.base + "/issues.json").then(function (answer) {
      if (answer.status !== 200) { W.showError(W.problemText(answer)); return; }
      var items = answer.body.items || [];
      box.appendChild(el("h2", { text: t("editor.quality.open") }));
      if (!items.length) { box.appendChild(el("p", { className: "muted", text: t("editor.quality.none") })); return; }
      var list = el("ul", { className: "open-issues plain" });
      items.forEach(function (s) {
        var link = el("button", { type: "button", className: "link", text: t("editor.quality.segment", s.index + 1) });
        link.addEventListener("click", function () { jump(s.id); });
        var issues = el("ul", { className: "plain" });
        s.issues.forEach(function (i) {
          issues.appendChild(el("li", { className: "issue " + i.severity, "data-check": i.check }, [
            el("span", { className: "chip issue-severity", text: t("editor.quality." + i.severity) }), " ", i.message]));
        });
        list.appendChild(el("li", { "data-segment": s.id }, [link, issues]));
      });
      box.appendChild(list);
    }, function () { W.showError(t("work.error.network")); });
  }

  window.VersoQuality = { show: show, summary: summary };

  // the review page lists the open issues per segment above the segments
  var box = document.getElementById("ed-issues");
  var editor = document.getElementById("editor");
  if (box && editor) {
    summary({ base: editor.dataset.base }, box, function (id) {
      var row = document.querySelector(".seg[data-segment='" + CSS.escape(id) + "']");
      if (row) { row.scrollIntoView({ block: "nearest" }); row.querySelector(".seg-tgt").focus(); }
    });
  }
})();
