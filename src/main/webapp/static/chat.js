// Parley's web chat: a session from POST /chat/sessions (kept in localStorage), messages to
// POST /chat/messages, replies from the server-sent events of GET /chat/stream.
(function () {
  'use strict';
  const log = document.getElementById('log');
  const form = document.getElementById('composer');
  const input = document.getElementById('text');
  const status = document.getElementById('status');
  let session = JSON.parse(localStorage.getItem('parley.session') || 'null');
  let lastSeq = Number(localStorage.getItem('parley.lastSeq') || '0');
  let stream = null;
  // what this browser sent, by clientMessageId, to show each message again above its answer
  const sent = JSON.parse(localStorage.getItem('parley.sent') || '{}');
  const shown = new Set();

  function show(text, who, choices) {
    const item = document.createElement('li');
    item.className = who;
    item.textContent = text;
    (choices || []).forEach(function (choice) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = choice.title;
      button.addEventListener('click', function () {
        if (choice.url) { window.open(choice.url, '_blank', 'noopener'); } else { send(choice.title, choice.payload); }
      });
      item.appendChild(document.createElement('br'));
      item.appendChild(button);
    });
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  function showReply(reply) {
    if (reply.seq <= lastSeq) { return; }
    lastSeq = reply.seq;
    if (reply.inReplyTo && sent[reply.inReplyTo] !== undefined && !shown.has(reply.inReplyTo)) {
      shown.add(reply.inReplyTo);
      show(sent[reply.inReplyTo], 'user');
    }
    localStorage.setItem('parley.lastSeq', String(lastSeq));
    const choices = (reply.options || []).map(function (o) { return { title: o, payload: o }; })
      .concat((reply.buttons || []).map(function (b) { return { title: b.title, payload: b.payload, url: b.url }; }));
    let text = reply.text || '';
    if (reply.url && reply.kind !== 'buttons') { text = text ? text + '\n' + reply.url : reply.url; }
    show(text, 'bot', choices);
  }

  async function start() {
    const response = await fetch('/chat/sessions', { method: 'POST' });
    if (!response.ok) { throw new Error('could not start a session (' + response.status + ')'); }
    session = await response.json();
    lastSeq = 0;
    localStorage.setItem('parley.session', JSON.stringify(session));
    localStorage.setItem('parley.lastSeq', '0');
  }

  function listen() {
    if (stream) { stream.close(); }
    stream = new EventSource('/chat/stream?after=' + lastSeq + '&access_token=' + encodeURIComponent(session.token));
    stream.addEventListener('reply', function (event) { status.textContent = ''; showReply(JSON.parse(event.data)); });
    stream.onerror = function () { status.textContent = 'Reconnecting…'; };
  }

  async function send(text, payload) {
    const id = crypto.randomUUID ? crypto.randomUUID() : String(Date.now());
    sent[id] = text;
    shown.add(id);
    localStorage.setItem('parley.sent', JSON.stringify(sent));
    show(text, 'user');
    const body = { text: text, clientMessageId: id };
    if (payload) { body.payload = payload; }
    for (let attempt = 1; attempt <= 3; attempt++) {
      const response = await fetch('/chat/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + session.token },
        body: JSON.stringify(body)
      });
      if (response.status === 401) { await restart(); return; }
      if (response.ok) { status.textContent = ''; return; }
      if (response.status < 500) {
        const problem = await response.json().catch(function () { return {}; });
        status.textContent = problem.detail || ('Not sent (' + response.status + ')');
        return;
      }
      await new Promise(function (resolve) { setTimeout(resolve, attempt * 500); });
    }
    status.textContent = 'Not sent; please try again.';
  }

  async function restart() {
    localStorage.removeItem('parley.session');
    localStorage.removeItem('parley.sent');
    Object.keys(sent).forEach(function (key) { delete sent[key]; });
    shown.clear();
    log.textContent = '';
    await start();
    listen();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const text = input.value.trim();
    if (text) { input.value = ''; send(text).catch(function (e) { status.textContent = e.message; }); }
  });
  document.getElementById('restart').addEventListener('click', function () {
    restart().catch(function (e) { status.textContent = e.message; });
  });

  (async function () {
    if (!session || new Date(session.expiresAt) <= new Date()) { await start(); }
    lastSeq = 0; // show the whole conversation again after a reload
    listen();
  })().catch(function (e) { status.textContent = e.message; });
})();
