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
