// "Wyjdź szybko": the link works without JavaScript; with it, the link and
// three presses of Esc replace this page in the history, so Back does not
// bring it back.
(function () {
  "use strict";
  var link = document.querySelector("a[data-quick-exit]");
  if (!link) {
    return;
  }
  var PRESSES = 3;
  var WITHIN_MS = 2000;
  var presses = [];

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.body.hidden = true;
    window.location.replace(link.href);
  }

  var hint = link.querySelector(".quick-exit__hint");
  if (hint) {
    hint.hidden = false;
  }
  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < WITHIN_MS; });
    presses.push(now);
    if (presses.length >= PRESSES) {
      leave(event);
    }
  });
}());
