package cn.renda.proposals.alert;

import java.time.LocalDate;
import java.util.List;

/**
 * An alert to raise.
 *
 * @param subject the agency whose work it is about
 * @param deadline the deadline it is about
 * @param repetition 0 for the alert at the deadline, 1 for the first weekly repetition, …
 * @param recipients the groups that receive it
 */
public record NewAlert(
    String proposalId,
    AlertKind kind,
    String subject,
    LocalDate deadline,
    int repetition,
    List<String> recipients,
    String message) {}
