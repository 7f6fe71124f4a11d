/**
 * The application's access to its own tables: the {@code JdbcTemplate} under every {@code JdbcClient}, and the reads a
 * transaction keeps until it changes what they read. Depends on no feature, so that every feature (the record, the
 * calendar) may use it.
 */
package cn.renda.proposals.jdbc;
