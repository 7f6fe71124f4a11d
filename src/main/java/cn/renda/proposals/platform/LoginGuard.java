package cn.renda.proposals.platform;

/**
 * Decides, for the engine's identity provider ({@link AccountRules}), whether a password may be checked at all. Every
 * login (webapps, engine-rest, our API, Java) ends in the engine's {@code checkPassword}, so this is the one place
 * that sees all attempts. The guard lives in its feature (identity), which knows where the current attempt comes from.
 */
public interface LoginGuard {

  /**
   * Whether the password of this user may be checked now. False: the attempt is refused without looking at the
   * password (and counts as a failed login for the caller).
   */
  boolean mayCheckPassword(String userId);

  /** The outcome of a password that was checked. */
  void passwordChecked(String userId, boolean matched);
}
