package cn.renda.proposals.proposal;

import cn.renda.proposals.platform.Actors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Requests for more time (延期申请) and the government office's decisions on them. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Extensions {

  /** A request; {@code decision} is null while it waits. */
  public record Extension(String reason, LocalDate requestedUntil, LocalDate previousDue, ExtensionDecision decision,
      String decisionComment, Instant requestedAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ProposalRecords records;
  private final Timeline timeline;
  private final HandlingFacts facts;

  public Extensions(JdbcClient jdbc, Clock clock, ProposalRecords records, Timeline timeline, HandlingFacts facts) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.records = records;
    this.timeline = timeline;
    this.facts = facts;
  }

  /** The lead agency asks for the reply deadline to move to {@code until}. */
  public void request(String id, String reason, LocalDate until, String actor) {
    ProposalRecord record = records.require(id, EnumSet.of(ProposalStatus.DRAFTING, ProposalStatus.REHANDLING),
        "request an extension", "申请延期");
    int number = jdbc.sql("SELECT COALESCE(MAX(request_no), 0) + 1 FROM extension_request WHERE proposal_id = ?")
        .param(id)
        .query(Integer.class)
        .single();
    jdbc.sql("""
            INSERT INTO extension_request (id, proposal_id, request_no, reason, requested_until, previous_due,
                                           requested_by, requested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), id, number, reason, until, record.replyDue(), actor,
            Rows.at(clock.instant()))
        .update();
    facts.refresh(id);
    timeline.add(id, actor, TimelineAction.EXTENSION_REQUESTED, "申请延期至 " + Texts.day(until) + "：" + reason);
  }

  /** 延期审批: the pending request is approved or rejected. */
  public void decide(String id, ExtensionDecision decision, String comment, String actor) {
    records.require(id, EnumSet.of(ProposalStatus.EXTENSION_REQUESTED), "decide on an extension", "审批延期");
    int updated = jdbc.sql("""
            UPDATE extension_request SET decision = ?, decided_by = ?, decided_at = ?, decision_comment = ?
            WHERE proposal_id = ? AND decision IS NULL""")
        .params(decision.name(), actor, Rows.at(clock.instant()), comment, id)
        .update();
    if (updated != 1) {
      throw new RecordStateException("No pending extension request of proposal " + id, "没有待审批的延期申请。");
    }
    facts.refresh(id);
    timeline.add(id, actor,
        decision == ExtensionDecision.APPROVE ? TimelineAction.EXTENSION_APPROVED : TimelineAction.EXTENSION_REJECTED,
        comment);
  }

  /** The approved request takes effect: the reply deadline moves to the date asked for. Answers the new deadline. */
  public LocalDate extendReplyDeadline(String id) {
    records.require(id, EnumSet.of(ProposalStatus.EXTENSION_REQUESTED), "extend the reply deadline", "延长答复期限");
    Extension approved = latest(id)
        .filter(extension -> extension.decision() == ExtensionDecision.APPROVE)
        .orElseThrow(() -> new RecordStateException("No approved extension for proposal " + id, "没有已批准的延期申请。"));
    // the date approved is the deadline as chosen: it moves with the calendar only if it becomes a day off
    jdbc.sql("UPDATE proposal SET reply_due = ?, reply_due_nominal = ? WHERE id = ?")
        .params(approved.requestedUntil(), approved.requestedUntil(), id)
        .update();
    timeline.add(id, Actors.SYSTEM, TimelineAction.DEADLINE_EXTENDED, "答复期限延长至 "
        + Texts.day(approved.requestedUntil()));
    return approved.requestedUntil();
  }

  /** The most recent request, decided or not. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Optional<Extension> latest(String id) {
    return jdbc.sql("SELECT * FROM extension_request WHERE proposal_id = ? ORDER BY request_no DESC")
        .param(id)
        .query((rs, row) -> new Extension(rs.getString("reason"), rs.getObject("requested_until", LocalDate.class),
            rs.getObject("previous_due", LocalDate.class), Rows.enumOrNull(ExtensionDecision.class, rs, "decision"),
            rs.getString("decision_comment"), Rows.instant(rs, "requested_at")))
        .stream()
        .findFirst();
  }
}
