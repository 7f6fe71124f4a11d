package cn.renda.proposals.proposal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reading and writing the record's column types the same way on PostgreSQL and H2. */
final class Rows {

  private Rows() {}

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static <E extends Enum<E>> E enumOrNull(Class<E> type, ResultSet rs, String column) throws SQLException {
    String value = rs.getString(column);
    return value == null ? null : Enum.valueOf(type, value);
  }

  /** An instant as stored: a timestamp with time zone in UTC. */
  static OffsetDateTime at(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
