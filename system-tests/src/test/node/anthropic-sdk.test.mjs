// The official TypeScript SDK @anthropic-ai/sdk against Switchboard's /v1/messages, served by the built-in mock.
// Run by TypeScriptSdkSystemTest, which sets SWITCHBOARD_BASE_URL, SWITCHBOARD_KEY and SWITCHBOARD_NARROW_KEY.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';

const base = required('SWITCHBOARD_BASE_URL');
const key = required('SWITCHBOARD_KEY');
const narrowKey = required('SWITCHBOARD_NARROW_KEY');

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

// Explicit options only, so ANTHROPIC_* variables of the environment cannot leak in.
const client = (apiKey = key) => new Anthropic({ baseURL: base, apiKey, maxRetries: 0, timeout: 30_000 });

const ask = (model, text, extra = {}) => ({
  model,
  max_tokens: 256,
  system: 'You are terse.',
  messages: [{ role: 'user', content: text }],
  ...extra,
});

const WEATHER = {
  name: 'get_weather',
  description: 'Current weather in a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

const textOf = (message) => message.content.filter((b) => b.type === 'text').map((b) => b.text).join('');

test('plain message', async () => {
  const message = await client().messages.create(ask('echo', 'hello from the TypeScript SDK'));
  assert.equal(message.type, 'message');
  assert.equal(message.role, 'assistant');
  assert.match(message.id, /^msg_/);
  assert.equal(message.content.length, 1);
  assert.equal(message.content[0].type, 'text');
  assert.equal(message.content[0].text, 'hello from the TypeScript SDK');
  assert.equal(message.stop_reason, 'end_turn');
  assert.ok(message.usage.input_tokens > 0, `input_tokens: ${JSON.stringify(message.usage)}`);
  assert.ok(message.usage.output_tokens > 0, `output_tokens: ${JSON.stringify(message.usage)}`);
});

test('messages.stream() emits text deltas and its final message', async () => {
  const deltas = [];
  const stream = client().messages.stream(ask('echo', 'streamed through the gateway by messages.stream()'));
  stream.on('text', (delta) => deltas.push(delta));
  const message = await stream.finalMessage();
  assert.ok(deltas.length > 1, `expected several deltas, got ${JSON.stringify(deltas)}`);
  assert.equal(deltas.join(''), 'streamed through the gateway by messages.stream()');
  assert.equal(textOf(message), 'streamed through the gateway by messages.stream()');
  assert.match(message.id, /^msg_/);
  assert.equal(message.stop_reason, 'end_turn');
  assert.ok(message.usage.output_tokens > 0, `usage: ${JSON.stringify(message.usage)}`);
  assert.equal(await stream.finalText(), 'streamed through the gateway by messages.stream()');
});

test('create({stream: true}) yields the raw events in order', async () => {
  const stream = await client().messages.create({ ...ask('echo', 'raw events'), stream: true });
  const types = [];
  let text = '';
  for await (const event of stream) {
    types.push(event.type);
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
  }
  assert.equal(text, 'raw events');
  assert.equal(types[0], 'message_start');
  assert.equal(types.at(-1), 'message_stop');
  assert.ok(types.includes('content_block_start') && types.includes('content_block_stop'), types.join(','));
  assert.ok(types.includes('message_delta'), types.join(','));
});

test('tool use and tool result round trip', async () => {
  const first = ask('echo', 'Paris', { tools: [WEATHER] });
  const asked = await client().messages.create(first);
  assert.equal(asked.stop_reason, 'tool_use');
  const call = asked.content.find((b) => b.type === 'tool_use');
  assert.ok(call, `no tool_use block in ${JSON.stringify(asked.content)}`);
  assert.equal(call.name, 'get_weather');
  assert.match(call.id, /\S/);
  assert.deepEqual(call.input, { city: 'Paris' });

  const answered = await client().messages.create({
    ...first,
    messages: [
      ...first.messages,
      { role: 'assistant', content: asked.content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: '18C and sunny' }] },
    ],
  });
  assert.equal(answered.stop_reason, 'end_turn');
  assert.match(textOf(answered), /18C and sunny/);
});

test('streamed tool use arrives as a tool_use block with its parsed input', async () => {
  const stream = client().messages.stream(ask('echo', 'Lyon', { tools: [WEATHER] }));
  const jsonDeltas = [];
  stream.on('inputJson', (partial) => jsonDeltas.push(partial));
  const message = await stream.finalMessage();
  assert.equal(message.stop_reason, 'tool_use');
  const call = message.content.find((b) => b.type === 'tool_use');
  assert.ok(call, `no tool_use block in ${JSON.stringify(message.content)}`);
  assert.equal(call.name, 'get_weather');
  assert.deepEqual(call.input, { city: 'Lyon' });
  assert.ok(jsonDeltas.length > 0, 'no input_json_delta events');
});

