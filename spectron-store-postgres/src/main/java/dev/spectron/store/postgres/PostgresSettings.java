package dev.spectron.store.postgres;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where and how to reach PostgreSQL. {@link #jdbcUrl} never carries credentials: they live in
 * {@link #user} and {@link #password}, which {@link #toString} and {@link #describe} leave out.
 *
 * @param jdbcUrl          {@code jdbc:postgresql://host:port/db}, with any driver parameters (e.g. {@code sslmode}) but no credentials
 * @param password         null when the server asks for none (trust authentication)
 * @param poolSize         connections this process keeps open
 * @param connectTimeout   bound on opening a connection and on waiting for a free one
 * @param statementTimeout bound on one statement, waiting for the write lock included
 */
public record PostgresSettings(String jdbcUrl, String user, String password, int poolSize, Duration connectTimeout, Duration statementTimeout) {
    public static final int DEFAULT_PORT = 5432;
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    /** Hikari's floor for its connection timeout. */
    private static final Duration MIN_CONNECT_TIMEOUT = Duration.ofMillis(250);
    private static final String JDBC_PREFIX = "jdbc:postgresql://";
    private static final String EXPECTED = " (expected postgresql://user:password@host:port/db)";

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("jdbcUrl must start with " + JDBC_PREFIX);
        }
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("database URL has no user" + EXPECTED);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("database pool size must be at least 1, not " + poolSize);
        }
        if (connectTimeout.compareTo(MIN_CONNECT_TIMEOUT) < 0) {
            throw new IllegalArgumentException("database connect timeout must be at least 250 ms, not " + connectTimeout.toMillis() + " ms");
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("database statement timeout must be positive");
        }
    }

    /**
     * Reads {@code postgresql://user:password@host:port/db?params}, {@code postgres://…} or
     * {@code jdbc:postgresql://host:port/db?user=…&password=…}. User and password are
     * percent-decoded; other parameters pass to the driver unchanged. The port defaults to 5432.
     *
     * @throws IllegalArgumentException with one line that never contains the password
     */
    public static PostgresSettings fromUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database URL is empty" + EXPECTED);
        }
        String rest = stripScheme(url.strip());
        int query = rest.indexOf('?');
        String location = query < 0 ? rest : rest.substring(0, query);
        int slash = location.indexOf('/');
        String authority = slash < 0 ? location : location.substring(0, slash);
        String database = slash < 0 ? "" : location.substring(slash + 1);
        if (database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("database URL must name one database after the host" + EXPECTED);
        }
        int at = authority.lastIndexOf('@');
        String hostPort = hostPort(authority.substring(at + 1));

        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user");
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");
        }
        List<String> driverParams = new ArrayList<>();
        for (String param : query < 0 ? new String[0] : rest.substring(query + 1).split("&")) {
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq);
            String value = eq < 0 ? "" : param.substring(eq + 1);
            switch (name) {
                case "" -> { }
                case "user" -> user = decode(value, "user");
                case "password" -> password = decode(value, "password");
                default -> driverParams.add(param);
            }
        }
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("database URL has no user" + EXPECTED);
        }
        String jdbcUrl = JDBC_PREFIX + hostPort + "/" + database + (driverParams.isEmpty() ? "" : "?" + String.join("&", driverParams));
        return new PostgresSettings(jdbcUrl, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT);
    }

    public PostgresSettings withPoolSize(int size) {
        return new PostgresSettings(jdbcUrl, user, password, size, connectTimeout, statementTimeout);
    }

    public PostgresSettings withConnectTimeout(Duration timeout) {
        return new PostgresSettings(jdbcUrl, user, password, poolSize, timeout, statementTimeout);
    }

    public PostgresSettings withStatementTimeout(Duration timeout) {
        return new PostgresSettings(jdbcUrl, user, password, poolSize, connectTimeout, timeout);
    }

    /** {@code host:port/db}, without credentials or parameters: for logs and error messages. */
    public String describe() {
        String location = jdbcUrl.substring(JDBC_PREFIX.length());
        int query = location.indexOf('?');
        return query < 0 ? location : location.substring(0, query);
    }

    /** Masks the password, so logging the settings never leaks it. */
    @Override
    public String toString() {
        return "PostgresSettings[" + describe() + ", user=" + user + ", password=" + (password == null ? "none" : "***") + ", poolSize="
                + poolSize + ", connectTimeout=" + connectTimeout + ", statementTimeout=" + statementTimeout + "]";
    }

    private static String stripScheme(String url) {
        for (String scheme : List.of("postgresql://", "postgres://", JDBC_PREFIX)) {
            if (url.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return url.substring(scheme.length());
            }
        }
        // Only a well-formed scheme is echoed: anything else may hold a password.
        int schemeEnd = url.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd);
        String given = scheme.matches("[A-Za-z][A-Za-z0-9+.-]{0,30}") ? "'" + scheme + "://'" : "something else";
        throw new IllegalArgumentException("database URL must start with postgresql://, postgres:// or jdbc:postgresql://, not " + given);
    }

    /** {@code host:port} with the default port filled in; an IPv6 host stays in brackets. */
    private static String hostPort(String hostPort) {
        int portColon = hostPort.startsWith("[") ? hostPort.indexOf(':', Math.max(0, hostPort.indexOf(']'))) : hostPort.lastIndexOf(':');
        String host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
        if (host.isEmpty() || host.equals("[]")) {
            throw new IllegalArgumentException("database URL has no host" + EXPECTED);
        }
        if (portColon < 0) {
            return host + ":" + DEFAULT_PORT;
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(portColon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65_535) {
            // The port text is not echoed: in a URL missing its '@' it is the password.
            throw new IllegalArgumentException("database URL has an invalid port" + EXPECTED);
        }
        return host + ":" + port;
    }

    /** Percent-decoding as in URLs, not forms ('+' stays '+'); a message names the part, never its value. */
    private static String decode(String encoded, String part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '%') {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int value = i + 2 < encoded.length() ? hex(encoded.charAt(i + 1), encoded.charAt(i + 2)) : -1;
            if (value < 0) {
                throw new IllegalArgumentException("database URL has a malformed percent-escape in the " + part);
            }
            out.write(value);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}
