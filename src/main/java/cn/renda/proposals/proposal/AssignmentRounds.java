package cn.renda.proposals.proposal;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.calendar.DueDay;
import cn.renda.proposals.jdbc.TransactionReads;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assignment rounds (交办) of a proposal: one lead agency and its co-agencies per round, and the lead agency's
 * answer (签收 or 退回). A dispute leads to a new round; the record's main row names the current one.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class AssignmentRounds {

  /** An agency of a round, in the order given (the lead agency first). */
  public record Assigned(String agencyCode, AgencyRole role) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ProposalRecords records;
  private final CoOpinions coOpinions;
  private final Timeline timeline;
  private final AgencyDirectory agencies;

  public AssignmentRounds(JdbcClient jdbc, Clock clock, ProposalRecords records, CoOpinions coOpinions,
      Timeline timeline, AgencyDirectory agencies) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.records = records;
    this.coOpinions = coOpinions;
    this.timeline = timeline;
    this.agencies = agencies;
  }

  /**
   * Records a new round (交办). The reply deadline is set by the caller: on the first assignment, and kept on later
   * rounds (a dispute does not stop the clock) unless a new one is given.
   */
  public void assign(String id, String leadAgency, List<String> coAgencies, String replyIssuer, DueDay replyDue,
      DueDay coOpinionDue, String actor) {
    ProposalRecord record = records.require(id, EnumSet.of(ProposalStatus.ASSIGNING), "assign it", "交办");
    int round = record.assignmentRound() + 1;
    Instant at = clock.instant();
    insert(id, round, leadAgency, AgencyRole.LEAD, 0, actor, at);
    int position = 1;
    for (String coAgency : coAgencies) {
      insert(id, round, coAgency, AgencyRole.CO, position++, actor, at);
    }
    jdbc.sql("""
            UPDATE proposal SET assignment_round = ?, lead_agency = ?, reply_issuer = ?, assigned_at = ?,
                                first_assigned_at = COALESCE(first_assigned_at, ?),
                                first_assigned_on = COALESCE(first_assigned_on, ?),
                                reply_due = ?, reply_due_nominal = ?, co_opinion_due = ?, co_opinion_due_nominal = ?
            WHERE id = ?""")
        .params(round, leadAgency, replyIssuer, Rows.at(at), Rows.at(at), LocalDate.ofInstant(at, clock.getZone()),
            replyDue.day(), replyDue.nominal(),
            coOpinionDue.day(), coOpinionDue.nominal(), id)
        .update();
    String detail = "主办单位：" + agencies.nameOf(leadAgency)
        + (coAgencies.isEmpty() ? "" : "；协办单位：" + names(coAgencies)) + "；答复期限：" + Texts.day(replyDue.day());
    timeline.add(id, actor, TimelineAction.ASSIGNED, detail);
  }

  /**
   * The lead agency takes the assignment (签收), explicitly or by letting the dispute window pass: the co-agencies
   * are asked for their opinions.
   */
  public void accept(String id, boolean tacitly, String actor) {
    ProposalRecord record = records.require(id, EnumSet.of(ProposalStatus.AWAITING_ACCEPTANCE), "accept the assignment",
        "签收");
    coOpinions.open(id, record.assignmentRound(), coAgencies(id, record.assignmentRound()), record.coOpinionDue());
    timeline.add(id, actor, tacitly ? TimelineAction.ASSIGNMENT_ACCEPTED_TACITLY : TimelineAction.ASSIGNMENT_ACCEPTED,
        agencies.nameOf(record.leadAgency()));
  }

  /** The lead agency gives the assignment back (退回) with a reason: the government office assigns it again. */
  public void dispute(String id, String reason, String actor) {
    records.require(id, EnumSet.of(ProposalStatus.AWAITING_ACCEPTANCE), "dispute the assignment", "退回交办");
    timeline.add(id, actor, TimelineAction.DISPUTED, reason);
  }

  /** The agencies of a round: the lead agency first, then the co-agencies in the order given. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<Assigned> of(String id, int round) {
    // asked by several listeners and rules of one completion: read once per transaction until it assigns again
    return TransactionReads.read(new RoundRead(id, round), ROUND_TABLES, () -> List.copyOf(jdbc.sql("""
            SELECT agency_code, role FROM proposal_agency WHERE proposal_id = ? AND round = ? ORDER BY position""")
        .params(id, round)
        .query((rs, row) -> new Assigned(rs.getString("agency_code"), AgencyRole.valueOf(rs.getString("role"))))
        .list()));
  }

  private static final Set<String> ROUND_TABLES = Set.of("proposal_agency");

  private record RoundRead(String id, int round) {}

  /** The co-agencies of a round, in the order given. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<String> coAgencies(String id, int round) {
    return of(id, round).stream().filter(a -> a.role() == AgencyRole.CO).map(Assigned::agencyCode).toList();
  }

  /** The co-agencies of the proposal's current round. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<String> currentCoAgencies(ProposalRecord record) {
    return coAgencies(record.id(), record.assignmentRound());
  }

  private void insert(String id, int round, String agency, AgencyRole role, int position, String actor, Instant at) {
    jdbc.sql("""
            INSERT INTO proposal_agency (proposal_id, round, agency_code, role, position, assigned_by, assigned_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, round, agency, role.name(), position, actor, Rows.at(at))
        .update();
  }

  private String names(List<String> codes) {
    return codes.stream().map(agencies::nameOf).collect(Collectors.joining("、"));
  }
}
