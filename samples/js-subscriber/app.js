// A plain page over the published swarm (src/Elex.Wasm, served at ./elex/): it renders what the
// responses and telemetry subscriptions deliver; asking only sends the question. The swarm runs in a
// Web Worker, so the page never waits for it; ?in-page runs it on the page's own thread instead.
import { createSwarm, ElexError } from './elex/index.js';

const $ = (selector) => document.querySelector(selector);
const status = $('#status');
const demoQuestions = ['which counters show MSM is working?', 'how do I activate TTI bundling?', 'what does inter-frequency load balancing need?'];

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function renderResponse(swarm, response) {
  const item = element('li');
  item.dataset.responseId = response.responseId;
  item.dataset.feature = response.featureCode ?? '';
  item.append(
    element('div', 'query', `“${response.queryText}”`),
    element('div', 'agent', `${response.featureCode ?? 'no agent'} ${response.featureName ?? ''} · confidence ${(response.confidence * 100).toFixed(0)} %`),
    element('div', 'text', response.text),
  );
  if (response.commands.length > 0) {
    const commands = element('ul', 'commands');
    for (const c of response.commands) commands.append(element('li', c.safety, `${c.command}  [${c.safety}] ${c.safetyReason}`));
    item.append(commands);
  }
  const helpful = element('button', 'helpful', '👍 Helpful');
  helpful.addEventListener('click', async () => {
    helpful.disabled = true;
    const result = await swarm.feedback({ responseId: response.responseId, reward: 1, success: true });
    helpful.textContent = result.durable ? '👍 learned and saved' : '👍 learned';
  });
  if (response.agentId) item.append(helpful);
  $('#responses').append(item);
}

async function ask(swarm, text) {
  try {
    await swarm.query({ text });
  } catch (error) {
    status.textContent = error instanceof ElexError ? `${error.code}: ${error.message}` : String(error);
  }
}

try {
  const inPage = new URLSearchParams(location.search).has('in-page');
  const swarm = await createSwarm({ databaseName: 'elex-js-subscriber', worker: !inPage });
  const stopResponses = swarm.responses.subscribe((response) => renderResponse(swarm, response));
  swarm.telemetry.subscribe((w) => {
    $('#telemetry').textContent = `P50 ${w.p50Ms.toFixed(2)} ms · P95 ${w.p95Ms.toFixed(2)} ms · ${w.throughput.toFixed(1)} q/s over ${w.count} queries`;
  });
  setInterval(() => {
    const s = stopResponses.stats();
    $('#delivery').textContent = `delivered ${s.delivered}, dropped ${s.dropped}, waiting ${s.pending}`;
  }, 500);

  $('#ask').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('#question').value.trim();
    if (text) void ask(swarm, text);
    $('#question').value = '';
  });
  $('#demo').addEventListener('click', () => {
    // Sent back to back without waiting: the subscription still renders them in order.
    for (const text of demoQuestions) void ask(swarm, text);
  });
  for (const button of document.querySelectorAll('button')) button.disabled = false;
  status.dataset.state = 'ready';
  status.textContent = `Ready — the swarm runs ${inPage ? 'on this page' : 'in a Web Worker'} (.NET WebAssembly), learning is kept in IndexedDB.`;
} catch (error) {
  status.dataset.state = 'failed';
  status.textContent = `The swarm could not start: ${error.code ?? ''} ${error.message}`;
}
