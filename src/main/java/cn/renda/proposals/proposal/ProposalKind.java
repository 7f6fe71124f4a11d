package cn.renda.proposals.proposal;

/** 议案 (formal motion) or 建议 (suggestion, criticism or opinion). */
public enum ProposalKind implements Labelled {
  MOTION("议案"),
  SUGGESTION("建议");

  private final String label;

  ProposalKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
