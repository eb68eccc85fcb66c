// The portal's additions to the admin (loaded by templates/admin/base_site.html).
"use strict";

// Names the record on inline "add another" links: "Dodaj kolejny telefon"
// instead of Django's generic wording.
function nameAddLinks() {
  document.querySelectorAll(".named-inline[data-add-text]").forEach(function (group) {
    const text = group.dataset.addText;
    if (!text) {
      return;
    }
    group.querySelectorAll(".add-row a").forEach(function (link) {
      link.textContent = text;
    });
  });
}

// On a phone a table of rows (tabular inline) is wider than the screen and
// hides its last columns ("Usunąć?"). Each cell gets its column's heading,
// so admin.css can stack the cells of a row one under another there.
function labelTableCells() {
  document.querySelectorAll(".inline-group .tabular table").forEach(function (table) {
    const headings = Array.from(table.querySelectorAll("thead th")).map(function (th) {
      return th.textContent.trim();
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.from(row.children).forEach(function (cell, index) {
        if (headings[index]) {
          cell.dataset.label = headings[index];
        }
      });
    });
    table.classList.add("stackable");
  });
}

// Django's inlines.js makes the add links in a jQuery "ready" handler, which
// jQuery runs asynchronously, sometimes after "load": a handler queued after
// it (this file is deferred) runs once the links exist.
function afterAdminScripts(callback) {
  if (window.django && window.django.jQuery) {
    window.django.jQuery(callback);
  } else {
    window.addEventListener("load", callback);
  }
}

afterAdminScripts(function () {
  nameAddLinks();
  labelTableCells();
});

// A row added with "Dodaj kolejny…" is a copy of the empty form: label it too.
document.addEventListener("formset:added", labelTableCells);
