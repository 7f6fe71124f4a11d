package cn.renda.proposals.proposal;

/**
 * Filters of the proposal list; null means "any".
 *
 * @param agency proposals whose current assignment includes this agency (lead or co-agency)
 * @param overdue only proposals whose reply is overdue (true) or not overdue (false)
 * @param text words to find in title or content
 */
public record ProposalFilter(
    String session, ProposalKind kind, ProposalStatus status, String agency, Priority priority, Boolean overdue,
    String text) {}
