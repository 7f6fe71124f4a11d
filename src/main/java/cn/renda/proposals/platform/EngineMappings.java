package cn.renda.proposals.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Reads the engine's SQL mappings while the rest of the application starts. Building the engine begins with MyBatis
 * parsing its 55 mapping files — a fifth of the product's start-up on the main thread, the largest single step (README,
 * "Benchmark at national scale", figure 7) — yet the parse needs nothing but the database's kind and the table
 * prefix. So it starts on a thread of its own as soon as the application's settings are known
 * ({@link ApplicationPreparedEvent}), on the second processor, while Spring reads its configuration classes and
 * creates the web server; the engine takes the result when it gets there, waiting for the rest if needed.
 *
 * <p>The parse is the engine's own, with the same inputs: the mapping file, the prefix and the properties the engine
 * derives from the database's kind. The engine uses it only when the kind it finds on the database (its own check,
 * at the moment it would parse) and the prefix are the ones the parse was made for; otherwise — another database
 * behind a PostgreSQL URL, a failed parse, a second engine in the JVM — it parses as it always did. A parse is used
 * at most once.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EngineMappings {

  private static final Logger LOG = LoggerFactory.getLogger(EngineMappings.class);

  /** The parse under way or done, for the database kind and table prefix it was made for. */
  record Parse(String databaseType, String tablePrefix, CompletableFuture<Configuration> mappings) {}

  private static final AtomicReference<Parse> PENDING = new AtomicReference<>();

  /**
   * The starter's engine configuration (it steps back when one is defined), with the mappings taken from the parse
   * that started early.
   */
  @Bean
  ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins) {
    SpringProcessEngineConfiguration configuration = CamundaSpringBootUtil.initCustomFields(new EarlyParsed());
    configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
    return configuration;
  }

  /** Starts the parse once the application's settings are complete, before its context is refreshed. */
  public static class Start implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
      Environment settings = event.getApplicationContext().getEnvironment();
      String databaseType = databaseType(settings);
      if (databaseType != null) {
        start(databaseType, settings.getProperty("camunda.bpm.database.table-prefix", ""));
      }
    }
  }

  /** The engine's name for the database behind the configured URL, or null when it is none this product runs on. */
  static String databaseType(Environment settings) {
    String configured = settings.getProperty("camunda.bpm.database.type");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String url = settings.getProperty("spring.datasource.url", "");
    if (url.startsWith("jdbc:postgresql:")) {
      return "postgres";
    }
    if (url.startsWith("jdbc:h2:")) {
      return "h2";
    }
    return null;
  }

  static void start(String databaseType, String tablePrefix) {
    CompletableFuture<Configuration> mappings = new CompletableFuture<>();
    ClassLoader loader = EngineMappings.class.getClassLoader();
    Thread parser = new Thread(() -> {
      try {
        mappings.complete(parse(databaseType, tablePrefix));
      } catch (RuntimeException | Error failed) {
        mappings.completeExceptionally(failed);
      }
    }, "engine-mappings");
    parser.setDaemon(true);
    parser.setContextClassLoader(loader);
    PENDING.set(new Parse(databaseType, tablePrefix, mappings));
    parser.start();
  }

  /** The engine's own parse of its mappings ({@code ProcessEngineConfigurationImpl.initSqlSessionFactory}). */
  static Configuration parse(String databaseType, String tablePrefix) {
    Properties properties = new Properties();
    properties.put("prefix", tablePrefix);
    ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
    try (InputStream stream = ReflectUtil.getResourceAsStream(
        ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE); Reader reader = new InputStreamReader(stream)) {
      return new XMLConfigBuilder(reader, "", properties).parse();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /**
   * The parse made for this database kind and prefix, waiting for it to finish; null when there is none (or it
   * failed), and the engine parses itself.
   */
  static Configuration take(String databaseType, String tablePrefix) {
    Parse parse = PENDING.getAndSet(null);
    if (parse == null) {
      return null;
    }
    if (!parse.databaseType().equals(databaseType) || !parse.tablePrefix().equals(tablePrefix)) {
      LOG.info("The engine's mappings were read ahead for {} with prefix '{}', but the engine runs on {} with "
          + "prefix '{}': it reads them itself", parse.databaseType(), parse.tablePrefix(), databaseType, tablePrefix);
      return null;
    }
    try {
      return parse.mappings().get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException failed) {
      LOG.warn("Reading the engine's mappings ahead failed; the engine reads them itself", failed.getCause());
      return null;
    }
  }

  /** Spring's engine configuration, taking the mappings read ahead where they fit. */
  static class EarlyParsed extends SpringProcessEngineConfiguration {

    boolean tookEarlyParse;

    @Override
    protected void initSqlSessionFactory() {
      if (sqlSessionFactory == null && !isUseSharedSqlSessionFactory) {
        Configuration mappings = take(databaseType, databaseTablePrefix);
        if (mappings != null) {
          mappings.setEnvironment(new org.apache.ibatis.mapping.Environment("default", transactionFactory, dataSource));
          mappings.setDefaultStatementTimeout(jdbcStatementTimeout);
          if (isJdbcBatchProcessing()) {
            mappings.setDefaultExecutorType(ExecutorType.BATCH);
          }
          sqlSessionFactory = new DefaultSqlSessionFactory(mappings);
          tookEarlyParse = true;
        }
      }
      super.initSqlSessionFactory();
    }
  }
}
