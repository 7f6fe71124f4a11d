package cn.renda.proposals.proposal;

import java.util.List;

/** A submission as received (DESIGN.md: {@code {kind, session, title, content, leadDeputy, coSigners}}). */
public record NewProposal(
    ProposalKind kind, String session, String title, String content, String leadDeputy, List<String> coSigners) {

  // the fields by name, as the API, the start form and refusals name them
  public static final String KIND = "kind";
  public static final String SESSION = "session";
  public static final String TITLE = "title";
  public static final String CONTENT = "content";
  public static final String LEAD_DEPUTY = "leadDeputy";
  public static final String CO_SIGNERS = "coSigners";

  public NewProposal {
    coSigners = coSigners == null ? List.of() : List.copyOf(coSigners);
  }

  /** The lead deputy first, then the co-signers. */
  public List<String> deputies() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(leadDeputy), coSigners.stream()).toList();
  }
}
