package dev.spectron.cli;

import dev.spectron.server.ServerConfig;
import dev.spectron.server.SpectronServer;
import dev.spectron.server.bootstrap.BootstrapResult;

/** What {@code spectron serve} prints once it listens: where, which keys, and a curl example that works as pasted. */
final class StartBanner {
    private final SpectronServer server;

    StartBanner(SpectronServer server) {
        this.server = server;
    }

    private static String storeLocation(ServerConfig config) {
        return config.postgres() == null ? "data " + config.databaseFile().toAbsolutePath().normalize()
                : "PostgreSQL " + config.postgres().describe();
    }

    String render() {
        ServerConfig config = server.config();
        BootstrapResult boot = server.bootstrap();
        String url = server.localUrl();
        StringBuilder out = new StringBuilder();
        out.append("Spectron ").append(SpectronServer.VERSION).append(" listening on ").append(url)
                .append("  (bind ").append(config.host()).append(':').append(server.port())
                .append(", ").append(storeLocation(config)).append(")\n");
        if (boot.newManagementSecret() != null) {
            out.append("\nManagement API key (shown only now; only its hash is stored):\n")
                    .append("  export SPECTRON_MANAGEMENT_API_KEY=").append(boot.newManagementSecret()).append('\n');
        }
        String key;
        if (boot.newDevKeySecret() != null) {
            out.append("\nCreated context 'default' with a development API key (shown only now; only its hash is stored):\n")
                    .append("  export SPECTRON_API_KEY=").append(boot.newDevKeySecret()).append('\n');
            key = boot.newDevKeySecret();
        } else if (boot.devKeyFromEnvironment()) {
            out.append("\nContext 'default' accepts the key in SPECTRON_API_KEY.\n");
            key = "$SPECTRON_API_KEY";
        } else if (boot.defaultContextExists()) {
            out.append("\nContext 'default' is ready. Use the API key printed at first start, or restart with\n")
                    .append("SPECTRON_API_KEY=<a key of your choice> to register one.\n");
            key = "$SPECTRON_API_KEY";
        } else {
            return out.toString();
        }
        out.append("\nTry it (create a session, then add a turn):\n")
                .append("  SESSION=$(curl -s -X POST ").append(url).append("/api/v1/default/sessions \\\n")
                .append("    -H \"Authorization: Bearer ").append(key).append("\" -H 'Content-Type: application/json' \\\n")
                .append("    -d '{\"scope\": {\"user\": \"ada\"}}' | sed -E 's/^\\{\"id\":\"([^\"]+)\".*/\\1/')\n")
                .append("  curl -s -X POST ").append(url).append("/api/v1/default/sessions/$SESSION/turns \\\n")
                .append("    -H \"Authorization: Bearer ").append(key).append("\" -H 'Content-Type: application/json' \\\n")
                .append("    -d '{\"role\": \"user\", \"content\": \"Hi, I am Ada and I live in Lisbon.\"}'\n");
        return out.toString();
    }
}