test('messages.countTokens', async () => {
  const counted = await client().messages.countTokens({
    model: 'echo',
    messages: [{ role: 'user', content: 'word '.repeat(200) }],
  });
  assert.ok(counted.input_tokens >= 200 && counted.input_tokens <= 300, `input_tokens: ${counted.input_tokens}`);
});

test('system prompt as blocks with cache_control', async () => {
  const message = await client().messages.create({
    ...ask('echo', 'cached system prompt'),
    system: [
      { type: 'text', text: 'You are terse.' },
      { type: 'text', text: 'A long, stable preamble worth caching.', cache_control: { type: 'ephemeral' } },
    ],
    messages: [
      {
        role: 'user',
        content: [{ type: 'text', text: 'cached system prompt', cache_control: { type: 'ephemeral' } }],
      },
    ],
  });
  assert.equal(textOf(message), 'cached system prompt');
  assert.equal(message.stop_reason, 'end_turn');
});

test('stop_sequences, temperature, top_k and metadata are accepted', async () => {
  const message = await client().messages.create(
    ask('echo', 'stop sequences are accepted', {
      stop_sequences: ['\n\nHuman:', 'END'],
      temperature: 0.2,
      top_k: 5,
      metadata: { user_id: 'system-test-user' },
    }),
  );
  assert.equal(textOf(message), 'stop sequences are accepted');
  assert.ok(['end_turn', 'stop_sequence'].includes(message.stop_reason), message.stop_reason);
});

async function rejects(promise, errorClass, status) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof errorClass, `expected ${errorClass.name}, got ${error?.constructor?.name}: ${error}`);
    assert.equal(error.status, status);
    return true;
  });
}

test('an unknown model is Anthropic.NotFoundError', async () => {
  await assert.rejects(client().messages.create(ask('no-such-model', 'x')), (error) => {
    assert.ok(error instanceof Anthropic.NotFoundError, `${error?.constructor?.name}: ${error}`);
    assert.equal(error.status, 404);
    assert.match(error.message, /no-such-model/);
    assert.equal(error.error?.type, 'error');
    assert.equal(typeof error.error?.error?.type, 'string');
    return true;
  });
});

test('a wrong key is Anthropic.AuthenticationError', async () => {
  await rejects(client('sb-wrong-key-0000').messages.create(ask('echo', 'x')), Anthropic.AuthenticationError, 401);
});

test('a model outside the key is Anthropic.PermissionDeniedError', async () => {
  await rejects(client(narrowKey).messages.create(ask('limited', 'x')), Anthropic.PermissionDeniedError, 403);
});

test('a rate-limited upstream is Anthropic.RateLimitError', async () => {
  await rejects(client().messages.create(ask('limited', 'x')), Anthropic.RateLimitError, 429);
});

test('an unavailable upstream is Anthropic.OverloadedError (529)', async () => {
  await rejects(client().messages.create(ask('broken', 'x')), Anthropic.OverloadedError, 529);
});

test('an error before the first event of messages.stream() rejects finalMessage()', async () => {
  const stream = client().messages.stream(ask('limited', 'x'));
  stream.on('error', () => {}); // handled through finalMessage()
  await rejects(stream.finalMessage(), Anthropic.RateLimitError, 429);
});

test('a tool_choice naming a missing tool is Anthropic.BadRequestError', async () => {
  await assert.rejects(
    client().messages.create(ask('echo', 'x', { tools: [WEATHER], tool_choice: { type: 'tool', name: 'missing' } })),
    (error) => {
      assert.ok(error instanceof Anthropic.BadRequestError, `${error?.constructor?.name}: ${error}`);
      assert.match(error.message, /missing/);
      return true;
    },
  );
});

test('a failure mid-stream rejects finalMessage() with an APIError after some text', async () => {
  const deltas = [];
  const stream = client().messages.stream(ask('echo', '[mock:fail-after=2] words that will not all arrive'));
  stream.on('text', (delta) => deltas.push(delta));
  stream.on('error', () => {}); // handled through finalMessage()
  await assert.rejects(stream.finalMessage(), (error) => {
    assert.ok(error instanceof Anthropic.APIError, `${error?.constructor?.name}: ${error}`);
    assert.equal(typeof error.type, 'string', `error.type of ${JSON.stringify(error.error)}`);
    return true;
  });
  assert.ok(deltas.length > 0, 'no text arrived before the failure');
});
