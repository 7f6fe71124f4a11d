package cn.renda.proposals.proposal;

/** Where a co-agency's opinion of an assignment round stands. */
public enum CoOpinionStatus {
  /** Asked for, not given yet. */
  OPEN,
  SUBMITTED,
  /** The deadline passed without it; drafting went on. */
  LATE
}
