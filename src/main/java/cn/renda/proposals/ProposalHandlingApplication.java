package cn.renda.proposals;

import cn.renda.proposals.agency.AgencyProperties;
import cn.renda.proposals.alert.NotificationProperties;
import cn.renda.proposals.calendar.CalendarProperties;
import cn.renda.proposals.deputy.DeputyProperties;
import cn.renda.proposals.identity.AccountProperties;
import cn.renda.proposals.process.DeadlineProperties;
import cn.renda.proposals.publication.PublicationProperties;
import cn.renda.proposals.statistics.StatisticsProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Deputy proposal handling (人大代表议案/建议办理) on an embedded Camunda 7 engine.
 *
 * <p>The settings classes are named here rather than found by {@code @ConfigurationPropertiesScan}: the scan reads
 * every class file of the application a second time (after the component scan) and loads each class it finds
 * (README, "Benchmark at national scale", figure 7: about 50 ms, within the noise of alternating starts).
 * {@code ArchitectureTest} fails when a settings class is missing from the list.
 */
@SpringBootApplication
@EnableConfigurationProperties({AccountProperties.class, AgencyProperties.class, CalendarProperties.class,
    DeadlineProperties.class, DeputyProperties.class, NotificationProperties.class, PublicationProperties.class,
    StatisticsProperties.class})
public class ProposalHandlingApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProposalHandlingApplication.class, args);
  }
}
