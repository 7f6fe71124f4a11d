package cn.renda.proposals.proposal;

/** The government office's decision on a request for more time (延期审批). */
public enum ExtensionDecision implements Labelled {
  APPROVE("批准延期"),
  REJECT("不予延期");

  private final String label;

  ExtensionDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
