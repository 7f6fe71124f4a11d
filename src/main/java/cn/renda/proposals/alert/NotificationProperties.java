package cn.renda.proposals.alert;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notifications by mail and webhook ({@code proposals.notifications}); README.md, "Notifications", explains each.
 *
 * @param baseUrl the address people open the application at; links in mails start with it
 * @param mail the SMTP server; without a host, mails are written to the log instead of being sent
 * @param retryIntervals waits between delivery attempts (engine retry notation); after the last attempt the delivery
 *     is an incident in Cockpit
 * @param groupAddresses a group's own address (e.g. an office mailbox), used instead of its members' addresses
 * @param webhooks a URL per group that receives each of the group's notifications as a JSON POST
 * @param webhookTimeout how long a webhook may take to answer
 */
@ConfigurationProperties("proposals.notifications")
public record NotificationProperties(
    @DefaultValue("http://localhost:8080") URI baseUrl,
    @DefaultValue Mail mail,
    @DefaultValue("PT1M,PT5M,PT15M,PT1H,PT4H") String retryIntervals,
    Map<String, String> groupAddresses,
    Map<String, URI> webhooks,
    @DefaultValue("10s") Duration webhookTimeout) {

  public NotificationProperties {
    groupAddresses = groupAddresses == null ? Map.of() : Map.copyOf(groupAddresses);
    webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
  }

  /**
   * The SMTP server.
   *
   * @param host empty: mail is disabled and written to the log
   * @param from sender, e.g. {@code 县人大常委会办公室 <renda@county.gov.cn>}
   * @param starttls require STARTTLS (port 587)
   * @param ssl SMTPS (port 465)
   */
  public record Mail(
      String host,
      @DefaultValue("25") int port,
      String username,
      String password,
      @DefaultValue("人大代表议案建议办理系统 <noreply@localhost>") String from,
      @DefaultValue("false") boolean starttls,
      @DefaultValue("false") boolean ssl,
      @DefaultValue("10s") Duration timeout) {

    public boolean enabled() {
      return host != null && !host.isBlank();
    }
  }
}
