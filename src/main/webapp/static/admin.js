// The dashboard's live refresh: every data-refresh ms the page is fetched again and its #figures
// replaced. A response that is not the dashboard (the session ended: the login page) reloads the
// page, so the browser shows where it was sent.
(function () {
  'use strict';
  var figures = document.getElementById('figures');
  if (!figures) {
    return;
  }
  var period = parseInt(figures.getAttribute('data-refresh'), 10) || 5000;

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
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('figures');
        if (!next) {
          window.location.reload();
          return;
        }
        document.getElementById('figures').replaceWith(document.importNode(next, true));
      })
      .catch(function () { /* the server is away for a moment: try again at the next tick */ })
      .finally(function () { window.setTimeout(refresh, period); });
  }
  window.setTimeout(refresh, period);
}());
