// The catalogue editor's rows (papers, fees, legal bases): add, remove and move them in the page without a round
// trip. Without script every row button posts the form and the server does the same, keeping what was typed.
(function () {
  var pattern = /^(paper|fee|legal)-(add|remove|up|down)(-(\d+|__i__))?$/;

  function renumber(list) {
    var rows = list.querySelectorAll('[data-row-items] > [data-row]');
    rows.forEach(function (row, i) {
      row.querySelectorAll('[name]').forEach(function (el) {
        el.name = el.name.replace(/\[(\d+|__i__)\]/, '[' + i + ']');
      });
      row.querySelectorAll('[id]').forEach(function (el) {
        el.id = el.id.replace(/_(\d+|__i__)__/, '_' + i + '__');
      });
      row.querySelectorAll('label[for]').forEach(function (el) {
        el.htmlFor = el.htmlFor.replace(/_(\d+|__i__)__/, '_' + i + '__');
      });
      row.querySelectorAll('[aria-describedby]').forEach(function (el) {
        el.setAttribute('aria-describedby', el.getAttribute('aria-describedby').replace(/_(\d+|__i__)__/g, '_' + i + '__'));
      });
      row.querySelectorAll('button[name="Command"]').forEach(function (b) {
        b.value = b.value.replace(/-(\d+|__i__)$/, '-' + i);
        var move = b.getAttribute('data-row-move');
        b.disabled = (move === 'up' && i === 0) || (move === 'down' && i === rows.length - 1);
        var label = b.getAttribute('aria-label');
        if (label) {
          // The row number sits after the row's noun, not at the end: "Chuyển giấy tờ 2 lên".
          b.setAttribute('aria-label', label.replace(/(giấy tờ|khoản thu|văn bản)\s*\d*/, '$1 ' + (i + 1)));
        }
      });
      var number = row.querySelector('[data-row-number]');
      if (number) {
        number.textContent = String(i + 1);
      }
    });
  }

  document.addEventListener('click', function (e) {
    var button = e.target.closest('button[name="Command"]');
    if (!button) {
      return;
    }
    var m = pattern.exec(button.value);
    var list = button.closest('[data-rows]');
    if (!m || !list) {
      return;
    }
    e.preventDefault();
    var items = list.querySelector('[data-row-items]');
    var row = button.closest('[data-row]');
    if (m[2] === 'add') {
      var template = list.querySelector('template[data-row-template]');
      var fresh = template.content.firstElementChild.cloneNode(true);
      items.appendChild(fresh);
      if (window.motCuaFileFields) {
        window.motCuaFileFields(fresh);
      }
      renumber(list);
      var first = fresh.querySelector('input[type=text], select');
      if (first) {
        first.focus();
      }
      return;
    }
    if (!row) {
      return;
    }
    if (m[2] === 'remove') {
      var next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumber(list);
      (next ? next.querySelector('input, select') : list.querySelector('[data-row-add]')).focus();
    } else if (m[2] === 'up' && row.previousElementSibling) {
      items.insertBefore(row, row.previousElementSibling);
      renumber(list);
      button.focus();
    } else if (m[2] === 'down' && row.nextElementSibling) {
      items.insertBefore(row.nextElementSibling, row);
      renumber(list);
      button.focus();
    }
  });
})();
