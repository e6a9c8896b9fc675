package dev.switchboard.router.matrix;

/** A door callers come in by. */
enum Ingress {
    OPENAI("/v1/chat/completions", "OpenAI"),
    ANTHROPIC("/v1/messages", "Anthropic");

    final String path;
    final String title;

    Ingress(String path, String title) {
        this.path = path;
        this.title = title;
    }

    String body(Spec spec, String model, boolean stream) {
        return this == OPENAI ? IngressWire.openAi(spec, model, stream) : IngressWire.anthropic(spec, model, stream);
    }
}
