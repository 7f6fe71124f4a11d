package cn.renda.proposals.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals received on paper (纸质登记): the paper register number (登记号), unique per session, and the co-signatures
 * confirmed on paper. A paper submission needs no online co-signing (附议确认): its signatures are on the sheet.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PaperRegistrations {

  /** What the paper says beside the submission: its register number and the day the office received it. */
  public record PaperSubmission(String registerNumber, LocalDate receivedOn) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Timeline timeline;

  public PaperRegistrations(JdbcClient jdbc, Clock clock, Timeline timeline) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.timeline = timeline;
  }

  /** Records the new submission {@code id} as received on paper, each co-signature as confirmed on that day. */
  public void register(String id, String session, PaperSubmission paper, List<String> coSigners, String actor) {
    jdbc.sql("""
            INSERT INTO paper_registration (proposal_id, session_code, register_number, received_on, registered_by,
                                            registered_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(id, session, paper.registerNumber(), paper.receivedOn(), actor, Rows.at(clock.instant()))
        .update();
    // the co-signatures are on the sheet the office received: given on paper (the record made them so, by the
    // clerk) on the day it came in
    jdbc.sql("UPDATE proposal_co_signer SET answered_at = ? WHERE proposal_id = ? AND answer = 'ON_PAPER'")
        .params(Rows.at(paper.receivedOn().atStartOfDay(clock.getZone()).toInstant()), id)
        .update();
    timeline.add(id, actor, TimelineAction.REGISTERED_ON_PAPER, "登记号 " + paper.registerNumber()
        + (coSigners.isEmpty() ? "" : "，附议代表 " + coSigners.size() + " 名纸质签名"));
  }

  /** The register numbers of a session already registered. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Set<String> registered(String session) {
    return new HashSet<>(jdbc.sql("SELECT register_number FROM paper_registration WHERE session_code = ?")
        .param(session)
        .query(String.class)
        .list());
  }

  /** The paper register number of a proposal received on paper; empty for one submitted online. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Optional<String> registerNumber(String id) {
    return jdbc.sql("SELECT register_number FROM paper_registration WHERE proposal_id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }
}
