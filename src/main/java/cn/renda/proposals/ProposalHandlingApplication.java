package cn.renda.proposals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Deputy proposal handling (人大代表议案/建议办理) on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProposalHandlingApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProposalHandlingApplication.class, args);
  }
}
