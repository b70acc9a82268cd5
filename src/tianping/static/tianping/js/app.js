// Small behaviours of the pages, kept out of the HTML so that the Content-Security-Policy
// can refuse inline scripts and event handlers (script-src 'self'; see lib/middleware.py).
//
//   data-submit-on-change   on a field: submit its form when the value changes
//   data-print              on a button: print the page
//   data-disable-on-submit  on a form: disable its submit button once submitted
//   data-picker             the catalog picker (catalog/picker.html): typing clears the
//                           chosen code; a click on a result ([data-code]) chooses it
//   data-menu-toggle        the menu button of the top bar: on narrow screens the navigation
//                           folds behind it (without JavaScript it stays unfolded)
//   .steps .current         the filing wizard's current step is scrolled into view
//   .party-row              the filing wizard's party: choosing a legal person or other
//                           organisation switches the document to the unified social
//                           credit code, and a natural person back to the identity card
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    var field = event.target.closest("[data-submit-on-change]");
    if (field && field.form) field.form.submit();
  });

  var topbar = document.querySelector(".topbar");
  if (topbar && topbar.querySelector("[data-menu-toggle]")) topbar.classList.add("js-menu");

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-menu-toggle]");
    if (toggle) {
      var open = toggle.closest(".topbar").classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      return;
    }
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

  // Capturing: the document type is switched before the form saves the row.
  document.addEventListener("change", function (event) {
    // the wizard's rows (party-0-kind) and the filing window's (party_kind)
    var kind = event.target.closest(
      ".party-row select[name$='-kind'], .party-row select[name='party_kind']");
    if (!kind) return;
    var docType = kind.closest(".party-row").querySelector(
      "select[name$='-doc_type'], select[name='party_doc_type']");
    if (!docType) return;
    var wanted = null;
    if (kind.value !== "natural" && docType.value !== "uscc" && docType.value !== "other") {
      wanted = "uscc";
    } else if (kind.value === "natural" && docType.value === "uscc") {
      wanted = "resident_id";
    }
    if (wanted === null) return;
    docType.value = wanted;
    docType.dispatchEvent(new Event("change", {bubbles: true}));  // checks the number again
  }, true);

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
