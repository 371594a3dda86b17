// Show similar questions and practices while a member types the title of a new question.
(function () {
  "use strict";
  var form = document.querySelector("form.js-similar-form");
  if (!form || !window.fetch) { return; }
  var title = form.querySelector("input[name='title']");
  var region = document.getElementById("similar-results");
  var confirmed = form.querySelector("input[name='confirmed']");
  if (!title || !region) { return; }
  var timer = null;
  var lastQuery = "";

  // The region stays in the page (so screen readers announce changes); the panel comes and goes.
  function show(items) {
    region.textContent = "";
    if (!items.length) { return; }
    var panel = document.createElement("div");
    panel.className = "panel similar-results__panel";
    var heading = document.createElement("h2");
    heading.className = "similar-results__title";
    heading.textContent = region.getAttribute("data-heading") || "Bekijk dit eerst";
    var list = document.createElement("ul");
    list.className = "similar-results__list";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      li.appendChild(link);
      li.appendChild(document.createTextNode(" (" + item.type + ")"));
      list.appendChild(li);
    });
    panel.appendChild(heading);
    panel.appendChild(list);
    region.appendChild(panel);
  }

  function lookUp() {
    var query = title.value.trim();
    if (query === lastQuery) { return; }
    lastQuery = query;
    if (query.length < 4) { show([]); return; }
    var url = form.getAttribute("data-similar-url") + "?q=" + encodeURIComponent(query);
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (data) { if (query === lastQuery) { show(data.items || []); } })
      .catch(function () { show([]); });
  }

  title.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(lookUp, 400);
  });
  // The member has seen the suggestions while typing: no extra step after submitting.
  form.addEventListener("submit", function () {
    if (confirmed) { confirmed.value = "1"; }
  });
})();
