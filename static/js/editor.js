// Markdown editor for every textarea[data-markdown-editor]: a toolbar (GitHub's
// markdown-toolbar-element, vendored), shortcuts, a preview rendered by the server, and for
// textarea[data-attachments] drag-and-drop / paste of files with upload progress.
// Progressive enhancement: without this script the textarea and the file input work as they are.
import "../vendor/markdown-toolbar-element/index.js";

let editorTemplate = null;
let filesTemplate = null;

function csrfToken(form) {
  const input = form && form.querySelector("input[name='csrf_token']");
  return input ? input.value : "";
}

function kilobytes(size) {
  return Math.max(1, Math.ceil(size / 1024)).toLocaleString("nl-NL") + " kB";
}

function errorText(html, fallback) {
  // The server's error pages are Dutch: show their heading and message, not the raw page.
  const page = new DOMParser().parseFromString(html, "text/html");
  const parts = [page.querySelector("main h1"), page.querySelector("main p:not(:empty)")]
    .filter(Boolean).map((node) => node.textContent.trim());
  return parts.length ? parts.join(": ") : (html.length < 300 && !html.includes("<") ? html : fallback);
}

function setUpEditor(textarea, index) {
  if (!editorTemplate || textarea.dataset.editorReady) { return; }
  textarea.dataset.editorReady = "1";
  if (!textarea.id) { textarea.id = "markdown-editor-" + index; }
  const parts = editorTemplate.content.cloneNode(true);
  const bar = parts.querySelector(".md-editor__bar");
  const toolbar = parts.querySelector("markdown-toolbar");
  const preview = parts.querySelector(".md-editor__preview");
  const modes = parts.querySelectorAll(".md-editor__mode");
  toolbar.setAttribute("for", textarea.id);
  preview.id = textarea.id + "-preview";
  const wrapper = document.createElement("div");
  wrapper.className = "md-editor";
  textarea.parentNode.insertBefore(wrapper, textarea);
  wrapper.appendChild(bar);
  wrapper.appendChild(textarea);
  wrapper.appendChild(preview);
  textarea.classList.add("md-editor__input");

  textarea.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) { return; }
    const button = toolbar.querySelector("[data-shortcut='" + event.key.toLowerCase() + "']");
    if (button) {
      event.preventDefault();
      button.click();
    }
  });

  let request = 0;
  function showPreview() {
    const text = textarea.value;
    if (!text.trim()) {
      preview.textContent = editorTemplate.dataset.empty;
      return;
    }
    const mine = ++request;
    preview.setAttribute("aria-busy", "true");
    preview.textContent = editorTemplate.dataset.loading;
    const body = new FormData();
    body.append("body", text);
    body.append("csrf_token", csrfToken(textarea.form));
    fetch(editorTemplate.dataset.previewUrl, {
      method: "POST", body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(textarea.form), "Accept": "text/html" },
    }).then((response) => response.text().then((html) => {
      if (mine !== request) { return; }
      if (response.ok) {
        // The server sanitised this with the same function that renders saved posts.
        preview.innerHTML = html;
      } else {
        preview.textContent = errorText(html, editorTemplate.dataset.failed);
      }
    })).catch(() => {
      if (mine === request) { preview.textContent = editorTemplate.dataset.failed; }
    }).finally(() => {
      if (mine === request) { preview.removeAttribute("aria-busy"); }
    });
  }

  function setMode(mode) {
    const previewing = mode === "preview";
    modes.forEach((button) => {
      button.setAttribute("aria-pressed", String(button.dataset.mode === mode));
    });
    toolbar.hidden = previewing;
    textarea.hidden = previewing;
    preview.hidden = !previewing;
    if (previewing) { showPreview(); } else { request++; }
  }
  modes.forEach((button) => {
    button.addEventListener("click", () => setMode(button.dataset.mode));
  });
  // A member who fixes an error from the error summary link must see the textarea.
  textarea.addEventListener("invalid", () => setMode("write"));
  window.addEventListener("hashchange", () => {
    if (window.location.hash === "#" + textarea.id) { setMode("write"); textarea.focus(); }
  });

  if (textarea.dataset.attachments) {
    const input = document.querySelector(textarea.dataset.attachments);
    if (input && input.type === "file" && filesTemplate && window.DataTransfer) {
      setUpAttachments(textarea, wrapper, input);
    }
  }
}

