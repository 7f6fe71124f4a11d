package cn.renda.proposals.proposal;

import java.time.LocalDate;

/** A reply version as drafted by the lead agency (答复拟稿). */
public record ReplyDraft(
    String text,
    Classification classification,
    CommunicationMethod communicationMethod,
    String contactPerson,
    String contactPhone,
    boolean publishable,
    LocalDate plannedResolutionDate) {}
