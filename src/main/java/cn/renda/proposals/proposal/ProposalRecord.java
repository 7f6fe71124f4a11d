package cn.renda.proposals.proposal;

import cn.renda.proposals.calendar.DueDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The main fields of a proposal's record, as stored.
 *
 * @param deputyNames the names of the lead deputy and the co-signers as recorded at submission (a user's profile may
 *     change later; the record keeps who signed it)
 * @param replyDueNominal the day the reply deadline's rule gave before it moved to a working day ({@link DueDay});
 *     null for deadlines recorded before it was kept, and so for the other two
 */
public record ProposalRecord(
    String id,
    String session,
    ProposalKind kind,
    ProposalKind submittedKind,
    Integer caseNumber,
    String title,
    String content,
    Priority priority,
    ProposalStatus status,
    String leadDeputy,
    List<String> coSigners,
    Map<String, String> deputyNames,
    String submittedBy,
    Instant submittedAt,
    String reviewComment,
    Instant firstAssignedAt,
    Instant assignedAt,
    String leadAgency,
    String replyIssuer,
    LocalDate replyDue,
    LocalDate coOpinionDue,
    int assignmentRound,
    int rehandlingRound,
    Instant repliedAt,
    Satisfaction satisfaction,
    Classification finalClassification,
    LocalDate progressDue,
    Instant closedAt,
    boolean publishable,
    Instant publishedAt,
    long viewCount,
    String processInstanceId,
    LocalDate replyDueNominal,
    LocalDate coOpinionDueNominal,
    LocalDate progressDueNominal) {

  /** The reply deadline with the day its rule gave (the deadline itself when that is not known). */
  public DueDay replyDueDay() {
    return dueDay(replyDueNominal, replyDue);
  }

  public DueDay coOpinionDueDay() {
    return dueDay(coOpinionDueNominal, coOpinionDue);
  }

  public DueDay progressDueDay() {
    return dueDay(progressDueNominal, progressDue);
  }

  private static DueDay dueDay(LocalDate nominal, LocalDate due) {
    return due == null ? null : new DueDay(nominal == null ? due : nominal, due);
  }

  /** The same record in another status: what a status change alone makes of it. */
  ProposalRecord withStatus(ProposalStatus status) {
    return new ProposalRecord(id, session, kind, submittedKind, caseNumber, title, content, priority, status,
        leadDeputy, coSigners, deputyNames, submittedBy, submittedAt, reviewComment, firstAssignedAt, assignedAt,
        leadAgency, replyIssuer, replyDue, coOpinionDue, assignmentRound, rehandlingRound, repliedAt, satisfaction,
        finalClassification, progressDue, closedAt, publishable, publishedAt, viewCount, processInstanceId,
        replyDueNominal, coOpinionDueNominal, progressDueNominal);
  }

  /** Deputies of the proposal: the lead deputy first, then the co-signers. */
  public List<String> deputies() {
    return Stream.concat(Stream.of(leadDeputy), coSigners.stream()).toList();
  }

  /** A deputy's name as recorded, or the user id for a deputy recorded without one. */
  public String nameOf(String deputy) {
    String name = deputyNames.get(deputy);
    return name == null || name.isBlank() ? deputy : name;
  }
}
