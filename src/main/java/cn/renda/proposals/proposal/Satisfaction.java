package cn.renda.proposals.proposal;

/** 代表评价: the deputy's opinion of a reply; NO_RESPONSE when the feedback window closed in silence. */
public enum Satisfaction implements Labelled {
  SATISFIED("满意"),
  BASICALLY_SATISFIED("基本满意"),
  DISSATISFIED("不满意"),
  NO_RESPONSE("未反馈");

  private final String label;

  Satisfaction(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
