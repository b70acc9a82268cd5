// Small behaviours of the pages, kept out of the HTML so that the Content-Security-Policy
// can refuse inline scripts and event handlers (script-src 'self'; see lib/middleware.py).
//
//   data-submit-on-change   on a field: submit its form when the value changes
//   data-print              on a button: print the page
//   data-disable-on-submit  on a form: disable its submit button once submitted
//   data-picker             the catalog picker (catalog/picker.html): typing clears the
//                           chosen code; a click on a result ([data-code]) chooses it
//   .steps .current         the filing wizard's current step is scrolled into view
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    var field = event.target.closest("[data-submit-on-change]");
    if (field && field.form) field.form.submit();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
      window.print();
      return;
    }
    var choice = event.target.closest("[data-picker] [data-code]");
    if (!choice) return;
    var picker = choice.closest("[data-picker]");
    picker.querySelector("input[type=hidden]").value = choice.dataset.code;
    picker.querySelector("input[type=search]").value = choice.dataset.label;
    picker.querySelector(".picker-results").innerHTML = "";
  });

  document.addEventListener("input", function (event) {
    var box = event.target.closest("[data-picker] input[type=search]");
    if (box) box.closest("[data-picker]").querySelector("input[type=hidden]").value = "";
  });

  document.addEventListener("submit", function (event) {
    if (!event.target.hasAttribute("data-disable-on-submit")) return;
    var button = event.target.querySelector("button[type=submit]");
    if (button) button.disabled = true;
  });

  function showCurrentStep() {
    var step = document.querySelector(".steps .current");
    if (step) step.scrollIntoView({block: "nearest", inline: "center"});
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showCurrentStep);
  } else {
    showCurrentStep();
  }
})();
