package cn.renda.proposals.platform;

import java.util.Map;
import javax.xml.datatype.DatatypeFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Names the implementations that two factories otherwise search the whole classpath for on every use. Jakarta Mail
 * looks its stream provider up with a {@link java.util.ServiceLoader} for each message it builds or sends, and the
 * engine's timer cycles ({@code DurationHelper}) ask the JDK for a {@link DatatypeFactory} at every firing, which
 * reads every jar's {@code META-INF/services} the same way: together an eighth of the processor time of a deadline
 * burst (README, "Benchmark at national scale", figure 5). Both factories read a system property first; it is set here
 * to the implementation the search would find (Angus Mail's provider, the JDK's own factory), unless it is set
 * already — an operator's choice on the command line stays.
 */
public class FactoryLookups implements EnvironmentPostProcessor {

  static final Map<String, String> IMPLEMENTATIONS = Map.of(
      "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider",
      DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    ClassLoader loader = FactoryLookups.class.getClassLoader();
    IMPLEMENTATIONS.forEach((factory, implementation) -> {
      if (System.getProperty(factory) == null && ClassUtils.isPresent(implementation, loader)) {
        System.setProperty(factory, implementation);
      }
    });
  }
}
