// Frist's one script, a progressive enhancement of the reply form: (1) switching the message
// kind replaces the text, the next step and the answer date with the new kind's, as long as the
// caseworker has not edited them; (2) while a caseworker writes, the rules the municipality's
// policy sets on messages are checked on the server and shown beside the form. Without the
// script the form still works: the text stays as written, and the same check runs when the form
// is sent. Text is put in with textContent or value only, never as HTML.
(function () {
  'use strict';
  var kind = document.getElementById('kind');
  if (!kind || !kind.form || !kind.form.hasAttribute('data-live-check')) return;
  var fields = { body: 'body', next_step: 'nextStep', expected: 'expected' };
  var current = kind.options[kind.selectedIndex];
  kind.addEventListener('change', function () {
    var chosen = kind.options[kind.selectedIndex];
    Object.keys(fields).forEach(function (id) {
      var field = document.getElementById(id);
      var key = fields[id];
      // Only a text still as the old kind started it is replaced: edits are never lost.
      if (field && current && field.value === (current.dataset[key] || '')) {
        field.value = chosen.dataset[key] || '';
      }
    });
    current = chosen;
  });
})();

(function () {
  'use strict';
  var form = document.querySelector('form[data-live-check]');
  var out = document.getElementById('live-rules');
  if (!form || !out || !window.fetch || !window.URLSearchParams) return;
  var timer = null;
  var latest = 0;

  function list(title, items, className) {
    var box = document.createElement('div');
    box.className = className;
    var heading = document.createElement('p');
    heading.className = 'live-rules-title';
    heading.textContent = title;
    box.appendChild(heading);
    var ul = document.createElement('ul');
    items.forEach(function (item) {
      var li = document.createElement('li');
      li.textContent = item.text + (item.source ? ' (' + item.rule + ', ' + item.source + ')' : '');
      ul.appendChild(li);
    });
    box.appendChild(ul);
    return box;
  }

  function render(result) {
    while (out.firstChild) out.removeChild(out.firstChild);
    var problems = result.errors.concat(result.blocked);
    if (problems.length) out.appendChild(list(result.blocked_title, problems, 'live-rules-blocked'));
    if (result.warnings.length) out.appendChild(list(result.warnings_title, result.warnings, 'live-rules-warnings'));
    if (!problems.length && !result.warnings.length) {
      var ok = document.createElement('p');
      ok.className = 'live-rules-ok';
      ok.textContent = result.ok_text;
      out.appendChild(ok);
    }
  }

  function check() {
    var asked = ++latest;
    fetch(form.getAttribute('data-live-check'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      body: new URLSearchParams(new FormData(form)),
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (result) { if (result && asked === latest) render(result); })
      .catch(function () { /* the check on sending still applies */ });
  }

  function soon() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, 400);
  }
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  check();
})();
