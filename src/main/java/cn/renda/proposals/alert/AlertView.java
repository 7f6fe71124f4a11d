package cn.renda.proposals.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An alert as its readers see it.
 *
 * @param subject the agency whose work it is about, and {@code subjectName} its name
 * @param recipients the groups it is addressed to
 * @param daysOverdue for overdue alerts: days past the deadline, today (open) or when acknowledged
 * @param deliveries how its notification went out (mail, webhook)
 */
public record AlertView(
    String id,
    String proposalId,
    Integer caseNumber,
    String title,
    AlertKind kind,
    String kindLabel,
    String subject,
    String subjectName,
    LocalDate deadline,
    int repetition,
    List<String> recipients,
    String message,
    Instant raisedAt,
    boolean open,
    String acknowledgedBy,
    Instant acknowledgedAt,
    Long daysOverdue,
    List<Delivery> deliveries) {

  /** One delivery of the alert's notification. */
  public record Delivery(Channel channel, DeliveryStatus status, int attempts, Instant sentAt) {}
}
