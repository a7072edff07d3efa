// The demo page: plain JavaScript, no build step. Every URL is relative to the page, so the app
// works wherever it is mounted (/, /demo/ in Express, an API Gateway stage).
/* global document, location, fetch, EventSource, WebSocket, FormData, URL */
'use strict';

const $ = (selector) => document.querySelector(selector);
const api = (path) => new URL(path, location.href);

/** Sends a request and returns the parsed JSON; a JSON error body becomes the thrown message. */
async function request(method, path, body) {
  const init = { method, headers: {} };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(api(path), init);
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error(data && data.error ? data.error : `${res.status} ${res.statusText}`);
  return data;
}

// ---- Notes -------------------------------------------------------------------------------------

const notes = new Map();
let editing = null;

function renderNotes() {
  const list = $('#note-list');
  list.replaceChildren();
  for (const note of notes.values()) {
    const item = document.createElement('li');
    item.dataset.id = note.id;
    const title = document.createElement('span');
    title.className = 'note-title';
    title.textContent = note.title;
    const body = document.createElement('span');
    body.className = 'note-body';
    body.textContent = note.body;
    const actions = document.createElement('span');
    actions.className = 'note-actions';
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.className = 'secondary';
    edit.textContent = 'Edit';
    edit.addEventListener('click', () => startEditing(note.id));
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary';
    remove.textContent = 'Delete';
    remove.addEventListener('click', () => deleteNote(note.id));
    actions.append(edit, remove);
    item.append(title, actions, body);
    list.append(item);
  }
}

function upsert(note) {
  notes.set(note.id, note);
  renderNotes();
}

function startEditing(id) {
  const note = notes.get(id);
  if (!note) return;
  editing = id;
  const form = $('#note-form');
  form.elements.title.value = note.title;
  form.elements.body.value = note.body;
  $('#note-submit').textContent = 'Save';
  $('#note-cancel').hidden = false;
  form.elements.title.focus();
}

function stopEditing() {
  editing = null;
  $('#note-form').reset();
  $('#note-submit').textContent = 'Add note';
  $('#note-cancel').hidden = true;
}

async function deleteNote(id) {
  try {
    await request('DELETE', `api/notes/${encodeURIComponent(id)}`);
    notes.delete(id);
    renderNotes();
  } catch (error) {
    $('#note-error').textContent = error.message;
  }
}

$('#note-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const input = { title: form.elements.title.value, body: form.elements.body.value };
  $('#note-error').textContent = '';
  try {
    if (editing) upsert(await request('PATCH', `api/notes/${encodeURIComponent(editing)}`, input));
    else upsert(await request('POST', 'api/notes', input));
    stopEditing();
  } catch (error) {
    $('#note-error').textContent = error.message;
  }
});
$('#note-cancel').addEventListener('click', stopEditing);

async function loadNotes() {
  try {
    const data = await request('GET', 'api/notes');
    for (const note of data.notes) notes.set(note.id, note);
    renderNotes();
  } catch (error) {
    $('#note-error').textContent = `Could not load the notes: ${error.message}`;
  }
}

// Changes made anywhere (another tab, curl) arrive as server-sent events.
function followChanges() {
  const feed = new EventSource(api('api/notes/events'));
  feed.addEventListener('open', () => ($('#live-status').textContent = 'Live: changes from other pages appear here.'));
  feed.addEventListener('error', () => ($('#live-status').textContent = 'Live updates paused; reconnecting…'));
  const apply = (event) => {
    const change = JSON.parse(event.data);
    if (event.type === 'note.deleted') notes.delete(change.id);
    else notes.set(change.id, change);
    renderNotes();
  };
  for (const type of ['note.created', 'note.updated', 'note.deleted']) feed.addEventListener(type, apply);
}

// ---- Chat --------------------------------------------------------------------------------------

let socket = null;
let me = '';

function logLine(text, who) {
  const log = $('#chat-log');
  const item = document.createElement('li');
  if (who === undefined) {
    item.className = 'system';
    item.textContent = text;
  } else {
    const name = document.createElement('span');
    name.className = 'who';
    name.textContent = `${who}: `;
    item.append(name, document.createTextNode(text));
  }
  log.append(item);
  log.scrollTop = log.scrollHeight;
}

function setChatEnabled(on) {
  for (const element of $('#chat-form').elements) element.disabled = !on;
}

function join(name) {
  if (socket) socket.close(1000, 'rejoining');
  const url = api(`ws/chat?name=${encodeURIComponent(name)}`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(url);
  socket = ws;
  $('#chat-status').textContent = 'Connecting…';
  ws.addEventListener('message', (event) => {
    const data = JSON.parse(event.data);
    if (data.type === 'welcome') {
      me = data.name;
      setChatEnabled(true);
    }
    // welcome, join and leave carry who is in the room now.
    if (data.members) $('#chat-status').textContent = `Connected as ${me}. In the room: ${data.members.join(', ')}.`;
    if (data.type === 'join') logLine(`${data.name} joined`);
    else if (data.type === 'leave') logLine(`${data.name} left`);
    else if (data.type === 'message') logLine(data.text, data.name);
    else if (data.type === 'error') logLine(`Error: ${data.message}`);
  });
  ws.addEventListener('close', () => {
    if (socket !== ws) return;
    socket = null;
    setChatEnabled(false);
    $('#chat-status').textContent = 'Disconnected.';
  });
}

$('#join-form').addEventListener('submit', (event) => {
  event.preventDefault();
  join(event.currentTarget.elements.name.value.trim());
});

$('#chat-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = event.currentTarget.elements.text;
  if (!socket || input.value.trim() === '') return;
  socket.send(input.value);
  input.value = '';
});

// ---- Upload ------------------------------------------------------------------------------------

$('#upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = $('#upload-result');
  try {
    const receipt = await request('POST', 'api/upload', new FormData(event.currentTarget));
    result.textContent = JSON.stringify(receipt, null, 2);
  } catch (error) {
    result.textContent = `Upload failed: ${error.message}`;
  }
});

void loadNotes();
followChanges();
