package cn.renda.proposals.alert;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP connections kept open between mails, one per sending thread. Sending each mail on a connection of its own
 * (what {@link JavaMailSenderImpl#send} does) costs a connect, the greeting, EHLO, STARTTLS and AUTH where
 * configured, and QUIT for every mail; in a deadline burst, when the job executor sends thousands of mails in a few
 * minutes, that was most of the sending. A thread's connection is used again while it is fresh: it is replaced after
 * {@link #IDLE} without a mail (servers close idle connections; RFC 5321 lets them after five minutes) and after
 * {@link #MAILS_PER_CONNECTION} mails (servers limit mails per connection). A mail that fails on a kept connection is
 * not sent again here: the connection is dropped and the delivery job fails as any failed sending does, to be
 * retried with the delivery's back-off on a new connection.
 */
final class MailConnections {

  static final Duration IDLE = Duration.ofSeconds(10);
  static final int MAILS_PER_CONNECTION = 100;

  private static final Logger log = LoggerFactory.getLogger(MailConnections.class);

  /** A connection with what decides whether it is used again. */
  private static final class Connection {
    final Transport transport;
    long lastUsed = System.nanoTime();
    int mails;

    Connection(Transport transport) {
      this.transport = transport;
    }

    boolean fresh() {
      return mails < MAILS_PER_CONNECTION && System.nanoTime() - lastUsed < IDLE.toNanos()
          && transport.isConnected();
    }
  }

  private final JavaMailSenderImpl sender;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();

  MailConnections(JavaMailSenderImpl sender) {
    this.sender = sender;
  }

  /** Sends the message on this thread's connection, opening one if there is none or it is stale. */
  void send(MimeMessage message) throws MessagingException {
    Connection connection = current.get();
    if (connection != null && !connection.fresh()) {
      close(connection);
      connection = null;
    }
    if (connection == null) {
      connection = connect();
    }
    if (message.getSentDate() == null) {
      message.setSentDate(new Date());
    }
    message.saveChanges();
    try {
      connection.transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException | RuntimeException e) {
      close(connection);
      throw e;
    }
    connection.mails++;
    connection.lastUsed = System.nanoTime();
  }

  private Connection connect() throws MessagingException {
    String protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
    Transport transport = sender.getSession().getTransport(protocol);
    String username = sender.getUsername() == null || sender.getUsername().isBlank() ? null : sender.getUsername();
    try {
      transport.connect(sender.getHost(), sender.getPort(), username, username == null ? null : sender.getPassword());
    } catch (MessagingException e) {
      throw new MessagingException("Mail server connection failed (" + sender.getHost() + ":" + sender.getPort() + ")",
          e);
    }
    Connection connection = new Connection(transport);
    current.set(connection);
    open.add(connection);
    return connection;
  }

  private void close(Connection connection) {
    if (current.get() == connection) {
      current.remove();
    }
    open.remove(connection);
    try {
      connection.transport.close();
    } catch (MessagingException e) {
      log.debug("SMTP connection closed with an error: {}", e.toString());
    }
  }

  /** Closes every kept connection (at shutdown). */
  void closeAll() {
    for (Connection connection : Set.copyOf(open)) {
      close(connection);
    }
  }
}
