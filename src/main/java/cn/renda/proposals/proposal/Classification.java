package cn.renda.proposals.proposal;

/** 类别标记 of a reply, with the legend printed under every public record. */
public enum Classification implements Labelled {
  A("所提议案建议被采纳,有关问题已解决"),
  B("所提议案建议被采纳,有关问题正在解决或列入计划逐步解决"),
  C("所提议案建议问题因条件、政策所限,近期尚不能解决"),
  D("所提议案建议未被采纳或留作参考");

  private final String label;

  Classification(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
