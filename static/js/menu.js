// Main navigation on phones: a "Menu" button opens and closes it; Escape closes it again.
// Without this script the navigation stays visible, because the CSS hides it only under .js.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function init() {
    var button = document.querySelector(".menu-button[aria-controls]");
    var nav = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!nav) return;

    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("site-nav--open", open);
    }

    button.hidden = false;
    setOpen(false);
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
