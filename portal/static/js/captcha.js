/* reCAPTCHA's glue as a file (django-recaptcha writes it inline, which the
   Content-Security-Policy refuses). Included with each captcha: runs once. */
(function () {
  "use strict";
  if (window.portalCaptcha) return;
  window.portalCaptcha = true;

  /* v2 (checkbox): Google fills the answer in the form itself; nothing more to do. */
  window.portalCaptchaSolved = function () {};

  /* v3 (invisible): ask Google for a token when the form is sent, then send it with it. */
  document.addEventListener("DOMContentLoaded", function () {
    if (typeof grecaptcha === "undefined") return; // unreachable: the server says so
    document.querySelectorAll("input.g-recaptcha[data-action]").forEach(function (input) {
      var form = input.form;
      form.addEventListener("submit", function (event) {
        if (input.value) return;
        event.preventDefault();
        var submitter = event.submitter;
        grecaptcha.ready(function () {
          grecaptcha.execute(input.getAttribute("data-sitekey"), {
            action: input.getAttribute("data-action")
          }).then(function (token) {
            input.value = token;
            // Once this submission's events are over: the browser ignores a new one before.
            window.setTimeout(function () {
              if (form.requestSubmit) form.requestSubmit(submitter); else form.submit();
            });
          });
        });
      });
    });
  });
})();
