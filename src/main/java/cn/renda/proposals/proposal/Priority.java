package cn.renda.proposals.proposal;

/** 类别: key proposals (重点) are supervised by leadership; the others are 一般. */
public enum Priority implements Labelled {
  KEY("重点"),
  NORMAL("一般");

  private final String label;

  Priority(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
