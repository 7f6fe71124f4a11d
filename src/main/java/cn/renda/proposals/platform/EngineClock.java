package cn.renda.proposals.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock is the engine's clock, so that moving the engine's time (tests, simulations) moves every
 * date the application computes. The only use of the engine's internal clock API.
 */
public final class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  /** Moves the engine's clock (demo data recorded at historical dates; tests use the engine API directly). */
  public static void travelTo(Instant instant) {
    ClockUtil.setCurrentTime(java.util.Date.from(instant));
  }

  /** Back to real time. */
  public static void backToNow() {
    ClockUtil.reset();
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
