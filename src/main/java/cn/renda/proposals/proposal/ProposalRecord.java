package cn.renda.proposals.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The main fields of a proposal's record, as stored. */
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
    String processInstanceId) {

  /** Deputies of the proposal: the lead deputy first, then the co-signers. */
  public List<String> deputies() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(leadDeputy), coSigners.stream()).toList();
  }
}
