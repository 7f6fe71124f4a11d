package cn.renda.proposals.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of every table of the test database (the engine's and the record's), to show that a refused
 * request changed nothing anywhere, not only that it was answered with an error. PostgreSQL only, as the tests.
 */
public final class TableSnapshot {

  /** Written by the engine on its own schedule, whatever requests arrive (metrics). */
  private static final Set<String> BACKGROUND = Set.of("act_ru_meter_log", "act_ru_task_meter_log");

  private final Map<String, String> fingerprints;

  private TableSnapshot(Map<String, String> fingerprints) {
    this.fingerprints = fingerprints;
  }

  public static TableSnapshot of(JdbcClient jdbc) {
    List<String> tables = jdbc.sql("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")
        .query(String.class)
        .list();
    Map<String, String> fingerprints = new LinkedHashMap<>();
    for (String table : tables) {
      if (BACKGROUND.contains(table.toLowerCase())) {
        continue;
      }
      String fingerprint = jdbc.sql(
              "SELECT COUNT(*) || ':' || COALESCE(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \""
                  + table + "\" t")
          .query(String.class)
          .single();
      fingerprints.put(table, fingerprint);
    }
    return new TableSnapshot(fingerprints);
  }

  /** The tables whose content differs from the other snapshot's. */
  public List<String> changedSince(TableSnapshot before) {
    return fingerprints.keySet().stream()
        .filter(table -> !fingerprints.get(table).equals(before.fingerprints.get(table)))
        .toList();
  }

  public int tables() {
    return fingerprints.size();
  }
}
