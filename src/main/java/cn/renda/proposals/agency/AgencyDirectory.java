package cn.renda.proposals.agency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The agencies known to the system, in their configured order.
 *
 * <p>Agencies are named on every form, list, letter and mail, several times in each task's completion, and change
 * only when the configuration does ({@link #synchronize}, at start-up). So the table is read whole (a few hundred rows
 * at national scale) and kept: {@link #synchronize} replaces what was kept once it commits, the table is read again
 * when it has a code not kept (an agency another node's configuration added), and what is kept is read again after
 * {@link #FRESH_NANOS} (a renamed or deactivated agency another node's configuration changed).
 */
@Service
public class AgencyDirectory {

  /** How long the agencies read are used before the table is read again. */
  static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final JdbcClient jdbc;
  private volatile Known known;

  public AgencyDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The table as read: every agency by code, the active ones in configured order. */
  private record Known(Map<String, Agency> byCode, Set<String> active, List<Agency> ordered, long readAt) {}

  /** Active agencies in configured order. */
  public List<Agency> all() {
    return known().ordered();
  }

  /** An agency by code, active or not (old records keep referring to deactivated agencies). */
  public Optional<Agency> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(current(code).byCode().get(code));
  }

  /**
   * The one way to name an agency for people: its name, active or not; the code itself when no agency has it (a
   * record older than the configuration); empty for none.
   */
  public String nameOf(String code) {
    if (code == null) {
      return "";
    }
    return find(code).map(Agency::name).orElse(code);
  }

  public boolean isActive(String code) {
    return code != null && current(code).active().contains(code);
  }

  /** Makes the table match the configuration: adds and renames agencies, deactivates the ones dropped. */
  @Transactional
  public void synchronize(List<AgencyProperties.Entry> configured) {
    jdbc.sql("UPDATE agency SET active = FALSE").update();
    int order = 0;
    for (AgencyProperties.Entry entry : configured) {
      int updated = jdbc.sql("UPDATE agency SET name = ?, active = TRUE, sort_order = ? WHERE code = ?")
          .params(entry.name(), order, entry.code())
          .update();
      if (updated == 0) {
        jdbc.sql("INSERT INTO agency (code, name, active, sort_order) VALUES (?, ?, TRUE, ?)")
            .params(entry.code(), entry.name(), order)
            .update();
      }
      order++;
    }
    // read again after the commit: read before it, the table would be the old one for others
    known = null;
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        known = null;
      }
    });
  }

  /**
   * What is known, read again when it does not know the code and the table does (an agency another node's
   * configuration added): a code the table does not know either costs one small query, as it did before anything
   * was kept.
   */
  private Known current(String code) {
    Known now = known();
    if (now.byCode().containsKey(code)) {
      return now;
    }
    boolean inTable = jdbc.sql("SELECT COUNT(*) FROM agency WHERE code = ?").param(code).query(Integer.class)
        .single() > 0;
    return inTable ? read() : now;
  }

  private Known known() {
    Known now = known;
    return now != null && System.nanoTime() - now.readAt() < FRESH_NANOS ? now : read();
  }

  private Known read() {
    Map<String, Agency> byCode = new HashMap<>();
    Set<String> active = new HashSet<>();
    List<Agency> ordered = new ArrayList<>();
    jdbc.sql("SELECT code, name, active FROM agency ORDER BY sort_order, code").query(rs -> {
      Agency agency = new Agency(rs.getString("code"), rs.getString("name"));
      byCode.put(agency.code(), agency);
      if (rs.getBoolean("active")) {
        active.add(agency.code());
        ordered.add(agency);
      }
    });
    Known read = new Known(Map.copyOf(byCode), Set.copyOf(active), List.copyOf(ordered), System.nanoTime());
    known = read;
    return read;
  }
}
