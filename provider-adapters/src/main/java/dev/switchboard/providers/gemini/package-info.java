/**
 * Google's native Gemini protocol ({@code generateContent}, {@code streamGenerateContent?alt=sse},
 * {@code countTokens}, {@code batchEmbedContents}) as an upstream, per provider-protocols §3 and §5.
 */
@NullMarked
package dev.switchboard.providers.gemini;

import org.jspecify.annotations.NullMarked;
