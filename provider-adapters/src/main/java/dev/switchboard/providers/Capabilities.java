package dev.switchboard.providers;

/** What an adapter's upstream can do; the router checks these before choosing a target. */
public record Capabilities(boolean tools, boolean parallelTools, boolean jsonSchema, boolean vision,
                           boolean reasoning, boolean embeddings) {

    public static final Capabilities ALL = new Capabilities(true, true, true, true, true, true);

    public Capabilities withEmbeddings(boolean value) {
        return new Capabilities(tools, parallelTools, jsonSchema, vision, reasoning, value);
    }

    public Capabilities withParallelTools(boolean value) {
        return new Capabilities(tools, value, jsonSchema, vision, reasoning, embeddings);
    }
}
