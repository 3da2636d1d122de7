/* A participatory budget's ballot (blocks/ballot.html): the running total follows the boxes
   ticked and the points typed, in the form's polite live region, and says when the basket
   goes over before anything is sent. Enhancement only: without this file "Update my basket"
   asks the server, which always judges the vote. */
(function () {
  "use strict";

  function grouped(number, separator) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  }

  function setupBallot(form) {
    if (form.hasAttribute("data-ballot-live")) return; /* one ballot block, one script tag each */
    form.setAttribute("data-ballot-live", "");
    var method = form.getAttribute("data-method");
    var limit = parseInt(form.getAttribute("data-limit"), 10);
    var separator = form.getAttribute("data-thousands") || " ";
    var tally = form.querySelector("[data-ballot-tally]");
    if (!tally || isNaN(limit)) return;

    function amount(number) {
      return method === "basket" ? grouped(number, separator) + " €" : grouped(number, separator);
    }

    function total() {
      var sum = 0;
      if (method === "points") {
        form.querySelectorAll("input[type=number]").forEach(function (input) {
          var value = input.value.trim();
          /* What the server would not read counts as nothing, as on the server. */
          if (/^\d+$/.test(value) && +value <= limit) sum += +value;
        });
        return sum;
      }
      form.querySelectorAll("input[type=checkbox][data-cost]:checked").forEach(function (box) {
        sum += method === "basket" ? parseInt(box.getAttribute("data-cost"), 10) : 1;
      });
      return sum;
    }

    var timer = null;
    function update() {
      var sum = total();
      var over = sum > limit;
      var values = {
        total: amount(sum),
        limit: amount(limit),
        left: amount(Math.max(limit - sum, 0)),
        over: amount(Math.max(sum - limit, 0))
      };
      var text = form.getAttribute(over ? "data-over" : "data-within").replace(
        /\{(total|limit|left|over)\}/g,
        function (match, name) { return values[name]; }
      );
      tally.classList.toggle("ballot__tally--over", over);
      /* Typing "120" in a points field would announce "1", "12", "120": say the last one. */
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        if (tally.textContent !== text) tally.textContent = text;
      }, method === "points" ? 400 : 0);
    }

    form.addEventListener("change", update);
    if (method === "points") form.addEventListener("input", update);
  }

  function setup() {
    document.querySelectorAll("form[data-ballot]").forEach(setupBallot);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
