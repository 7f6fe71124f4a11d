package cn.renda.proposals.proposal;

/** The sign-off outcome of a reply version. */
public enum ReplyStatus {
  /** Waiting for the leader's sign-off. */
  DRAFT,
  /** Returned by the leader for changes; a new version follows. */
  RETURNED,
  /** Signed off (签发); delivered to the deputies once its reply date is set. */
  APPROVED
}
