package cn.renda.proposals.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the parts of a proposal's record beside its main row: co-opinions, reply versions, feedback, extension
 * requests and progress reports. Read-only; callers decide who may see what (a co-agency never sees another
 * co-agency's opinion).
 */
@Service
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class RecordDetails {

  /** A co-agency's opinion of one assignment round; {@code status} OPEN, SUBMITTED or LATE. */
  public record CoOpinion(String agencyCode, String status, String text, Instant submittedAt) {}

  /** A reply version with its sign-off outcome; {@code status} DRAFT, RETURNED or APPROVED. */
  public record Reply(int version, int rehandlingRound, String status, String signOffComment, Instant signedAt) {}

  public record Feedback(int round, Satisfaction satisfaction, String comment, Instant givenAt) {}

  /** The reply letter (复函) delivered to the deputies: the latest approved version with its delivery date. */
  public record Letter(String text, Classification classification, String issuerCode, LocalDate replyDate,
      String contactPerson, String contactPhone, boolean publishable) {}

  /** An extension request; {@code decision} APPROVE, REJECT or null while pending. */
  public record Extension(String reason, LocalDate requestedUntil, LocalDate previousDue, String decision,
      String decisionComment, Instant requestedAt) {}

  public record ProgressReport(String report, boolean resolved, LocalDate due, String reportedBy, Instant reportedAt) {}

  private final JdbcClient jdbc;

  public RecordDetails(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The co-opinions of an assignment round, in the order the co-agencies were assigned. */
  public List<CoOpinion> coOpinions(String id, int round) {
    return jdbc.sql("""
            SELECT o.agency_code, o.status, o.text, o.submitted_at
            FROM co_opinion o
            JOIN proposal_agency a ON a.proposal_id = o.proposal_id AND a.round = o.round AND a.agency_code = o.agency_code
            WHERE o.proposal_id = ? AND o.round = ?
            ORDER BY a.position""")
        .params(id, round)
        .query((rs, row) -> new CoOpinion(rs.getString("agency_code"), rs.getString("status"), rs.getString("text"),
            ProposalRecords.instant(rs, "submitted_at")))
        .list();
  }

  /** The letter delivered last, if a reply was delivered. */
  public Optional<Letter> deliveredReply(String id) {
    return jdbc.sql("""
            SELECT text, classification, issuer_code, reply_date, contact_person, contact_phone, publishable
            FROM reply WHERE proposal_id = ? AND status = 'APPROVED' AND reply_date IS NOT NULL
            ORDER BY version DESC""")
        .param(id)
        .query((rs, row) -> new Letter(rs.getString("text"), Classification.valueOf(rs.getString("classification")),
            rs.getString("issuer_code"), rs.getObject("reply_date", LocalDate.class), rs.getString("contact_person"),
            rs.getString("contact_phone"), rs.getBoolean("publishable")))
        .stream()
        .findFirst();
  }

  /** Every reply version, oldest first. */
  public List<Reply> replies(String id) {
    return jdbc.sql("""
            SELECT version, rehandling_round, status, sign_off_comment, signed_at FROM reply
            WHERE proposal_id = ? ORDER BY version""")
        .param(id)
        .query((rs, row) -> new Reply(rs.getInt("version"), rs.getInt("rehandling_round"), rs.getString("status"),
            rs.getString("sign_off_comment"), ProposalRecords.instant(rs, "signed_at")))
        .list();
  }

  /** The deputy's feedback on each delivered reply, first round first. */
  public List<Feedback> feedback(String id) {
    return jdbc.sql("SELECT round, satisfaction, comment, given_at FROM feedback WHERE proposal_id = ? ORDER BY round")
        .param(id)
        .query((rs, row) -> new Feedback(rs.getInt("round"), Satisfaction.valueOf(rs.getString("satisfaction")),
            rs.getString("comment"), ProposalRecords.instant(rs, "given_at")))
        .list();
  }

  /** The most recent extension request, decided or not. */
  public Optional<Extension> latestExtension(String id) {
    return jdbc.sql("""
            SELECT reason, requested_until, previous_due, decision, decision_comment, requested_at
            FROM extension_request WHERE proposal_id = ? ORDER BY requested_at DESC""")
        .param(id)
        .query((rs, row) -> new Extension(rs.getString("reason"), rs.getObject("requested_until", LocalDate.class),
            rs.getObject("previous_due", LocalDate.class), rs.getString("decision"), rs.getString("decision_comment"),
            ProposalRecords.instant(rs, "requested_at")))
        .stream()
        .findFirst();
  }

  /** The follow-up reports of a B reply, oldest first. */
  public List<ProgressReport> progressReports(String id) {
    return jdbc.sql("""
            SELECT report, resolved, due, reported_by, reported_at FROM progress_report
            WHERE proposal_id = ? ORDER BY reported_at""")
        .param(id)
        .query((rs, row) -> new ProgressReport(rs.getString("report"), rs.getBoolean("resolved"),
            rs.getObject("due", LocalDate.class), rs.getString("reported_by"),
            ProposalRecords.instant(rs, "reported_at")))
        .list();
  }
}
