'use strict';
// The simulator page: plain DOM, text only (never innerHTML with data), no token kept beyond the page itself.
(function () {
  const pageToken = document.querySelector('meta[name="asl-page"]').content;
  const $ = (id) => document.getElementById(id);
  let intents = [];
  let actions = 0;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([name, value]) => {
      if (value === undefined || value === null || value === false) { return; }
      if (name === 'className') { node.className = value; } else { node.setAttribute(name, value); }
    });
    children.flat().forEach((child) => {
      if (child === undefined || child === null || child === '') { return; }
      node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child))
        : child);
    });
    return node;
  }

  async function api(path, body) {
    const options = { method: body ? 'POST' : 'GET', headers: { 'X-ASL-Page': pageToken },
      credentials: 'same-origin' };
    if (body) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const answer = await fetch('/sim/api/' + path, options);
    const json = await answer.json();
    if (!answer.ok || json.error) { throw new Error(json.error || ('HTTP ' + answer.status)); }
    return json;
  }

  async function busy(what, work) {
    const buttons = document.querySelectorAll('button');
    const focused = document.activeElement;
    buttons.forEach((b) => { b.disabled = true; });
    $('busy').textContent = what + '…';
    try {
      return await work();
    } catch (e) {
      $('busy').textContent = '';
      alertBox(e.message);
      return null;
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
      if (focused && document.body.contains(focused) && document.activeElement === document.body) {
        focused.focus(); // keyboard users stay where they were
      }
      if ($('busy').textContent.endsWith('…')) { $('busy').textContent = ''; }
      actions += 1;
      document.body.dataset.actions = String(actions); // lets a test (or a script) wait for an action's end
    }
  }

  function alertBox(message) {
    $('break-result').replaceChildren(el('p', { className: 'diagnosis', role: 'alert' }, message));
  }

  function diagnosis(why, fix) {
    if (!why) { return null; }
    return el('div', { className: 'diagnosis' }, el('strong', {}, 'Why: ' + why), fix ? 'What to change: ' + fix : '');
  }

  function raw(label, text) {
    if (!text) { return null; }
    return el('details', {}, el('summary', {}, label), el('pre', {}, text));
  }

  function headers(map) {
    const entries = Object.entries(map || {});
    return entries.length ? entries.map(([k, v]) => k + ': ' + v).join('\n') : '';
  }

  function renderStep(step) {
    const status = step.status ? String(step.status) : (step.ok ? 'ok' : 'failed');
    const request = step.method ? [step.method + ' ' + step.url, headers(step.requestHeaders), step.requestBody || '']
      .filter(Boolean).join('\n') : '';
    const answer = step.status ? ['HTTP ' + step.status, headers(step.responseHeaders), step.responseBody || '']
      .filter(Boolean).join('\n') : '';
    return el('li', { className: 'step ' + (step.ok ? 'ok' : 'failed') },
      el('span', { className: 'status' }, status),
      el('span', { className: 'step-title' }, step.title),
      step.millis ? el('span', { className: 'meta' }, ' · ' + step.millis + ' ms') : null,
      step.note ? el('div', { className: 'meta' }, step.note) : null,
      diagnosis(step.why, step.fix),
      raw('Request', request),
      raw('Answer', answer));
  }

  function renderLinked(linked) {
    if (!linked) { return el('p', { className: 'hint' }, 'Not linked yet.'); }
    return el('div', { className: 'linked-token' },
      el('strong', {}, 'Linked. '), 'Token ', el('code', {}, linked.token),
      el('br'), 'Salesforce access token ', el('code', {}, linked.salesforceToken || '?'),
      ' · instance URL ', el('code', {}, linked.instanceUrl || '?'),
      el('br'), 'expires_in ' + linked.expiresIn + ' · refresh token ', el('code', {}, linked.refreshToken),
      ' · client authentication: ' + linked.scheme,
      linked.splitProblem ? diagnosis(linked.splitProblem, '') : null);
  }

  function renderScreen(screen) {
    return el('div', { className: 'screen', 'aria-label': 'What a screen device shows' },
      el('strong', {}, screen.title),
      el('table', {}, el('tbody', {}, (screen.rows || []).map((row) => el('tr', {},
        el('td', {}, row.primary), el('td', {}, row.secondary), el('td', {}, row.value))))));
  }

  function renderCard(card) {
    if (card.type !== 'LinkAccount') {
      return el('div', { className: 'card' }, el('strong', {}, 'Card: ' + card.type), ' ' + (card.title || '') + ' '
        + (card.text || ''));
    }
    const again = el('button', { type: 'button', className: 'link-again' }, 'Link again');
    again.addEventListener('click', () => $('link-form').requestSubmit());
    return el('div', { className: 'card' }, el('strong', {}, 'Card: LinkAccount'),
      ' · the Alexa app shows a link prompt for this skill ', again);
  }

  function renderCall(call) {
    const label = call.type + (call.intent ? ' ' + call.intent : '')
      + (call.dialogState ? ' · dialogState ' + call.dialogState : '')
      + (call.intent ? ' · confirmationStatus ' + call.confirmationStatus : '');
    return el('li', { className: 'call' },
      el('span', { className: 'meta' }, 'Skill request: ' + label + ' → HTTP ' + call.status + ', ' + call.millis
        + ' ms'),
      (call.progressive || []).map((p) => el('div', { className: 'progressive' },
        'Progressive response (' + p.type + '): "' + p.speech + '"')),
      call.card ? renderCard(call.card) : null,
      (call.directives || []).map((d) => el('div', { className: 'directive' },
        el('span', { className: 'meta' }, 'Directive ' + d.type + (d.detail ? ' (' + d.detail + ')' : '')),
        d.screen ? renderScreen(d.screen) : null)),
      raw('SSML', call.ssml),
      raw('Request JSON', call.request),
      raw('Response JSON', call.response));
  }

  function renderTurn(turn) {
    return el('li', { className: 'turn' },
      el('div', { className: 'you' }, 'You: ' + turn.you),
      el('div', { className: 'meta' }, 'Alexa understood: ' + turn.understood),
      el('div', { className: 'alexa-says' }, el('strong', {}, 'Alexa says'), ' (' + turn.alexaSource + '): ',
        el('span', { className: 'speech' }, turn.alexa || '(nothing)')),
      diagnosis(turn.diagnosis && turn.diagnosis.why, turn.diagnosis && turn.diagnosis.fix),
      el('ol', { className: 'calls' }, (turn.calls || []).map(renderCall)),
      el('div', { className: 'meta' }, (turn.sessionOpen ? 'Session open' : 'Session ended')
        + (turn.waitingFor ? '; Alexa waits for ' + turn.waitingFor : '')));
  }

  function speak(text) {
    if ($('speak').checked && text && 'speechSynthesis' in window) {
      window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
    }
  }

  function addTurn(turn) {
    const item = renderTurn(turn);
    $('conversation').prepend(item);
    speak(turn.alexa);
  }

  function renderSlots() {
    const intent = intents.find((i) => i.name === $('intent').value);
    $('slot-fields').replaceChildren(...(intent ? intent.slots : []).map((slot) => el('p', {},
      el('label', { for: 'slot-' + slot.name }, slot.name + ' (' + slot.type + ')'),
      el('input', { id: 'slot-' + slot.name, type: 'text', 'data-slot': slot.name }))));
  }

  function render(state) {
    $('org-line').textContent = (state.demoOrg ? 'Embedded demo org ' : 'Org ') + state.loginUrl
      + ' · connected app ' + (state.clientId || '(none)') + ' · callback ' + state.callbackUrl
      + ' · local runner ' + state.origin + (state.modelFound ? '' : ' · interaction model not found');
    $('not-configured').hidden = state.configured;
    $('not-configured').textContent = 'To link, set SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET and add '
      + state.callbackUrl + ' to the connected app\'s callback URLs.';
    $('link-button').disabled = !state.configured;
    $('linked').replaceChildren(renderLinked(state.linked));
    $('timeline').replaceChildren(...state.timeline.map(renderStep));
    $('conversation').replaceChildren(...state.turns.slice().reverse().map(renderTurn));
    $('screen').checked = state.screen;
    document.querySelectorAll('.demo-only').forEach((node) => { node.hidden = !state.demoOrg; });
    $('break-note').textContent = state.demoOrg
      ? 'Each switch shows what the user would hear next and what the token endpoint answers.'
      : 'A real org: only "Revoke the refresh token" and "Refresh now" work here.';
    if (!intents.length) { // the first render after a page load: show the choices of the last link
      document.querySelector('input[name="scheme"][value="' + state.scheme + '"]').checked = true;
      $('pkce').checked = state.pkce;
      intents = state.intents;
      $('intent').replaceChildren(...intents.map((i) => el('option', { value: i.name }, i.name)));
      renderSlots();
    }
  }

  async function refresh() {
    const state = await api('state');
    render(state);
    return state;
  }

  $('link-form').addEventListener('submit', (event) => {
    event.preventDefault();
    busy('Opening the login page', async () => {
      const scheme = document.querySelector('input[name="scheme"]:checked').value;
      const answer = await api('link', { scheme: scheme, pkce: $('pkce').checked });
      window.location.assign(answer.authorizeUrl);
    });
  });

  async function talk(body) {
    body.screen = $('screen').checked;
    const turn = await api('talk', body);
    addTurn(turn);
    await refresh();
  }

  $('say-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const words = $('utterance').value.trim();
    if (!words) { return; }
    busy('Alexa is listening', async () => {
      await talk({ utterance: words });
      $('utterance').value = '';
      $('utterance').focus();
    });
  });

  document.querySelectorAll('[data-say]').forEach((button) => button.addEventListener('click', () => {
    busy('Alexa is listening', () => talk({ utterance: button.dataset.say }));
  }));
  document.querySelectorAll('[data-talk]').forEach((button) => button.addEventListener('click', () => {
    const body = {};
    body[button.dataset.talk] = true;
    busy('Alexa is listening', () => talk(body));
  }));

  $('intent').addEventListener('change', renderSlots);
  $('intent-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const slots = {};
    document.querySelectorAll('#slot-fields input').forEach((input) => { slots[input.dataset.slot] = input.value; });
    busy('Sending the intent', () => talk({ intent: $('intent').value, slots: slots,
      confirmation: $('confirmation').value }));
  });

  document.querySelectorAll('[data-break]').forEach((button) => button.addEventListener('click', () => {
    busy(button.textContent, async () => {
      const result = await api('break', { action: button.dataset.break, delayMs: $('delay').value });
      const parts = [el('p', { className: 'break-note' }, result.note || '')];
      if (result.turn) {
        parts.push(el('p', {}, el('strong', {}, 'The user would hear: '),
          el('span', { className: 'heard' }, result.turn.alexa || '(nothing)')));
        if (result.turn.diagnosis) { parts.push(diagnosis(result.turn.diagnosis.why, result.turn.diagnosis.fix)); }
      }
      (result.steps || []).forEach((step) => {
        parts.push(el('p', {}, el('strong', {}, 'The token endpoint answered: '),
          el('span', { className: 'token-answer' }, step.status + ' ' + (step.responseBody || step.note || ''))));
        if (step.why) { parts.push(diagnosis(step.why, step.fix)); }
      });
      $('break-result').replaceChildren(...parts);
      if (result.turn) { speak(result.turn.alexa); }
      await refresh();
    });
  }));

  refresh().catch((e) => alertBox('The runner did not answer: ' + e.message));
}());
