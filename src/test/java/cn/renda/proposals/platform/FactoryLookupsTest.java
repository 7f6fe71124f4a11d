package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import jakarta.mail.util.StreamProvider;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The mail stream provider and the datatype factory are named, not searched for on every use. */
@IntegrationTest
class FactoryLookupsTest {

  @Test
  void shouldNameBothImplementationsAndKeepAnOperatorsChoice() throws Exception {
    assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
        .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    // what the searches would have found
    assertThat(StreamProvider.provider().getClass().getName())
        .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    assertThat(DatatypeFactory.newInstance().newDuration("P7D").getDays()).isEqualTo(7);

    String before = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "an.operators.Choice");
    try {
      new FactoryLookups().postProcessEnvironment(new MockEnvironment(), new SpringApplication());
      assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo("an.operators.Choice");
    } finally {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
    }
  }
}
