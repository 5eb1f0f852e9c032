// Fanout embed demo: drives the embedded frames on embed-demo.html through
// postMessage and lists the events they send back. Kept in its own file so
// the page also works where a Content-Security-Policy forbids inline script.
//
// The whole API in two functions:
//   send(frame, 'goto', { step: 3 })  -> frame.contentWindow.postMessage(...)
//   window 'message' events whose data.type is 'fanout' -> the frame's events
'use strict';

const frames = Array.from(document.querySelectorAll('iframe[data-fanout-frame]'));

/** The origin a frame's page comes from: commands go only there. */
function originOf(frame) {
  return new URL(frame.getAttribute('src'), window.location.href).origin;
}

/** Sends one command to a frame. */
function send(frame, command, extra = {}) {
  frame.contentWindow.postMessage({ type: 'fanout', command, ...extra }, originOf(frame));
}

/** One event in words, for the log. */
function describe(data) {
  switch (data.event) {
    case 'ready':
      return `ready: "${data.title}"` + (data.count ? `, lesson step ${data.step ?? '–'} of ${data.count}` : '') +
        (data.playing ? ', playing' : ', paused');
    case 'step-changed':
      return data.step === null ? 'lesson left' : `step ${data.step} of ${data.count}`;
    case 'fault':
      return `fault at ${(data.at_ms / 1000).toFixed(1)} s: ${data.words}` + (data.scripted ? ' (script)' : '');
    case 'finished':
      return `finished: the ${data.what} ended at ${(data.at_ms / 1000).toFixed(1)} s`;
    case 'error':
      return `error: ${data.message}`;
    default:
      return `${data.event}`;
  }
}

function log(index, data) {
  const list = document.querySelector(`[data-log="${index}"]`);
  const item = document.createElement('li');
  item.className = data.event;
  item.dataset.event = data.event;
  // Text only: a scenario's title comes from whoever made it.
  item.textContent = describe(data);
  list.append(item);
  list.scrollTop = list.scrollHeight;
}

window.addEventListener('message', (event) => {
  const index = frames.findIndex((frame) => frame.contentWindow === event.source);
  const data = event.data;
  if (index < 0 || !data || data.type !== 'fanout' || typeof data.event !== 'string') return;
  log(index, data);
});

/** A button that sends a command to frame `index`. */
function button(index, label, command, extra) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.dataset.testid = `demo-${index}-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  element.addEventListener('click', () => send(frames[index], command, extra?.()));
  return element;
}

const PRESETS = [
  'direct-coupling', 'sns-fanout', 'sns-sqs-per-service', 'standard-vs-fifo', 'ack-modes', 'poison-dlq',
  'pod-failover', 'zone-outage', 'etcd-quorum',
];

frames.forEach((frame, index) => {
  const controls = document.querySelector(`[data-controls="${index}"]`);
  const step = document.createElement('input');
  step.type = 'number';
  step.min = '1';
  step.value = '2';
  step.title = 'Lesson step for Go to';
  step.dataset.testid = `demo-${index}-step-number`;
  const preset = document.createElement('select');
  preset.title = 'Preset for Load';
  preset.dataset.testid = `demo-${index}-preset`;
  for (const name of PRESETS) preset.append(new Option(name, name));
  controls.append(
    button(index, 'Play', 'play'),
    button(index, 'Pause', 'pause'),
    button(index, 'Back', 'step', () => ({ back: true })),
    button(index, 'Next', 'step'),
    step,
    button(index, 'Go to', 'goto', () => ({ step: Number(step.value) })),
    button(index, 'Reset', 'reset'),
    preset,
    button(index, 'Load', 'load', () => ({ preset: preset.value })),
  );
});
