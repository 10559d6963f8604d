// Day-first date fields (dd/mm/yyyy) get a calendar button that opens the browser's own picker; the date chosen there
// is written back day first. Without script the text field alone still works.
(function () {
    'use strict';

    function pad(n) { return (n < 10 ? '0' : '') + n; }

    // Text as typed (06/12/2026, 6-12-2026 14:30) or ISO, to the native picker's ISO value; '' when unreadable.
    function toIso(text, withTime) {
        var t = (text || '').trim();
        var m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(t);
        var y, mo, d, h = 0, mi = 0;
        if (m) { d = +m[1]; mo = +m[2]; y = +m[3]; if (m[4]) { h = +m[4]; mi = +m[5]; } }
        else {
            m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(t);
            if (!m) { return ''; }
            y = +m[1]; mo = +m[2]; d = +m[3]; if (m[4]) { h = +m[4]; mi = +m[5]; }
        }
        var check = new Date(y, mo - 1, d);
        if (check.getFullYear() !== y || check.getMonth() !== mo - 1 || check.getDate() !== d) { return ''; }
        var iso = y + '-' + pad(mo) + '-' + pad(d);
        return withTime ? iso + 'T' + pad(h) + ':' + pad(mi) : iso;
    }

    function fromIso(iso, withTime) {
        var m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso || '');
        if (!m) { return ''; }
        var text = m[3] + '/' + m[2] + '/' + m[1];
        return withTime ? text + ' ' + (m[4] || '00') + ':' + (m[5] || '00') : text;
    }

    function enhance(input) {
        var withTime = input.getAttribute('data-date-input') === 'datetime';
        var picker = document.createElement('input');
        picker.type = withTime ? 'datetime-local' : 'date';
        picker.className = 'date-input-native';
        picker.tabIndex = -1;
        picker.setAttribute('aria-hidden', 'true');
        picker.setAttribute('aria-label', 'Lịch');
        if (input.getAttribute('data-date-min')) { picker.min = input.getAttribute('data-date-min'); }
        if (input.getAttribute('data-date-max')) { picker.max = input.getAttribute('data-date-max'); }

        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'date-input-button';
        button.setAttribute('aria-label', withTime ? 'Chọn ngày giờ trên lịch' : 'Chọn ngày trên lịch');
        button.title = button.getAttribute('aria-label');
        button.disabled = input.disabled || input.readOnly;
        button.innerHTML = '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">'
            + '<rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor"/>'
            + '<path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" fill="none"/>'
            + '<rect x="4" y="8" width="2" height="2" fill="currentColor"/><rect x="7" y="8" width="2" height="2" fill="currentColor"/>'
            + '<rect x="10" y="8" width="2" height="2" fill="currentColor"/><rect x="4" y="11" width="2" height="2" fill="currentColor"/></svg>';

        button.addEventListener('click', function () {
            picker.value = toIso(input.value, withTime);
            if (typeof picker.showPicker === 'function') {
                try { picker.showPicker(); return; } catch (e) { /* not allowed here: fall back to focusing the picker */ }
            }
            picker.focus();
            picker.click();
        });
        picker.addEventListener('change', function () {
            if (!picker.value) { return; }
            input.value = fromIso(picker.value, withTime);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            input.dispatchEvent(new Event('change', { bubbles: true }));
            input.focus();
        });
        input.insertAdjacentElement('afterend', button);
        button.insertAdjacentElement('afterend', picker);
    }

    document.querySelectorAll('input[data-date-input]').forEach(enhance);
})();
