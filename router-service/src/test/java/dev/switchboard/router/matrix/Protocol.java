package dev.switchboard.router.matrix;

/** An upstream protocol the matrix covers, with the model alias routed to it. */
enum Protocol {
    OPENAI("up-openai", "OpenAI-compatible"),
    ANTHROPIC("up-anthropic", "Anthropic"),
    GEMINI("up-gemini", "Gemini");

    final String model;
    final String title;

    Protocol(String model, String title) {
        this.model = model;
        this.title = title;
    }
}
