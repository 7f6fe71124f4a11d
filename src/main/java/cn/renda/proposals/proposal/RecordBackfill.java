package cn.renda.proposals.proposal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives records made by an earlier version what this one keeps on them, once, at start-up: the names their deputies
 * have now, and their handling facts. Both are idempotent, so nodes starting together do no harm.
 */
@Component
@Order(25)
class RecordBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RecordBackfill.class);

  private final ProposalRecords records;
  private final HandlingFacts facts;

  RecordBackfill(ProposalRecords records, HandlingFacts facts) {
    this.records = records;
    this.facts = facts;
  }

  @Override
  public void run(ApplicationArguments args) {
    int named = records.fillMissingDeputyNames();
    if (named > 0) {
      log.info("Recorded the names of {} deputies on records made without them", named);
    }
    int counted = facts.fillMissing();
    if (counted > 0) {
      log.info("Recorded the handling facts of {} proposals assigned before they were kept", counted);
    }
  }
}
