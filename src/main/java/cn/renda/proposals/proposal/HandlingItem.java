package cn.renda.proposals.proposal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One proposal behind a handling figure, with the agency the figure belongs to and the facts the figures read.
 *
 * @param agencyCode the lead agency (lead figures), the co-agency (co-agency figures) or the agency that gave the
 *     assignment back (disputes)
 * @param firstReplyDate the day the first letter was delivered
 * @param firstReplyDeadline the reply deadline in force that day
 * @param classification 类别标记 of the letter delivered last
 * @param coOpinionStatus the co-agency's opinion (co-agency figures)
 */
public record HandlingItem(
    String id,
    String session,
    ProposalKind kind,
    Integer caseNumber,
    String title,
    Priority priority,
    ProposalStatus status,
    String agencyCode,
    Instant firstAssignedAt,
    LocalDate replyDue,
    LocalDate firstReplyDate,
    LocalDate firstReplyDeadline,
    Classification classification,
    CommunicationMethod communicationMethod,
    Satisfaction firstSatisfaction,
    Satisfaction satisfaction,
    Classification finalClassification,
    LocalDate progressDue,
    CoOpinionStatus coOpinionStatus,
    LocalDate coOpinionDue,
    String processInstanceId) {}
