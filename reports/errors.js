(function () {
  "use strict";
  // Runs first: records every script error, rejected promise and blocked load on <body>, so
  // that a reader (or a test) can see whether the page worked.
  var body = document.body, messages = [];
  function record(message) {
    messages.push(String(message));
    body.setAttribute("data-script-errors", String(messages.length));
    body.setAttribute("data-script-error-messages", messages.join(" | "));
  }
  window.addEventListener("error", function (e) { record(e.message || "error loading " + (e.target && e.target.nodeName)); }, true);
  window.addEventListener("unhandledrejection", function (e) { record(e.reason); });
  document.addEventListener("securitypolicyviolation", function (e) { record("blocked " + e.blockedURI + " by " + e.violatedDirective); });
})();
