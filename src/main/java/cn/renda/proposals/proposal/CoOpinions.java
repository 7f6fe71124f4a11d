package cn.renda.proposals.proposal;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.platform.Actors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The co-agencies' opinions (协办意见): one per co-agency and assignment round. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class CoOpinions {

  /** A co-agency's opinion of one round. */
  public record CoOpinion(String agencyCode, int round, CoOpinionStatus status, String text, LocalDate due,
      String submittedBy, Instant submittedAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ProposalRecords records;
  private final Timeline timeline;
  private final AgencyDirectory agencies;

  public CoOpinions(JdbcClient jdbc, Clock clock, ProposalRecords records, Timeline timeline,
      AgencyDirectory agencies) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.records = records;
    this.timeline = timeline;
    this.agencies = agencies;
  }

  /** The co-agencies of a round are asked for their opinions, due on {@code due}. */
  void open(String id, int round, List<String> coAgencies, LocalDate due) {
    for (String coAgency : coAgencies) {
      jdbc.sql("INSERT INTO co_opinion (id, proposal_id, round, agency_code, status, due) VALUES (?, ?, ?, ?, ?, ?)")
          .params(UUID.randomUUID().toString(), id, round, coAgency, CoOpinionStatus.OPEN.name(), due)
          .update();
    }
  }

  /** A co-agency gives its opinion; only its own, open one of the current round. */
  public void give(String id, String agency, String text, String actor) {
    records.require(id, EnumSet.of(ProposalStatus.CO_OPINIONS), "give a co-opinion", "提出协办意见");
    close(id, agency, CoOpinionStatus.SUBMITTED, text, actor);
    timeline.add(id, actor, TimelineAction.CO_OPINION_GIVEN, agencies.nameOf(agency));
  }

  /** A co-agency's deadline passed without its opinion. */
  public void late(String id, String agency) {
    records.require(id, EnumSet.of(ProposalStatus.CO_OPINIONS), "mark a co-opinion late", "记录协办超期");
    close(id, agency, CoOpinionStatus.LATE, null, null);
    timeline.add(id, Actors.SYSTEM, TimelineAction.CO_OPINION_LATE, agencies.nameOf(agency));
  }

  private void close(String id, String agency, CoOpinionStatus status, String text, String actor) {
    int updated = jdbc.sql("""
            UPDATE co_opinion SET status = ?, text = ?, submitted_by = ?, submitted_at = ?
            WHERE proposal_id = ? AND agency_code = ? AND status = ?
              AND round = (SELECT assignment_round FROM proposal WHERE id = ?)""")
        .params(status.name(), text, actor, actor == null ? null : Rows.at(clock.instant()), id, agency,
            CoOpinionStatus.OPEN.name(), id)
        .update();
    if (updated != 1) {
      throw new RecordStateException("No open co-opinion of " + agency + " for proposal " + id,
          agencies.nameOf(agency) + "没有待提出的协办意见。");
    }
  }

  /** The opinions of a round, in the order the co-agencies were assigned. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<CoOpinion> of(String id, int round) {
    return jdbc.sql("""
            SELECT o.* FROM co_opinion o
            JOIN proposal_agency a
              ON a.proposal_id = o.proposal_id AND a.round = o.round AND a.agency_code = o.agency_code
            WHERE o.proposal_id = ? AND o.round = ?
            ORDER BY a.position""")
        .params(id, round)
        .query((rs, row) -> map(rs))
        .list();
  }

  /** Every opinion of every round, by round and agency. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<CoOpinion> all(String id) {
    return jdbc.sql("SELECT * FROM co_opinion WHERE proposal_id = ? ORDER BY round, agency_code")
        .param(id)
        .query((rs, row) -> map(rs))
        .list();
  }

  private static CoOpinion map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new CoOpinion(rs.getString("agency_code"), rs.getInt("round"),
        CoOpinionStatus.valueOf(rs.getString("status")), rs.getString("text"), rs.getObject("due", LocalDate.class),
        rs.getString("submitted_by"), Rows.instant(rs, "submitted_at"));
  }
}
