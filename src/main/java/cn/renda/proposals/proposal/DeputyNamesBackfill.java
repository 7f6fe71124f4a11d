package cn.renda.proposals.proposal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Gives records made before deputies' names were recorded the names their deputies have now, once. */
@Component
@Order(25)
class DeputyNamesBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DeputyNamesBackfill.class);

  private final ProposalRecords records;

  DeputyNamesBackfill(ProposalRecords records) {
    this.records = records;
  }

  @Override
  public void run(ApplicationArguments args) {
    int filled = records.fillMissingDeputyNames();
    if (filled > 0) {
      log.info("Recorded the names of {} deputies on records made without them", filled);
    }
  }
}
