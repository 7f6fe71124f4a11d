package cn.renda.proposals.support;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the test JVM, one for the whole run, on a port chosen when it first starts. Tests
 * stop and start it to play an unreachable mail server; it comes back on the same port (and empty).
 */
public final class TestMailServer {

  private static GreenMail server;
  private static int port;

  private TestMailServer() {}

  /** A mail as one mailbox received it. */
  public record Received(String mailbox, MimeMessage message) {

    public String subject() {
      try {
        return message.getSubject();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The text of the mail (its first text part when it carries attachments). */
    public String body() {
      try {
        return text(message.getContent());
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    private static String text(Object content) throws MessagingException, IOException {
      if (content instanceof Multipart parts) {
        for (int i = 0; i < parts.getCount(); i++) {
          BodyPart part = parts.getBodyPart(i);
          if (!Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return text(part.getContent());
          }
        }
        return "";
      }
      return String.valueOf(content);
    }

    /** The attached files by name (empty for a plain mail). */
    public Map<String, byte[]> attachments() {
      try {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (message.getContent() instanceof Multipart parts) {
          for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
              try (InputStream in = part.getInputStream()) {
                files.put(MimeUtility.decodeText(part.getFileName()), in.readAllBytes());
              }
            }
          }
        }
        return files;
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    public String header(String name) {
      try {
        String[] values = message.getHeader(name);
        return values == null ? null : values[0];
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }

    public List<String> to() {
      try {
        return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }

    public String from() {
      try {
        return message.getFrom()[0].toString();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }

    public String proposalId() {
      return header("X-Proposals-Proposal");
    }

    public String notificationId() {
      return header("X-Proposals-Notification");
    }
  }

  /** The port, starting the server on first use. */
  public static synchronized int port() {
    if (server == null) {
      start();
    }
    return port;
  }

  public static synchronized void start() {
    if (server != null && server.isRunning()) {
      return;
    }
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
    server.start();
    port = server.getSmtp().getPort();
  }

  /** Stops the server: connections are refused until {@link #start()}. */
  public static synchronized void stop() {
    port();
    server.stop();
  }

  /** Every mail received since the server (re)started, one per mailbox that received it. */
  public static synchronized List<Received> received() {
    port();
    List<Received> received = new ArrayList<>();
    for (GreenMailUser user : server.getUserManager().listUser()) {
      server.findReceivedMessages(u -> u.equals(user), m -> true)
          .forEach(message -> received.add(new Received(user.getEmail(), message)));
    }
    return received;
  }

  /** The mails received about one proposal. */
  public static List<Received> about(String proposalId) {
    return received().stream().filter(mail -> proposalId.equals(mail.proposalId())).toList();
  }
}
