// Capable: a workshop board made livelier. The board works without this file (every change is
// a small form); with it, post-its can be dragged into themes, or moved with the keyboard
// (Space to pick up, arrow keys to choose a theme, Space to drop, Escape to cancel), each move
// is announced to screen readers, and other people's new post-its appear within seconds.
(function () {
  'use strict';

  var board = document.getElementById('board');
  if (!board) return;
  var api = board.getAttribute('data-board');
  var csrf = board.getAttribute('data-csrf');
  var announcer = document.getElementById('board-announcer');
  var template = document.getElementById('postit-template');
  var templateID = '00000000-0000-0000-0000-000000000000';
  var etag = null;
  var grabbed = null; // { item, targets, index, origin }
  var known = {};     // theme ids and names the page was drawn with

  function announce(text) {
    // Cleared first so the same words twice are still read out.
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function items() { return board.querySelectorAll('.app-postit'); }
  function textOf(item) { return item.querySelector('.app-postit__text').textContent; }

  // Where a post-it can go: back to its own group's list, or into any theme.
  function targetsFor(item) {
    var lists = [];
    var own = board.querySelector('ul.app-postits[data-theme=""][data-group="' + item.getAttribute('data-group') + '"]');
    if (own) lists.push({ list: own, theme: '', name: 'Not in a theme' });
    board.querySelectorAll('section.app-theme ul.app-postits').forEach(function (list) {
      var section = list.closest('section');
      lists.push({ list: list, theme: list.getAttribute('data-theme'), name: section.querySelector('h3').textContent });
    });
    return lists;
  }

  function currentIndex(item, targets) {
    for (var i = 0; i < targets.length; i++) if (targets[i].list === item.parentNode) return i;
    return 0;
  }

  function send(method, url, body) {
    return fetch(url, {
      method: method, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (response.ok) return response.status === 204 ? null : response.json();
      return response.json().catch(function () { return {}; }).then(function (problem) {
        var message = problem && problem.errors && problem.errors[0] ? problem.errors[0].message : (problem.detail || 'The change was not saved.');
        throw new Error(message);
      });
    });
  }

  // Saves a move, then puts the card in its new list and keeps the no-script form in step.
  function move(item, target) {
    var id = item.getAttribute('data-postit');
    return send('PUT', api + '/post-its/' + id + '/theme', { themeId: target.theme || null }).then(function () {
      target.list.appendChild(item);
      var select = item.querySelector('select[name="theme"]');
      if (select) select.value = target.theme;
      announce('Moved "' + textOf(item) + '" to ' + target.name + '.');
      item.focus();
    }).catch(function (error) { announce('Not moved: ' + error.message); });
  }

  function highlight(target) {
    board.querySelectorAll('.app-drop-target').forEach(function (el) { el.classList.remove('app-drop-target'); });
    if (target) target.list.classList.add('app-drop-target');
  }

  function drop(cancel) {
    if (!grabbed) return;
    var state = grabbed;
    grabbed = null;
    state.item.classList.remove('app-postit--grabbed');
    highlight(null);
    var target = state.targets[state.index];
    if (cancel || target.list === state.item.parentNode) {
      announce(cancel ? 'Move cancelled. The post-it stays where it was.' : 'Dropped where it was.');
      return;
    }
    move(state.item, target);
  }

  function onKey(event) {
    var item = event.target;
    if (!item.classList || !item.classList.contains('app-postit')) return;
    var key = event.key;
    if (key === ' ' || key === 'Enter' || key === 'Spacebar') {
      event.preventDefault();
      if (grabbed && grabbed.item === item) { drop(false); return; }
      if (grabbed) drop(true);
      var targets = targetsFor(item);
      if (targets.length < 2) { announce('There is no theme to move it to yet: add a theme first.'); return; }
      grabbed = { item: item, targets: targets, index: currentIndex(item, targets) };
      item.classList.add('app-postit--grabbed');
      highlight(targets[grabbed.index]);
      announce('Picked up "' + textOf(item) + '", now in ' + targets[grabbed.index].name +
        '. Use the arrow keys to choose a theme, Space to drop it there, Escape to cancel.');
    } else if (grabbed && grabbed.item === item && /^Arrow/.test(key)) {
      event.preventDefault();
      var step = key === 'ArrowUp' || key === 'ArrowLeft' ? -1 : 1;
      grabbed.index = (grabbed.index + step + grabbed.targets.length) % grabbed.targets.length;
      var target = grabbed.targets[grabbed.index];
      highlight(target);
      announce(target.name + ', ' + (grabbed.index + 1) + ' of ' + grabbed.targets.length + '.');
    } else if (key === 'Escape' && grabbed) {
      event.preventDefault();
      drop(true);
    }
  }

  function prepare(item) {
    item.setAttribute('tabindex', '0');
    item.setAttribute('draggable', 'true');
    item.setAttribute('aria-describedby', 'board-help');
  }

  function onDragStart(event) {
    var item = event.target.closest && event.target.closest('.app-postit');
    if (!item) return;
    event.dataTransfer.setData('text/plain', item.getAttribute('data-postit'));
    event.dataTransfer.effectAllowed = 'move';
  }

  function listAt(event) {
    var section = event.target.closest && event.target.closest('section.app-theme, section.app-board-group');
    return section ? section.querySelector('ul.app-postits') : null;
  }

  function onDrop(event) {
    var list = listAt(event);
    if (!list) return;
    event.preventDefault();
    highlight(null);
    var item = document.getElementById('postit-' + event.dataTransfer.getData('text/plain'));
    if (!item || item.parentNode === list) return;
    var targets = targetsFor(item);
    for (var i = 0; i < targets.length; i++) {
      if (targets[i].list === list) { move(item, targets[i]); return; }
    }
    announce('A post-it can only go back to its own group or into a theme.');
  }

  // A card for a post-it someone else added, copied from the page's template.
  function card(note) {
    var node = template.content.firstElementChild.cloneNode(true);
    var html = node.outerHTML.split(templateID).join(note.id).split('data-group="' + templateID).join('data-group="' + note.groupId);
    var holder = document.createElement('ul');
    holder.innerHTML = html; // only our own template's markup: the note's words go in as text below
    node = holder.firstElementChild;
    node.setAttribute('data-group', note.groupId);
    node.querySelector('.app-postit__text').textContent = note.text;
    node.querySelector('.app-postit__author').textContent = note.mine && note.anonymous ? 'You (anonymous to others)' : note.author;
    var forms = node.querySelectorAll('form');
    if (!note.mine && !board.hasAttribute('data-facilitator') && forms.length > 1) forms[forms.length - 1].remove();
    prepare(node);
    return node;
  }

  function listFor(note) {
    if (note.themeId) return board.querySelector('ul.app-postits[data-theme="' + note.themeId + '"]');
    return board.querySelector('ul.app-postits[data-theme=""][data-group="' + note.groupId + '"]');
  }

  // The API writes identifiers in capitals; the page's attributes are in lower case.
  function lower(id) { return id ? String(id).toLowerCase() : id; }

  function apply(model) {
    var seen = {}, added = 0, changedThemes = false;
    model.themes.forEach(function (theme) { theme.id = lower(theme.id); });
    model.postIts.forEach(function (note) {
      note.id = lower(note.id); note.groupId = lower(note.groupId); note.themeId = lower(note.themeId);
    });
    model.themes.forEach(function (theme) {
      if (!known[theme.id]) changedThemes = true;
      var votes = board.querySelector('[data-theme-votes="' + theme.id + '"]');
      if (votes) votes.textContent = theme.votes + (theme.votes === 1 ? ' vote' : ' votes') + (theme.myVotes > 0 ? ' (' + theme.myVotes + ' yours)' : '');
    });
    model.postIts.forEach(function (note) {
      seen[note.id] = true;
      var item = document.getElementById('postit-' + note.id);
      var list = listFor(note);
      if (!list) { changedThemes = true; return; }
      if (!item) {
        list.appendChild(card(note));
        added++;
      } else if (item.parentNode !== list && !(grabbed && grabbed.item === item)) {
        list.appendChild(item);
      }
    });
    items().forEach(function (item) {
      if (!seen[item.getAttribute('data-postit')] && !(grabbed && grabbed.item === item)) item.remove();
    });
    var left = document.querySelector('[data-votes-left]');
    if (left) left.textContent = 'You have ' + model.votesLeft + ' of your ' + model.votesPerParticipant + ' votes left.';
    if (added > 0) announce(added === 1 ? 'A new post-it has been added.' : added + ' new post-its have been added.');
    if (changedThemes) showReload();
  }

  function showReload() {
    if (document.getElementById('board-changed')) return;
    var note = document.createElement('p');
    note.id = 'board-changed';
    note.className = 'govuk-body';
    var link = document.createElement('a');
    link.className = 'govuk-link';
    link.href = window.location.pathname;
    link.textContent = 'Themes have changed: reload the board to see them';
    note.appendChild(link);
    board.insertBefore(note, board.firstChild);
    announce('Themes have changed on the board.');
  }

  function poll() {
    // Nobody is looking: ask again later rather than load the server for a hidden tab.
    if (document.hidden) { window.setTimeout(poll, 2000); return; }
    var headers = { Accept: 'application/json' };
    if (etag) headers['If-None-Match'] = etag;
    fetch(api, { credentials: 'same-origin', headers: headers })
      .then(function (response) {
        if (response.status === 304 || !response.ok) return null;
        etag = response.headers.get('ETag');
        return response.json();
      })
      .then(function (model) { if (model) apply(model); })
      .catch(function () {})
      .then(function () { window.setTimeout(poll, 2000); });
  }

  board.querySelectorAll('section.app-theme').forEach(function (section) {
    known[section.id.replace('theme-', '')] = true;
  });
  document.getElementById('board-help').removeAttribute('hidden');
  items().forEach(prepare);
  board.addEventListener('keydown', onKey);
  board.addEventListener('dragstart', onDragStart);
  board.addEventListener('dragover', function (event) {
    var list = listAt(event);
    if (list) { event.preventDefault(); highlight({ list: list }); }
  });
  board.addEventListener('drop', onDrop);
  board.addEventListener('dragend', function () { highlight(null); });
  window.setTimeout(poll, 2000);
})();
