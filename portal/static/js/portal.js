/* Progressive enhancement only: every page reads and works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.replace("no-js", "js");

  /* Phone menu: a disclosure button shown only when JavaScript runs. */
  function setupMenu() {
    var toggle = document.querySelector(".main-menu__toggle");
    var list = document.getElementById("main-menu-list");
    if (!toggle || !list) return;
    var narrow = window.matchMedia("(max-width: 47.99em)");
    function apply() {
      if (narrow.matches) {
        toggle.hidden = false;
        if (toggle.getAttribute("aria-expanded") !== "true") list.setAttribute("data-collapsed", "");
      } else {
        toggle.hidden = true;
        list.removeAttribute("data-collapsed");
      }
    }
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      if (open) list.setAttribute("data-collapsed", ""); else list.removeAttribute("data-collapsed");
    });
    narrow.addEventListener("change", apply);
    apply();
  }

  /* Videos: the third-party player is created only when the visitor asks for it. */
  function setupVideos() {
    document.querySelectorAll("[data-video]").forEach(function (figure) {
      var button = figure.querySelector("[data-video-play]");
      if (!button) return;
      button.hidden = false;
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
