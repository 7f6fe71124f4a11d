package cn.renda.proposals.proposal;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which proposals the handling figures are made of: one session's proposals that were assigned (交办), optionally of
 * one kind and priority and first assigned within a range of days; null means "any".
 *
 * @param assignedFrom first day of the first assignment (交办), inclusive
 * @param assignedTo last day of the first assignment, inclusive
 * @param agencies only the figures of these agencies (null: every agency)
 * @param today the day "overdue" is judged on
 */
public record HandlingFilter(String session, ProposalKind kind, Priority priority, LocalDate assignedFrom,
    LocalDate assignedTo, Set<String> agencies, LocalDate today) {

  public HandlingFilter {
    agencies = agencies == null ? null : Set.copyOf(agencies);
  }

  /** The same proposals, for these agencies only. */
  public HandlingFilter forAgencies(Set<String> codes) {
    return new HandlingFilter(session, kind, priority, assignedFrom, assignedTo, codes, today);
  }
}
