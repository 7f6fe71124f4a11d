package cn.renda.proposals.alert;

/** Where a delivery stands. */
public enum DeliveryStatus {
  /** Waiting for its job: not tried yet, or tried and waiting for the next attempt. */
  PENDING,
  SENT,
  /** Written to the log (no mail server configured). */
  LOGGED,
  /** Every attempt failed: an incident in Cockpit; "retry" there makes it PENDING again. */
  FAILED,
  /** Nobody to send it to (no member of the group has a mail address): nothing to retry. */
  UNDELIVERABLE
}
