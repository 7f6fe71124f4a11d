package cn.renda.proposals.proposal;

import cn.renda.proposals.identity.CurrentUser;
import java.util.List;
import java.util.Set;

/**
 * What a caller may see of one proposal (DESIGN.md, "Roles"): the offices everything; the lead agency its own work
 * (all its reply versions, the co-opinions addressed to it); a co-agency its own opinion and the delivered reply; the
 * deputies of the proposal its public course (delivered replies, feedback, the steps that are not internal). Anyone
 * else sees nothing, and is answered 404 so that ids cannot be probed.
 */
public record ProposalAccess(boolean office, boolean leadAgency, Set<String> ownAgencies, boolean coAgency,
    boolean deputy) {

  public static ProposalAccess of(CurrentUser user, ProposalRecord record, List<String> currentCoAgencies) {
    Set<String> agencies = user.agencyCodes();
    boolean lead = record.leadAgency() != null && agencies.contains(record.leadAgency());
    boolean co = currentCoAgencies.stream().anyMatch(agencies::contains);
    boolean deputy = record.deputies().contains(user.id());
    return new ProposalAccess(user.seesEverything(), lead, agencies, co, deputy);
  }

  public boolean any() {
    return office || leadAgency || coAgency || deputy;
  }

  /** Reply drafts, returned versions, co-opinions of all co-agencies, dispute reasons, alerts of all kinds. */
  public boolean seesInternals() {
    return office || leadAgency;
  }
}
