package dev.switchboard.providers.contract;

import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.http.UpstreamClient;
import dev.switchboard.providers.openai.OpenAiAdapter;
import dev.switchboard.providers.openai.OpenAiPresets;

class GroqAdapterContractTest extends ProviderAdapterContract {
    @Override protected ProviderAdapter adapter(UpstreamClient http) { return new OpenAiAdapter(http, OpenAiPresets.groq()); }
    @Override protected String fixtures() { return "groq"; }
}
