/* The helpdesk workspace, enhanced: sidebar properties change in place, canned replies go in
   at the cursor, and a ticket with a new message is marked read. Without this file every
   form posts and the page comes back the same. */
(function () {
  "use strict";

  function post(form) {
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-Requested-With": "fetch" }
    });
  }

  function announce(live, text, isError) {
    if (!live) { return; }
    live.classList.toggle("is-error", Boolean(isError));
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function inPlace(form) {
    var live = document.querySelector("[data-live]");
    var button = form.querySelector("button[type=submit]");
    function send(event) {
      if (event) { event.preventDefault(); }
      if (button) { button.disabled = true; }
      post(form).then(function (response) {
        return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
      }).then(function (result) {
        var answer = result.answer || {};
        if (answer.redirect) { window.location.assign(answer.redirect); return; }
        announce(live, answer.message || "", !result.ok);
        if (result.ok && answer.field) {
          document.querySelectorAll('[data-ticket-value="' + answer.field + '"]').forEach(function (node) {
            node.textContent = answer.label;
          });
        }
      }).catch(function () {
        form.submit();  // the server answers with a page instead
      }).finally(function () {
        if (button) { button.disabled = false; }
      });
    }
    form.addEventListener("submit", send);
    form.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () { send(null); });
    });
  }

  function insertAtCursor(textarea, text) {
    var start = textarea.selectionStart, end = textarea.selectionEnd, value = textarea.value;
    if (typeof start !== "number" || document.activeElement !== textarea && start === 0 && end === 0 && value) {
      start = end = value.length;  // never focused: add after what was typed
    }
    var before = value.slice(0, start), after = value.slice(end);
    var glue = before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? "\n" : "\n\n") : "";
    textarea.value = before + glue + text + after;
    var cursor = (before + glue + text).length;
    textarea.setSelectionRange(cursor, cursor);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    textarea.focus();
  }

  function canned(composer) {
    var button = composer.querySelector("[data-canned-insert]");
    var select = composer.querySelector("select[name=canned_reply]");
    var textarea = composer.querySelector("textarea[name=body]");
    var live = composer.querySelector("[data-composer-live]");
    if (!button || !select || !textarea) { return; }
    button.addEventListener("click", function (event) {
      var template = composer.querySelector('template[data-canned-body="' + select.value + '"]');
      if (!template) { return; }  // nothing chosen: let the server say so
      event.preventDefault();
      insertAtCursor(textarea, template.content.textContent.trim());
      announce(live, live ? live.getAttribute("data-inserted") : "", false);
    });
  }

  document.querySelectorAll("form[data-inplace]").forEach(inPlace);
  document.querySelectorAll("form[data-composer]").forEach(canned);
}());
