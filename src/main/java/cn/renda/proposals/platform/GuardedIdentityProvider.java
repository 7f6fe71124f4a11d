package cn.renda.proposals.platform;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's database identity provider with the application's account rules. Every identity call of the engine
 * goes through it (Java, engine-rest, the webapps' API), so the rules hold whichever way a change comes in.
 *
 * <ul>
 *   <li><b>Passwords</b> are checked only when the {@link LoginGuard} allows it. Camunda's own per-user lock (columns
 *       {@code ATTEMPTS_} and {@code LOCK_EXP_TIME_} of {@code ACT_ID_USER}) is never used: it counts the failures of
 *       everyone together, so anybody who knows a user id could keep that user out, from anywhere, with a few wrong
 *       passwords.
 * </ul>
 */
class GuardedIdentityProvider extends DbIdentityServiceProvider {

  private final LoginGuard guard;

  GuardedIdentityProvider(LoginGuard guard) {
    this.guard = guard;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId == null || password == null) {
      return false;
    }
    if (!guard.mayCheckPassword(userId)) {
      return false;
    }
    UserEntity user = findUserById(userId);
    boolean matched = user != null && matchPassword(password, user);
    guard.passwordChecked(userId, matched);
    return matched;
  }
}
