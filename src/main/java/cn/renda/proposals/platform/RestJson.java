package cn.renda.proposals.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * One JSON mapper for Camunda's REST resources (engine-rest and the webapps' engine API), configured as Camunda
 * configures it. Camunda's own resolver builds a new {@link ObjectMapper} every time it is asked, and it is asked for
 * every request body read and every answer written: each request then built Jackson's (de)serializers for its types
 * from scratch by reflection — a fifth of the Java time of a Tasklist refresh (README, "Benchmark at national scale",
 * figure 3). A configured mapper is safe to share between threads and keeps what it has built.
 *
 * <p>Registered by Jersey's auto-discovery ({@code META-INF/services}) in every Jersey application that uses
 * Camunda's resolver, and ranked before it; applications without it are left alone.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
@Priority(Priorities.USER - 100)
public class RestJson implements ContextResolver<ObjectMapper> {

  private static final AtomicLong ANSWERED = new AtomicLong();

  private static final class Holder {
    // built at first use, after the starter has set the configured date format on Camunda's configurator
    static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    ANSWERED.incrementAndGet();
    return Holder.MAPPER;
  }

  /** How often a resource or Jackson's JAX-RS provider was given the shared mapper (for the tests). */
  static long answered() {
    return ANSWERED.get();
  }

  /** Adds the shared mapper to each Jersey application that registers Camunda's resolver. */
  @ConstrainedTo(RuntimeType.SERVER)
  @Priority(AutoDiscoverable.DEFAULT_PRIORITY)
  public static final class Discovery implements AutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (context.getConfiguration().isRegistered(JacksonConfigurator.class)
          && !context.getConfiguration().isRegistered(RestJson.class)) {
        context.register(RestJson.class);
      }
    }
  }
}
