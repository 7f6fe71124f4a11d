package cn.renda.proposals.proposal;

/** A co-signer's answer to the co-signing (附议确认) of a proposal. */
public enum CoSignatureAnswer implements Labelled {
  /** Asked, not answered yet. */
  PENDING("待确认"),
  CONFIRMED("已确认附议"),
  DECLINED("不同意附议"),
  /** The window closed before the co-signer answered: not a co-signer of the proposal. */
  NO_ANSWER("逾期未确认"),
  /** Signed on the paper the congress office registered. */
  ON_PAPER("纸质联名（已确认）");

  private final String label;

  CoSignatureAnswer(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** Whether the deputy stands behind the proposal: confirmed online or signed on paper. */
  public boolean counts() {
    return this == CONFIRMED || this == ON_PAPER;
  }
}
