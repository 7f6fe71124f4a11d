package cn.renda.proposals.alert;

import cn.renda.proposals.platform.DeliveryWorker;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one delivery of a notification, in the transaction of its engine job. The delivery row is locked first and
 * sent only while pending, and marked sent before the job's transaction commits: when two nodes (or a retry and a
 * late first attempt) run the same delivery, the second waits for the first and then finds it sent. Only a crash
 * between the SMTP server's acceptance and the commit can send a mail twice; a receiver of webhooks can tell by the
 * notification id.
 */
@Component
class NotificationDelivery implements DeliveryWorker {

  private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);
  private static final int ERROR_MAX = 2000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectMapper json;
  private final NotificationProperties properties;
  private final JavaMailSenderImpl mailSender;
  private final MailConnections connections;
  // created at the first webhook: building a client loads the JVM's trust store, a fifth of a second at start-up
  private volatile HttpClient http;
  private final ObjectProvider<MailAttachments> attachments;

  NotificationDelivery(JdbcClient jdbc, Clock clock, ObjectMapper json, NotificationProperties properties,
      ObjectProvider<MailAttachments> attachments) {
    this.attachments = attachments;
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = json;
    this.properties = properties;
    this.mailSender = properties.mail().enabled() ? mailSender(properties.mail()) : null;
    this.connections = mailSender == null ? null : new MailConnections(mailSender);
  }

  private static JavaMailSenderImpl mailSender(NotificationProperties.Mail mail) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(mail.host());
    sender.setPort(mail.port());
    sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
    if (mail.ssl()) {
      sender.setProtocol("smtps");
    }
    String protocol = mail.ssl() ? "smtps" : "smtp";
    Properties session = new Properties();
    // a hanging server must not hold the job beyond its lock: the job would then run twice
    String timeout = String.valueOf(mail.timeout().toMillis());
    session.put("mail." + protocol + ".connectiontimeout", timeout);
    session.put("mail." + protocol + ".timeout", timeout);
    session.put("mail." + protocol + ".writetimeout", timeout);
    if (mail.username() != null && !mail.username().isBlank()) {
      sender.setUsername(mail.username());
      sender.setPassword(mail.password());
      session.put("mail." + protocol + ".auth", "true");
    }
    if (mail.starttls()) {
      session.put("mail.smtp.starttls.enable", "true");
      session.put("mail.smtp.starttls.required", "true");
    }
    sender.setJavaMailProperties(session);
    return sender;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void deliver(String deliveryId) {
    String status = jdbc.sql("SELECT status FROM notification_delivery WHERE id = ? FOR UPDATE")
        .param(deliveryId)
        .query(String.class)
        .optional()
        .orElse(null);
    if (status == null) {
      log.warn("Delivery {} no longer exists; nothing to send", deliveryId);
      return;
    }
    if (!status.equals(DeliveryStatus.PENDING.name()) && !status.equals(DeliveryStatus.FAILED.name())) {
      log.info("Delivery {} is {} already; not sent again", deliveryId, status);
      return;
    }
    Pending pending = jdbc.sql("""
            SELECT d.channel, d.target, n.id AS notification_id, n.proposal_id, n.kind, n.audience, n.subject, n.body,
                   n.link, n.created_at
            FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
            WHERE d.id = ?""")
        .param(deliveryId)
        .query((rs, row) -> new Pending(
            Channel.valueOf(rs.getString("channel")), rs.getString("target"), rs.getString("notification_id"),
            rs.getString("proposal_id"), rs.getString("kind"), rs.getString("audience"), rs.getString("subject"),
            rs.getString("body"), rs.getString("link"), rs.getObject("created_at", OffsetDateTime.class)))
        .single();

    DeliveryStatus outcome = switch (pending.channel()) {
      case MAIL -> mail(pending);
      case WEBHOOK -> webhook(pending);
      case LOG -> logOnly(pending);
    };
    jdbc.sql("""
            UPDATE notification_delivery
            SET status = ?, attempts = attempts + 1, sent_at = ?, last_error = NULL, next_attempt_at = NULL
            WHERE id = ?""")
        .params(outcome.name(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), deliveryId)
        .update();
  }

  private DeliveryStatus mail(Pending pending) {
    if (mailSender == null) {
      // recorded while a mail server was configured, sent after it was removed: the log is all that is left
      return logOnly(pending);
    }
    MimeMessage message;
    try {
      List<MailAttachments.Attachment> files = new ArrayList<>();
      if (pending.proposalId() != null) {
        NotificationKind kind = NotificationKind.valueOf(pending.kind());
        attachments.orderedStream().forEach(source -> files.addAll(source.of(kind, pending.proposalId())));
      }
      message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, !files.isEmpty(), StandardCharsets.UTF_8.name());
      helper.setFrom(sender());
      helper.setTo(InternetAddress.parse(pending.target(), false));
      helper.setSubject(pending.subject());
      helper.setText(pending.body(), false);
      for (MailAttachments.Attachment file : files) {
        helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
      }
      message.setHeader("X-Proposals-Notification", pending.notificationId());
      if (pending.proposalId() != null) {
        message.setHeader("X-Proposals-Proposal", pending.proposalId());
      }
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot compose the mail of notification " + pending.notificationId(), e);
    }
    try {
      connections.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot send the mail of notification " + pending.notificationId() + " to "
          + pending.target() + " through " + mailSender.getHost() + ":" + mailSender.getPort() + ": " + e, e);
    }
    return DeliveryStatus.SENT;
  }

  @PreDestroy
  void closeConnections() {
    if (connections != null) {
      connections.closeAll();
    }
  }

  private InternetAddress sender() throws MessagingException {
    InternetAddress[] parsed = InternetAddress.parse(properties.mail().from(), false);
    InternetAddress from = parsed[0];
    if (from.getPersonal() != null) {
      try {
        from.setPersonal(from.getPersonal(), StandardCharsets.UTF_8.name());
      } catch (java.io.UnsupportedEncodingException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    return from;
  }

  private DeliveryStatus webhook(Pending pending) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("id", pending.notificationId());
    payload.put("kind", pending.kind());
    payload.put("kindLabel", NotificationKind.valueOf(pending.kind()).label());
    payload.put("proposalId", pending.proposalId());
    payload.put("audience", pending.audience());
    payload.put("subject", pending.subject());
    payload.put("text", pending.body());
    payload.put("link", pending.link());
    payload.put("createdAt", pending.createdAt().toInstant().toString());
    HttpResponse<String> response;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(pending.target()))
          .timeout(properties.webhookTimeout())
          .header("Content-Type", "application/json; charset=utf-8")
          .header("X-Proposals-Notification", pending.notificationId())
          .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload)))
          .build();
      response = http().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Webhook " + pending.target() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling webhook " + pending.target(), e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("Webhook " + pending.target() + " answered HTTP " + response.statusCode());
    }
    return DeliveryStatus.SENT;
  }

  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null) {
          client = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout()).build();
          http = client;
        }
      }
    }
    return client;
  }

  private DeliveryStatus logOnly(Pending pending) {
    log.info("Mail (no mail server configured, proposals.notifications.mail.host): to {}, subject {}\n{}",
        pending.target(), pending.subject(), pending.body());
    return DeliveryStatus.LOGGED;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void attemptFailed(String deliveryId, String error, int retriesLeft, Instant nextAttemptAt) {
    String message = error == null ? "unknown error" : error;
    jdbc.sql("""
            UPDATE notification_delivery
            SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, status = ?
            WHERE id = ? AND status IN ('PENDING', 'FAILED')""")
        .params(message.length() > ERROR_MAX ? message.substring(0, ERROR_MAX - 1) + "…" : message,
            retriesLeft > 0 && nextAttemptAt != null ? OffsetDateTime.ofInstant(nextAttemptAt, ZoneOffset.UTC) : null,
            (retriesLeft > 0 ? DeliveryStatus.PENDING : DeliveryStatus.FAILED).name(), deliveryId)
        .update();
    if (retriesLeft == 0) {
      log.error("Delivery {} failed for good after its last attempt: {} (an incident in Cockpit)", deliveryId, message);
    }
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void retriedByOperator(String deliveryId) {
    jdbc.sql("UPDATE notification_delivery SET status = 'PENDING' WHERE id = ? AND status = 'FAILED'")
        .param(deliveryId)
        .update();
  }

  @Override
  public String retryIntervals() {
    return properties.retryIntervals();
  }

  private record Pending(
      Channel channel, String target, String notificationId, String proposalId, String kind, String audience,
      String subject, String body, String link, OffsetDateTime createdAt) {}
}
