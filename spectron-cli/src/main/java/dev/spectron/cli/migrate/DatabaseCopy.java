package dev.spectron.cli.migrate;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Copies every row of an embedded (SQLite) install into a PostgreSQL database whose schema is
 * already current, table by table in foreign-key order, then checks that both hold the same rows.
 *
 * <p>Safe to re-run: a row whose key is already in the target is skipped ({@code ON CONFLICT DO
 * NOTHING}), so a copy that was interrupted is finished by running it again. The change log, the
 * contexts' change counters, vectors and fact history are plain rows here: a node that starts on
 * the target builds its indexes from them as from any database. Columns are matched by name; the
 * target's own derived columns (the full-text vector) fill themselves.
 */
public final class DatabaseCopy {
    /** Parents before children. The SQLite full-text table is derived and not copied. */
    static final List<String> TABLES = List.of("settings", "contexts", "api_keys", "sessions", "turns", "changes", "idempotency_keys",
            "entities", "attributes", "relations", "instructions", "uncertainties", "search_docs", "embeddings", "traces",
            "extraction_jobs");
    private static final int BATCH = 500;

    /** One table's outcome: rows in the source, rows the target had of them afterwards, rows this run added. */
    public record TableCount(String table, long source, long target, long added) {
        public boolean complete() {
            return target >= source;
        }
    }

    private final Connection source;
    private final Connection target;
    private final PrintStream progress;

    public DatabaseCopy(Connection source, Connection target, PrintStream progress) {
        this.source = source;
        this.target = target;
        this.progress = progress;
    }

    /** Copies every table both databases have; returns their counts, in copy order. */
    public List<TableCount> run() throws SQLException {
        refuseForeignTarget();
        List<TableCount> counts = new ArrayList<>();
        for (String table : TABLES) {
            if (hasTable(source, table) && hasTable(target, table)) {
                counts.add(copy(table));
            }
        }
        return counts;
    }

    /**
     * The target must be empty or an earlier copy of this source. A node that already started on it
     * set it up with keys of its own; copying over that would leave two installs mixed.
     */
    private void refuseForeignTarget() throws SQLException {
        String started = "SELECT value FROM settings WHERE name = 'bootstrapped_at'";
        List<String> targetStart = ids(target, started);
        if (!targetStart.isEmpty() && !targetStart.equals(ids(source, started))) {
            throw new IllegalStateException("the target database was set up by a Spectron node of its own (first start "
                    + targetStart.getFirst() + "); copy into an empty database, before any node starts on it");
        }
    }

    private TableCount copy(String table) throws SQLException {
        long total = count(source, table);
        Map<String, Integer> targetTypes = columnTypes(target, table);
        long added = 0;
        long done = 0;
        try (Statement read = source.createStatement(); ResultSet rows = read.executeQuery("SELECT * FROM " + table)) {
            List<String> columns = sharedColumns(rows.getMetaData(), targetTypes);
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ") ON CONFLICT DO NOTHING";
            try (PreparedStatement write = target.prepareStatement(insert)) {
                while (rows.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        bind(write, i + 1, rows.getObject(columns.get(i)), targetTypes.get(columns.get(i)));
                    }
                    write.addBatch();
                    if (++done % BATCH == 0) {
                        added += sum(write.executeBatch());
                        target.commit();
                        report(table, done, total, false);
                    }
                }
                added += sum(write.executeBatch());
                target.commit();
            }
        }
        report(table, done, total, true);
        return new TableCount(table, total, count(target, table), added);
    }

    private static List<String> sharedColumns(ResultSetMetaData sourceColumns, Map<String, Integer> targetTypes) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= sourceColumns.getColumnCount(); i++) {
            String name = sourceColumns.getColumnName(i).toLowerCase(Locale.ROOT);
            if (targetTypes.containsKey(name)) {
                columns.add(name);
            }
        }
        return columns;
    }

    /** SQLite hands back longs, doubles, strings and bytes; PostgreSQL wants its column's own type. */
    private static void bind(PreparedStatement write, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            write.setNull(index, sqlType);
        } else if (sqlType == Types.BOOLEAN || sqlType == Types.BIT) {
            write.setBoolean(index, ((Number) value).longValue() != 0);
        } else if (sqlType == Types.BIGINT || sqlType == Types.INTEGER || sqlType == Types.SMALLINT) {
            write.setLong(index, ((Number) value).longValue());
        } else if (sqlType == Types.DOUBLE || sqlType == Types.REAL || sqlType == Types.FLOAT || sqlType == Types.NUMERIC) {
            write.setDouble(index, ((Number) value).doubleValue());
        } else if (sqlType == Types.BINARY || sqlType == Types.VARBINARY || sqlType == Types.LONGVARBINARY) {
            write.setBytes(index, (byte[]) value);
        } else {
            write.setString(index, value.toString());
        }
    }

    private void report(String table, long done, long total, boolean last) {
        progress.printf(Locale.ROOT, "\r  %-18s %,12d / %,d rows%s", table, done, total, last ? "\n" : "");
        progress.flush();
    }

    private static Map<String, Integer> columnTypes(Connection connection, String table) throws SQLException {
        Map<String, Integer> types = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet none = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = none.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), meta.getColumnType(i));
            }
        }
        return types;
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> ids(Connection connection, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static long sum(int[] updates) {
        long added = 0;
        for (int n : updates) {
            added += Math.max(n, 0);
        }
        return added;
    }
}
