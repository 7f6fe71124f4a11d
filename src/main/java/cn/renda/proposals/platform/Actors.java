package cn.renda.proposals.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who takes the current step: the authenticated user, or the system for timers and silence rules. */
@Component
public class Actors {

  /** The actor of steps the engine takes by itself (timers, silence rules). */
  public static final String SYSTEM = "system";

  private final IdentityService identityService;

  public Actors(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String current() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null
        ? SYSTEM
        : authentication.getUserId();
  }

  /**
   * Runs an engine call with the system's authority: our own API has already decided that the caller may do what
   * it asks (e.g. a deputy submitting), which the engine's per-user grants do not express.
   */
  public <T> T asSystem(java.util.function.Supplier<T> call) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
