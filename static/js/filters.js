// Filter forms on list pages. <details class="filters" open> folds away on phones (under
// 768 px) so the results come first; the summary shows how many filters are active.
// Forms marked data-auto-submit submit as soon as a select, checkbox or radio changes;
// their submit button stays for visitors without JavaScript.
(function () {
  "use strict";
  var phone = window.matchMedia("(max-width: 767.98px)");

  function activeFilters(container) {
    var count = 0;
    container.querySelectorAll("input, select").forEach(function (control) {
      if (!control.name || control.disabled || control.name === "sort" || control.name === "page") return;
      if (control.type === "checkbox" || control.type === "radio") {
        if (control.checked && control.value !== "") count += 1;
      } else if (control.tagName === "SELECT") {
        var first = control.options[0];
        if (control.value !== "" && !(first && first.selected)) count += 1;
      } else if (control.type !== "hidden" && control.type !== "submit" && control.value.trim() !== "") {
        count += 1;
      }
    });
    return count;
  }

  function initDetails(details) {
    var summary = details.querySelector("summary");
    var count = activeFilters(details);
    if (summary && count > 0 && !summary.querySelector(".filters__count")) {
      var badge = document.createElement("span");
      badge.className = "filters__count";
      var word = document.documentElement.lang === "en" ? "active" : "actief";
      badge.textContent = "(" + count + " " + word + ")";
      summary.appendChild(badge);
    }
    if (phone.matches) details.open = false;
  }

  function initAutoSubmit(form) {
    form.addEventListener("change", function (event) {
      var control = event.target;
      var kind = control.type;
      if (control.tagName === "SELECT" || kind === "checkbox" || kind === "radio") {
        if (typeof form.requestSubmit === "function") form.requestSubmit();
        else form.submit();
      }
    });
  }

  function init() {
    document.querySelectorAll("details.filters").forEach(initDetails);
    document.querySelectorAll("form[data-auto-submit]").forEach(initAutoSubmit);
    // Growing from a phone to a wide screen opens the filters again.
    var onChange = function (event) {
      if (!event.matches) {
        document.querySelectorAll("details.filters").forEach(function (details) { details.open = true; });
      }
    };
    if (phone.addEventListener) phone.addEventListener("change", onChange);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
