// Progressive enhancements without inline script (the Content-Security-Policy forbids inline handlers).
document.addEventListener('submit', function (e) {
  var form = e.target;
  var message = form && form.getAttribute && form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    e.preventDefault();
  }
}, true);
document.addEventListener('click', function (e) {
  var button = e.target && e.target.closest && e.target.closest('[data-print]');
  if (button) {
    window.print();
  }
});
// The menu starts folded on a phone so the page's own content comes first.
(function () {
  var fold = document.querySelector('details.navfold');
  if (fold && window.matchMedia && window.matchMedia('(max-width: 720px)').matches) {
    fold.removeAttribute('open');
  }
})();
