package cn.renda.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.identity.AccountProperties.LoginThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic and its memory bound, on a clock of the test's own (no application needed). */
class LoginThrottleRulesTest {

  private final MovableClock clock = new MovableClock();

  private static LoginThrottleSettings settings(int maxRecords) {
    return new LoginThrottleSettings(3, Duration.ofSeconds(10), Duration.ofMinutes(15), Duration.ofHours(24), 20,
        Duration.ofMinutes(1), maxRecords);
  }

  @AfterEach
  void leave() {
    LoginThrottle.leave();
  }

  @Test
  void shouldDoubleTheDelayUpToItsCap() {
    LoginThrottle throttle = new LoginThrottle(settings(100), clock);

    assertThat(throttle.delayAfter(3)).isEqualTo(Duration.ofSeconds(10));
    assertThat(throttle.delayAfter(4)).isEqualTo(Duration.ofSeconds(20));
    assertThat(throttle.delayAfter(9)).isEqualTo(Duration.ofSeconds(640));
    assertThat(throttle.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
    assertThat(throttle.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void shouldGiveAPersistentAttackerAtMostOneAttemptPerCappedDelay() {
    LoginThrottle throttle = new LoginThrottle(settings(100), clock);
    LoginThrottle.enter("203.0.113.1");
    int checked = 0;
    // a day of trying as fast as allowed
    for (Instant end = clock.instant().plus(Duration.ofDays(1)); clock.instant()
        .isBefore(end); clock.move(Duration.ofSeconds(1))) {
      if (throttle.mayCheckPassword("admin")) {
        checked++;
        throttle.passwordChecked("admin", false);
      }
    }
    // three free, then 10 s, 20 s … up to 15 minutes: about 4 an hour
    assertThat(checked).isBetween(90, 110);
  }

  @Test
  void shouldForgetFailuresADayAfterTheLastOne() {
    LoginThrottle throttle = new LoginThrottle(settings(100), clock);
    LoginThrottle.enter("203.0.113.2");
    for (int i = 0; i < 3; i++) {
      throttle.passwordChecked("zfw-handler", false);
    }
    assertThat(throttle.mayCheckPassword("zfw-handler")).isFalse();
    assertThat(LoginThrottle.refusal()).isEqualTo(Duration.ofSeconds(10));

    clock.move(Duration.ofHours(24).plusSeconds(1));

    assertThat(throttle.mayCheckPassword("zfw-handler")).isTrue();
    throttle.passwordChecked("zfw-handler", false);
    // counted from one again: two more free failures
    assertThat(throttle.mayCheckPassword("zfw-handler")).isTrue();
  }

  @Test
  void shouldStayWithinItsMemoryBoundAndKeepTheActiveAttacker() {
    LoginThrottle throttle = new LoginThrottle(settings(100), clock);
    // an attacker keeps failing for admin while a botnet floods the tables with new users and addresses
    for (int i = 0; i < 10_000; i++) {
      LoginThrottle.enter("198.18." + (i / 250) + "." + (i % 250));
      throttle.passwordChecked("user-" + i, false);
      if (i % 50 == 0) {
        LoginThrottle.enter("203.0.113.3");
        if (throttle.mayCheckPassword("admin")) {
          throttle.passwordChecked("admin", false);
        }
      }
    }

    assertThat(throttle.remembered()).isLessThanOrEqualTo(200);
    LoginThrottle.enter("203.0.113.3");
    assertThat(throttle.mayCheckPassword("admin")).isFalse();
  }

  @Test
  void shouldCountUserIdsWithoutRegardToCase() {
    LoginThrottle throttle = new LoginThrottle(settings(100), clock);
    LoginThrottle.enter("203.0.113.4");
    throttle.passwordChecked("Admin", false);
    throttle.passwordChecked("ADMIN", false);
    throttle.passwordChecked("admin", false);

    assertThat(throttle.mayCheckPassword("admin")).isFalse();
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-03-02T01:00:00Z");

    void move(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
