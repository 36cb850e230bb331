// A page's live refresh (the dashboard's figures, the queue of conversations waiting for a person):
// every data-refresh ms the page is fetched again and the element replaced by its new self. A
// response without it (the session ended: the login page) reloads the page, so the browser shows
// where it was sent.
(function () {
  'use strict';
  var refreshed = document.querySelector('[data-refresh][id]:not([data-follow])');
  if (!refreshed) {
    return;
  }
  var id = refreshed.id;
  var period = parseInt(refreshed.getAttribute('data-refresh'), 10) || 5000;

  function refresh() {
    fetch(window.location.href, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        if (!response.ok || response.redirected) {
          window.location.reload();
          return null;
        }
        return response.text();
      })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById(id);
        if (!next) {
          window.location.reload();
          return;
        }
        document.getElementById(id).replaceWith(document.importNode(next, true));
      })
      .catch(function () { /* the server is away for a moment: try again at the next tick */ })
      .finally(function () { window.setTimeout(refresh, period); });
  }
  window.setTimeout(refresh, period);
}());

// The transcript's live feed: every data-refresh ms the lines and the handoff's state are read
// from data-follow (JSON) and shown, the table rebuilt only when something changed. Cells are
// filled as text, never as markup. A response that is not the feed (the session ended) reloads
// the page, so the browser shows where it was sent.
(function () {
  'use strict';
  var live = document.getElementById('live-transcript');
  if (!live) {
    return;
  }
  var period = parseInt(live.getAttribute('data-refresh'), 10) || 2000;
  var url = live.getAttribute('data-follow');
  var shown = null;

  function span(cls, text) {
    var element = document.createElement('span');
    element.className = cls;
    element.textContent = text;
    return element;
  }

  function block(cls, text) {
    var element = document.createElement('div');
    element.className = cls;
    element.textContent = text;
    return element;
  }

  function row(line) {
    var cells = [
      [span('seq', String(line.seq))],
      [span('speaker ' + line.speaker, line.speaker)],
      [span('type', line.type)],
      line.extra ? [span('text', line.text), block('extra', line.extra)] : [span('text', line.text)],
      [span('time', line.at)],
      [span('intent', line.intent)],
      [span('confidence', line.confidence)],
      [span('entities', line.entities)],
      [span('plugin', line.plugin)],
      [span('response-time', line.responseTime)],
      line.failure ? [span('status', line.status), block('failure', line.failure)]
        : [span('status', line.status)]
    ];
    var tr = document.createElement('tr');
    tr.className = 'line';
    cells.forEach(function (content) {
      var td = document.createElement('td');
      content.forEach(function (node) { td.appendChild(node); });
      tr.appendChild(td);
    });
    return tr;
  }

  function show(feed) {
    var text = JSON.stringify(feed);
    if (text === shown) {
      return;
    }
    shown = text;
    var state = document.getElementById('handoff-state');
    if (state) {
      state.textContent = feed.handoff;
    }
    var body = document.querySelector('#lines tbody');
    if (!body) {
      return;
    }
    var rows = document.createDocumentFragment();
    feed.lines.forEach(function (line) { rows.appendChild(row(line)); });
    body.replaceChildren(rows);
  }

  function follow() {
    fetch(url, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        if (response.redirected || type.indexOf('application/json') !== 0) {
          window.location.reload();
          return null;
        }
        return response.ok ? response.json() : null;
      })
      .then(function (feed) {
        if (feed) {
          show(feed);
        }
      })
      .catch(function () { /* the server is away for a moment: try again at the next tick */ })
      .finally(function () { window.setTimeout(follow, period); });
  }
  window.setTimeout(follow, period);
}());
