package cn.renda.proposals.platform;

import cn.renda.proposals.calendar.CalendarProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** One clock for the whole application: the engine's, in the business time zone. */
  @Bean
  Clock clock(CalendarProperties calendar) {
    return new EngineClock(calendar.zone());
  }
}
