package cn.renda.proposals.platform;

import java.time.Instant;

/**
 * Delivers what the application recorded for later delivery (the notification outbox). {@link DeliveryJobs} runs one
 * engine job per delivery and calls this bean; the bean lives in its feature, so that the engine glue does not know
 * what is being delivered.
 */
public interface DeliveryWorker {

  /**
   * Delivers it, in the transaction of the job: what it writes commits when the job completes. Throws when the
   * delivery failed, so that the job is retried.
   */
  void deliver(String deliveryId);

  /**
   * An attempt failed, in the transaction in which the engine records the failure. {@code retriesLeft} 0 means it was
   * the last attempt and the job has become an incident.
   */
  void attemptFailed(String deliveryId, String error, int retriesLeft, Instant nextAttemptAt);

  /** An operator gave the failed delivery new retries (Cockpit: "retry" on the incident). */
  void retriedByOperator(String deliveryId);

  /**
   * The waits between attempts, in the engine's retry notation: ISO durations separated by commas (one more attempt
   * than durations, e.g. {@code PT1M,PT5M}: three attempts) or {@code R5/PT1M} (five attempts a minute apart).
   */
  String retryIntervals();
}
