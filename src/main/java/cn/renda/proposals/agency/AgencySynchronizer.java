package cn.renda.proposals.agency;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Brings the agency table in line with {@code proposals.agencies} at every start (idempotent). */
@Component
@Order(0)
class AgencySynchronizer implements ApplicationRunner {

  private final AgencyDirectory directory;
  private final AgencyProperties properties;

  AgencySynchronizer(AgencyDirectory directory, AgencyProperties properties) {
    this.directory = directory;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    directory.synchronize(properties.agencies());
  }
}
