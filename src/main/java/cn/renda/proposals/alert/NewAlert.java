package cn.renda.proposals.alert;

import java.time.LocalDate;
import java.util.List;

/**
 * An alert to raise: about a proposal, or (without one) about a topic of the application.
 *
 * @param proposalId the proposal it is about, or null for an alert about a {@code topic}
 * @param subject the agency whose work it is about (for a topic: what it is about)
 * @param deadline the deadline it is about
 * @param repetition 0 for the alert at the deadline, 1 for the first weekly repetition, …
 * @param recipients the groups that receive it
 * @param topic what an alert without a proposal is about (e.g. {@code calendar}); null for a proposal's alert
 */
public record NewAlert(
    String proposalId,
    AlertKind kind,
    String subject,
    LocalDate deadline,
    int repetition,
    List<String> recipients,
    String message,
    String topic) {

  /** An alert about a proposal. */
  public NewAlert(String proposalId, AlertKind kind, String subject, LocalDate deadline, int repetition,
      List<String> recipients, String message) {
    this(proposalId, kind, subject, deadline, repetition, recipients, message, null);
  }

  /**
   * An alert about a topic of the application, once per topic, kind, deadline and repetition.
   *
   * @param subject what it is about, in words (e.g. 2027年节假日安排)
   */
  public static NewAlert about(String topic, String subject, AlertKind kind, LocalDate deadline, int repetition,
      List<String> recipients, String message) {
    return new NewAlert(null, kind, subject, deadline, repetition, recipients, message, topic);
  }
}
