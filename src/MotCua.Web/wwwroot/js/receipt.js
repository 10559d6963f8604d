// The desk's deadline preview, kept current while the officer checks the papers: the receipt time is "now", so the
// due date moves past the cut-off, the end of the day or a weekend without a reload. Without script the "Xem hạn"
// button posts the form and the server shows the same preview.
(function () {
  var box = document.querySelector('[data-preview-url]');
  if (!box || !window.fetch) {
    return;
  }
  var url = box.getAttribute('data-preview-url');

  function render(p) {
    var due = box.querySelector('[data-preview="due"]');
    var time = box.querySelector('[data-preview="time"]');
    var list = box.querySelector('[data-preview="explanation"]');
    if (due) {
      due.textContent = p.dueText;
    }
    if (time) {
      var received = new Date(p.receivedAt);
      var clock = received.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
      time.textContent = '(' + p.processingTime + (p.timeVerified ? '' : ', thời hạn mặc định của cơ quan') + '; tính từ ' + clock + ')';
    }
    if (list) {
      list.textContent = '';
      p.explanation.forEach(function (line) {
        var li = document.createElement('li');
        li.textContent = line.text;
        list.appendChild(li);
      });
    }
    box.setAttribute('data-preview-at', p.receivedAt);
  }

  function refresh() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) { if (p) { render(p); } })
      .catch(function () { /* the server-rendered preview stays */ });
  }

  refresh();
  window.setInterval(refresh, 60000);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      refresh();
    }
  });
})();
