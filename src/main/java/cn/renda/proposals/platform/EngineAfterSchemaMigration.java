package cn.renda.proposals.platform;

import java.util.Set;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Flyway: the engine's start-up code (demo data, identity set-up, deployments with
 * listeners) may touch our tables, and Flyway refuses to migrate a schema it did not create first.
 */
public class EngineAfterSchemaMigration extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngineFactoryBean.class, SpringProcessEngineConfiguration.class);
  }
}
