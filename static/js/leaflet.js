// The "Drukuj" button needs JavaScript, so it is shown only here; without it
// the page keeps the hint to use the browser's own print command.
(function () {
  "use strict";
  var button = document.querySelector("[data-print]");
  var hint = document.querySelector("[data-print-hint]");
  if (!button || typeof window.print !== "function") {
    return;
  }
  button.hidden = false;
  if (hint) {
    hint.hidden = true;
  }
  button.addEventListener("click", function () {
    window.print();
  });
})();
