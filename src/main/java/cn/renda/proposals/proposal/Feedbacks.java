package cn.renda.proposals.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The deputy's feedback (代表评价) on each delivered reply, one per handling round. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Feedbacks {

  /** The feedback on the reply of one round; {@code givenBy} is null for silence (NO_RESPONSE). */
  public record Feedback(int round, Satisfaction satisfaction, String comment, String givenBy, Instant givenAt,
      DeputyCommunication deputyCommunication) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ProposalRecords records;
  private final Timeline timeline;
  private final HandlingFacts facts;

  public Feedbacks(JdbcClient jdbc, Clock clock, ProposalRecords records, Timeline timeline, HandlingFacts facts) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.records = records;
    this.timeline = timeline;
    this.facts = facts;
  }

  /** Records the feedback on the reply of the current round; NO_RESPONSE when the window closed in silence. */
  public void give(String id, Satisfaction satisfaction, String comment, String actor) {
    give(id, satisfaction, comment, null, actor);
  }

  /**
   * The same, with the deputy's account of how the agency communicated with them before replying ({@code null}
   * when not given: Tasklist and the API may leave it out).
   */
  public void give(String id, Satisfaction satisfaction, String comment, DeputyCommunication communication,
      String actor) {
    ProposalRecord record = records.require(id, EnumSet.of(ProposalStatus.AWAITING_FEEDBACK), "record feedback",
        "记录代表评价");
    boolean silence = satisfaction == Satisfaction.NO_RESPONSE;
    jdbc.sql("""
            INSERT INTO feedback (id, proposal_id, round, satisfaction, comment, given_by, given_at,
                                  deputy_communication)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), id, record.rehandlingRound(), satisfaction.name(), comment,
            silence ? null : actor, Rows.at(clock.instant()), communication == null ? null : communication.name())
        .update();
    jdbc.sql("UPDATE proposal SET satisfaction = ? WHERE id = ?").params(satisfaction.name(), id).update();
    facts.refresh(id);
    timeline.add(id, actor, silence ? TimelineAction.FEEDBACK_NO_RESPONSE : TimelineAction.FEEDBACK_GIVEN,
        satisfaction.label() + (comment == null || comment.isBlank() ? "" : "：" + comment));
  }

  /** The feedback of every round, first round first. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<Feedback> of(String id) {
    return jdbc.sql("SELECT * FROM feedback WHERE proposal_id = ? ORDER BY round")
        .param(id)
        .query((rs, row) -> new Feedback(rs.getInt("round"), Satisfaction.valueOf(rs.getString("satisfaction")),
            rs.getString("comment"), rs.getString("given_by"), Rows.instant(rs, "given_at"),
            Rows.enumOrNull(DeputyCommunication.class, rs, "deputy_communication")))
        .list();
  }
}
