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
// The menu is folded on a phone (the layout folds it on load) and shown whole when the screen becomes wide again.
(function () {
  var fold = document.querySelector('details.navfold');
  if (!fold || !window.matchMedia) {
    return;
  }
  var narrow = window.matchMedia('(max-width: 720px)');
  var follow = function () {
    if (narrow.matches) {
      fold.removeAttribute('open');
    } else {
      fold.setAttribute('open', '');
    }
  };
  if (narrow.addEventListener) {
    narrow.addEventListener('change', follow);
  }
})();
// A stacked table names each cell on a phone with its column's heading.
(function () {
  document.querySelectorAll('table.stack').forEach(function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    table.querySelectorAll('tbody tr').forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (!cell.hasAttribute('data-label') && heads[i]) {
          cell.setAttribute('data-label', heads[i]);
        }
      });
    });
  });
})();
