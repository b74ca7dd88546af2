// The search page: "/" focuses the box; while typing, titles are suggested below it (arrows move, Enter takes one,
// Escape closes). Everything else is plain links and a GET form, so the address always holds the whole search.
(function () {
  var box = document.getElementById("q");
  var list = document.getElementById("suggestions");
  if (!box || !list) {
    return;
  }
  var items = [];
  var active = -1;
  var timer = null;
  var latest = 0;

  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (event.key === "/" && tag !== "INPUT" && tag !== "TEXTAREA" && tag !== "SELECT" && !event.target.isContentEditable) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    items = [];
    active = -1;
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
  }

  function mark(index) {
    items.forEach(function (item, i) {
      item.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    active = index;
    if (index >= 0) {
      box.setAttribute("aria-activedescendant", items[index].id);
    } else {
      box.removeAttribute("aria-activedescendant");
    }
  }

  function take(item) {
    box.value = item.dataset.title;
    close();
    box.form.submit();
  }

  function show(suggestions) {
    close();
    suggestions.forEach(function (suggestion, i) {
      var item = document.createElement("li");
      item.id = "suggestion-" + i;
      item.setAttribute("role", "option");
      item.dataset.title = suggestion.title;
      item.textContent = suggestion.title;
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        take(item);
      });
      list.appendChild(item);
      items.push(item);
    });
    if (items.length > 0) {
      list.hidden = false;
      box.setAttribute("aria-expanded", "true");
    }
  }

  box.addEventListener("input", function () {
    clearTimeout(timer);
    var text = box.value.trim();
    if (text.length < 2) {
      close();
      return;
    }
    timer = setTimeout(function () {
      var asked = ++latest;
      fetch(box.dataset.suggest + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) {
          if (asked === latest && document.activeElement === box) {
            show(suggestions);
          }
        })
        .catch(close);
    }, 150);
  });

  box.addEventListener("keydown", function (event) {
    if (list.hidden || items.length === 0) {
      return;
    }
    if (event.key === "ArrowDown") {
      event.preventDefault();
      mark((active + 1) % items.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      mark(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      take(items[active]);
    } else if (event.key === "Escape") {
      event.preventDefault(); // closes the list only: a search box would otherwise also clear what was typed
      close();
    }
  });

  box.addEventListener("blur", function () {
    setTimeout(close, 100);
  });
})();
