// Offline work on the translation page: uploads a translated XLIFF and shows the import report as a table.
(function () {
  "use strict";
  var form = document.getElementById("t-xliff-import");
  if (!form) {
    return;
  }
  var error = document.getElementById("t-xliff-error");
  var summary = document.getElementById("t-xliff-summary");
  var table = document.getElementById("t-xliff-report");

  function headers() {
    var h = { Accept: "application/json, application/problem+json" };
    var token = document.querySelector("meta[name='_csrf']");
    var name = document.querySelector("meta[name='_csrf_header']");
    if (token && name) {
      h[name.content] = token.content;
    }
    return h;
  }

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text == null ? "" : String(text);
    row.appendChild(td);
    return td;
  }

  function show(report) {
    summary.textContent = summary.dataset.template
      .replace("{0}", report.updated).replace("{1}", report.unchanged)
      .replace("{2}", report.conflicts).replace("{3}", report.rejected);
    summary.hidden = false;
    var body = table.querySelector("tbody");
    body.textContent = "";
    report.units.forEach(function (u) {
      var row = document.createElement("tr");
      row.className = "xliff-" + u.outcome;
      cell(row, u.unit);
      cell(row, u.line);
      cell(row, table.dataset[u.outcome] || u.outcome);
      cell(row, u.detail || "");
      body.appendChild(row);
    });
    table.hidden = false;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    error.hidden = true;
    summary.hidden = true;
    table.hidden = true;
    var data = new FormData(form);
    fetch(form.dataset.url, { method: "POST", body: data, headers: headers(), credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (json) {
          if (!response.ok) {
            error.textContent = (json.title || "") + (json.detail ? ": " + json.detail : "");
            error.hidden = false;
            return;
          }
          show(json);
        });
      })
      .catch(function (e) {
        error.textContent = String(e);
        error.hidden = false;
      });
  });
})();
