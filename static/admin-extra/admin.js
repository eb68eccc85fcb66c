// Names the record on inline "add another" links: "Dodaj kolejny telefon"
// instead of Django's generic wording. Django's inlines.js makes the links
// when the document is ready; "load" comes after that.
"use strict";
window.addEventListener("load", function () {
  document.querySelectorAll(".named-inline[data-add-text]").forEach(function (group) {
    const text = group.dataset.addText;
    if (!text) {
      return;
    }
    group.querySelectorAll(".add-row a").forEach(function (link) {
      link.textContent = text;
    });
  });
});
