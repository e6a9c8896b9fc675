/**
 * The OpenAI Chat Completions protocol as an upstream, and the dialects of the OpenAI-compatible providers
 * (Groq, Cerebras, DeepInfra, Mistral, xAI, OpenRouter, Gemini's compatibility endpoint) as data.
 */
@NullMarked
package dev.switchboard.providers.openai;

import org.jspecify.annotations.NullMarked;
