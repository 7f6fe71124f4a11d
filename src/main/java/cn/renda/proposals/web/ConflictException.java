package cn.renda.proposals.web;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A request that does not fit the current state of what it changes (someone acted on a state that is no longer, or
 * never was, the current one). Nothing is stored; every API answers 409. It is an engine exception so that a task
 * listener may throw it through the engine, but deliberately not the engine's optimistic-locking exception, which the
 * job executor would retry forever.
 */
public class ConflictException extends ProcessEngineException {

  private final String messageZh;

  public ConflictException(String messageEn, String messageZh) {
    super(messageEn);
    this.messageZh = messageZh;
  }

  public String messageZh() {
    return messageZh;
  }

  /** Finds the conflict behind an exception, however deep the engine wrapped it. */
  public static ConflictException findIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ConflictException conflict) {
        return conflict;
      }
    }
    return null;
  }
}
