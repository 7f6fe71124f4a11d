package cn.renda.proposals.agency;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The agencies known to the system, in their configured order. */
@Service
public class AgencyDirectory {

  private final JdbcClient jdbc;

  public AgencyDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Active agencies in configured order. */
  public List<Agency> all() {
    return jdbc.sql("SELECT code, name FROM agency WHERE active ORDER BY sort_order, code")
        .query(Agency.class)
        .list();
  }

  /** An agency by code, active or not (old records keep referring to deactivated agencies). */
  public Optional<Agency> find(String code) {
    return jdbc.sql("SELECT code, name FROM agency WHERE code = ?").param(code).query(Agency.class).optional();
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
    return jdbc.sql("SELECT COUNT(*) FROM agency WHERE code = ? AND active").param(code).query(Integer.class).single()
        > 0;
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
  }
}
