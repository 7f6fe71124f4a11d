package cn.renda.proposals.proposal;

/** 沟通方式: how the agency talked with the deputy before replying. */
public enum CommunicationMethod implements Labelled {
  FACE_TO_FACE("面商"),
  MEETING("座谈"),
  VISIT("走访"),
  PHONE("电话"),
  WRITTEN("书面");

  private final String label;

  CommunicationMethod(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
