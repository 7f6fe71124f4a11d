package cn.renda.proposals.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Accounts and login ({@code proposals.accounts}); README.md, "Accounts and login", explains each.
 *
 * @param passwordPolicy passwords of at least 8 characters without the user's own data (the demo profile turns it off
 *     for its password {@code demo}); the administrator's {@code ADMIN_PASSWORD} is checked at start-up
 * @param usersMayChangeEmail whether users may change their own e-mail address (administrators always may)
 * @param loginThrottle how failed logins slow down further attempts
 */
@Validated
@ConfigurationProperties("proposals.accounts")
public record AccountProperties(
    @DefaultValue("true") boolean passwordPolicy,
    @DefaultValue("false") boolean usersMayChangeEmail,
    @DefaultValue @Valid LoginThrottleSettings loginThrottle) {

  /** The property that turns the password policy on or off, read before the application context exists. */
  static final String PASSWORD_POLICY = "proposals.accounts.password-policy";

  /**
   * Failed logins are counted per user and client address; see {@link LoginThrottle}.
   *
   * @param failuresBeforeDelay failed logins of one user from one client that cost nothing; after that many, further
   *     attempts of that user from that client wait {@code firstDelay}, doubled with every further failure up to
   *     {@code maxDelay}
   * @param forgetAfter a user's failures from a client are forgotten this long after the last one (a success forgets
   *     them at once)
   * @param clientFailuresBeforeDelay failed logins from one client address for any users before it has to wait; then
   *     one more attempt per {@code clientFailureInterval} (one client trying many users)
   * @param maxRecords how many users-and-clients, and how many clients, are remembered at most (memory stays bounded
   *     under an attack; the least recently seen are forgotten first)
   */
  public record LoginThrottleSettings(
      @DefaultValue("3") @Positive int failuresBeforeDelay,
      @DefaultValue("10s") Duration firstDelay,
      @DefaultValue("15m") Duration maxDelay,
      @DefaultValue("24h") Duration forgetAfter,
      @DefaultValue("20") @Positive int clientFailuresBeforeDelay,
      @DefaultValue("1m") Duration clientFailureInterval,
      @DefaultValue("10000") @Positive int maxRecords) {

    public LoginThrottleSettings {
      if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
          || forgetAfter.compareTo(maxDelay) < 0 || clientFailureInterval.isNegative()
              || clientFailureInterval.isZero()) {
        throw new IllegalArgumentException("proposals.accounts.login-throttle: need 0 < first-delay <= max-delay"
            + " <= forget-after and client-failure-interval > 0");
      }
    }
  }
}
