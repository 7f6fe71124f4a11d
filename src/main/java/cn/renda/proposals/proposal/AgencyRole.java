package cn.renda.proposals.proposal;

/** The part an agency plays in an assignment round. */
public enum AgencyRole {
  /** 主办单位. */
  LEAD,
  /** 协办单位. */
  CO
}
