package cn.renda.proposals.statistics;

import cn.renda.proposals.proposal.Priority;
import cn.renda.proposals.proposal.ProposalKind;
import java.time.LocalDate;

/**
 * What the figures are asked for: a session, and optionally a kind, a priority and the days of the first assignment
 * (交办), both inclusive. Checked by the controller before it gets here.
 */
public record StatisticsQuery(String session, ProposalKind kind, Priority priority, LocalDate assignedFrom,
    LocalDate assignedTo) {}
