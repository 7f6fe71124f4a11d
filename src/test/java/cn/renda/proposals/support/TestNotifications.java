package cn.renda.proposals.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points an application's notifications at the test JVM: mail to {@link TestMailServer}, the webhook of
 * {@code agency-hyj} to {@link TestWebhookReceiver}, the group {@code agency-jtj} to an office address of its own.
 */
public class TestNotifications implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String BASE_URL = "https://renda.county.example";
  public static final String JTJ_OFFICE = "jtj-office@county.example";
  public static final String HYJ_WEBHOOK_PATH = "/hooks/agency-hyj";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(properties()).applyTo(context);
  }

  /** The settings, also for applications started with {@link TestApplications}. */
  public static Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("proposals.notifications.base-url", BASE_URL);
    properties.put("proposals.notifications.mail.host", "127.0.0.1");
    properties.put("proposals.notifications.mail.port", String.valueOf(TestMailServer.port()));
    properties.put("proposals.notifications.mail.from", "县人大常委会办公室 <renda@county.example>");
    properties.put("proposals.notifications.group-addresses.agency-jtj", JTJ_OFFICE);
    properties.put("proposals.notifications.webhooks.agency-hyj", TestWebhookReceiver.url(HYJ_WEBHOOK_PATH));
    return properties;
  }
}
