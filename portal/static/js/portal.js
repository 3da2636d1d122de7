/* Progressive enhancement only: every page reads and works without this file. */
(function () {
  "use strict";

  /* Phone menu: a <details> that opens and closes without this file; Escape closes it too
     and gives focus back to "Menu", as a disclosure menu does. */
  function setupMenu() {
    var menu = document.querySelector(".main-menu__disclosure");
    if (!menu) return;
    var toggle = menu.querySelector("summary");
    menu.addEventListener("keydown", function (event) {
      /* Wide screens show the list without "Menu": nothing to close there. */
      if (event.key !== "Escape" || !menu.open || !toggle.getClientRects().length) return;
      menu.open = false;
      toggle.focus();
    });
  }

  /* Videos: the third-party player is created only when the visitor asks for it. */
  function setupVideos() {
    document.querySelectorAll("[data-video]").forEach(function (figure) {
      var button = figure.querySelector("[data-video-play]");
      if (!button) return;
      button.addEventListener("click", function () {
        var iframe = document.createElement("iframe");
        iframe.src = figure.getAttribute("data-embed-src") + (figure.getAttribute("data-embed-src").indexOf("?") < 0 ? "?" : "&") + "autoplay=1";
        iframe.title = figure.getAttribute("data-embed-title");
        iframe.className = "block-video__player";
        iframe.allow = "autoplay; fullscreen; picture-in-picture";
        iframe.allowFullscreen = true;
        var consent = figure.querySelector(".block-video__consent");
        consent.replaceWith(iframe);
        iframe.focus();
      });
    });
  }

  /* A form sent back with errors: move focus to its summary, which links to each field.
     After "load", once the browser has scrolled to the form's anchor (which resets focus). */
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) window.requestAnimationFrame(function () { summary.focus(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupMenu();
    setupVideos();
  });
  window.addEventListener("load", focusErrorSummary);
})();
