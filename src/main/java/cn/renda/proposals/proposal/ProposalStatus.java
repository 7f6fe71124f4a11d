package cn.renda.proposals.proposal;

/** Where a proposal stands; kept by the process steps in the same transaction as the step. */
public enum ProposalStatus implements Labelled {
  SUBMITTED("待审查"),
  REJECTED("不予立案"),
  ASSIGNING("待交办"),
  AWAITING_ACCEPTANCE("待签收"),
  CO_OPINIONS("协办中"),
  DRAFTING("答复拟稿"),
  EXTENSION_REQUESTED("延期审批中"),
  SIGN_OFF("待签发"),
  AWAITING_FEEDBACK("待代表评价"),
  REHANDLING("重新办理"),
  UNDER_SUPERVISION("督办审议"),
  EVALUATION("办结评定"),
  FOLLOW_UP("跟踪落实"),
  CLOSED("已办结");

  private final String label;

  ProposalStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
