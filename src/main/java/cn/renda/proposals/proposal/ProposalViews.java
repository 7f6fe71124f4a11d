package cn.renda.proposals.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the proposal API answers (JSON): a row of a list, and the full record with its parts. */
public final class ProposalViews {

  private ProposalViews() {}

  /** A coded value with its Chinese label. */
  public record Coded(String code, String label) {
    public static Coded of(Enum<?> value) {
      return value == null ? null : new Coded(value.name(), ((Labelled) value).label());
    }
  }

  public record Person(String id, String name) {}

  public record AgencyRef(String code, String name) {}

  public record Summary(
      String id,
      String session,
      Coded kind,
      Integer caseNumber,
      String title,
      Coded priority,
      Coded status,
      Person leadDeputy,
      int coSignerCount,
      AgencyRef leadAgency,
      LocalDate replyDue,
      boolean overdue,
      Instant submittedAt,
      Instant publishedAt) {}

  public record Page<T>(List<T> items, int page, int size, long total) {}

  public record Assignment(String code, String name, String role) {}

  public record Reply(
      int version,
      int rehandlingRound,
      String status,
      String text,
      Coded classification,
      Coded communicationMethod,
      String contactPerson,
      String contactPhone,
      boolean publishable,
      LocalDate plannedResolutionDate,
      AgencyRef issuer,
      String draftedBy,
      Instant draftedAt,
      String signedBy,
      Instant signedAt,
      String signOffComment,
      LocalDate replyDate) {}

  public record CoOpinion(AgencyRef agency, int round, String status, String text, LocalDate due, String submittedBy,
      Instant submittedAt) {}

  /**
   * The feedback of one round, with the deputy's account of the agency's communication beside what the agency
   * recorded; {@code communicationMismatch} is null when the deputy gave no account.
   */
  public record Feedback(int round, Coded satisfaction, String comment, String givenBy, Instant givenAt,
      Coded deputyCommunication, Coded agencyCommunication, Boolean communicationMismatch) {}

  /** A co-signer and their answer to the co-signing (附议确认). */
  public record CoSignature(Person deputy, Coded answer, Instant answeredAt, String recordedBy) {}

  public record Alert(String id, String kind, String kindLabel, AgencyRef subject, LocalDate deadline, int repetition,
      List<String> recipients, String message, Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt) {}

  public record TimelineEntry(Instant at, String actor, String action, String label, String detail) {}

  public record Detail(
      String id,
      String session,
      Coded kind,
      Coded submittedKind,
      Integer caseNumber,
      String title,
      String content,
      Coded priority,
      Coded status,
      Person leadDeputy,
      List<Person> coSigners,
      String submittedBy,
      Instant submittedAt,
      String reviewComment,
      List<Assignment> agencies,
      AgencyRef replyIssuer,
      LocalDate replyDue,
      LocalDate coOpinionDue,
      boolean overdue,
      int rehandlingRound,
      Coded satisfaction,
      Coded finalClassification,
      LocalDate progressDue,
      Instant closedAt,
      Instant publishedAt,
      List<Reply> replies,
      List<CoOpinion> coOpinions,
      List<Feedback> feedback,
      List<Alert> alerts,
      List<TimelineEntry> timeline,
      List<CoSignature> coSignatures) {

    public Detail withAlerts(List<Alert> visibleAlerts) {
      return new Detail(id, session, kind, submittedKind, caseNumber, title, content, priority, status, leadDeputy,
          coSigners, submittedBy, submittedAt, reviewComment, agencies, replyIssuer, replyDue, coOpinionDue, overdue,
          rehandlingRound, satisfaction, finalClassification, progressDue, closedAt, publishedAt, replies, coOpinions,
          feedback, List.copyOf(visibleAlerts), timeline, coSignatures);
    }
  }
}
