// "Czytaj na głos": reads the page's main content with the browser's own
// speech synthesis, one sentence at a time, highlighting the sentence being
// read. Nothing leaves the browser. Without JavaScript there is no button,
// since it could do nothing.
(function () {
  "use strict";
  var script = document.currentScript;
  var main = document.querySelector("main");
  if (!script || !main) {
    return;
  }
  var text = script.dataset;
  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, caption, figcaption, blockquote";
  var SKIP = "nav, form, script, style, [hidden], [aria-hidden='true'], .visually-hidden, .read-aloud, .leaflet-link";
  var ABBREVIATION = /(^|[\s(])(ul|al|pl|os|nr|tel|godz|ok|np|tj|im|św|dr|ks|prof|zł|in|ust|art|pkt|poz|tzw|wg|ds|r)\.\s*$/i;
  var VOICE_LANGS = { pl: "pl-PL", uk: "uk-UA", en: "en-GB" };
  var pageLang = (document.documentElement.lang || "pl").toLowerCase().split("-")[0];
  var synth = window.speechSynthesis;
  var reducedMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var canHighlight = window.CSS && CSS.highlights && typeof Highlight === "function";

  var box = document.createElement("div");
  box.className = "read-aloud";
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", text.label);
  var readButton = makeButton(text.read, "btn btn-outline-dark");
  var pauseButton = makeButton(text.pause, "btn btn-outline-secondary");
  var stopButton = makeButton(text.stop, "btn btn-outline-secondary");
  var status = document.createElement("p");
  status.className = "read-aloud__status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  pauseButton.hidden = true;
  stopButton.hidden = true;
  box.append(readButton, pauseButton, stopButton, status);
  var heading = main.querySelector("h1");
  if (heading) {
    heading.after(box);
  } else {
    main.prepend(box);
  }

  var queue = [];
  var position = 0;
  var running = false;
  var current = null;

  function makeButton(label, className) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.textContent = label;
    return button;
  }

  function say(message) {
    status.textContent = message;
  }

  function voiceFor(lang) {
    var voices = synth ? synth.getVoices() : [];
    for (var i = 0; i < voices.length; i += 1) {
      if ((voices[i].lang || "").toLowerCase().replace("_", "-").split("-")[0] === lang) {
        return voices[i];
      }
    }
    return null;
  }

  function markUnavailable() {
    readButton.textContent = text.noVoice;
    readButton.setAttribute("aria-disabled", "true");
  }

  function sentences() {
    var found = [];
    main.querySelectorAll(BLOCKS).forEach(function (block) {
      if (block.closest(SKIP) || block.querySelector(BLOCKS) || !block.getClientRects().length) {
        return;
      }
      var content = block.textContent;
      var pattern = /[^.!?…]+[.!?…]*["”»)]*/g;
      var match;
      var last = null;
      while ((match = pattern.exec(content)) !== null) {
        var end = match.index + match[0].length;
        // "ul. Podleśnej", "art. 37", "np. dowód": an abbreviation or a
        // lower-case continuation does not end the sentence.
        if (last && (ABBREVIATION.test(content.slice(last.start, last.end)) || /^\s*[a-ząćęłńóśźż0-9]/.test(match[0]))) {
          last.end = end;
          last.text = content.slice(last.start, end).trim();
        } else if (match[0].trim()) {
          last = { block: block, start: match.index, end: end, text: match[0].trim() };
          found.push(last);
        }
      }
    });
    return found;
  }

  function rangeOf(sentence) {
    var walker = document.createTreeWalker(sentence.block, NodeFilter.SHOW_TEXT);
    var range = document.createRange();
    var offset = 0;
    var node;
    var started = false;
    while ((node = walker.nextNode())) {
      var length = node.data.length;
      if (!started && sentence.start <= offset + length) {
        range.setStart(node, sentence.start - offset);
        started = true;
      }
      if (started && sentence.end <= offset + length) {
        range.setEnd(node, sentence.end - offset);
        return range;
      }
      offset += length;
    }
    return null;
  }

  function highlight(sentence) {
    if (current) {
      current.classList.remove("read-aloud-current");
    }
    current = sentence ? sentence.block : null;
    if (canHighlight) {
      CSS.highlights.delete("read-aloud");
      var range = sentence && rangeOf(sentence);
      if (range) {
        CSS.highlights.set("read-aloud", new Highlight(range));
      }
    } else if (current) {
      current.classList.add("read-aloud-current");
    }
    if (current) {
      current.scrollIntoView({ block: "nearest", behavior: reducedMotion ? "auto" : "smooth" });
    }
  }

  function finish(message) {
    running = false;
    highlight(null);
    pauseButton.hidden = true;
    stopButton.hidden = true;
    readButton.hidden = false;
    say(message);
  }

  function speakNext() {
    if (!running) {
      return;
    }
    if (position >= queue.length) {
      finish(text.finished);
      return;
    }
    var sentence = queue[position];
    var utterance = new SpeechSynthesisUtterance(sentence.text);
    utterance.lang = VOICE_LANGS[pageLang] || pageLang;
    var voice = voiceFor(pageLang);
    if (voice) {
      utterance.voice = voice;
    }
    utterance.onend = function () {
      position += 1;
      speakNext();
    };
    utterance.onerror = function () {
      if (running) {
        finish(text.stopped);
      }
    };
    highlight(sentence);
    synth.speak(utterance);
  }

  readButton.addEventListener("click", function () {
    if (!synth || !voiceFor(pageLang)) {
      markUnavailable();
      say(text.noVoice);
      return;
    }
    synth.cancel();
    queue = sentences();
    position = 0;
    running = true;
    readButton.hidden = true;
    pauseButton.hidden = false;
    pauseButton.textContent = text.pause;
    stopButton.hidden = false;
    pauseButton.focus();
    say(text.reading);
    speakNext();
  });

  pauseButton.addEventListener("click", function () {
    if (synth.paused) {
      synth.resume();
      pauseButton.textContent = text.pause;
      say(text.reading);
    } else {
      synth.pause();
      pauseButton.textContent = text.resume;
      say(text.paused);
    }
  });

  stopButton.addEventListener("click", function () {
    running = false;
    synth.cancel();
    finish(text.stopped);
    readButton.focus();
  });

  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") {
    markUnavailable();
    return;
  }
  function checkVoices() {
    if (synth.getVoices().length) {
      if (voiceFor(pageLang)) {
        readButton.textContent = text.read;
        readButton.removeAttribute("aria-disabled");
      } else {
        markUnavailable();
      }
    }
  }
  checkVoices();
  if (typeof synth.addEventListener === "function") {
    synth.addEventListener("voiceschanged", checkVoices);
  }
  window.addEventListener("pagehide", function () {
    if (running) {
      synth.cancel();
    }
  });
})();
