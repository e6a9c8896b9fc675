package dev.switchboard.contracts.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An immutable catalog of models: price, context window and capabilities per (provider kind, model id).
 *
 * <p>{@link #find(String, String)} resolves the names a route uses to a catalog entry, in this order:
 * <ol>
 *   <li>a {@code models/} prefix on the model id is dropped (Gemini's native names);</li>
 *   <li>the kind {@code gemini-openai} reads as {@code gemini}; the kind {@code openai-compatible} matches the first
 *       entry, in catalog order, of any provider with exactly that model id, and nothing else;</li>
 *   <li>the exact (provider, model);</li>
 *   <li>for {@code openrouter} and a model {@code vendor/model}: the exact (vendor, model), where the OpenRouter
 *       vendors {@code google}, {@code mistralai} and {@code x-ai} read as {@code gemini}, {@code mistral} and
 *       {@code xai};</li>
 *   <li>a dated or suffixed id such as {@code gpt-4o-mini-2024-07-18}: the longest catalog id of that provider which,
 *       followed by {@code -}, is a prefix of it; then the same for the OpenRouter vendor.</li>
 * </ol>
 * Exact matches always win over prefix matches, so {@code openai/gpt-5.5-pro} at OpenRouter finds OpenAI's
 * {@code gpt-5.5-pro} before OpenRouter's {@code openai/gpt-5.5}.
 */
public final class ModelCatalog {

    private static final String BUILT_IN_RESOURCE = "models.csv";
    private static final String GEMINI_MODEL_PREFIX = "models/";
    private static final String ANY_PROVIDER = "openai-compatible";
    private static final String OPENROUTER = "openrouter";
    private static final Map<String, String> PROVIDER_ALIASES = Map.of("gemini-openai", "gemini");
    private static final Map<String, String> OPENROUTER_VENDORS =
            Map.of("google", "gemini", "mistralai", "mistral", "x-ai", "xai");

    private final List<ModelInfo> all;
    private final Map<String, Map<String, ModelInfo>> byProvider;

    private ModelCatalog(List<ModelInfo> models) {
        this.all = List.copyOf(models);
        Map<String, Map<String, ModelInfo>> index = new LinkedHashMap<>();
        for (ModelInfo info : all) {
            index.computeIfAbsent(info.provider(), p -> new LinkedHashMap<>()).put(info.model(), info);
        }
        index.replaceAll((provider, entries) -> Map.copyOf(entries));
        this.byProvider = Map.copyOf(index);
    }

    /** The catalog shipped with Switchboard, read once from {@code models.csv} next to this class. */
    public static ModelCatalog builtIn() {
        return BuiltIn.CATALOG;
    }

    /**
     * Reads a catalog in the built-in file's CSV format.
     *
     * @param sourceName names the input in error messages, e.g. a file name
     * @throws CatalogFormatException naming the line and column of the first problem
     */
    public static ModelCatalog parse(String csv, String sourceName) {
        requireNonNull(csv, "csv");
        requireNonNull(sourceName, "sourceName");
        return new ModelCatalog(ModelCatalogCsv.parse(csv, sourceName));
    }

    /** The entry for a route's provider kind and model id, following the lookup rules in the class comment. */
    public Optional<ModelInfo> find(String providerKind, String model) {
        requireNonNull(providerKind, "providerKind");
        requireNonNull(model, "model");
        String id = model.startsWith(GEMINI_MODEL_PREFIX) ? model.substring(GEMINI_MODEL_PREFIX.length()) : model;
        String kind = PROVIDER_ALIASES.getOrDefault(providerKind, providerKind);
        if (kind.equals(ANY_PROVIDER)) {
            return all.stream().filter(info -> info.model().equals(id)).findFirst();
        }
        int slash = id.indexOf('/');
        boolean viaVendor = kind.equals(OPENROUTER) && slash > 0 && slash < id.length() - 1;
        String vendor = viaVendor ? OPENROUTER_VENDORS.getOrDefault(id.substring(0, slash), id.substring(0, slash)) : "";
        String vendorModel = viaVendor ? id.substring(slash + 1) : "";
        return exact(kind, id)
                .or(() -> viaVendor ? exact(vendor, vendorModel) : Optional.empty())
                .or(() -> longestPrefix(kind, id))
                .or(() -> viaVendor ? longestPrefix(vendor, vendorModel) : Optional.empty());
    }

    /**
     * A new catalog in which each override replaces the entry with the same (provider, model), keeping its place, or
     * is added at the end. When overrides repeat a (provider, model), the last one wins.
     */
    public ModelCatalog withOverrides(Collection<ModelInfo> overrides) {
        requireNonNull(overrides, "overrides");
        Map<List<String>, ModelInfo> merged = new LinkedHashMap<>();
        for (ModelInfo info : all) {
            merged.put(List.of(info.provider(), info.model()), info);
        }
        for (ModelInfo info : overrides) {
            requireNonNull(info, "overrides element");
            merged.put(List.of(info.provider(), info.model()), info);
        }
        return new ModelCatalog(List.copyOf(merged.values()));
    }

    /** Every entry, in catalog order. */
    public List<ModelInfo> all() {
        return all;
    }

    private Optional<ModelInfo> exact(String provider, String model) {
        return Optional.ofNullable(byProvider.getOrDefault(provider, Map.of()).get(model));
    }

    private Optional<ModelInfo> longestPrefix(String provider, String model) {
        @Nullable ModelInfo best = null;
        for (ModelInfo info : byProvider.getOrDefault(provider, Map.of()).values()) {
            boolean prefixed = model.startsWith(info.model() + "-");
            if (prefixed && (best == null || info.model().length() > best.model().length())) {
                best = info;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public String toString() {
        return "ModelCatalog[" + all.size() + " models]";
    }

    /** Loads the built-in file on first use only. */
    private static final class BuiltIn {
        static final ModelCatalog CATALOG = load();

        private static ModelCatalog load() {
            try (InputStream in = ModelCatalog.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("built-in model catalog " + BUILT_IN_RESOURCE
                            + " is missing from the classpath (expected next to " + ModelCatalog.class.getName() + ")");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read built-in model catalog " + BUILT_IN_RESOURCE, e);
            }
        }
    }
}
