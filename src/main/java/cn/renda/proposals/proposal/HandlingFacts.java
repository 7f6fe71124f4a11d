package cn.renda.proposals.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts the handling figures count, kept on the proposal's main row so that the league table reads one row per
 * proposal instead of joining its letters, feedback, extension requests and progress reports: the first letter's
 * delivery day and the deadline it was measured against, the classification and communication of the letter delivered
 * last, the feedback on the first letter, how many extensions were requested and approved, whether a B promise was
 * kept. Each is what the record's own rows say; the record's writes refresh them in the transaction of the step.
 */
@Service
public class HandlingFacts {

  /** The facts of a proposal from the rows they summarize, as assignments of an UPDATE of its row. */
  private static final String FACTS = """
        first_reply_date = (SELECT r.reply_date FROM reply r WHERE r.proposal_id = proposal.id
                            AND r.rehandling_round = 0 AND r.reply_date IS NOT NULL
                            ORDER BY r.version LIMIT 1),
        first_reply_deadline = (SELECT r.deadline FROM reply r WHERE r.proposal_id = proposal.id
                                AND r.rehandling_round = 0 AND r.reply_date IS NOT NULL
                                ORDER BY r.version LIMIT 1),
        last_classification = (SELECT r.classification FROM reply r WHERE r.proposal_id = proposal.id
                               AND r.reply_date IS NOT NULL ORDER BY r.rehandling_round DESC, r.version DESC LIMIT 1),
        last_communication_method = (SELECT r.communication_method FROM reply r WHERE r.proposal_id = proposal.id
                                     AND r.reply_date IS NOT NULL
                                     ORDER BY r.rehandling_round DESC, r.version DESC LIMIT 1),
        first_satisfaction = (SELECT f.satisfaction FROM feedback f WHERE f.proposal_id = proposal.id
                              AND f.round = 0),
        extensions_requested = (SELECT COUNT(*) FROM extension_request e WHERE e.proposal_id = proposal.id),
        extensions_approved = (SELECT COUNT(*) FROM extension_request e WHERE e.proposal_id = proposal.id
                               AND e.decision = 'APPROVE'),
        promise_kept = (SELECT COUNT(*) > 0 FROM progress_report g WHERE g.proposal_id = proposal.id
                        AND g.resolved = TRUE)""";

  private static final String REFRESH = "UPDATE proposal SET " + FACTS;

  private final JdbcClient jdbc;
  private final Clock clock;

  public HandlingFacts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Brings one proposal's facts up to date, in the transaction of the step that changed them. */
  @Transactional(propagation = Propagation.MANDATORY)
  void refresh(String id) {
    jdbc.sql(REFRESH + " WHERE id = ?").param(id).update();
  }

  /**
   * Gives the records assigned before the facts were kept (schema V8) their facts, with the day of their first
   * assignment in the business time zone (which {@link AssignmentRounds} records from then on); answers how many.
   */
  @Transactional
  int fillMissing() {
    List<Object[]> missing = jdbc.sql("SELECT id, first_assigned_at FROM proposal"
            + " WHERE first_assigned_at IS NOT NULL AND first_assigned_on IS NULL")
        .query((rs, row) -> new Object[] {
            LocalDate.ofInstant(Rows.instant(rs, "first_assigned_at"), clock.getZone()), rs.getString("id")})
        .list();
    for (Object[] row : missing) {
      jdbc.sql("UPDATE proposal SET first_assigned_on = ?, " + FACTS + " WHERE id = ?").params(row).update();
    }
    return missing.size();
  }

  /**
   * Brings every proposal's facts up to date, but not the first assignment's day: for records written without the
   * record's classes (a benchmark's), which write that day themselves.
   */
  @Transactional
  public int refreshAll() {
    return jdbc.sql(REFRESH).update();
  }
}
