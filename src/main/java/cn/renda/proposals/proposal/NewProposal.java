package cn.renda.proposals.proposal;

import java.util.List;

/** A submission as received (DESIGN.md: {@code {kind, session, title, content, leadDeputy, coSigners}}). */
public record NewProposal(
    ProposalKind kind, String session, String title, String content, String leadDeputy, List<String> coSigners) {

  public NewProposal {
    coSigners = coSigners == null ? List.of() : List.copyOf(coSigners);
  }
}
