/* Mark the member's notifications about this page's subject read once the page has loaded.
   Progressive enhancement: without JavaScript the form's "Markeer als gelezen" button does it. */
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-mark-read]");
  Array.prototype.forEach.call(forms, function (form) {
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) { return null; }
      return response.json();
    }).then(function (data) {
      if (!data) { return; }
      form.hidden = true;
      updateBell(data.unread);
    }).catch(function () { /* the button still works */ });
  });

  function updateBell(unread) {
    var bell = document.querySelector("[data-bell]");
    if (!bell || typeof unread !== "number") { return; }
    var count = bell.querySelector(".bell__count");
    var name = bell.querySelector(".visually-hidden");
    if (unread === 0) {
      if (count) { count.remove(); }
      bell.classList.remove("bell--unread");
      if (name && bell.dataset.bellNone) { name.textContent = bell.dataset.bellNone; }
    } else {
      if (count) { count.textContent = unread < 100 ? String(unread) : "99+"; }
      if (name && bell.dataset.bellSome) { name.textContent = bell.dataset.bellSome.replace("__N__", String(unread)); }
    }
  }
})();
