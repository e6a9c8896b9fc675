// The official TypeScript SDK openai against Switchboard's /v1/chat/completions, served by the built-in mock.
// Run by TypeScriptSdkSystemTest, which sets SWITCHBOARD_BASE_URL and SWITCHBOARD_KEY.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const base = required('SWITCHBOARD_BASE_URL');
const key = required('SWITCHBOARD_KEY');

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

// Explicit options only, so OPENAI_* variables of the environment cannot leak in.
const client = (apiKey = key) => new OpenAI({ baseURL: `${base}/v1`, apiKey, maxRetries: 0, timeout: 30_000 });

const ask = (model, text, extra = {}) => ({ model, messages: [{ role: 'user', content: text }], ...extra });

const WEATHER = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

test('plain completion', async () => {
  const completion = await client().chat.completions.create(ask('echo', 'hello from the OpenAI TypeScript SDK'));
  assert.equal(completion.object, 'chat.completion');
  assert.equal(completion.choices.length, 1);
  assert.equal(completion.choices[0].message.role, 'assistant');
  assert.equal(completion.choices[0].message.content, 'hello from the OpenAI TypeScript SDK');
  assert.equal(completion.choices[0].finish_reason, 'stop');
  assert.ok(completion.usage.completion_tokens > 0, JSON.stringify(completion.usage));
});

test('streamed completion with usage', async () => {
  const stream = await client().chat.completions.create(
    ask('echo', 'a streamed answer in several chunks', { stream: true, stream_options: { include_usage: true } }),
  );
  let text = '';
  let chunks = 0;
  let usage;
  let finish;
  for await (const chunk of stream) {
    chunks++;
    assert.equal(chunk.object, 'chat.completion.chunk');
    for (const choice of chunk.choices) {
      text += choice.delta?.content ?? '';
      finish = choice.finish_reason ?? finish;
    }
    if (chunk.usage) usage = chunk.usage;
  }
  assert.equal(text, 'a streamed answer in several chunks');
  assert.ok(chunks > 2, `only ${chunks} chunks`);
  assert.equal(finish, 'stop');
  assert.ok(usage?.total_tokens > 0, `usage: ${JSON.stringify(usage)}`);
});

test('chat.completions.stream() helper gives the final completion', async () => {
  const stream = client().chat.completions.stream(ask('echo', 'through the stream helper'));
  const deltas = [];
  stream.on('content', (delta) => deltas.push(delta));
  const completion = await stream.finalChatCompletion();
  assert.equal(deltas.join(''), 'through the stream helper');
  assert.equal(completion.choices[0].message.content, 'through the stream helper');
  assert.equal(completion.choices[0].finish_reason, 'stop');
});

test('tool call round trip', async () => {
  const first = ask('echo', 'Paris', { tools: [WEATHER] });
  const asked = await client().chat.completions.create(first);
  assert.equal(asked.choices[0].finish_reason, 'tool_calls');
  const message = asked.choices[0].message;
  assert.equal(message.tool_calls?.length, 1, JSON.stringify(message));
  const call = message.tool_calls[0];
  assert.equal(call.type, 'function');
  assert.equal(call.function.name, 'get_weather');
  assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris' });

  const answered = await client().chat.completions.create({
    ...first,
    messages: [...first.messages, message, { role: 'tool', tool_call_id: call.id, content: 'sunny, 21C' }],
  });
  assert.equal(answered.choices[0].message.content, 'Tool results: sunny, 21C');
  assert.equal(answered.choices[0].finish_reason, 'stop');
});

test('errors arrive as the SDK classes', async () => {
  const rejects = (promise, errorClass, status) =>
    assert.rejects(promise, (error) => {
      assert.ok(error instanceof errorClass, `expected ${errorClass.name}, got ${error?.constructor?.name}: ${error}`);
      assert.equal(error.status, status);
      return true;
    });
  await rejects(client('sb-wrong-key-0000').chat.completions.create(ask('echo', 'x')), OpenAI.AuthenticationError, 401);
  await rejects(client().chat.completions.create(ask('no-such-model', 'x')), OpenAI.NotFoundError, 404);
  await rejects(client().chat.completions.create(ask('limited', 'x')), OpenAI.RateLimitError, 429);
  await rejects(client().chat.completions.create(ask('broken', 'x')), OpenAI.InternalServerError, 503);
});
