package cn.renda.proposals.proposal;

/**
 * The deputy's own account (in 代表评价) of how the agency communicated with them before replying, beside the
 * agency's {@link CommunicationMethod}: the same methods, or none at all.
 */
public enum DeputyCommunication implements Labelled {
  FACE_TO_FACE("面商"),
  MEETING("座谈"),
  VISIT("走访"),
  PHONE("电话"),
  WRITTEN("书面"),
  NONE("未沟通");

  private final String label;

  DeputyCommunication(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** Whether the deputy's account agrees with what the agency recorded. */
  public boolean agreesWith(CommunicationMethod recorded) {
    return recorded != null && recorded.name().equals(name());
  }
}