function setUpAttachments(textarea, wrapper, input) {
  const parts = filesTemplate.content.cloneNode(true);
  const box = parts.querySelector(".md-files");
  const list = box.querySelector(".md-files__list");
  const status = box.querySelector(".md-files__status");
  const progressBox = box.querySelector(".md-files__progress");
  const progress = progressBox.querySelector("progress");
  const progressLabel = progressBox.querySelector("label");
  progress.id = textarea.id + "-progress";
  progressLabel.htmlFor = progress.id;
  wrapper.appendChild(box);
  const texts = filesTemplate.dataset;
  let chosen = Array.from(input.files || []);

  function sync() {
    const transfer = new DataTransfer();
    chosen.forEach((file) => transfer.items.add(file));
    input.files = transfer.files;
    list.textContent = "";
    chosen.forEach((file, position) => {
      const item = document.createElement("li");
      item.className = "md-files__item";
      const name = document.createElement("span");
      name.className = "md-files__name";
      name.textContent = file.name;
      const size = document.createElement("span");
      size.className = "md-files__size";
      size.textContent = " (" + kilobytes(file.size) + ")";
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "button button--link md-files__remove";
      remove.textContent = texts.remove;
      const hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = " " + file.name;
      remove.appendChild(hidden);
      remove.addEventListener("click", () => {
        chosen.splice(position, 1);
        sync();
        status.textContent = texts.removed.replace("{name}", file.name);
        textarea.focus();
      });
      item.append(name, size, " ", remove);
      list.appendChild(item);
    });
    list.hidden = chosen.length === 0;
  }

  function add(files) {
    const added = Array.from(files).filter((file) => file && file.size >= 0);
    if (!added.length) { return; }
    chosen = chosen.concat(added);
    sync();
    status.textContent = added.map((file) => texts.added.replace("{name}", file.name)).join(" ");
  }

  input.addEventListener("change", () => {
    // The file picker replaces the selection; keep what was dropped before as well.
    const picked = Array.from(input.files || []);
    const kept = chosen.filter((file) => !picked.includes(file));
    chosen = kept;
    add(picked);
    if (!picked.length) { sync(); }
  });
  const hasFiles = (event) => event.dataTransfer && Array.from(event.dataTransfer.types || []).includes("Files");
  textarea.addEventListener("dragover", (event) => {
    if (hasFiles(event)) { event.preventDefault(); wrapper.classList.add("md-editor--drop"); }
  });
  textarea.addEventListener("dragleave", () => wrapper.classList.remove("md-editor--drop"));
  textarea.addEventListener("drop", (event) => {
    wrapper.classList.remove("md-editor--drop");
    if (hasFiles(event)) {
      event.preventDefault();
      add(event.dataTransfer.files);
    }
  });
  textarea.addEventListener("paste", (event) => {
    const files = event.clipboardData ? Array.from(event.clipboardData.files || []) : [];
    if (files.length) {
      event.preventDefault();
      add(files);
    }
  });
  sync();

  const form = input.form;
  if (!form || form.dataset.uploadReady) { return; }
  form.dataset.uploadReady = "1";
  form.addEventListener("submit", (event) => {
    if (event.defaultPrevented || !input.files || !input.files.length || !window.XMLHttpRequest) { return; }
    event.preventDefault();
    const submitter = event.submitter || null;
    let data;
    try { data = new FormData(form, submitter); } catch (error) { data = new FormData(form); }
    const buttons = form.querySelectorAll("button[type='submit'], input[type='submit']");
    buttons.forEach((button) => { button.disabled = true; });
    progressBox.hidden = false;
    progress.value = 0;
    status.textContent = texts.sending;
    const xhr = new XMLHttpRequest();
    xhr.open(form.method || "POST", form.action);
    xhr.setRequestHeader("X-CSRFToken", csrfToken(form));
    xhr.upload.addEventListener("progress", (progressEvent) => {
      if (progressEvent.lengthComputable) {
        progress.value = Math.round(100 * progressEvent.loaded / progressEvent.total);
      }
    });
    function fail(message) {
      buttons.forEach((button) => { button.disabled = false; });
      progressBox.hidden = true;
      status.textContent = message;
      status.classList.remove("visually-hidden");
      status.classList.add("md-files__status--error");
    }
    xhr.addEventListener("load", () => {
      const type = xhr.getResponseHeader("Content-Type") || "";
      const showsPage = (xhr.status === 200 || xhr.status === 422) && type.startsWith("text/html");
      if (!showsPage) {
        fail(errorText(xhr.responseText || "", texts.failed));
        return;
      }
      progress.value = 100;
      // Show the page the server answered with: the saved post after its redirect (with its
      // confirmation), or the form again with the Dutch error messages and what was typed.
      const target = xhr.responseURL || form.action;
      if (target !== window.location.href) { window.history.pushState(null, "", target); }
      document.open();
      // A module runs once per window: set the editor up again on the new page ourselves.
      document.addEventListener("DOMContentLoaded", start);
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener("error", () => fail(texts.failed));
    xhr.send(data);
  });
}

function start() {
  editorTemplate = document.getElementById("markdown-editor-template");
  filesTemplate = document.getElementById("markdown-attachments-template");
  document.querySelectorAll("textarea[data-markdown-editor]").forEach(setUpEditor);
}

start();
