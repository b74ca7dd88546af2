// Sends the CSRF token with every htmx request, so partial updates pass the same protection as forms.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name='_csrf']");
  var header = document.querySelector("meta[name='_csrf_header']");
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Tables become labelled cards on narrow screens (verso.css): each cell carries its column's heading in data-label,
// which the stylesheet shows before the value. Done here for every table, including those htmx swaps in later.
(function () {
  function label(root) {
    (root.querySelectorAll ? root : document).querySelectorAll("table.table").forEach(function (table) {
      var headings = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (!cell.hasAttribute("data-label") && headings[i]) {
            cell.setAttribute("data-label", headings[i]);
          }
        });
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    label(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    label(event.detail && event.detail.elt && event.detail.elt.parentNode ? event.detail.elt.parentNode : document);
  });
})();
