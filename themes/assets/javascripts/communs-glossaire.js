// Glossary definitions show on hover and on focus with CSS alone. This only adds the Escape key, which hides
// the definition without moving the focus (WCAG 1.4.13); it comes back once the pointer or the focus leaves.
(function () {
  "use strict";
  var CLOSED = "communs-glossaire--ferme";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelectorAll(".communs-glossaire:hover, .communs-glossaire:focus-within");
    for (var i = 0; i < open.length; i++) open[i].classList.add(CLOSED);
  });
  function reopen(event) {
    var term = event.target.closest && event.target.closest(".communs-glossaire");
    if (term) term.classList.remove(CLOSED);
  }
  document.addEventListener("focusout", reopen);
  document.addEventListener("mouseout", reopen);
})();
