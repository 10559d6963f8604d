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
// The browser draws a file field's button and "no file" text in its own language ("Choose File"); the field is kept
// (focusable, with its label, so keyboard and screen readers use it as before) but drawn as a "Chọn tệp" button with
// the chosen names beside it. Without script the browser's own field shows.
// Rows added later (the catalogue editor's) call window.motCuaFileFields(row).
(function () {
  var count = 0;
  var enhance = function (root) {
    root.querySelectorAll('input[type=file]').forEach(one);
  };
  var one = function (input) {
    if (input.classList.contains('file-field')) {
      return;
    }
    var status = document.createElement('span');
    status.className = 'file-status';
    status.id = (input.id || 'file-field-' + (++count)) + '-chosen';
    var button = document.createElement('span');
    button.className = 'file-button';
    button.setAttribute('aria-hidden', 'true');
    button.textContent = 'Chọn tệp';
    var pick = document.createElement('span');
    pick.className = 'file-pick';
    pick.appendChild(button);
    pick.appendChild(status);
    // Inside its label a click already reaches the field; elsewhere the drawn button passes it on.
    if (!input.closest('label')) {
      pick.addEventListener('click', function () { input.click(); });
    }
    var show = function () {
      var files = input.files ? Array.prototype.map.call(input.files, function (f) { return f.name; }) : [];
      status.textContent = files.length === 0 ? 'Chưa chọn tệp' : files.length === 1 ? files[0] : files.length + ' tệp: ' + files.join(', ');
    };
    show();
    input.addEventListener('change', show);
    var described = input.getAttribute('aria-describedby');
    input.setAttribute('aria-describedby', described ? described + ' ' + status.id : status.id);
    input.classList.add('file-field');
    input.insertAdjacentElement('afterend', pick);
  };
  window.motCuaFileFields = enhance;
  enhance(document);
})();
