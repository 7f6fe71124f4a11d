package cn.renda.proposals.identity;

import cn.renda.proposals.identity.AccountProperties.LoginThrottleSettings;
import cn.renda.proposals.platform.LoginGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing without letting anyone lock a real user out from elsewhere.
 *
 * <p>Failures are counted per <b>user and client address</b>: after a few failures of one user from one client, that
 * client's further attempts for that user are refused without checking the password, for a time that doubles with
 * each further failure (capped). The same user logs in from any other client as usual, and a success from a client
 * forgets that client's failures for the user. The client address is the request's
 * ({@link LoginThrottleFilter}); behind the reverse proxy it is the real client's, from {@code X-Forwarded-For}.
 *
 * <p>A client that tries <b>many users</b> (password spraying) is also counted as a whole, as a leaky bucket: a
 * generous number of failures for any users, then one attempt per interval. A success does not empty that bucket, or
 * an attacker with one account of their own could empty it at will. Only that client waits; people behind the same
 * address (an office behind one NAT) wait with it, which is why the bucket is generous.
 *
 * <p>Unknown user ids count like known ones, so the answers do not tell which ids exist. Memory is bounded: at most
 * {@code maxRecords} entries per table, the least recently seen dropped first (an attacker who floods the table
 * regains a few free attempts, no more). The state is <b>per node and in memory</b>: a restart forgets it, and on a
 * cluster of N nodes an attacker gets N times the attempts — cheap compared with a database write per failed login,
 * which would turn an attack into load on the database every node depends on.
 *
 * <p>Time is the engine's clock, so tests move it instead of waiting.
 */
public class LoginThrottle implements LoginGuard {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** The client of calls that come from no request (Java inside the application). */
  static final String NO_REQUEST = "(no request)";

  /** User ids are at most 64 characters (the id whitelist); longer ones cannot log in and are counted by a prefix. */
  private static final int MAX_USER_ID = 128;

  private static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();

  private final LoginThrottleSettings settings;
  private final Clock clock;
  private final Map<String, Failures> byUserAndClient;
  private final Map<String, Bucket> byClient;

  public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.byUserAndClient = lru(settings.maxRecords());
    this.byClient = lru(settings.maxRecords());
  }

  /** The request this thread serves: where it comes from, and how long it was told to wait, if it was. */
  private static final class Attempt {
    final String client;
    Duration refusal;

    Attempt(String client) {
      this.client = client;
    }
  }

  /** Failed logins of one user from one client. */
  private static final class Failures {
    int count;
    Instant last;
    Instant blockedUntil;
  }

  /** Failed logins from one client for any users: a level that leaks one unit per interval. */
  private static final class Bucket {
    double level;
    Instant updated;
  }

  /** The current request thread serves a client at this address (until {@link #leave()}). */
  static void enter(String clientAddress) {
    CURRENT.set(new Attempt(clientAddress == null ? NO_REQUEST : clientAddress));
  }

  static void leave() {
    CURRENT.remove();
  }

  /** How long the current request's client was told to wait, or null when no attempt of it was refused. */
  static Duration refusal() {
    Attempt attempt = CURRENT.get();
    return attempt == null ? null : attempt.refusal;
  }

  @Override
  public synchronized boolean mayCheckPassword(String userId) {
    Instant now = clock.instant();
    String client = client();
    Duration wait = longer(userWait(key(userId, client), now), clientWait(client, now));
    if (wait.isZero()) {
      return true;
    }
    Attempt attempt = CURRENT.get();
    if (attempt != null) {
      attempt.refusal = attempt.refusal == null ? wait : longer(attempt.refusal, wait);
    }
    return false;
  }

  @Override
  public synchronized void passwordChecked(String userId, boolean matched) {
    String client = client();
    String key = key(userId, client);
    if (matched) {
      byUserAndClient.remove(key);
      return;
    }
    Instant now = clock.instant();
    Failures failures = byUserAndClient.get(key);
    if (failures == null || forgotten(failures, now)) {
      failures = new Failures();
    }
    failures.count++;
    failures.last = now;
    if (failures.count >= settings.failuresBeforeDelay()) {
      Duration delay = delayAfter(failures.count);
      failures.blockedUntil = now.plus(delay);
      LOG.info("Login of '{}' from {} refused for {} s after {} failed attempts",
          printable(userId), printable(client), delay.toSeconds(), failures.count);
    }
    byUserAndClient.put(key, failures);

    Bucket bucket = byClient.get(client);
    if (bucket == null) {
      bucket = new Bucket();
    } else {
      bucket.level = leaked(bucket, now);
    }
    bucket.level += 1;
    bucket.updated = now;
    byClient.put(client, bucket);
    if (bucket.level >= settings.clientFailuresBeforeDelay()) {
      LOG.info("Logins from {} slowed down: {} recent failed attempts for any users", printable(client),
          (int) bucket.level);
    }
  }

  /** How many users-and-clients and clients are remembered (for tests of the memory bound). */
  synchronized int remembered() {
    return byUserAndClient.size() + byClient.size();
  }

  private Duration userWait(String key, Instant now) {
    Failures failures = byUserAndClient.get(key);
    if (failures == null) {
      return Duration.ZERO;
    }
    if (forgotten(failures, now)) {
      byUserAndClient.remove(key);
      return Duration.ZERO;
    }
    return failures.blockedUntil == null || !failures.blockedUntil.isAfter(now)
        ? Duration.ZERO
        : Duration.between(now, failures.blockedUntil);
  }

  private Duration clientWait(String client, Instant now) {
    Bucket bucket = byClient.get(client);
    if (bucket == null) {
      return Duration.ZERO;
    }
    double level = leaked(bucket, now);
    if (level <= 0) {
      byClient.remove(client);
      return Duration.ZERO;
    }
    // one more failure must still fit: wait until the level is one below the limit
    double excess = level - (settings.clientFailuresBeforeDelay() - 1);
    if (excess <= 0) {
      return Duration.ZERO;
    }
    return Duration.ofMillis((long) Math.ceil(excess * settings.clientFailureInterval().toMillis()));
  }

  private double leaked(Bucket bucket, Instant now) {
    // the engine clock may be set back (tests): time never runs backwards for the bucket
    long elapsed = Math.max(0, Duration.between(bucket.updated, now).toMillis());
    return Math.max(0, bucket.level - (double) elapsed / settings.clientFailureInterval().toMillis());
  }

  private boolean forgotten(Failures failures, Instant now) {
    return failures.last.plus(settings.forgetAfter()).isBefore(now)
        && (failures.blockedUntil == null || !failures.blockedUntil.isAfter(now));
  }

  /** The wait after the given number of failures: the first delay, doubled for each failure beyond the free ones. */
  Duration delayAfter(int failures) {
    int doublings = failures - settings.failuresBeforeDelay();
    if (doublings >= 30) {
      return settings.maxDelay();
    }
    Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
  }

  private static String client() {
    Attempt attempt = CURRENT.get();
    return attempt == null ? NO_REQUEST : attempt.client;
  }

  private static String key(String userId, String client) {
    String user = userId.length() > MAX_USER_ID ? userId.substring(0, MAX_USER_ID) : userId;
    return client + '\u0000' + user.toLowerCase(Locale.ROOT);
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** User ids come from anyone: no line breaks or control characters into the log. */
  private static String printable(String text) {
    String shortened = text.length() > 64 ? text.substring(0, 64) + "…" : text;
    return shortened.replaceAll("\\p{Cntrl}", "?");
  }

  private static <V> Map<String, V> lru(int maxEntries) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > maxEntries;
      }
    };
  }
}
