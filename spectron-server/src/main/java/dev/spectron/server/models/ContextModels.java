package dev.spectron.server.models;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ModelChoice;
import dev.spectron.core.context.ModelSettings;
import dev.spectron.core.model.LanguageModel;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelProvider;
import dev.spectron.core.model.ModelSpec;
import dev.spectron.models.LanguageModels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A context's models, from {@code config.models.extraction} and {@code config.models.response}
 * (alias {@code synthesis}), each {@code "provider/model"} or {@code {provider, model, base_url}},
 * with keys from {@code config.providers} or the environment. A model that cannot be resolved
 * fails when the configuration is saved ({@link #validate}), not at the first turn.
 */
public final class ContextModels {
    /** Resolved clients are reused until the context's model settings change. */
    private final Map<List<Object>, Resolved> cache = new ConcurrentHashMap<>();
    private final LanguageModels factory;

    public record Resolved(LanguageModel model, ModelSpec spec) {
        public String id() {
            return spec.provider().id() + "/" + spec.model();
        }
    }

    public ContextModels(LanguageModels factory) {
        this.factory = factory;
    }

    /**
     * The extraction model, each call bounded by {@code extraction.timeout_ms}; empty when none is
     * configured or it is {@code builtin} (heuristics only).
     */
    public Optional<Resolved> extraction(ContextConfig config) {
        return stage(config, config.models().extraction(), config.models().extractionTimeout())
                .filter(resolved -> resolved.spec().provider() != ModelProvider.BUILTIN);
    }

    /** The response model, each call bounded by {@code response.timeout_ms}; {@code builtin} when none is configured. */
    public Resolved response(ContextConfig config) {
        return stage(config, config.models().answering(), config.models().responseTimeout())
                .orElseGet(() -> resolve(ModelSpec.builtin(), Map.of(), null));
    }

    /**
     * The response model with a per-call {@code model} override: {@code "provider/model"}, or a bare
     * model name for the configured provider (keeping its base URL and key). Overrides are resolved
     * per call and not cached, so arbitrary names cannot grow the cache.
     *
     * @throws InvalidInputException naming field {@code model} when the override does not resolve
     */
    public Resolved response(ContextConfig config, String override) {
        Resolved configured = response(config);
        if (override == null || override.isBlank()) {
            return configured;
        }
        try {
            ModelSpec spec = override.contains("/") || override.strip().equals(ModelProvider.BUILTIN.id()) ? ModelSpec.parse(override) : null;
            ModelSpec base = configured.spec();
            if (spec == null || spec.provider() == base.provider() && spec.baseUrl() == null) {
                spec = new ModelSpec(base.provider(), spec == null ? override : spec.model(), base.baseUrl(), base.apiKey());
            }
            return resolve(spec, config.providerKeys(), config.models().responseTimeout());
        } catch (ModelException e) {
            throw new InvalidInputException("model", "model: " + e.getMessage());
        }
    }

    /**
     * Refuses a configuration whose models do not resolve, with the provider's exact complaint, or
     * whose {@code timeout_ms} is out of range.
     */
    public void validate(ContextConfig config) {
        for (ModelSettings.Stage stage : ModelSettings.Stage.values()) {
            String field = "config.models." + stage.key();
            Optional<ModelChoice> choice = config.models().stage(stage);
            choice.ifPresent(chosen -> chosen.checkTimeout(field));
            try {
                stage(config, choice, stage == ModelSettings.Stage.EXTRACTION ? config.models().extractionTimeout()
                        : config.models().responseTimeout());
            } catch (ModelException e) {
                throw new InvalidInputException(field, field + ": " + e.getMessage());
            }
        }
    }

    private Optional<Resolved> stage(ContextConfig config, Optional<ModelChoice> choice, Duration deadline) {
        Map<String, String> keys = config.providerKeys();
        // the deadline is part of the key: one model may serve both stages, each with its own
        return choice.map(chosen -> cache.computeIfAbsent(List.of(chosen.raw(), keys, deadline),
                key -> resolve(chosen.languageModel(), keys, deadline)));
    }

    private Resolved resolve(ModelSpec spec, Map<String, String> keys, Duration deadline) {
        return new Resolved(factory.resolve(spec, keys, deadline), spec);
    }
}
