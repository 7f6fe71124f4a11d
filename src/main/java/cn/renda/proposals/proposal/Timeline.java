package cn.renda.proposals.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The timeline (办理过程) of a proposal: every step, who took it and when. */
@Service
public class Timeline {

  private static final int DETAIL_MAX = 4000;

  /** One step as recorded. */
  public record Entry(Instant at, String actor, TimelineAction action, String detail) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public Timeline(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records a step, in the transaction of the step. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void add(String proposalId, String actor, TimelineAction action, String detail) {
    String text = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX - 1) + "…";
    jdbc.sql("""
            INSERT INTO timeline_event (proposal_id, occurred_at, actor, action, detail, internal)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(proposalId, Rows.at(clock.instant()), actor, action.name(), text, action.internal())
        .update();
  }

  /** The steps in order; without the internal ones unless {@code withInternal}. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<Entry> of(String proposalId, boolean withInternal) {
    String visible = withInternal ? "" : " AND internal = FALSE";
    return jdbc.sql("SELECT * FROM timeline_event WHERE proposal_id = ?" + visible + " ORDER BY id")
        .param(proposalId)
        .query((rs, row) -> new Entry(Rows.instant(rs, "occurred_at"), rs.getString("actor"),
            TimelineAction.valueOf(rs.getString("action")), rs.getString("detail")))
        .list();
  }
}
