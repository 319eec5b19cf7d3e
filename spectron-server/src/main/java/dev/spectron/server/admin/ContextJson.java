package dev.spectron.server.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.spectron.core.context.Context;
import java.util.Map;

/** A context as the management API shows it: provider secrets replaced by {@code providers_configured}. */
record ContextJson(String id, String description, Map<String, Object> config,
                   @JsonProperty("created_at") String createdAt,
                   @JsonProperty("enforcement_blocked") boolean enforcementBlocked) {
    static ContextJson from(Context context) {
        return new ContextJson(context.id().value(), context.description(), context.config().publicView(),
                context.createdAt().toString(), false);
    }
}
