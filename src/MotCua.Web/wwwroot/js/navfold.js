// Folds the menu before the rest of the page is parsed, so a phone never paints it open; without script it stays open.
(function () {
  var fold = document.currentScript && document.currentScript.previousElementSibling;
  if (fold && window.matchMedia && window.matchMedia('(max-width: 720px)').matches) {
    fold.removeAttribute('open');
  }
})();
