package cn.renda.proposals.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one application context of the integration tests: demo profile, job executor off, on PostgreSQL. Every test
 * class uses exactly this annotation and nothing that changes the context, so the context (and its engine, named
 * "default" as the webapps and the REST API expect) is started once per run. Tests that need another configuration
 * start their own application with {@link TestApplications}.
 * Mail and webhooks go to servers in the test JVM ({@link TestNotifications}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = {PostgresTestInitializer.class, TestNotifications.class})
public @interface IntegrationTest {}
